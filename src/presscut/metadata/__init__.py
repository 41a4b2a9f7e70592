"""Page metadata: title, authors, dates, site, language, canonical URL and more.

Read from the parsed page before pruning, because JSON-LD lives in
`<script>` elements and most other evidence in `<head>`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from presscut.segment import normalize_space


@dataclass(frozen=True, slots=True)
class Metadata:
    canonical_url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    language: str | None = None
    description: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None

    def fields(self) -> dict[str, Any]:
        return asdict(self)


def _meta_content(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = normalize_space(node.attributes.get("content") or "")
    return value or None


def extract_metadata(tree: LexborHTMLParser, url: str | None = None) -> Metadata:
    """Metadata of a parsed page (placeholder: title only, see issue #4)."""
    title = _meta_content(tree, "meta[property='og:title']")
    if title is None:
        node = tree.css_first("title")
        if node is not None:
            title = normalize_space(node.text()) or None
    return Metadata(title=title)


def resolve_language(declared: str | None, text: str) -> str | None:
    """The body's language (placeholder: the declared one, see issue #4)."""
    return declared
