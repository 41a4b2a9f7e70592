"""Bad input: every kind of broken or hostile page gives a documented outcome.

The contract (README, docs/output-format.md): `extract()` returns an `Article`
(with an empty body and a `reason` when there is nothing to extract) or raises
a `presscut.ExtractionError` subclass. Nothing else: no hang, no crash, no
undocumented exception. The property tests at the end check the contract, the
determinism of the output and the "never glue two blocks" rule over generated
pages.
"""

from __future__ import annotations

import codecs
import gzip
import html
import json
import re
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presscut import (
    Article,
    ExtractionError,
    FetchError,
    InputTooLargeError,
    NotHTMLError,
    PresscutError,
    extract,
)
from presscut.extract import DEFAULT_MAX_BYTES

PARAGRAPH = "The harbour master said the new pontoons would be installed before the summer."
PAGE = f"<!DOCTYPE html><html><head><title>Pontoons</title></head><body><p>{PARAGRAPH}</p></body></html>"


def segments(article: Article) -> list[tuple[str, str]]:
    """(type, text) of every visible block, kept or cut (needs `include_removed=True`).

    Decoding and parsing are checked on these, so that the checks hold whatever
    the content model decides to keep.
    """
    cut = [(b.type, b.text) for b in article.removed if b.reason != "hidden"]
    return sorted([(b.type, b.text) for b in article.body] + cut)


def visible_text(data: bytes | str, **options: object) -> str:
    article = extract(data, include_removed=True, **options)  # type: ignore[arg-type]
    return "\n\n".join(text for _, text in segments(article))


def test_errors_form_the_documented_hierarchy():
    # A batch job catches ExtractionError (or ValueError) per page; a failed download is not
    # a bad page; one PresscutError catches everything presscut raises on purpose.
    for error in (ExtractionError, NotHTMLError, InputTooLargeError, FetchError):
        assert issubclass(error, PresscutError)
    assert issubclass(NotHTMLError, ExtractionError)
    assert issubclass(InputTooLargeError, ExtractionError)
    assert issubclass(ExtractionError, ValueError)
    assert not issubclass(FetchError, ExtractionError)


# --- Empty and non-HTML input ------------------------------------------------


@pytest.mark.parametrize("data", [b"", "", b"   \n\t\r\n ", " \n ", "\ufeff", b"\xef\xbb\xbf"])
def test_empty_or_blank_input_is_an_empty_article(data):
    article = extract(data)

    assert article.body == ()
    assert article.page_type == "other"
    assert article.reason == "empty document"


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><head><title>Loading</title></head><body></body></html>",
        b"<html><body><!-- nothing to see --><script>render()</script></body></html>",
        b"<body>\n  <img src='/logo.png' alt=''>\n  <hr>\n</body>",
    ],
)
def test_page_without_visible_text_is_an_empty_article(data):
    article = extract(data)

    assert article.body == ()
    assert article.page_type == "other"
    assert article.reason == "no visible text"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(256)) * 16, "input is binary data, not HTML"),
        (b"\x00" * 64 + b"<p>text</p>", "input is binary data, not HTML"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "a PDF document"),
        (b"  \n%PDF-1.4\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
    ],
)
def test_binary_formats_are_refused(data, message):
    with pytest.raises(NotHTMLError, match=re.escape(message)):
        extract(data)


@pytest.mark.parametrize(
    "data",
    [
        b'{"title": "Pontoons", "body": "<p>The harbour master said...</p>"}',
        '  [{"id": 1, "html": "<b>bold</b>"}, {"id": 2}]\n',
        json.dumps({"items": [{"html": "<div>x</div>"}] * 50}).encode(),
    ],
)
def test_json_is_refused(data):
    with pytest.raises(NotHTMLError, match="input is JSON, not HTML"):
        extract(data)


@pytest.mark.parametrize(
    "data",
    [
        b"Just a line of plain text, no markup at all.",
        "if a < b and c > d then the text has angle brackets but no tags",
        b"{ not json, and no markup either",
    ],
)
def test_text_without_markup_is_refused(data):
    with pytest.raises(NotHTMLError, match="input has no HTML markup"):
        extract(data)


def test_wrong_argument_type_is_a_type_error():
    with pytest.raises(TypeError, match="not int"):
        extract(42)  # type: ignore[arg-type]


# --- Broken HTML -------------------------------------------------------------


def test_fragment_without_html_element_is_parsed():
    article = extract(
        f"<h2>Pontoons</h2><p>{PARAGRAPH}</p><ul><li>North pier</li></ul>", include_removed=True
    )

    assert segments(article) == [
        ("heading", "Pontoons"),
        ("list_item", "North pier"),
        ("paragraph", PARAGRAPH),
    ]
    assert ("paragraph", PARAGRAPH) in [(b.type, b.text) for b in article.body]


def test_unclosed_tags_still_separate_blocks():
    article = extract(
        f"<html><body><div><p>{PARAGRAPH}<div><p>The work will cost <b>\u00a3120,000"
        "<p>Boats will be moved to the outer harbour",
        include_removed=True,
    )

    assert segments(article) == [
        ("paragraph", "Boats will be moved to the outer harbour"),
        ("paragraph", PARAGRAPH),
        ("paragraph", "The work will cost \u00a3120,000"),
    ]


@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "b", "section"])
def test_ten_thousand_deep_nesting(tag):
    page = (
        f"<html><body>{f'<{tag}>' * 10_000}<p>{PARAGRAPH}</p>{f'</{tag}>' * 10_000}</body></html>"
    )

    assert visible_text(page) == PARAGRAPH


# --- Size limits -------------------------------------------------------------

FIFTY_MB = 50 * 1024 * 1024


def test_fifty_megabyte_page_is_refused():
    page = b"<html><body>" + b"<p>" + b"x" * FIFTY_MB + b"</p></body></html>"

    with pytest.raises(InputTooLargeError, match=f"more than {DEFAULT_MAX_BYTES}"):
        extract(page)


def test_fifty_megabyte_string_is_refused():
    with pytest.raises(InputTooLargeError, match=f"larger than {DEFAULT_MAX_BYTES} characters"):
        extract("<p>" + "x" * FIFTY_MB + "</p>")


def test_gzip_that_inflates_past_the_limit_is_refused():
    compressor = zlib.compressobj(1, wbits=31)
    bomb = compressor.compress(b"<p>" + b" " * FIFTY_MB) + compressor.flush()

    with pytest.raises(InputTooLargeError, match="decompressed input is larger"):
        extract(bomb)


def test_size_limit_is_an_option():
    with pytest.raises(InputTooLargeError):
        extract(PAGE, max_bytes=100)
    assert visible_text(PAGE, max_bytes=len(PAGE)) == PARAGRAPH


# --- Encodings and stray bytes -----------------------------------------------


@pytest.mark.parametrize(
    "charset", ["foo-bar", "", "utf-9", "hex", "base64", "rot13", "zlib", "idna", "undefined"]
)
def test_invalid_or_non_text_charset_names_are_ignored(charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>Caf\u00e9 cr\u00e8me, 3\u20ac</p></body></html>'

    assert visible_text(page.encode("utf-8")) == "Caf\u00e9 cr\u00e8me, 3\u20ac"
    assert (
        visible_text(page.encode("utf-8"), content_type=f"text/html; charset={charset}")
        == "Caf\u00e9 cr\u00e8me, 3\u20ac"
    )


def test_nul_bytes_are_dropped():
    assert visible_text(b"<p>Pon\x00toons in the har\x00bour</p>") == "Pontoons in the harbour"
    assert visible_text("<p>Pon\x00toons</p>") == "Pontoons"


def test_stray_invalid_bytes_in_utf8_page_keep_the_rest_readable():
    french = "<p>" + "L'\u00e9t\u00e9 arrive t\u00f4t \u00e0 l'\u00eele, d\u00e9j\u00e0 " * 40
    page = french.encode("utf-8") + b"\xff fin.</p>"

    text = visible_text(page)

    assert text.startswith("L'\u00e9t\u00e9 arrive t\u00f4t \u00e0 l'\u00eele")
    assert text.endswith("\ufffd fin.")


def test_invalid_utf8_without_declaration_is_still_read():
    text = visible_text(b"<p>Harbour \xff\xfe\xfa news</p>")

    assert text.startswith("Harbour ")
    assert text.endswith(" news")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded(encoding):
    data = PAGE.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data

    assert visible_text(data) == PARAGRAPH


def test_truncated_gzip_is_refused():
    data = gzip.compress(PAGE.encode() * 50)

    with pytest.raises(NotHTMLError, match="gzip stream is truncated"):
        extract(data[: len(data) // 2])


def test_corrupt_gzip_is_refused():
    data = bytearray(gzip.compress(PAGE.encode()))
    data[12:20] = b"\xff" * 8

    with pytest.raises(NotHTMLError, match="cannot be decompressed"):
        extract(bytes(data))


def test_gzipped_page_is_unwrapped():
    assert visible_text(gzip.compress(PAGE.encode())) == PARAGRAPH


# --- Hidden document skeleton and highlighted code ---------------------------


@pytest.mark.parametrize("attribute", ["hidden", 'style="display:none"', 'aria-hidden="true"'])
def test_hidden_root_of_a_frameset_page(attribute):
    article = extract(f"<frameset><html {attribute}><frame src='/nav.html'></frameset>")

    assert (article.body, article.reason) == ((), "no visible text")


def test_block_lines_inside_pre_are_not_glued():
    text = visible_text("<pre><code><div>x = 1</div><div>y = 2</div></code></pre>")

    assert text == "x = 1\ny = 2"


# --- Properties over generated input ----------------------------------------

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(data: bytes | str, **options: object) -> Article | ExtractionError:
    """The result of `extract()`; any exception that is not an `ExtractionError` fails the test."""
    try:
        article = extract(data, **options)  # type: ignore[arg-type]
    except ExtractionError as exc:
        assert str(exc), "an ExtractionError must say what is wrong"
        return exc
    assert isinstance(article, Article)
    assert article.page_type in ("article", "listing", "other")
    assert article.body or article.reason, "an empty article must say why"
    assert all(block.text and "\x00" not in block.text for block in article.body)
    json.dumps(article.to_dict())
    return article


def assert_deterministic(data: bytes | str, **options: object) -> Article | ExtractionError:
    first, second = outcome(data, **options), outcome(data, **options)
    if isinstance(first, Article):
        assert isinstance(second, Article)
        assert first.to_dict() == second.to_dict()
    else:
        assert (type(first), str(first)) == (type(second), str(second))
    return first


@BOUNDED
@given(st.binary(max_size=4096))
def test_any_bytes_give_an_article_or_an_extraction_error(data):
    assert_deterministic(data)


@BOUNDED
@given(
    st.binary(max_size=1024),
    st.sampled_from(
        ["utf-8", "windows-1252", "shift_jis", "utf-7", "hex", "idna", "undefined", "x-junk"]
    )
    | st.text(max_size=20),
)
def test_any_bytes_with_any_declared_charset(data, charset):
    page = b'<meta charset="' + charset.encode("utf-8", "replace") + b'"><p>' + data
    assert_deterministic(page)
    assert_deterministic(data, content_type=f"text/html; charset={charset}")


@BOUNDED
@given(st.text(max_size=2048))
def test_any_text_gives_an_article_or_an_extraction_error(text):
    assert_deterministic(text)


REAL_TAGS = [
    *"html head body title meta script style noscript template svg math iframe".split(),
    *"div p span a b i em strong br hr img h1 h2 h3 h6 ul ol li dl dt dd table".split(),
    *"thead tbody tr td th caption pre code blockquote q figure figcaption header".split(),
    *"footer nav aside main article section form input select option textarea button".split(),
    *"label sup sub small time picture source video frameset frame plaintext xmp".split(),
]
ATTRIBUTES = st.sampled_from(
    [
        "hidden",
        'aria-hidden="true"',
        'style="display:none"',
        "style='visibility: hidden'",
        'style="color:red"',
        'class="article-body"',
        'class="share-bar social"',
        'class="comments"',
        'class="sr-only"',
        'id="main"',
        'role="navigation"',
        'href="/x"',
        "data-x='<p>'",
        'class="a',
    ]
)
SOUP_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("<>&;/ \n"),
    max_size=30,
)


def start_tag(tag: str, attributes: list[str]) -> str:
    return f"<{tag}{''.join(' ' + a for a in attributes)}>"


SOUP_TOKENS = st.one_of(
    st.builds(start_tag, st.sampled_from(REAL_TAGS), st.lists(ATTRIBUTES, max_size=3)),
    st.builds("</{}>".format, st.sampled_from(REAL_TAGS)),
    SOUP_TEXT,
    st.sampled_from(["<!-- c -->", "<!--", "<!DOCTYPE html>", "&amp;", "&#0;", "&nbsp;", "<"]),
)


@BOUNDED
@given(st.lists(SOUP_TOKENS, max_size=60))
def test_arbitrary_tag_soup_gives_an_article_or_an_extraction_error(tokens):
    assert_deterministic("".join(tokens))


# Generated pages with well-formed nesting, where every text node carries a
# unique marker word `zq<n>q`. The "never glue two blocks" rule, checked
# without knowing what the engine keeps: markers from two different block
# elements never share a line of `Article.text` (blocks are joined by blank
# lines, `<br>` is the only line break inside one). A data table is the one
# block whose cells share a line, so a table counts as one group.

INLINE = ["span", "a", "b", "em", "strong", "i", "code", "small", "time", "sup"]
HEADINGS = ["h1", "h2", "h3", "h4"]
CONTAINERS = ["div", "section", "article", "blockquote", "main", "aside", "header"]
TEXT_ATTRIBUTES = st.sampled_from(
    [
        "",
        ' class="article-body"',
        ' class="story"',
        ' class="share"',
        ' class="related-links"',
        ' class="comments"',
        ' id="content"',
        ' hidden=""',
        ' style="display: none"',
        ' aria-hidden="true"',
        ' class="visually-hidden"',
        ' style="font-weight: bold"',
    ]
)
FILLER = st.text(
    alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Zs"], exclude_characters="zq<>&"),
    max_size=6,
)


@st.composite
def inline_nodes(draw: st.DrawFn, depth: int, in_link: bool = False) -> list:
    nodes: list = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["text", "text", "inline", "br"] if depth else ["text"]))
        if kind == "text":
            nodes.append(("#text", draw(FILLER), draw(FILLER)))
        elif kind == "br":
            nodes.append(("br", "", []))
        else:
            tag = draw(st.sampled_from(INLINE))
            if tag == "a" and in_link:
                tag = "span"  # <a> in <a> is re-nested by the parser
            children = draw(inline_nodes(depth - 1, in_link or tag == "a"))
            nodes.append((tag, draw(TEXT_ATTRIBUTES), children))
    return nodes


@st.composite
def flow_nodes(draw: st.DrawFn, depth: int) -> list:
    nodes: list = []
    kinds = ["p", "heading", "pre", "inline"]
    if depth:
        kinds += ["container", "list", "figure", "table"]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(kinds))
        attrs = draw(TEXT_ATTRIBUTES)
        if kind in ("p", "pre"):
            nodes.append((kind, attrs, draw(inline_nodes(2))))
        elif kind == "heading":
            nodes.append((draw(st.sampled_from(HEADINGS)), attrs, draw(inline_nodes(1))))
        elif kind == "inline":
            nodes.extend(draw(inline_nodes(2)))
        elif kind == "container":
            nodes.append((draw(st.sampled_from(CONTAINERS)), attrs, draw(flow_nodes(depth - 1))))
        elif kind == "list":
            items = [
                ("li", "", draw(flow_nodes(depth - 1))) for _ in range(draw(st.integers(1, 3)))
            ]
            nodes.append((draw(st.sampled_from(["ul", "ol"])), attrs, items))
        elif kind == "figure":
            caption = ("figcaption", "", draw(inline_nodes(1)))
            nodes.append(("figure", attrs, [("img", ' src="/a.jpg"', []), caption]))
        else:
            rows = [
                (
                    "tr",
                    "",
                    [("td", "", draw(flow_nodes(0))) for _ in range(draw(st.integers(1, 3)))],
                )
                for _ in range(draw(st.integers(1, 3)))
            ]
            nodes.append(("table", attrs, [("tbody", "", rows)]))
    return nodes


def render(nodes: list) -> tuple[str, dict[str, int]]:
    """HTML for the nodes, and the group (block element or table) of each marker word."""
    group_of: dict[str, int] = {}
    groups = 0

    def walk(nodes: list, group: int, in_table: bool) -> str:
        nonlocal groups
        out = []
        for tag, first, second in nodes:
            if tag == "#text":
                marker = f"zq{len(group_of)}q"
                group_of[marker] = group
                out.append(html.escape(f"{first}{marker}{second}", quote=False))
            elif tag in ("br", "img"):
                out.append(f"<{tag}{first}>")
            else:
                inner = group
                if tag not in INLINE and not in_table:
                    groups += 1
                    inner = groups
                inner_html = walk(second, inner, in_table or tag == "table")
                out.append(f"<{tag}{first}>{inner_html}</{tag}>")
        return "".join(out)

    return "<!DOCTYPE html><html><body>" + walk(nodes, 0, False) + "</body></html>", group_of


MARKER = re.compile(r"zq\d+q")


@BOUNDED
@given(flow_nodes(3))
def test_text_of_two_blocks_is_never_glued(nodes):
    page, group_of = render(nodes)

    article = assert_deterministic(page, include_removed=True)

    assert isinstance(article, Article)
    # The cut blocks too: the rule is about segmentation, whatever the selection keeps.
    lines = article.text.split("\n") + [
        t for _, text in segments(article) for t in text.split("\n")
    ]
    for line in lines:
        groups = {group_of[m] for m in MARKER.findall(line)}
        assert len(groups) <= 1, f"text of different blocks on one line: {line!r}"
