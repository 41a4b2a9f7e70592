"""The fast path of the chrome-line patterns finds what the patterns themselves find."""

from __future__ import annotations

import re

import pytest

from presscut.chrome_lines import (
    _CREDIT_LABEL,
    _PAYWALL_METER,
    _RELATED_LABEL,
    _TOC_LABEL,
    _WIDGET_LINE,
    _match_credit_label,
    _match_paywall_meter,
    _match_related_label,
    _match_toc_label,
    _match_widget_line,
    ascii_folding,
    is_credit_line,
    standalone_line_reason,
)

LINES = [
    "ADVERTISEMENT",
    "Advertisement",
    "Share this:",
    "SHARE ON FACEBOOK",
    "Print  Email  Save",
    "5 MIN READ",
    "Updated 2 hours ago",
    "Bild anzeigen Bild schließen",
    "BILD SCHLIESSEN",
    "Zum Vergrößern klicken",
    "Tags: Harbour, Council",
    "The council voted on Tuesday.",
    "",
    "Photo: Jane Doe",
    "PHOTO CREDIT: JANE DOE",
    "Crédits photos : Bestimage",
    "Fot. Tomasz Kowalski",
    "Source code for the parser",
    "Table of Contents [Hide]",
    "IN THIS ARTICLE",
    "Read more: Council approves the budget",
    "READ ALSO: Storm leaves thousands without power",
    "You have read 3 of your 5 free articles this month.",
    "Sie haben 4 von 5 kostenlosen Artikeln gelesen",
    "Loading paragraph…",
    "(Visited 1,902 times, 364 visits today)",
    "Related posts:",
    "Das Thema könnte dich auch interessieren:",
    "Titelbild: Jane Doe/dpa",
]


@pytest.mark.parametrize("line", LINES)
def test_ascii_folding_finds_what_the_pattern_finds(line: str) -> None:
    for pattern, match in (
        (_WIDGET_LINE, _match_widget_line),
        (_CREDIT_LABEL, _match_credit_label),
        (_RELATED_LABEL, _match_related_label),
        (_TOC_LABEL, _match_toc_label),
        (_PAYWALL_METER, _match_paywall_meter),
    ):
        expected, found = pattern.match(line), match(line)
        assert (found is None) == (expected is None)
        if found is not None and expected is not None:
            assert (found.lastgroup, found.span()) == (expected.lastgroup, expected.span())


def test_ascii_folding_refuses_a_pattern_with_capitals() -> None:
    with pytest.raises(ValueError):
        ascii_folding(re.compile(r"(?P<ad>Advertisement)\W*$", re.IGNORECASE))


@pytest.mark.parametrize("line", ["Getty Images", "— Reuters", "Jane Doe/AFP", "Jane Doe | dpa"])
def test_agency_credits(line: str) -> None:
    """An agency credit is the whole line, or follows a "|" or a "/"."""
    assert is_credit_line(line)


@pytest.mark.parametrize(
    "line", ["Reuters reported the deal on Monday.", "A Reuters / Ipsos poll of 1,000 adults"]
)
def test_lines_naming_an_agency_that_are_not_credits(line: str) -> None:
    assert not is_credit_line(line)


def test_bylines_and_date_lines_count_only_when_asked() -> None:
    # Text mode reads them as metadata itself.
    assert standalone_line_reason("By Jane Doe") == "byline"
    assert standalone_line_reason("By Jane Doe", metadata=False) is None
    assert standalone_line_reason("Published: 5 March 2024", metadata=False) is None
    assert standalone_line_reason("ADVERTISEMENT", metadata=False) == "advertisement"


@pytest.mark.parametrize("line", LINES)
def test_the_lower_cased_text_given_finds_the_same(line: str) -> None:
    """`standalone_line_reason` lowers a line once and hands it to every pattern."""
    for match in (
        _match_widget_line,
        _match_credit_label,
        _match_related_label,
        _match_toc_label,
        _match_paywall_meter,
    ):
        expected, found = match(line), match(line, line.lower())
        assert (found is None) == (expected is None)
        if found is not None and expected is not None:
            assert (found.lastgroup, found.span()) == (expected.lastgroup, expected.span())


@pytest.mark.parametrize("line", [*LINES, "By Jane Doe", "Published: 5 March 2024"])
def test_a_word_count_given_gives_the_same_reason(line: str) -> None:
    """Text mode gives each line's word count from the page's arrays instead of a split."""
    for kind in ("paragraph", "heading", "list_item", "figure_caption", "table"):
        for metadata in (True, False):
            expected = standalone_line_reason(line, kind, metadata=metadata)
            given = standalone_line_reason(line, kind, metadata=metadata, words=len(line.split()))
            assert given == expected
