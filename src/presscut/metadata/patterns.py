"""Building blocks of the regular expressions that the field modules share."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of `words` (longest first), grouped by first letter.

    It tries the same alternatives in the same order as a flat "january|february|…",
    but the engine reads the rest of a word only after its first letter
    matched. Python's engine tries every branch of a case-insensitive
    alternation in turn (it skips a branch on its first letter only when the
    match is case-sensitive): month names and byline labels, tried at every
    word or line of a page, cost most of the time of reading dates and
    bylines from its text that way. The first letters of `words` must differ
    in more than case (they do when the words are written in lower case).
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: len(re.escape(w)), reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())
