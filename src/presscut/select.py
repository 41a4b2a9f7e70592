"""Decide which segments are the article (placeholder heuristic, replaced by the learned model)."""

from __future__ import annotations

from dataclasses import dataclass, field

from presscut.segment import Page


@dataclass(slots=True)
class Selection:
    kept: list[int] = field(default_factory=list)
    removed: list[tuple[int, str]] = field(default_factory=list)
    page_type: str = "article"
    reason: str | None = None


def select_content(page: Page, *, title: str | None = None) -> Selection:
    containers = page.containers
    scores = [0.0] * len(containers)
    for seg in page.segments:
        n = len(seg.text)
        if n >= 60 and seg.link_chars < 0.3 * n:
            for c in seg.path:
                scores[c] += n
    best = max(
        range(len(containers)), key=lambda c: scores[c] / (1 + 0.02 * (containers[c].end - containers[c].start))
    )
    sel = Selection()
    for i, seg in enumerate(page.segments):
        inside = best in seg.path
        dense = seg.link_chars > 0.5 * len(seg.text)
        if inside and not dense:
            sel.kept.append(i)
        else:
            sel.removed.append((i, "link_list" if dense else "outside_main"))
    if not sel.kept:
        sel.page_type, sel.reason = "other", "no main content found"
    return sel
