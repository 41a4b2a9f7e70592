"""Title, site, URLs, language, topics, OpenGraph/microdata, and the output formats."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from selectolax.lexbor import LexborHTMLParser

import presscut
from presscut.metadata import Metadata, extract_metadata, resolve_language
from presscut.metadata.language import normalize_tag
from presscut.metadata.urls import strip_tracking


def metadata(html: str, url: str | None = "https://www.example.com/news/a-story") -> Metadata:
    return extract_metadata(LexborHTMLParser(html), url)


# --- title -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title_tag",
    [
        "Rivers rise again | The Daily Example",
        "The Daily Example — Rivers rise again",
        "Rivers rise again - Example",
        "Rivers rise again · example.com",
        "THE DAILY EXAMPLE|Rivers rise again",
        "Rivers rise again|The Daily Example",
        "Rivers rise again › The Daily Example",
    ],
)
def test_site_name_suffix_and_prefix_removed(title_tag: str) -> None:
    html = (
        f'<html><head><title>{title_tag}</title><meta property="og:site_name"'
        ' content="The Daily Example"></head><body><p>x</p></body></html>'
    )
    assert metadata(html).title == "Rivers rise again"


@pytest.mark.parametrize(
    ("title_tag", "expected"),
    [
        ("How rivers rise after a storm | Opinion", "How rivers rise after a storm"),
        ("Best river cruises of 2025 | Top 19 Operators", "Best river cruises of 2025"),
        # Not a rubric: too long, a question, or the headline would be too short.
        (
            "River levels | What the agency's new flood warning scale means for you",
            "River levels | What the agency's new flood warning scale means for you",
        ),
        ("Rivers rising | Why?", "Rivers rising | Why?"),
        ("Floods | Live", "Floods | Live"),
        # Dashes are left alone: headlines use them.
        ("Rivers rise again - what happens next", "Rivers rise again - what happens next"),
    ],
)
def test_a_short_rubric_after_a_final_pipe_is_cut(title_tag: str, expected: str) -> None:
    html = f"<html><head><title>{title_tag}</title></head><body><p>x</p></body></html>"
    assert metadata(html).title == expected


@pytest.mark.parametrize(
    ("title_tag", "url", "expected"),
    [
        # A headline that names the site is not the site's name...
        (
            "Apple unveils the new iPhone | Newsroom",
            "https://www.apple.com/n",
            "Apple unveils the new iPhone",
        ),
        (
            "Spiegel-Gruppe streicht Stellen | Kultur",
            "https://www.spiegel.de/k",
            "Spiegel-Gruppe streicht Stellen",
        ),
        # ...but a name made of the site's name and a few capitalised words is.
        ("Obituaries | The Example Times", "https://www.example.com/o", "Obituaries"),
        (
            "Raspberry Pi Forums | How do I set up wifi",
            "https://forums.raspberrypi.com/t",
            "How do I set up wifi",
        ),
    ],
)
def test_a_headline_naming_the_site_is_kept(title_tag: str, url: str, expected: str) -> None:
    html = f"<html><head><title>{title_tag}</title></head><body><p>x</p></body></html>"
    assert metadata(html, url).title == expected


def test_a_date_printed_inside_the_h1_is_not_part_of_the_title() -> None:
    html = (
        "<html><head><title>Ministry | Example</title></head><body><h1><span class='kicker'>"
        "<time datetime='2022-02-01'>1. Februar 2022</time></span> <span>Ministerin stellt"
        " neue Familienförderung vor</span></h1><p>x</p></body></html>"
    )
    assert metadata(html).title == "Ministerin stellt neue Familienförderung vor"


def test_h1_confirmed_by_og_title_wins_over_a_logo_h1() -> None:
    html = (
        '<html><head><title>Rivers rise | Example</title><meta property="og:title" content="Rivers'
        ' rise"></head><body><h1 class="site-logo"><a href="/">Example</a></h1><h1>Rivers rise'
        "</h1></body></html>"
    )
    assert metadata(html).title == "Rivers rise"


def test_h1_wins_over_a_differently_worded_seo_title() -> None:
    html = (
        "<html><head><title>Top 10 River Facts 2024 | Example</title></head><body><h1>Ten things"
        " you never knew about rivers</h1></body></html>"
    )
    assert metadata(html).title == "Ten things you never knew about rivers"


def test_two_og_titles_take_the_first_valid_one() -> None:
    html = (
        '<html><head><meta property="og:title" content=""><meta property="og:title"'
        ' content="First real title"><meta property="og:title" content="Second title"></head>'
        "<body><p>x</p></body></html>"
    )
    assert metadata(html).title == "First real title"


def test_site_name_read_from_the_title_when_not_declared() -> None:
    html = (
        "<html><head><title>Rivers rise again – Hometown Courier</title></head>"
        "<body><h1>Rivers rise again</h1></body></html>"
    )
    meta = metadata(html)
    assert meta.title == "Rivers rise again"
    assert meta.site_name == "Hometown Courier"
    declared = html.replace("<head>", '<head><meta property="og:site_name" content="Courier">')
    assert metadata(declared).site_name == "Courier"
    # WordPress themes' "›" separates too
    chevron = metadata(html.replace("–", "›"), "https://blog.example.org/rivers")
    assert (chevron.title, chevron.site_name) == ("Rivers rise again", "Hometown Courier")


def test_colon_in_a_headline_is_kept() -> None:
    html = "<html><head><title>Crisis: what comes next | Example</title></head></html>"
    assert metadata(html).title == "Crisis: what comes next"


def test_no_title_anywhere_gives_none() -> None:
    assert metadata("<html><body><p>Just text.</p></body></html>").title is None


def test_kicker_in_the_h1_is_left_out_when_other_sources_give_the_headline() -> None:
    html = (
        "<html><head><title>Rivers rise again | Example</title>"
        '<meta property="og:title" content="Rivers rise again"></head><body>'
        "<h1><span>Flood watch:</span> Rivers rise again</h1></body></html>"
    )
    assert metadata(html).title == "Rivers rise again"


def test_short_kicker_ended_by_a_colon_is_left_out() -> None:
    html = (
        "<html><head><title>Best advertising agencies in 2025 (Ranked) | Example Strategies"
        "</title></head><body><h1>Blog: Best advertising agencies in 2025 (Ranked)</h1>"
        "</body></html>"
    )
    assert metadata(html).title == "Best advertising agencies in 2025 (Ranked)"
    # a short first word without the colon is the headline's own ("Your guide to ...")
    own = html.replace("<h1>Blog: Best", "<h1>Your Best")
    assert metadata(own).title == "Your Best advertising agencies in 2025 (Ranked)"


def test_board_after_a_spaced_slash_is_left_out() -> None:
    html = (
        "<html><head><title>What happened with the ISO in 2024 / Arch Discussion / Arch Linux"
        " Forums</title></head><body><p>The first post.</p></body></html>"
    )
    url = "https://bbs.archlinux.org/viewtopic.php?id=309936"
    assert extract_metadata(LexborHTMLParser(html), url).title == (
        "What happened with the ISO in 2024"
    )
    ranged = html.replace(
        "What happened with the ISO in 2024 / Arch Discussion", "Events 2026 / 2027"
    )
    assert extract_metadata(LexborHTMLParser(ranged), url).title == "Events 2026 / 2027"


def test_first_h2_showing_the_title_is_the_headline_under_a_blogs_name() -> None:
    html = (
        "<html><head><title>Progress Report #39</title></head><body><header><h1>Jane's"
        " Notes</h1></header><main><h2>Progress Report #39</h2><p>This month the backend"
        " learnt two new tricks.</p><h2>What is next</h2></main></body></html>"
    )
    assert metadata(html).title == "Progress Report #39"
    # a later <h2> repeating the title is a section of the article under its headline
    section = (
        "<html><head><title>How does mapping work - Example</title></head><body>"
        "<h1>How do robots navigate?</h1><h2>Sensors</h2><p>Cameras and lasers.</p>"
        "<h2>How does mapping work</h2><p>By scanning.</p></body></html>"
    )
    assert metadata(section).title == "How do robots navigate?"


def test_rubric_in_h1_and_title_is_left_out_when_og_and_json_ld_agree() -> None:
    html = (
        "<html><head><title>Open Progress - Why thinking together wins | Open Future | The"
        ' Economist</title><meta property="og:title" content="Why thinking together wins">'
        '<meta property="og:site_name" content="The Economist"></head><body>'
        "<h1><span>Open Progress</span> Why thinking together wins</h1></body></html>"
    )
    assert metadata(html).title == "Why thinking together wins"


def test_h1_sharing_no_word_with_agreeing_sources_is_a_section_label() -> None:
    html = (
        "<html><head><title>Rivers rise again in the north | Example</title>"
        '<meta property="og:title" content="Rivers rise again in the north"></head>'
        "<body><h1>Our blog</h1></body></html>"
    )
    assert metadata(html).title == "Rivers rise again in the north"


def test_reworded_h1_still_wins_over_agreeing_seo_titles() -> None:
    html = (
        "<html><head><title>Cycling in the city of Salzburg</title>"
        '<meta property="og:title" content="Cycling in the city of Salzburg"></head>'
        "<body><h1>Salzburg – cycling in the world city</h1><h1>Tauern cycle path</h1>"
        "</body></html>"
    )
    assert metadata(html).title == "Salzburg – cycling in the world city"


def test_h1_that_is_the_site_part_of_the_title_is_not_the_headline() -> None:
    html = (
        "<html><head><title>What is Ownership? - The Rust Book</title></head>"
        "<body><h1>The Rust Book</h1><h2>What is Ownership?</h2></body></html>"
    )
    assert metadata(html, "https://doc.rust-book.example/ch04").title == "What is Ownership?"
    # A last part not naming the host is a headline after a subheading ("Kicker - Headline").
    assert metadata(html, "https://doc.example.org/ch04").title == "The Rust Book"


def test_a_title_naming_the_site_is_kept_when_it_is_all_there_is() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Birdbuddy"><title>Birdbuddy Pro'
        "</title></head><body><h1>Birdbuddy Pro</h1></body></html>"
    )
    assert metadata(html, "https://birdbuddy.example/p/pro").title == "Birdbuddy Pro"


def test_heading_text_without_style_rules_entities_or_anchor_marks() -> None:
    html = (
        "<html><head><title>AT&amp;amp;T &amp;reg; results</title></head><body>"
        "<h1><style>.c{font-weight:700}</style>AT&amp;#x26;T ® results ¶</h1></body></html>"
    )
    assert metadata(html).title == "AT&T ® results"


def test_a_headline_cut_short_by_one_source_is_taken_whole_from_another() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "BlogPosting", "headline":'
        ' "Fix It Friday: four readers find solutions (including"}</script>'
        '<meta property="og:title" content="Fix It Friday: four readers find solutions'
        ' (including one trick) - Example"></head><body><p>x</p></body></html>'
    )
    assert (
        metadata(html).title == "Fix It Friday: four readers find solutions (including one trick)"
    )


def test_archived_copy_strips_the_archived_sites_name() -> None:
    html = (
        "<html><head><title>Was ist virales Marketing? | DimidoBlog</title></head>"
        '<body><h1 class="x">DimidoBlog</h1></body></html>'
    )
    url = "https://web.archive.org/web/20080731095558/http://www.dimido.de/2008/07/29/viral/"
    assert metadata(html, url).title == "Was ist virales Marketing?"


@pytest.mark.parametrize(
    "inside",
    [
        '<span class="label label--blue">Tips/Techniques</span><span class="label-append">'
        "&nbsp;</span>",
        '<span class="badge">News</span> ',
        '<time datetime="2022-02-01">1. Februar 2022</time> ',
    ],
)
def test_a_label_or_date_inside_the_headline_element_is_left_out(inside: str) -> None:
    html = (
        "<html><head><title>Tips/Techniques - Proxmox or Debian for a home server? | Forums"
        f"</title></head><body><h1>{inside}Proxmox or Debian for a home server?</h1>"
        "<p>x</p></body></html>"
    )
    assert metadata(html).title == "Proxmox or Debian for a home server?"


@pytest.mark.parametrize(
    "after",
    [
        '&nbsp;<button title="Copy item path to clipboard">Copy item path</button>',
        "<span hidden><span>Stay organized with collections</span></span>",
        '<svg viewBox="0 0 9 9"><title>Bookmark</title><path d="M0 0h9v9z"/></svg>',
    ],
)
def test_buttons_icons_and_hidden_text_inside_the_headline_are_left_out(after: str) -> None:
    html = f"<html><body><h1>Crate <span>tokio</span>{after}</h1><p>x</p></body></html>"
    assert metadata(html).title == "Crate tokio"


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        (
            "A DIY Investor\u00e2\u0080\u0099s Guide to Calculators",
            "A DIY Investor’s Guide to Calculators",
        ),
        ("Don\u00e2\u20ac\u2122t panic: a guide", "Don’t panic: a guide"),  # via Windows-1252
        ("itertools \u00e2\u0080\u0094 Functions \u00c2\u00b6", "itertools — Functions"),
        ("Café au lait à la carte", "Café au lait à la carte"),  # good Latin text stays
    ],
)
def test_utf8_decoded_twice_is_repaired_in_the_headline(damaged: str, expected: str) -> None:
    html = f"<html><head><title>{damaged}</title></head><body><h1>{damaged}</h1></body></html>"
    assert metadata(html).title == expected


# --- site, publisher, topics, OpenGraph, microdata ---------------------------------------------


def test_opengraph_and_twitter_fields() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Example News">'
        '<meta property="og:description" content="What happened.">'
        '<meta name="twitter:image" content="//cdn.example.com/i.jpg">'
        '<meta property="article:section" content="World">'
        '<meta property="article:tag" content="Rivers"><meta property="article:tag" content="Floods">'
        '<meta name="keywords" content="rivers, weather , floods"></head></html>'
    )
    meta = metadata(html)
    assert meta.site_name == "Example News"
    assert meta.description == "What happened."
    assert meta.image == "https://cdn.example.com/i.jpg"
    assert meta.section == "World"
    assert meta.tags == ("Rivers", "Floods", "weather")


def test_publisher_url_is_not_a_name() -> None:
    html = '<html><head><meta property="article:publisher" content="https://facebook.com/x"></head></html>'
    assert metadata(html).publisher is None


def test_microdata_article() -> None:
    html = (
        '<html><body><article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h2 itemprop="headline">Microdata headline</h2>'
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person">By'
        ' <span itemprop="name">Ola Nordmann</span></span>'
        '<time itemprop="datePublished" datetime="2022-05-17T12:00:00+02:00">17 May</time>'
        "</article></body></html>"
    )
    meta = metadata(html)
    assert meta.title == "Microdata headline"
    assert meta.authors == ("Ola Nordmann",)
    assert meta.published == "2022-05-17T12:00:00+02:00"


def test_declared_site_name_without_its_tagline() -> None:
    html = '<html><head><meta property="og:site_name" content="{}"></head></html>'
    url = "https://www.courier.example/news/a"
    assert metadata(html.format("Courier - News from the valley"), url).site_name == "Courier"
    named = html.format("Local news every day | The Courier")
    assert metadata(named, url).site_name == "The Courier"


def test_logo_alt_text_names_the_site_rather_than_its_domain() -> None:
    url = "https://www.river-haven.example/2019/05/a-story.html"
    page = (
        "<html><head>{}<title>New hotel opens</title></head><body><header>"
        '<a class="site-logo" href="/"><img src="/l.png" alt="{}"></a></header>'
        "<h1>New hotel opens</h1><p>Text.</p></body></html>"
    )
    undeclared = page.format("", "River Haven | Award-winning Lifestyle Blog")
    assert metadata(undeclared, url).site_name == "River Haven"
    domain = page.format(
        '<meta property="og:site_name" content="www.river-haven.example">', "River Haven logo"
    )
    assert metadata(domain, url).site_name == "River Haven"
    # an alt text that does not name the host (a partner's logo) is not the site's name
    partner = page.format("", "Gourmet Ads")
    assert metadata(partner, url).site_name == "river-haven.example"


@pytest.mark.parametrize(
    ("alt", "expected"),
    [
        ("Logo von River Haven", "River Haven"),
        ("Logo of River Haven", "River Haven"),
        ("zur River-Haven-Startseite", "River-Haven"),
        ("Zu Startseite River Haven", "River Haven"),
        ("River-Haven-Logo", "River-Haven"),
        # the alt text only spells the declared domain out: the domain stays
        ("Startseite river-haven . e x a m p l e", "river-haven.example"),
    ],
)
def test_logo_alt_text_without_its_link_words(alt: str, expected: str) -> None:
    html = (
        '<html><head><meta property="og:site_name" content="river-haven.example"><title>New'
        ' hotel opens</title></head><body><header><a class="logo" href="/"><img src="/l.png"'
        f' alt="{alt}"></a></header><h1>New hotel opens</h1><p>Text.</p></body></html>'
    )
    assert metadata(html, "https://river-haven.example/a-story").site_name == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="og:site_name" content="river-haven.example/">', "river-haven.example"),
        ('<meta name="publisher" content="Jane Doe info@river-haven.example">', "Jane Doe"),
        ("<title>New hotel opens - http://www.river-haven.example</title>", "river-haven.example"),
        ("<title>New hotel opens | www.river-haven.example</title>", "river-haven.example"),
        ('<meta property="og:site_name" content="• River Haven">', "River Haven"),
    ],
)
def test_a_site_name_is_no_address(head: str, expected: str) -> None:
    html = f"<html><head>{head}</head><body><h1>New hotel opens</h1><p>Text.</p></body></html>"
    assert metadata(html, "https://www.river-haven.example/a-story").site_name == expected


def test_a_declared_name_not_naming_the_host_gives_way_to_the_titles() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="{}"><title>New hotel opens -'
        " River Haven</title></head><body><h1>New hotel opens</h1><p>Text.</p></body></html>"
    )
    url = "https://www.riverhaven.example/a-story"
    assert metadata(html.format("Valley Tourism Committee"), url).site_name == "River Haven"
    # the title's part is the declared name's initials: the full name is the better
    abbreviated = html.format("Rural Haven Trust").replace("River Haven", "RHT")
    assert metadata(abbreviated, "https://rht.example/a").site_name == "Rural Haven Trust"


def test_site_title_heading_of_an_archived_copy_is_the_site_name() -> None:
    archive = "https://web.archive.org/web/20160218174457/http://moving-letters.example/"
    html = (
        f'<html><body><h1><a href="{archive}">moving <i>letters</i></a></h1>'
        f'<h1><a href="{archive}2010/05/a-post/">Literature and typography</a></h1>'
        "<p>Text.</p></body></html>"
    )
    meta = metadata(html, archive + "2010/05/a-post/")
    assert (meta.title, meta.site_name) == ("Literature and typography", "moving letters")


def test_a_publisher_not_naming_the_host_gives_way_to_the_title_part_that_does() -> None:
    html = (
        "<html><head><title>media-rooms.example // » Jens Example</title>"
        '<meta name="publisher" content="Jens Example"></head><body><p>x</p></body></html>'
    )
    meta = metadata(html, "http://media-rooms.example/jens-example/")
    assert (meta.title, meta.site_name) == ("Jens Example", "media-rooms.example")
    named = html.replace("media-rooms.example //", "Media Rooms //")
    assert metadata(named, "http://media-rooms.example/x/").site_name == "Media Rooms"
    # without a <title> part naming the host, the publisher is the site's name
    plain = html.replace("media-rooms.example // » Jens Example", "Selected works")
    assert metadata(plain, "http://media-rooms.example/x/").site_name == "Jens Example"


def test_placeholder_site_name_is_ignored_and_og_sitename_is_read() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="{$plugin.opengraph.site_name}">'
        '<meta property="og:sitename" content="GamePro"></head></html>'
    )
    assert metadata(html).site_name == "GamePro"


def test_publisher_named_like_the_host_wins_over_an_edition_name() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="U.S."><script type="application/ld+json">'
        '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Reuters"}}'
        "</script></head></html>"
    )
    assert metadata(html, "https://www.reuters.com/article/x").site_name == "Reuters"
    # two forms of one name: the declared one stays
    same = html.replace("U.S.", "The Example Times").replace("Reuters", "Example Times")
    url = "https://exampletimes.indiatimes.example/tech/x"
    assert metadata(same, url).site_name == "The Example Times"


def test_site_name_from_title_part_naming_the_host() -> None:
    html = "<html><head><title>Jane's Kitchen: Ten soups for winter</title></head></html>"
    url = "https://janeskitchen.blogspot.com/2013/10/soups.html"
    meta = metadata(html, url)
    assert meta.site_name == "Jane's Kitchen"
    assert meta.title == "Jane's Kitchen: Ten soups for winter"


def test_site_name_from_the_theme_logo_heading_then_the_host() -> None:
    html = (
        '<html><head><title>Ten soups</title></head><body><h1 class="site-title">Luxury Haven'
        "</h1><h2>Ten soups</h2></body></html>"
    )
    assert metadata(html, "https://www.luxuryhaven.example/p").site_name == "Luxury Haven"
    bare = "<html><head><title>Ten soups</title></head><body><h1>Ten soups</h1></body></html>"
    assert metadata(bare, "https://www.comparis.example/info").site_name == "comparis.example"


# --- URLs --------------------------------------------------------------------------------------


def test_canonical_resolved_and_untracked() -> None:
    html = (
        '<html><head><link rel="canonical" href="/news/a-story?utm_source=x&id=7&fbclid=abc'
        '&gclid=1#top"></head></html>'
    )
    assert metadata(html).canonical_url == "https://www.example.com/news/a-story?id=7"


def test_og_url_when_no_canonical_link() -> None:
    html = '<html><head><meta property="og:url" content="https://example.com/s?utm_medium=m"></head></html>'
    assert metadata(html).canonical_url == "https://example.com/s"


def test_canonical_to_the_front_page_is_ignored() -> None:
    html = '<html><head><link rel="canonical" href="https://www.example.com/"></head></html>'
    assert metadata(html).canonical_url is None


def test_undeclared_canonical_is_none_and_bad_urls_are_ignored() -> None:
    assert metadata("<html><head></head></html>").canonical_url is None
    html = '<html><head><link rel="canonical" href="javascript:void(0)"></head></html>'
    assert metadata(html).canonical_url is None


def test_strip_tracking_keeps_real_parameters() -> None:
    assert (
        strip_tracking("https://e.com/p?page=2&utm_campaign=z&mc_eid=1&q=a+b")
        == "https://e.com/p?page=2&q=a+b"
    )


# --- language ----------------------------------------------------------------------------------

GERMAN = (
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz zum Schutz der Flüsse beschlossen. "
    "Nach Angaben des Umweltministeriums sollen die Gewässer bis zum Jahr 2030 wieder in einem "
    "guten ökologischen Zustand sein. Kritiker halten die Pläne für nicht ausreichend und "
    "fordern strengere Auflagen für die Landwirtschaft und die Industrie."
)
ENGLISH = (
    "The government approved a new law on Wednesday to protect the country's rivers. According "
    "to the environment ministry, the waters should be back in good ecological condition by "
    "2030. Critics say the plans do not go far enough and call for stricter rules for farming."
)


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("en_us", "en-US"),
        ("DE-at", "de-AT"),
        ("zh-hans-cn", "zh-Hans-CN"),
        ("es-419", "es-419"),
        ("English", "en"),
        ("x-default", None),
        ("{{lang}}", None),
        ("", None),
    ],
)
def test_normalize_tag(raw: str, tag: str | None) -> None:
    assert normalize_tag(raw) == tag


def test_declared_language_order() -> None:
    assert metadata('<html lang="de-AT"><head></head></html>').language == "de-AT"
    html = '<html><head><meta property="og:locale" content="fr_FR"></head></html>'
    assert metadata(html).language == "fr-FR"
    tree = LexborHTMLParser("<html><head></head></html>")
    assert extract_metadata(tree, None, content_language="pl, en").language == "pl"


def test_content_language_header_passed_by_extract() -> None:
    html = "<html><head><title>T</title></head><body><p>x</p></body></html>"
    assert presscut.extract(html, content_language="pl-PL").language == "pl-PL"


def test_detection_wins_when_the_declaration_contradicts_the_text() -> None:
    assert resolve_language("en", GERMAN) == "de"
    assert resolve_language("de-AT", GERMAN) == "de-AT"
    assert resolve_language(None, ENGLISH) == "en"
    assert resolve_language("fr", "Kurz.") == "fr"
    assert resolve_language(None, "Kurz.") is None


def test_extract_resolves_language_on_the_body() -> None:
    body = "".join(f"<p>{GERMAN}</p>" for _ in range(4))
    html = (
        '<html lang="en"><head><title>Neues Gesetz für Flüsse</title></head><body><article>'
        f"<h1>Neues Gesetz für Flüsse</h1>{body}</article></body></html>"
    )
    article = presscut.extract(html)
    assert article.text, "the article body is needed to check the language"
    assert article.language == "de"


# --- output formats ----------------------------------------------------------------------------

FULL_PAGE = f"""<html lang="en"><head>
<title>Rivers rise again | Example News</title>
<link rel="canonical" href="https://example.com/rivers?utm_source=feed">
<meta property="og:site_name" content="Example News">
<meta property="og:description" content="Water levels are climbing.">
<meta property="og:image" content="/rivers.jpg">
<meta property="article:section" content="Science">
<meta property="article:tag" content="rivers">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Rivers rise again",
 "datePublished": "2024-03-05T10:00:00+01:00", "dateModified": "2024-03-06T10:00:00+01:00",
 "author": {{"@type": "Person", "name": "Jane Doe"}},
 "publisher": {{"@type": "Organization", "name": "Example Media Group"}}}}</script>
</head><body><article><h1>Rivers rise again</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article>
</body></html>"""

ALL_FIELDS = {
    "canonical_url": "https://example.com/rivers",
    "title": "Rivers rise again",
    "authors": ["Jane Doe"],
    "published": "2024-03-05T10:00:00+01:00",
    "modified": "2024-03-06T10:00:00+01:00",
    "site_name": "Example News",
    "publisher": "Example Media Group",
    "language": "en",
    "description": "Water levels are climbing.",
    "section": "Science",
    "tags": ["rivers"],
    "image": "https://example.com/rivers.jpg",
}


def test_json_output_has_every_metadata_field() -> None:
    data = json.loads(presscut.extract(FULL_PAGE, url="https://example.com/rivers").to_json())
    assert {key: data[key] for key in ALL_FIELDS} == ALL_FIELDS


def test_markdown_front_matter_has_every_metadata_field() -> None:
    markdown = presscut.extract(FULL_PAGE, url="https://example.com/rivers").markdown(
        front_matter=True
    )
    front = markdown.split("---\n")[1]
    lines = dict(line.split(": ", 1) for line in front.strip().splitlines())
    for key, value in ALL_FIELDS.items():
        assert json.loads(lines[key]) == value


def test_a_lower_case_brand_with_a_symbol_is_cut_from_the_title() -> None:
    html = (
        "<html><head><title>Magic Cleaning | example ♥ Magazin</title></head><body></body></html>"
    )
    assert metadata(html, "https://www.example.de/magazin/magic-cleaning/").title == (
        "Magic Cleaning"
    )


def test_a_date_line_printed_after_the_headline_in_the_h1_is_cut() -> None:
    html = (
        '<html><head><meta property="og:title" content="Fans return to the stadiums of the'
        ' region"></head><body><h1>Fans return to the stadiums of the region 02.02.2022 •'
        " Club news, Press, General</h1><p>Text.</p></body></html>"
    )
    assert metadata(html).title == "Fans return to the stadiums of the region"


def test_the_blog_archive_words_of_a_classic_theme_are_cut_from_the_title() -> None:
    html = (
        "<html><head><title>Four Years Remaining » Blog Archive » Interning of small integers"
        "</title></head><body><p>Text.</p></body></html>"
    )
    assert metadata(html, "https://fouryears.example/2019/10/21/interning/").title == (
        "Interning of small integers"
    )


def test_metadata_fields_are_articles_fields_with_the_same_types_and_defaults() -> None:
    """`Metadata` is declared apart from `Article` (metadata/ must not import the article
    model's rendering); this keeps the two declarations from drifting apart."""
    article = {f.name: (f.type, f.default) for f in fields(presscut.Article)}
    for field in fields(Metadata):
        assert article.get(field.name) == (field.type, field.default), field.name


def test_a_declared_host_name_gives_way_to_the_declared_website_name() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="sport.river-haven.example">'
        '<script type="application/ld+json">{"@type": "WebSite", "name": "RH Sport"}</script>'
        "<title>Cup final</title></head><body><h1>Cup final</h1></body></html>"
    )
    assert metadata(html, "https://sport.river-haven.example/a").site_name == "RH Sport"
    # a brand written as a domain, declared nowhere else, stays
    brand = html.replace("sport.river-haven.example", "Sport.Example.NET")
    assert metadata(brand, "https://sport.river-haven.example/a").site_name == "Sport.Example.NET"


def test_a_declared_name_with_accents_names_its_ascii_host() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Últimas Ejemplos">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Gas",'
        ' "publisher": {"@type": "Organization", "name": "C.A. ULTIMAS EJEMPLOS"}}</script>'
        "<title>Gas - Últimas Ejemplos</title></head><body><h1>Gas</h1></body></html>"
    )
    meta = metadata(html, "https://ultimasejemplos.com.ve/noticias/gas/")
    assert (meta.title, meta.site_name) == ("Gas", "Últimas Ejemplos")


@pytest.mark.parametrize(
    ("title_tag", "title", "site"),
    [
        ("河流再次上涨！-示例网", "河流再次上涨！", "示例网"),
        ("示例词条_示例百科", "示例词条", "示例百科"),
        ("川の水位がまた上昇｜例ニュース", "川の水位がまた上昇", "例ニュース"),
    ],
)
def test_cjk_title_separated_from_the_site_name_without_spaces(
    title_tag: str, title: str, site: str
) -> None:
    meta = metadata(f"<html><head><title>{title_tag}</title></head><body></body></html>")
    assert (meta.title, meta.site_name) == (title, site)


def test_a_hyphen_inside_a_latin_word_of_a_cjk_title_is_no_separator() -> None:
    html = "<html><head><title>iPhone-Hülle 示例</title></head><body></body></html>"
    assert metadata(html).title == "iPhone-Hülle 示例"


def test_canonical_url_from_the_jsonld_webpage() -> None:
    graph = (
        '{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":'
        '"https://www.example.com/news/a-story/#webpage","url":'
        '"https://www.example.com/news/a-story/?utm_source=feed"},{"@type":"NewsArticle",'
        '"headline":"A story","mainEntityOfPage":{"@id":"https://www.example.com/news/a-story/'
        '#webpage"}}]}'
    )
    html = (
        f"<html><head><script type='application/ld+json'>{graph}</script></head>"
        "<body><h1>A story</h1></body></html>"
    )
    assert metadata(html, "https://www.example.com/amp/a-story").canonical_url == (
        "https://www.example.com/news/a-story/"
    )


def test_lead_image_from_the_microdata_of_the_article_not_of_its_author() -> None:
    html = (
        "<html><body><div itemscope itemtype='https://schema.org/NewsArticle'>"
        "<h1 itemprop='headline'>A derby won</h1><div itemprop='author' itemscope"
        " itemtype='https://schema.org/Person'><img itemprop='image' src='/people/jane.jpg'>"
        "<span itemprop='name'>Jane Doe</span></div>"
        "<img itemprop='image' src='/photos/derby.jpg'></div></body></html>"
    )
    assert metadata(html).image == "https://www.example.com/photos/derby.jpg"
    logo = (
        "<html><body itemscope itemtype='https://schema.org/WebPage'><img itemprop='image'"
        " src='/logo.png'><h1>A derby won</h1></body></html>"
    )
    assert metadata(logo).image is None


def test_site_name_after_a_title_with_a_kicker() -> None:
    html = (
        "<html><head><title>Klimakonferenz: Einigung in letzter Minute | example nachrichten"
        "</title></head><body><h1>Einigung in letzter Minute</h1></body></html>"
    )
    meta = metadata(html, "https://www.ex-nachrichten.example/ausland/einigung-101.html")
    assert (meta.title, meta.site_name) == ("Einigung in letzter Minute", "example nachrichten")
