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

Speed matters (a corpus has millions of pages), so per-character counts are
made once per page with numpy over the code points of the whole page, and
the per-line Python work is a handful of C-level string calls.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

import numpy as np

from presscut.text.families import uses_family_words
from presscut.text.lexicon import (
    CALL_TO_ACTION,
    FIRST_PLURAL,
    FIRST_SINGULAR,
    FORMAL_ADDRESS,
    SECOND_PERSON,
)

_WORD = re.compile(r"\w+")
_TERMINALS = (".", "!", "?", "…", "。", "！", "？")
_CLOSERS = "\"'”’»)]"
_SEPARATORS = "|»›>/·•–—:"
# Lines at least this many words long are the page's running prose: their
# vocabulary is what "the topic of the page" means for the overlap feature.
_LONG_LINE_WORDS = 12
# Words of four letters or more: shorter ones are mostly function words.
_CONTENT_WORD = re.compile(r"\w{4,}")

# Character classes (bit flags) of code points, looked up with numpy.
_ALPHA, _UPPER, _DIGIT, _SPACE, _PUNCT, _SEP, _WORD_START = (1, 2, 4, 8, 16, 32, 64)
_TABLE_SIZE = 0x10000


@cache
def _char_classes() -> np.ndarray:
    """A table of class flags for every BMP code point (astral ones count as symbols)."""
    table = np.zeros(_TABLE_SIZE + 1, dtype=np.uint8)
    for code in range(_TABLE_SIZE):
        ch = chr(code)
        if ch.isalpha():
            table[code] = _ALPHA | (_UPPER if ch.isupper() or ch.istitle() else 0)
        elif ch.isdigit():
            table[code] = _DIGIT
        elif ch.isspace():
            table[code] = _SPACE
        else:
            table[code] = _PUNCT
    for ch in _SEPARATORS:
        table[ord(ch)] |= _SEP
    table[_TABLE_SIZE] = _PUNCT
    return table


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
)


def window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of `values` over a centred window of 2*radius+1 lines (clipped at the edges)."""
    n = len(values)
    cumulative = np.concatenate(([0.0], np.cumsum(values)))
    index = np.arange(n)
    low = np.maximum(index - radius, 0)
    high = np.minimum(index + radius + 1, n)
    return (cumulative[high] - cumulative[low]) / (high - low)


def _main_run(chars: np.ndarray) -> tuple[int, int]:
    """The run of lines with the most text beyond a prose-like length (Kadane).

    Each line earns its length minus a threshold, so a run of long lines
    scores and a stretch of menu items costs; the best run is where the
    article most likely sits.
    """
    gains = (chars - 80.0).tolist()
    best, best_span = -1e18, (0, 0)
    current, start = 0.0, 0
    for i, gain in enumerate(gains):
        if current <= 0:
            current, start = gain, i
        else:
            current += gain
        if current > best:
            best, best_span = current, (start, i)
    return best_span


def line_features(lines: Sequence[str]) -> np.ndarray:
    """The feature matrix (one row per line, columns as in `FEATURE_NAMES`).

    `lines` are stripped, non-empty lines of one page, in page order.
    """
    n = len(lines)
    out = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float64)
    if n == 0:
        return out
    joined = "\n".join(lines)
    codes = np.frombuffer(joined.encode("utf-32-le", "replace"), dtype=np.uint32)
    classes = _char_classes()[np.minimum(codes, _TABLE_SIZE)]
    spaceish = (classes & _SPACE) != 0
    word_start = ~spaceish & np.concatenate(([True], spaceish[:-1]))
    classes = classes | (word_start.astype(np.uint8) * _WORD_START)
    lengths = np.fromiter((len(line) for line in lines), dtype=np.int64, count=n)
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    bits = np.unpackbits(classes[:, None], axis=1, bitorder="little")
    counts = np.add.reduceat(bits, starts, axis=0).astype(np.float64)
    alpha, upper, digit = counts[:, 0], counts[:, 1], counts[:, 2]
    punct, seps, words = counts[:, 4], counts[:, 5], np.maximum(counts[:, 6], 1.0)
    upper_word_starts = np.add.reduceat(
        (word_start & ((classes & _UPPER) != 0)).astype(np.int32), starts
    ).astype(np.float64)

    chars = lengths.astype(np.float64)
    out[:, 0] = np.log1p(chars)
    out[:, 1] = np.log1p(words)
    out[:, 2] = alpha / words
    out[:, 9] = upper / np.maximum(alpha, 1.0)
    out[:, 10] = upper_word_starts / words
    out[:, 11] = digit / chars
    out[:, 12] = punct / chars
    out[:, 13] = seps

    contents: list[set[str]] = []
    long_vocab: Counter[str] = Counter()
    long_lines = words >= _LONG_LINE_WORDS
    is_long = long_lines.tolist()
    repeats = Counter(lines)
    second, plural, singular = SECOND_PERSON, FIRST_PLURAL, FIRST_SINGULAR
    cta, formal, family_hit = CALL_TO_ACTION, FORMAL_ADDRESS, uses_family_words
    terminals, closers = _TERMINALS, _CLOSERS
    rows = []
    for i, line in enumerate(lines):
        low = line.lower()
        toks = _WORD.findall(low)
        tokset = set(toks)
        content = set(_CONTENT_WORD.findall(low))
        contents.append(content)
        n_tok = len(toks) or 1
        last, first = line[-1], line[0]
        rows.append(
            (
                line.rstrip(closers).endswith(terminals),
                last == ":",
                last == "…" or line.endswith("..."),
                first.isupper(),
                first.isdigit(),
                not first.isalnum() and first not in "\"'“„«‘(¿¡",
                line.count(",") / n_tok,
                line.count(". ") + line.count("? ") + line.count("! "),
                (
                    len(tokset & second)
                    + (("Sie" in line or "Ihr" in line) and formal.search(line) is not None)
                )
                / n_tok,
                len(tokset & plural) / n_tok,
                len(tokset & singular) / n_tok,
                bool(toks) and toks[0] in cta,
                len(tokset & cta) / n_tok,
                family_hit(toks, tokset),
                "http" in low or "www." in low or "@" in line,
                "©" in line or "(c)" in low or "copyright" in low,
                repeats[line],
            )
        )
        if is_long[i]:
            long_vocab.update(content)
    per_line = np.array(rows, dtype=np.float64)
    out[:, 3:9] = per_line[:, 0:6]
    out[:, 14:24] = per_line[:, 6:16]
    out[:, 25] = np.log(per_line[:, 16])

    # A long line's own words do not count: it must share them with another long line.
    in_other_long = {t for t, count in long_vocab.items() if count >= 2}
    in_any_long = long_vocab.keys()
    out[:, 24] = [
        len(content & (in_other_long if long else in_any_long)) / len(content)
        if content
        else -1.0  # no content word: neither on nor off topic
        for content, long in zip(contents, is_long, strict=True)
    ]

    total_chars = float(chars.sum()) or 1.0
    out[:, 26] = np.arange(n) / max(n - 1, 1)
    out[:, 27] = (np.cumsum(chars) - chars) / total_chars
    first_main, last_main = _main_run(chars)
    index = np.arange(n)
    out[:, 28] = (index >= first_main) & (index <= last_main)
    distance = np.maximum(first_main - index, index - last_main).clip(min=0)
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
    out[:, 40] = float(long_lines.mean())
    return out
