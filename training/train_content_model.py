"""Train presscut's content model on the `wcxb` dev split and write `models/content.json`.

    python training/train_content_model.py            # cross-validate, then train and write the model
    python training/train_content_model.py --cv-only  # only the cross-validated figures

Only `wcxb` dev pages are read (the test split, cleanportaleval and
readability-testpages are for evaluation only). Cross-validation groups pages
by host so that no site is on both sides of a fold; the threshold is chosen
on the out-of-fold predictions. The second stage is trained on out-of-fold
first-stage predictions, as it will see unseen pages' predictions at run
time. CatBoost (the `train` extra) is needed here only; presscut itself
evaluates the exported trees with numpy (`presscut.model`).

Everything is seeded: the same data and code give the same model.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from catboost import CatBoostClassifier

sys.path.insert(0, str(Path(__file__).parent))

from content_data import PageData, build
from presscut.bench.datasets import load
from presscut.bench.metrics import shingle_score, summarize, word_f1
from presscut.features import CONTEXT_FEATURES, FEATURE_NAMES, context_features
from presscut.model import TreeEnsemble

MODEL_PATH = Path(__file__).resolve().parents[1] / "src" / "presscut" / "models" / "content.json"
SEED = 20261128
FOLDS = 5
LABEL_COVERAGE = 0.5


def params(args: argparse.Namespace) -> dict:
    return {
        "iterations": args.iterations,
        "depth": args.depth,
        "learning_rate": args.learning_rate,
        "l2_leaf_reg": 3.0,
        "loss_function": "Logloss",
        "random_seed": SEED,
        "thread_count": args.threads,
        "verbose": False,
        "allow_writing_files": False,
    }


def weights(n_tokens: np.ndarray, power: float) -> np.ndarray:
    return np.maximum(n_tokens, 1).astype(np.float64) ** power


def stack(pages: list[PageData], attr: str) -> np.ndarray:
    return np.concatenate([getattr(p, attr) for p in pages])


def host_folds(pages: list[PageData], k: int) -> np.ndarray:
    """Fold number of each page; all pages of one host share a fold."""
    hosts = sorted({p.host for p in pages})
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(hosts))
    fold_of_host = {hosts[j]: i % k for i, j in enumerate(order)}
    return np.array([fold_of_host[p.host] for p in pages])


def fit(
    X: np.ndarray, y: np.ndarray, w: np.ndarray, args: argparse.Namespace
) -> CatBoostClassifier:
    model = CatBoostClassifier(**params(args))
    model.fit(X, y, sample_weight=w)
    return model


def export(model: CatBoostClassifier, names: tuple[str, ...]) -> TreeEnsemble:
    """Turn a CatBoost model into presscut's numpy ensemble (and check they agree)."""
    path = Path("/tmp/presscut-catboost.json")
    model.save_model(str(path), format="json")
    data = json.loads(path.read_text())
    float_index = [f["flat_feature_index"] for f in data["features_info"]["float_features"]]
    features, borders, leaves = [], [], []
    depth = max(len(t["splits"]) for t in data["oblivious_trees"])
    for tree in data["oblivious_trees"]:
        splits = tree["splits"]
        if len(splits) != depth:
            raise ValueError("trees of unequal depth are not supported")
        features.append([float_index[s["float_feature_index"]] for s in splits])
        borders.append([s["border"] for s in splits])
        leaves.append(tree["leaf_values"])
    scale, biases = data["scale_and_bias"]
    return TreeEnsemble(
        feature_names=names,
        features=np.array(features, dtype=np.int64),
        borders=np.array(borders, dtype=np.float32),
        leaves=np.array(leaves, dtype=np.float64),
        scale=float(scale),
        bias=float(biases[0] if isinstance(biases, list) else biases),
    )


def context_matrix(pages: list[PageData], p1: list[np.ndarray]) -> np.ndarray:
    return np.vstack(
        [np.hstack([p.X, context_features(p.page, q)]) for p, q in zip(pages, p1, strict=True)]
    )


def split_by_page(values: np.ndarray, pages: list[PageData]) -> list[np.ndarray]:
    bounds = np.cumsum([0] + [len(p.texts) for p in pages])
    return [values[bounds[i] : bounds[i + 1]] for i in range(len(pages))]


def evaluate(pages: list[PageData], probs: list[np.ndarray], threshold: float) -> dict:
    f1s, scores, by_type = [], [], {}
    for page, p in zip(pages, probs, strict=True):
        text = "\n\n".join(t for t, keep in zip(page.texts, p > threshold, strict=True) if keep)
        f1 = word_f1(text, page.truth)[2]
        f1s.append(f1)
        by_type.setdefault(page.page_type, []).append(f1)
        scores.append(shingle_score(text, page.truth))
    summary = summarize(scores)
    return {
        "word_f1": float(np.mean(f1s)),
        "shingle_f1": summary.f1,
        "shingle_precision": summary.precision,
        "shingle_recall": summary.recall,
        "by_type": {k: round(float(np.mean(v)), 4) for k, v in sorted(by_type.items(), key=str)},
    }


def cross_validate(pages: list[PageData], args: argparse.Namespace) -> tuple[list, list, float]:
    folds = host_folds(pages, FOLDS)
    p1_oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for k in range(FOLDS):
        train = [p for p, f in zip(pages, folds, strict=True) if f != k]
        test_idx = [i for i, f in enumerate(folds) if f == k]
        model = fit(
            stack(train, "X"),
            stack(train, "coverage") >= LABEL_COVERAGE,
            weights(stack(train, "n_tokens"), args.weight_power),
            args,
        )
        for i in test_idx:
            p1_oof[i] = model.predict_proba(pages[i].X)[:, 1]
    X2 = context_matrix(pages, p1_oof)
    y = stack(pages, "coverage") >= LABEL_COVERAGE
    w = weights(stack(pages, "n_tokens"), args.weight_power)
    bounds = np.cumsum([0] + [len(p.texts) for p in pages])
    p2_oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for k in range(FOLDS):
        rows = np.concatenate(
            [np.arange(bounds[i], bounds[i + 1]) for i, f in enumerate(folds) if f != k]
        )
        model = fit(X2[rows], y[rows], w[rows], args)
        for i, f in enumerate(folds):
            if f == k:
                p2_oof[i] = model.predict_proba(X2[bounds[i] : bounds[i + 1]])[:, 1]
    best = max(
        np.arange(0.2, 0.81, 0.05), key=lambda t: evaluate(pages, p2_oof, float(t))["word_f1"]
    )
    return p1_oof, p2_oof, float(round(best, 2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--depth", type=int, default=6)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--weight-power", type=float, default=0.5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N dev pages")
    args = parser.parse_args(argv)

    started = time.time()
    labelled = load("wcxb", split="dev")
    if args.limit:
        labelled = labelled[: args.limit]
    pages = build(labelled, "wcxb-dev")
    print(
        f"{len(pages)} pages, {sum(len(p.texts) for p in pages)} segments "
        f"({time.time() - started:.0f}s)"
    )

    p1_oof, p2_oof, threshold = cross_validate(pages, args)
    print(f"cross-validated, stage 1 @0.5: {evaluate(pages, p1_oof, 0.5)}")
    print(f"cross-validated, stage 2 @{threshold}: {evaluate(pages, p2_oof, threshold)}")
    if args.cv_only:
        return 0

    y = stack(pages, "coverage") >= LABEL_COVERAGE
    w = weights(stack(pages, "n_tokens"), args.weight_power)
    stage1 = fit(stack(pages, "X"), y, w, args)
    stage2 = fit(context_matrix(pages, p1_oof), y, w, args)
    model = {
        "ensembles": {
            "stage1": export(stage1, FEATURE_NAMES).to_dict(),
            "stage2": export(stage2, FEATURE_NAMES + CONTEXT_FEATURES).to_dict(),
        },
        "settings": {
            "threshold": threshold,
            "trained_on": "wcxb dev split",
            "pages": len(pages),
            "params": {k: v for k, v in vars(args).items() if k not in ("cv_only", "threads")},
        },
    }
    MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")) + "\n")
    print(
        f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB) in {time.time() - started:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
