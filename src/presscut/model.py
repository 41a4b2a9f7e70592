"""Evaluate a committed ensemble of oblivious decision trees with numpy.

The content model is trained with CatBoost (see `training/`), whose trees
are *oblivious*: every node on one level of a tree tests the same feature
against the same border. That makes the whole ensemble a handful of array
operations for all segments of a page at once (compare, pack the bits into
leaf indices, gather, sum), so presscut needs neither CatBoost nor any
compiled model runtime at install time, and scoring a page costs well under
a millisecond.

The model file is JSON: `feature_names`, then `features` and `borders`
(trees x depth), `leaves` (trees x 2**depth), and `scale`/`bias` for the
raw score; `threshold` is the probability above which a segment is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np


@dataclass(frozen=True)
class TreeEnsemble:
    feature_names: tuple[str, ...]
    features: np.ndarray  # int (trees, depth): column tested on each level
    borders: np.ndarray  # float (trees, depth): the bit is set when value > border
    leaves: np.ndarray  # float (trees, 2**depth)
    scale: float
    bias: float
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TreeEnsemble:
        return cls(
            feature_names=tuple(data["feature_names"]),
            features=np.asarray(data["features"], dtype=np.int64),
            borders=np.asarray(data["borders"], dtype=np.float32),
            leaves=np.asarray(data["leaves"], dtype=np.float64),
            scale=float(data.get("scale", 1.0)),
            bias=float(data.get("bias", 0.0)),
            meta={k: v for k, v in data.items() if k not in _ARRAYS},
        )

    def raw_scores(self, X: np.ndarray) -> np.ndarray:
        n_trees, depth = self.features.shape
        if len(X) == 0:
            return np.zeros(0)
        values = X[:, self.features.ravel()]
        bits = (values > self.borders.ravel()).reshape(len(X), n_trees, depth)
        leaf_index = bits @ (1 << np.arange(depth))
        leaf_values = self.leaves[np.arange(n_trees), leaf_index]
        return leaf_values.sum(axis=1) * self.scale + self.bias

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw_scores(X)))


_ARRAYS = {"feature_names", "features", "borders", "leaves", "scale", "bias"}


@cache
def load_model(name: str) -> TreeEnsemble:
    """Load `presscut/models/<name>.json` once per process."""
    text = resources.files("presscut.models").joinpath(f"{name}.json").read_text("utf-8")
    return TreeEnsemble.from_dict(json.loads(text))
