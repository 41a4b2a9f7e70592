"""Restore paragraph breaks that a bad HTML-to-text conversion lost.

When a converter joins two block elements without any separator, the end
of one paragraph runs straight into the start of the next:
"…read the full story.Police said on Monday…", "Key takeawaysGrowth is…",
"Colors7. Pick a layout". Every place where two characters meet in a way
that such a join produces is a *candidate* break:

- ``sentence``: a sentence end directly followed by a word, maybe through
  closing quotes and an opening one ('story.Police', 'said."The', 'end.2.');
- ``colon``: a colon directly followed by a letter ("Contact:Suzanne");
- ``camel``: a lower-case letter directly followed by a capitalised word
  ("nutritionThose");
- ``letter_digit`` / ``digit_upper``: a letter directly followed by a digit,
  a digit by a capitalised word ("Colors7.", "for 2025The");
- ``close``: a closing bracket or quote directly followed by a capital;
- ``dash``: a list dash or bullet glued to the word before it ("posts-39,000");
- ``open``: an opening quote or bracket glued to the word before it;
- ``currency``: a price glued to a product name or another price
  ("Gold Hoops$75", "$25.00$29.99");
- ``capitals_lower``: an all-capital word glued to a lower-case one
  ("PRAGMAmain");
- ``lower``: a cut between two lower-case letters of a word that occurs
  nowhere else on the page, into two pieces that are words of the page
  ("call centersthird-party": "centers" and "third" elsewhere,
  "centersthird" nowhere);
- ``code``: a brace glued to a word, or a closing brace to a semicolon
  (code lines run together: "{quiet", ";}").

``camel`` also takes an all-capital word of three letters or more after a
lower-case letter ("astronautsNASA", not "macOS").

Most candidates are no break at all: brand names ("iPhone", "YouTube",
"McDonald's"), "COVID19", "Jean-Pierre", "word(s)". Two layers decide:

1. *Hard rules*, which no score overrides: never inside a URL, an e-mail
   address, a domain or JSON ("www.Example.org", "a.b@Example.org",
   "Amazon.com", '"rText":"Color","rUID"') nor before a method call
   ("client.GetAsync("); never after an abbreviation or an initial
   ("U.S.", "e.g.", "Dr. Smith", "J.R.R."); never inside a number or a
   version ("3.5", "v2.0.1", "10:30"); a sentence end only before a capitalised word,
   a digit, or an all-capital word after a lower-case letter ("ASP.NET",
   "README.MD" stay); a camel-case word shaped like a name (one hump that
   starts a capitalised word, a short lower-case run before it:
   "ThyssenKrupp", "JavaScript"; not "AppA quick", "BoltPARENT") stays
   unless both its pieces are words of the page; and no cut between two
   letters (``camel``, ``capitals_lower``, ``lower``) splits a hashtag, a
   dotted name or a code identifier
   ("#socialmedia", "austintexas.gov", "addEventListener"). A sentence end
   glued inside the word starts a word of its own for these rules
   ("world.ConclusionThe" is no dotted name).
2. A *learned scorer* (gradient-boosted trees, trained on fused paragraphs
   of the wcxb dev pages by `training/train_text_lines.py`; the ``lower``
   candidates have trees of their own, `LOWER_ENSEMBLE`) over the
   candidates that survive: the characters around the join, the two pieces
   of a fused word and how often each occurs on the page as a word of its
   own ("Portion" elsewhere on the page, "ChoicesPortion" nowhere), the
   shape of the text before and after (a short unpunctuated heading, a
   list item), the other candidates nearby, and how many of the line's
   sentence ends are glued to the next word. Nothing reads the whole line's
   length: trained on short fused lines, the scorer took a long line for
   unfused text and missed most breaks of a story fused into one line.

Everything is computed with arrays over the whole page
(`presscut.text.tokens`), so a page without joins costs a few array
operations, and a 10 MB line costs linear time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from presscut.model import TreeEnsemble
from presscut.model import load_model as load_model_file
from presscut.text.tokens import (
    ALPHA,
    CLOSER,
    DASH,
    DIGIT,
    GLUED_CLOSE,
    GLUED_OPEN,
    OPENER,
    PAUSE,
    PUNCT,
    SPACE,
    TERMINAL,
    UPPER,
    WORD,
    PageText,
    page_text,
    substring_hashes,
    with_breaks,
    word_cuts,
)

MODEL_NAME = "text_lines"
ENSEMBLE = "breaks"
# The `lower` candidates have their own ensemble: they are found by the page's vocabulary,
# not by their characters, and are mostly no break; trained with the others, they pulled
# the scores of sentence ends on long lines down.
LOWER_ENSEMBLE = "breaks_lower"
# Its fixed threshold: on wcxb dev page texts as they are, the `lower` splits it scored
# below this were compounds whose pieces were words of the page ("Master|class",
# "Thanks|giving", "academic|ally", "Control|led"); above it, menus run together ("web
# development|mobile development"). Out of fold on fused bodies it costs about 0.0008 F1.
LOWER_THRESHOLD = 0.9

KINDS: tuple[str, ...] = (
    "sentence",
    "pause",
    "camel",
    "letter_digit",
    "digit_upper",
    "close",
    "dash",
    "open",
    "currency",
    "capitals_lower",
    "lower",
    "code",
)
_KIND = {name: i for i, name in enumerate(KINDS)}
# Abbreviations that stand before a capitalised word (a name), lower-cased,
# without the dot. Words that also end sentences ("no", "etc", "Inc.", "est")
# and abbreviations that stand before numbers ("Jan.", "Fig.") are not here:
# before a capitalised word they are a sentence end.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sr jr mt ft vs gen gov sen rep col lt sgt capt rev hon pres "
    "hr fr frau herr "  # de
    "mme mlle mm cf "  # fr
    "sra srta dra lic ing "  # es
    "sig dott "  # it
    "dhr mevr "  # nl
    "np".split()  # pl
)
# A camel-case word is a name ("ThyssenKrupp", "YouTube", "iPhone") when it has
# one hump, at most this many letters, and fewer lower-case letters before the
# hump than `_MIN_GLUED_LOWER_RUN`; glued words are longer or have more humps.
_NAME_MAX_LETTERS = 13
_MIN_GLUED_LOWER_RUN = 7
_NAME_MAX_PREFIX = 2  # a lower-case prefix: "iPhone", "eBay"
_NAME_MIN_RIGHT_PIECE = 3  # "LinkedIn": "In" is a word of most pages
_LOWER_MAX_CHARS = 32  # `_lower_joins`
_LOWER_MIN_PIECE = 3
_BUCKET_BITS = 16
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd: a bijection of the 64-bit hashes
# Kinds that cut a run of letters: never inside a hashtag ("#socialmedia"), a dotted name
# ("austintexas.gov", "document.getElementById") or a code identifier (`_protected`).
_INSIDE_WORD_KINDS = frozenset(_KIND[name] for name in ("camel", "capitals_lower", "lower"))
_DOTTED = re.compile(r"\w\.\w")
# A lower-case word with two humps is a code identifier ("addEventListener", "useFriendStatus").
_IDENTIFIER = re.compile(r"[a-z]\w*[a-z][A-Z]\w*[a-z][A-Z]")
# A quoted key or item of JSON ("rText":"Color", "a","b", escaped: \",\"): data, not prose.
_JSON = re.compile(r'"[,:]["\\\[{]')
_OPENING = "\"'“„«‘(["
_CLOSING = "\"'”’»)],.;:!?"
_QUOTE = ord('"')
_TYPOGRAPHIC_QUOTES = np.array([ord(ch) for ch in "“”„«»"], dtype=np.uint32)
_LIST_NUMBER_AFTER = ')]"”'  # "…(SERPs).4. Create": a list number after a closed bracket

# Coarse classes of the characters around a candidate (a feature of the scorer).
_LOWER_C, _UPPER_C, _DIGIT_C, _SPACE_C, _END_C, _CLOSE_C, _OPEN_C, _COLON_C, _DASH_C = range(9)
_OTHER_C = 9

FEATURE_NAMES: tuple[str, ...] = (
    "kind",
    "char_before2",
    "char_before",
    "char_after",
    "char_after2",
    "left_piece_chars",
    "left_piece_upper",
    "left_piece_digits",
    "left_piece_on_page",
    "right_piece_chars",
    "right_piece_upper",
    "right_piece_digits",
    "right_piece_on_page",
    "fused_word_on_page",
    "left_chars",
    "left_words",
    "left_starts_upper",
    "left_ends_sentence",
    "right_chars",
    "right_words",
    "right_ends_sentence",
    "line_candidate_density",
    "quote_parity",
    "page_candidate_density",
    "typographic_quote",
    "line_glued_share",
)


@dataclass(frozen=True, slots=True)
class Candidates:
    """Candidate breaks of a page: where the new line would start, and of which kind.

    `end` is the last character of the text before the break that is not a
    closing quote or bracket (the final punctuation of a sentence).
    """

    at: np.ndarray  # int64 offsets in the page's code points
    kind: np.ndarray  # int64 index into KINDS
    end: np.ndarray  # int64

    def take(self, keep: np.ndarray) -> Candidates:
        return Candidates(self.at[keep], self.kind[keep], self.end[keep])


@cache
def _coarse_table() -> np.ndarray:
    """Coarse class of each combination of class flags (the last rule that applies wins)."""
    flags = np.arange(1 << 16)
    out = np.full(1 << 16, _OTHER_C, dtype=np.int64)
    for flag, coarse in (
        (DASH, _DASH_C),
        (PAUSE, _COLON_C),
        (OPENER, _OPEN_C),
        (CLOSER, _CLOSE_C),
        (TERMINAL, _END_C),
        (SPACE, _SPACE_C),
        (DIGIT, _DIGIT_C),
        (ALPHA, _LOWER_C),
        (UPPER, _UPPER_C),
    ):
        out[(flags & flag) != 0] = coarse
    return out


def _coarse(page: PageText, at: np.ndarray) -> np.ndarray:
    """Coarse class of the characters at `at` (offsets outside the text count as space)."""
    inside = (at >= 0) & (at < len(page.codes))
    return np.where(inside, _coarse_table()[page.classes[np.where(inside, at, 0)]], _SPACE_C)


@dataclass(frozen=True, slots=True)
class PageWords:
    """The page's token hashes sorted (to count words by binary search), and which tokens
    occur once on the page; computed once for the candidates and their pieces."""

    sorted: np.ndarray
    single: np.ndarray  # bool per token

    @classmethod
    def of(cls, page: PageText) -> PageWords:
        hashes = page.token_hashes
        order = np.argsort(hashes)
        words = hashes[order]
        repeated = np.zeros(len(words), dtype=bool)
        same = words[1:] == words[:-1]
        repeated[1:] = same
        repeated[:-1] |= same
        single = np.empty(len(words), dtype=bool)
        single[order] = ~repeated
        return cls(words, single)


def find_candidates(page: PageText, words: PageWords | None = None) -> Candidates:
    """Every place where two characters meet as a lost paragraph break would leave them."""
    classes, codes = page.classes, page.codes
    if len(codes) < 3:
        none = np.zeros(0, dtype=np.int64)
        return Candidates(none, none, none)
    # Most places are inside a word or next to a space; no join looks like that. The rules
    # below run on the other places p (1 <= p <= n-2) only, with the classes before,
    # at and after each.
    upper = (classes & UPPER) != 0
    lower = (classes & (ALPHA | UPPER)) == ALPHA
    ordinary = lower[1:-1] & ((classes[:-2] & WORD) != 0)
    ordinary |= ((classes[1:-1] | classes[:-2]) & SPACE) != 0
    places = np.flatnonzero(~ordinary) + 1
    before, here, after = classes[places - 1], classes[places], classes[places + 1]
    after2 = classes[np.minimum(places + 2, len(classes) - 1)]
    lower_before = (before & (ALPHA | UPPER)) == ALPHA
    capitalised = ((here & UPPER) != 0) & ((after & (ALPHA | UPPER)) == ALPHA)
    letter_after = (after & ALPHA) != 0
    space_after = (after & SPACE) != 0
    masks = (
        ((before & TERMINAL) != 0) & ((here & (CLOSER | OPENER | WORD)) != 0),  # sentence
        ((before & PAUSE) != 0)  # pause
        & (((here & (ALPHA | DIGIT)) != 0) | (((here & GLUED_OPEN) != 0) & letter_after)),
        lower_before  # camel: a capitalised word, or one of three capitals ("astronautsNASA")
        & (capitalised | ((here & UPPER) != 0) & (space_after | ((after & after2 & UPPER) != 0))),
        ((before & ALPHA) != 0) & ((here & DIGIT) != 0),  # letter_digit
        ((before & DIGIT) != 0)  # digit_upper: a capitalised word, or "A", "I" ("2025A new")
        & ((here & UPPER) != 0)
        & (letter_after | space_after),
        ((before & (GLUED_CLOSE | TERMINAL)) == GLUED_CLOSE)  # close
        & ((here & (ALPHA | DIGIT)) != 0),
        ((before & (SPACE | DASH)) == 0)  # dash
        & ((here & DASH) != 0)
        & ((after & (UPPER | SPACE)) != 0),
        ((before & WORD) != 0)  # open: a bracket or quote, then a capital or two letters
        & ((here & GLUED_OPEN) != 0)
        & (((after & UPPER) != 0) | (letter_after & ((after2 & ALPHA) != 0))),
        (lower_before | ((before & DIGIT) != 0))  # currency: after a name or a price
        & ((here & PUNCT) != 0)
        & ((after & DIGIT) != 0),
    )
    found = [places[mask] for mask in masks]
    # Capitals, then two lower-case letters ("PRAGMAmain"): inside a word, so not in `places`.
    found.append(np.flatnonzero(upper[:-3] & upper[1:-2] & lower[2:-1] & lower[3:]) + 2)
    found.append(_lower_joins(page, lower, PageWords.of(page) if words is None else words))
    found.append(_code_joins(page, places[(before & PUNCT) != 0]))
    # Rare shapes found by class, then checked by code point: "projectA budget", "Hoops$75".
    for name in ("camel", "digit_upper"):  # a one-letter capital word only if "A" or "I"
        glued = found[_KIND[name]]
        single = (classes[np.minimum(glued + 1, len(codes) - 1)] & SPACE) != 0
        pronoun = (codes[glued] == ord("A")) | (codes[glued] == ord("I"))
        if name == "digit_upper":  # "2025A new study", not an address's "15A Main Street"
            pronoun &= lower[np.minimum(glued + 2, len(codes) - 1)]
        found[_KIND[name]] = glued[~single | pronoun]
    currency = found[_KIND["currency"]]
    price = codes[currency]
    found[_KIND["currency"]] = currency[
        (price == ord("$")) | (price == ord("€")) | (price == ord("£"))
    ]
    at = np.concatenate(found)
    kind = np.repeat(np.arange(len(found)), [len(f) for f in found])
    end = at - 1
    sentence = kind == _KIND["sentence"]
    if sentence.any():
        at[sentence] = _sentence_breaks(page, end[sentence])
    keep = at > 0
    at, kind, end = at[keep], kind[keep], end[keep]
    order = np.lexsort((kind, at))  # by offset; at one offset the first kind listed wins
    at, kind, end = at[order], kind[order], end[order]
    first = np.ones(len(at), dtype=bool)
    first[1:] = at[1:] != at[:-1]
    return Candidates(at[first], kind[first], end[first])


def _code_joins(page: PageText, places: np.ndarray) -> np.ndarray:
    """A brace glued to a word or a brace after a semicolon: code lines run together.

    `places` are those after punctuation (the few where a code point check is due).
    """
    before, here = page.codes[places - 1], page.codes[places]
    brace = (before == ord("{")) | (before == ord("}"))
    word = (page.classes[places] & WORD) != 0
    return places[(brace & word) | ((before == ord(";")) & (here == ord("}")))]


def _lower_joins(page: PageText, lower: np.ndarray, words: PageWords) -> np.ndarray:
    """Places between two lower-case letters that cut a word into two words of the page
    while the word itself occurs nowhere else on it ("centers|third", "Preview|control").

    Only words of at most `_LOWER_MAX_CHARS` characters are cut, each piece at least
    `_LOWER_MIN_PIECE` long. `lower` flags the page's lower-case letters. This
    runs on every page, so most pieces are turned away by a bitmap of the
    page's words (`_bucket`) before the binary search.
    """
    starts, ends = page.token_starts, page.token_ends
    lengths = ends - starts
    chosen = np.flatnonzero(
        words.single & (lengths >= 2 * _LOWER_MIN_PIECE) & (lengths <= _LOWER_MAX_CHARS)
    )
    between = np.zeros(len(lower), dtype=bool)  # a lower-case letter before and at each place
    np.logical_and(lower[:-1], lower[1:], out=between[1:])
    at, left, right = word_cuts(page.lower, starts[chosen], ends[chosen], _LOWER_MIN_PIECE, between)
    bitmap = np.zeros(1 << _BUCKET_BITS, dtype=bool)
    bitmap[_bucket(words.sorted)] = True
    keep = bitmap[_bucket(left)] & bitmap[_bucket(right)]
    at, pieces = at[keep], np.concatenate([left[keep], right[keep]])
    if not len(at):
        return at
    ordered = words.sorted
    found = ordered[np.minimum(np.searchsorted(ordered, pieces), len(ordered) - 1)] == pieces
    return at[found[: len(at)] & found[len(at) :]]


def _bucket(hashes: np.ndarray) -> np.ndarray:
    """The top `_BUCKET_BITS` bits of a multiplicative mix of token hashes (their own top
    bits barely vary between short words)."""
    return ((hashes * _MIX) >> np.uint64(64 - _BUCKET_BITS)).astype(np.intp)


def _sentence_breaks(page: PageText, ends: np.ndarray) -> np.ndarray:
    """Where the next paragraph starts after each sentence end (-1: nowhere).

    After the final punctuation come closing quotes or brackets, then maybe
    an opening quote, then the next paragraph's first word. A straight
    double quote is ambiguous: it closes the paragraph when an odd number of
    them precede it on the line, else it opens the next one.
    """
    classes, text = page.classes, page.text
    size = len(classes)
    out = np.full(len(ends), -1, dtype=np.int64)
    lines = np.searchsorted(page.starts, ends, side="right") - 1
    for i, (end, line) in enumerate(zip(ends.tolist(), lines.tolist(), strict=True)):
        at = end + 1
        while at < size and classes[at] & CLOSER:
            at += 1
        opener = -1
        if at < size and classes[at] & (OPENER | CLOSER) == OPENER:
            opener = at
            at += 1
        if at >= size or not classes[at] & WORD:
            continue
        quote = text.find('"', end + 1, at)
        if quote >= 0:
            odd = text.count('"', page.starts[line], quote) % 2 == 1
            out[i] = quote + 1 if odd else quote
        else:
            out[i] = opener if opener >= 0 else at
    return out


@dataclass(frozen=True, slots=True)
class Pieces:
    """The word pieces on each side of each candidate, and how often the page has them as words.

    The left piece is the word (run of word characters) ending at or before
    the break, cut there; the right piece the word starting at or after it.
    When the break cuts through a word ("Choices|Portion"), `whole` counts
    that word as it stands; else it is -1.
    """

    left_start: np.ndarray
    left_end: np.ndarray
    right_start: np.ndarray
    right_end: np.ndarray
    left_count: np.ndarray
    right_count: np.ndarray
    whole_count: np.ndarray

    def take(self, keep: np.ndarray) -> Pieces:
        return Pieces(*(getattr(self, name)[keep] for name in self.__slots__))


def word_pieces(page: PageText, at: np.ndarray, words: PageWords | None = None) -> Pieces:
    """The `Pieces` around the candidate offsets `at`."""
    starts, ends = page.token_starts, page.token_ends
    n = len(at)
    if not len(starts) or not n:
        none = np.zeros(n, dtype=np.int64)
        return Pieces(none, none, none, none, none, none, none - 1)
    # np.minimum/np.maximum, not np.clip: the same numbers without np.clip's overhead.
    left = np.minimum(np.maximum(np.searchsorted(starts, at, side="left") - 1, 0), len(starts) - 1)
    right = np.minimum(np.searchsorted(ends, at, side="right"), len(starts) - 1)
    left_start = np.minimum(starts[left], at)
    left_end = np.minimum(ends[left], at)
    right_start = np.maximum(starts[right], at)
    right_end = np.maximum(ends[right], right_start)
    through = (left_end == at) & (right_start == at)
    hashes = substring_hashes(
        page.lower,
        np.concatenate([left_start, right_start, left_start]),
        np.concatenate([left_end, right_end, right_end]),
    )
    valid = np.concatenate([left_end > left_start, right_end > right_start, through])
    ordered = (PageWords.of(page) if words is None else words).sorted
    on_page = np.searchsorted(ordered, hashes, side="right") - np.searchsorted(ordered, hashes)
    on_page[~valid] = 0
    return Pieces(
        left_start,
        left_end,
        right_start,
        right_end,
        on_page[:n],
        on_page[n : 2 * n],
        np.where(through, on_page[2 * n :], -1),
    )


def _prefix(mask: np.ndarray) -> np.ndarray:
    """Prefix sums of a mask: the count over [a, b) is prefix[b] - prefix[a]."""
    # int32 where it holds every count (all texts `clean_text` takes): cheaper to sum into.
    out = np.zeros(len(mask) + 1, dtype=np.int32 if len(mask) < 1 << 31 else np.int64)
    np.cumsum(mask, out=out[1:])
    return out


def candidate_features(page: PageText, candidates: Candidates, pieces: Pieces) -> np.ndarray:
    """The scorer's features of each candidate (columns as in `FEATURE_NAMES`)."""
    at, n = candidates.at, len(candidates.at)
    out = np.zeros((n, len(FEATURE_NAMES)))
    if not n:
        return out
    classes = page.classes
    out[:, 0] = candidates.kind
    # The four characters around each join (columns 1-4) in one lookup.
    out[:, 1:5] = _coarse(page, at[:, None] + np.arange(-2, 2))
    upper = _prefix((classes & UPPER) != 0)
    digit = _prefix((classes & DIGIT) != 0)
    out[:, 5] = pieces.left_end - pieces.left_start
    out[:, 6] = upper[pieces.left_end] - upper[pieces.left_start]
    out[:, 7] = digit[pieces.left_end] - digit[pieces.left_start]
    out[:, 8] = pieces.left_count
    out[:, 9] = pieces.right_end - pieces.right_start
    out[:, 10] = upper[pieces.right_end] - upper[pieces.right_start]
    out[:, 11] = digit[pieces.right_end] - digit[pieces.right_start]
    out[:, 12] = pieces.right_count
    out[:, 13] = pieces.whole_count

    # The text on each side, up to the neighbouring candidate or the line's edge. Only the
    # candidates found by their characters count, here and in the densities below: how
    # many words of a page have pieces that are words too (`lower`) says nothing about
    # its layout, and on long lines of short words they are many.
    line = np.searchsorted(page.starts, at, side="right") - 1
    line_start, line_end = page.starts[line], page.starts[line] + page.lengths[line]
    shaped = candidates.kind != _KIND["lower"]
    neighbours = np.concatenate(([-1], at[shaped], [len(page.codes)]))
    previous = np.maximum(neighbours[np.searchsorted(neighbours, at) - 1], line_start)
    following = np.minimum(neighbours[np.searchsorted(neighbours, at, side="right")], line_end)
    words = _prefix((classes & (SPACE | WORD)) == WORD)  # word characters, a proxy for words
    out[:, 14] = at - previous
    out[:, 15] = (words[at] - words[previous]) / np.maximum(at - previous, 1)
    out[:, 16] = (classes[previous] & UPPER) != 0
    out[:, 17] = _ends_sentence_before(page, at)
    out[:, 18] = following - at
    out[:, 19] = (words[following] - words[at]) / np.maximum(following - at, 1)
    out[:, 20] = _ends_sentence_before(page, following)
    # Densities, not counts, so that a 10 MB line looks like any other.
    out[:, 21] = np.bincount(line[shaped], minlength=len(page.lines))[line] / page.lengths[line]
    quotes = np.flatnonzero(page.codes == _QUOTE)
    out[:, 22] = (np.searchsorted(quotes, at) - np.searchsorted(quotes, line_start)) % 2
    out[:, 23] = np.count_nonzero(shaped) / len(page.codes)
    # “„«»” are typeset, so never glued to a word by their author: a join is likelier.
    out[:, 24] = _typographic_quote(page.codes[at - 1]) | _typographic_quote(
        page.codes[np.minimum(at, len(page.codes) - 1)]
    )
    # How fused the line is, whatever its length: the share of its sentence ends glued to
    # the next word (candidates) among all, glued or followed by a space. A line that is a
    # whole fused story has many, one paragraph none. (It stands in for the line's length,
    # which the scorer read as "unfused" beyond the lengths it was trained on.)
    spaced = np.flatnonzero(((classes[:-1] & TERMINAL) != 0) & ((classes[1:] & SPACE) != 0))
    glued = at[candidates.kind == _KIND["sentence"]]
    line_glued = np.searchsorted(glued, line_end) - np.searchsorted(glued, line_start)
    line_spaced = np.searchsorted(spaced, line_end) - np.searchsorted(spaced, line_start)
    out[:, 25] = line_glued / np.maximum(line_glued + line_spaced, 1)
    return out


def _typographic_quote(codes: np.ndarray) -> np.ndarray:
    """Whether each code point is one of `_TYPOGRAPHIC_QUOTES`.

    One comparison against the five quotes: `np.isin` sorts first, which
    costs far more on a page's few candidates.
    """
    return (codes[:, None] == _TYPOGRAPHIC_QUOTES).any(axis=1)


def _ends_sentence_before(page: PageText, at: np.ndarray) -> np.ndarray:
    """Whether the text right before each offset ends a sentence (a closing quote aside)."""
    classes = page.classes
    before = np.maximum(at - 1, 0)
    closing = (classes[before] & CLOSER) != 0
    before = np.where(closing, np.maximum(before - 1, 0), before)
    return (classes[before] & TERMINAL) != 0


def allowed(page: PageText, candidates: Candidates, pieces: Pieces) -> np.ndarray:
    """The hard rules (see the module docstring): which candidates may be breaks at all."""
    at, n = candidates.at, len(candidates.at)
    if not n:
        return np.ones(0, dtype=bool)
    text = page.text
    spaces = np.concatenate(([-1], np.flatnonzero((page.classes & SPACE) != 0), [len(text)]))
    index = np.searchsorted(spaces, at)
    word_start, word_end = spaces[index - 1] + 1, spaces[index]
    # A name-shaped word is still a candidate when both its pieces are words of the page
    # ("Health", "This"): the scorer then decides.
    right_on_page = (
        (pieces.left_count > 0)
        & (pieces.right_count > 0)
        & (pieces.right_end - pieces.right_start >= _NAME_MIN_RIGHT_PIECE)
    )
    pause, camel, sentence = _KIND["pause"], _KIND["camel"], _KIND["sentence"]
    inside, code = _INSIDE_WORD_KINDS, _KIND["code"]
    ok = np.ones(n, dtype=bool)
    rows = zip(
        at.tolist(),
        candidates.kind.tolist(),
        candidates.end.tolist(),
        word_start.tolist(),
        word_end.tolist(),
        pieces.right_end.tolist(),
        right_on_page.tolist(),
        strict=True,
    )
    for i, (split, kind, end, start, stop, right_end, on_page) in enumerate(rows):
        word = text[start:stop]
        if "://" in word or "@" in word or "www." in word.lower() or _JSON.search(word):
            ok[i] = False
        elif kind == sentence:
            ok[i] = _sentence_allowed(text, start, end, split, right_end)
        elif kind in inside:
            word = word[_last_sentence(word, split - start) :]
            cut = split - stop + len(word)
            if _protected(word):
                ok[i] = False
            elif kind == camel:
                ok[i] = on_page or not _name_shaped(word, cut)
        elif kind == pause:
            ok[i] = _pause_allowed(text, start, end, split)
        elif kind == code:  # not inside a placeholder: "{title}", "{{name}}"
            ok[i] = text[split - 1] != "{" or "}" not in text[split:stop]
    return ok


def _last_sentence(word: str, cut: int) -> int:
    """Where the sentence holding the cut at `cut` starts in the word: after the last
    sentence end glued between a lower-case letter and a capital before it, else 0.

    A sentence end glued to a heading glued to the next paragraph
    ("world.ConclusionThe trends") is one word to the whitespace; the cut in
    "ConclusionThe" is judged on that part alone, not as a dotted name.
    """
    end = max(word.rfind(mark, 1, cut - 1) for mark in ".!?")
    if end <= 0 or not (word[end - 1].islower() and word[end + 1].isupper()):
        return 0
    # Only before a plain word: "models.CharField(max_length=128)" is code.
    return end + 1 if word[end + 1 :].rstrip(_CLOSING).isalpha() else 0


def _protected(word: str) -> bool:
    """A hashtag, a dotted name or a code identifier: no cut between two letters splits it."""
    bare = word.lstrip(_OPENING)
    return bare[:1] == "#" or bool(_DOTTED.search(word) or _IDENTIFIER.match(bare))


def _pause_allowed(text: str, start: int, end: int, split: int) -> bool:
    """Not inside a number ("1,000", "10:30") nor after a short prefix ("Re:Publica", "Q:What")."""
    before = text[start:end]
    if before[-1:].isdigit() and text[split].isdigit():
        return False
    return not (len(before) <= 2 and before[:1].isupper())


def _sentence_allowed(text: str, start: int, end: int, split: int, right_end: int) -> bool:
    """A sentence end may be a break unless it ends an abbreviation, an initial or a number,
    or the word after it is glued to a bracket (code: no paragraph starts "Get(");
    and only before a capital (an all-capital word only after a lower-case letter: not
    "ASP.NET", "README.MD") or a digit after a word (a list number: "taste.2. Plant").

    `start` is where the whitespace-separated word holding the join starts,
    `end` the final punctuation, `split` the break, `right_end` the end of
    the first word after it.
    """
    before = text[start:end]
    following = text[split:right_end].lstrip("\"'“„«‘(")
    if text[end] == ".":
        bare = before.lstrip(_OPENING)
        initial = len(bare) == 1 and bare.isalpha()
        if not bare or "." in bare or initial or bare.lower() in ABBREVIATIONS:
            return False
    if text[right_end : right_end + 1] == "(":  # a method call: "models.CharField(", "client.Get("
        return False
    if following[:1].isdigit():
        return before[-1:].isalpha() or before[-1:] in _LIST_NUMBER_AFTER
    if not following[:1].isupper():
        return False
    return len(following) == 1 or not following.isupper() or before[-1:].islower()


def _name_shaped(word: str, split: int) -> bool:
    """A camel-case word shaped like a name ("ThyssenKrupp", "YouTube", "iPhone", "McDonald's"):
    one hump, at most `_NAME_MAX_LETTERS` letters, a short lower-case run before the hump.

    A hump that is a word of one letter ("AppA quick") or, after a longer
    lower-case run, an all-capital word ("BoltPARENT") is no name's: such
    headings glued to the next paragraph were kept whole.
    """
    before = word[:split]
    second = word[split + 1 : split + 2]  # the letter after the hump's capital
    if not second.isalpha():  # "AppA quick": no name
        return False
    word = word.strip("\"'“„«‘(),.;:!?”’»").removesuffix("'s").removesuffix("’s")
    if not word.isalpha() or len(word) > _NAME_MAX_LETTERS:
        return False
    run = 0
    for ch in reversed(before):
        if not ch.islower():
            break
        run += 1
    if word[0].islower() and run > _NAME_MAX_PREFIX:
        return False
    if second.isupper() and run > _NAME_MAX_PREFIX:  # "BoltPARENT", not "iMOVE"
        return False
    humps = sum(1 for a, b in itertools.pairwise(word) if a.islower() and b.isupper())
    return humps == 1 and run < _MIN_GLUED_LOWER_RUN


@dataclass(frozen=True, slots=True)
class BreakScorer:
    """The learned scorer and the probability above which a candidate is a break."""

    ensemble: TreeEnsemble  # all kinds but `lower`
    lower: TreeEnsemble
    threshold: float  # of the other kinds (`decide`)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """The break probability of each candidate (rows of `candidate_features`)."""
        out = np.empty(len(features))
        lower = scored_by_lower(features)
        for rows, ensemble in ((~lower, self.ensemble), (lower, self.lower)):
            if rows.any():
                out[rows] = ensemble.predict_proba(features[rows])
        return out

    def breaks(self, features: np.ndarray) -> np.ndarray:
        """Which candidates are breaks (each kind against its threshold)."""
        return decide(self.probabilities(features), scored_by_lower(features), self.threshold)

    def to_dicts(self) -> dict[str, dict[str, object]]:
        """The ensembles as the model file stores them, by name."""
        return {ENSEMBLE: self.ensemble.to_dict(), LOWER_ENSEMBLE: self.lower.to_dict()}


def decide(probabilities: np.ndarray, lower: np.ndarray, threshold: float) -> np.ndarray:
    """Breaks: the `lower` candidates from `LOWER_THRESHOLD` up, the others from `threshold`."""
    return probabilities >= np.where(lower, LOWER_THRESHOLD, threshold)


def scored_by_lower(features: np.ndarray) -> np.ndarray:
    """Which candidates (rows of `candidate_features`) the `lower` ensemble scores."""
    return features[:, 0] == _KIND["lower"]


@cache
def load_scorer() -> BreakScorer:
    """The shipped scorer (in the text-mode model file), read once per process."""
    data = load_model_file(MODEL_NAME)
    ensembles = [data.ensembles[name] for name in (ENSEMBLE, LOWER_ENSEMBLE)]
    if any(ensemble.feature_names != FEATURE_NAMES for ensemble in ensembles):
        raise RuntimeError(
            f"{MODEL_NAME}.json was trained on other break features; "
            "rerun training/train_text_lines.py"
        )
    return BreakScorer(*ensembles, float(data.settings["break_threshold"]))


def scored_candidates(page: PageText) -> tuple[Candidates, np.ndarray]:
    """The candidates the hard rules allow, and their features."""
    words = PageWords.of(page)
    candidates = find_candidates(page, words)
    if not len(candidates.at):
        return candidates, np.zeros((0, len(FEATURE_NAMES)))
    pieces = word_pieces(page, candidates.at, words)
    keep = allowed(page, candidates, pieces)
    candidates, pieces = candidates.take(keep), pieces.take(keep)
    return candidates, candidate_features(page, candidates, pieces)


def split_page(lines: Sequence[str], scorer: BreakScorer | None = None) -> PageText:
    """The page's arrays, its lines split at their lost paragraph breaks."""
    page = page_text(lines)
    candidates, features = scored_candidates(page)
    if not len(candidates.at):
        return page
    scorer = scorer or load_scorer()
    breaks = scorer.breaks(features)
    return with_breaks(page, candidates.at[breaks])


def split_lines(lines: Sequence[str], scorer: BreakScorer | None = None) -> list[str]:
    """The lines, each split at its lost paragraph breaks, in order."""
    return list(split_page(lines, scorer).lines)
