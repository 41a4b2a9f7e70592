"""JSON-LD (`<script type="application/ld+json">`), read even when it is broken.

Publishers' JSON-LD is often invalid JSON: trailing commas, comments, CDATA
wrappers, raw newlines or HTML inside strings, several objects pasted one
after another in one script. Each script is parsed strictly first (the fast,
common case), then repaired step by step; whatever still fails is skipped.
The objects are then flattened (`@graph`, lists, `mainEntity`) and indexed
by `@id`, so that Yoast-style references (`"author": {"@id": "#person"}`)
resolve to the referenced node.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborNode

from presscut.segment import normalize_space

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "techarticle",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "report",
        "satiricalarticle",
        "advertisercontentarticle",
        "review",
        "criticreview",
        "recipe",
        "howto",
        "question",
        "videoobject",
        "podcastepisode",
        "creativework",
    }
)
# Media that articles embed: the page itself only when its name is the page's title.
EMBEDDED_TYPES = frozenset({"videoobject", "podcastepisode"})
PAGE_TYPES = frozenset(
    {
        "webpage",
        "itempage",
        "aboutpage",
        "profilepage",
        "qapage",
        "faqpage",
        "medicalwebpage",
        "collectionpage",
        "searchresultspage",
        "checkoutpage",
        "contactpage",
        "realestatelisting",
    }
)

_MAX_DEPTH = 6
_TRAILING_COMMA = re.compile(r",\s*(?=[}\]])")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_LINE_COMMENT = re.compile(r"^\s*//[^\n]*", re.M)
_WRAPPERS = re.compile(r"<!\[CDATA\[|\]\]>|<!--|-->")
_TAG = re.compile(r"<[^>]{0,200}>")


def _repairs(text: str) -> Iterator[str]:
    """Ever more aggressive repairs of a broken JSON-LD script."""
    text = _WRAPPERS.sub("", text)
    yield text
    text = _LINE_COMMENT.sub("", _BLOCK_COMMENT.sub("", text))
    yield _TRAILING_COMMA.sub("", text)


def _decode_all(text: str) -> list[Any]:
    """Every JSON value in `text`: one, or several pasted one after the other."""
    decoder = json.JSONDecoder(strict=False)
    values = []
    index, end = 0, len(text)
    while index < end:
        while index < end and text[index] in " \t\r\n;":
            index += 1
        if index >= end:
            break
        value, index = decoder.raw_decode(text, index)
        values.append(value)
    return values


def parse_script(text: str) -> list[Any]:
    """The JSON values of one JSON-LD script, repaired if needed; `[]` if hopeless."""
    text = text.strip()
    if not text:
        return []
    try:
        return [json.loads(text, strict=False)]
    except ValueError:
        pass
    for repaired in _repairs(text):
        try:
            return _decode_all(repaired)
        except ValueError:
            continue
    return []


def type_names(node: dict[str, Any]) -> set[str]:
    """A node's `@type`s, lower-cased and without a schema.org prefix."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.rsplit("/", 1)[-1].lower() for n in names if isinstance(n, str)}


@dataclass(slots=True)
class JsonLd:
    """The typed nodes of a page's JSON-LD, with `@id` references resolvable."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    def resolve(self, value: Any) -> Any:
        """Follow an `{"@id": ...}` reference to its node, if the page defines it."""
        if isinstance(value, dict) and "@id" in value and len(value) <= 2:
            target = self.by_id.get(str(value["@id"]))
            if target is not None:
                return target
        return value

    def first_of(self, types: frozenset[str]) -> list[dict[str, Any]]:
        """Nodes having one of `types`, in page order."""
        return [node for node in self.nodes if type_names(node) & types]


def _walk(value: Any, out: JsonLd, depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            _walk(item, out, depth + 1)
        return
    if not isinstance(value, dict):
        return
    if "@graph" in value:
        _walk(value["@graph"], out, depth + 1)
    if "@type" in value:
        out.nodes.append(value)
    node_id = value.get("@id")
    if isinstance(node_id, str) and len(value) > 2:
        out.by_id.setdefault(node_id, value)
    for key in ("mainEntity", "mainEntityOfPage", "itemReviewed", "hasPart", "author", "publisher"):
        child = value.get(key)
        if isinstance(child, (dict, list)):
            _walk(child, out, depth + 1)


def collect_jsonld(scripts: Iterable[LexborNode]) -> JsonLd:
    """Parse the page's JSON-LD scripts into typed, id-indexed nodes."""
    out = JsonLd()
    for script in scripts:
        for value in parse_script(script.text(deep=True)):
            _walk(value, out, 0)
    return out


def text_value(value: Any) -> str | None:
    """A plain string out of a JSON-LD value: a string, a `{"@value"}`/`name`, or a list's first.

    HTML inside the string (some CMSs put markup in `headline`) is removed.
    """
    if isinstance(value, list):
        for item in value:
            found = text_value(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        return None
    if "<" in value:
        value = _TAG.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    return normalize_space(value) or None
