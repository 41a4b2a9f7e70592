"""Publication and modification dates, from the most reliable source that has one.

Sources in order of trust: the JSON-LD article, `<meta>` publication keys
(`article:published_time` and a dozen CMS variants, then any key naming a
publication date), the JSON-LD WebPage; only a date printed beside the
headline that is earlier than theirs overrides them (`_shown_if_earlier`: a
re-stamped `datePublished`). Without any of them, the weaker
sources (microdata, `<time datetime>` elements, a full date in the URL path,
"/2024/03/05/" or "/2024/mar/05/", a generic `<meta name=date>`) are checked
against the text around the headline, where themes print "Veröffentlicht am
5. März 2024 · Aktualisiert am 7. März" (below it or, when the text around it
has no date, in the few lines just above it): the printed date decides
between them. The first short line of the page that holds a date is the last
resort (after the headline first, since site headers above it print today's
date). A date after "Updated" and its equivalents is a modification. A printed
date keeps the time printed after it ("7 grudnia 2025 r., 14:30"), and a day-only
source confirmed by it (the URL's) takes that time.
Ambiguous numeric dates (03/05/2024) are month-first on English pages when
slashed, and also when dashed (03-05-2024) on pages declaring a US locale,
unless another source gives the other reading. A UTC timestamp a day off the
full date in the URL gives way to it (the permalink has the local day). A
modified date earlier than the published one is dropped; a page that states
only when it was updated gives that date as its publication date too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from presscut.metadata.dateparse import MONTHS, PageDate, find_text_date, parse_structured
from presscut.metadata.evidence import (
    PageEvidence,
    headline_texts,
    page_texts,
    text_before,
    visible_text,
)
from presscut.metadata.jsonld import text_value, type_names

_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
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
    "citation_publication_date",
    "citation_date",
)
# Keys that name some date of the page, often the last change ("DC.date"): weaker than a
# publication date printed beside the headline.
_WEAK_PUBLISHED_META = ("dc.date", "dcterms.date", "date", "release_date")
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "modified_time",
    "last-modified",
    "lastmodified",
    "dc.date.modified",
    "dcterms.modified",
    "article.updated",
    "parsely-updated",
)
# A thread's "Last post" (forum software prints it beside the title) is its latest reply.
_MODIFIED_WORDS = re.compile(
    r"updat|modif|aktualisiert|geändert|mis à jour|actualiz|aggiorn|atualiz|bijgewerkt"
    r"|zaktualizowan|aktualizacj|edited|revised|last (?:post|reply)|letzte[rs]? (?:beitrag|antwort)"
    r"|dernier message|último mensaje",
    re.I,
)
# Labels of the date a user joined the site, not of the page.
_MEMBER_WORDS = re.compile(
    r"(?:joined|registered|member since|founded|beigetreten|registriert|mitglied seit|inscrit"
    r"|inscription|registrado|miembro desde|iscritto|dołączył)\W*$",
    re.I,
)
_SKIP_CLASSES = re.compile(r"today|current|copyright|footer|comment|related|event|expir", re.I)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)|[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"
)
# "/2025/dec/05/", "/2023/october/03/": the month's name as a path segment of its own.
_URL_NAMED_MONTH = re.compile(r"/((?:19|20)\d{2})/([^\W\d_]{3,12})/(\d{1,2})(?=[/_-]|$)")
# Any other key naming a publication, but not the last one ("cdc:last_published": the last
# time the page was published again, a modification).
_OTHER_PUBLISHED_KEY = re.compile(
    r"^(?!.*(?:modif|updat|expir|end|last)).*(?:publish|pubdate|issued|created)"
)
_OTHER_MODIFIED_KEY = re.compile(r"modif|updated")
# Items that users post, whose `datePublished` Q&A sites and forums stamp anew.
_POSTED_TYPES = frozenset({"question", "qapage", "discussionforumposting"})
# `<meta itemprop=...>` is microdata, read (with its item) by the microdata source.
_MICRODATA_KEYS = frozenset({"datepublished", "datecreated", "datemodified"})
_MAX_DATE_TEXT = 160
_CONTEXT_CHARS = 40
_MAX_DATE_ELEMENTS = 40
# Every supported written date has a four-digit year: date lines are found from their years
# (digits around one are checked after: faster). One pattern per century, each led by its
# literal digits, which the engine finds by a plain character scan: over a whole body's text,
# a third of the time of "(?:19|20)\d\d", which the engine tries at every "1" and "2".
_YEARS = (re.compile(r"19\d\d"), re.compile(r"20\d\d"))
_MIN_DATE_LINE, _MAX_DATE_LINE = 6, 80
# A date on a line (a text node) longer than this is in a sentence of the article's first
# paragraph, which the text around the headline reaches: "was opened on 18 October 2021".
_MAX_PROSE_FREE_LINE = 200
# A date line is a few words ("Published: 28 Apr, 2020 CET."); a line of more that ends with a
# full stop is a sentence.
_MAX_DATE_LINE_WORDS = 12
_MONTH_FIRST_LOCALES = ("en-us", "en-ca", "en-ph")
_MAX_DATE_LINES = 200
_BEFORE_HEADLINE_CHARS = 200
_MAX_MONTH = 12


def _other_meta(evidence: PageEvidence, modified: bool) -> list[str]:
    """Values of CMS-specific `<meta>` keys that name a date ("w-published-date")."""
    pattern = _OTHER_MODIFIED_KEY if modified else _OTHER_PUBLISHED_KEY
    return [
        value
        for key, values in evidence.meta.values.items()
        if pattern.search(key) and key not in _MICRODATA_KEYS
        for value in values
    ]


def _earliest(values: Iterable[str | None], us_dashes: bool) -> PageDate | None:
    """The earliest valid date: `dateCreated` before a re-stamped `datePublished` (Q&A sites)."""
    parsed = (parse_structured(value, us_dashes=us_dashes) for value in values)
    dates = [d for d in parsed if d is not None]
    return min(dates, key=lambda d: d.day) if dates else None


def _in_page_time_zone(chosen: PageDate | None, evidence: PageEvidence) -> PageDate | None:
    """The same instant as a `<time>` element writes it, when that one has the local offset.

    JSON-LD and `<meta>` often give UTC while the page shows local time; the
    local day is the one readers see ("published on the 18th" at 23:00 UTC-5).
    """
    if chosen is None or chosen.offset != "+00:00":
        return chosen
    local = _time_elements(evidence, modified=False)
    if local is None or local.offset in (None, "+00:00"):
        return chosen
    return local if local.instant() == chosen.instant() else chosen


def _on_url_day(chosen: PageDate | None, url: str | None) -> PageDate | None:
    """The full date in the URL, when `chosen` is a UTC timestamp of the day before or after.

    CMSs build permalinks ("/2019/01/01/") from the local date, the day the
    readers saw; a UTC timestamp falls on another day near midnight.
    """
    if chosen is None or chosen.offset != "+00:00":
        return chosen
    local = _url_date(url)
    return local if local is not None and abs((local.day - chosen.day).days) == 1 else chosen


def _first_valid(values: Iterable[str | None], us_dashes: bool) -> PageDate | None:
    for value in values:
        parsed = parse_structured(value, us_dashes=us_dashes)
        if parsed is not None:
            return parsed
    return None


def _month_first(evidence: PageEvidence) -> bool:
    """Whether 03/05/2024 means March 5: US English, and English pages not marked otherwise."""
    lang = (evidence.html_lang or "").lower().replace("_", "-")
    return not lang or lang == "en" or lang.startswith(_MONTH_FIRST_LOCALES)


def _us_dashes(evidence: PageEvidence) -> bool:
    """Whether 03-05-2024 means March 5 too: the page declares a month-first locale
    (`<html lang="en-US">`, `og:locale` en_US), not just English."""
    declared = (evidence.html_lang or "", evidence.meta.first("og:locale") or "")
    return any(v.lower().replace("_", "-").startswith(_MONTH_FIRST_LOCALES) for v in declared)


def _url_date(url: str | None) -> PageDate | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match:
        year, month, day = (
            (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
        )
        return parse_structured(f"{year}-{int(month):02d}-{int(day):02d}")
    named = _URL_NAMED_MONTH.search(url)
    month_number = MONTHS.get(named[2].lower()) if named else None
    if named is None or month_number is None:
        return None
    return parse_structured(f"{named[1]}-{month_number:02d}-{int(named[3]):02d}")


def _time_elements(evidence: PageEvidence, modified: bool) -> PageDate | None:
    """The first `<time datetime>` of the wanted kind ("Updated <time>" is a modification)."""
    for node in evidence.time_nodes[:_MAX_DATE_ELEMENTS]:
        attrs = node.attributes
        hint = " ".join(filter(None, (attrs.get("class"), attrs.get("itemprop"))))
        if _SKIP_CLASSES.search(hint):
            continue
        parent = node.parent
        if parent is not None:
            context = parent.text(deep=True)
            if len(context) <= _MAX_DATE_TEXT:
                hint += " " + context
        if bool(_MODIFIED_WORDS.search(hint)) != modified:
            continue
        parsed = parse_structured(attrs.get("datetime"), us_dashes=_us_dashes(evidence))
        if parsed is not None:
            return parsed
    return None


DatePair = tuple[PageDate | None, PageDate | None]


def _dates_in_text(text: str, month_first: bool, us_dashes: bool, before: str = "") -> DatePair:
    """(published, modified) written in a short text: a date after "Updated" is a
    modification, one after "Member since" or "Joined:" (a user profile's, beside a forum
    post or an author's bio) none, nor one in a line as long as a paragraph (the event a
    sentence tells of). `before` is the text that precedes `text` on the page, where that
    label may stand on a line of its own."""
    published: PageDate | None = None
    modified: PageDate | None = None
    start = 0
    for _ in range(2):
        found = find_text_date(
            text, month_first=month_first, us_dashes=us_dashes, start=start, with_time=True
        )
        if found is None:
            break
        position, value = found
        context = text[max(start, position - _CONTEXT_CHARS) : position]
        label = (before + text[:position])[-_CONTEXT_CHARS:]
        if _MEMBER_WORDS.search(label) or _in_prose(text, position):
            pass  # when someone joined the site, or a date in a sentence: no date of the page
        elif _MODIFIED_WORDS.search(context):
            modified = modified or value
        else:
            published = published or value
        start = position + 1
    return published, modified


def _in_prose(text: str, position: int) -> bool:
    """Whether the line of `text` holding `position` is longer than `_MAX_PROSE_FREE_LINE`,
    or is a sentence: many words ending with a full stop (a photo caption under the headline,
    "Doctors examine a child at the hospital in Gaza City on Oct. 21, 2023.")."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : len(text) if end < 0 else end]
    if len(line) > _MAX_PROSE_FREE_LINE:
        return True
    line = line.rstrip()
    return line.endswith(".") and len(line.split()) > _MAX_DATE_LINE_WORDS


def _near_headline(evidence: PageEvidence) -> DatePair:
    """Dates in the text around the `<h1>`: most themes print the date beside the headline."""
    found = _beside_headline(evidence)
    if found != (None, None):
        return found
    month_first, us_dashes = _month_first(evidence), _us_dashes(evidence)
    # The date line printed just above the headline, where the text around it has none.
    before = text_before(evidence.headline_node, _BEFORE_HEADLINE_CHARS)
    return _dates_in_text(before, month_first, us_dashes)


def _beside_headline(evidence: PageEvidence, headline: str = "") -> DatePair:
    """Dates in the nearest text around the `<h1>` that holds one, with `headline` (the
    headline's own text) left out of it."""
    month_first, us_dashes = _month_first(evidence), _us_dashes(evidence)
    for text in headline_texts(evidence):
        if headline:
            text = text.replace(headline, "\n")
        found = _dates_in_text(text, month_first, us_dashes)
        if found != (None, None):
            return found
    return None, None


def _shown_if_earlier(evidence: PageEvidence, published: PageDate) -> PageDate:
    """The publication date printed beside the headline when it is earlier than the
    structured one `published`, else `published`.

    A structured publication date later than the date the reader sees is a re-stamp: CMSs
    and migrations set `datePublished` to the last save ("datePublished" equal to
    "dateModified", or an import's day on a blog post from years before), and UTC
    timestamps fall on the next day of the one printed in local time. A later printed
    date is an update, which does not replace the publication date. A date after
    "Updated" is no publication date, and a date in the headline itself is its topic
    ("2024.4.4 -> 2024.5.0 issue"), so both are left out. A printed numeric date whose
    other reading is the structured day ("11/01/2021" beside a `datePublished` of 1
    November) is that day, written month first.
    """
    shown = _beside_headline(evidence)[0]
    if (
        shown is None
        or shown.day >= published.day
        or _day_and_month_swapped(shown.day) == published.day
    ):
        return published
    node = evidence.headline_node
    if node is not None:  # (rarely reached: the headline is only read to check the date)
        shown = _beside_headline(evidence, visible_text(node))[0]
    return shown if shown is not None and shown.day < published.day else published


def _digit_around(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def _years(text: str) -> Iterator[re.Match[str]]:
    """The years of `text` as `re.finditer` of "(?:19|20)\\d\\d" gives them: left to right,
    each search going on after the last year found (`_YEARS`)."""
    found = [pattern.search(text) for pattern in _YEARS]
    position = 0
    while True:
        for i, match in enumerate(found):
            if match is not None and match.start() < position:
                found[i] = _YEARS[i].search(text, position)
        candidates = [match for match in found if match is not None]
        if not candidates:
            return
        year = min(candidates, key=lambda match: match.start())
        yield year
        position = year.end()


def _page_date_lines(evidence: PageEvidence) -> DatePair:
    """The first short line holding a date: the last resort.

    Only lines short enough to be a date line ("Last updated: 13 November
    2025", "Posted Nov 21, 2018") are read, never dates inside sentences.
    The text after the headline is read first; the lines above it, where
    site headers print today's date, only when it has none.
    """
    month_first, us_dashes = _month_first(evidence), _us_dashes(evidence)
    for text in page_texts(evidence):
        end = -1
        for checked, year in enumerate(_years(text)):
            if checked >= _MAX_DATE_LINES:
                break
            if year.start() < end or _digit_around(text, year.start(), year.end()):
                continue  # a second year on a line already read, or part of a number
            start = text.rfind("\n", 0, year.start()) + 1
            end = text.find("\n", year.end())
            end = len(text) if end < 0 else end
            if not _MIN_DATE_LINE <= end - start <= _MAX_DATE_LINE:
                continue
            before = text[max(0, start - _CONTEXT_CHARS) : start]
            found = _dates_in_text(text[start:end], month_first, us_dashes, before)
            if found != (None, None):
                return found
    return None, None


def _first(candidates: Iterable[Callable[[], PageDate | None]]) -> PageDate | None:
    """The first date that one of the `candidates` (called in turn, lazily) finds."""
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


def _confirmed(candidates: list[PageDate | None], shown: PageDate | None) -> PageDate | None:
    """The first candidate on the day the page shows beside its headline, else the first
    candidate: a teaser's microdata or a `DC.date` of the last change loses to the date
    the reader sees, which confirms the right one.

    A shown date read with day and month the other way round counts too: "03/10/2023" on
    a page whose URL says "/2023/october/03/" is the 3rd of October, whatever the
    language's usual order. A candidate that gives only the day (a URL's date) gives way
    to the shown date of that day with its time.
    """
    found = [c for c in candidates if c is not None]
    if shown is not None:
        days = {shown.day, _day_and_month_swapped(shown.day)}
        for candidate in found:
            if candidate.day in days:
                # the shown date adds its time to a day-only one ("/2025/12/07/" in the URL)
                same_day = candidate.day == shown.day
                return shown if same_day and candidate.time is None else candidate
    return found[0] if found else None


def _day_and_month_swapped(day: date) -> date:
    """The other reading of a numeric date ("03/10" as 10 March or 3 October), else `day`."""
    if day.day > _MAX_MONTH or day.day == day.month:
        return day
    return day.replace(month=day.day, day=day.month)


def _published_in_jsonld(evidence: PageEvidence, *, webpage: bool) -> PageDate | None:
    """`datePublished` of the JSON-LD article (or WebPage), else its `dateCreated`.

    A question or a forum post is the exception: Q&A sites stamp `datePublished` anew
    when the thread changes, and `dateCreated` is when it was asked, so the earlier of the
    two is taken. An article's `dateCreated` is when its draft was started.
    """
    values = [
        text_value(evidence.article_value(key, webpage=webpage))
        for key in ("datePublished", "dateCreated", "uploadDate")
    ]
    nodes = (evidence.article, evidence.webpage) if webpage else (evidence.article,)
    posted = any(node is not None and type_names(node) & _POSTED_TYPES for node in nodes)
    return (_earliest if posted else _first_valid)(values, _us_dashes(evidence))


def find_dates(evidence: PageEvidence) -> tuple[str | None, str | None]:
    """(published, modified) as ISO 8601 strings, or `None` each.

    The strong sources decide, in order: the JSON-LD article, `<meta>`
    publication keys, the JSON-LD WebPage; a date printed beside the headline
    overrides them only when it is earlier. Without them, the weaker
    ones (microdata, `<time>`, the URL, a generic `<meta name=date>`) are
    weighed against the date printed beside the headline: the first one on
    that day wins, and the printed date itself when none is (a teaser's
    microdata or a `DC.date` holding the last change lose to what the reader
    sees). Short date lines elsewhere in the page are the last resort.
    """
    meta, micro = evidence.meta, evidence.microdata
    us = _us_dashes(evidence)
    published = _first(
        (
            lambda: _published_in_jsonld(evidence, webpage=False),
            lambda: _first_valid(meta.all(*_PUBLISHED_META), us),
            lambda: _first_valid(_other_meta(evidence, modified=False), us),
            lambda: _published_in_jsonld(evidence, webpage=True),
        )
    )
    near: DatePair = (None, None)
    if published is not None:
        published = _shown_if_earlier(evidence, published)
    else:
        near = _near_headline(evidence)
        secondary = [
            _earliest(micro.get("datepublished", [])[:1] + micro.get("datecreated", [])[:1], us),
            _time_elements(evidence, modified=False),
            _url_date(evidence.url),
            near[0],
            _first_valid(meta.all(*_WEAK_PUBLISHED_META), us),
        ]
        published = _confirmed(secondary, near[0])
    modified = _first(
        (
            lambda: _first_valid([text_value(evidence.article_value("dateModified"))], us),
            lambda: _first_valid(meta.all(*_MODIFIED_META), us),
            lambda: _first_valid(_other_meta(evidence, modified=True), us),
            lambda: _first_valid(micro.get("datemodified", []), us),
            lambda: _time_elements(evidence, modified=True),
        )
    )
    if published is None and near == (None, None):
        near = _page_date_lines(evidence)
        published = near[0]
    modified = modified or near[1]
    # A page that states only when it was last updated: that is the date of the
    # version being read, and the best publication date it gives.
    published = _on_url_day(_in_page_time_zone(published or modified, evidence), evidence.url)
    modified = _not_before(modified, published)
    return (
        published.iso() if published else None,
        modified.iso() if modified else None,
    )
