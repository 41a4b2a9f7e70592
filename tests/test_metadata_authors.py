"""Author cleaning: bylines become lists of names."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from presscut.metadata import extract_metadata
from presscut.metadata.authors import split_byline


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("BY JANE DOE AND JOHN ROE", ["JANE DOE", "JOHN ROE"]),
        ("Jane Doe, John Roe & Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
        ("Von Hans Meier und Anna Schmidt", ["Hans Meier", "Anna Schmidt"]),
        ("Par Marie Dupont et Luc Martin", ["Marie Dupont", "Luc Martin"]),
        ("Por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"]),
        ("Di Marco Rossi e Giulia Bianchi", ["Marco Rossi", "Giulia Bianchi"]),
        ("Door Jan de Vries en Anna Bakker", ["Jan de Vries", "Anna Bakker"]),
        ("Autor: Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Jane Doe | Senior Correspondent", ["Jane Doe"]),
        ("Written by Jane Doe, PhD", ["Jane Doe"]),
        ("Jane Doe, MD, FACP", ["Jane Doe"]),
        ("By Jane Doe · March 5, 2024", ["Jane Doe"]),
        ("Jane Doe 05.03.2024 10:20", []),  # one phrase mixing a name and a date: not a name
        ("Jane Doe. Reviewed by Dr. John Roe", ["Jane Doe"]),
        ("https://www.facebook.com/janedoe", []),
        ("@janedoe", []),
        ("jane@example.com", []),
        ("AFP", ["AFP"]),
        ("(dpa)", ["dpa"]),
        ("Ein Beitrag von Hans Meier", ["Hans Meier"]),
        ("Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("Un article de Marie Dupont", ["Marie Dupont"]),
        ("Hans Meier, Chefredakteur", ["Hans Meier"]),
        ("dpa/Reuters", ["dpa", "Reuters"]),
        ("Staff", ["Staff"]),
        ("Keith Barry Senior Autos Reporter", ["Keith Barry"]),
        ("Example Orbi Team", ["Example Orbi Team"]),
        ("Staff Writer", []),
        ("Marketing Team", ["Marketing Team"]),
        ("Jane Doe, Jane Doe", ["Jane Doe", "Jane Doe"]),  # de-duplicated by find_authors
        ("Veröffentlicht von Chris Jung", ["Chris Jung"]),
        ("Interview: Julia Lauter", ["Julia Lauter"]),
        ("Text und Interview: Harald Example", ["Harald Example"]),
        ("Text & Bild: Jane Doe", ["Jane Doe"]),
        ("Publié par Marie Dupont", ["Marie Dupont"]),
        ("Redaktion Polizeiticker Schweiz", ["Redaktion Polizeiticker Schweiz"]),
        ("Redaktion", ["Redaktion"]),
        ("Parisa Ostovari", ["Parisa Ostovari"]),
        ("Diana Rossi", ["Diana Rossi"]),
        ("This post was written by Jane Doe, Head of Marketing and Community", ["Jane Doe"]),
        ("Eingestellt von Unknown", []),
        ("Webmaster", []),
        ("undefined", []),
        ("Autor/in: Jane Example", ["Jane Example"]),
        ("Rechtsanwalt Hans Example", ["Hans Example"]),
        ("Senior Editor Jane Doe", ["Jane Doe"]),
        ("Example Verlag GmbH, Nürnberg, Germany", ["Example Verlag GmbH"]),
        ("Copyright Example GmbH & Co. KG - all rights reserved", ["Example GmbH"]),
        ("example.de, Frankfurt, Germany", ["example.de"]),
        ("Donnerstag", []),
        ("Plácido Domingo", ["Plácido Domingo"]),
        ("publisher", []),
        ("Autoren", []),
        ("Benutzername", []),
        ("No Author", []),
        ("By Jane Doe And John Roe For The Sunday Example", ["Jane Doe", "John Roe"]),
        ("By Jane Doe for Example Online", ["Jane Doe"]),
        ("Jane Example @janeexample", ["Jane Example"]),
        ("Jane Example @janeexample - jane@example.org", ["Jane Example"]),
        ("shop.example.pl/offer", []),
        ("opublikowano", []),
        ("Veröffentlicht", []),
        ("Von: det/dpa", ["dpa"]),
        ("(ats/nxp)", ["ats"]),
        ("kna/epd", ["kna", "epd"]),
    ],
)
def test_split_byline(byline: str, names: list[str]) -> None:
    assert split_byline(byline) == names


def test_bio_is_cut_to_the_name() -> None:
    bio = (
        "Jane Doe is an award-winning reporter who has covered climate and energy for two "
        "decades, previously at the Example Herald and the Sample Gazette, and lives in Lyon."
    )
    assert split_byline(bio) == ["Jane Doe"]


def authors(html: str) -> tuple[str, ...]:
    return extract_metadata(LexborHTMLParser(html), "https://example.org/a").authors


def test_duplicates_removed_across_a_byline() -> None:
    html = '<html><head><meta name="author" content="Jane Doe, jane doe, John Roe"></head></html>'
    assert authors(html) == ("Jane Doe", "John Roe")


def test_meta_author_then_byline_element() -> None:
    assert authors('<html><head><meta name="author" content="By Kim Li"></head></html>') == (
        "Kim Li",
    )
    html = (
        '<html><body><h1>T</h1><div class="byline"><span>By</span> <a href="/people/a">Ann Lee</a>'
        ' <span>and</span> <a href="/people/b">Bo Chan</a><span class="role">Staff writers</span>'
        "<time>March 5, 2024</time></div></body></html>"
    )
    assert authors(html) == ("Ann Lee", "Bo Chan")


def test_forum_microdata_keeps_only_the_first_posts_author() -> None:
    post = (
        '<article itemscope itemtype="https://schema.org/Comment">'
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">{}</span></span><p>text</p></article>'
    )
    html = (
        "<html><body>" + "".join(post.format(n) for n in ("op_user", "replier1")) + "</body></html>"
    )
    assert authors(html) == ("op_user",)


def test_site_name_dropped_from_a_list_with_people() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="The Daily Example">'
        '<meta name="author" content="Jane Doe, The Daily Example"></head></html>'
    )
    assert authors(html) == ("Jane Doe",)


def test_citation_author_last_first() -> None:
    html = (
        '<html><head><meta name="citation_author" content="Curie, Marie">'
        '<meta name="citation_author" content="Curie, Pierre"></head></html>'
    )
    assert authors(html) == ("Marie Curie", "Pierre Curie")


def test_yoast_twitter_label() -> None:
    html = (
        '<html><head><meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Tyler Brown"></head><body><p>x</p></body></html>'
    )
    assert authors(html) == ("Tyler Brown",)


def test_byline_line_and_label_line_in_the_page() -> None:
    by_line = (
        "<html><body><h1>Title</h1><p>Intro text of the article.</p>"
        '<div class="x"><p>By <!-- -->Preetam Jinka</p><p>Co-founder</p></div></body></html>'
    )
    assert authors(by_line) == ("Preetam Jinka",)
    label_line = (
        "<html><body><h1>Title</h1><div><h3>Published</h3><p>August 30, 2024</p></div>"
        "<div><h3>Author</h3><p>Lisa D. Ellis</p></div><p>Body.</p></body></html>"
    )
    assert authors(label_line) == ("Lisa D. Ellis",)


def test_no_author_gives_empty_tuple() -> None:
    assert authors("<html><body><h1>Title</h1><p>Text only.</p></body></html>") == ()


def test_byline_bar_without_its_category_links() -> None:
    html = (
        '<html><body><h1>T</h1><div class="byline"><a href="/tag/lifestyle">Lifestyle</a>'
        '<a href="/people/ann">Ann Lee</a></div></body></html>'
    )
    assert authors(html) == ("Ann Lee",)


def test_teaser_bylines_and_account_links_are_not_the_article_byline() -> None:
    html = (
        '<html><body><h1>T</h1><span class="slider-teaser__author">Manfred Prisching</span>'
        '<a href="/authorization">Authorization</a><a href="/author/ursula-baatz">Ursula Baatz</a>'
        "</body></html>"
    )
    assert authors(html) == ("Ursula Baatz",)


def test_author_named_like_the_host_yields_to_a_person() -> None:
    html = (
        '<html><head><meta name="author" content="FLVW.de"></head><body><h1>T</h1>'
        "<p>Text of the story.</p><p>Autor</p><p>Peter Middel</p></body></html>"
    )
    url = "https://www.flvw.de/news/a"
    assert extract_metadata(LexborHTMLParser(html), url).authors == ("Peter Middel",)
    alone = '<html><head><meta name="author" content="FLVW.de"></head></html>'
    assert extract_metadata(LexborHTMLParser(alone), url).authors == ("FLVW.de",)


def test_person_named_like_the_site_on_a_personal_site() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Wolfgang Schmale">'
        '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "T",'
        ' "author": {"@type": "Person", "name": "Wolfgang Schmale"}}</script></head>'
        "<body><h1>T</h1><p>By Hans Meier</p></body></html>"
    )
    assert authors(html) == ("Wolfgang Schmale",)
    published = html.replace(
        '"headline": "T",',
        '"headline": "T", "publisher": {"@type": "Organization", "name": "Wolfgang Schmale"},',
    )
    assert authors(published) == ("Hans Meier",)


def test_lower_case_von_starts_a_byline_only_at_the_start_of_a_line() -> None:
    headline = "<html><body><h1>Eine neue Studie von Hans Meier</h1><p>Text.</p></body></html>"
    assert authors(headline) == ()
    byline = "<html><body><h1>Grenzen setzen</h1><p>von Daniela Obers</p></body></html>"
    assert authors(byline) == ("Daniela Obers",)


def test_menu_headings_above_the_headline_are_not_bylines() -> None:
    menu = "".join(f"<li><a href='/c{i}'>Conference type number {i}</a></li>" for i in range(80))
    html = (
        f"<html><body><header><nav><h4>By Event Type</h4><ul>{menu}</ul></nav></header>"
        "<main><h1>Planning skills</h1><p>Text of the story.</p></main></body></html>"
    )
    assert authors(html) == ()


def test_rubric_before_the_by_label_of_a_byline_element_is_skipped() -> None:
    html = (
        '<html><body><h1>T</h1><div class="byline"><span>Guide</span><span>by</span>'
        '<a href="/people/will">Will Judd</a><span>Former Deputy Tech Editor</span></div>'
        "</body></html>"
    )
    assert authors(html) == ("Will Judd",)


def test_lone_lower_case_by_before_inline_code_is_not_a_label() -> None:
    prose = (
        "<html><body><h1>Logging</h1><p>Messages are passed on\nby\n<code>handler</code>\n"
        "objects.</p></body></html>"
    )
    assert authors(prose) == ()
    label = "<html><body><h1>Logging</h1><p>by:</p><p>Ziyi Xu</p></body></html>"
    assert authors(label) == ("Ziyi Xu",)


def test_links_to_staff_pages_in_menus_are_not_bylines() -> None:
    submenu = (
        "<html><body><ul class='site-menu'><li><a href='/about'>About</a><ul>"
        "<li><a href='/people/faculty/'>Faculty</a></li></ul></li></ul>"
        "<h1>Group classes</h1><p>Text of the story.</p></body></html>"
    )
    assert authors(submenu) == ()
    nav = (
        "<html><body><nav><a href='/about/staff/'>Meet Our Staff</a></nav>"
        "<h1>Book reviews</h1><p>Text of the story.</p></body></html>"
    )
    assert authors(nav) == ()
    byline = nav.replace("<p>Text", "<p>By <a href='/people/jane-doe'>Jane Doe</a></p><p>Text")
    assert authors(byline) == ("Jane Doe",)


def test_the_first_poster_of_a_forum_thread_is_its_author() -> None:
    html = (
        "<html><body><h2>Which power supply?</h2>"
        "<div class='post'><a class='username' href='./memberlist.php?u=42'>b.scherer</a>"
        "<p>My board resets under load.</p></div>"
        "<div class='post'><a class='username' href='./memberlist.php?u=7'>jdb</a>"
        "<p>Try a better cable.</p></div></body></html>"
    )
    assert authors(html) == ("b.scherer",)


def test_style_rules_inside_a_byline_like_element_are_not_names() -> None:
    html = (
        "<html><body><h1>Certificates</h1><form><div class='username_1766'>"
        "<style>.username_1766 {position:absolute;top:-9999px;left:-9999px;}</style>"
        "<label>If you are a human, ignore this field</label><input name='username'></div>"
        "</form><p>Text of the page.</p></body></html>"
    )
    assert authors(html) == ()


def test_the_thread_starter_under_the_title_beats_the_first_post_shown() -> None:
    html = (
        "<html><body><h1>Graphics card guide</h1><ul><li><span>Thread starter</span>"
        "<a href='/members/samuel.3/'>SamuelMIz</a></li><li>Start date</li></ul>"
        "<article><div itemscope itemtype='https://schema.org/Comment'>"
        "<span itemprop='author'>Ralston18</span><p>A reply on page 2.</p></div></article>"
        "</body></html>"
    )
    assert authors(html) == ("SamuelMIz",)


def test_a_one_word_name_before_the_time_of_posting_is_a_byline() -> None:
    html = (
        "<html><body><h1>Pseudonyms and the law</h1><p>Text of the post.</p>"
        "<div class='meta'>posted by Stadler at 12:53</div></body></html>"
    )
    assert authors(html) == ("Stadler",)
    sentence = html.replace("posted by Stadler at 12:53", "posted by Stadler yesterday")
    assert authors(sentence) == ()


def test_by_inside_the_headline_is_not_a_byline() -> None:
    html = (
        "<html><body><header><h1>DIY Solar Panel Installation: Step by Step Guide</h1>"
        "<p>Updated March 2024</p></header><p>Text of the guide.</p></body></html>"
    )
    assert authors(html) == ()
    byline = html.replace("Updated March 2024", "By Jane Doe")
    assert authors(byline) == ("Jane Doe",)


def test_collective_byline_with_its_article() -> None:
    element = (
        '<html><body><h1>A short history of coffee</h1><span class="hero__author">'
        "By the Example Team</span><p>Body.</p></body></html>"
    )
    assert authors(element) == ("the Example Team",)
    label_line = (
        "<html><body><h1>Best tools compared</h1><div><div>By</div><div>The Example Team</div>"
        "<div>|</div><div>February 28, 2026</div></div><p>Body.</p></body></html>"
    )
    assert authors(label_line) == ("The Example Team",)
    # an article before a name that is not a collective still reads as a phrase
    assert authors('<html><body><h1>T</h1><p class="byline">By the Sea</p></body></html>') == ()


def test_forum_poster_in_a_user_name_element() -> None:
    html = (
        "<html><body><h1>Types of threads</h1><article>"
        '<div class="PostUser"><h3 class="PostUser-name">antonjw</h3></div>'
        "<div class='Post-body'><p>I just had a thought about threads.</p></div></article>"
        "</body></html>"
    )
    assert authors(html) == ("antonjw",)
    # the account menu of the site header is no poster
    menu = '<html><body><span class="user-name">Account</span><h1>T</h1><p>x</p></body></html>'
    assert authors(menu) == ()


def test_article_by_label_above_the_name() -> None:
    html = (
        "<html><body><h1>Proofs as types</h1><p>Body of the article.</p>"
        "<div><h2>Article by</h2><div>Matias Example</div></div></body></html>"
    )
    assert authors(html) == ("Matias Example",)
    # comment forms label their posters "Posted by:"; that is no label of the article's byline
    comment = (
        "<html><body><h1>Vibe coding</h1><p>Body.</p><div class='c'>"
        "<span>Posted by: <a href='mailto:j@example.org'>John</a> at noon</span></div></body></html>"
    )
    assert authors(comment) == ()


@pytest.mark.parametrize(
    "line",
    ["Posted by David at December 16, 2025 11:15 AM", "Posted by David on Dec. 16, 2025"],
)
def test_one_name_word_before_a_written_date(line: str) -> None:
    html = f"<html><body><h1>Vibe coding</h1><p>Body.</p><span>{line}</span></body></html>"
    assert authors(html) == ("David",)
    # "at" before a place is no time of posting
    place = line.replace("at December 16, 2025 11:15 AM", "at Example Corp")
    if place != line:
        assert authors(html.replace(line, place)) == ()


@pytest.mark.parametrize(
    "credit",
    [
        # Drupal's node template: the name and the date in spans of their own.
        "Submitted by <span><span>Ingrid Solberg</span></span> on <span>Fri, 12/07/2024 - 10:45"
        "</span>",
        "Submitted by Ingrid Solberg on 12 July 2024",
        "By Ingrid Solberg on July 12, 2024",
    ],
)
def test_a_full_name_before_the_time_of_posting(credit: str) -> None:
    html = (
        "<html><body><h1>Swifts return to the church tower</h1>"
        f"<div class='node__submitted'>{credit}</div><p>Volunteers counted the birds.</p>"
        "</body></html>"
    )
    assert authors(html) == ("Ingrid Solberg",)


def test_name_signed_in_bold_under_the_last_paragraph() -> None:
    page = (
        "<html><body><h1>Tampere wins the semi-final</h1><div class='text'>"
        "<p>Tampere now travels to Sweden to play the final against the champion of the north.</p>"
        "{}</div><footer><p>Imprint</p></footer></body></html>"
    )
    assert authors(page.format("<p><b><i>Stefan Example</i></b></p>")) == ("Stefan Example",)
    assert authors(page.format("<p>\n <strong>Marina Example</strong>\n</p>")) == (
        "Marina Example",
    )
    # not a signature: a linked name, a bold phrase, a bold lead-in followed by more text
    assert authors(page.format("<p><b><a href='/team'>Stefan Example</a></b></p>")) == ()
    assert authors(page.format("<p><b>Viel Glück!</b></p>")) == ()
    assert authors(page.format("<p><b>Stefan Example</b></p><p>More text follows.</p>")) == ()


def test_a_cms_account_name_gives_way_to_the_byline_shown() -> None:
    page = (
        '<html><head><script type="application/ld+json">{{"@type": "NewsArticle",'
        ' "author": {{"@type": "Person", "name": "{}"}},'
        ' "publisher": {{"@type": "Organization", "name": "Example"}}}}</script></head>'
        '<body><h1>Trail guide</h1><div class="post-author">By {}</div><p>x</p></body></html>'
    )
    assert authors(page.format("andrew.keaveney", "Denise Example")) == ("Denise Example",)
    # a full name in JSON-LD stays first; an account name stays when nothing better is shown
    assert authors(page.format("Jane Doe", "Denise Example")) == ("Jane Doe",)
    assert authors(page.format("KatieS", "KatieS")) == ("KatieS",)
    # one capitalised word is a name (an agency), not an account
    assert authors(page.format("Reuters", "Denise Example")) == ("Reuters",)


def test_name_beside_a_role_under_the_headline() -> None:
    page = (
        "<html><body><main><header><h1>How AI is changing care</h1><p>{}</p></header>"
        "<p>Body.</p></main></body></html>"
    )
    assert authors(page.format("Aaron Example | Senior Writer | July 2, 2025")) == (
        "Aaron Example",
    )
    # a section beside a date is no byline
    assert authors(page.format("World News | July 2, 2025")) == ()


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("Text: Jane Doe", ("Jane Doe",)),
        ("Text und Fotos: Jane Doe", ("Jane Doe",)),
        ("Texte : Marie Dupont", ("Marie Dupont",)),
        ("Redaktion: Hans Meier", ("Hans Meier",)),
        ("Fotos: Max Muster", ()),  # the photographer is no author
        ("Text: Die Hälfte der Fälle", ()),  # a phrase after the label, not a name
    ],
)
def test_credit_line_at_the_end_of_the_article(credit: str, names: tuple[str, ...]) -> None:
    html = (
        "<html><body><h1>Ein Titel</h1><p>Lange Prosa über das Thema, und vieles mehr dazu.</p>"
        f"<p>{credit}</p></body></html>"
    )
    assert authors(html) == names


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # the byline names the JSON-LD author (with a title) and co-authors
        (
            "Written by <span>Dr Jane Doe</span>, <span>Dr John Roe</span>, <span>Al Poe</span>",
            ("Dr Jane Doe", "Dr John Roe", "Al Poe"),
        ),
        ("Von Jane Doe und Selma Kay", ("Jane Doe", "Selma Kay")),
        # the site and a desk beside the writer are no co-authors
        ("By <a>Jane Doe</a>, <a>Example Times</a>", ("Jane Doe",)),
        ("By <a>Jane Doe</a>, <a>Global Desk</a>", ("Jane Doe",)),
        ("Von Jane Doe und Online-Redaktion", ("Jane Doe",)),
        # another name elsewhere in the header does not join the writer
        ("By Jane Doe | Photos: John Roe", ("Jane Doe",)),
    ],
)
def test_byline_adds_co_authors_to_a_single_jsonld_author(
    byline: str, names: tuple[str, ...]
) -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Example Times">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rivers rise",'
        ' "author": {"@type": "Person", "name": "Jane Doe"},'
        ' "publisher": {"@type": "Organization", "name": "Example Times"}}</script></head>'
        '<body><header><h1>Rivers rise</h1><div class="byline">'
        f"{byline}</div></header><p>The story, told at length in the body.</p></body></html>"
    )
    assert authors(html) == names


def _authors_at(html: str, url: str) -> tuple[str, ...]:
    return extract_metadata(LexborHTMLParser(html), url).authors


@pytest.mark.parametrize(
    ("meta_author", "url", "names"),
    [
        # the host's name with more words: the club the CMS names on every page
        ("EFC Example Bembel", "http://example-bembel.de/news/article.php?id=5", ("Cooper",)),
        ("Teufel Editorial Team", "https://blog.teufel.de/a", ("Cooper",)),
        # one word that is the host's name: the brand
        ("Reolink", "https://reolink.com/blog/a", ("Cooper",)),
        # the host's name alone, or a host that abbreviates the name: the person's own site
        ("Jane Doe", "https://janedoe.com/a", ("Jane Doe",)),
        ("Jeff T. Kaufman", "https://www.jefftk.com/p/a", ("Jeff T. Kaufman",)),
    ],
)
def test_machine_readable_author_extending_the_host_name_is_the_site(
    meta_author: str, url: str, names: tuple[str, ...]
) -> None:
    html = (
        f'<html><head><meta name="author" content="{meta_author}"></head><body><h1>Neues</h1>'
        '<a href="/profile.php?uid=6">Userprofile</a>'
        '<div class="info"><span>Geschrieben von</span> <a href="/userinfo.php?uid=6">Cooper</a>'
        " <span>am 25.08.2015 22:30</span></div><p>Der Text des Artikels, lang genug.</p>"
        "</body></html>"
    )
    assert _authors_at(html, url) == names


def test_contributors_label_names_the_writer() -> None:
    assert split_byline("Contributors: Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    html = (
        "<html><body><h1>Plants for dim rooms</h1><p>These varieties thrive indoors.</p>"
        "<div class='tags'><div><strong>Contributors:</strong> Jane Doe</div></div>"
        "<p>The story, told at length in the body of the page.</p></body></html>"
    )
    assert authors(html) == ("Jane Doe",)
    # a heading of that name over a list is no label
    listing = html.replace("<strong>Contributors:</strong> Jane Doe", "Contributors<br>Jane Doe")
    assert authors(listing) == ()


def test_brand_named_author_kept_when_no_byline_names_a_person() -> None:
    html = (
        '<html><head><meta name="author" content="Reolink"></head><body><h1>Smart homes</h1>'
        "<p>The story, told at length in the body of the page.</p></body></html>"
    )
    assert _authors_at(html, "https://reolink.com/blog/a") == ("Reolink",)


def test_a_whole_article_classed_for_its_author_is_no_byline_element() -> None:
    story = (
        "<p>" + "The striker ended his international career after thirteen years. " * 20 + "</p>"
    )
    html = (
        '<html><body><article class="author-article"><p class="rubric">Germany</p>'
        f"<h1>Striker retires</h1>{story}</article></body></html>"
    )
    assert authors(html) == ()
    # an author box with a bio is short enough
    box = (
        '<div class="author-box"><p>Jane Doe</p><p>'
        + "Jane covers football and has reported from three World Cups. " * 4
        + "</p></div>"
    )
    assert authors(html.replace("</article>", f"</article>{box}")) == ("Jane Doe",)


def test_name_over_the_date_line_under_the_headline() -> None:
    def page(over_date: str) -> str:
        return (
            "<html><body><div class='deal'><h1>Gratis: zehntausend Kekse zu testen</h1>"
            f"<div class='info'><img src='/avatar.png' alt=''>{over_date}<br>"
            "17.10.2019, 13:56 Uhr</div><p>Wer mitmachen will, meldet sich beim Händler an"
            " und bekommt eine Packung nach Hause geschickt.</p></div></body></html>"
        )

    assert authors(page("<a href='/user/?u=138114'>HansEhrlich</a>")) == ("HansEhrlich",)
    assert authors(page("<span>Jane Doe</span>")) == ("Jane Doe",)
    # one plain word over the date is a category as often; a reviewer is no writer
    assert authors(page("<span class='badge'>Security</span>")) == ()
    assert authors(page("Reviewed by<br><a href='/reviewer/jd/'>Jane Doe</a>")) == ()
    # an organisation named as the author is the better answer
    org = page("<span>Jane Doe</span>").replace(
        "<html>",
        '<html><script type="application/ld+json">{"@type": "Article", "headline":'
        ' "Gratis: zehntausend Kekse zu testen", "author": {"@type": "Organization",'
        ' "name": "Keks AG"}}</script>',
    )
    assert authors(org) == ("Keks AG",)


def test_section_after_a_capitalised_in_is_no_name() -> None:
    assert split_byline("VON Sina Giebel IN") == ["Sina Giebel"]
    assert split_byline("BY JANE DOE IN POLITICS") == ["JANE DOE"]
    assert split_byline("Human in the Loop") == ["Human in the Loop"]
    html = (
        "<html><body><div class='title'><h1>Ear Candy!</h1><div id='meta'><p>Freitag |"
        " 14. Juni 2019 | 15:49 VON Sina Giebel  IN <a href='/category/fashion/'>Fashion</a>"
        " | 0 COMMENTS</p></div></div><p>Der Sommer ist da.</p></body></html>"
    )
    assert authors(html) == ("Sina Giebel",)


def test_microdata_authors_of_teaser_articles_are_not_the_pages() -> None:
    # One page-wide item (`<body itemscope>`): the byline's author, then the teasers of
    # other posts, each an `<article>` with its own author.
    teaser = (
        '<article><h2>{0}</h2><span itemprop="author" itemscope itemtype="https://schema.org/'
        'Person"><span itemprop="name">{0} Writer</span></span></article>'
    )
    html = (
        '<html><body itemscope itemtype="https://schema.org/WebPage"><h1>Understanding Design</h1>'
        '<span class="meta">by <span itemprop="author" itemscope itemtype="https://schema.org/'
        'Person"><span itemprop="name">Jeffrey Zeldman</span></span></span><p>Text.</p>'
        + "".join(teaser.format(n) for n in ("Mark", "Liam"))
        + "</body></html>"
    )
    assert authors(html) == ("Jeffrey Zeldman",)


def test_name_decoded_twice_is_repaired() -> None:
    # The CMS decoded the UTF-8 of "ń" as Windows-1252: the page shows "JaroÅ„".
    damaged = "Jaroń".encode().decode("cp1252")
    assert split_byline(f"By Dariusz {damaged}") == ["Dariusz Jaroń"]


def test_byline_bar_with_only_a_date_and_a_category_names_nobody() -> None:
    # The category's link leads to a section page whose URL does not say "category"; its
    # element's class does.
    html = (
        '<html><body><h1>Nine food myths</h1><section class="byline"><span class="date">'
        'March 20, 2023</span> | <span class="byline__category"><a href="/health/wellness">'
        "Wellness &amp; Prevention</a></span></section><p>Text.</p></body></html>"
    )
    assert authors(html) == ()


def test_quoted_persons_are_not_the_author() -> None:
    html = (
        "<html><body><h1>Payments</h1><blockquote><p>It just works.</p>"
        '<div class="CustomerQuotes_authorInfo"><span>Gabriel Peal</span><span>OpenAI</span>'
        "</div></blockquote></body></html>"
    )
    assert authors(html) == ()


def test_a_desk_credited_beside_a_writer_is_dropped() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author":'
        ' [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Redaktion"}]}'
        "</script></head></html>"
    )
    assert authors(html) == ("Jane Doe",)
    alone = '<html><head><meta name="author" content="Redaktion"></head></html>'
    assert authors(alone) == ("Redaktion",)


def test_a_byline_element_saying_there_is_no_author_names_none() -> None:
    html = (
        '<html><body><h1>T</h1><div class="byline"><span>No Author</span>'
        "<span>Last Modified</span></div><p>Text.</p></body></html>"
    )
    assert authors(html) == ()


def test_a_customers_testimonial_names_no_author() -> None:
    html = (
        "<html><body><h1>Financing your car</h1><p>Text.</p><div class='row testimonial-author'>"
        "<div class='row'>Customer Anna Kaiser</div></div></body></html>"
    )
    assert authors(html) == ()


def test_the_user_name_field_of_a_login_form_names_no_author() -> None:
    html = (
        "<html><body><h1>Horror clown in town</h1><p>Text.</p><div class='login-username'>"
        "<i class='icon'>face</i><input name='login_username'></div></body></html>"
    )
    assert authors(html) == ()
    sign_up = html.replace("login-username", "form-field-wrap reg-username")
    assert authors(sign_up) == ()


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("Berlin (dpa) - The federal government wants to", ("dpa",)),
        ("WASHINGTON (AP) — The Senate voted on Tuesday to", ("AP",)),
        ("25. Januar 2022 (DJV/FWR) Berlin/Ratingen. Die Verbände", ("DJV", "FWR")),
        # a place in parentheses is no agency
        ("Rostow (Russland) - Bei einem Brand sind fünf Kinder", ()),
    ],
)
def test_the_agency_of_a_wire_reports_dateline(first_line: str, expected: tuple[str, ...]) -> None:
    html = f"<html><body><h1>News of the day</h1><p>{first_line} more text.</p></body></html>"
    assert authors(html) == expected


@pytest.mark.parametrize(
    "company", ["Example Media Deutschland GmbH", "Example Polska Media", "Example Verlag"]
)
def test_a_company_in_the_author_field_is_no_byline(company: str) -> None:
    html = (
        f'<html><head><meta name="author" content="{company}"></head><body><h1>Cup final</h1>'
        "<p>The match ended in a draw after extra time and penalties.</p></body></html>"
    )
    assert authors(html) == ()
    # a person named beside it still is
    html = html.replace(company, f"Jane Doe, {company}")
    assert authors(html) == ("Jane Doe",)


def test_a_staff_page_linked_in_a_sentence_or_a_quote_is_no_byline() -> None:
    sentence = (
        "<p>She was the magazine's playmate of the year, and <a href='/redaktion/marino/'>a chat"
        " with her</a> makes one forget the bench, as every football fan who has sat on one for"
        " a whole season will readily confirm to anyone who asks about it.</p>"
    )
    quote = (
        "<blockquote><p>Our work is to build a commons.</p><div class='user-title'>"
        "<a href='/author/ryan/'>Ryan Example, CEO</a></div></blockquote>"
    )
    for body in (sentence, quote):
        assert authors(f"<html><body><h1>Out! It is over</h1>{body}</body></html>") == ()


def test_a_credited_single_name_over_the_date_line() -> None:
    html = (
        "<html><body><h1>Four years remaining</h1><h2>Interning of small integers</h2>"
        "<div class='meta'>Posted by Konstantin<br>21.10.2019</div><p>Can't help sharing"
        " this lovely example of how small integers are interned.</p></body></html>"
    )
    assert authors(html) == ("Konstantin",)


def test_a_polish_desk_in_the_author_box_is_a_collective_byline() -> None:
    html = (
        "<html><body><h1>Jest zgoda na umowę</h1><p>Parlament poparł umowę handlową.</p>"
        "<div class='article__author'><h3>Zespół example.pl</h3><p>Czekamy na Wasze maile."
        " Dołącz do nas: <a href='https://example.pl/oferta'>shop.example.pl/oferta</a>.</p>"
        "</div></body></html>"
    )
    assert authors(html) == ("Zespół example.pl",)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # the town the writers filed from, after a list joined by "and"
        ("Von Anna Schmidt und Jan Berg, Berlin", ["Anna Schmidt", "Jan Berg"]),
        ("Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe", "Reuters"]),
        # an agency after a name is a co-credit, not a credential
        ("Par Jean Dupont avec AFP", ["Jean Dupont", "AFP"]),
        ("By Jane Doe, AP", ["Jane Doe", "AP"]),
        ("Jean Dupont (avec AFP)", ["Jean Dupont", "AFP"]),
        ("Por Redação, com Lusa", ["Redação", "Lusa"]),
        # wire copy: the towns after the reporters, the editors after a semicolon
        (
            "Reporting by Jane Doe in London and John Roe in Dubai; Editing by Ann Lee",
            ["Jane Doe", "John Roe"],
        ),
        # roles written as compounds
        ("Von Katrin Example, ARD-Studio Brüssel", ["Katrin Example"]),
        ("Jane Doe, ZDF-Korrespondentin", ["Jane Doe"]),
        ("Jane Doe, Online-Redakteurin", ["Jane Doe"]),
        ("Editor-in-Chief Jane Doe", ["Jane Doe"]),
        ("Mary Jane Lead-Smith", ["Mary Jane Lead-Smith"]),  # a double surname stays
        ("Jean-Pierre Example", ["Jean-Pierre Example"]),
    ],
)
def test_split_byline_places_agencies_and_compound_roles(byline: str, names: list[str]) -> None:
    assert split_byline(byline) == names


def test_a_byline_element_continued_by_a_line_with_a_joiner() -> None:
    html = (
        "<html><body><h1>Grève à la SNCF</h1><p class='article__author'>Par"
        " <a href='/auteur/jean-dupont'>Jean Dupont</a> avec AFP</p>"
        "<p>Les voyageurs devront s'armer de patience ce week-end.</p></body></html>"
    )
    assert authors(html) == ("Jean Dupont", "AFP")


def test_a_wire_byline_with_the_towns_of_its_reporters() -> None:
    html = (
        "<html><body><main><h1>Oil prices rise</h1><p>LONDON - Oil prices rose on Sunday after"
        " producers agreed to extend their output cuts into the next year.</p>"
        "<p>Reporting by Jane Doe in London and John Roe in Dubai; Editing by Ann Lee</p>"
        "</main></body></html>"
    )
    assert authors(html) == ("Jane Doe", "John Roe")


def test_an_agency_beside_the_time_under_the_headline() -> None:
    text = "<p>Nach einem schweren Unfall ist die A7 nördlich des Elbtunnels voll gesperrt.</p>"
    beside_time = f"<html><body><h1>Unfall auf der A7</h1><div>vor 3 Stunden · dpa</div>{text}"
    assert authors(beside_time + "</body></html>") == ("dpa",)
    # a picture's credit names the photographer's agency; a lone name of one is no credit
    for line in ("Foto: dpa | 12:30", "dpa"):
        html = f"<html><body><h1>Unfall auf der A7</h1><div>{line}</div>{text}</body></html>"
        assert authors(html) == ()


def test_a_spanish_wire_dateline() -> None:
    html = (
        "<html><body><h1>Lluvias torrenciales en Valencia</h1><p>Valencia, 7 dic (EFE).- La"
        " Generalitat ha suspendido las clases en 40 municipios.</p></body></html>"
    )
    assert authors(html) == ("EFE",)
