"""`<meta>` and `<link>` tags: OpenGraph, Twitter cards, Dublin Core, `<meta name>`.

Every tag is read once (the attributes of the elements the single CSS query of
`evidence.gather` finds) into a map from lower-cased key (`property`, `name`, `itemprop`
or `http-equiv`) to its values in document order. The field modules then ask
for keys by priority; a repeated key (two `og:title`s) keeps every value so
that the caller takes the first valid one instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from presscut.segment import normalize_space

_KEY_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")


@dataclass(frozen=True, slots=True)
class MetaTags:
    """Values of the page's `<meta>` tags and `<link rel>` hrefs, keyed in lower case."""

    values: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)

    def first(self, *keys: str) -> str | None:
        """The first non-empty value of the first key that has one (keys in priority order)."""
        for key in keys:
            for value in self.values.get(key, ()):
                if value:
                    return value
        return None

    def all(self, *keys: str) -> list[str]:
        """Every non-empty value of the keys, in key order then document order."""
        return [value for key in keys for value in self.values.get(key, ()) if value]

    def link(self, rel: str) -> str | None:
        """The first `href` of a `<link rel=...>` with that relation."""
        hrefs = self.links.get(rel)
        return hrefs[0] if hrefs else None


def collect_meta(
    metas: Iterable[Mapping[str, str | None]], links: Iterable[Mapping[str, str | None]]
) -> MetaTags:
    """Index the page's `<meta content>` and `<link rel href>` elements, given by their
    attributes, by key."""
    values: dict[str, list[str]] = {}
    for attrs in metas:
        content = normalize_space(attrs.get("content") or "")
        if not content:
            continue
        for attribute in _KEY_ATTRIBUTES:
            key = attrs.get(attribute)
            if key:
                for part in key.lower().split():
                    values.setdefault(part, []).append(content)
    hrefs: dict[str, list[str]] = {}
    for attrs in links:
        href = (attrs.get("href") or "").strip()
        if href:
            for rel in (attrs.get("rel") or "").lower().split():
                hrefs.setdefault(rel, []).append(href)
    return MetaTags(values, hrefs)
