"""The smoothing of line decisions is the best two-state path, found without a Viterbi table."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from presscut.text.classifier import smooth_decisions


def _best_path(probs: np.ndarray, threshold: float, penalty: float) -> list[bool]:
    """Every keep/remove sequence scored: the line votes, minus `penalty` per change of state."""

    def vote(p: float, keep: bool) -> float:
        if keep:
            return math.log(p) - math.log(threshold)
        return math.log1p(-p) - math.log1p(-threshold)

    best, best_score = None, -math.inf
    for states in itertools.product((False, True), repeat=len(probs)):
        score = sum(vote(float(p), s) for p, s in zip(probs, states, strict=True))
        score -= penalty * sum(a != b for a, b in itertools.pairwise(states))
        if score > best_score:
            best, best_score = list(states), score
    assert best is not None
    return best


@pytest.mark.parametrize("seed", range(40))
def test_smoothing_is_the_best_path(seed: int) -> None:
    rng = np.random.default_rng(seed)
    probs = rng.uniform(0.01, 0.99, size=int(rng.integers(1, 11)))
    threshold = float(rng.uniform(0.3, 0.6))
    penalty = float(rng.uniform(0.0, 3.0))
    assert smooth_decisions(probs, threshold, penalty).tolist() == _best_path(
        probs, threshold, penalty
    )


def test_a_doubtful_line_follows_its_run_and_a_sure_one_does_not() -> None:
    run = np.array([0.9, 0.9, 0.45, 0.9, 0.9])
    assert smooth_decisions(run, 0.5, 1.0).all()
    sure = np.array([0.9, 0.9, 0.01, 0.9, 0.9])
    assert smooth_decisions(sure, 0.5, 1.0).tolist() == [True, True, False, True, True]
