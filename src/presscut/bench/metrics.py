"""Quality metrics for extracted text against ground truth.

- Shingle metric (body datasets): text tokenised into `\\w+` runs (lower-cased),
  4-token shingles counted as a multiset; per page, precision = TP/(TP+FP) and
  recall = TP/(TP+FN). Precision is averaged over pages with non-empty output,
  recall over pages with a non-empty truth, F1 is the harmonic mean of the two
  averages. A text shorter than 4 tokens is one shingle.
- Exact-token-match accuracy: share of pages whose token sequence equals the truth's.
- Word-bag F1 (WCXB's own metric, as in its `evaluate.py`): lower-cased `\\w+`
  counts, per-page P/R/F1, averaged over pages; empty truth scores 1 for an
  empty output and 0 otherwise.
- Snippets (trafilatura-eval): a `with` snippet found in the output is a true
  positive, one missing a false negative; a `without` snippet found is a false
  positive, one missing a true negative. Pooled over all snippets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text.lower()) if text else []


def shingles(toks: Sequence[str], k: int = SHINGLE) -> Counter[tuple[str, ...]]:
    if not toks:
        return Counter()
    if len(toks) < k:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + k]) for i in range(len(toks) - k + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    precision: float | None  # None when the output is empty
    recall: float | None  # None when the truth is empty
    exact: bool


def shingle_score(predicted: str | None, truth: str | None) -> PageScore:
    pred_toks, true_toks = tokens(predicted), tokens(truth)
    pred, true = shingles(pred_toks), shingles(true_toks)
    tp = sum((pred & true).values())
    n_pred, n_true = sum(pred.values()), sum(true.values())
    return PageScore(
        precision=tp / n_pred if n_pred else None,
        recall=tp / n_true if n_true else None,
        exact=pred_toks == true_toks,
    )


@dataclass(frozen=True, slots=True)
class Summary:
    precision: float
    recall: float
    f1: float
    exact: float
    pages: int


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summarize(scores: Sequence[PageScore]) -> Summary:
    """Average per-page shingle scores as described in the module docstring.

    A page whose truth is empty but whose output is not counts with precision
    0 (every shingle is a false positive), so outputting junk for an empty
    page is penalised; an empty output for an empty truth is neutral.
    """
    precision = _mean(s.precision for s in scores if s.precision is not None)
    recall = _mean(s.recall for s in scores if s.recall is not None)
    return Summary(
        precision=precision,
        recall=recall,
        f1=harmonic(precision, recall),
        exact=_mean(1.0 if s.exact else 0.0 for s in scores),
        pages=len(scores),
    )


def word_f1(predicted: str | None, truth: str | None) -> tuple[float, float, float]:
    """WCXB's per-page word-bag precision, recall and F1."""
    pred, ref = tokens(predicted), tokens(truth)
    if not ref:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return (0.0, 0.0, 0.0)
    overlap = sum((Counter(pred) & Counter(ref)).values())
    p, r = overlap / len(pred), overlap / len(ref)
    return p, r, harmonic(p, r)


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn
        )

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0


_WS = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


def snippet_counts(
    predicted: str | None, with_: Sequence[str], without: Sequence[str]
) -> SnippetCounts:
    text = _squash(predicted or "")
    found_with = sum(1 for s in with_ if _squash(s) in text)
    found_without = sum(1 for s in without if _squash(s) in text)
    return SnippetCounts(
        tp=found_with,
        fn=len(with_) - found_with,
        fp=found_without,
        tn=len(without) - found_without,
    )
