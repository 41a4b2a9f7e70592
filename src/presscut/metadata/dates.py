"""Publication and modification dates, from the most reliable source that has one.

Sources in order of trust: the JSON-LD article, `<meta>` tags
(`article:published_time` and a dozen CMS variants), microdata, `<time>`
elements, a full date in the URL path, then short visible date lines
("Veröffentlicht am 5. März 2024", "Updated March 6, 2024"). Visible text
is only read from small elements whose class names a date or byline, which
keeps the cost bounded and keeps out the dates of teasers and comments.
A modified date earlier than the published one is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from presscut.metadata.dateparse import PageDate, find_text_date, parse_structured
from presscut.metadata.evidence import PageEvidence
from presscut.metadata.jsonld import text_value

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "published_time",
    "published-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "publication_date",
    "date_published",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "date",
    "datecreated",
    "release_date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "modified_time",
    "last-modified",
    "lastmodified",
    "dc.date.modified",
    "dcterms.modified",
    "article.updated",
    "parsely-updated",
)
_MODIFIED_WORDS = re.compile(
    r"updat|modif|aktualisiert|geändert|mis à jour|actualiz|aggiorn|atualiz|bijgewerkt"
    r"|zaktualizowan|edited|revised",
    re.I,
)
_DATE_ELEMENTS = (
    "[class*='date' i], [class*='publish' i], [class*='posted' i], [class*='byline' i],"
    " [class*='dateline' i], [class*='timestamp' i], [class*='entry-meta' i],"
    " [class*='post-meta' i], [class*='article-meta' i], [id*='date' i], [itemprop*='date' i]"
)
_SKIP_CLASSES = re.compile(r"today|current|copyright|footer|comment|related|event|expir", re.I)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)|[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[/_.-]"
)
_MAX_DATE_TEXT = 160
_MAX_DATE_ELEMENTS = 40


def _first_valid(values: Iterable[str | None]) -> PageDate | None:
    for value in values:
        parsed = parse_structured(value)
        if parsed is not None:
            return parsed
    return None


def _month_first(evidence: PageEvidence) -> bool:
    lang = (evidence.html_lang or "").lower().replace("_", "-")
    return lang in ("en-us", "en") or lang.startswith("en-us")


def _url_date(url: str | None) -> PageDate | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = (
        (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
    )
    return parse_structured(f"{year}-{int(month):02d}-{int(day):02d}")


def _time_elements(evidence: PageEvidence, modified: bool) -> PageDate | None:
    for node in evidence.tree.css("time[datetime]"):
        attrs = node.attributes
        hint = " ".join(filter(None, (attrs.get("class"), attrs.get("itemprop"))))
        if bool(_MODIFIED_WORDS.search(hint)) != modified or _SKIP_CLASSES.search(hint):
            continue
        parsed = parse_structured(attrs.get("datetime"))
        if parsed is not None:
            return parsed
    return None


def _visible_date_lines(evidence: PageEvidence) -> tuple[PageDate | None, PageDate | None]:
    """Dates in short byline/date elements: the first plain one and the first "updated" one."""
    published: PageDate | None = None
    modified: PageDate | None = None
    month_first = _month_first(evidence)
    for node in evidence.tree.css(_DATE_ELEMENTS)[:_MAX_DATE_ELEMENTS]:
        attrs = node.attributes
        if _SKIP_CLASSES.search(attrs.get("class") or ""):
            continue
        text = node.text(deep=True, separator=" ")
        if len(text) > _MAX_DATE_TEXT:
            continue
        found = find_text_date(text, month_first=month_first)
        if found is None:
            continue
        position, value = found
        if _MODIFIED_WORDS.search(text[:position]):
            modified = modified or value
        else:
            published = published or value
        if published is not None and modified is not None:
            break
    return published, modified


def _first(candidates: Iterable[Callable[[], PageDate | None]]) -> PageDate | None:
    for candidate in candidates:
        found = candidate()
        if found is not None:
            return found
    return None


def _not_before(modified: PageDate | None, published: PageDate | None) -> PageDate | None:
    """`modified`, unless it is earlier than `published` (then it is wrong)."""
    if modified is None or published is None:
        return modified
    a, b = modified.instant(), published.instant()
    if a is not None and b is not None:
        return modified if a >= b else None
    return modified if modified.day >= published.day else None


def find_dates(evidence: PageEvidence) -> tuple[str | None, str | None]:
    """(published, modified) as ISO 8601 strings, or `None` each."""
    meta, micro = evidence.meta, evidence.microdata
    visible: list[tuple[PageDate | None, PageDate | None]] = []

    def visible_lines() -> tuple[PageDate | None, PageDate | None]:
        if not visible:
            visible.append(_visible_date_lines(evidence))
        return visible[0]

    published = _first(
        (
            lambda: _first_valid(
                [text_value(evidence.article_value("datePublished", "dateCreated", "uploadDate"))]
            ),
            lambda: _first_valid(meta.all(*_PUBLISHED_META)),
            lambda: _first_valid(micro.get("datepublished", []) + micro.get("datecreated", [])),
            lambda: _time_elements(evidence, modified=False),
            lambda: _url_date(evidence.url),
            lambda: visible_lines()[0],
        )
    )
    modified = _first(
        (
            lambda: _first_valid([text_value(evidence.article_value("dateModified"))]),
            lambda: _first_valid(meta.all(*_MODIFIED_META)),
            lambda: _first_valid(micro.get("datemodified", [])),
            lambda: _time_elements(evidence, modified=True),
            lambda: visible_lines()[1],
        )
    )
    modified = _not_before(modified, published)
    return (
        published.iso() if published else None,
        modified.iso() if modified else None,
    )
