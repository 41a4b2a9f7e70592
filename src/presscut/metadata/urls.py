"""URLs of the page: its canonical address and its lead image, absolute and clean.

A canonical URL is for citing and deduplicating, so it is resolved against
the page URL and stripped of tracking parameters (`utm_*`, `fbclid`...)
that make one article look like many. A canonical that sends an article to
the site's front page (a common template bug) is ignored.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from presscut.metadata.evidence import PageEvidence

_TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid"
    r"|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|ncid|ocid"
    r"|cmpid|wt_mc|wt\.mc_id|at_medium|at_campaign|at_custom\d|xtor|s_cid|sr_share|ref_src"
    r"|ref_url|smid|spm|__twitter_impression)$",
    re.I,
)


def strip_tracking(url: str) -> str:
    """The URL without tracking query parameters and without a fragment."""
    parts = urlsplit(url)
    query = parts.query
    if query:
        kept = [
            (k, v)
            for k, v in parse_qsl(query, keep_blank_values=True)
            if not _TRACKING_PARAMS.match(k)
        ]
        query = urlencode(kept, doseq=True)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def absolute_url(value: str | None, base: str | None) -> str | None:
    """`value` resolved against `base`; `None` unless the result is an http(s) URL."""
    if not value:
        return None
    value = value.strip()
    try:
        resolved = urljoin(base, value) if base else value
        parts = urlsplit(resolved)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in parts.netloc:
        return None
    return resolved


def _is_front_page(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


def _jsonld_url(evidence: PageEvidence) -> str | None:
    """The address the JSON-LD article or its WebPage gives itself: the article's `url` or
    `mainEntityOfPage` (a URL or a WebPage node), else the WebPage's `url` (SEO plugins
    describe the page in an `@graph` without `<link rel=canonical>` or `og:url`)."""
    for node in (evidence.article, evidence.webpage):
        if node is None:
            continue
        for key in ("url", "mainEntityOfPage"):
            value = evidence.jsonld.resolve(node.get(key))
            if isinstance(value, dict):
                value = value.get("url") or value.get("@id")
            if isinstance(value, str) and value.strip():
                return value
    return None


def canonical_url(evidence: PageEvidence) -> str | None:
    """`<link rel=canonical>`, else `og:url`, else the JSON-LD's own URL (`_jsonld_url`):
    absolute and untracked; `None` if the page has none."""
    page_url = absolute_url(evidence.url, None)
    for candidate in (
        evidence.meta.link("canonical"),
        evidence.meta.first("og:url"),
        _jsonld_url(evidence),
    ):
        resolved = absolute_url(candidate, page_url)
        if resolved is None:
            continue
        if page_url and _is_front_page(resolved) and not _is_front_page(page_url):
            continue
        return strip_tracking(resolved)
    return None


def _image_value(value: Any) -> str | None:
    if isinstance(value, list):
        for item in value:
            found = _image_value(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return _image_value(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return value if isinstance(value, str) else None


def lead_image(evidence: PageEvidence) -> str | None:
    """The lead image: `og:image`, Twitter card, JSON-LD `image`, microdata `image`,
    `<link rel=image_src>`."""
    base = absolute_url(evidence.url, None)
    candidates = [
        *evidence.meta.all("og:image:secure_url", "og:image", "og:image:url"),
        *evidence.meta.all("twitter:image", "twitter:image:src"),
        _image_value(evidence.article_value("image", "thumbnailUrl")),
        *evidence.microdata.get("image", [])[:1],
        evidence.meta.link("image_src"),
    ]
    for candidate in candidates:
        resolved = absolute_url(candidate, base)
        if resolved:
            return resolved
    return None
