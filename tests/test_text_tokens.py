"""Page arrays of text mode: character classes, hashed word tokens, breaks inserted in place."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presscut.text.tokens import (
    _LENGTH_MIX,
    _MULTIPLIER,
    _SHARED,
    DIGIT,
    UPPER,
    WORD_START,
    Vocabulary,
    hash_words,
    page_text,
    substring_hashes,
    with_breaks,
    word_cuts,
)

_WORD = re.compile(r"\w+")
LINES = [
    "Ferry terminal to close after 60 years",
    "Straße, ÉLUS et habitants: 3,5 % — naïve café_au_lait",
    "x𝔘𝔫𝔦𝔠𝔬𝔡𝔢 emoji 🙂 and ChoicesPortion",
]


def _tokens(page: object) -> list[str]:
    return [page.text[a:b] for a, b in zip(page.token_starts, page.token_ends, strict=True)]


def test_tokens_are_the_regex_words_of_each_line() -> None:
    page = page_text(LINES)
    assert _tokens(page) == _WORD.findall("\n".join(LINES))
    assert page.tokens_per_line().tolist() == [len(_WORD.findall(line)) for line in LINES]
    assert page.token_lines.tolist() == [
        i for i, line in enumerate(LINES) for _ in _WORD.findall(line)
    ]


def test_token_hashes_ignore_case_and_tell_words_apart() -> None:
    page = page_text(["Police POLICE police", "Politics polite"])
    hashes = page.token_hashes.tolist()
    assert hashes[0] == hashes[1] == hashes[2] == hash_words(["police"])[0]
    assert len(set(hashes[2:])) == 3


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="aBç_9ß", min_size=1, max_size=40), min_size=1, max_size=6))
def test_token_hashes_are_the_polynomial_of_each_word(words: list[str]) -> None:
    # The definition: each lower-cased code point times the multiplier to the power of its
    # position in the word (the last power for every position beyond it), mixed with the length.
    page = page_text([" ".join(words)])
    expected = []
    for word in words:
        total = sum(
            ord(ch.lower() if len(ch.lower()) == 1 else ch) * pow(_MULTIPLIER, min(i, 31), 1 << 64)
            for i, ch in enumerate(word)
        )
        expected.append((total % (1 << 64)) ^ (len(word) * int(_LENGTH_MIX) % (1 << 64)))
    assert page.token_hashes.tolist() == expected


def test_a_piece_of_a_word_hashes_like_the_word_itself() -> None:
    page = page_text(["ChoicesPortion", "choices and portion"])
    pieces = substring_hashes(page.lower, np.array([0, 7]), np.array([7, 14]))
    assert pieces.tolist() == page.token_hashes[1:4:2].tolist()
    long = "a" * 40
    page = page_text([long + "B"])
    assert substring_hashes(page.lower, np.array([0]), np.array([40]))[0] == hash_words([long])[0]


def test_word_cuts_hash_both_pieces_like_words() -> None:
    """Every allowed cut of each word, its pieces hashed as `substring_hashes` hashes them
    (up to the longest word cut: 32 characters, each at its own power)."""
    page = page_text(["callcenters Straße naïvecafé", "x" * 32])
    starts, ends = page.token_starts, page.token_ends
    where = np.ones(len(page.codes), dtype=bool)
    where[3] = False  # not "cal|lcenters"
    at, left, right = word_cuts(page.lower, starts, ends, 2, where)
    expected = [p for a, b in zip(starts, ends, strict=True) for p in range(a + 2, b - 1) if p != 3]
    assert at.tolist() == expected
    holder = np.searchsorted(starts, at, side="right") - 1
    assert left.tolist() == substring_hashes(page.lower, starts[holder], at).tolist()
    assert right.tolist() == substring_hashes(page.lower, at, ends[holder]).tolist()
    assert right[at.tolist().index(4)] == hash_words(["centers"])[0]


def test_word_cuts_refuse_longer_words() -> None:
    page = page_text(["x" * 33])
    with pytest.raises(ValueError, match="at most 32"):
        word_cuts(page.lower, page.token_starts, page.token_ends, 2, np.ones(33, dtype=bool))


def test_class_counts_per_line() -> None:
    page = page_text(["Two Words 42", "lower case only"])
    assert page.per_line((page.classes & UPPER) != 0).tolist() == [2, 0]
    assert page.per_line((page.classes & DIGIT) != 0).tolist() == [2, 0]
    assert page.per_line((page.classes & WORD_START) != 0).tolist() == [3, 3]
    assert page.count_chars("e").tolist() == [0, 2]


def test_vocabulary_flags_words_by_hash() -> None:
    vocabulary = Vocabulary({"subscribe": 1, "newsletter": 2, "you": 4})
    page = page_text(["Subscribe to our NEWSLETTER, you"])
    assert vocabulary.flags(page.token_hashes).tolist() == [1, 0, 0, 2, 4]


def test_vocabulary_slots_shared_by_two_words_find_each() -> None:
    # 6,000 words in 65,536 slots: a few hundred slots hold two or more of them.
    words = [f"w{i}x" for i in range(12_000)]
    vocabulary = Vocabulary({word: i + 1 for i, word in enumerate(words[::2])})
    assert (vocabulary._slots == _SHARED).sum() > 100
    flags = vocabulary.flags(hash_words(words)).tolist()
    assert flags == [i // 2 + 1 if i % 2 == 0 else 0 for i in range(len(words))]
    assert Vocabulary({}).flags(hash_words(words[:3])).tolist() == [0, 0, 0]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(min_size=1, max_size=40).map(lambda s: "".join(s.splitlines())), max_size=6),
    st.lists(st.integers(min_value=0, max_value=10_000), max_size=8),
)
def test_breaks_inserted_in_place_equal_a_fresh_page(lines: list[str], cuts: list[int]) -> None:
    """`with_breaks` reuses the arrays; they must be exactly those of the split lines."""
    lines = [line for line in lines if line]
    page = page_text(lines)
    # Cut only between two characters of one line, never at its edges.
    inner = sorted(
        {
            int(page.starts[cut % len(lines)]) + 1 + cut % (len(lines[cut % len(lines)]) - 1)
            for cut in cuts
            if lines and len(lines[cut % len(lines)]) > 1
        }
    )
    split = with_breaks(page, np.array(inner, dtype=np.int64))
    fresh = page_text(split.lines)
    for name in (
        "codes",
        "classes",
        "starts",
        "lengths",
        "token_starts",
        "token_ends",
        "token_hashes",
        "token_lines",
        "line_first_token",
    ):
        assert np.array_equal(getattr(split, name), getattr(fresh, name)), name


def test_lines_without_tokens_keep_their_place() -> None:
    """Each token's line and each line's first token, with lines that have no word at all."""
    lines = ["— —", "Two words", "!!", "?", "one", "…"]
    page = page_text(lines)
    assert page.token_lines.tolist() == [1, 1, 4]
    assert page.line_first_token.tolist() == [0, 0, 2, 2, 2, 3]
    assert page.tokens_per_line().tolist() == [0, 2, 0, 0, 1, 0]
    flagged = np.array([False, True, True])
    assert page.per_line_tokens(flagged).tolist() == [0, 1, 0, 0, 1, 0]


def test_breaks_inside_one_word_and_before_a_space_mark_word_starts() -> None:
    """Two cuts through one word and one before a space: the new lines' first characters
    (not the space) are word starts, and the word's three pieces are tokens of their own."""
    lines = ["onetwothree four", "end. next"]
    page = page_text(lines)
    split = with_breaks(page, np.array([3, 6, 21], dtype=np.int64))
    assert list(split.lines) == ["one", "two", "three four", "end.", " next"]
    fresh = page_text(split.lines)
    assert np.array_equal(split.classes, fresh.classes)
    assert _tokens(split) == ["one", "two", "three", "four", "end", "next"]
    assert np.array_equal(split.token_hashes, fresh.token_hashes)
