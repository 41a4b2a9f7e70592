"""Evaluate committed ensembles of oblivious decision trees with numpy.

The models are trained with CatBoost (see `training/`), whose trees are
*oblivious*: every node on one level of a tree tests the same feature
against the same border. That makes a whole ensemble a handful of array
operations for all segments of a page at once (compare, pack the bits into
leaf indices, gather, sum), so presscut needs neither CatBoost nor any
compiled model runtime at install time.

A model file is JSON: named ensembles, each with `feature_names`, then
`features` and `borders` (trees x depth), `leaves` (trees x 2**depth), and
`scale`/`bias` for the raw score; plus free-form settings (thresholds, how
the model was trained).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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
    _test_features: np.ndarray = field(init=False, repr=False, compare=False)
    _test_borders: np.ndarray = field(init=False, repr=False, compare=False)
    _level_tests: np.ndarray = field(init=False, repr=False, compare=False)
    _level_weights: np.ndarray = field(init=False, repr=False, compare=False)
    _leaf_offsets: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Many trees test the same (feature, border): each distinct test is
        # computed once, and every tree level points at its test.
        pairs = np.stack([self.features.ravel(), self.borders.ravel().astype(np.float64)], axis=1)
        tests, which = np.unique(pairs, axis=0, return_inverse=True)
        trees, depth = self.features.shape
        object.__setattr__(self, "_test_features", tests[:, 0].astype(np.int64))
        object.__setattr__(self, "_test_borders", tests[:, 1].astype(np.float32)[:, None])
        # Level-major (level 0 of every tree, then level 1...), flat for np.take.
        object.__setattr__(self, "_level_tests", which.reshape(trees, depth).T.ravel())
        object.__setattr__(self, "_level_weights", (1 << np.arange(depth)).astype(np.uint8))
        # Where each tree's leaves start in the flattened `leaves`.
        offsets = np.arange(trees, dtype=np.int64)[:, None] * self.leaves.shape[1]
        object.__setattr__(self, "_leaf_offsets", offsets)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TreeEnsemble:
        return cls(
            feature_names=tuple(data["feature_names"]),
            features=np.asarray(data["features"], dtype=np.int64),
            borders=np.asarray(data["borders"], dtype=np.float32),
            leaves=np.asarray(data["leaves"], dtype=np.float64),
            scale=float(data.get("scale", 1.0)),
            bias=float(data.get("bias", 0.0)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature_names": list(self.feature_names),
            "features": self.features.tolist(),
            "borders": [[float(b) for b in row] for row in self.borders],
            "leaves": [[round(float(v), 7) for v in row] for row in self.leaves],
            "scale": self.scale,
            "bias": self.bias,
        }

    def raw_scores(self, X: np.ndarray) -> np.ndarray:
        if len(X) == 0:
            return np.zeros(0)
        # One row per distinct test, one column per sample; bit l of a tree's
        # leaf index is the outcome of the test on its level l. np.take and
        # flat indices are several times cheaper than fancy indexing and
        # take_along_axis on arrays this small.
        # CatBoost, which chose the borders, compares features as float32.
        X = X.astype(np.float32, copy=False)
        outcomes = np.take(X.T, self._test_features, axis=0) > self._test_borders
        trees, depth = self.features.shape
        by_level = np.take(outcomes.view(np.uint8), self._level_tests, axis=0)
        leaf_index = np.einsum("ltn,l->tn", by_level.reshape(depth, trees, -1), self._level_weights)
        leaf_values = np.take(self.leaves.ravel(), leaf_index + self._leaf_offsets)
        return leaf_values.sum(axis=0) * self.scale + self.bias

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw_scores(X)))


@dataclass(frozen=True)
class ModelFile:
    ensembles: dict[str, TreeEnsemble]
    settings: dict[str, Any]


def model_from_dict(data: dict[str, Any]) -> ModelFile:
    ensembles = {k: TreeEnsemble.from_dict(v) for k, v in data["ensembles"].items()}
    return ModelFile(ensembles, data.get("settings", {}))


@cache
def load_model(name: str) -> ModelFile:
    """Load `presscut/models/<name>.json` once per process."""
    text = resources.files("presscut.models").joinpath(f"{name}.json").read_text("utf-8")
    return model_from_dict(json.loads(text))
