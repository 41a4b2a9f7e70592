"""Page metadata: title, authors, dates, site, language, canonical URL and more.

Read from the parsed page before pruning, because JSON-LD lives in
`<script>` elements and most other evidence in `<head>`. `gather` reads each
source once (`evidence.py`); one module per field then weighs the sources:
`title`, `authors`, `dates`, `site`, `urls`, `language`, `topics`.
`resolve_language` runs later, once the body text is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from presscut.metadata.authors import find_authors
from presscut.metadata.dates import find_dates
from presscut.metadata.evidence import gather, locate_headline
from presscut.metadata.language import declared_language, resolve_language
from presscut.metadata.site import fallback_site_name, publisher_name, site_name
from presscut.metadata.title import choose_title
from presscut.metadata.topics import description, section, tags
from presscut.metadata.urls import canonical_url, lead_image


@dataclass(frozen=True, slots=True)
class Metadata:
    """The metadata fields of an `Article`; `None`/empty when the page does not state them."""

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
        """The fields as keyword arguments for `Article`.

        Every value is a string, `None` or a tuple of strings, none of which can change: a
        shallow copy is enough (`dataclasses.asdict` copies deeply, at 20 times the cost).
        """
        return {name: getattr(self, name) for name in _FIELD_NAMES}


_FIELD_NAMES = tuple(field.name for field in dataclass_fields(Metadata))


def extract_metadata(
    tree: LexborHTMLParser, url: str | None = None, *, content_language: str | None = None
) -> Metadata:
    """Metadata of a parsed page. `content_language` is the HTTP header, if known.

    `language` here is the declared one; `resolve_language` checks it against
    the body afterwards.
    """
    evidence = gather(tree, url, content_language)
    declared_site = site_name(evidence)
    title = choose_title(evidence, declared_site)
    locate_headline(evidence, title)
    publisher = publisher_name(evidence)
    published, modified = find_dates(evidence)
    return Metadata(
        canonical_url=canonical_url(evidence),
        title=title,
        # Only a declared site name marks an author as the site: the one read from <title>
        # or the host is, on a personal site, the author's own name.
        authors=find_authors(evidence, (declared_site, publisher)),
        published=published,
        modified=modified,
        site_name=declared_site or fallback_site_name(evidence, title),
        publisher=publisher,
        language=declared_language(evidence),
        description=description(evidence),
        section=section(evidence),
        tags=tags(evidence),
        image=lead_image(evidence),
    )


__all__ = ["Metadata", "extract_metadata", "resolve_language"]
