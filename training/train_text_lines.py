"""Train the text-mode line classifier and write `src/presscut/models/text_lines.json`.

    python training/train_text_lines.py            # train, print dev figures, write the model
    python training/train_text_lines.py --dry-run  # the same, without writing

Data: wcxb `dev` only (the test split, cleanportaleval and
readability-testpages are never read here). Each page becomes lines of its
full visible text labelled in/not in the ground-truth body
(`presscut.bench.text`); a third of the pages get some paragraph breaks
removed first (then restored by the splitter, as at run time), and half of
them get synthetic boilerplate runs in eight languages
(`synthetic_boilerplate.py`). Everything is seeded, so a rerun writes the
same file.

Model: two stages of logistic regression over binned features
(`presscut.text.classifier`). Stage 2 is fitted on out-of-fold stage-1
scores (5 folds grouped by page), so it learns how reliable stage 1 is on
pages it has not seen. The decision threshold is the one with the best
page-averaged shingle F1 on those out-of-fold predictions. Needs the
`train` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from presscut.bench.datasets import load
from presscut.bench.metrics import shingle_score, summarize
from presscut.bench.text import fuse, label_lines, page_lines
from presscut.text.classifier import (
    MODEL_PATH,
    BinnedLogit,
    LineModel,
    context_features,
    smooth_decisions,
)
from presscut.text.lines import FEATURE_NAMES, line_features
from presscut.text.split import split_lines
from synthetic_boilerplate import add_boilerplate

SEED = 20260101
MAX_BINS = 24
C_STAGE1 = 0.5
C_STAGE2 = 0.5
FOLDS = 5
PENALTIES = (0.0, 0.5, 1.0, 2.0)
FUSED_PAGES = 1 / 3
SYNTHETIC_PAGES = 1 / 2
# How sure the model must be to keep a line that recurs across a site's pages.
CONFIDENT_PRECISION = 0.97


def build_pages(rng: random.Random) -> list[tuple[list[str], list[bool], str]]:
    """(lines, labels, truth) for each wcxb dev page with a body."""
    pages = []
    for page in load("wcxb", "dev"):
        if not page.body:
            continue
        lines = page_lines(page)
        if rng.random() < FUSED_PAGES:
            lines = fuse(lines, rng)
        lines = split_lines(lines)
        labels = label_lines(lines, page.body)
        if rng.random() < SYNTHETIC_PAGES:
            lines, labels = add_boilerplate(lines, labels, rng, blocks=rng.randint(1, 4))
        if lines:
            pages.append((lines, labels, page.body))
    return pages


def fit_edges(column: np.ndarray) -> np.ndarray:
    quantiles = np.quantile(column, np.linspace(0, 1, MAX_BINS + 1)[1:-1])
    return np.unique(quantiles)


def one_hot(features: np.ndarray, edges: list[np.ndarray]) -> sparse.csr_matrix:
    n = features.shape[0]
    offsets = np.cumsum([0] + [len(e) + 1 for e in edges])
    columns = np.stack(
        [
            offsets[f] + np.searchsorted(edges[f], features[:, f], side="right")
            for f in range(features.shape[1])
        ],
        axis=1,
    )
    rows = np.repeat(np.arange(n), features.shape[1])
    data = np.ones(rows.shape[0])
    return sparse.csr_matrix((data, (rows, columns.ravel())), shape=(n, offsets[-1]))


def fit_binned(
    features: np.ndarray, labels: np.ndarray, weights: np.ndarray, c: float
) -> BinnedLogit:
    edges = [fit_edges(features[:, f]) for f in range(features.shape[1])]
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(one_hot(features, edges), labels, sample_weight=weights)
    coef = model.coef_[0]
    offsets = np.cumsum([0] + [len(e) + 1 for e in edges])
    return BinnedLogit(
        edges=tuple(edges),
        weights=tuple(coef[offsets[f] : offsets[f + 1]] for f in range(len(edges))),
        bias=float(model.intercept_[0]),
    )


def line_weights(pages: list[tuple[list[str], list[bool], str]]) -> np.ndarray:
    """Long lines weigh more: the shingle metric counts words, not lines."""
    return np.concatenate(
        [np.sqrt(1.0 + np.array([len(line.split()) for line in lines])) for lines, _, _ in pages]
    )


def decisions(
    bounds: np.ndarray, probs: np.ndarray, threshold: float, penalty: float
) -> np.ndarray:
    return np.concatenate(
        [smooth_decisions(probs[a:b], threshold, penalty) for a, b in itertools.pairwise(bounds)]
    )


def page_f1(pages: list[tuple[list[str], list[bool], str]], keep: np.ndarray) -> float:
    """Page-averaged shingle F1 of the kept lines against each page's body."""
    scores, start = [], 0
    for lines, _, truth in pages:
        kept = keep[start : start + len(lines)]
        start += len(lines)
        text = "\n".join(line for line, k in zip(lines, kept, strict=True) if k)
        scores.append(shingle_score(text, truth))
    return summarize(scores).f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write the model file")
    args = parser.parse_args(argv)
    started = time.time()
    rng = random.Random(SEED)
    pages = build_pages(rng)
    features = np.concatenate([line_features(lines) for lines, _, _ in pages])
    labels = np.concatenate([np.array(labels, dtype=np.int8) for _, labels, _ in pages])
    groups = np.concatenate([np.full(len(lines), i) for i, (lines, _, _) in enumerate(pages)])
    weights = line_weights(pages)
    bounds = np.cumsum([0] + [len(lines) for lines, _, _ in pages])
    print(
        f"pages {len(pages)}  lines {len(labels)}  body share {labels.mean():.3f}  "
        f"({time.time() - started:.0f}s)"
    )

    oof_first = np.zeros(len(labels))
    for train, held in GroupKFold(n_splits=FOLDS).split(features, labels, groups):
        stage = fit_binned(features[train], labels[train], weights[train], C_STAGE1)
        oof_first[held] = stage.logits(features[held])
    context = np.concatenate(
        [context_features(oof_first[a:b]) for a, b in itertools.pairwise(bounds)]
    )
    oof_second = np.zeros(len(labels))
    for train, held in GroupKFold(n_splits=FOLDS).split(context, labels, groups):
        stage = fit_binned(context[train], labels[train], weights[train], C_STAGE2)
        oof_second[held] = stage.logits(context[held])
    probs_first = 1 / (1 + np.exp(-oof_first))
    probs = 1 / (1 + np.exp(-oof_second))

    print(
        f"out-of-fold line accuracy: stage 1 {((probs_first >= 0.5) == labels).mean():.4f}", end=""
    )
    print(f"  stage 2 {((probs >= 0.5) == labels).mean():.4f}")
    print(f"out-of-fold page shingle F1, stage 1 at 0.5: {page_f1(pages, probs_first >= 0.5):.4f}")
    figures = {
        (float(t), penalty): page_f1(pages, decisions(bounds, probs, t, penalty))
        for t in np.round(np.arange(0.25, 0.61, 0.05), 2)
        for penalty in PENALTIES
    }
    print("out-of-fold page shingle F1 (threshold, switch penalty):")
    for penalty in PENALTIES:
        row = [f"{t:.2f}:{f:.4f}" for (t, p), f in figures.items() if p == penalty]
        print(f"  penalty {penalty}: " + "  ".join(row))
    threshold, penalty = max(figures, key=figures.__getitem__)
    order = np.argsort(-probs)
    precision_at = np.cumsum(labels[order]) / np.arange(1, len(order) + 1)
    ok = np.flatnonzero(precision_at >= CONFIDENT_PRECISION)
    confident = float(np.round(probs[order][ok[-1]], 3)) if len(ok) else 0.99
    confident = max(confident, threshold)
    print(f"threshold {threshold}  switch penalty {penalty}  confident-keep {confident}")

    model = LineModel(
        stage1=fit_binned(features, labels, weights, C_STAGE1),
        stage2=fit_binned(context, labels, weights, C_STAGE2),
        threshold=threshold,
        switch_penalty=penalty,
        confident=confident,
        feature_names=FEATURE_NAMES,
    )
    if not args.dry_run:
        import json

        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n")
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size} bytes)")
    print(f"done in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
