"""Authors as clean names: no "By", no roles, dates, bios or duplicates.

Bylines come from JSON-LD `author` (Person or Organization, possibly via an
`@id` reference), microdata, `<meta name=author>` and friends, `rel=author`
links and byline elements. They are written for readers ("By Jane Doe and
John Roe, Staff Writers | Updated 5 March"), so each is split into names
on commas, "and" and its equivalents in the supported languages, and
every part that is not a name (a role, a date, a URL, an e-mail, a
credential such as "PhD") is dropped. News agencies and desks ("Reuters",
"dpa") are kept: they are the byline the page gives.
"""

from __future__ import annotations

import re
from typing import Any

from presscut.metadata.evidence import PageEvidence
from presscut.metadata.jsonld import text_value
from presscut.segment import normalize_space

_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|reporting|story|words|text|photos?|edited)\s+by"
    r"|by|von|par|por|di|door|przez|autor(?:in|a|e)?|authors?|auteur|autore|redakcja|text|texto"
    r"|testo|tekst|redaktion)\s*[:\-–]?\s+",
    re.I,
)
_SPLIT = re.compile(
    r"\s*(?:[,;&|/•·]|\s(?:and|und|et|y|e|i|en|og|och|oraz|und|with|mit|avec|con|com|met|z)\s)\s*",
    re.I,
)
_ROLE_WORDS = frozenset(
    """
    staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors contributing columnist columnists senior chief associate deputy
    managing executive news desk freelance journalist journalists author authors editorial team
    photographer photographers producer producers analyst guest special bureau political
    international national foreign science health business sports culture tech technology
    redakteur redakteurin korrespondent korrespondentin autor autorin redaktion journaliste
    journalist rédacteur rédactrice envoyé envoyée spécial spéciale corresponsal redactor
    redactora periodista giornalista inviato inviata corrispondente redattore jornalista
    repórter correspondente redacteur verslaggever correspondent dziennikarz dziennikarka
    redaktor korespondent updated published posted on at the of for in
    """.split()
)
_CREDENTIAL = re.compile(
    r"^(?:ph\.?\s?d|m\.?\s?d|d\.?o|r\.?n|m\.?s|m\.?a|b\.?a|b\.?s|m\.?b\.?a|r\.?d|l\.?d|"
    r"m\.?p\.?h|c\.?p\.?a|j\.?d|esq|jr|sr|ii|iii|iv|dipl|mba|fand|cscs|msc|bsc|ma|ms|rdn|cdn|"
    r"ibclc|ccc|facc|facp|faap)\.?$",
    re.I,
)
_NOT_NAME = re.compile(r"\d|https?:|www\.|@|\.(?:com|org|net)\b|[<>{}=#?!]", re.I)
_MAX_NAME_CHARS = 60
_MAX_NAME_WORDS = 6
_MAX_BYLINE_CHARS = 200
_BYLINE_SELECTOR = (
    "[rel~='author'], [class*='byline' i], [class*='author-name' i], [class*='author__name' i],"
    " [class*='authorname' i], [class*='article-author' i], [class*='post-author' i],"
    " [class*='entry-author' i], [id*='byline' i]"
)


def _clean_part(part: str) -> str | None:
    part = part.strip(" \t-–—:·•,.()[]\"'“”«»")
    part = _PREFIX.sub("", part).strip(" -–—:,.")
    if not part or len(part) > _MAX_NAME_CHARS or _NOT_NAME.search(part):
        return None
    if _CREDENTIAL.match(part):
        return None
    words = part.split()
    if len(words) > _MAX_NAME_WORDS:
        return None
    if all(w.lower().strip(".,") in _ROLE_WORDS for w in words):
        return None
    if not any(ch.isalpha() for ch in part):
        return None
    return part


def split_byline(byline: str) -> list[str]:
    """The names in one byline string ("By Jane Doe and John Roe, Staff Writers")."""
    byline = normalize_space(byline)
    if not byline or len(byline) > _MAX_BYLINE_CHARS:
        return []
    byline = _PREFIX.sub("", byline)
    names = []
    for part in _SPLIT.split(byline):
        cleaned = _clean_part(part)
        if cleaned:
            names.append(cleaned)
    return names


def _unique(names: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = "".join(ch for ch in name.casefold() if ch.isalnum())
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


def _jsonld_names(evidence: PageEvidence, value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        item = evidence.jsonld.resolve(item)
        name = text_value(item.get("name")) if isinstance(item, dict) else text_value(item)
        if name:
            names.extend(split_byline(name))
    return names


def _meta_names(evidence: PageEvidence) -> list[str]:
    names = []
    for value in evidence.meta.all(
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "citation_author",
        "cxenseparse:author",
        "twitter:creator",
    ):
        names.extend(split_byline(value))
    return names


def _byline_names(evidence: PageEvidence) -> list[str]:
    names = []
    for node in evidence.tree.css(_BYLINE_SELECTOR)[:8]:
        text = node.text(deep=True, separator=" ")
        if len(text) <= _MAX_BYLINE_CHARS:
            names.extend(split_byline(text))
        if names:
            break
    return names


def find_authors(evidence: PageEvidence) -> tuple[str, ...]:
    """The page's authors, from its most reliable source that names any."""
    jsonld_author = evidence.article_value("author", "creator")
    sources = (
        lambda: _jsonld_names(evidence, jsonld_author) if jsonld_author else [],
        lambda: [n for v in evidence.microdata.get("author", []) for n in split_byline(v)],
        lambda: _meta_names(evidence),
        lambda: _byline_names(evidence),
    )
    for source in sources:
        names = _unique(source())
        if names:
            return names
    return ()
