"""What the article is about: `description`, `section` and `tags`.

These are the page's own words (teaser text, desk, keywords), taken from
OpenGraph, `<meta>` and JSON-LD. Keywords come as repeated `article:tag`
tags, comma-separated `keywords`, or JSON-LD strings or lists; they are
merged, de-duplicated case-insensitively and capped, since some CMSs dump
hundreds of SEO keywords.
"""

from __future__ import annotations

from typing import Any

from presscut.metadata.evidence import PageEvidence
from presscut.metadata.jsonld import text_value
from presscut.segment import normalize_space

MAX_TAGS = 30
_MAX_TAG_CHARS = 60


def description(evidence: PageEvidence) -> str | None:
    """The page's summary: `og:description`, `<meta name=description>`, Twitter, JSON-LD."""
    return evidence.meta.first(
        "og:description", "description", "twitter:description", "dc.description"
    ) or text_value(evidence.article_value("description"))


def section(evidence: PageEvidence) -> str | None:
    """The desk or section ("Politics"): `article:section`, JSON-LD `articleSection`."""
    return evidence.meta.first("article:section", "section", "parsely-section") or text_value(
        evidence.article_value("articleSection")
    )


def _keyword_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list):
        return [part for item in value for part in _keyword_strings(item)]
    found = text_value(value)
    return [found] if found else []


def tags(evidence: PageEvidence) -> tuple[str, ...]:
    """Keywords and tags, in page order, without duplicates."""
    raw = list(evidence.meta.all("article:tag", "og:article:tag"))
    for value in evidence.meta.all("news_keywords", "keywords", "parsely-tags"):
        raw.extend(value.split(","))
    raw.extend(_keyword_strings(evidence.article_value("keywords")))
    seen: set[str] = set()
    out: list[str] = []
    for item in raw:
        tag = normalize_space(item)
        key = tag.casefold()
        if not tag or len(tag) > _MAX_TAG_CHARS or key in seen:
            continue
        seen.add(key)
        out.append(tag)
        if len(out) >= MAX_TAGS:
            break
    return tuple(out)
