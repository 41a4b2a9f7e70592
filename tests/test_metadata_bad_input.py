"""Malformed metadata never raises: a best valid value or None (property-based)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from presscut.metadata import Metadata, extract_metadata, resolve_language

# Pieces of the markup the metadata reads, to be glued in any order with any text.
FRAGMENTS = [
    '<script type="application/ld+json">',
    "</script>",
    '{"@type": "NewsArticle", ',
    '"headline": "',
    '"datePublished": "',
    '"author": [',
    '{"@id": "#a"}',
    '"@graph": [',
    "]",
    "}",
    ",",
    '"',
    "0000-00-00",
    "20245-01-01",
    "1709634000000",
    "yesterday",
    "5. März 2024",
    '<meta property="og:title" content="',
    '<meta name="author" content="',
    '<meta property="article:published_time" content="',
    '">',
    '<time datetime="',
    "</time>",
    "<h1>",
    "</h1>",
    '<p class="byline">By ',
    '<div itemscope itemtype="https://schema.org/Article"><span itemprop="author">',
    "</span></div>",
    '<link rel="canonical" href="',
    "http://[::1",
    "?utm_source=x#frag",
    '<html lang="',
    "<title>",
    "</title>",
    " | ",
    '<a href="/">',
    "</a>",
    "\x00",
]
html_soup = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map(
    "".join
)
page_urls = st.one_of(
    st.none(),
    st.sampled_from(["https://e.com/2024/13/45/a", "not a url", "http://[::1", "ftp://x/y", ""]),
    st.text(max_size=30),
)


@settings(max_examples=400, deadline=None)
@given(html=html_soup, url=page_urls)
def test_extract_metadata_never_raises(html: str, url: str | None) -> None:
    meta = extract_metadata(LexborHTMLParser(html), url)
    assert isinstance(meta, Metadata)
    for value in (meta.published, meta.modified):
        assert value is None or (len(value) >= 10 and value[4] == "-" and "0000" not in value[:4])
    assert all(isinstance(name, str) and name for name in meta.authors)


@settings(max_examples=200, deadline=None)
@given(declared=st.one_of(st.none(), st.text(max_size=10)), text=st.text(max_size=400))
def test_resolve_language_never_raises(declared: str | None, text: str) -> None:
    result = resolve_language(declared, text)
    assert result is None or isinstance(result, str)
