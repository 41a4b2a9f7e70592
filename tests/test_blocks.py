"""The body keeps the article's structure as typed blocks, and never glues two blocks together."""

from __future__ import annotations

from pathlib import Path

import presscut
from presscut import dom
from presscut.segment import segment_page

TEMPLATE = (Path(__file__).parent / "fixtures" / "page_template.html").read_text("utf-8")


def _extract(slot: str) -> presscut.Article:
    return presscut.extract(TEMPLATE.replace("<!--SLOT-->", slot))


def _segments(body: str):
    tree = dom.parse(f"<html><body>{body}</body></html>")
    dom.prune(tree)
    return segment_page(dom.content_root(tree))


def _blocks_of(article: presscut.Article, kind: str) -> list[presscut.Block]:
    return [b for b in article.body if b.type == kind]


def test_paragraphs_are_blocks_of_their_own() -> None:
    article = _extract("")
    paragraphs = _blocks_of(article, "paragraph")
    assert len(paragraphs) == 5
    assert paragraphs[0].text.startswith("The city council voted 31 to 12")
    assert paragraphs[0].text.endswith("cost and route.")
    assert "\n" not in paragraphs[0].text  # source line breaks are only whitespace


def test_headings_keep_their_level() -> None:
    article = _extract(
        "<h2>Where the line will run</h2><p>From the northern terminus at Hill Park the trams will "
        "follow the canal road, cross the river on a new bridge and end under the central station.</p>"
        "<h3>Stops in the old town</h3><p>Four stops are planned in the old town, each within five "
        "minutes' walk of the market square, the cathedral and the university buildings.</p>"
    )
    headings = _blocks_of(article, "heading")
    assert [(h.text, h.level) for h in headings] == [
        ("Where the line will run", 2),
        ("Stops in the old town", 3),
    ]


def test_list_items_with_nesting_and_order() -> None:
    article = _extract(
        "<p>The council attached three conditions to the approval of the project, all of which "
        "must be met before construction can begin:</p>"
        "<ol><li>an independent review of the budget,</li>"
        "<li>a consultation with businesses on the route, covering<ul>"
        "<li>delivery access during the works,</li><li>compensation for lost trade,</li></ul></li>"
        "<li>a yearly report to the council.</li></ol>"
    )
    items = _blocks_of(article, "list_item")
    assert [(i.text, i.depth, i.ordered) for i in items] == [
        ("an independent review of the budget,", 1, True),
        ("a consultation with businesses on the route, covering", 1, True),
        ("delivery access during the works,", 2, False),
        ("compensation for lost trade,", 2, False),
        ("a yearly report to the council.", 1, True),
    ]
    markdown = article.markdown()
    assert "1. an independent review of the budget," in markdown
    assert "   - delivery access during the works," in markdown


def test_blockquote_is_a_quote_block() -> None:
    article = _extract(
        "<blockquote><p>This is the biggest investment in public transport that this city has seen "
        "in fifty years, and it will change how people live here.</p></blockquote>"
    )
    quotes = _blocks_of(article, "quote")
    assert len(quotes) == 1
    assert quotes[0].text.startswith("This is the biggest investment")
    assert "> This is the biggest investment" in article.markdown()


def test_preformatted_keeps_whitespace() -> None:
    code = "route = [\n    'Hill Park',\n    'Canal Road',\n]"
    article = _extract(
        "<p>The transport office published the planned stops as data that anyone can reuse in "
        f"their own applications, in the following format:</p><pre><code>{code}</code></pre>"
    )
    pre = _blocks_of(article, "preformatted")
    assert len(pre) == 1
    assert pre[0].text == code
    assert f"```\n{code}\n```" in article.markdown()


def test_data_table_keeps_rows_and_cells() -> None:
    article = _extract(
        "<p>The budget of the project is split between the city, the region and the national "
        "government, as the following table from the council papers shows:</p>"
        "<table><thead><tr><th>Funder</th><th>Share</th><th>Amount</th></tr></thead><tbody>"
        "<tr><td>City</td><td>40%</td><td>248 million</td></tr>"
        "<tr><td>Region</td><td>35%</td><td>217 million</td></tr>"
        "<tr><td>State</td><td>25%</td><td>155 million</td></tr></tbody></table>"
    )
    tables = _blocks_of(article, "table")
    assert len(tables) == 1
    assert tables[0].rows == (
        ("Funder", "Share", "Amount"),
        ("City", "40%", "248 million"),
        ("Region", "35%", "217 million"),
        ("State", "25%", "155 million"),
    )
    assert "| Funder | Share | Amount |\n|---|---|---|" in article.markdown()


def test_a_data_table_with_a_caption_stays_one_table_after_its_caption() -> None:
    page = _segments(
        "<p>Intro.</p><table><caption>Funding, in millions</caption>"
        "<tr><th>Funder</th><th>Amount</th></tr><tr><td>City</td><td>248</td></tr>"
        "<tr><td>Region</td><td>217</td></tr></table><p>Outro.</p>"
    )
    assert [(s.type, s.text) for s in page.segments] == [
        ("paragraph", "Intro."),
        ("figure_caption", "Funding, in millions"),
        ("table", "Funder | Amount\nCity | 248\nRegion | 217"),
        ("paragraph", "Outro."),
    ]
    # Each segment's container is a live one, and the table's range covers its caption.
    containers = page.containers
    assert [containers[s.container].tag for s in page.segments] == ["p", "caption", "table", "p"]
    table = containers[page.segments[2].container]
    assert (table.start, table.end) == (1, 3)
    # A caption after the rows is text outside the cells: a layout table, as before.
    late = _segments(
        "<table><tr><td>City</td><td>248</td></tr><tr><td>Region</td><td>217</td></tr>"
        "<caption>Funding</caption></table>"
    )
    assert [(s.type, s.text) for s in late.segments] == [
        ("paragraph", "City"),
        ("paragraph", "248"),
        ("paragraph", "Region"),
        ("paragraph", "217"),
        ("figure_caption", "Funding"),
    ]


def test_figure_caption() -> None:
    article = _extract(
        '<figure><img src="/img/tram.jpg" alt="A tram"><figcaption>A tram of the type the city '
        "plans to buy, seen here on a test run in Freiburg.</figcaption></figure>"
    )
    captions = _blocks_of(article, "figure_caption")
    assert [c.text for c in captions] == [
        "A tram of the type the city plans to buy, seen here on a test run in Freiburg."
    ]


def test_br_is_a_line_break_and_double_br_a_paragraph_break() -> None:
    article = _extract(
        "<p>The council's resolution lists the stops in order:<br>Hill Park<br>Canal Road<br>"
        "Central Station<br><br>Each stop will have step-free access and real-time information "
        "displays for passengers waiting on the platform.</p>"
    )
    texts = [b.text for b in article.body]
    assert (
        "The council's resolution lists the stops in order:\nHill Park\nCanal Road\nCentral Station"
        in texts
    )
    assert any(t.startswith("Each stop will have step-free access") for t in texts)


def test_blocks_are_never_glued() -> None:
    # Text of two block elements with no whitespace between them in the source.
    article = _extract(
        '<div class="note"><div>The vote followed a six-hour debate that makes the difference.</div>'
        "<div>Protesters gathered outside the town hall before the meeting, holding banners "
        "for and against the tram.</div></div>"
    )
    assert "difference.Protesters" not in article.text
    assert "difference. Protesters" not in article.text


def test_inline_elements_keep_spacing() -> None:
    article = _extract(
        "<p>The <em>new</em> line is <strong>14&nbsp;km</strong> long, said the "
        '<a href="/office">transport office</a>, and wo<b>n</b>\'t open before 2031 '
        "according to the timetable published last month.</p>"
    )
    assert any(
        b.text.startswith("The new line is 14 km long, said the transport office, and won't open")
        for b in article.body
    )


def test_side_by_side_inline_elements_are_not_glued_across_a_word_boundary() -> None:
    # A caption and its credit, a label and its link, a name and its role: sibling inline
    # elements with nothing between them, which the page's CSS sets apart.
    texts = [
        s.text
        for s in _segments(
            "<figure><figcaption><span>The square at dawn.</span><span>Jane Roe / Agency</span>"
            "</figcaption></figure>"
            "<p><span>Read also</span><a href='/x'>Tram plan approved</a></p>"
            "<div><a href='/a'>Harbour wall finished</a><a href='/b'>Ferry strike ends</a></div>"
            "<p><b>Maria Lopez</b><i>STUDENT</i></p>"
        ).segments
    ]
    assert texts == [
        "The square at dawn. Jane Roe / Agency",
        "Read also Tram plan approved",
        "Harbour wall finished Ferry strike ends",
        "Maria Lopez STUDENT",
    ]


def test_words_split_by_markup_stay_whole() -> None:
    # A drop cap, a lower-case continuation, an inline element before plain text, and
    # Chinese (no spaces between words): the text is joined as the browser joins it.
    texts = [
        s.text
        for s in _segments(
            "<p><span class='dropcap'>T</span><span>he harbour</span></p>"
            "<p><b>Harbour</b><i>side</i> walk</p>"
            "<p><a href='/m'>Mc</a>Donald and H<sub>2</sub>O</p>"
            "<p><span>港口</span><span>工程</span></p>"
        ).segments
    ]
    assert texts == ["The harbour", "Harbourside walk", "McDonald and H2O", "港口工程"]


def test_a_number_in_the_next_inline_element_is_not_glued_to_a_word() -> None:
    # A byline and its date, a list of links whose next headline opens with a number, a
    # product name and its size: a number after a word of letters starts a new word.
    texts = [
        s.text
        for s in _segments(
            "<div><span>Von Jana Becker</span><span>14.03.2025, 18:42 Uhr</span>"
            "<span>3 Min.</span></div>"
            "<div><a href='/a'>Lagerhalle steht in Flammen</a><a href='/b'>1. FC Köln verliert"
            "</a></div>"
            "<p><b>HydraPak</b><span>500 ml</span></p>"
        ).segments
    ]
    assert texts == [
        "Von Jana Becker 14.03.2025, 18:42 Uhr 3 Min.",
        "Lagerhalle steht in Flammen 1. FC Köln verliert",
        "HydraPak 500 ml",
    ]


def test_a_credit_in_parentheses_after_a_caption_is_not_glued_to_it() -> None:
    # A caption and its credit in sibling spans; a function call in highlighted code stays.
    texts = [
        s.text
        for s in _segments(
            "<figure><figcaption><span>Students on March 12.</span>"
            "<span>(Kevin Ortiz/Gazette)</span></figcaption></figure>"
            "<p>Call <code><span>print</span><span>(x)</span></code> once.</p>"
        ).segments
    ]
    assert texts == ["Students on March 12. (Kevin Ortiz/Gazette)", "Call print(x) once."]


def test_numbers_that_continue_a_word_stay_glued() -> None:
    # A formula, a footnote mark after a sentence, a superscript, an identifier and a
    # file name split by markup, and a clock whose colon is an element of its own.
    texts = [
        s.text
        for s in _segments(
            "<p><b>CO</b><span>2</span> levels</p>"
            "<p><span>as the study found.</span><a href='#fn10'>10</a></p>"
            "<p><span>40 m</span><sup>2</sup></p>"
            "<p><span>c3568p</span><span>2e2c</span> and <i>video.mp</i><i>4</i></p>"
            "<p><span>10</span><span>:</span><span>14</span></p>"
        ).segments
    ]
    assert texts == [
        "CO2 levels",
        "as the study found.10",
        "40 m2",
        "c3568p2e2c and video.mp4",
        "10:14",
    ]


def test_whitespace_is_a_space_inside_a_segment_and_nothing_between_blocks() -> None:
    # Spaces between two links, and whitespace-only text (ASCII or not) between paragraphs.
    tree = dom.parse(
        "<body><div>\n  <p><a href='/a'>one</a> <a href='/b'>two</a></p>\n \u00a0\u2003 \n"
        "<p>three\u00a0</p>\n</div></body>"
    )
    segments = segment_page(dom.content_root(tree)).segments
    assert [s.text for s in segments] == ["one two", "three"]
    assert (segments[0].link_chars, segments[0].links) == (6, 2)


def test_text_joins_blocks_with_one_blank_line() -> None:
    article = _extract("")
    assert article.text == "\n\n".join(b.text for b in article.body)
    assert "\n\n\n" not in article.text


def test_ruby_annotations_are_not_read_into_the_text() -> None:
    """Furigana (`<rt>`) sit above the base text; read inline they would double every word."""
    article = _extract(
        "<p><ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>ができて、"
        "<ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を"
        "<ruby>禁止<rt>きんし</rt></ruby>することになりました。</p>"
    )
    assert "法律ができて、子どもへの体罰を禁止することになりました。" in article.text
    assert "ほうりつ" not in article.text
