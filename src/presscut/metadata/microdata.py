"""Microdata (`itemprop` attributes), the schema.org markup of older CMSs.

Only the properties the metadata needs are read, with one CSS query run in
C. A property's value depends on its element, as the microdata spec says:
`content` on `<meta>`, `datetime` on `<time>`, `href`/`src` on links and
images, the text otherwise. An `author` that is itself an item (a Person
with its own `name`) gives that name, not the whole card's text.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from presscut.segment import normalize_space

_PROPERTIES = (
    "headline",
    "author",
    "creator",
    "datepublished",
    "datecreated",
    "datemodified",
    "publisher",
)
_SELECTOR = ", ".join(f"[itemprop~='{p}' i]" for p in _PROPERTIES)
_MAX_TEXT = 300


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


def collect_microdata(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """Values of the article properties of the page's microdata, keyed by lower-cased name."""
    out: dict[str, list[str]] = {}
    for node in tree.css(_SELECTOR):
        value = property_value(node)
        if not value:
            continue
        for prop in (node.attributes.get("itemprop") or "").lower().split():
            if prop in _PROPERTIES:
                out.setdefault(prop, []).append(value)
    return out
