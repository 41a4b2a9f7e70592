"""The line model's training weights (`training/train_text_lines.py`): every page has the
same say, and within a page a line weighs its words, as in the page-averaged shingle F1
the model is chosen by."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("catboost")
pytest.importorskip("sklearn")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

import train_text_lines as training

STORY = [
    "Rescue crews reached the village on Tuesday after the floods cut its only road.",
    "The mayor said the water had risen faster than in any year anyone could remember.",
]
FORUM = ["Reply", "Quote", "Report post"] * 400


def sample(lines: list[str], synthetic: list[bool] | None = None) -> training.Sample:
    labels = [True] * len(lines)
    return training.Sample(lines, labels, synthetic or [False] * len(lines), "\n".join(lines))


def test_a_long_page_of_short_lines_weighs_as_much_as_a_short_story() -> None:
    weights = training.line_weights([sample(STORY), sample(FORUM)])
    story, forum = weights[: len(STORY)], weights[len(STORY) :]
    assert story.sum() == pytest.approx(training.PAGE_WEIGHT)
    assert forum.sum() == pytest.approx(training.PAGE_WEIGHT)


def test_within_a_page_a_line_weighs_its_words() -> None:
    lines = ["Share", "The council voted on Monday to close the old bridge to traffic."]
    weights = training.line_weights([sample(lines)])
    assert weights[1] / weights[0] == pytest.approx((1 + 12) / (1 + 1))


def test_synthetic_boilerplate_weighs_more_on_top() -> None:
    weights = training.line_weights([sample(STORY, [True, False])])
    assert weights[0] / weights[1] == pytest.approx(training.SYNTHETIC_WEIGHT * 15 / 16)


def test_unlabelled_lines_weigh_nothing() -> None:
    page = training.Sample(STORY, [True, False], [False, False], None, [True, False])
    weights = training.line_weights([page])
    assert weights.tolist() == [training.PAGE_WEIGHT, 0.0]
