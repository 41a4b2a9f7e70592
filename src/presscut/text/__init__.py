"""Text mode: clean an article out of already-extracted page text.

`clean_text(text)` takes what a plain HTML-to-text converter left of a page
(the article mixed with menus, appeals, prompts and lost paragraph breaks)
and returns the same `Article` as HTML extraction. The story of a page:

1. *Lines*: normalise spaces, drop empty lines, and split lines at lost
   paragraph breaks ("…the full story.Police said…", `split.py`).
2. *Score* every line with the learned line classifier (`lines.py` for the
   features, `classifier.py` for the model) and decide keep/remove with a
   smoothing pass that favours runs.
3. *Metadata*: the title (given, or the first line when it looks like one),
   bylines and date lines (become `authors` / `published`, never body).
4. *Assemble*: kept lines become paragraphs (a short unpunctuated line
   followed by text becomes a heading); removed lines go to `removed`
   with a reason (`families.py`).

Corpus mode (`corpus.py`) adds the per-site template pass on top.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from presscut.article import Article, Block, RemovedBlock
from presscut.errors import InputTooLargeError
from presscut.metadata import resolve_language
from presscut.segment import normalize_space
from presscut.text.byline import byline_authors, dateline_date
from presscut.text.classifier import load_model
from presscut.text.families import family_of
from presscut.text.lexicon import CALL_TO_ACTION
from presscut.text.lines import line_features
from presscut.text.split import split_lines

DEFAULT_MAX_CHARS = 20 * 1024 * 1024
"""Texts longer than this are refused with `InputTooLargeError`."""

# What `presscut.segment.normalize_space` removes and squashes, newlines aside.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00]")
_INLINE_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 25
_HEADING_MAX_WORDS = 12
_TERMINAL = (".", ",", ";", ":", "!", "?", "…")
# A first line whose words name a boilerplate family ("Photo: ...", "Share") is no title.
_TITLE_REASONS = ("navigation", "low_score")


def text_lines(text: str) -> list[str]:
    """The page's non-empty lines, spaces normalised, lost paragraph breaks restored.

    Whole-text regular expressions rather than one call per line: the same
    result as `normalize_space` on each line, at a fraction of the cost.
    """
    flat = _INLINE_SPACE.sub(" ", _INVISIBLE.sub("", "\n".join(text.splitlines())))
    lines = [line for line in (raw.strip() for raw in flat.split("\n")) if line]
    return split_lines(lines)


def looks_like_title(line: str) -> bool:
    """A headline: 2-25 words, one sentence at most, no call to action or boilerplate words."""
    words = line.split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS or len(line) > _TITLE_MAX_CHARS:
        return False
    if line.endswith((".", ",", ";", ":")) or not any(ch.isalpha() for ch in line):
        return False
    if ". " in line or "? " in line or "! " in line or family_of(line) not in _TITLE_REASONS:
        return False
    first = words[0].lower().strip("\"'“„«‘(¿¡")
    return first not in CALL_TO_ACTION and (line[0].isupper() or not line[0].isalpha())


def _title_key(text: str) -> str:
    """What two spellings of one title share: spaces, case and a final dot aside."""
    return normalize_space(text).casefold().strip(" .")


@dataclass(slots=True)
class LineDecisions:
    """Per-line outcome: kept (reason None) or removed with a reason."""

    lines: list[str]
    probs: np.ndarray
    reasons: list[str | None]


def classify_lines(lines: Sequence[str]) -> LineDecisions:
    """Score and decide each line with the shipped model (reasons for removed lines)."""
    model = load_model()
    probs = model.probabilities(line_features(lines))
    keep = model.decide(probs)
    reasons: list[str | None] = [
        None if kept else family_of(line) for line, kept in zip(lines, keep, strict=True)
    ]
    return LineDecisions(list(lines), probs, reasons)


def _blocks(lines: list[str], reasons: list[str | None]) -> tuple[Block, ...]:
    """Kept lines as blocks: a short unpunctuated line before a longer kept line is a heading."""
    kept = [line for line, reason in zip(lines, reasons, strict=True) if reason is None]
    blocks = []
    for line, following in itertools.zip_longest(kept, kept[1:]):
        heading = (
            following is not None
            and len(following) > len(line)
            and not line.endswith(_TERMINAL)
            and line.count(" ") < _HEADING_MAX_WORDS
        )
        blocks.append(Block("heading", line, level=2) if heading else Block("paragraph", line))
    return tuple(blocks)


def assemble(
    decisions: LineDecisions, *, url: str | None = None, title: str | None = None
) -> Article:
    """Turn per-line decisions into an `Article` (title, bylines, dates, blocks)."""
    lines, reasons = decisions.lines, decisions.reasons
    if (
        title is None
        and lines
        and looks_like_title(lines[0])
        and byline_authors(lines[0]) is None
        and dateline_date(lines[0]) is None
    ):
        title = lines[0]
    authors: list[str] = []
    published: str | None = None
    title_key = _title_key(title) if title is not None else None
    for i, line in enumerate(lines):
        # Lines are space-normalised already: case and a final dot are what may differ.
        if title_key is not None and line.casefold().strip(" .") == title_key:
            reasons[i] = "title"
            continue
        names = byline_authors(line)
        if names is not None:
            authors.extend(n for n in names if n not in authors)
            reasons[i] = "byline"
            published = published or dateline_date(line)
            continue
        date = dateline_date(line)
        if date is not None:
            published = published or date
            reasons[i] = "dateline"
    body = _blocks(lines, reasons)
    removed = tuple(
        RemovedBlock("paragraph", line, reason)
        for line, reason in zip(lines, reasons, strict=True)
        if reason is not None
    )
    text = "\n".join(block.text for block in body)
    return Article(
        url=url,
        title=title,
        authors=tuple(authors),
        published=published,
        language=resolve_language(None, text),
        page_type="article" if body else "other",
        body=body,
        removed=removed,
        reason=None if body else ("no article text" if lines else "empty text"),
    )


def clean_text(text: str, *, url: str | None = None, title: str | None = None) -> Article:
    """Clean the article out of one page of extracted plain text.

    `title`, when known (a corpus record's title field), is removed from the
    body wherever the text repeats it; without it, the first line is taken
    as the title when it looks like one. Raises `InputTooLargeError` for a
    text over `DEFAULT_MAX_CHARS`; any other string, even empty or binary
    junk, gives an `Article` (with an empty body and a `reason` if nothing
    is left).
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_text() takes str, not {type(text).__name__}")
    if len(text) > DEFAULT_MAX_CHARS:
        raise InputTooLargeError(f"text is longer than {DEFAULT_MAX_CHARS} characters")
    lines = text_lines(text)
    if not lines:
        return Article(url=url, title=title, page_type="other", reason="empty text")
    return assemble(classify_lines(lines), url=url, title=title)


__all__ = ["DEFAULT_MAX_CHARS", "assemble", "classify_lines", "clean_text", "text_lines"]
