"""The line classifier: is each line of a page article text or boilerplate?

Two stages of gradient-boosted oblivious trees (trained with CatBoost,
evaluated with numpy by `presscut.model.TreeEnsemble`). Stage 1 scores each
line from its own features and its neighbourhood (`presscut.text.lines`);
stage 2 re-scores it from the stage-1 scores around it, because
boilerplate and article text both come in runs, and against the page's
best-scored lines, because stage 1's scale moves from page to page. A
third, page-level model then chooses the page's threshold among a few
(`PAGE_THRESHOLDS`): the best one moves from page to page (a page of
listings wants a strict one, a story in short paragraphs a lenient one),
and that is a property of the page's scores as a whole, which no line sees.
Trees
rather than a linear model because the evidence interacts: a line
addressing the reader is boilerplate on a news page, but ordinary prose in
a how-to guide, and only the topic and the neighbours tell which.

The model lives in `presscut/models/text_lines.json`, written by
`training/train_text_lines.py` (trained on wcxb dev, the trafilatura-eval
dev third and synthetic boilerplate; never on a test split), loaded once
per process on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from presscut.model import TreeEnsemble
from presscut.model import load_model as load_model_file
from presscut.text.lines import FEATURE_NAMES, window_mean

MODEL_NAME = "text_lines"

CONTEXT_FEATURE_NAMES: tuple[str, ...] = (
    "logit",
    "prev_logit",
    "next_logit",
    "window3_prob",
    "window11_prob",
    "window31_prob",
    "page_prob",
    "run_position",
    "logit_to_page_top",
)
# The page's best lines: the top tenth of its stage-1 logits (at least one line).
_TOP_SHARE = 10

PAGE_THRESHOLDS: tuple[float, ...] = (0.25, 0.35, 0.45, 0.55, 0.65)
"""The thresholds the page-level model chooses from. Not 0.15: on a short text of sure
article lines it was chosen and let an appeal between two paragraphs through (the HTML
extractor's second opinion, `tests/test_chrome.py`), for 0.001 of dev F1."""
PAGE_FEATURE_NAMES: tuple[str, ...] = (
    "log_lines",
    "log_chars",
    "prob_q10",
    "prob_q25",
    "prob_q50",
    "prob_q75",
    "prob_q90",
    "prob_mean",
    "char_weighted_prob",
    "line_share_above_half",
    "char_share_above_half",
    "long_line_share",
    "prob_max",
    "threshold",
    "kept_char_share",
    "log_kept_chars",
    "kept_runs",
    "kept_line_share",
    "kept_mean_prob",
)
_PAGE_QUANTILES = np.array((0.1, 0.25, 0.5, 0.75, 0.9))


def quantiles(values: np.ndarray, q: np.ndarray) -> np.ndarray:
    """`np.quantile(values, q)` (its default, linear method) of a non-empty array without NaNs,
    to the last bit: the same interpolation between the same two sorted values.

    A page's scores are a few hundred numbers, where `np.quantile`'s generality
    (axes, methods, NaN checks, a partition at every index it needs) cost more
    than this page model's other features together.
    """
    ordered = np.sort(values)
    virtual = (len(values) - 1) * q
    below = np.floor(virtual)
    gamma = virtual - below
    low = below.astype(np.intp)
    a = ordered[low]
    b = ordered[np.minimum(low + 1, len(values) - 1)]
    difference = b - a
    # `np.quantile` interpolates from the nearer end (numpy's `_lerp`).
    return np.where(gamma >= 0.5, b - difference * (1 - gamma), a + difference * gamma)


def context_features(logits: np.ndarray) -> np.ndarray:
    """Stage-2 features of each line from the stage-1 logits of the page."""
    n = len(logits)
    probs = 1.0 / (1.0 + np.exp(-logits))
    out = np.empty((len(CONTEXT_FEATURE_NAMES), n)).T  # column-major, as `line_evidence`'s
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
    # How far the line is from the page's best lines. Stage 1's scale moves
    # with the page (long pages get lower logits everywhere), so on some pages
    # every line, the article's too, falls below the threshold, and on others
    # a menu scores as well as prose elsewhere; relative to the page's top,
    # the article stands out either way.
    top = max(n // _TOP_SHARE, 1)
    out[:, 8] = logits - np.partition(logits, n - top)[n - top :].mean()
    return out


def page_threshold_features(probs: np.ndarray, chars: np.ndarray, long_share: float) -> np.ndarray:
    """The page-level model's features: one row per threshold of `PAGE_THRESHOLDS`.

    Each row describes the page's scores as a whole (their quantiles, how
    much of the text scores above one half, how many of its lines are long
    prose: `long_share`) and what one threshold would keep of it (share of
    the text, runs), so the model can tell a page where a threshold keeps
    one solid story from one where it keeps a scatter of lines.
    """
    n = len(probs)
    total = max(float(chars.sum()), 1.0)
    above = probs > 0.5
    out = np.empty((len(PAGE_THRESHOLDS), len(PAGE_FEATURE_NAMES)))
    out[:, 0] = np.log1p(n)
    out[:, 1] = np.log1p(total)
    out[:, 2:7] = quantiles(probs, _PAGE_QUANTILES)
    out[:, 7] = probs.mean()
    out[:, 8] = float(probs @ chars) / total
    out[:, 9] = above.mean()
    out[:, 10] = chars[above].sum() / total
    out[:, 11] = long_share
    out[:, 12] = probs.max()
    thresholds = np.array(PAGE_THRESHOLDS)
    keep = probs[None, :] >= thresholds[:, None]
    kept_lines = keep.sum(axis=1)
    kept_chars = keep @ chars.astype(np.float64)
    out[:, 13] = thresholds
    out[:, 14] = kept_chars / total
    out[:, 15] = np.log1p(kept_chars)
    out[:, 16] = keep[:, 0] + (keep[:, 1:] & ~keep[:, :-1]).sum(axis=1)
    out[:, 17] = kept_lines / n
    out[:, 18] = np.where(kept_lines > 0, (keep @ probs) / np.maximum(kept_lines, 1), 0.0)
    return out


def smooth_decisions(probs: np.ndarray, threshold: float, switch_penalty: float) -> np.ndarray:
    """Keep/remove decisions with few switches between article and boilerplate runs.

    Viterbi over two states (remove, keep): each line votes by its log-odds
    against the threshold, and every change of state costs `switch_penalty`.
    An isolated doubtful line inside a run follows its run; a line the model
    is sure of keeps its own decision.

    With two states the forward pass only needs the difference between the
    best keep and best remove scores, which is the previous difference
    clipped to +-penalty plus the line's vote; and going back, a line's state
    is forced where that difference is beyond the penalty, else it is the
    state of the line after it.
    """
    n = len(probs)
    if n == 0:
        return np.zeros(0, dtype=bool)
    p = np.clip(probs, 1e-6, 1 - 1e-6)
    votes = (np.log(p) - np.log(threshold)) - (np.log1p(-p) - np.log1p(-threshold))
    penalty, floor = switch_penalty, -switch_penalty
    difference = votes.tolist()
    # The clip written out: `min(max(...))` calls cost more than the rest of the loop.
    carried = difference[0]
    for i in range(1, n):
        carried = difference[i] = difference[i] + (
            penalty if carried > penalty else floor if carried < floor else carried
        )
    margin = np.array(difference)
    forced = np.where(margin > penalty, 1, np.where(margin < -penalty, -1, 0))
    forced[-1] = 1 if margin[-1] > 0 else -1
    index = np.where(forced != 0, np.arange(n), n)
    next_forced = np.minimum.accumulate(index[::-1])[::-1]
    return forced[next_forced] > 0


@dataclass(frozen=True, slots=True)
class LineModel:
    """The two stages, the page-level threshold model and the smoothing penalty.

    `page_stage` scores each of `PAGE_THRESHOLDS` for a page (the F1 it is
    expected to gain over `threshold`, the best single threshold on the
    training pages); `confident` is the probability above which a line is
    kept even when it recurs across a site's pages (corpus mode's template
    removal).
    """

    stage1: TreeEnsemble
    stage2: TreeEnsemble
    page_stage: TreeEnsemble
    threshold: float
    switch_penalty: float
    confident: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Probability that each line is article text."""
        if features.shape[0] == 0:
            return np.zeros(0)
        first = self.stage1.raw_scores(features)
        return self.stage2.predict_proba(context_features(first))

    def page_threshold(self, probs: np.ndarray, chars: np.ndarray, long_share: float) -> float:
        """The threshold of `PAGE_THRESHOLDS` the page-level model expects to do best here."""
        gains = self.page_stage.raw_scores(page_threshold_features(probs, chars, long_share))
        return PAGE_THRESHOLDS[int(np.argmax(gains))]

    def decide(
        self,
        probs: np.ndarray,
        chars: np.ndarray,
        long_share: float,
        *,
        per_page: bool = True,
        named: np.ndarray | None = None,
    ) -> np.ndarray:
        """Which lines to keep, from their probabilities, characters and the page's
        share of long lines (`presscut.text.lines`' `page_long_share`); at `threshold`
        rather than the page's own when not `per_page`.

        `named` marks the lines that use a boilerplate family's words: the smoothing
        does not carry those into a kept run, they are kept on their own score only.
        """
        if not len(probs):
            return np.zeros(0, dtype=bool)
        threshold = self.page_threshold(probs, chars, long_share) if per_page else self.threshold
        keep = smooth_decisions(probs, threshold, self.switch_penalty)
        if named is not None:
            keep &= ~named | (probs >= threshold)
        return keep

    def settings(self) -> dict[str, float]:
        return {
            "threshold": self.threshold,
            "switch_penalty": self.switch_penalty,
            "confident": self.confident,
        }


@cache
def load_model() -> LineModel:
    """The shipped model, read once per process."""
    data = load_model_file(MODEL_NAME)
    stage1, stage2 = data.ensembles["stage1"], data.ensembles["stage2"]
    page_stage = data.ensembles["page_threshold"]
    if (
        stage1.feature_names != FEATURE_NAMES
        or stage2.feature_names != CONTEXT_FEATURE_NAMES
        or page_stage.feature_names != PAGE_FEATURE_NAMES
    ):
        raise RuntimeError(
            f"{MODEL_NAME}.json was trained on other features; rerun training/train_text_lines.py"
        )
    settings = data.settings
    return LineModel(
        stage1=stage1,
        stage2=stage2,
        page_stage=page_stage,
        threshold=float(settings["threshold"]),
        switch_penalty=float(settings["switch_penalty"]),
        confident=float(settings["confident"]),
    )
