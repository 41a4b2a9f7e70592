"""The crash hunt (`python -m presscut.bench robustness`) on hand-written pages."""

from __future__ import annotations

import random
from pathlib import Path

import presscut
from presscut.bench.robustness import hunt, mutations

PAGE = (Path(__file__).parent / "fixtures" / "page_template.html").read_bytes()


def test_mutations_are_seeded_and_break_the_page() -> None:
    first = dict(mutations(PAGE, random.Random(3)))
    assert first == dict(mutations(PAGE, random.Random(3)))
    assert first["whole"] == PAGE
    assert PAGE.startswith(first["truncated"]) and len(first["truncated"]) < len(PAGE)
    assert len(first["damaged"]) == len(PAGE) and first["damaged"] != PAGE


def test_extract_survives_the_broken_variants_of_a_page() -> None:
    report = hunt([(PAGE, "https://example.org/a"), (b"", None), (b"\x00\xff" * 50, None)])
    assert report.failures == []
    assert report.runs >= 9
    assert report.refused >= 2  # the empty and the binary input are no web pages
    assert len(report.slowest) == min(10, report.runs)


def test_an_undocumented_exception_is_reported_with_its_variant() -> None:
    def extract(data: bytes, **options: object) -> presscut.Article:
        if len(data) < len(PAGE):
            raise KeyError("boom")
        return presscut.extract(data, **options)

    report = hunt([(PAGE, "https://example.org/a")], extract=extract)
    variants = [variant for variant, _, _ in report.failures]
    assert "truncated" in variants and "whole" not in variants
    assert all("KeyError: 'boom'" in trace for _, _, trace in report.failures)
