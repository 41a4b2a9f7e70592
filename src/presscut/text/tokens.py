"""Character classes and word tokens of a whole page of text, in one numpy pass.

Text mode must clean thousands of pages per second, and per-line Python
(a regex `findall` and set operations on every line) costs more than the
whole rest of the pipeline. So the page is read once, as an array of code
points:

- every code point gets class flags (letter, capital, digit, space...) from
  a table, so per-line counts are one `np.add.reduceat` over the page;
- word tokens (runs of `\\w` characters, as `re` defines them) are found
  from the flags, and each gets a 64-bit hash of its lower-cased spelling,
  also computed with array arithmetic. Words are then looked up in a
  `Vocabulary` (a table of hash slots, one gather for the page) instead
  of one dict lookup per word, and compared between lines (topic overlap)
  as integers.

Hashes are polynomial (sum of code point x P**position, mod 2**64, mixed
with the length): two different words of a lexicon, or two words of one
page, share a hash with a probability of about 2**-64.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

# Class flags of a code point (uint16): its kind, then punctuation roles.
ALPHA, UPPER, DIGIT, SPACE, PUNCT, SEP, WORD = 1, 2, 4, 8, 16, 32, 64
WORD_START = 128
"""Not in the table: set per page on the first non-space character after a space."""
CLOSER, TERMINAL, STOP, OPENER, DASH = 256, 512, 1024, 2048, 4096
GLUED_CLOSE, GLUED_OPEN, PAUSE = 8192, 16384, 32768
_ROLE_CHARS = (
    (SEP, "|»›>/·•–—:"),
    (DASH, "-•–—"),  # may open a list item
    (GLUED_CLOSE, '")]”»'),  # may end a paragraph (apostrophes aside)
    (GLUED_OPEN, '"“„«('),  # may start a paragraph (apostrophes aside)
    (PAUSE, ",;:"),
    (CLOSER, "\"'”’»)]"),  # may follow a sentence's final punctuation
    (TERMINAL, ".!?…。！？"),  # ends a sentence
    (STOP, ".?!"),  # ends a sentence when a space follows
    (OPENER, "\"'“„«‘(¿¡"),  # may open a sentence
)
_TABLE_SIZE = 0x10000
_MULTIPLIER = 0x100000001B3  # odd, so powers never vanish mod 2**64
_MAX_POSITION = 31  # characters beyond this position in a word share one power
_POWERS = np.array(
    [pow(_MULTIPLIER, i, 1 << 64) for i in range(_MAX_POSITION + 1)], dtype=np.uint64
)
_INVERSE_POWERS = np.array(
    [pow(_MULTIPLIER, -i, 1 << 64) for i in range(_MAX_POSITION + 1)], dtype=np.uint64
)
_LENGTH_MIX = np.uint64(0x9E3779B97F4A7C15)
PAIR_MIX = np.uint64(0xC2B2AE3D27D4EB4F)
"""Multiplier combining the hashes of two neighbouring words (phrase lookups)."""


# The vocabulary's slots: a hash times an odd constant, top bits (Fibonacci hashing), so
# that every bit of the hash moves the slot (short words differ in low bits only).
_SLOT_BITS = 16
_SLOT_SHIFT = np.uint64(64 - _SLOT_BITS)
_SLOT_SPREAD = np.uint64(0xD6E8FEB86659FD93)
_EMPTY, _SHARED = -1, -2


def _slot(hashes: np.ndarray) -> np.ndarray:
    """The vocabulary slot of each hash."""
    return ((hashes * _SLOT_SPREAD) >> _SLOT_SHIFT).astype(np.intp)


def _flags(ch: str) -> int:
    if ch.isalpha():
        flags = ALPHA | (UPPER if ch.isupper() or ch.istitle() else 0)
    elif ch.isdigit():
        flags = DIGIT
    elif ch.isspace():
        flags = SPACE
    else:
        flags = PUNCT
    if ch.isalnum() or ch == "_":  # what `\w` matches
        flags |= WORD
    for role, chars in _ROLE_CHARS:
        if ch in chars:
            flags |= role
    return flags


@cache
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """Class flags and simple lower-case mapping of every BMP code point (built once, ~50 ms)."""
    flags = np.zeros(_TABLE_SIZE, dtype=np.uint16)
    lower = np.arange(_TABLE_SIZE, dtype=np.uint64)
    for code in range(_TABLE_SIZE):
        ch = chr(code)
        flags[code] = _flags(ch)
        low = ch.lower()
        if len(low) == 1:
            lower[code] = ord(low)
    return flags, lower


def classify_codes(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(class flags, lower-cased code points) of an array of code points."""
    flag_table, lower_table = _tables()
    astral = codes >= _TABLE_SIZE
    if not astral.any():
        # `take` with native indices: indexing with the uint32 codes converts them twice.
        index = codes.astype(np.intp)
        return flag_table.take(index), lower_table.take(index)
    bmp = np.where(astral, 0, codes)
    flags, lower = flag_table[bmp], lower_table[bmp]
    unique, which = np.unique(codes[astral], return_inverse=True)
    flags[astral] = np.array([_flags(chr(code)) for code in unique.tolist()], dtype=np.uint16)[
        which
    ]
    lower[astral] = codes[astral]
    return flags, lower


def encode(text: str) -> np.ndarray:
    """The code points of `text` (lone surrogates included), one per character."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def word_tokens(
    classes: np.ndarray, lower: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(starts, ends, hashes) of the `\\w+` runs of a text, from its classes and lower-case codes.

    The hash of a word is its polynomial over the word's own positions: the
    word characters are taken out of the text, each multiplied by the power
    of its position in its word, and summed per word by a cumulative sum.
    """
    # Word characters as 0/1 between two zeros: the word edges alternate start, end.
    word = np.zeros(len(classes) + 2, dtype=np.int8)
    is_word = word[1:-1].view(bool)
    np.not_equal(classes & WORD, 0, out=is_word)
    edges = np.flatnonzero(word[1:] != word[:-1])
    starts, ends = edges[0::2].copy(), edges[1::2].copy()  # contiguous, for later searches
    if not len(starts):
        return starts, ends, np.zeros(0, dtype=np.uint64)
    lengths = ends - starts
    letters = lower.compress(is_word)  # cheaper than indexing with the mask
    offsets = np.cumsum(lengths) - lengths  # of each word in `letters`
    # Each letter's position in its word: a running count that each word's first letter
    # takes back to 0 (cheaper than repeating every word's offset over its letters).
    step = np.ones(len(letters), dtype=np.intp)
    step[offsets[1:]] = 1 - lengths[:-1]
    step[0] = 0
    position = np.cumsum(step)
    np.minimum(position, _MAX_POSITION, out=position)
    terms = letters * _POWERS.take(position)
    total = np.cumsum(terms)
    hashes = total[offsets + lengths - 1] - total[offsets] + terms[offsets]
    return starts, ends, hashes ^ (lengths.astype(np.uint64) * _LENGTH_MIX)


def substring_hashes(lower: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Token hashes of the substrings [starts, ends) of a text (runs of word characters).

    The same hash a word of that spelling gets from `word_tokens`, so a piece
    of a fused word ("Choices" in "ChoicesPortion") can be looked up among
    the page's words.
    """
    lengths = ends - starts
    if not len(starts):
        return np.zeros(0, dtype=np.uint64)
    width = _MAX_POSITION + 1
    offsets = np.arange(width)
    inside = offsets[None, :] < lengths[:, None]
    at = np.where(inside, starts[:, None] + offsets[None, :], 0)
    terms = np.where(inside, lower[at] * _POWERS[None, :], np.uint64(0))
    hashes = terms.sum(axis=1, dtype=np.uint64)
    long = np.flatnonzero(lengths > width)
    if len(long):  # characters beyond the last power all share it
        tails = [lower[starts[i] + width : ends[i]].sum(dtype=np.uint64) for i in long.tolist()]
        hashes[long] += np.array(tails, dtype=np.uint64) * _POWERS[_MAX_POSITION]
    return hashes ^ (lengths.astype(np.uint64) * _LENGTH_MIX)


def word_cuts(
    lower: np.ndarray, starts: np.ndarray, ends: np.ndarray, min_piece: int, where: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The places p with `where[p]` set that cut one of the words [starts, ends) into two
    pieces of at least `min_piece` characters: (place, hash of the piece before, of the
    piece after).

    The hashes are those `word_tokens` gives words of those spellings, from one
    cumulative sum over the words' letters: the piece before is a prefix sum,
    the piece after the rest of the word shifted back to position 0 by an
    inverse power. So words must have at most `_MAX_POSITION` + 1 characters
    (no shared power); `substring_hashes` costs a row of that width per piece.
    """
    lengths = ends - starts
    if len(lengths) and lengths.max() > _MAX_POSITION + 1:
        raise ValueError(f"words must have at most {_MAX_POSITION + 1} characters")
    first = np.cumsum(lengths) - lengths  # of each word among the letters
    word_start = np.repeat(starts, lengths)
    at = np.arange(len(word_start)) + np.repeat(starts - first, lengths)  # each letter's offset
    position = at - word_start
    before = np.zeros(len(at) + 1, dtype=np.uint64)  # sum of the terms before each letter
    np.cumsum(lower[at] * _POWERS[position], out=before[1:])
    word_end = np.repeat(ends, lengths)
    cut = np.flatnonzero((position >= min_piece) & (word_end - at >= min_piece) & where[at])
    at, position, word_first = at[cut], position[cut], cut - position[cut]
    rest = word_end[cut] - at
    left = before[cut] - before[word_first]
    right = (before[cut + rest] - before[cut]) * _INVERSE_POWERS[position]
    return (
        at,
        left ^ (position.astype(np.uint64) * _LENGTH_MIX),
        right ^ (rest.astype(np.uint64) * _LENGTH_MIX),
    )


def hash_words(words: Iterable[str]) -> np.ndarray:
    """The token hash of each word (each must be one `\\w+` token)."""
    words = list(words)
    codes = encode(" ".join(words))
    classes, lower = classify_codes(codes)
    starts, _, hashes = word_tokens(classes, lower)
    if len(starts) != len(words):
        raise ValueError("every vocabulary entry must be exactly one word")
    return hashes


class Vocabulary:
    """Words with integer flags, looked up by token hash for a whole page at once.

    A table of `_SLOT_BITS`-bit slots, one per (spread) hash, gives each word
    of the page the one vocabulary entry it can be (most slots are empty: most
    words of a page are in no vocabulary), so a lookup is a gather and a
    comparison; only the few slots two entries share fall back to a binary
    search of the sorted hashes.
    """

    def __init__(self, flags_of: Mapping[str, int]) -> None:
        words = [word.lower() for word in flags_of]
        hashes = hash_words(words)
        merged: dict[int, int] = {}
        for h, word in zip(hashes.tolist(), flags_of, strict=True):
            merged[h] = merged.get(h, 0) | flags_of[word]
        order = sorted(merged)
        self._hashes = np.array(order, dtype=np.uint64)
        self._flags = np.array([merged[h] for h in order], dtype=np.int64)
        self._slots = np.full(1 << _SLOT_BITS, _EMPTY, dtype=np.int32)
        for index, slot in enumerate(_slot(self._hashes).tolist()):
            self._slots[slot] = index if self._slots[slot] == _EMPTY else _SHARED

    def flags(self, hashes: np.ndarray) -> np.ndarray:
        """The flags of each hashed token (0 for a word not in the vocabulary)."""
        out = np.zeros(len(hashes), dtype=np.int64)
        if not len(hashes) or not len(self._hashes):
            return out
        entry = self._slots[_slot(hashes)]
        maybe = np.flatnonzero(entry != _EMPTY)
        wanted, at = hashes[maybe], entry[maybe]
        shared = np.flatnonzero(at == _SHARED)
        if len(shared):
            found = np.searchsorted(self._hashes, wanted[shared])
            at[shared] = np.minimum(found, len(self._hashes) - 1)
        out[maybe] = np.where(self._hashes[at] == wanted, self._flags[at], 0)
        return out


@dataclass(slots=True)
class PageText:
    """A page's lines as arrays (see the module docstring); built by `page_text`."""

    lines: Sequence[str]
    text: str  # the lines joined by "\n"
    codes: np.ndarray  # uint32 code points of `text`
    lower: np.ndarray  # uint64 lower-cased code points
    classes: np.ndarray  # uint16 class flags per code point, WORD_START included
    starts: np.ndarray  # int64 offset of each line in `codes`
    lengths: np.ndarray  # int64 characters per line
    token_starts: np.ndarray  # int64 offsets of the `\w+` tokens
    token_ends: np.ndarray
    token_hashes: np.ndarray  # uint64
    token_lines: np.ndarray  # int64 line of each token
    line_first_token: np.ndarray  # int64 index of each line's first token (== next line's if none)

    @property
    def ends(self) -> np.ndarray:
        """Offset of each line's last character."""
        return self.starts + self.lengths - 1

    def tokens_per_line(self) -> np.ndarray:
        return _run_lengths(self.line_first_token, len(self.token_starts))

    def per_line(self, mask: np.ndarray) -> np.ndarray:
        """How many characters of each line are set in a per-character mask."""
        # Summed as int32 straight from the booleans: no int32 copy of the mask.
        return np.add.reduceat(mask, self.starts, dtype=np.int32)

    def count_at(self, offsets: np.ndarray) -> np.ndarray:
        """How many of the given character offsets fall on each line."""
        lines = np.searchsorted(self.starts, offsets, side="right") - 1
        return np.bincount(lines, minlength=len(self.lines))

    def count_chars(self, char: str) -> np.ndarray:
        """How many times each line holds `char` (best for rare characters)."""
        return self.count_at(np.flatnonzero(self.codes == ord(char)))

    def per_line_tokens(self, mask: np.ndarray) -> np.ndarray:
        """How many of each line's tokens are set in a per-token mask."""
        # Counting the few set tokens beats summing a weight over every token of the page.
        return np.bincount(self.token_lines[mask], minlength=len(self.lines))


def _run_lengths(first: np.ndarray, total: int) -> np.ndarray:
    """The length of each of consecutive runs of `total` items, from where each run starts:
    `np.diff(first, append=total)` by plain subtraction, several times cheaper on a page."""
    out = np.empty_like(first)
    out[:-1] = first[1:] - first[:-1]
    out[-1:] = total - first[-1:]
    return out


def page_text(lines: Sequence[str]) -> PageText:
    """Arrays of a page of non-empty lines (one per line, no newline inside)."""
    joined = "\n".join(lines)
    codes = encode(joined)
    classes, lower = classify_codes(codes)
    return _page(lines, joined, codes, classes, lower)


def with_breaks(page: PageText, at: np.ndarray) -> PageText:
    """The page with a line break inserted before each offset of `at` (sorted, inside lines).

    Nothing is computed again: the code points and their classes get a
    newline at each offset, and the word tokens are cut where a break runs
    through one ("nutrition|Those").
    """
    if not len(at):
        return page
    text = page.text
    bounds = [0, *at.tolist(), len(text)]
    joined = "\n".join(text[a:b] for a, b in itertools.pairwise(bounds))
    newline = ord("\n")
    # What `np.insert` does, with the layout computed once for the three arrays.
    added = at + np.arange(len(at))
    kept = np.ones(len(page.codes) + len(at), dtype=bool)
    kept[added] = False

    def inserted(values: np.ndarray, new: int) -> np.ndarray:
        out = np.empty(len(kept), dtype=values.dtype)
        out[kept] = values
        out[added] = new
        return out

    codes = inserted(page.codes, newline)
    lower = inserted(page.lower, newline)
    # Word starts stay where they were; only the character after each new newline (a space)
    # may become one: `_set_word_starts` on the few places instead of the whole page.
    classes = inserted(page.classes, int(_tables()[0][newline]))
    after = added + 1
    classes[after[(classes[after] & SPACE) == 0]] |= np.uint16(WORD_START)
    starts, ends, hashes = page.token_starts, page.token_ends, page.token_hashes
    holder = np.searchsorted(starts, at, side="right") - 1
    inside = np.zeros(len(at), dtype=bool)
    if len(starts):
        clipped = np.maximum(holder, 0)
        inside = (holder >= 0) & (ends[clipped] > at) & (starts[clipped] < at)
    if inside.any():
        cut = np.zeros(len(starts), dtype=bool)
        cut[holder[inside]] = True
        pieces = np.repeat(cut, np.bincount(holder[inside], minlength=len(starts)) + 1)
        # A cut inside token h starts a token after h's start and ends one before h's end:
        # inserted there, both arrays stay sorted without a sort.
        starts = np.insert(starts, holder[inside] + 1, at[inside])
        ends = np.insert(ends, holder[inside], at[inside])
        new_hashes = np.empty(len(starts), dtype=np.uint64)
        new_hashes[~pieces] = hashes[~cut]
        new_hashes[pieces] = substring_hashes(page.lower, starts[pieces], ends[pieces])
        hashes = new_hashes
    starts = starts + np.searchsorted(at, starts, side="right")
    ends = ends + np.searchsorted(at, ends, side="left")
    return _page(joined.split("\n"), joined, codes, classes, lower, (starts, ends, hashes))


def _set_word_starts(classes: np.ndarray) -> None:
    """Flag (in place) the first non-space character after a space as a WORD_START."""
    spaceish = (classes & SPACE) != 0
    word_start = ~spaceish
    word_start[1:] &= spaceish[:-1]
    classes |= word_start.view(np.uint8) * np.uint16(WORD_START)


def _page(
    lines: Sequence[str],
    joined: str,
    codes: np.ndarray,
    classes: np.ndarray,
    lower: np.ndarray,
    tokens: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> PageText:
    if tokens is None:
        _set_word_starts(classes)
        tokens = word_tokens(classes, lower)
    token_starts, token_ends, hashes = tokens
    lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
    starts = np.zeros(len(lines), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    # Each line's first token, then each token's line from the tokens per line: a search
    # per line is cheaper than one per token.
    first = np.searchsorted(token_starts, starts)
    token_lines = np.repeat(np.arange(len(lines)), _run_lengths(first, len(token_starts)))
    return PageText(
        lines,
        joined,
        codes,
        lower,
        classes,
        starts,
        lengths,
        token_starts,
        token_ends,
        hashes,
        token_lines,
        first,
    )
