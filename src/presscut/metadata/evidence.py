"""Everything a page says about itself, gathered once before any field is decided.

Each field (title, authors, dates...) weighs several sources against each
other, and several fields need the same source (the JSON-LD article gives
headline, author, dates and publisher). Reading each source once into a
`PageEvidence` keeps the cost to a handful of C-level CSS queries per page
and lets the field modules stay simple functions of the evidence.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from presscut.metadata.jsonld import (
    ARTICLE_TYPES,
    EMBEDDED_TYPES,
    PAGE_TYPES,
    JsonLd,
    collect_jsonld,
    text_value,
    type_names,
)
from presscut.metadata.meta import MetaTags, collect_meta
from presscut.metadata.microdata import collect_microdata
from presscut.segment import normalize_space

_MAX_HEADINGS = 3
# Bold text alone in the last paragraph of a block, where a writer signs an article (read by
# `authors.py`): found by the same query as every other source, which costs far less than a
# query of its own.
_SIGNATURES = "p:last-child > b:only-child, p:last-child > strong:only-child"
_SOURCES = (
    "title, h1, meta[content], link[rel][href], script[type*='ld+json' i], [itemprop], "
    + _SIGNATURES
)
# Every element any source needs, in one query: a query of a few tag names costs about as much
# as a walk of the whole tree (a sixth of a millisecond on a news page), so the `<time>`
# elements (`dates.py`) and the headings where the headline may be (`locate_headline`) come
# with the rest. lexbor lists an element once per selector it matches, one right after the
# other, in document order. (Adding the byline selector of `authors.py` was measured too: its
# substring tests on every class cost more than its own query on the pages that need it.)
_QUERY = f"{_SOURCES}, time[datetime], h2"
_MAX_SIGNATURES = 10
_HEADER_LEVELS = 3
_MAX_HEADER_TEXT = 1500
_MAX_WALKED_TEXT = _MAX_HEADER_TEXT
_AFTER_HEADLINE_CHARS = 300
_MAX_PAGE_TEXT = 20000
_LOGO_CLASSES = re.compile(r"logo|site-?title|site-?name|blog-?title|brand|masthead")
_MAX_HEADING_CHARS = 400
_MAX_HEADLINE_CANDIDATES = 30
# A title this long (in letters and digits) ending a heading's text is that heading's
# headline, behind a date or a kicker; a shorter one may end any heading by chance.
_MIN_PREFIXED_TITLE = 15
# An archived copy names the page it archives: "https://web.archive.org/web/2008.../http://...".
_ARCHIVED_URL = re.compile(r"^https?://web\.archive\.org/web/[^/]*/(.+)$", re.I)
_NOT_TEXT = "style, script, noscript, template"
_NOT_ALNUM = re.compile(r"[\W_]+")
_ENTITY = re.compile(r"&(?:#\d+|#x[\da-f]+|[a-z]+\d*);", re.I)
# The first byte of a UTF-8 sequence read as Latin-1 or Windows-1252, then a continuation
# byte read the same way ("Ã©", "â\x80\x99", "â€™"): UTF-8 decoded twice.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf"  # Latin-1
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e"
    "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"  # what Windows-1252 adds
)


@dataclass(slots=True)
class PageEvidence:
    """The page's metadata sources, parsed but not yet judged."""

    tree: LexborHTMLParser
    url: str | None
    meta: MetaTags
    jsonld: JsonLd
    microdata: dict[str, list[str]]
    title_tag: str | None
    h1s: list[str]
    headline_node: LexborNode | None
    html_lang: str | None
    logo_texts: list[str] = field(default_factory=list)
    signatures: list[LexborNode] = field(default_factory=list)
    time_nodes: list[LexborNode] = field(default_factory=list)
    """`<time datetime>` elements, in document order."""
    headings: list[LexborNode] = field(default_factory=list)
    """The first `<h1>` and `<h2>` elements, in document order."""
    content_language: str | None = None
    article: dict[str, Any] | None = None
    webpage: dict[str, Any] | None = None
    _headline_texts: list[str] | None = None
    _text_after_headline: str | None = None
    _body_text: str | None = None
    _host: str | None = None

    @property
    def host(self) -> str:
        """The page URL's host name, "" when there is no URL or it is malformed.

        For a Wayback Machine copy, the host of the archived page: its site
        name, not the archive's, is what the page's titles carry.
        """
        if self._host is None:  # asked for by several fields: parsed once
            try:
                self._host = urlsplit(unarchived(self.url or "")).hostname or ""
            except ValueError:
                self._host = ""
        return self._host

    def article_value(self, *keys: str, webpage: bool = True) -> Any:
        """The first present value of `keys` in the JSON-LD article, then (if `webpage`)
        in its WebPage."""
        for node in (self.article, self.webpage) if webpage else (self.article,):
            if node is None:
                continue
            for key in keys:
                value = node.get(key)
                if value not in (None, "", []):
                    return self.jsonld.resolve(value)
        return None


def unarchived(url: str) -> str:
    """The URL of the page a Wayback Machine copy archives, else `url` itself."""
    archived = _ARCHIVED_URL.match(url)
    if archived is None:
        return url
    return archived[1] if "://" in archived[1] else "http://" + archived[1]


def locate_headline(evidence: PageEvidence, title: str | None) -> None:
    """Point `headline_node` at the heading that shows the chosen `title`.

    The first `<h1>` is taken for the headline while gathering; when the
    title decided on is another text (the `<h1>` was a section label, or the
    theme prints the headline in an `<h2>`), the byline and the date are
    printed around the heading that shows it, found here among the first
    `<h1>` and `<h2>` elements.
    """
    key = simplified(title)
    current = evidence.headline_node
    if not key or (current is not None and simplified(visible_text(current)) == key):
        return
    # the heading showing the title exactly, else the first one that shows it after a date
    # or a kicker printed inside it ("<h1><span class=date>27.01.2022</span>Headline</h1>")
    showing = None
    for node in evidence.headings:
        text = simplified(visible_text(node))
        if text == key:
            showing = node
            break
        if showing is None and len(key) >= _MIN_PREFIXED_TITLE and text.endswith(key):
            showing = node
    if showing is not None:
        evidence.headline_node = showing
        evidence._headline_texts = evidence._text_after_headline = None


def headline_texts(evidence: PageEvidence) -> list[str]:
    """Texts around the `<h1>`, nearest first: where themes print the byline and the date.

    First the headline's parent, grandparent and great-grandparent while
    their text is short enough to be a page header rather than the whole
    article, then the first few hundred characters that follow the `<h1>`
    in reading order (for headers built as siblings of the headline). The
    walk stops below `<html>`, whose text is also the `<head>`'s: its
    `<title>`, and the JSON of its scripts with the dates of other things
    (a video's "uploadDate"). When even the parent is too long, the headline's own
    text comes first: the date a theme prints inside the heading is then in no other
    text. Computed once per page, on demand.
    """
    if evidence._headline_texts is not None:
        return evidence._headline_texts
    texts: list[str] = []
    headline = evidence.headline_node
    node = headline
    for _ in range(_HEADER_LEVELS):
        if node is None or node.parent is None or node.parent.tag == "html":
            break
        node = node.parent
        text = text_prefix(node, _MAX_HEADER_TEXT)
        if len(text) > _MAX_HEADER_TEXT:
            break
        texts.append(text)
    if not texts and headline is not None:
        texts.append(text_prefix(headline, _MAX_HEADER_TEXT))
    texts.append(text_after(headline, _AFTER_HEADLINE_CHARS))
    evidence._headline_texts = texts
    return texts


def page_texts(evidence: PageEvidence) -> Iterator[str]:
    """The page's text, one element per line: what follows the headline, then the whole body.

    The last-resort sources (date lines, byline lines) read the text after
    the headline first, and the whole body (with the site header above the
    headline) only if that has nothing: each text is built when it is first
    read, once per page.
    """
    after = text_after_headline(evidence)
    if after is not None:
        yield after
    body = body_text(evidence)
    if body is not None:
        yield body


def text_after_headline(evidence: PageEvidence) -> str | None:
    """The page's text from the headline on (up to `_MAX_PAGE_TEXT` characters), one element
    per line; `None` without a headline. Computed once per page, on demand."""
    if evidence.headline_node is None:
        return None
    if evidence._text_after_headline is None:
        evidence._text_after_headline = text_after(evidence.headline_node, _MAX_PAGE_TEXT)
    return evidence._text_after_headline


def body_text(evidence: PageEvidence) -> str | None:
    """The text of the whole `<body>`, one element per line; `None` without one.

    Building it costs a tenth of a millisecond on an average page: only the
    last resorts that found nothing after the headline ask for it, once per page.
    """
    if evidence._body_text is None:
        body = evidence.tree.body
        if body is None:
            return None
        evidence._body_text = body.text(deep=True, separator="\n")
    return evidence._body_text


def text_prefix(node: LexborNode, limit: int) -> str:
    """The text of `node` as `node.text(deep=True, separator="\n")` gives it, or a longer
    prefix of it than `limit` characters.

    The header around a headline is often a sibling or a child of the whole
    article: lexbor would build all of its text to keep a few hundred
    characters. A walk in Python stops early but costs more per node, so it is
    taken for short limits only (`_MAX_WALKED_TEXT`). The walk leaves out the rules of a
    `<style>` and the code of a `<script>` that page builders put beside the headline:
    their comments carry dates ("/*! elementor - v3.14.0 - 26-06-2023 */").
    """
    if node.tag == "-text":
        return node.text_content or ""
    if limit > _MAX_WALKED_TEXT:
        return node.text(deep=True, separator="\n")
    parts: list[str] = []
    size = -1  # the length of the parts joined by "\n"
    # the `mem_id` of an element whose text is no text, just met: its text, if any, is the
    # next node of the walk
    hidden = None
    for child in node.traverse(include_text=True):
        tag = child.tag
        if tag in _NOT_TEXT_TAGS:
            hidden = child.mem_id
            continue
        if hidden is not None:
            inside, hidden = hidden, None
            if tag == "-text":
                parent = child.parent
                if parent is not None and parent.mem_id == inside:
                    continue
        if tag == "-text":
            text = child.text_content or ""
            parts.append(text)
            size += len(text) + 1
            if size > limit:
                break
    return "\n".join(parts)


def _beside(node: LexborNode, side: str) -> LexborNode | None:
    """The node just after (`side="next"`) or before (`"prev"`) `node` in reading order
    that is not inside it: its sibling on that side, or the nearest ancestor's."""
    current: LexborNode | None = node
    while current is not None:
        sibling = getattr(current, side)
        if sibling is not None:
            return sibling
        current = current.parent
    return None


def text_after(node: LexborNode | None, limit: int) -> str:
    """Up to `limit` characters of the text that follows `node` in reading order."""
    collected: list[str] = []
    size = 0
    while node is not None and size < limit:
        node = _beside(node, "next")
        if node is None:
            break
        text = text_prefix(node, limit - size)[: limit - size]
        collected.append(text)
        size += len(text)
    return "\n".join(collected)


def text_before(node: LexborNode | None, limit: int) -> str:
    """About the last `limit` characters of visible text before `node` in reading order.

    Themes print the date line above the headline as often as below it
    ("Freitag | 14. Juni 2019 | 15:49", then the `<h1>`). The walk goes
    backwards text node by text node, so a long menu or header before the
    headline costs no more than the few nodes it reads, and neither the rules
    of a `<style>` in a page builder's widget nor the indentation between
    elements push the date line out of reach.
    """
    parts: list[str] = []
    size = 0
    while node is not None and size < limit:
        node = _beside(node, "prev")
        if node is None:
            break
        size = _texts_backwards(node, limit, parts, size)
    return "\n".join(reversed(parts))


def _texts_backwards(node: LexborNode, limit: int, parts: list[str], size: int) -> int:
    """Append the visible texts of `node` to `parts`, last first, until `size` reaches
    `limit`; the new size. (A loop, not recursion: pages nest thousands of elements.)"""
    stack = [node]
    while stack and size < limit:
        current = stack.pop()
        tag = current.tag
        if tag == "-text":
            text = (current.text_content or "").strip()
            if text:
                parts.append(text)
                size += len(text) + 1
        elif tag not in _NOT_TEXT_TAGS and tag != "-comment":
            child = current.first_child
            while child is not None:
                stack.append(child)  # the last child ends up on top: read first
                child = child.next
    return size


def _is_logo(node: LexborNode, url: str | None) -> bool:
    """An `<h1>` that is the site's logo or name: classed so, or a link to the front page
    (of the archived site, in a Wayback Machine copy).

    Blog themes put the site title in an `<h1>` on every page; it is never the headline.
    """
    classes = " ".join(
        filter(None, (node.attributes.get("class"), node.attributes.get("id")))
    ).lower()
    if _LOGO_CLASSES.search(classes):
        return True
    link = node.css_first("a[href]")
    if link is None:
        return False
    href = (link.attributes.get("href") or "").strip()
    try:
        target = urlsplit(unarchived(urljoin(url or "", href)))
    except ValueError:
        return False
    return target.path in ("", "/", "/index.html", "/index.php") and not target.query


def visible_text(node: LexborNode) -> str:
    """The text of an element as a reader sees it, on one line.

    CSS-in-JS themes put `<style>` elements inside headings; their rules are
    not text. Entities escaped twice by a CMS ("&amp;#x26;") are decoded.
    """
    if node.css_first(_NOT_TEXT) is None:
        text = node.text(deep=True, separator=" ")
    else:
        text = " ".join(_text_parts(node))
    return normalize_space(repair_text(text))


def visible_lines(node: LexborNode) -> list[str]:
    """The texts of an element, one per text node, without what `<style>` and `<script>`
    inside it hold (a hidden form field's rules are not a byline)."""
    if node.css_first(_NOT_TEXT) is None:
        return node.text(deep=True, separator="\n").split("\n")
    return _text_parts(node)


def repair_text(text: str) -> str:
    """`text` with the entities left by double escaping decoded ("AT&amp;amp;T" shows as
    "AT&amp;T" otherwise) and UTF-8 that a CMS decoded twice repaired ("Investorâ\x80\x99s"
    is "Investor’s"): the page shows the damage, but its headline is the undamaged text."""
    if _MOJIBAKE.search(text):
        for codec in ("latin-1", "cp1252"):
            try:
                text = text.encode(codec).decode("utf-8")
                break
            except UnicodeError:
                continue
    return html.unescape(text) if "&" in text and _ENTITY.search(text) else text


_NOT_TEXT_TAGS = frozenset(("style", "script", "noscript", "template"))
_NOT_HEADLINE_TAGS = _NOT_TEXT_TAGS | {"time", "button", "svg"}
# What a headline element holds besides the headline: a date, a label element (forum
# software's thread prefix, a rubric badge: "<span class="label">News</span> Headline"), and
# what the reader does not read as text (a "Copy" button, an icon's title, a hidden tooltip).
_NOT_HEADLINE = "time, button, svg, [hidden], [class~='label' i], [class~='badge' i]"
_LABEL_CLASS = re.compile(r"(?:^|\s)(?:label|badge)(?:\s|$)", re.I)


def headline_text(node: LexborNode) -> str:
    """An `<h1>`'s text without a `<time>`, a label, a button or hidden text inside it: a
    date printed in the headline element ("1. Februar 2022 Bundesministerin Raab: …") is a
    date line, a thread prefix ("News", "Tips/Techniques") is a category, and a "Copy item
    path" button or a tooltip are no headline words."""
    if node.css_first(_NOT_HEADLINE) is not None:
        parts = _text_parts(node, _NOT_HEADLINE_TAGS, in_headline=True)
        text = normalize_space(repair_text(" ".join(parts)))
        if text:
            return text
    return visible_text(node)


def _text_parts(
    node: LexborNode, skipped: frozenset[str] = _NOT_TEXT_TAGS, *, in_headline: bool = False
) -> list[str]:
    """The texts of `node`, without the elements `skipped`; `in_headline` also skips labels
    and hidden elements (see `headline_text`)."""
    parts = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag in skipped:
            continue
        elif not (in_headline and _not_headline_words(child)):
            parts.extend(_text_parts(child, skipped, in_headline=in_headline))
    return parts


def _not_headline_words(node: LexborNode) -> bool:
    attrs = node.attributes
    return "hidden" in attrs or bool(_LABEL_CLASS.search(attrs.get("class") or ""))


@lru_cache(maxsize=4096)
def simplified(text: str | None) -> str:
    """Lower-cased letters and digits only: what "the same title" is compared on.

    The fields compare the same few titles, headings and names many times over (30 calls
    a page, 5 distinct texts): each is simplified once (cached, and bounded).
    """
    return _NOT_ALNUM.sub("", (text or "").casefold())


def _pick_article(
    candidates: list[dict[str, Any]], hints: list[str | None]
) -> dict[str, Any] | None:
    """The JSON-LD article describing this page: the one whose headline the page shows.

    Pages often carry several (the article plus teasers of related ones), so
    the headline is matched against `og:title`, the `<h1>`s and `<title>`.
    A video embedded in an article (`EMBEDDED_TYPES`) is the page's item
    only when its name is the page's title: otherwise its upload date would
    pass for the article's.
    """
    wanted = [h for h in map(simplified, hints) if h]
    matching = []
    for node in candidates:
        headline = simplified(text_value(node.get("headline") or node.get("name")))
        if headline and any(headline in hint or hint in headline for hint in wanted):
            matching.append(node)
    if matching:
        return matching[0]
    articles = [n for n in candidates if not type_names(n) <= EMBEDDED_TYPES]
    if len(articles) <= 1:
        return articles[0] if articles else None
    with_date = [n for n in articles if n.get("datePublished")]
    return (with_date or articles)[0]


def gather(
    tree: LexborHTMLParser, url: str | None, content_language: str | None = None
) -> PageEvidence:
    """Read every metadata source of a parsed page (before pruning removes scripts).

    One CSS query, run by lexbor in C, finds every element any source needs;
    each CSS query walks the whole tree, so one is much cheaper than six.
    An element is listed once per selector of `_SOURCES` it matches (a
    `<meta itemprop content>` twice), as a query of `_SOURCES` alone would list it.
    """
    titles, h1_nodes, scripts, items = [], [], [], []
    metas: list[dict[str, str | None]] = []  # attributes
    links: list[dict[str, str | None]] = []
    signatures: list[LexborNode] = []
    times: list[LexborNode] = []
    headings: list[LexborNode] = []
    previous = attrs = None
    for node in tree.css(_QUERY):
        # lexbor lists an element once per selector it matches, one right after the other.
        repeated = node.mem_id == previous
        previous = node.mem_id
        tag = node.tag
        if not repeated:
            attrs = node.attributes
            if tag == "h2" or (tag == "time" and "datetime" in attrs):
                # matched by the selectors added to `_SOURCES`; any repetition is a source
                (times if tag == "time" else headings).append(node)
                continue
            if tag == "h1":
                headings.append(node)
        if tag == "meta":
            metas.append(attrs)  # (read once: `collect_meta` needs the attributes only)
        elif tag == "link":
            links.append(attrs)
        elif tag == "script":
            scripts.append(node)
        elif tag == "title":
            titles.append(node)
        elif tag == "h1":
            h1_nodes.append(node)
        elif tag in ("b", "strong") and len(signatures) < _MAX_SIGNATURES:
            signatures.append(node)  # or an [itemprop]: `authors.py` checks the place
        if "itemprop" in attrs:
            items.append(node)
    title_tag = normalize_space(repair_text(titles[0].text(deep=True))) if titles else ""
    h1s: list[str] = []
    logo_texts: list[str] = []
    headline_node = None
    for node in h1_nodes:
        text = headline_text(node)
        if not text or len(text) > _MAX_HEADING_CHARS:
            continue
        if _is_logo(node, url):
            logo_texts.append(text)
            continue
        h1s.append(text)
        headline_node = headline_node or node
        if len(h1s) >= _MAX_HEADINGS:
            break
    root = tree.root
    html_lang = None
    if root is not None and root.tag == "html":
        html_lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
    meta = collect_meta(metas, links)
    jsonld = collect_jsonld(scripts)
    evidence = PageEvidence(
        tree=tree,
        url=url,
        meta=meta,
        jsonld=jsonld,
        microdata=collect_microdata(items),
        title_tag=title_tag or None,
        h1s=h1s,
        headline_node=headline_node,
        html_lang=html_lang,
        logo_texts=logo_texts,
        signatures=signatures,
        time_nodes=times,
        headings=headings[:_MAX_HEADLINE_CANDIDATES],
        content_language=content_language,
    )
    hints = [meta.first("og:title"), *h1s, title_tag]
    evidence.article = _pick_article(jsonld.first_of(ARTICLE_TYPES), hints)
    pages = jsonld.first_of(PAGE_TYPES)
    evidence.webpage = pages[0] if pages else None
    return evidence
