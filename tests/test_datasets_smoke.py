"""A smoke test on real labelled pages (skipped when ../shared/datasets is absent).

The benchmark (`python -m presscut.bench`) is where quality is measured; this
only guards against a gross regression (a broken model file, a segmentation
bug) on 20 WCXB test article pages, with a floor far below the measured
figures.
"""

from __future__ import annotations

import pytest

import presscut
from presscut.bench.datasets import datasets_dir, load
from presscut.bench.metrics import shingle_score, summarize, word_f1

pytestmark = pytest.mark.skipif(
    datasets_dir() is None,
    reason="shared datasets not found (../shared/datasets or $PRESSCUT_DATASETS)",
)

PAGES = 20
F1_FLOOR = 0.80


def test_twenty_wcxb_test_articles_score_above_the_floor() -> None:
    pages = [p for p in load("wcxb", split="test", page_type="article") if p.body][:PAGES]
    assert len(pages) == PAGES
    outputs = [presscut.extract(p.html(), url=p.url) for p in pages]
    word = sum(word_f1(a.text, p.body)[2] for a, p in zip(outputs, pages, strict=True)) / PAGES
    shingles = summarize(
        [shingle_score(a.text, p.body) for a, p in zip(outputs, pages, strict=True)]
    )
    assert word >= F1_FLOOR, f"mean word F1 {word:.3f}"
    assert shingles.f1 >= F1_FLOOR, f"shingle F1 {shingles.f1:.3f}"
    assert sum(a.page_type == "article" and bool(a.body) for a in outputs) >= PAGES - 1
