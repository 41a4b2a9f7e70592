"""Parse a page and prune what a reader never sees.

Parsing uses lexbor (through selectolax), an HTML5-conformant parser written
in C: it recovers from broken markup the way browsers do, handles 10,000-deep
nesting without recursion, and parses a typical news page in well under a
millisecond. Pruning removes, in C, the elements that never carry article
text (scripts, styles, media, form controls), and the elements a browser
would not show: `hidden`, `aria-hidden="true"`, inline `display:none` or
`visibility:hidden`, and screen-reader-only text.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose content is never article text.
NEVER_CONTENT = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "canvas",
    "video",
    "audio",
    "source",
    "track",
    "map",
    "input",
    "select",
    "option",
    "optgroup",
    "datalist",
    "textarea",
    "button",
    "dialog",
    "link",
    "meta",
    "base",
    "title",
)

_HIDDEN_SELECTOR = (
    "[hidden], [aria-hidden='true' i], [style*='none' i], [style*='hidden' i], "
    ".sr-only, .visually-hidden, .screen-reader-text, .visuallyhidden, .screenreader-only"
)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)

# A "hidden" element holding more than this share of the page's text is not
# chrome: it is content that the page's JavaScript would reveal (or a page
# captured while a modal dialog was open). Removing it would lose the article.
_MAX_HIDDEN_SHARE = 0.5


# The document's own skeleton is never removed, even when it claims to be hidden.
_STRUCTURAL = frozenset(("html", "head", "body", "frameset"))


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def content_root(tree: LexborHTMLParser) -> LexborNode | None:
    """The element whose subtree holds the visible page: `<body>`, else the root."""
    return tree.body or tree.root


def _is_hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    if (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = (attrs.get("class") or "").lower().split()
    return any(
        c
        in (
            "sr-only",
            "visually-hidden",
            "screen-reader-text",
            "visuallyhidden",
            "screenreader-only",
        )
        for c in classes
    )


def prune(tree: LexborHTMLParser, *, keep_hidden_texts: bool = False) -> list[str]:
    """Remove non-content and invisible elements in place.

    Returns the texts of the hidden elements removed when `keep_hidden_texts`
    is set (for the `removed` list of the article), else an empty list.
    """
    tree.strip_tags(list(NEVER_CONTENT))
    root = content_root(tree)
    if root is None:
        return []
    hidden = [
        node
        for node in root.css(_HIDDEN_SELECTOR)
        if node.tag not in _STRUCTURAL and _is_hidden(node)
    ]
    if not hidden:
        return []
    total = len(root.text(deep=True, strip=True))
    removed_texts: list[str] = []
    for node in _outermost(hidden):
        text = node.text(deep=True, separator=" ", strip=True)
        if total and len(text) > _MAX_HIDDEN_SHARE * total:
            continue
        if keep_hidden_texts and text:
            removed_texts.append(text)
        node.decompose()
    return removed_texts


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """Drop nodes nested in another node of the list (decomposing the outer one frees them)."""
    ids = {node.mem_id for node in nodes}
    out = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            out.append(node)
    return out
