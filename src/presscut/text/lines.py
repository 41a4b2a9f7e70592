"""Features of each line of a page of plain text, for the line classifier.

Plain text has no DOM, so all evidence comes from the lines themselves and
from their place on the page:

- *shape*: length, words, punctuation, casing, digits, separators, whether
  the line ends like a sentence;
- *address*: second-person and first-person-plural pronouns, an opening
  imperative (`presscut.text.lexicon`): appeals and prompts talk to the
  reader, articles mostly talk about the world;
- *vocabulary*: whether the line uses the generic words of a boilerplate
  family ("newsletter", "Kommentare", "read more"; `families.py`);
- *topic*: how many of the line's words recur in the page's long lines; a
  donation appeal shares few words with the story it interrupts;
- *repetition*: lines repeated on the page (menus printed twice);
- *position and neighbours*: where the line sits, and the shape of the lines
  around it (article text comes in runs of long, punctuated lines).

Speed matters (a corpus has millions of pages), so there is no per-line
Python here: the page is read once as arrays of code points and hashed
word tokens (`presscut.text.tokens`), every word is looked up in one page
vocabulary by hash, and every count is a reduction over those arrays.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from presscut.text import families
from presscut.text.byline import BYLINE_WORDS, DATE_WORDS
from presscut.text.lexicon import (
    CALL_TO_ACTION,
    FIRST_PLURAL,
    FIRST_PLURAL_LOWER_CASE,
    FIRST_SINGULAR,
    FORMAL_ADDRESS_WORDS,
    SECOND_PERSON,
)
from presscut.text.tokens import (
    ALPHA,
    CLOSER,
    DIGIT,
    OPENER,
    PUNCT,
    SEP,
    STOP,
    TERMINAL,
    UPPER,
    WORD,
    WORD_START,
    PageText,
    Vocabulary,
    page_text,
)

# Flags of the page vocabulary, above the family flags of `families.py`.
_BASE = families.FLAG_BITS
SECOND, PLURAL, SINGULAR, CTA, FORMAL, URL, COPYRIGHT, BYLINE, LOWER_CASE_ONLY, DATE = (
    1 << (_BASE + i) for i in range(10)
)
_URL_WORDS = ("http", "https", "www")
_COPYRIGHT_WORDS = ("copyright", "copyrighted", "copyrights")

# Lines at least this many words long are the page's running prose: their
# vocabulary is what "the topic of the page" means for the overlap feature.
_LONG_LINE_WORDS = 12
# Words of four letters or more: shorter ones are mostly function words.
_CONTENT_WORD_CHARS = 4
_CREDIT_MAX_TOKENS = 12  # a credit line ("Photo: Jane Doe/Reuters") is short
_LABEL_MAX_WORDS = 3  # words before the colon of a label ("Read more: …")


@cache
def page_vocabulary() -> Vocabulary:
    """Every word the features look up, with its flags (families' flags included)."""
    flags = dict(families.WORD_FLAGS)
    for words, flag in (
        (SECOND_PERSON, SECOND),
        (FIRST_PLURAL, PLURAL),
        (FIRST_PLURAL_LOWER_CASE, PLURAL | LOWER_CASE_ONLY),
        (FIRST_SINGULAR, SINGULAR),
        (CALL_TO_ACTION, CTA),
        (FORMAL_ADDRESS_WORDS, FORMAL),
        (_URL_WORDS, URL),
        (_COPYRIGHT_WORDS, COPYRIGHT),
        (BYLINE_WORDS, BYLINE),
        (DATE_WORDS, DATE),
    ):
        for word in words:
            flags[word] = flags.get(word, 0) | flag
    return Vocabulary(flags)


FEATURE_NAMES: tuple[str, ...] = (
    "log_chars",
    "log_words",
    "mean_word_len",
    "ends_sentence",
    "ends_colon",
    "ends_ellipsis",
    "starts_upper",
    "starts_digit",
    "starts_symbol",
    "upper_share",
    "capitalised_word_share",
    "digit_share",
    "punct_share",
    "separator_count",
    "comma_per_word",
    "inner_sentences",
    "second_person",
    "first_plural",
    "first_singular",
    "imperative_first",
    "call_to_action",
    "family_words",
    "has_url_or_email",
    "has_copyright",
    "topic_overlap",
    "repeats",
    "position",
    "chars_before",
    "in_main_run",
    "main_run_distance",
    "prev_log_chars",
    "next_log_chars",
    "prev_ends_sentence",
    "next_ends_sentence",
    "window3_log_chars",
    "window3_ends_sentence",
    "window11_log_chars",
    "window11_ends_sentence",
    "window11_topic_overlap",
    "page_log_lines",
    "page_long_share",
    "credit_words",
    "label_colon",
    "family_share",
    "window3_family_words",
)
_COLUMN = {name: i for i, name in enumerate(FEATURE_NAMES)}


def window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of `values` over a centred window of 2*radius+1 lines (clipped at the edges)."""
    low, high, width = _windows(len(values), radius)
    cumulative = np.zeros(len(values) + 1)
    np.cumsum(values, out=cumulative[1:])
    return (cumulative[high] - cumulative[low]) / width


@lru_cache(maxsize=16)
def _windows(n: int, radius: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(first, last + 1, size) of each line's window: the same for every window of a page,
    and computing them costs more than the mean itself."""
    index = np.arange(n)
    low = np.maximum(index - radius, 0)
    high = np.minimum(index + radius + 1, n)
    width = high - low
    for array in (low, high, width):
        array.setflags(write=False)
    return low, high, width


def _main_run(chars: np.ndarray) -> tuple[int, int]:
    """The run of lines with the most text beyond a prose-like length (maximum subarray).

    Each line earns its length minus a threshold, so a run of long lines
    scores and a stretch of menu items costs; the best run is where the
    article most likely sits.
    """
    prefix = np.concatenate(([0.0], np.cumsum(chars - 80.0)))
    lowest = np.minimum.accumulate(prefix[:-1])
    last = int(np.argmax(prefix[1:] - lowest))
    before = prefix[: last + 1]
    first = int(len(before) - 1 - np.argmin(before[::-1]))
    return first, last


def _grouped(hashes: np.ndarray) -> np.ndarray:
    """An order of `hashes` that puts equal ones together, each group in its first order.

    Two stable passes over 16-bit pieces of the hashes' low 32 bits (numpy sorts
    16-bit keys by counting), about a third of a stable sort of the 64-bit
    hashes; only when two different hashes share their low 32 bits (about one
    page in a million) does it take that sort.
    """
    order = np.argsort(hashes.astype(np.uint16), kind="stable")
    order = order[np.argsort((hashes[order] >> np.uint64(16)).astype(np.uint16), kind="stable")]
    ordered = hashes[order]
    low = ordered.astype(np.uint32)
    same = low[1:] == low[:-1]
    if np.any(ordered[1:][same] != ordered[:-1][same]):
        return np.argsort(hashes, kind="stable")
    return order


def _topic_overlap(page: PageText, long_lines: np.ndarray) -> np.ndarray:
    """Share of each line's distinct content words that occur in the page's long lines.

    A long line's own words do not count: they must occur in another long
    line. -1 for a line without content words (neither on nor off topic).
    """
    n = len(page.lines)
    content = np.flatnonzero(page.token_ends - page.token_starts >= _CONTENT_WORD_CHARS)
    if not len(content):
        return np.full(n, -1.0)
    # Each word's occurrences together, in line order.
    order = content[_grouped(page.token_hashes[content])]
    hashes, lines = page.token_hashes[order], page.token_lines[order]
    new_word = np.empty(len(order), dtype=bool)
    new_word[0] = True
    new_word[1:] = hashes[1:] != hashes[:-1]
    distinct = new_word.copy()
    distinct[1:] |= lines[1:] != lines[:-1]
    hashes, lines, new_word = hashes[distinct], lines[distinct], new_word[distinct]
    word = np.cumsum(new_word) - 1
    is_long = long_lines[lines]
    long_count = np.bincount(word, weights=is_long)[word]
    hit = np.where(is_long, long_count >= 2, long_count >= 1)
    words = np.bincount(lines, minlength=n)
    hits = np.bincount(lines, weights=hit, minlength=n)
    return np.where(words > 0, hits / np.maximum(words, 1), -1.0)


_MAX_CLOSERS = 3


def _ends_sentence(page: PageText) -> np.ndarray:
    """Whether each line ends with a terminal, up to three closing quotes and brackets aside."""
    at = page.ends.copy()
    for _ in range(_MAX_CLOSERS):
        closing = ((page.classes[at] & CLOSER) != 0) & (at > page.starts)
        at -= closing
    return (page.classes[at] & TERMINAL) != 0


@dataclass(slots=True)
class LineEvidence:
    """A page's lines as arrays, their token flags and their feature matrix."""

    page: PageText
    token_flags: np.ndarray
    family_bits: np.ndarray  # per line, one bit per boilerplate family it names
    words: np.ndarray  # per line, space-separated words
    has_digit: np.ndarray  # per line
    features: np.ndarray  # (lines, FEATURE_NAMES)

    def column(self, name: str) -> np.ndarray:
        return self.features[:, _COLUMN[name]]


def line_evidence(page: PageText) -> LineEvidence:
    """Everything the classifier and the assembly need to know about a page's lines.

    The page's lines are stripped and non-empty, in page order.
    """
    lines = page.lines
    n = len(lines)
    # Column-major: each feature is written as one contiguous column, and the tree
    # ensembles read the matrix feature by feature.
    out = np.zeros((len(FEATURE_NAMES), n), dtype=np.float64).T
    flags = page_vocabulary().flags(page.token_hashes)
    family_bits = families.line_family_bits(page, flags)
    if n == 0:
        none = np.zeros(0)
        return LineEvidence(page, flags, family_bits, none, none.astype(bool), out)
    codes, classes = page.codes, page.classes

    def per_line(flag: int) -> np.ndarray:
        return page.per_line((classes & flag) != 0).astype(np.float64)

    alpha, upper, digit = per_line(ALPHA), per_line(UPPER), per_line(DIGIT)
    words = np.maximum(per_line(WORD_START), 1.0)
    upper_word_starts = page.per_line((classes & (WORD_START | UPPER)) == (WORD_START | UPPER))
    chars = page.lengths.astype(np.float64)
    tokens = np.maximum(page.tokens_per_line(), 1).astype(np.float64)

    out[:, 0] = np.log1p(chars)
    out[:, 1] = np.log1p(words)
    out[:, 2] = alpha / words
    out[:, 3] = _ends_sentence(page)
    last = codes[page.ends]
    out[:, 4] = last == ord(":")
    tail = codes[np.maximum(page.ends - 2, page.starts)]
    middle = codes[np.maximum(page.ends - 1, page.starts)]
    out[:, 5] = (last == ord("…")) | (
        (page.lengths >= 3) & (last == ord(".")) & (middle == ord(".")) & (tail == ord("."))
    )
    first_class = classes[page.starts]
    out[:, 6] = (first_class & UPPER) != 0
    out[:, 7] = (first_class & DIGIT) != 0
    out[:, 8] = (first_class & (ALPHA | DIGIT | OPENER)) == 0
    out[:, 9] = upper / np.maximum(alpha, 1.0)
    out[:, 10] = upper_word_starts / words
    out[:, 11] = digit / chars
    out[:, 12] = per_line(PUNCT) / chars
    out[:, 13] = per_line(SEP)
    out[:, 14] = page.count_chars(",") / tokens
    stops = np.flatnonzero((classes[:-1] & STOP) != 0)  # a mask first: nonzero of bools is faster
    out[:, 15] = page.count_at(stops[codes[stops + 1] == ord(" ")])

    def count(flag: int) -> np.ndarray:
        return page.per_line_tokens((flags & flag) != 0)

    out[:, 16] = (count(SECOND) + _formal_address(page, flags)) / tokens
    out[:, 17] = (count(PLURAL) - _capitalised_count(page, flags, LOWER_CASE_ONLY)) / tokens
    out[:, 18] = count(SINGULAR) / tokens
    first_token = np.minimum(page.line_first_token, max(len(flags) - 1, 0))
    has_token = page.tokens_per_line() > 0
    out[:, 19] = has_token & ((flags[first_token] & CTA) != 0) if len(flags) else 0.0
    out[:, 20] = count(CTA) / tokens
    out[:, 21] = family_bits != 0
    out[:, 22] = (count(URL) > 0) | (page.count_chars("@") > 0)
    out[:, 23] = (count(COPYRIGHT) > 0) | (page.count_chars("©") > 0)
    long_lines = words >= _LONG_LINE_WORDS
    out[:, 24] = _topic_overlap(page, long_lines)
    repeats = Counter(lines)
    out[:, 25] = np.log(np.fromiter(map(repeats.__getitem__, lines), dtype=np.float64, count=n))

    total_chars = float(chars.sum()) or 1.0
    out[:, 26] = np.arange(n) / max(n - 1, 1)
    out[:, 27] = (np.cumsum(chars) - chars) / total_chars
    first_main, last_main = _main_run(chars)
    index = np.arange(n)
    out[:, 28] = (index >= first_main) & (index <= last_main)
    distance = np.maximum(np.maximum(first_main - index, index - last_main), 0)
    out[:, 29] = np.log1p(distance)

    log_chars, ends = out[:, 0], out[:, 3]
    out[1:, 30] = log_chars[:-1]
    out[:-1, 31] = log_chars[1:]
    out[1:, 32] = ends[:-1]
    out[:-1, 33] = ends[1:]
    out[:, 34] = window_mean(log_chars, 1)
    out[:, 35] = window_mean(ends, 1)
    out[:, 36] = window_mean(log_chars, 5)
    out[:, 37] = window_mean(ends, 5)
    out[:, 38] = window_mean(out[:, 24], 5)
    out[:, 39] = np.log1p(n)
    out[:, 40] = np.count_nonzero(long_lines) / n  # the mean, without `mean`'s overhead
    out[:, 41] = (count(families.CREDIT) > 0) & (tokens <= _CREDIT_MAX_TOKENS)
    out[:, 42] = _label_colon(page)
    out[:, 43] = count(families.FAMILY_MASK) / tokens
    out[:, 44] = window_mean(out[:, 21], 1)
    return LineEvidence(page, flags, family_bits, words, digit > 0, out)


def _label_colon(page: PageText) -> np.ndarray:
    """Whether a line opens with a label and a colon ("Photo: …", "Lesen Sie auch: …")."""
    colons = np.flatnonzero(page.codes == ord(":"))
    out = np.zeros(len(page.lines), dtype=bool)
    if not len(colons):
        return out
    lines = np.searchsorted(page.starts, colons, side="right") - 1
    first = np.ones(len(colons), dtype=bool)
    first[1:] = lines[1:] != lines[:-1]
    colons, lines = colons[first], lines[first]
    words_before = np.searchsorted(page.token_starts, colons) - page.line_first_token[lines]
    not_last = colons < page.ends[lines]
    out[lines] = (words_before >= 1) & (words_before <= _LABEL_MAX_WORDS) & not_last
    return out


def _capitalised_count(page: PageText, flags: np.ndarray, flag: int) -> np.ndarray:
    """Per line, tokens with `flag` that start with a capital ("US" is no "us")."""
    flagged = np.flatnonzero((flags & flag) != 0)
    capital = (page.classes[page.token_starts[flagged]] & UPPER) != 0
    return np.bincount(page.token_lines[flagged[capital]], minlength=len(page.lines))


def _formal_address(page: PageText, flags: np.ndarray) -> np.ndarray:
    """Per line, capitalised formal pronouns after a word and a space ("helfen Sie uns")."""
    candidates = np.flatnonzero((flags & FORMAL) != 0)
    if not len(candidates):
        return np.zeros(len(page.lines))
    at = page.token_starts[candidates]
    classes = page.classes
    formal = (
        (at >= 2)
        & ((classes[at] & UPPER) != 0)
        & (page.codes[np.maximum(at - 1, 0)] == ord(" "))
        & ((classes[np.maximum(at - 2, 0)] & WORD) != 0)
    )
    return np.bincount(page.token_lines[candidates[formal]], minlength=len(page.lines))


def line_features(lines: list[str]) -> np.ndarray:
    """The feature matrix (one row per line, columns as in `FEATURE_NAMES`)."""
    return line_evidence(page_text(lines)).features
