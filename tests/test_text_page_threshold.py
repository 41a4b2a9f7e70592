"""The page-level threshold model: its features describe what each threshold would keep."""

from __future__ import annotations

import numpy as np
import pytest

from presscut.text import classify_lines, classify_page
from presscut.text.classifier import (
    PAGE_FEATURE_NAMES,
    PAGE_THRESHOLDS,
    LineModel,
    load_model,
    page_threshold_features,
    quantiles,
    smooth_decisions,
)
from presscut.text.tokens import page_text

# A page: a menu (short, unsure), a story of three paragraphs with a doubtful one, a footer.
PROBS = np.array([0.05, 0.2, 0.9, 0.4, 0.8, 0.3, 0.1])
CHARS = np.array([10.0, 12.0, 400.0, 300.0, 350.0, 40.0, 20.0])


def _column(rows: np.ndarray, name: str) -> np.ndarray:
    return rows[:, PAGE_FEATURE_NAMES.index(name)]


def test_one_row_per_threshold_with_what_it_keeps() -> None:
    rows = page_threshold_features(PROBS, CHARS, long_share=3 / 7)
    assert rows.shape == (len(PAGE_THRESHOLDS), len(PAGE_FEATURE_NAMES))
    assert _column(rows, "threshold").tolist() == list(PAGE_THRESHOLDS)
    at = {t: i for i, t in enumerate(PAGE_THRESHOLDS)}
    total = CHARS.sum()
    # 0.25 keeps the story and the 0.3 line after it: one run of four lines.
    assert _column(rows, "kept_char_share")[at[0.25]] == pytest.approx(1090 / total)
    assert _column(rows, "kept_runs")[at[0.25]] == 1
    assert _column(rows, "kept_line_share")[at[0.25]] == pytest.approx(4 / 7)
    # 0.45 drops the doubtful paragraph: two runs, the mean of what is kept goes up.
    assert _column(rows, "kept_char_share")[at[0.45]] == pytest.approx(750 / total)
    assert _column(rows, "kept_runs")[at[0.45]] == 2
    assert _column(rows, "kept_mean_prob")[at[0.45]] == pytest.approx(0.85)
    # The page's own figures are the same on every row.
    assert np.all(_column(rows, "long_line_share") == 3 / 7)
    assert np.all(_column(rows, "char_share_above_half") == pytest.approx(750 / total))


@pytest.mark.parametrize("size", [1, 2, 3, 7, 10, 11, 41, 240])
def test_quantiles_are_numpys_to_the_last_bit(size: int) -> None:
    rng = np.random.default_rng(size)
    q = np.array((0.1, 0.25, 0.5, 0.75, 0.9))
    for values in (rng.uniform(size=size), rng.integers(0, 4, size=size) / 4.0):
        assert quantiles(values, q).tobytes() == np.quantile(values, q).tobytes()


def test_a_threshold_above_every_line_keeps_nothing() -> None:
    rows = page_threshold_features(np.full(3, 0.1), np.array([5.0, 6.0, 7.0]), long_share=0.0)
    assert _column(rows, "kept_char_share").tolist() == [0.0] * len(PAGE_THRESHOLDS)
    assert _column(rows, "kept_runs").tolist() == [0] * len(PAGE_THRESHOLDS)
    assert _column(rows, "kept_mean_prob").tolist() == [0.0] * len(PAGE_THRESHOLDS)


def test_decide_smooths_at_the_threshold_the_page_model_chooses() -> None:
    model = load_model()
    threshold = model.page_threshold(PROBS, CHARS, 3 / 7)
    assert threshold in PAGE_THRESHOLDS
    expected = smooth_decisions(PROBS, threshold, model.switch_penalty)
    assert model.decide(PROBS, CHARS, 3 / 7).tolist() == expected.tolist()
    assert model.decide(np.zeros(0), np.zeros(0), 0.0).tolist() == []


def test_the_html_extractors_second_opinion_uses_the_one_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [
        "The council approved the new tram line on Tuesday by 31 votes to 12, after a debate.",
        "Thank you for reading. Our journalism is free because readers like you support it.",
        "Work on the first section is due to start next spring, once the contracts are signed.",
    ]
    # Whatever the page-level model would choose (here the strictest threshold), the
    # second opinion decides at the model's one threshold; text mode at the page's.
    monkeypatch.setattr(LineModel, "page_threshold", lambda *_: PAGE_THRESHOLDS[-1])
    model = load_model()
    second_opinion = classify_lines(lines)
    page = classify_page(page_text(lines))
    probs = second_opinion.probs
    at_one = smooth_decisions(probs, model.threshold, model.switch_penalty).tolist()
    at_page = smooth_decisions(probs, PAGE_THRESHOLDS[-1], model.switch_penalty).tolist()
    assert at_one != at_page
    assert [reason is None for reason in second_opinion.reasons] == at_one
    assert [reason is None for reason in page.reasons] == at_page


def test_lines_naming_a_family_are_kept_on_their_own_score_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At 0.45 the smoothing carries the doubtful paragraph (0.4) into the story's run.
    monkeypatch.setattr(LineModel, "page_threshold", lambda *_: 0.45)
    model = load_model()
    smoothed = smooth_decisions(PROBS, 0.45, model.switch_penalty)
    carried = smoothed & (PROBS < 0.45)
    assert carried.tolist() == [False, False, False, True, False, False, False]
    unnamed = np.zeros(len(PROBS), dtype=bool)
    assert model.decide(PROBS, CHARS, 3 / 7, named=unnamed).tolist() == smoothed.tolist()
    # Named (it uses a boilerplate family's words), it is not carried.
    named = np.ones(len(PROBS), dtype=bool)
    assert model.decide(PROBS, CHARS, 3 / 7, named=named).tolist() == (smoothed & ~carried).tolist()


def test_text_mode_names_the_lines_that_use_a_familys_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [
        "The council approved the new tram line on Tuesday by 31 votes to 12, after a debate.",
        "Sign up for our free newsletter and get the city's news every morning.",
        "Work on the first section is due to start next spring, once the contracts are signed.",
        "Menu",
    ]
    seen: list[list[bool]] = []
    decide = LineModel.decide

    def spy(self: LineModel, *args: object, **kwargs: object) -> np.ndarray:
        seen.append(kwargs["named"].tolist())  # type: ignore[union-attr]
        return decide(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(LineModel, "decide", spy)
    classify_page(page_text(lines))
    # The newsletter prompt is named; story lines and a bare menu word ("navigation") are not.
    assert seen == [[False, True, False, False]]
