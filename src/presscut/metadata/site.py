"""Who published the page: `site_name` and `publisher`.

`og:site_name` is the site's own name for itself; the JSON-LD `publisher`
is the organisation behind it (often the same, sometimes the parent
company). Values that are URLs (Facebook pages in `article:publisher`) are
not names and are skipped.
"""

from __future__ import annotations

from presscut.metadata.evidence import PageEvidence
from presscut.metadata.jsonld import text_value

_MAX_NAME = 100


def _name(value: str | None) -> str | None:
    if not value or len(value) > _MAX_NAME or "://" in value or value.startswith("www."):
        return None
    return value


def publisher_name(evidence: PageEvidence) -> str | None:
    """The publishing organisation, as the page states it (JSON-LD, then `<meta>`)."""
    found = _name(text_value(evidence.article_value("publisher", "sourceOrganization")))
    if found:
        return found
    for value in evidence.meta.all("publisher", "dc.publisher", "dcterms.publisher"):
        if _name(value):
            return value
    return None


def site_name(evidence: PageEvidence) -> str | None:
    """The site's name: `og:site_name`, else the JSON-LD WebSite, publisher or application name."""
    for value in evidence.meta.all("og:site_name"):
        if _name(value):
            return value
    for node in evidence.jsonld.first_of(frozenset({"website"})):
        found = _name(text_value(node.get("name")))
        if found:
            return found
    return publisher_name(evidence) or _name(
        evidence.meta.first("application-name", "apple-mobile-web-app-title")
    )
