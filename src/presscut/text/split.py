"""Restore paragraph breaks that a bad HTML-to-text conversion lost.

When a converter joins two block elements without any separator, the end
of one paragraph runs straight into the start of the next:
"…read the full story.Police said on Monday…". Two patterns give such a
join away, and each is checked against the things that legitimately look
the same:

1. *A sentence end directly followed by a capitalised word* ("story.Police",
   'said."The', "ok?Then", "look forward to.HANDS-ON"). Not a break: abbreviations and initials
   ("U.S.", "e.g.", "J.R.R. Tolkien", "Dr."), decimals and versions ("3.5",
   "v2.0"), domains, file names, URLs and e-mail addresses ("Amazon.com",
   "Node.js", "www.Example.org", "a.b@Example.org"), and all-capital
   tokens such as ".NET" or "README.MD".
2. *A heading glued to its paragraph*: a lower-case letter directly followed
   by a capitalised word ("Personalized nutritionThose who…"). Brand names
   do this too ("iPhone", "YouTube", "JavaScript", "LinkedIn",
   "ThyssenKrupp"), so it only counts after a run of at least seven
   lower-case letters ("nutritionThose", "AdditionSubtraction"), which camel
   case names almost never have.
3. *Other tell-tale joins*: an opening quote straight after a word
   ('chief economist“We are'), a list dash after a sentence end
   ("inspections.- Contractor licensing"), a price straight after a word
   ("Gold Hoops$75").
"""

from __future__ import annotations

import bisect
import itertools
import re

# Each pattern starts with a character class, which `re` scans for quickly;
# one alternation of them all would be tried at every position, five times
# slower. None can match across a line break.
_SENTENCE_END = re.compile(r"(?P<end>[.!?…])(?P<close>[\"'”’»)\]]*)(?P<open>[\"“„«‘(]?)(?=\w)")
_CAMEL = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ])(?=[a-zß-öø-ÿ])")
_OTHER_JOINS = (
    re.compile(r"[“„](?<=[^\W\d_][“„])(?=[^\W\d_])"),  # word“Quote
    re.compile(r"[-•–](?<=[.!?:][-•–])(?= \w)"),  # end.- list item
    re.compile(r"[$€£](?<=[a-z][$€£])(?=\d)"),  # word$75
)
_ALL = (_SENTENCE_END, _CAMEL, *_OTHER_JOINS)
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
_MIN_SHOUTED = 4  # letters of an all-capital word that starts a glued paragraph
_MIN_GLUED_LOWER_RUN = 7  # lower-case letters right before a lower→Upper join
_URLISH = ("://", "www.", "@")
# Words are looked at through a window this wide, so that a 10 MB line with no
# spaces costs linear time, not quadratic.
_MAX_WORD = 80


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at `end` (at most `_MAX_WORD` of them).

    Lines are space-normalised, so a plain space is the only separator.
    """
    low = max(end - _MAX_WORD, 0)
    space = text.rfind(" ", low, end)
    return text[(space + 1 if space >= 0 else low) : end]


def _word_after(text: str, start: int) -> str:
    stop = text.find(" ", start, start + _MAX_WORD)
    return text[start : stop if stop >= 0 else start + _MAX_WORD]


def _capitalised(word: str) -> bool:
    """'Police', 'Über', 'I', 'A': a word that can start a sentence (not 'NET', 'js', '3D')."""
    letters = word.rstrip(".,;:!?\"'”’»)…")
    if not letters or not letters[0].isupper():
        return False
    if len(letters) == 1:
        return letters in "AI" or not letters.isalpha()
    return letters[1].islower()


def _shouted(word: str) -> bool:
    """'HANDS-ON', 'BERLIN': an all-capital word of four letters or more."""
    letters = word.rstrip(".,;:!?\"'”’»)…").split("-")[0]
    return len(letters) >= _MIN_SHOUTED and letters.isalpha() and letters.isupper()


def _sentence_break(text: str, match: re.Match[str], quotes_before: int) -> int | None:
    """Where to break for a sentence-end candidate, or None when it is no break.

    `quotes_before` is the number of straight double quotes before the match.
    """
    end = match.start("end")
    after = match.end()
    before = _word_before(text, end)
    next_word = _word_after(text, after)
    shouted = _shouted(next_word) and before[-1:].islower()
    if not (_capitalised(next_word) or shouted):
        return None
    run = before + _word_after(text, end)
    if any(marker in run for marker in _URLISH):
        return None
    if match["end"] == ".":
        bare = before.lstrip("\"'“„«‘([")
        if not bare or "." in bare or len(bare) == 1 or bare.lower() in ABBREVIATIONS:
            return None
    if match["close"] == '"' or match["open"] == '"':
        # A straight quote closes the paragraph when an odd number of them precede it.
        quote = match.start("close") if match["close"] else match.start("open")
        if quotes_before % 2 == 1:
            return quote + 1
        return quote
    return match.start("open") if match["open"] else after


def _heading_break(text: str, at: int) -> int | None:
    start = at
    limit = max(at - _MAX_WORD, 0)
    while start > limit and text[start - 1].islower():
        start -= 1
    return at if at - start >= _MIN_GLUED_LOWER_RUN else None


def split_fused(line: str) -> list[str]:
    """Split one line at its lost paragraph breaks (see the module docstring)."""
    found: list[int | None] = []
    quotes, counted_to = 0, 0
    for match in _SENTENCE_END.finditer(line):
        quotes += line.count('"', counted_to, match.start())
        counted_to = match.start()
        found.append(_sentence_break(line, match, quotes))
    found.extend(_heading_break(line, match.start()) for match in _CAMEL.finditer(line))
    for pattern in _OTHER_JOINS:
        found.extend(match.start() for match in pattern.finditer(line))
    breaks = sorted({at for at in found if at is not None and 0 < at < len(line)})
    if not breaks:
        return [line]
    pieces, start = [], 0
    for at in breaks:
        pieces.append(line[start:at].strip())
        start = at
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def split_lines(lines: list[str]) -> list[str]:
    """`split_fused` over a page's lines, keeping their order.

    One scan of the whole page finds the few lines with a candidate join
    (no candidate can span two lines), so the others cost nothing.
    """
    joined = "\n".join(lines)
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    suspects = {
        bisect.bisect_right(starts, m.start()) - 1
        for pattern in _ALL
        for m in pattern.finditer(joined)
    }
    if not suspects:
        return list(lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in suspects:
            out.extend(split_fused(line))
        else:
            out.append(line)
    return out
