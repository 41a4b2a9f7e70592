"""The line classifier: is each line of a page article text or boilerplate?

Two stages of logistic regression over binned features (a generalised
additive model: each feature's effect is a learned step function, which
captures "very short lines and very long lines behave differently" without
trees). Stage 1 scores each line from its own features and its
neighbourhood (`presscut.text.lines`); stage 2 re-scores it from the stage-1
scores around it, because boilerplate and article text both come in runs.

Inference is numpy only: one `searchsorted` and one table look-up per
feature. The weights live in `presscut/models/text_lines.json`, written by
`training/train_text_lines.py` (trained on wcxb dev only), loaded once per
process on first use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from presscut.text.lines import FEATURE_NAMES, window_mean

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "text_lines.json"

CONTEXT_FEATURE_NAMES: tuple[str, ...] = (
    "logit",
    "prev_logit",
    "next_logit",
    "window3_prob",
    "window11_prob",
    "window31_prob",
    "page_prob",
    "run_position",
)


@dataclass(frozen=True, slots=True)
class BinnedLogit:
    """Logistic regression over one-hot bins of each feature.

    `edges[f]` are the bin boundaries of feature f (a value v falls in bin
    `searchsorted(edges[f], v, side="right")`), `weights[f]` the learned
    weight of each of its bins.
    """

    edges: tuple[np.ndarray, ...]
    weights: tuple[np.ndarray, ...]
    bias: float

    def logits(self, features: np.ndarray) -> np.ndarray:
        total = np.full(features.shape[0], self.bias)
        for column, edges, weights in zip(features.T, self.edges, self.weights, strict=True):
            total += weights[np.searchsorted(edges, column, side="right")]
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "edges": [e.tolist() for e in self.edges],
            "weights": [np.round(w, 5).tolist() for w in self.weights],
            "bias": round(float(self.bias), 6),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BinnedLogit:
        return cls(
            edges=tuple(np.asarray(e, dtype=np.float64) for e in data["edges"]),
            weights=tuple(np.asarray(w, dtype=np.float64) for w in data["weights"]),
            bias=float(data["bias"]),
        )


def context_features(logits: np.ndarray) -> np.ndarray:
    """Stage-2 features of each line from the stage-1 logits of the page."""
    n = len(logits)
    probs = 1.0 / (1.0 + np.exp(-logits))
    out = np.empty((n, len(CONTEXT_FEATURE_NAMES)))
    out[:, 0] = logits
    out[0, 1] = out[-1, 2] = -10.0  # the page edge counts as boilerplate
    out[1:, 1] = logits[:-1]
    out[:-1, 2] = logits[1:]
    out[:, 3] = window_mean(probs, 1)
    out[:, 4] = window_mean(probs, 5)
    out[:, 5] = window_mean(probs, 15)
    out[:, 6] = probs.mean()
    # Where the line sits relative to the page's likely-article lines.
    kept = np.flatnonzero(probs >= 0.5)
    if len(kept):
        index = np.arange(n)
        out[:, 7] = np.where(index < kept[0], -1.0, np.where(index > kept[-1], 1.0, 0.0))
    else:
        out[:, 7] = 2.0
    return out


def smooth_decisions(probs: np.ndarray, threshold: float, switch_penalty: float) -> np.ndarray:
    """Keep/remove decisions with few switches between article and boilerplate runs.

    Viterbi over two states (remove, keep): each line votes by its log-odds
    against the threshold, and every change of state costs `switch_penalty`.
    An isolated doubtful line inside a run follows its run; a line the model
    is sure of keeps its own decision.
    """
    n = len(probs)
    if n == 0:
        return np.zeros(0, dtype=bool)
    p = np.clip(probs, 1e-6, 1 - 1e-6)
    keep_votes = (np.log(p) - np.log(threshold)).tolist()
    drop_votes = (np.log1p(-p) - np.log1p(-threshold)).tolist()
    back = bytearray(2 * n)
    drop, keep = drop_votes[0], keep_votes[0]
    for i in range(1, n):
        drop_from_keep = keep - switch_penalty
        keep_from_drop = drop - switch_penalty
        back[2 * i] = drop_from_keep > drop
        back[2 * i + 1] = keep_from_drop <= keep
        drop, keep = (
            max(drop, drop_from_keep) + drop_votes[i],
            max(keep, keep_from_drop) + keep_votes[i],
        )
    out = np.zeros(n, dtype=bool)
    state = 1 if keep > drop else 0
    for i in range(n - 1, -1, -1):
        out[i] = state
        state = back[2 * i + state] if i else state
    return out


@dataclass(frozen=True, slots=True)
class LineModel:
    """The two stages, the decision threshold and the smoothing penalty.

    `confident` is the probability above which a line is kept even when it
    recurs across a site's pages (corpus mode's template removal).
    """

    stage1: BinnedLogit
    stage2: BinnedLogit
    threshold: float
    switch_penalty: float
    confident: float
    feature_names: tuple[str, ...]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Probability that each line is article text."""
        if features.shape[0] == 0:
            return np.zeros(0)
        first = self.stage1.logits(features)
        second = self.stage2.logits(context_features(first))
        return 1.0 / (1.0 + np.exp(-second))

    def decide(self, probs: np.ndarray) -> np.ndarray:
        """Which lines to keep, from their probabilities."""
        return smooth_decisions(probs, self.threshold, self.switch_penalty)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": 1,
            "feature_names": list(self.feature_names),
            "context_feature_names": list(CONTEXT_FEATURE_NAMES),
            "threshold": self.threshold,
            "switch_penalty": self.switch_penalty,
            "confident": self.confident,
            "stage1": self.stage1.to_dict(),
            "stage2": self.stage2.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        return cls(
            stage1=BinnedLogit.from_dict(data["stage1"]),
            stage2=BinnedLogit.from_dict(data["stage2"]),
            threshold=float(data["threshold"]),
            switch_penalty=float(data["switch_penalty"]),
            confident=float(data["confident"]),
            feature_names=tuple(data["feature_names"]),
        )


@cache
def load_model() -> LineModel:
    """The shipped model, read once per process."""
    model = LineModel.from_dict(json.loads(MODEL_PATH.read_text("utf-8")))
    if model.feature_names != FEATURE_NAMES:
        raise RuntimeError(
            f"{MODEL_PATH.name} was trained on other features; rerun training/train_text_lines.py"
        )
    return model
