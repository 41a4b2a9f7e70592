"""Decisions made on top of the model's scores: listings, headings that head nothing, captions."""

from __future__ import annotations

import numpy as np
import pytest

import presscut
from presscut import dom, select
from presscut.chrome_lines import is_credit_line, standalone_line_reason
from presscut.features import segment_features
from presscut.segment import Page, segment_page
from presscut.select import Scores, decide, listing_reason
from presscut.text import LineDecisions, classify_lines
from presscut.text.families import family_of

PARAGRAPH = (
    "The council voted on Tuesday to approve the new harbour wall, ending a debate that has run "
    "for more than a decade and divided the town's fishermen and shopkeepers."
)
PARAGRAPH_2 = (
    "Engineers said the wall would be built in three stages, starting next spring, and that the "
    "harbour would stay open to the ferry and the fishing fleet throughout the works."
)
PARAGRAPH_3 = (
    "The regional government has promised to pay for half of the project, the mayor told "
    "reporters after the vote, and the rest will come from a loan over thirty years."
)


def _page(body: str):
    tree = dom.parse(f"<html><body>{body}</body></html>")
    dom.prune(tree)
    return segment_page(dom.content_root(tree))


def _decide(page, keep: list[bool]) -> tuple[list[str], str | None]:
    probability = np.where(keep, 0.9, 0.1)
    scores = Scores(probability, np.zeros(len(keep), dtype=bool))
    kept, listing = decide(page, scores, 0.5)
    return [s.text for s, k in zip(page.segments, kept, strict=True) if k], listing


def test_heading_with_nothing_kept_under_it_is_cut() -> None:
    page = _page(
        f"<h2>What happened</h2><p>{PARAGRAPH}</p>"
        "<h3>Get our newsletter</h3><p>Sign up for free.</p>"
        f"<h2>What happens next</h2><p>{PARAGRAPH_2}</p>"
    )
    kept, _ = _decide(page, [True, True, True, False, True, True])
    assert kept == ["What happened", PARAGRAPH, "What happens next", PARAGRAPH_2]


def test_heading_over_kept_subsections_stays() -> None:
    page = _page(f"<h2>The plan</h2><h3>Costs</h3><p>{PARAGRAPH}</p>")
    kept, _ = _decide(page, [True, True, True])
    assert kept == ["The plan", "Costs", PARAGRAPH]


def test_caption_next_to_kept_text_is_kept() -> None:
    page = _page(
        f"<p>{PARAGRAPH}</p><figure><img src='a.jpg'><figcaption>The new wall at dawn."
        f"</figcaption></figure><p>{PARAGRAPH_2}</p>"
    )
    probability = np.array([0.9, 0.2, 0.9])
    kept, _ = decide(page, Scores(probability, np.zeros(3, dtype=bool)), 0.5)
    assert kept.tolist() == [True, True, True]


def test_a_caption_that_only_credits_the_picture_is_cut() -> None:
    page = _page(
        f"<p>{PARAGRAPH}</p><figure><img src='a.jpg'><figcaption>Photo: Jane Doe/Reuters"
        f"</figcaption></figure><p>{PARAGRAPH_2}</p><p>(Image credit: Harbour Trust)</p>"
    )
    probability = np.array([0.9, 0.9, 0.9, 0.9])
    kept, _ = decide(page, Scores(probability, np.zeros(4, dtype=bool)), 0.5)
    assert kept.tolist() == [True, False, True, False]


def test_a_caption_that_is_an_ad_or_gallery_label_is_cut() -> None:
    page = _page(
        f"<p>{PARAGRAPH}</p><figure><img src='ad.jpg'><figcaption>Reklama</figcaption></figure>"
        f"<figure><img src='a.jpg'><figcaption>Bild anzeigen Bild schließen</figcaption></figure>"
        f"<figure><img src='b.jpg'><figcaption>The new wall at dawn.</figcaption></figure>"
        f"<p>{PARAGRAPH_2}</p>"
    )
    probability = np.array([0.9, 0.9, 0.9, 0.9, 0.9])
    kept, _ = decide(page, Scores(probability, np.zeros(5, dtype=bool)), 0.5)
    assert kept.tolist() == [True, False, False, True, True]


def test_a_paragraph_that_is_only_a_byline_or_a_date_line_is_cut() -> None:
    page = _page(
        "<p>By Jane Doe and Tom Hale</p><p>Updated: 14 March 2024, 10:42</p>"
        f"<p>{PARAGRAPH}</p><p>By the end of the year, the wall will be finished.</p>"
        "<p>Aktualisiert am 17.01.2021</p>"
    )
    probability = np.full(5, 0.9)
    kept, _ = decide(page, Scores(probability, np.zeros(5, dtype=bool)), 0.5)
    assert kept.tolist() == [False, False, True, True, False]


def test_a_labelled_link_to_another_story_is_cut() -> None:
    page = _page(
        f"<p>{PARAGRAPH}</p><p>Also read: <a href='/b'>Bus fares to rise by 8 percent</a></p>"
        "<p>Lesen Sie auch: <a href='/c'>Neue Radwege am Hafen</a></p>"
        "<p>See also the council's plan for the ferry, due in May.</p>"
    )
    probability = np.full(4, 0.9)
    kept, _ = decide(page, Scores(probability, np.zeros(4, dtype=bool)), 0.5)
    assert kept.tolist() == [True, False, False, True]


@pytest.mark.parametrize(
    ("name", "line", "box_kept"),
    [
        ("Marcus Oyelaran", "Marcus Oyelaran covers city government for the Ledger.", False),
        ("Elena Soler", "Elena Soler es profesora de Lengua en Alicante.", False),
        ("Emma Roth", "Emma Roth Mar 5", True),
    ],
)
def test_an_author_box_whose_bio_opens_with_the_name_is_cut(
    name: str, line: str, box_kept: bool
) -> None:
    # Utility class names only: the name over a bio that starts with it is an author box.
    page = _page(
        f"<div class='prose'><p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p><p>{PARAGRAPH_3}</p></div>"
        f"<div class='mt-8 flex gap-4'><p>{name}</p><p>{line}</p></div>"
    )
    kept, _ = decide(page, Scores(np.full(5, 0.8), np.zeros(5, dtype=bool)), 0.5)
    assert kept.tolist() == [True, True, True, box_kept, box_kept]


@pytest.mark.parametrize(
    ("form", "box_kept"), [("<form><input type='email'></form>", False), ("", True)]
)
def test_the_lines_of_a_newsletter_box_with_a_form_field_go_together(
    form: str, box_kept: bool
) -> None:
    # A sign-up box with hashed class names: its title names the newsletter, the line
    # under it does not. Without a form field the box is kept as the model says.
    page = _page(
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p><div class='css-1q2w3e'>"
        "<p>Sign up for our newsletter</p><p>Local news you need, every weekday at 6 a.m.</p>"
        f"{form}</div><p>{PARAGRAPH_3}</p>"
    )
    kept, _ = decide(page, Scores(np.full(5, 0.9), np.zeros(5, dtype=bool)), 0.5)
    assert kept.tolist() == [True, True, box_kept, box_kept, True]


@pytest.mark.parametrize(
    "line",
    [
        "Don't miss: Weymouth seafront cafe named among best in UK",
        "MUST READ: Ferry timetable changes from Monday",
        "Nicht verpassen: Neue Radwege am Hafen",
        "À ne pas manquer : le marché de Noël ouvre samedi",
        "No te pierdas: El pleno aprueba nuevos carriles bici",
        "Da non perdere: il nuovo orario dei traghetti",
        "Não perca: Prefeitura anuncia novas ciclovias",
        "Nie przegap: Nowe ścieżki rowerowe w centrum",
        "Mis dit niet: Nieuwe fietspaden langs de haven",
    ],
)
def test_a_link_to_another_story_labelled_not_to_be_missed_is_cut(line: str) -> None:
    # Regional papers set such lines between the story's paragraphs, like "Read more:".
    assert standalone_line_reason(line) == "related"


def test_a_story_sentence_about_not_missing_something_stays() -> None:
    line = "Don't miss the last ferry, the harbour master warned: it leaves at 9pm sharp."
    assert standalone_line_reason(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Skip Advertisement", "advertisement"),
        ("Anzeige", "advertisement"),
        ("Continue reading below", "advertisement"),
        ("Share this:", "share"),
        ("Like this:", "share"),
        ("Loading...", "share"),
        ("Click to share on Facebook (Opens in new window)", "share"),
        ("Follow us on Twitter @courier", "share"),
        ("12 Likes", "share"),
        ("1.2k likes", "share"),
        ("Learn more", "related"),
        ("Learn more about the wall at the council's open evening on Friday.", None),
        ("5 likes and dislikes of the new mayor", None),
        ("Read more »", "related"),
        ("Weiterlesen", "related"),
        ("Read more about the harbour wall in our explainer next week.", None),
        (
            "© 2024 The Associated Press. All rights reserved. This material may not be"
            " published, broadcast, rewritten or redistributed.",
            "footer",
        ),
        ("Copyright law was at the heart of the case, the judge said.", None),
        ("Share prices fell sharply on Monday", None),
        ("Advertising revenue fell", None),
        ("Advertising", "advertisement"),
        ("(Visited 1,902 times, 364 visits today)", "share"),
        ("1,234 views", "share"),
        ("Views of the harbour from the new wall", None),
        ("Loading paragraph...", "tools"),
        ("Loading the boats took all morning.", None),
        ("Rate this article", "tools"),
        ("(No ratings yet) Loading...", "tools"),
        ("Related posts:", "related"),
        ("Also check: Bus fares to rise by 8 percent", "related"),
        ("More on the topic: Bus fares to rise by 8 percent", "related"),
        ("Das Thema könnte dich auch interessieren:", "related"),
        ("Titelbild: Jane Doe/dpa", "photo_credit"),
        ("By Jane Doe • March 12, 2025", "byline"),
        ("24 Apr 2024 • 3 min read", "dateline"),
        ("19.03.2019 11:45 | von Inga Buller", "dateline"),
        ("Harbour | Ferry", None),
        ("March 2024 | The council voted to approve the wall after a long debate", None),
    ],
)
def test_ad_share_and_copyright_lines_in_the_story(line: str, reason: str | None) -> None:
    page = _page(f"<p>{PARAGRAPH}</p><p>{line}</p><p>{PARAGRAPH_2}</p>")
    assert standalone_line_reason(page.segments[1].text, page.segments[1].type) == reason
    probability = np.full(3, 0.9)
    kept, _ = decide(page, Scores(probability, np.zeros(3, dtype=bool)), 0.5)
    assert kept.tolist() == [True, reason is None, True]


def test_the_labels_a_social_media_embed_leaves_are_cut() -> None:
    """Without its script, an Instagram embed is a blockquote of two labels; a tweet's text
    and attribution stay (they are what the story quotes)."""
    page = _page(
        f"<p>{PARAGRAPH}</p><blockquote class='instagram-media'><p><a href='#'>View this post "
        "on Instagram</a></p><p><a href='#'>A post shared by Port Alder Harbour "
        "(@portalder) on Jun 16, 2019 at 7:30am PDT</a></p></blockquote>"
        "<blockquote><p>The harbour wall vote is tonight.</p><p>— Port Alder Council "
        f"(@portaldercc) March 5, 2024</p></blockquote><p>{PARAGRAPH_2}</p>"
    )
    assert [standalone_line_reason(s.text, s.type) for s in page.segments] == [
        None,
        "embed",
        "embed",
        None,
        None,
        None,
    ]
    probability = np.full(6, 0.9)
    kept, _ = decide(page, Scores(probability, np.zeros(6, dtype=bool)), 0.5)
    assert kept.tolist() == [True, False, False, True, True, True]
    page = _page(f"<p>{PARAGRAPH}</p><p>A post shared by many readers went viral.</p>")
    assert standalone_line_reason(page.segments[1].text, page.segments[1].type) is None


@pytest.mark.parametrize(
    ("label", "tag"),
    [
        ("Table of Contents", "h2"),
        ("In this article:", "p"),
        ("On this page", "h3"),
        ("Inhaltsverzeichnis", "h2"),
        ("Sommaire", "p"),
        ("Spis treści", "h2"),
        ("Table of Contents [Hide] [Show]", "p"),
    ],
)
def test_a_table_of_contents_title_left_without_its_links_is_cut(label: str, tag: str) -> None:
    """Once the contents' links are cut, their title heads the story's first paragraph."""
    page = _page(f"<{tag}>{label}</{tag}><p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p>")
    assert standalone_line_reason(page.segments[0].text, page.segments[0].type) == "navigation"
    assert _decide(page, [True, True, True])[0] == [PARAGRAPH, PARAGRAPH_2]


def test_a_contents_heading_and_section_titles_that_look_alike_stay() -> None:
    """A bare "Contents" heads what is in a product's box; "In this article, we..." is prose."""
    page = _page(
        "<h2>Contents</h2><ul><li>One charging dock and two remote controls</li></ul>"
        "<p>In this article, we test the dock for a month.</p>"
    )
    assert [standalone_line_reason(s.text, s.type) for s in page.segments] == [None, None, None]


def test_text_kept_twice_keeps_one_copy() -> None:
    """A table of contents repeats the headings as links (the heading stays), a widget
    rendered once per tab repeats itself (the first copy stays); short lines may repeat,
    and so may a paragraph its author repeated in place."""
    toc = "<div class='toc'><ul><li><a href='#plan'>How the wall will be built</a></li></ul></div>"
    tab = "<div class='tab'><p>Opening hours for the harbour office</p></div>"
    refrain = "<p>And the tide came in, and the tide went out again.</p>"
    page = _page(
        f"{toc}<div><h2 id='plan'>How the wall will be built</h2><p>{PARAGRAPH}</p>"
        f"<ul><li>Price: 20 euros</li></ul>{refrain}{refrain}</div>{tab}"
        f"<div><p>{PARAGRAPH_2}</p><ul><li>Price: 20 euros</li></ul></div>{tab}"
    )
    texts = [s.text for s in page.segments]
    probability = np.full(len(texts), 0.9)
    kept, _ = decide(page, Scores(probability, np.zeros(len(texts), dtype=bool)), 0.5)
    assert [t for t, k in zip(texts, kept, strict=True) if k] == [
        "How the wall will be built",
        PARAGRAPH,
        "Price: 20 euros",
        "And the tide came in, and the tide went out again.",
        "And the tide came in, and the tide went out again.",
        "Opening hours for the harbour office",
        PARAGRAPH_2,
        "Price: 20 euros",
    ]
    assert page.segments[0].type == "list_item"


def test_a_repeated_block_is_listed_as_repeated() -> None:
    story = "".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(4))
    box = "<div class='box'><p>The harbour office is open from nine to five on weekdays.</p></div>"
    html = f"<html><body><article><h1>Harbour wall</h1>{box}{story}{box}</article></body></html>"
    article = presscut.extract(html, include_removed=True)
    assert article.text.count("open from nine to five") == 1
    assert [r.reason for r in article.removed if "nine to five" in r.text] == ["repeated"]


@pytest.mark.parametrize(
    "line",
    [
        "First published on Tue 14 Mar 2023 06.00 GMT",
        "Originally published March 9, 2024",
        "Zuerst veröffentlicht am 9. März 2024",
    ],
)
def test_a_first_published_line_is_a_date_line(line: str) -> None:
    page = _page(f"<p>{PARAGRAPH}</p><p>{line}</p><p>{PARAGRAPH_2}</p>")
    assert standalone_line_reason(page.segments[1].text, page.segments[1].type) == "dateline"


def test_removed_bylines_and_date_lines_say_so() -> None:
    story = "".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(4))
    html = (
        "<html><body><article><h1>Harbour wall approved</h1><p>By Jane Doe</p>"
        f"<p>Published March 9, 2024</p>{story}</article></body></html>"
    )
    article = presscut.extract(html, include_removed=True)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons.get("By Jane Doe") == "byline"
    assert reasons.get("Published March 9, 2024") == "dateline"
    assert article.text.startswith(PARAGRAPH)


@pytest.mark.parametrize(
    "line",
    [
        "Credit: Serious Eats",
        "(Image credit: Wareable)",
        "Photo credits: Anna Nowak",
        "Photo Courtesy of Noble Desktop",
        "Image by Ashley Edwards via One Fab Day",
        "Foto: dpa",
        "Bild: Jesse Faatz",
        "Quelle: Pressemitteilung der Stadt",
        "Ivana Maruna | Getty Images",
        "© 2019 Jon Norris",
        "Copyright 2021 Harbour Photo Agency",
        "Fot. Tomasz Kowalski",
        "Crédits photos : Bestimage",
        "Kuva: Alexander Becher",
    ],
)
def test_credit_lines(line: str) -> None:
    assert is_credit_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Photo of the new bridge at night",
        "Source code for the parser is on GitHub.",
        "Tax credit: up to $7,500 for a new car",
        "Common courtesy costs nothing, the mayor said.",
        "Nikon Zf with the 40mm lens on a tripod at dawn, seen from the north bank. Credit: Nikon",
        "Images of the storm spread quickly on social media.",
        "Copyright law was at the heart of the case.",
    ],
)
def test_captions_and_lines_that_are_not_credits(line: str) -> None:
    assert not is_credit_line(line)


def _teasers(n: int, standfirst: str) -> str:
    return "".join(
        f"<article><h3><a href='/news/{i}'>Headline number {i} about the harbour and the ferry"
        f"</a></h3><p>{standfirst}</p></article>"
        for i in range(n)
    )


def test_a_pile_of_linked_headlines_is_a_listing() -> None:
    page = _page(_teasers(8, "A short standfirst that sums the story up in one line."))
    reason = listing_reason(page, np.ones(len(page.segments), dtype=bool))
    assert reason == "listing page: 8 linked headlines and no article text"


def test_an_article_with_a_few_related_links_is_not_a_listing() -> None:
    related = "".join(
        f"<h3><a href='/r/{i}'>A related story about boats, number {i}</a></h3>" for i in range(8)
    )
    page = _page(f"<p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p><p>{PARAGRAPH_3}</p>" + related)
    assert listing_reason(page, np.ones(len(page.segments), dtype=bool)) is None


@pytest.mark.parametrize(
    ("price", "listing"),
    [("$24.99", False), ("19,90 €", False), ("EUR 5", False), ("Free shipping", True)],
)
def test_a_grid_of_products_with_their_prices_is_not_a_listing(price: str, listing: bool) -> None:
    """A shop's category page: each linked name comes with its price."""
    products = "".join(
        f"<div class='product-tile'><h3><a href='/p/{i}'>Harbour ferry model kit number {i}</a>"
        f"</h3><p>{price}</p></div>"
        for i in range(8)
    )
    page = _page(products)
    reason = listing_reason(page, np.ones(len(page.segments), dtype=bool))
    assert (reason is not None) == listing


def test_extract_gives_a_section_front_no_body() -> None:
    html = f"<html><body><main><h1>Local news</h1>{_teasers(12, 'Standfirst of the story.')}</main></body></html>"
    article = presscut.extract(html, include_removed=True)
    assert article.page_type == "listing"
    assert article.body == ()
    assert article.reason and article.reason.startswith("listing page:")
    assert sum(r.reason == "listing" for r in article.removed) >= 12


def _box_probabilities(page, box_probability: float) -> np.ndarray:
    return np.array([box_probability if "chip in" in s.text else 0.95 for s in page.segments])


def test_small_appeal_box_inside_the_article_is_cut_unless_the_model_is_sure() -> None:
    page = _page(
        f"<article><p>{PARAGRAPH}</p><div class='support-us'><p>Readers like you chip in to keep "
        f"our journalism free.</p></div><p>{PARAGRAPH_2}</p></article>"
    )
    unsure = Scores(_box_probabilities(page, 0.7), np.zeros(3, dtype=bool))
    assert decide(page, unsure, 0.5)[0].tolist() == [True, False, True]
    sure = Scores(_box_probabilities(page, 0.9), np.zeros(3, dtype=bool))
    assert decide(page, sure, 0.5)[0].tolist() == [True, True, True]


def test_a_box_named_only_in_a_data_attribute_is_a_chrome_box() -> None:
    """React sites hash their class names and name components in data attributes."""
    page = _page(
        f"<article><p>{PARAGRAPH}</p><div class='dcr-1vn8ngn' data-component='contributions-epic'>"
        "<p>Readers like you chip in to keep our journalism free.</p></div>"
        f"<p>{PARAGRAPH_2}</p></article>"
    )
    unsure = Scores(_box_probabilities(page, 0.85), np.zeros(3, dtype=bool))
    assert decide(page, unsure, 0.5)[0].tolist() == [True, False, True]
    sure = Scores(_box_probabilities(page, 0.95), np.zeros(3, dtype=bool))
    assert decide(page, sure, 0.5)[0].tolist() == [True, True, True]
    # A component named for the story itself is no box.
    page = _page(
        f"<article><p>{PARAGRAPH}</p><div data-component='text-block'><p>Readers like you chip "
        f"in to keep our journalism free.</p></div><p>{PARAGRAPH_2}</p></article>"
    )
    assert decide(page, unsure, 0.5)[0].tolist() == [True, True, True]


def test_decide_runs_on_a_page_kept_without_its_tree() -> None:
    """The training data's cache keeps pages without their lexbor nodes (they cannot be
    pickled), and threshold tuning calls `decide` on them: the rules that read the tree (a
    component's data attributes, a sign-up box's form field) are skipped, not a crash."""
    page = _page(
        f"<article><p>{PARAGRAPH}</p><div data-component='contributions-epic'><p>Get our "
        "newsletter in your inbox every morning.</p><input type='email'></div>"
        f"<p>{PARAGRAPH_2}</p></article>"
    )
    segment_features(page, None)  # as the cache does: features first, then the tree goes
    for container in page.containers:
        container.node = None
    unsure = Scores(_box_probabilities(page, 0.85), np.zeros(3, dtype=bool))
    kept, listing = decide(page, unsure, 0.5)
    assert listing is None
    assert kept[0] and kept[2]


def _story_and_cards(names: str) -> Page:
    """Two story paragraphs, then four cards named `names`, each a linked headline over a
    teaser paragraph that reads like the story."""
    cards = "".join(
        f"<div class='{names}'><h3><a href='/s/{i}'>Another story number {i}</a></h3><p>The"
        " harbour authority says the ferry timetable will change in the spring, when new"
        f" boats arrive, number {i}.</p></div>"
        for i in range(4)
    )
    return _page(f"<main><p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p>{cards}</main>")


def _teasers_cut_story_kept(page: Page, probability: np.ndarray) -> bool:
    kept, _ = decide(page, Scores(probability, np.zeros(len(probability), dtype=bool)), 0.5)
    texts = [s.text for s in page.segments]
    teasers = [k for t, k in zip(texts, kept, strict=True) if t.startswith("The harbour")]
    story = [k for t, k in zip(texts, kept, strict=True) if t in (PARAGRAPH, PARAGRAPH_2)]
    return len(teasers) == 4 and not any(teasers) and story == [True, True]


@pytest.mark.parametrize("names", ["ad-card", "sponsored-item", "promo", "share-card"])
def test_a_grid_of_named_boxes_with_long_teasers_is_cut(names: str) -> None:
    """Ads, sponsored stories and promotions come as grids of look-alike cards whose
    paragraphs read like the story's: each card is still a chrome box (`_in_chrome_box`)."""
    page = _story_and_cards(names)
    probability = np.array([0.95 if s.text == PARAGRAPH else 0.7 for s in page.segments])
    assert _teasers_cut_story_kept(page, probability)


@pytest.mark.parametrize("names", ["recommended-story", "more-stories-item", "read-next"])
def test_the_teasers_of_related_story_cards_are_cut_even_when_the_model_is_sure(
    names: str,
) -> None:
    """A related card's teaser reads like the story's prose; its linked headline tells."""
    page = _story_and_cards(names)
    assert _teasers_cut_story_kept(page, np.full(len(page.segments), 0.97))


def test_a_related_box_without_linked_headlines_keeps_its_paragraphs() -> None:
    """A story set in a container whose name says "related" (no linked card headlines)."""
    story = f"<div class='related-coverage'><p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p></div>"
    page = _page(f"<main><p>{PARAGRAPH_3}</p>{story}</main>")
    texts = [s.text for s in page.segments]
    sure = np.full(len(texts), 0.97)
    kept, _ = decide(page, Scores(sure, np.zeros(len(texts), dtype=bool)), 0.5)
    assert kept.all()


def test_article_wrapped_in_a_premium_box_is_not_cut() -> None:
    """A box is chrome only when small: a paywalled story often sits in `div.premium`."""
    story = "".join(f"<p>{PARAGRAPH} Readers chip in, part {i}.</p>" for i in range(6))
    page = _page(f"<div class='premium-content'>{story}</div>")
    probability = np.full(len(page.segments), 0.7)
    kept, _ = decide(page, Scores(probability, np.zeros(len(probability), dtype=bool)), 0.5)
    assert kept.all()


def test_a_box_holding_most_of_the_kept_text_is_the_story() -> None:
    """A paywalled story's teaser in its paywall wrapper, with a long menu beside it."""
    menu = "".join(
        f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(40)
    )
    page = _page(
        f"<ul class='menu'>{menu}</ul><div class='article ispaywall'><p>{PARAGRAPH}</p>"
        f"<p>{PARAGRAPH_2}</p></div>"
    )
    probability = np.array([0.01] * 40 + [0.79, 0.79])
    kept, _ = decide(page, Scores(probability, np.zeros(42, dtype=bool)), 0.5)
    assert kept.tolist() == [False] * 40 + [True, True]


def test_in_a_related_box_only_the_links_are_cut() -> None:
    page = _page(
        f"<article><p>{PARAGRAPH}</p><div class='related-box'><p>Fact box: the wall is 2 km "
        "long and cost 40 million.</p><p><a href='/r'>The harbour through the ages</a></p>"
        f"</div><p>{PARAGRAPH_2}</p></article>"
    )
    kept, _ = decide(page, Scores(np.full(4, 0.7), np.zeros(4, dtype=bool)), 0.5)
    assert [s.text for s, k in zip(page.segments, kept, strict=True) if not k] == [
        "The harbour through the ages"
    ]


PARAGRAPH_4 = (
    "Shopkeepers on the quay said they feared a year of noise and dust, but most agreed the "
    "wall was overdue after three winters in which storms flooded the harbour front."
)
COMMENT = "Great article, thanks for writing it! I grew up in this town and remember the floods."


def _story_with_comments(before: str = "") -> str:
    story = "".join(f"<p>{p}</p>" for p in (PARAGRAPH, PARAGRAPH_2, PARAGRAPH_3, PARAGRAPH_4))
    return (
        f"<div class='wrap'>{before}<div class='body'>{story}</div>"
        f"<div class='x9'><p>{COMMENT}</p><p>{PARAGRAPH_3[:60]} and more, said a reader.</p>"
        "</div></div>"
    )


def test_what_the_model_doubts_after_the_story_column_is_cut() -> None:
    """Readers' comments in a box with no telling name, after the story's own element."""
    page = _page(_story_with_comments())
    probability = np.array([0.95, 0.95, 0.95, 0.95, 0.6, 0.85])
    why: dict[int, str] = {}
    kept, _ = decide(page, Scores(probability, np.zeros(6, dtype=bool)), 0.5, why)
    # The comment the model doubts goes; what it is sure of stays, even after the story.
    assert kept.tolist() == [True, True, True, True, False, True]
    assert why == {4: "beyond_story"}


def test_doubted_text_inside_the_story_column_stays() -> None:
    page = _page(_story_with_comments())
    probability = np.array([0.95, 0.6, 0.6, 0.95, 0.1, 0.1])
    kept, _ = decide(page, Scores(probability, np.zeros(6, dtype=bool)), 0.5)
    assert kept.tolist() == [True, True, True, True, False, False]


def test_before_the_story_column_only_short_doubted_lines_are_cut() -> None:
    """A kicker goes; a standfirst laid out apart from the story stays."""
    standfirst = (
        "The town will finally get the harbour wall its fishermen asked for after the storms of "
        "2019, at a cost of forty million, half of it paid by the region."
    )
    page = _page(_story_with_comments(f"<p>Harbour news</p><div class='lead'>{standfirst}</div>"))
    assert [s.text for s in page.segments[:2]] == ["Harbour news", standfirst]
    probability = np.array([0.6, 0.6, 0.95, 0.95, 0.95, 0.95, 0.1, 0.1])
    kept, _ = decide(page, Scores(probability, np.zeros(8, dtype=bool)), 0.5)
    assert kept.tolist() == [False, True, True, True, True, True, False, False]


def _gap_page(middle: str):
    return _page(
        f"<article><p>{PARAGRAPH}</p>{middle}<p>{PARAGRAPH_2}</p><p>{PARAGRAPH_3}</p></article>"
    )


@pytest.mark.parametrize(
    ("middle", "probability", "kept_middle"),
    [
        # A paragraph the model half doubts, between kept paragraphs of the story.
        (f"<p>{PARAGRAPH_4}</p>", 0.3, True),
        # One it all but rejects stays out.
        (f"<p>{PARAGRAPH_4}</p>", 0.1, False),
        # A short line is no paragraph of the story.
        ("<p>The vote was eleven to nine, with two abstentions.</p>", 0.3, False),
        # A paragraph in a box named for chrome: a sign-up form, a review, an ad.
        (f"<div class='newsletter-box'><p>{PARAGRAPH_4}</p></div>", 0.3, False),
        (f"<div class='user-review'><p>{PARAGRAPH_4}</p></div>", 0.3, False),
    ],
)
def test_a_doubted_paragraph_between_kept_paragraphs_of_the_story_is_kept(
    middle: str, probability: float, kept_middle: bool
) -> None:
    page = _gap_page(middle)
    scores = Scores(np.array([0.9, probability, 0.9, 0.9]), np.zeros(4, dtype=bool))
    kept, _ = decide(page, scores, 0.5)
    assert kept.tolist() == [True, kept_middle, True, True]


def test_a_doubted_paragraph_after_the_last_kept_one_is_not_a_gap() -> None:
    page = _gap_page("")
    scores = Scores(np.array([0.9, 0.9, 0.3]), np.zeros(3, dtype=bool))
    kept, _ = decide(page, scores, 0.5)
    assert kept.tolist() == [True, True, False]


def test_kept_headings_one_after_another_stay() -> None:
    """Pull quotes or the names in a list of picks set in heading tags head no text of their
    own; the model kept them, and the heading rule leaves them."""
    page = _page(
        f"<p>{PARAGRAPH}</p><h3>The Harbour Inn</h3><h3>The Quay Cafe</h3><p>{PARAGRAPH_2}</p>"
    )
    kept, _ = _decide(page, [True, True, True, True])
    assert kept == [PARAGRAPH, "The Harbour Inn", "The Quay Cafe", PARAGRAPH_2]


APPEAL = (
    "Our journalism is free to read because readers like you chip in. We have no billionaire "
    "owner and no paywall, and every contribution, however small, makes the difference."
)
# Uses none of the words of the prompt families (its line family is "low_score").
PLAIN = (
    "The mayor said the town would invite tenders in the spring, and that the first stones "
    "would be laid before the summer."
)


def _second_opinion(extra: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], int]:
    """The texts `decide` keeps when the model doubts `extra` and its words look like a
    prompt, and how many times text mode's classifier was asked."""
    page = _page(
        f"<div><p>{PARAGRAPH}</p><p>{extra}</p><p>{PARAGRAPH_2}</p><p>{PARAGRAPH_3}</p></div>"
    )
    n = len(page.segments)
    prompt_words = np.array([s.text == extra for s in page.segments])
    calls: list[int] = []

    def counted(lines: list[str]) -> LineDecisions:
        calls.append(len(lines))
        return classify_lines(lines)

    monkeypatch.setattr(select, "classify_lines", counted)
    kept, _ = decide(page, Scores(np.full(n, 0.9), np.zeros(n, dtype=bool), prompt_words), 0.5)
    return [s.text for s, k in zip(page.segments, kept, strict=True) if k], len(calls)


def test_a_doubted_appeal_is_cut_by_text_modes_second_opinion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, calls = _second_opinion(APPEAL, monkeypatch)
    assert kept == [PARAGRAPH, PARAGRAPH_2, PARAGRAPH_3]
    assert calls == 1


def test_no_second_opinion_when_no_doubted_line_names_a_prompt_family(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, calls = _second_opinion(PLAIN, monkeypatch)
    assert kept == [PARAGRAPH, PLAIN, PARAGRAPH_2, PARAGRAPH_3]
    assert calls == 0


def test_a_lines_family_is_the_same_alone_and_among_the_pages_lines() -> None:
    # The pre-check of the second opinion reads each doubted line's family alone.
    lines = [
        PARAGRAPH,
        APPEAL,
        "Sign up to our free newsletter.",
        "Subscribe to read the full story.",
        "Follow us on social media",
        "We use cookies to improve your experience.",
        "Join the conversation below",
        PLAIN,
        "Read more about the vote.",
    ]
    assert classify_lines(lines).families == [family_of(line) for line in lines]


@pytest.mark.parametrize(
    "label",
    [
        "Related stories",
        "MOST READ",
        "Leia também",
        "À lire aussi",
        "More articles you might enjoy",
    ],
)
def test_links_under_a_related_label_in_any_case_or_script_are_cut(label: str) -> None:
    # ASCII labels are matched lower-cased, others as they are: both ignore case.
    page = _page(
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p><p>{label}</p>"
        "<p><a href='/a'>Bus fares to rise by 8 percent</a></p>"
        "<p><a href='/b'>Mayor defends plan for new ring road</a></p>"
    )
    kept, _ = decide(page, Scores(np.full(5, 0.9), np.zeros(5, dtype=bool)), 0.5)
    assert kept.tolist() == [True, True, False, False, False]


@pytest.mark.parametrize(
    ("names", "replies_kept"), [("topic-body comment", True), ("comment", False)]
)
def test_replies_named_for_a_forum_post_are_kept(names: str, replies_kept: bool) -> None:
    """Discourse names every reply of a thread `topic-body ... comment`: on a forum the
    replies are the content; a blog's comments under its story are not."""
    replies = "".join(
        f"<div class='{names}'><p>{text}</p></div>"
        for text in ("I agree, the wall is long overdue.", "The ferry must keep running.")
    )
    page = _page(
        f"<div class='topic-body'><p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p><p>{PARAGRAPH_3} The vote"
        f" was unanimous.</p></div>{replies}"
    )
    kept, _ = decide(page, Scores(np.full(5, 0.8), np.zeros(5, dtype=bool)), 0.5)
    assert kept.tolist() == [True, True, True, replies_kept, replies_kept]


@pytest.mark.parametrize(
    ("names", "teasers_kept"),
    [("related-posts", False), ("jp-relatedposts", False), ("guide-related-posts-text", True)],
)
def test_teasers_in_a_box_named_for_related_posts_are_cut(names: str, teasers_kept: bool) -> None:
    """A related-posts box's teasers carry excerpts that read like prose; only a whole class
    name says what the box is (a layout's `...-related-posts-text` column is the story's)."""
    teasers = (
        "<p><a href='/a'>Bus fares to rise</a> The transport authority says fares will rise by"
        " eight percent in the spring.</p><p><a href='/b'>New cycle lanes</a> Work on the"
        " harbour cycle lanes starts next month and will take a year.</p>"
    )
    page = _page(
        f"<article><p>{PARAGRAPH}</p><p>{PARAGRAPH_2}</p><p>{PARAGRAPH_3} The vote was"
        f" unanimous.</p></article><div class='{names}'>{teasers}</div>"
    )
    why: dict[int, str] = {}
    kept, _ = decide(page, Scores(np.full(5, 0.8), np.zeros(5, dtype=bool)), 0.5, why)
    assert kept.tolist() == [True, True, True, teasers_kept, teasers_kept]
    assert why == ({} if teasers_kept else {3: "related", 4: "related"})


def test_a_labelled_link_to_another_story_set_as_a_heading_is_cut() -> None:
    page = _page(
        f"<p>{PARAGRAPH}</p><h3>READ MORE: <a href='/b'>Bus fares to rise by 8 percent</a></h3>"
        f"<h3>Read more about the harbour</h3><p>{PARAGRAPH_2}</p>"
    )
    assert [standalone_line_reason(s.text, s.type) for s in page.segments] == [
        None,
        "related",
        None,
        None,
    ]


def test_named_components_are_read_at_every_level_around_a_candidate() -> None:
    """The small boxes around the candidates are read together: the same segments as
    reading each candidate's four levels in turn."""
    page = _page(
        f"<article><p>{PARAGRAPH}</p><div data-testid='newsletter-signup'><div><div>"
        "<p>Sign up for the morning briefing.</p></div></div></div>"
        "<div data-module><p>A component with a valueless name.</p></div>"
        f"<div data-component='story-body'><p>{PARAGRAPH_2}</p></div></article>"
    )
    arrays = select.page_arrays(page)
    small = np.ones(len(page.containers), dtype=bool)
    levels = arrays.ancestors[: select._BOX_LEVELS]
    candidates = np.ones(len(page.segments), dtype=bool)
    found = select._in_named_component(page, small, levels, candidates)
    assert found.tolist() == [False, True, False, False]
    assert not select._in_named_component(page, small, levels, ~candidates).any()
