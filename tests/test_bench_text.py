"""The text-mode benchmark's paragraph-break scoring, on hand-written bodies."""

from __future__ import annotations

import random

import pytest

from presscut.bench import text as bench_text
from presscut.bench.text import TextPage, break_counts, fuse, fused_scores

STORY = [
    "The council approved the tidal barrier on Thursday after a long session.",
    "Work on the north pier is due to start in the spring of next year.",
    "Residents who objected said the scheme would change the harbour for good.",
    "The barrier will be tested every month once it is built, officials said.",
]


def test_fuse_with_share_one_leaves_one_line_and_zero_leaves_the_paragraphs() -> None:
    assert fuse(STORY, random.Random(1), 1.0) == ["".join(STORY)]
    assert fuse(STORY, random.Random(1), 0.0) == STORY


def test_break_counts_compare_offsets_whatever_the_spaces() -> None:
    predicted = [STORY[0], STORY[1] + " " + STORY[2], STORY[3]]
    assert break_counts(predicted, STORY) == (2, 0, 1)
    assert break_counts(STORY, STORY) == (3, 0, 0)


def test_fused_scores_report_the_breaks_of_a_story_fused_into_one_line() -> None:
    page = TextPage("hand", "1", "article", ["Harbour news", *STORY], "\n".join(STORY))
    scores = fused_scores([page], seed=3)
    # Every sentence end glued to a capitalised word is a break the splitter restores.
    assert scores["all_lost_break_recall"] == 1.0
    assert scores["all_lost_break_precision"] == 1.0


def test_fused_scores_with_a_splitter_that_restores_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every break lost and none restored: recall 0; with a share lost, the rest is found."""
    monkeypatch.setattr(bench_text, "split_lines", list)
    page = TextPage("hand", "1", "article", ["Harbour news", *STORY], "\n".join(STORY))
    scores = fused_scores([page] * 20, seed=3)
    assert scores["all_lost_break_recall"] == 0.0
    assert 0.5 < scores["break_recall"] < 1.0
    assert scores["break_precision"] == 1.0
    assert scores["lost_breaks_restored"] == 0.0
