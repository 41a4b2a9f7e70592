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


def counts_prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of pooled counts (0.0 where a ratio has no denominator)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, harmonic(precision, recall)


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
        return counts_prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return counts_prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return counts_prf(self.tp, self.fp, self.fn)[2]

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0


_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text as snippets are matched: whitespace runs as one space, lower case."""
    return _WS.sub(" ", text).strip().lower()


def snippet_counts(
    predicted: str | None, with_: Sequence[str], without: Sequence[str]
) -> SnippetCounts:
    text = squash(predicted or "")
    found_with = sum(1 for s in with_ if squash(s) in text)
    found_without = sum(1 for s in without if squash(s) in text)
    return SnippetCounts(
        tp=found_with,
        fn=len(with_) - found_with,
        fp=found_without,
        tn=len(without) - found_without,
    )


def page_f1(score: PageScore) -> float:
    """One page's shingle F1, for ranking pages (the summary F1 is not an average of these).

    Both sides empty is a perfect page; one side empty scores 0.
    """
    if score.precision is None and score.recall is None:
        return 1.0
    if score.precision is None or score.recall is None:
        return 0.0
    return harmonic(score.precision, score.recall)


# --- Structure (headings and list items) --------------------------------------
#
# WCXB's `body_markdown` marks headings (`#` lines) and list items (`-`, `*`,
# `+`, `1.` lines). An extractor that keeps structure should hand back each of
# them as a block of the right type with the same text. Texts are compared
# after removing Markdown links/images/emphasis and reducing them to their
# lower-cased `\w+` tokens, so markup, punctuation and spacing do not matter.

STRUCTURE_KINDS = ("heading", "list_item")

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![^\W_])_+|_+(?![^\W_])")


def normalize_item(text: str) -> str:
    """Comparable form of a heading or list item: no Markdown, lower-cased tokens."""
    text = _LINK.sub(r"\1", _IMAGE.sub(" ", text))
    return " ".join(tokens(_UNDERSCORE_EMPHASIS.sub(" ", text)))


def markdown_items(markdown: str | None) -> list[tuple[str, str]]:
    """The headings and list items of a Markdown text, as `(kind, normalised text)`.

    Follows CommonMark where it matters here: code fences are skipped,
    thematic breaks (`---`, `* * *`) are not list items, and a non-blank line
    right after a list item (lazy continuation) belongs to that item.
    """
    items: list[tuple[str, str]] = []
    raw: list[tuple[str, str]] = []
    in_fence = False
    continuing = False
    for line in (markdown or "").splitlines():
        if _FENCE.match(line):
            in_fence, continuing = not in_fence, False
            continue
        if in_fence or not line.strip():
            continuing = False
            continue
        if _THEMATIC_BREAK.match(line):
            continuing = False
        elif heading := _HEADING.match(line):
            raw.append(("heading", heading.group(1) or ""))
            continuing = False
        elif item := _LIST_ITEM.match(line):
            raw.append(("list_item", item.group(1)))
            continuing = True
        elif continuing:
            raw[-1] = ("list_item", raw[-1][1] + " " + line.strip())
    for kind, text in raw:
        if normalized := normalize_item(text):
            items.append((kind, normalized))
    return items


@dataclass(frozen=True, slots=True)
class StructureCounts:
    """Pooled matches of typed blocks against truth items, per kind."""

    truth: int = 0  # truth items
    predicted: int = 0  # extractor blocks of that kind
    matched: int = 0  # items found as a block of the right kind with the same text

    def __add__(self, other: StructureCounts) -> StructureCounts:
        return StructureCounts(
            self.truth + other.truth,
            self.predicted + other.predicted,
            self.matched + other.matched,
        )

    @property
    def recall(self) -> float:
        return self.matched / self.truth if self.truth else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0


def structure_counts(
    predicted: Iterable[tuple[str, str]], truth: Iterable[tuple[str, str]]
) -> dict[str, StructureCounts]:
    """Match `(kind, raw text)` blocks against `markdown_items()` truth, per kind.

    Both sides are multisets: a heading repeated twice in the truth needs two
    matching blocks.
    """
    pred = Counter(
        (kind, norm)
        for kind, text in predicted
        if kind in STRUCTURE_KINDS and (norm := normalize_item(text))
    )
    true = Counter(item for item in truth if item[0] in STRUCTURE_KINDS)
    both = pred & true
    return {
        kind: StructureCounts(
            truth=sum(n for (k, _), n in true.items() if k == kind),
            predicted=sum(n for (k, _), n in pred.items() if k == kind),
            matched=sum(n for (k, _), n in both.items() if k == kind),
        )
        for kind in STRUCTURE_KINDS
    }


def line_item_counts(text: str | None, truth: Iterable[tuple[str, str]]) -> StructureCounts:
    """Text-only proxy for extractors without typed blocks.

    A truth item counts as found when its text is a whole line of the output
    (the item kept as its own line, though its type cannot be checked).
    `predicted` is left at 0: a plain line has no type to be right or wrong.
    """
    lines = Counter(norm for line in (text or "").splitlines() if (norm := normalize_item(line)))
    true = Counter(norm for _, norm in truth)
    return StructureCounts(truth=sum(true.values()), matched=sum((lines & true).values()))
