"""The numpy evaluator of oblivious trees, and the committed content model's fit with the code."""

from __future__ import annotations

import numpy as np
import pytest

from presscut.features import FEATURE_NAMES
from presscut.model import TreeEnsemble, load_model


def _ensemble() -> TreeEnsemble:
    # Tree 0 tests x0 > 1 (bit 0) then x1 > 0 (bit 1); tree 1 tests x1 > 5 only (depth 2, twice).
    return TreeEnsemble(
        feature_names=("x0", "x1"),
        features=np.array([[0, 1], [1, 1]]),
        borders=np.array([[1.0, 0.0], [5.0, 5.0]], dtype=np.float32),
        leaves=np.array([[0.0, 1.0, 2.0, 3.0], [10.0, -1.0, -2.0, 20.0]]),
        scale=2.0,
        bias=0.5,
    )


def test_leaf_index_packs_level_bits_lowest_first() -> None:
    X = np.array(
        [
            [0.0, -1.0],  # tree 0: bits 00 -> 0.0; tree 1: 00 -> 10.0
            [2.0, -1.0],  # tree 0: bits 01 -> 1.0; tree 1: 00 -> 10.0
            [0.0, 3.0],  # tree 0: bits 10 -> 2.0; tree 1: 00 -> 10.0
            [2.0, 6.0],  # tree 0: bits 11 -> 3.0; tree 1: 11 -> 20.0
        ],
        dtype=np.float32,
    )
    expected = (np.array([10.0, 11.0, 12.0, 23.0]) * 2.0) + 0.5
    np.testing.assert_allclose(_ensemble().raw_scores(X), expected)


def test_border_is_exclusive_and_probability_is_logistic() -> None:
    ensemble = _ensemble()
    at_border = np.array([[1.0, 0.0]], dtype=np.float32)  # not > border: bits 00
    assert ensemble.raw_scores(at_border)[0] == pytest.approx(10.0 * 2.0 + 0.5)
    raw = ensemble.raw_scores(at_border)
    np.testing.assert_allclose(ensemble.predict_proba(at_border), 1 / (1 + np.exp(-raw)))


def test_features_are_compared_as_float32_like_catboost() -> None:
    """A float64 feature just above a border that rounds onto it in float32 is *at* the
    border for CatBoost, which chose the border among float32 values; so it is here."""
    ensemble = _ensemble()
    just_above = np.nextafter(1.0, 2.0)  # > 1.0 in float64, == 1.0 in float32
    X = np.array([[just_above, 0.0]], dtype=np.float64)
    assert ensemble.raw_scores(X)[0] == pytest.approx(10.0 * 2.0 + 0.5)


def test_empty_input() -> None:
    assert _ensemble().raw_scores(np.zeros((0, 2), dtype=np.float32)).shape == (0,)


def test_round_trip_through_dict() -> None:
    ensemble = _ensemble()
    again = TreeEnsemble.from_dict(ensemble.to_dict())
    X = np.random.default_rng(0).normal(0, 4, size=(20, 2)).astype(np.float32)
    np.testing.assert_allclose(again.raw_scores(X), ensemble.raw_scores(X))


def test_committed_content_model_matches_the_feature_code() -> None:
    """A feature added or reordered without retraining would silently mis-score every page."""
    model = load_model("content")
    ensemble = model.ensembles["content"]
    assert ensemble.feature_names == FEATURE_NAMES
    assert ensemble.features.max() < len(ensemble.feature_names)
    assert ensemble.leaves.shape == (ensemble.features.shape[0], 2 ** ensemble.features.shape[1])
    assert 0.0 < model.settings["threshold"] < 1.0
