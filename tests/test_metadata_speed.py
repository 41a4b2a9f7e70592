"""The metadata's faster ways of reading a page give what the plain ways gave."""

from __future__ import annotations

import dataclasses
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from presscut import segment
from presscut.metadata import Metadata, authors, dateparse, dates, microdata
from presscut.metadata.evidence import gather, simplified
from presscut.segment import normalize_space

_PLAIN_YEAR = re.compile(r"(?:19|20)\d\d")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no year here 1234 2100",
        "Posted 12 March 2019, updated 2020-04-01",
        "19202011",  # "1920", then "2011": the search goes on after the first year
        "20192020 201920",
        "1919 2020 1999\n2000",
        "phone 0201912345 and 2019",
    ],
)
def test_years_are_those_of_the_single_pattern(text: str) -> None:
    expected = [(m.start(), m[0]) for m in _PLAIN_YEAR.finditer(text)]
    assert [(m.start(), m[0]) for m in dates._years(text)] == expected


def test_byline_line_start_matches_indented_lines_only_at_a_label() -> None:
    plain = re.compile(authors._LABEL_LINE_START.pattern.replace("*+", "*", 1))
    text = "\n    \n\t\n  By Jane Doe\n   \n  Bylaws apply\n\tAutor: Hans Meier\n    \n"
    found = [m.span() for m in authors._LABEL_LINE_START.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert [text[a:b].strip() for a, b in found] == ["By Jane Doe", "Autor: Hans Meier"]


def test_body_text_is_built_only_when_the_text_after_the_headline_has_nothing() -> None:
    page = (
        "<html><body><header>Menu</header><article><h1>A story</h1>"
        "<p>Posted 12 March 2019</p><p>By Jane Doe</p><p>Text.</p></article></body></html>"
    )
    evidence = gather(LexborHTMLParser(page), "https://example.org/story")
    assert dates._page_date_lines(evidence)[0] is not None
    assert authors._page_byline_names(evidence) == ["Jane Doe"]
    assert evidence._body_text is None

    evidence = gather(LexborHTMLParser("<p>By Jane Doe</p><h1>A story</h1><p>Text.</p>"), None)
    assert authors._page_byline_names(evidence) == []  # above the headline: not read
    assert evidence._body_text is not None


_SPECIAL = "\t\n\r\f\v\u00a0\u2000\u2005\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad\u2028\x1c\x85"


def _plain_normalize_space(text: str) -> str:
    return segment._SPACES.sub(" ", segment._INVISIBLE.sub("", text)).strip()


@pytest.mark.parametrize("char", list(_SPECIAL))
@pytest.mark.parametrize("template", ["{}", "a{}b", "{}Title", "Title{}", "A {} b"])
def test_normalize_space_fast_path_equals_its_substitutions(template: str, char: str) -> None:
    value = template.format(char)
    assert normalize_space(value) == _plain_normalize_space(value)


@pytest.mark.parametrize("value", ["", " ", "Plain title", " lead", "trail ", "a  b", "Ünïcødé €"])
def test_plain_values_are_kept(value: str) -> None:
    assert normalize_space(value) == _plain_normalize_space(value)


def test_microdata_keeps_the_first_item_of_each_property() -> None:
    page = (
        '<div itemscope><span itemprop="name">Site</span><span itemprop="author">Jane Doe</span>'
        '</div><div itemscope><span itemprop="author">John Roe</span>'
        '<span itemprop="datePublished">2024-03-05</span></div>'
    )
    items = LexborHTMLParser(page).css("[itemprop]")
    assert microdata.collect_microdata(items) == {
        "author": ["Jane Doe"],
        "datepublished": ["2024-03-05"],
    }


# The date patterns as they read plainly, led by their lookbehind (`dateparse` leads them
# with the first digit so that the engine skips to the digits).
_PLAIN_DATE_PATTERNS = {
    "_YEAR": r"(?<!\d)(?:19|20)\d\d(?!\d)",
    "_NUMERIC": r"(?<![\d./-])(\d{1,2})(\.[ \u00a0\u2009\u202f]?|[/-])(\d{1,2})\2(\d{4})"
    r"(?![\d/-]|\.\d)",
    "_YEAR_FIRST": r"(?<![\d./-])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?![\d./-])",
}
_DATE_TEXTS = [
    "2024-03-05",
    "05.03.2024 and 5/3/2024, 5-3-2024, 5. 3. 2024",
    "v1.05.03.2024 x05/03/2024 -5-3-2024 /2024/03/05 12024-03-05",
    "Posted 12 March 2019; a.5 March 2019; b5 March 2019; 5th of May 2020",
    "phone 0201912345, 1919, 2020s, x2019, 19201",
    "31.12.1999\n1.1.2000",
]


@pytest.mark.parametrize("name", sorted(_PLAIN_DATE_PATTERNS))
@pytest.mark.parametrize("text", _DATE_TEXTS)
def test_date_patterns_led_by_a_digit_match_as_the_plain_ones(name: str, text: str) -> None:
    plain = re.compile(_PLAIN_DATE_PATTERNS[name])
    pattern = getattr(dateparse, name)
    for start in range(len(text)):
        expected = [(m.span(), m.groups()) for m in plain.finditer(text, start)]
        assert [(m.span(), m.groups()) for m in pattern.finditer(text, start)] == expected


@pytest.mark.parametrize("text", _DATE_TEXTS)
def test_day_month_year_led_by_a_digit_matches_as_the_plain_one(text: str) -> None:
    led = dateparse._DAY_MONTH_YEAR.pattern
    plain = re.compile(led.replace(r"(\d(?<![\w.]\d)\d?)", r"(?<![\w.])(\d{1,2})", 1), re.I)
    assert plain.pattern != led
    for start in range(len(text)):
        expected = [(m.span(), m.groups()) for m in plain.finditer(text, start)]
        found = dateparse._DAY_MONTH_YEAR.finditer(text, start)
        assert [(m.span(), m.groups()) for m in found] == expected


def test_metadata_fields_are_those_of_asdict() -> None:
    metadata = Metadata(
        canonical_url="https://example.com/a",
        title="A title",
        authors=("Jane Doe", "John Roe"),
        published="2024-05-01",
        tags=("Locks", "Bikes"),
    )
    assert metadata.fields() == dataclasses.asdict(metadata)
    assert list(metadata.fields()) == [f.name for f in dataclasses.fields(Metadata)]


def test_meta_tags_are_read_from_the_attributes_gather_read() -> None:
    """`<meta itemprop content>` is listed twice by the query (as `[itemprop]` and as
    `meta[content]`), so its value is there twice, as when each element was read again."""
    page = (
        '<html><head><meta property="og:title" content=" A  title "><meta name="Author"'
        ' content="Jane Doe"><meta itemprop="datePublished" content="2024-03-05">'
        '<meta name="empty" content=""><link rel="Canonical alternate" href=" /a ">'
        '<link rel="icon" href=""></head><body><p>Text.</p></body></html>'
    )
    meta = gather(LexborHTMLParser(page), "https://example.com/a").meta
    assert meta.values == {
        "og:title": ["A title"],
        "author": ["Jane Doe"],
        "datepublished": ["2024-03-05", "2024-03-05"],
    }
    assert meta.links == {"canonical": ["/a"], "alternate": ["/a"]}


@pytest.mark.parametrize("text", [None, "", "The Example Times", "Ünïcødé – Title 2024!"])
def test_cached_simplified_texts_are_those_of_the_plain_function(text: str | None) -> None:
    assert simplified(text) == simplified.__wrapped__(text)
    assert simplified(text) == simplified.__wrapped__(text)  # (from the cache)
