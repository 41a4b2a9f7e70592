"""Bylines and date lines: metadata, not body.

A short line that opens with a byline word ("By", "Von", "Par", "Por"...)
followed by capitalised names gives the authors; a short line that is
mostly a date ("Published: Jan 29, 2025", "29. Januar 2025, 10:42 Uhr")
gives the publication date. Both parsers run only on the few lines of a
page that can be bylines or date lines (`_metadata_lines` in
`presscut.text`), found from the page's arrays.
"""

from __future__ import annotations

import re

from presscut.metadata.authors import NAME_PARTICLES
from presscut.metadata.dateparse import find_text_date

_BYLINE_OPENERS = (
    "by von par por di door av autor autorin author written_by text reporting_by texte texto "
    "testo tekst"
).split()
BYLINE_WORDS = frozenset(opener.split("_")[0] for opener in _BYLINE_OPENERS)
"""The first word of every byline: lines that start otherwise are not looked at."""
_BYLINE = re.compile(
    r"^(?:" + "|".join(o.replace("_", " ") for o in _BYLINE_OPENERS) + r")\b\s*:?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
MAX_BYLINE_WORDS = 12
MAX_DATELINE_WORDS = 10
MAX_DATELINE_CHARS = 100
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b)\s*")
_MAX_NAME_WORDS = 5
_NAME = re.compile(rf"^(?:[^\W\d_][\w'’.-]*)(?:\s+[^\W\d_][\w'’.-]*){{0,{_MAX_NAME_WORDS - 1}}}$")
_DIGIT = re.compile(r"\d")
DATE_WORDS = frozenset(
    "published updated posted on at am um uhr le la el il op on veröffentlicht aktualisiert "
    "publié publicado publicada pubblicato gepubliceerd opublikowano mis à jour actualizado "
    "aggiornato atualizado bijgewerkt zaktualizowano last modified date datum fecha data "
    "de del der den am pm gmt utc cet cest est edt pst bst hs h first originally zuerst "
    "erstmals initialement primera vez".split()
)
"""Words that may stand around a date on a date line, in any covered language."""
MAX_DATELINE_OTHER_WORDS = 2
"""Words a date line may hold besides `DATE_WORDS` and the date: a month name and a weekday."""
_WORD = re.compile(r"[^\W\d_]+")


def byline_authors(line: str) -> tuple[str, ...] | None:
    """The authors named by a byline line, or None when the line is not a byline."""
    if line.count(" ") >= MAX_BYLINE_WORDS:
        return None
    match = _BYLINE.match(line)
    if match is None:
        return None
    names_part = match["names"]
    found = find_text_date(names_part)
    if found is not None:
        names_part = names_part[: found[0]]
    names_part = re.split(r"\s*[|–—·]\s*|\s+-\s+", names_part)[0]
    authors = []
    for name in _NAME_SPLIT.split(names_part):
        name = name.strip(" .,:;")
        if not name:
            continue
        if not _NAME.match(name) or not _capitalised(name.split()):
            return None
        authors.append(name)
    return tuple(authors) or None


def _capitalised(words: list[str]) -> bool:
    """Whether `words` are written as a name: capitalised but for particles, the last one too,
    and five words only with a particle ("Juan Carlos de la Fuente")."""
    particles = sum(not w[:1].isupper() for w in words)
    return (
        words[-1][:1].isupper()
        and (len(words) < _MAX_NAME_WORDS or particles > 0)
        and all(w[:1].isupper() or w.casefold() in NAME_PARTICLES for w in words)
    )


def dateline_date(line: str) -> str | None:
    """The ISO date of a line that is (mostly) a date, else None."""
    if len(line) > MAX_DATELINE_CHARS or line.count(" ") >= MAX_DATELINE_WORDS:
        return None
    if _DIGIT.search(line) is None:
        return None
    words = [w for w in _WORD.findall(line.lower()) if w not in DATE_WORDS]
    # More words than a month name and a weekday make a sentence with a date in it.
    # (Checked first: it is cheaper than looking for the date, and most short lines fail it.)
    if len(words) > MAX_DATELINE_OTHER_WORDS:
        return None
    found = find_text_date(line)
    return None if found is None else found[1].iso()
