"""Decide which segments are the article, and whether the page is an article at all.

Two learned stages, then a decision:

1. The first-stage model scores each segment from its own text, its DOM
   context and its position (`features.segment_features`).
2. The second-stage model re-scores it knowing what the first stage thinks
   of its neighbours and ancestors (`features.context_features`): a short
   line between two paragraphs of the story is story; the same line in a
   block the first stage sees as chrome is chrome.
3. Segments scoring above the model's threshold are kept. Every other
   segment gets a reason, read from the element and class/id families of
   its surroundings (navigation, comments, share, related, newsletter...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from presscut.features import (
    FAMILIES,
    FEATURE_NAMES,
    context_features,
    family_masks,
    segment_features,
)
from presscut.model import load_model
from presscut.segment import Page

MODEL_NAME = "content"


@dataclass(slots=True)
class Selection:
    kept: list[int] = field(default_factory=list)
    removed: list[tuple[int, str]] = field(default_factory=list)
    page_type: str = "article"
    reason: str | None = None


_IS_TITLE = FEATURE_NAMES.index("is_title")


@dataclass(slots=True)
class Scores:
    probability: np.ndarray  # that each segment is article text
    is_title: np.ndarray  # the segment is the page's headline


def score_segments(page: Page, title: str | None = None) -> Scores:
    model = load_model(MODEL_NAME)
    X1 = segment_features(page, title)
    p1 = model.ensembles["stage1"].predict_proba(X1)
    X2 = np.hstack([X1, context_features(page, p1)])
    return Scores(model.ensembles["stage2"].predict_proba(X2), X1[:, _IS_TITLE] > 0)


def keep_mask(scores: Scores) -> np.ndarray:
    """Which segments to keep (shared with training, so the model is tuned on this very rule).

    The headline is metadata (`Article.title`), not body, so it is never kept.
    """
    threshold = float(load_model(MODEL_NAME).settings.get("threshold", 0.5))
    return (scores.probability > threshold) & ~scores.is_title


# Reasons for cutting a segment, by the family found around it; first match wins.
_REASONS: tuple[tuple[str, str], ...] = (
    ("a_cookie", "cookie_notice"),
    ("a_comment", "comments"),
    ("a_appeal", "appeal"),
    ("a_newsletter", "newsletter"),
    ("a_share", "share"),
    ("a_ad", "advertisement"),
    ("a_related", "related"),
    ("a_breadcrumb", "breadcrumbs"),
    ("a_author", "author_bio"),
    ("a_tags", "tags"),
    ("t_nav", "navigation"),
    ("a_nav", "navigation"),
    ("a_role_nav", "navigation"),
    ("a_modal", "overlay"),
    ("t_footer", "footer"),
    ("a_footer", "footer"),
    ("t_header", "header"),
    ("a_header", "header"),
    ("t_aside", "sidebar"),
    ("a_sidebar", "sidebar"),
    ("t_form", "form"),
)
_REASON_BITS = tuple((1 << FAMILIES.index(family), reason) for family, reason in _REASONS)


def _reason(mask: int, link_density: float) -> str:
    for bit, reason in _REASON_BITS:
        if mask & bit:
            return reason
    return "link_list" if link_density > 0.5 else "low_score"


def select_content(page: Page, *, title: str | None = None, explain: bool = False) -> Selection:
    """Keep the article's segments; with `explain`, say why each other segment was cut."""
    scores = score_segments(page, title)
    kept = keep_mask(scores)
    selection = Selection(kept=[int(i) for i in np.flatnonzero(kept)])
    if explain:
        _, near, _ = family_masks(page)
        for i in np.flatnonzero(~kept):
            segment = page.segments[i]
            density = segment.link_chars / max(len(segment.text), 1)
            why = "title" if scores.is_title[i] else _reason(int(near[segment.container]), density)
            selection.removed.append((int(i), why))
    if not selection.kept:
        selection.page_type = "other"
        selection.reason = "no main content found"
    return selection
