"""Text mode: clean an article out of already-extracted page text.

`clean_text(text)` takes what a plain HTML-to-text converter left of a page
(the article mixed with menus, appeals, prompts and lost paragraph breaks)
and returns the same `Article` as HTML extraction. The story of a page:

1. *Lines*: normalise spaces, drop empty lines, and split lines at lost
   paragraph breaks ("…the full story.Police said…", `split.py`).
2. *Score* every line with the learned line classifier (`lines.py` for the
   features, `classifier.py` for the model) and decide keep/remove at a
   threshold chosen for the page, with a smoothing pass that favours runs.
3. *Metadata*: the title (given, or the first line when it looks like one),
   bylines and date lines (become `authors` / `published`, never body).
4. *Assemble*: kept lines become paragraphs (a short unpunctuated line
   followed by text becomes a heading); removed lines go to `removed`
   with a reason (`families.py`).

Corpus mode (`corpus.py`) adds the per-site template pass on top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from presscut import chrome_lines  # a module (not its function): it imports text.byline
from presscut.article import Article, Block, RemovedBlock
from presscut.errors import InputTooLargeError
from presscut.metadata import resolve_language
from presscut.metadata.language import sample
from presscut.segment import normalize_space
from presscut.text import byline
from presscut.text.classifier import load_model
from presscut.text.families import family_of, line_reasons
from presscut.text.lexicon import CALL_TO_ACTION
from presscut.text.lines import BYLINE, DATE, LineEvidence, line_evidence
from presscut.text.split import split_page
from presscut.text.tokens import ALPHA, PAUSE, TERMINAL, PageText, page_text

DEFAULT_MAX_CHARS = 20 * 1024 * 1024
"""Texts longer than this are refused with `InputTooLargeError`."""

# What `presscut.segment.normalize_space` removes and squashes, newlines aside.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SPACES = "\t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Runs of spaces to squash into one plain space: a run with another space character in it,
# or of two plain spaces or more (single plain spaces are most of them, and stay). In two
# passes, each led by what the engine can skip to: a run from its first other space on
# (what plain spaces it leaves before that are a run of plain spaces), then plain runs.
_OTHER_SPACE_RUN = re.compile(f"[{_SPACES}][ {_SPACES}]*")
_PLAIN_SPACE_RUN = re.compile("  +")
LANGUAGE_SAMPLE_CHARS = 600
"""Language detection reads this many characters from the middle of the body."""
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 25
_HEADING_MAX_WORDS = 12
# A line may repeat the title with other case (ß/ss) or a final dot: its length is close.
_TITLE_LENGTH_SLACK = 3
# A line that uses a boilerplate family's words ("newsletter", "Kommentare", "Foto:") is
# kept on its own score, never carried by the story's run around it: between two story
# paragraphs the smoothing kept prompts the model itself scored below the page's
# threshold. On the fresh held-out lines (`training/heldout_boilerplate.py`), placed in
# the middle of a story, this removed 0.331 -> 0.380 of them (0.419 with the broader word
# lists of `families.py`); wcxb dev whole pages and article paragraphs kept unchanged.
# The other reasons name no family, only a line's shape. (A first line whose words name a
# boilerplate family, "Photo: ..." or "Share", is no title either.)
_UNNAMED = frozenset(("low_score", "navigation"))


def split_text(text: str) -> PageText:
    """The page's non-empty lines, spaces normalised, lost paragraph breaks restored, as arrays.

    Whole-text regular expressions rather than one call per line: the same
    result as `normalize_space` on each line, at a fraction of the cost.
    """
    flat = "\n".join(text.splitlines())
    # Few pages hold one: a substring test per character is a fraction of a regex search.
    if any(ch in flat for ch in _INVISIBLE_CHARS):
        flat = _INVISIBLE.sub("", flat)
    flat = _OTHER_SPACE_RUN.sub(" ", flat)
    if "  " in flat:
        flat = _PLAIN_SPACE_RUN.sub(" ", flat)
    return split_page(list(filter(None, map(str.strip, flat.split("\n")))))


def text_lines(text: str) -> list[str]:
    """The lines of `split_text`."""
    return list(split_text(text).lines)


def looks_like_title(line: str, reason: str | None = None) -> bool:
    """A headline: 2-25 words, one sentence at most, no call to action or boilerplate words.

    `reason` is the line's boilerplate family (`family_of`), when already known.
    """
    words = line.split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS or len(line) > _TITLE_MAX_CHARS:
        return False
    if line.endswith((".", ",", ";", ":")) or not any(ch.isalpha() for ch in line):
        return False
    if ". " in line or "? " in line or "! " in line:
        return False
    if (reason or family_of(line)) not in _UNNAMED:
        return False
    first = words[0].lower().strip("\"'“„«‘(¿¡")
    return first not in CALL_TO_ACTION and (line[0].isupper() or not line[0].isalpha())


def _title_key(text: str) -> str:
    """What two spellings of one title share: spaces, case and a final dot aside."""
    return normalize_space(text).casefold().strip(" .")


@dataclass(slots=True)
class LineDecisions:
    """Per-line outcome: kept (reason None) or removed with a reason.

    `families` is the reason each line would get if removed; `evidence`
    the page's arrays, which the assembly reuses.
    """

    lines: list[str]
    probs: np.ndarray
    reasons: list[str | None]
    families: list[str]
    evidence: LineEvidence


def classify_page(
    page: PageText, *, per_page: bool = True, chrome_rules: bool = True
) -> LineDecisions:
    """Score and decide each line of a page with the shipped model (reasons for removed lines).

    `per_page`: at the threshold the page-level model chooses for the page,
    else at the model's one threshold. `chrome_rules`: lines that are only a
    widget's or an ad slot's words are removed whatever the model says (see
    `_remove_chrome_lines`).
    """
    model = load_model()
    evidence = line_evidence(page)
    probs = model.probabilities(evidence.features)
    long_share = float(evidence.column("page_long_share")[0]) if len(probs) else 0.0
    families = line_reasons(page, evidence.token_flags, evidence.family_bits)
    named = np.array([family not in _UNNAMED for family in families], dtype=bool)
    keep = model.decide(
        probs, evidence.page.lengths, long_share, per_page=per_page, named=named
    ).tolist()
    _continue_runs(keep, probs, families, evidence.page.lengths)
    if chrome_rules:
        _remove_chrome_lines(keep, families, page.lines, evidence.words)
    reasons: list[str | None] = [
        None if kept else family for family, kept in zip(families, keep, strict=True)
    ]
    return LineDecisions(list(page.lines), probs, reasons, families, evidence)


# An appeal's run goes on to its last line. After "That is why we ask readers like you
# to support us…", removed as an appeal, "Every contribution, however big or small,
# makes the difference." reads to the model like the first line of the story it
# precedes (0.56 on the brief's own example, where the page's threshold is 0.35). A
# kept line named by the same kind of prompt as the removed line just before it, that
# the model is not sure of, goes with that line. On the out-of-fold line predictions
# of the wcxb dev pages (before the page-level threshold) it changed 22 whole-page and
# 38 sample lines, shingle F1 +0.0001 on both.
_RUN_FAMILIES = frozenset(("appeal", "paywall", "newsletter", "cookie_notice"))
_RUN_UNSURE = 0.8
_RUN_MAX_CHARS = 400


def _continue_runs(
    keep: list[bool], probs: np.ndarray, families: list[str], lengths: np.ndarray
) -> None:
    """Remove, in place, the kept lines that end a run of appeal-like lines (see above)."""
    for i in range(1, len(keep)):
        if (
            keep[i]
            and not keep[i - 1]
            and families[i] in _RUN_FAMILIES
            and families[i - 1] in _RUN_FAMILIES
            and probs[i] < _RUN_UNSURE
            and lengths[i] < _RUN_MAX_CHARS
        ):
            keep[i] = False


# Lines that are only a widget's, an ad slot's or a paywall's words ("ADVERTISEMENT",
# "Story continues below advertisement", "Share this:", "Listen to this article", "Comments
# (12)", "You have read 3 of 5 free articles"), a related-story label with its headline, a
# table of contents' title, a copyright notice or a photo credit: the HTML extractor's
# standalone-line rules (`presscut.chrome_lines`), whatever the model says. Between two
# story paragraphs the model kept many of them. Bylines and date lines are left to the
# assembly, which reads them as metadata. Each line's words are the page's count (its
# word starts: `len(line.split())`), not a split of the line.
def _remove_chrome_lines(
    keep: list[bool], families: list[str], lines: Sequence[str], words: np.ndarray
) -> None:
    """Remove, in place, the kept lines that `standalone_line_reason` names (see above)."""
    reason_of = chrome_lines.standalone_line_reason
    for i, (line, count) in enumerate(zip(lines, words.tolist(), strict=True)):
        if keep[i] and (reason := reason_of(line, metadata=False, words=int(count))):
            keep[i] = False
            families[i] = reason


def classify_lines(lines: list[str]) -> LineDecisions:
    """`classify_page` of stripped, non-empty lines that an extractor already kept (the HTML
    extractor's second opinion), at the model's one threshold.

    The page-level threshold was fitted on whole and cropped page texts; on
    the text the HTML extractor keeps it cost that extractor's dev objective
    0.0006 (snippet F1 0.9269 -> 0.9258), where the one threshold changes
    nothing. The chrome-line rules are the HTML extractor's own, which it
    applies to its segments itself.
    """
    return classify_page(page_text(lines), per_page=False, chrome_rules=False)


def _headings(evidence: LineEvidence, kept: np.ndarray) -> np.ndarray:
    """Which kept lines are headings: short, unpunctuated, before a longer kept line."""
    page = evidence.page
    lengths = page.lengths[kept]
    heading = np.zeros(len(kept), dtype=bool)
    heading[:-1] = (
        (lengths[1:] > lengths[:-1])
        & ((page.classes[page.ends[kept]][:-1] & (TERMINAL | PAUSE)) == 0)
        & (evidence.words[kept][:-1] <= _HEADING_MAX_WORDS)
    )
    return heading


def _blocks(decisions: LineDecisions) -> tuple[Block, ...]:
    """Kept lines as blocks: a short unpunctuated line before a longer kept line is a heading."""
    kept = np.array([i for i, reason in enumerate(decisions.reasons) if reason is None], dtype=int)
    if not len(kept):
        return ()
    lines = decisions.lines
    return tuple(
        Block("heading", lines[i], level=2) if heading else Block("paragraph", lines[i])
        for i, heading in zip(
            kept.tolist(), _headings(decisions.evidence, kept).tolist(), strict=True
        )
    )


def _metadata_lines(evidence: LineEvidence) -> tuple[list[int], list[int]]:
    """Lines that may be bylines (a byline word first, few words) or date lines (short, a digit).

    The parsers run on these only; most lines of a page are neither.
    """
    page = evidence.page
    first = np.minimum(page.line_first_token, max(len(page.token_starts) - 1, 0))
    opens = np.zeros(len(page.lines), dtype=bool)
    if len(page.token_starts):
        opens = (
            ((evidence.token_flags[first] & BYLINE) != 0)
            & (page.token_starts[first] == page.starts)
            & (page.tokens_per_line() > 0)
        )
    bylines = opens & (evidence.words <= byline.MAX_BYLINE_WORDS)
    datelines = (
        (page.lengths <= byline.MAX_DATELINE_CHARS)
        & (evidence.words <= byline.MAX_DATELINE_WORDS)
        & evidence.has_digit
    )
    datelines[datelines] = _other_words(evidence, datelines) <= byline.MAX_DATELINE_OTHER_WORDS
    return np.flatnonzero(bylines).tolist(), np.flatnonzero(datelines).tolist()


def _other_words(evidence: LineEvidence, lines: np.ndarray) -> np.ndarray:
    """Per line of the mask `lines`, its words of letters only that are not `byline.DATE_WORDS`.

    Each such token is one word of `byline.dateline_date`'s count and never
    a date word there, so a line over its limit here is over it there too:
    most short lines with a digit are sentences, and are turned away without
    a call.
    """
    page = evidence.page
    tokens = np.flatnonzero(lines[page.token_lines])
    starts, ends = page.token_starts[tokens], page.token_ends[tokens]
    letters = np.zeros(len(page.classes) + 1, dtype=np.int64)
    np.cumsum((page.classes & ALPHA) != 0, out=letters[1:])
    other = (letters[ends] - letters[starts] == ends - starts) & (
        (evidence.token_flags[tokens] & DATE) == 0
    )
    counts = np.bincount(page.token_lines[tokens[other]], minlength=len(page.lines))
    return counts[lines]


def assemble(
    decisions: LineDecisions, *, url: str | None = None, title: str | None = None
) -> Article:
    """Turn per-line decisions into an `Article` (title, bylines, dates, blocks)."""
    lines, reasons = decisions.lines, decisions.reasons
    by_candidates, date_candidates = _metadata_lines(decisions.evidence)
    if (
        title is None
        and lines
        and looks_like_title(lines[0], decisions.families[0])
        and byline.byline_authors(lines[0]) is None
        and byline.dateline_date(lines[0]) is None
    ):
        title = lines[0]
    if title is not None:
        # Lines are space-normalised already: case and a final dot are what may differ.
        key = _title_key(title)
        lengths = decisions.evidence.page.lengths
        slack = _TITLE_LENGTH_SLACK + len(key) // 4
        near = np.flatnonzero(np.abs(lengths - len(key)) <= slack).tolist()
        for i in near:
            if lines[i].casefold().strip(" .") == key:
                reasons[i] = "title"
    authors: list[str] = []
    published: str | None = None
    for i in sorted(set(by_candidates) | set(date_candidates)):
        if reasons[i] == "title":
            continue
        names = byline.byline_authors(lines[i]) if i in by_candidates else None
        date = byline.dateline_date(lines[i]) if names is not None or i in date_candidates else None
        if names is not None:
            authors.extend(n for n in names if n not in authors)
            reasons[i] = "byline"
        elif date is not None:
            reasons[i] = "dateline"
        published = published or date
    body = _blocks(decisions)
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
        language=resolve_language(None, sample(text, LANGUAGE_SAMPLE_CHARS)),
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
    page = split_text(text)
    if not page.lines:
        return Article(url=url, title=title, page_type="other", reason="empty text")
    return assemble(classify_page(page), url=url, title=title)


__all__ = [
    "DEFAULT_MAX_CHARS",
    "assemble",
    "classify_lines",
    "classify_page",
    "clean_text",
    "split_text",
    "text_lines",
]
