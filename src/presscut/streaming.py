"""Put the pieces of a streamed server-rendered page where the browser shows them.

React's streaming server renderer (Next.js's App Router, Remix and others)
sends the page shell first, with a placeholder wherever a part was not ready
yet: `<template id="B:0"></template>` followed by a fallback ("Loading
paragraph..."), or `<template id="P:1"></template>`. The part itself comes
later in the same response, at the end of the body, in a hidden element
(`<div hidden id="S:0">...</div>`), followed by a tiny script that moves it
into place (`$RC("B:0","S:0")` completes a boundary, `$RS("S:1","P:1")` fills
a placeholder). A browser runs those scripts; an extractor that does not
would read the story as a hidden element, and drop it, while keeping
"Loading paragraph...". So the moves are made here, before anything reads
the tree.

Pairs are read from the scripts when the page still has them. Archived
copies often have their scripts stripped; a part then goes to the
placeholder with its own number (`S:4` to `P:4` or `B:4`), which is how React
numbers them as long as each boundary holds one part, the common case.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

# React always writes the attribute this way: a part without it in the page is left alone.
_PART_MARK = 'id="S:'
_MOVES = re.compile(r'\$R([CS])\("([^"]{1,40})","([^"]{1,40})"\)')
_BOUNDARY_END = "<!--/$-->"
# Moving a part copies it, so a chain of parts nested in one another costs
# the square of its length; real pages stream tens of parts, and a page with
# more has the rest left where they are (hidden) rather than hang the run.
MAX_PARTS = 500


def place_streamed_parts(tree: LexborHTMLParser, html: str | bytes) -> int:
    """Move each streamed part of `tree`, parsed from `html`, into its placeholder;
    returns how many were moved."""
    # The first element of an id wins, as with the browser's getElementById.
    parts: dict[str, LexborNode] = {}
    # (Looking for the parts in the tree costs half of looking for the mark in the page.)
    for node in tree.css('div[hidden][id^="S:"]'):
        parts.setdefault(node.attributes.get("id") or "", node)
    if not parts:
        return 0
    if isinstance(html, bytes):
        if _PART_MARK.encode() not in html:
            return 0
        html = html.decode("utf-8", "replace")
    elif _PART_MARK not in html:
        return 0
    placeholders: dict[str | None, LexborNode] = {}
    for node in tree.css('template[id^="B:"], template[id^="P:"]'):
        placeholders.setdefault(node.attributes.get("id"), node)
    targets: dict[str, str] = {}
    for kind, first, second in _MOVES.findall(html):
        part, placeholder = (second, first) if kind == "C" else (first, second)
        targets[part] = placeholder
    moved = 0
    # Last part first: a part can hold the placeholder of a later one (a boundary
    # inside a boundary), and moving a part copies it, so the later part must be
    # in place before its container is moved.
    for part_id, part in reversed(parts.items()):
        if moved == MAX_PARTS:
            break
        number = part_id[2:]
        placeholder_id = targets.get(part_id)
        if placeholder_id is None:
            placeholder_id = next(
                (p for p in (f"P:{number}", f"B:{number}") if p in placeholders), None
            )
        placeholder = placeholders.pop(placeholder_id, None) if placeholder_id else None
        if placeholder is None or _inside(placeholder, part):
            continue
        if placeholder_id.startswith("B:"):
            _drop_fallback(placeholder)
        for child in part.iter(include_text=True):
            placeholder.insert_before(child)
        placeholder.decompose()
        part.decompose()
        moved += 1
    return moved


def _drop_fallback(template: LexborNode) -> None:
    """Remove what a boundary showed while loading: the nodes between its template and
    the `<!--/$-->` comment that closes it. Without that comment (stripped from an
    archived copy), nothing is removed, rather than guessing where the fallback ends."""
    fallback = []
    node = template.next
    while node is not None:
        if node.tag == "-comment" and node.html == _BOUNDARY_END:
            for other in fallback:
                other.decompose()
            return
        fallback.append(node)
        node = node.next


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    """Whether `node` lies within `ancestor` (a part cannot be moved into itself)."""
    target = ancestor.mem_id
    parent = node.parent
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False
