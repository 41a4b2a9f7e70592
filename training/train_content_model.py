"""Train presscut's content model on the dev splits and write `models/content.json`.

    python training/train_content_model.py            # cross-validate, then train and write the model
    python training/train_content_model.py --cv-only  # only the cross-validated figures

Training data: the `wcxb` dev split (full ground-truth bodies: every segment
is labelled by how much of it the body covers) and the `trafilatura-eval`
dev split (one third of its hosts; snippet labels: only the segments holding
a must-have or must-not-have snippet are labelled). The `wcxb` test split,
the other two thirds of `trafilatura-eval`, cleanportaleval and
readability-testpages are for evaluation only.

Cross-validation groups pages by host so that no site is on both sides of a
fold; the keep threshold is chosen on the out-of-fold predictions, weighing
word F1 on the bodies and snippet F1 alike. A share of the training pages gets synthetic chrome
inserted into the article (`augment.py`); evaluation is always on the pages
as published. CatBoost (the `train` extra) is needed here only; presscut
evaluates the exported trees with numpy (`presscut.model`).

Everything is seeded: the same data and code give the same model.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from catboost import CatBoostClassifier

sys.path.insert(0, str(Path(__file__).parent))

from content_data import PageData, build
from presscut.bench.datasets import load
from presscut.bench.metrics import (
    SnippetCounts,
    shingle_score,
    snippet_counts,
    summarize,
    word_f1,
)
from presscut.features import FEATURE_NAMES
from presscut.model import TreeEnsemble
from presscut.select import Scores, decide

MODEL_PATH = Path(__file__).resolve().parents[1] / "src" / "presscut" / "models" / "content.json"
SEED = 20261128
LABEL_COVERAGE = 0.5
MIN_GT_IN_HTML = 0.7


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


def training_rows(pages: list[PageData], args: argparse.Namespace):
    """Labels and weights of the labelled segments of `pages`, and which rows those are.

    A segment weighs by its length (errors on long segments cost more words);
    snippet-labelled segments weigh `--snippet-weight` times more, since a
    page has only a few of them.
    """
    mask = stack(pages, "labelled")
    y = stack(pages, "coverage") >= LABEL_COVERAGE
    w = np.maximum(stack(pages, "n_tokens"), 1).astype(np.float64) ** args.weight_power
    snippet_page = np.concatenate([np.full(len(p.texts), not p.truth) for p in pages])
    w = np.where(snippet_page, w * args.snippet_weight, w)
    w = np.where(stack(pages, "synthetic"), w * args.synthetic_weight, w)
    return y[mask], w[mask], mask


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


def export(model: CatBoostClassifier, names: tuple[str, ...], X: np.ndarray) -> TreeEnsemble:
    """Turn a CatBoost model into presscut's numpy ensemble, checking both agree on `X`."""
    ensemble = _convert(model, names)
    sample = X[:: max(len(X) // 5000, 1)]
    expected = model.predict(sample, prediction_type="RawFormulaVal")
    if not np.allclose(ensemble.raw_scores(sample), expected, atol=1e-4):
        raise AssertionError("the exported trees disagree with CatBoost")
    return ensemble


def _convert(model: CatBoostClassifier, names: tuple[str, ...]) -> TreeEnsemble:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.json"
        model.save_model(str(path), format="json")
        data = json.loads(path.read_text())
    float_index = [f["flat_feature_index"] for f in data["features_info"]["float_features"]]
    features, borders, leaves = [], [], []
    depth = max(len(t["splits"]) for t in data["oblivious_trees"])
    never = float(np.finfo(np.float32).max)  # no finite value is above it
    for tree in data["oblivious_trees"]:
        # A shallower tree (a regression that found no gain in a split) gets levels whose
        # test never holds: their bits stay 0, so its leaves keep their indices.
        splits, missing = tree["splits"], depth - len(tree["splits"])
        features.append([float_index[s["float_feature_index"]] for s in splits] + [0] * missing)
        borders.append([s["border"] for s in splits] + [never] * missing)
        leaf_values = tree["leaf_values"]
        leaves.append(leaf_values + [0.0] * ((1 << depth) - len(leaf_values)))
    scale, biases = data["scale_and_bias"]
    return TreeEnsemble(
        feature_names=names,
        features=np.array(features, dtype=np.int64),
        borders=np.array(borders, dtype=np.float32),
        leaves=np.array(leaves, dtype=np.float64),
        scale=float(scale),
        bias=float(biases[0] if isinstance(biases, list) else biases),
    )


def evaluate(pages: list[PageData], probs: list[np.ndarray], threshold: float) -> dict:
    """Word-bag F1 on pages with a ground-truth body, snippet F1 on snippet-only pages."""
    f1s, scores, by_type, snippets = [], [], {}, SnippetCounts()
    for page, p in zip(pages, probs, strict=True):
        kept, listing = decide(page.page, Scores.from_features(p, page.X), threshold)
        if listing:
            kept[:] = False
        text = "\n\n".join(t for t, keep in zip(page.texts, kept, strict=True) if keep)
        if not page.truth:
            snippets = snippets + snippet_counts(text, page.with_, page.without)
            continue
        f1 = word_f1(text, page.truth)[2]
        f1s.append(f1)
        by_type.setdefault(page.page_type, []).append(f1)
        scores.append(shingle_score(text, page.truth))
    summary = summarize(scores)
    return {
        "word_f1": round(float(np.mean(f1s)), 4),
        "shingle_f1": round(summary.f1, 4),
        "shingle_precision": round(summary.precision, 4),
        "shingle_recall": round(summary.recall, 4),
        "snippet_f1": round(snippets.f1, 4),
        "snippet_precision": round(snippets.precision, 4),
        "by_type": {k: round(float(np.mean(v)), 4) for k, v in sorted(by_type.items(), key=str)},
    }


def objective(result: dict) -> float:
    """What the threshold is chosen for: both kinds of labelled pages count alike."""
    return (result["word_f1"] + result["snippet_f1"]) / 2


def cross_validate(
    pages: list[PageData], train_pages: list[PageData], args: argparse.Namespace
) -> tuple[list[np.ndarray], float]:
    """Out-of-fold predictions on `pages` and the best threshold on them.

    `train_pages[i]` is page i as it is trained on (possibly with chrome
    inserted), `pages[i]` as it is evaluated (as published).
    """
    folds = host_folds(pages, args.folds)
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for k in range(args.folds):
        train = [p for p, f in zip(train_pages, folds, strict=True) if f != k]
        y, w, mask = training_rows(train, args)
        model = fit(stack(train, "X")[mask], y, w, args)
        for i in np.flatnonzero(folds == k):
            oof[i] = model.predict_proba(pages[i].X)[:, 1]
    best = max(np.arange(0.2, 0.81, 0.05), key=lambda t: objective(evaluate(pages, oof, float(t))))
    return oof, float(round(best, 2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--depth", type=int, default=6)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--weight-power", type=float, default=0.5)
    parser.add_argument("--snippet-weight", type=float, default=3.0)
    parser.add_argument(
        "--synthetic-weight", type=float, default=1.0, help="weight of inserted chrome segments"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--save-oof", help="write the out-of-fold predictions here (pickle)")
    parser.add_argument(
        "--augment-share",
        type=float,
        default=0.5,
        help="share of pages trained with chrome inserted",
    )
    parser.add_argument("--limit", type=int, default=0, help="use only the first N dev pages")
    args = parser.parse_args(argv)

    started = time.time()
    # Pages whose ground truth is missing or mostly absent from their HTML
    # (truncated captures) would teach the model that everything is chrome.
    labelled = [
        p
        for p in load("wcxb", split="dev")
        if p.body is not None and (p.extra.get("gt_in_html") or 0) >= MIN_GT_IN_HTML
    ] + load("trafilatura-eval", split="dev")
    if args.limit:
        labelled = labelled[: args.limit]
    originals = build(labelled, "dev")
    augmented = build(labelled, "dev", augment=True) if args.augment_share else originals
    rng = np.random.default_rng(SEED)
    pairs = [
        (o, a if a is not None and rng.random() < args.augment_share else o)
        for o, a in zip(originals, augmented, strict=True)
        if o is not None
    ]
    pages = [o for o, _ in pairs]
    train_pages = [a for _, a in pairs]
    print(
        f"{len(pages)} pages ({sum(not p.truth for p in pages)} with snippets only, "
        f"{sum(a is not o for o, a in pairs)} trained with inserted chrome), "
        f"{sum(len(p.texts) for p in pages)} segments ({time.time() - started:.0f}s)"
    )

    oof, threshold = cross_validate(pages, train_pages, args)
    print(f"cross-validated @{threshold}: {evaluate(pages, oof, threshold)}")
    if args.save_oof:
        with open(args.save_oof, "wb") as fh:
            pickle.dump({"threshold": threshold, "pages": pages, "p": oof}, fh)
    if args.cv_only:
        return 0

    y, w, mask = training_rows(train_pages, args)
    X = stack(train_pages, "X")
    model = {
        "ensembles": {"content": export(fit(X[mask], y, w, args), FEATURE_NAMES, X).to_dict()},
        "settings": {
            "threshold": threshold,
            "trained_on": "wcxb dev split (bodies), trafilatura-eval dev split (snippets)",
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
