"""Text-mode test set and benchmark (`python -m presscut.bench text`).

The test set is built at run time from the shared datasets (never copied):
for each labelled page, the *input* is the page's full visible text, one
block element per line, as a plain HTML-to-text converter produces it
(presscut's own parse → prune → segment, without any selection), and the
*reference* is the page's ground-truth body. Each input line is labelled
in/not in the body by token-shingle overlap (`label_lines`), which is what
the line classifier is trained on (wcxb dev only) and what the line-level
precision/recall of removed boilerplate is measured against.

The *fused* variant removes some paragraph breaks (seeded), gluing two
blocks with no space, as broken corpora do ("…the full story.Police
said…"); paragraph-break F1 measures how many breaks the splitter restores
without inventing new ones.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from presscut import dom
from presscut.bench.datasets import LabelledPage
from presscut.bench.metrics import SHINGLE, harmonic, shingles, tokens
from presscut.extract import read_html
from presscut.segment import segment_page

# A line is in the body when at least this share of its shingles are.
IN_BODY_SHARE = 0.5
MAX_PAGE_BYTES = 50 * 1024 * 1024
FUSE_SHARE = 0.3
"""Share of paragraph breaks removed in the fused variant."""


def page_lines(page: LabelledPage) -> list[str]:
    """The page's full visible text, one block per line (see the module docstring)."""
    html = read_html(page.html(), max_bytes=MAX_PAGE_BYTES)
    tree = dom.parse(html)
    dom.prune(tree)
    root = dom.content_root(tree)
    if root is None:
        return []
    lines = []
    for segment in segment_page(root).segments:
        lines.extend(part for part in segment.text.split("\n") if part.strip())
    return lines


def label_lines(lines: Sequence[str], truth: str) -> list[bool]:
    """Whether each line belongs to the ground-truth body.

    A line of four tokens or more is in the body when at least half of its
    4-token shingles occur in the body (robust to small differences in
    punctuation, quotes and whitespace). A shorter line ("Comments",
    "Share", a two-word heading) is in the body only when it is a whole line
    of the body: its words occurring *somewhere* in the body says nothing.
    """
    truth_shingles = set(shingles(tokens(truth)))
    truth_lines = {tuple(tokens(line)) for line in truth.split("\n") if line.strip()}
    labels = []
    for line in lines:
        toks = tokens(line)
        if len(toks) < SHINGLE:
            labels.append(bool(toks) and tuple(toks) in truth_lines)
            continue
        grams = [tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)]
        found = sum(1 for g in grams if g in truth_shingles)
        labels.append(found >= IN_BODY_SHARE * len(grams))
    return labels


def truth_paragraphs(truth: str) -> list[str]:
    """The body's paragraphs (and heading lines), one per item."""
    return [line.strip() for line in truth.split("\n") if line.strip()]


def fuse(paragraphs: Sequence[str], rng: random.Random, share: float = FUSE_SHARE) -> list[str]:
    """Glue a random `share` of neighbouring paragraphs together with no space."""
    out: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i and out and rng.random() < share:
            out[-1] += paragraph
        else:
            out.append(paragraph)
    return out


_SPACE = re.compile(r"\s+")


def break_offsets(paragraphs: Sequence[str]) -> set[int]:
    """Paragraph breaks as offsets in the text with all whitespace removed."""
    offsets, position = set(), 0
    for paragraph in paragraphs[:-1]:
        position += len(_SPACE.sub("", paragraph))
        offsets.add(position)
    return offsets


def break_counts(predicted: Sequence[str], reference: Sequence[str]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of paragraph breaks."""
    pred, ref = break_offsets(predicted), break_offsets(reference)
    return len(pred & ref), len(pred - ref), len(ref - pred)


def f1_of_counts(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, harmonic(precision, recall)
