"""Microdata (`itemprop` attributes), the schema.org markup of older CMSs.

Only the properties the metadata needs are read, from the `itemprop`
elements found by the single CSS query of `evidence.gather`. A property's value depends on its element, as the microdata spec says:
`content` on `<meta>`, `datetime` on `<time>`, `href`/`src` on links and
images, the text otherwise. An `author` that is itself an item (a Person
with its own `name`) gives that name, not the whole card's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from selectolax.lexbor import LexborNode

from presscut.segment import normalize_space

_PROPERTIES = (
    "headline",
    "author",
    "creator",
    "datepublished",
    "datecreated",
    "datemodified",
    "publisher",
    "image",
)
_MAX_TEXT = 300
# The item types whose `image` is the page's lead image ("NewsArticle", "BlogPosting"); in a
# page-wide item (`<body itemscope itemtype=".../WebPage">`) it is as often the site's logo.
_ARTICLE_ITEM = re.compile(r"article|posting|report", re.I)


def property_value(node: LexborNode) -> str | None:
    """The value of one `itemprop` element, by the microdata rules."""
    attrs = node.attributes
    if "itemscope" in attrs:
        name = node.css_first("[itemprop~='name' i]")
        return property_value(name) if name is not None and name is not node else None
    raw: str | None = None
    if "content" in attrs:
        raw = attrs.get("content")
    elif node.tag == "time":
        raw = attrs.get("datetime")
    elif node.tag in ("img", "source"):
        raw = attrs.get("src")
    if raw is None:
        raw = node.text(deep=True, separator=" ")
    value = normalize_space(raw)[:_MAX_TEXT]
    return value or None


def _owner(node: LexborNode) -> tuple[int | None, int | None]:
    """The item an `itemprop` belongs to: its nearest ancestor with `itemscope`, and the
    nearest `<article>` on the way to it.

    A page-wide item (`<body itemscope>`) holds teasers of other posts too, each in an
    `<article>` of its own and each with its `author`: an `<article>` is an item of its own
    even when its markup does not say so.
    """
    article = None
    parent = node.parent
    while parent is not None:
        if "itemscope" in parent.attributes:
            return parent.mem_id, article
        if article is None and parent.tag == "article":
            article = parent.mem_id
        parent = parent.parent
    return None, article


def _of_article_item(node: LexborNode) -> bool:
    """Whether the nearest item around `node` is an article: an `image` of a Person or an
    Organization is a portrait or a logo, not the lead image."""
    parent = node.parent
    while parent is not None:
        if "itemscope" in parent.attributes:
            return bool(_ARTICLE_ITEM.search(parent.attributes.get("itemtype") or ""))
        parent = parent.parent
    return False


def collect_microdata(nodes: Iterable[LexborNode]) -> dict[str, list[str]]:
    """Values of the article properties, keyed by lower-cased name.

    Each property keeps only the values of the first item that has it: on a
    forum thread or a page with comments, every post is an item with its own
    `author`, and only the first one is the page's.
    """
    out: dict[str, list[str]] = {}
    owners: dict[str, tuple[int | None, int | None]] = {}
    for node in nodes:
        props = [
            p for p in (node.attributes.get("itemprop") or "").lower().split() if p in _PROPERTIES
        ]
        if "image" in props and not _of_article_item(node):
            props.remove("image")
        if not props:
            continue  # (most `itemprop`s name other properties: their item is not looked up)
        owner = _owner(node)
        props = [p for p in props if owners.setdefault(p, owner) == owner]
        if not props:
            continue
        value = property_value(node)
        if value:
            for prop in props:
                out.setdefault(prop, []).append(value)
    return out
