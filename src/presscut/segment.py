"""Cut the pruned DOM into text segments, the units that are kept or cut.

One walk over the tree, in document order, without recursion (so 10,000-deep
nesting is no problem). Inline elements (links, emphasis, spans...) add their
text to the segment being built; every other element closes it. That single
rule is what guarantees presscut never glues two blocks together: text from
two block elements can never end up in one segment. `<br>` is a line break
inside a segment, and two or more in a row end a paragraph, as they do on
pages laid out with `<br><br>` instead of `<p>`.

Each segment knows its typed-block role (heading, list item, quote, ...),
how much of its text sits in links, and its block-level owner (`Container`),
whose chain of parents up to `<body>` is the context the classifier reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from presscut.dom import NEVER_CONTENT

# Phrasing elements: their text flows into the enclosing segment.
INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "blink",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "mark",
        "nobr",
        "output",
        "picture",
        "q",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "meter",
        "progress",
    ]
)
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LIST_TAGS = frozenset(("ul", "ol", "menu", "dir"))
_TABLE_TAGS = frozenset(("table", "caption", "tr", "td", "th"))
# A segment's role: (type, heading level, list depth, ordered).
_Role = tuple[str, int | None, int | None, bool | None]
_PARAGRAPH: _Role = ("paragraph", None, None, None)
# The roles that do not depend on the enclosing lists.
_FIXED_ROLES: dict[str, _Role] = {
    **{tag: ("heading", level, None, None) for tag, level in HEADING_LEVELS.items()},
    "figcaption": ("figure_caption", None, None, None),
    "caption": ("figure_caption", None, None, None),  # a table's
    "blockquote": ("quote", None, None, None),
}

# A <br> inside a segment; two or more in a row mark a paragraph break.
_BR = "\x00"
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_PARAGRAPH_BREAK = re.compile(r"(?: ?\x00 ?){2,}")
_LINE_BREAK = re.compile(r" ?\x00 ?")

# Block elements nested deeper than this are read as inline: no real page
# nests so deep, and keeping every level would make pathological pages
# (10,000 nested tables) cost quadratic time.
MAX_DEPTH = 256

# Cells of a data table longer than this are prose: the table is a layout table.
_MAX_DATA_CELL_CHARS = 300


@dataclass(slots=True)
class Container:
    """A block-level element on the path from `<body>` to a segment.

    Segments come out in document order, so the segments below a container
    are the contiguous range `start:end` of `Page.segments`.
    """

    tag: str
    node: LexborNode
    parent: int  # index in `Page.containers`, -1 for the root
    depth: int
    start: int
    end: int = -1
    _attrs: str | None = None

    @property
    def attrs(self) -> str:
        """Lower-cased id, class, role and itemprop values, space separated (read on demand)."""
        if self._attrs is None:
            self._attrs = _attrs_of(self.node)
        return self._attrs


@dataclass(slots=True)
class Segment:
    type: str
    text: str
    container: int  # index of the nearest block-level ancestor
    link_chars: int
    links: int
    level: int | None = None
    depth: int | None = None
    ordered: bool | None = None
    rows: tuple[tuple[str, ...], ...] | None = None


@dataclass(slots=True)
class Page:
    containers: list[Container] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    # Derived arrays, computed once by whoever needs them (see features.page_arrays).
    cache: dict[str, object] = field(default_factory=dict)


def _single_spaced(text: str) -> bool:
    """Whether the only whitespace of `text` is single spaces inside it, and nothing in it is
    invisible: true of most texts a page holds (more than half of its segments, most
    `<meta>` values). `isprintable()` is false for every whitespace character but the space
    and for every invisible one, and costs a fraction of a split or a substitution."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def normalize_space(text: str) -> str:
    """`text` with invisible characters removed and each run of whitespace made one space."""
    if _single_spaced(text):
        return text
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


_NAMED_ATTRS = ("id", "class", "role", "itemprop")
# WordPress classes a post's element by its categories and tags ("category-reviews",
# "tag-social-media", "category-comment" for an opinion section), next to the classes
# that say it is a post (`hentry`, `type-post`, `status-publish`): the site's own
# taxonomy, not a name for what the element is. Read as names, they would make a
# review a comment and a story about social media a share bar. (Elsewhere
# "tag-cloud" or "category-list" do name what the element is.)
_WORDPRESS_POST = re.compile(r"(?<![^ ])(?:hentry|type-post|status-publish)(?![^ ])")
_TAXONOMY_CLASS = re.compile(r"(?<![^ ])(?:category|tag|post_tag)-[^ ]*")


def _attrs_of(node: LexborNode) -> str:
    attrs = node.attributes
    if not attrs:
        return ""
    get = attrs.get
    if len(attrs) == 1:  # the common case: a lone class or id
        value = get("class") or get("id") or get("role") or get("itemprop")
        value = value.lower() if value else ""
    else:
        value = " ".join(filter(None, map(get, _NAMED_ATTRS))).lower()
    if ("category-" in value or "tag-" in value) and _WORDPRESS_POST.search(value):
        value = " ".join(_TAXONOMY_CLASS.sub("", value).split())
    return value


@dataclass(slots=True)
class _Table:
    """A `<table>` being walked: its cells are read as they close.

    Whether it is a data table (one `table` segment with rows of cells) or a
    layout table (its cells walked like any container) is only known at its
    end: no nested table, no cell holding more than a short text, at least two
    rows and two columns, and no text outside the cells but a `<caption>`
    first in the table, which stays a segment of its own (a `figure_caption`
    before the table's).
    """

    container: int
    first_segment: int
    data: bool
    rows: list[list[str]] = field(default_factory=list)
    cell_start: int = -1
    in_cells: int = 0  # segments that were read inside a cell
    first_container: int = -1  # the first container the table's segment replaces

    def __post_init__(self) -> None:
        if self.first_container < 0:
            self.first_container = self.container + 1


class _Walker:
    """State of one walk; see the module docstring for the rules."""

    def __init__(self) -> None:
        self.page = Page()
        self.path: list[int] = []
        self.roles: list[_Role] = []  # per open container
        self.lists: list[bool] = []  # open lists, True when ordered
        self.buf: list[str] = []
        self.buf_link_chars = 0
        self.buf_links = 0
        self.tables: list[_Table] = []

    def open_container(self, tag: str, node: LexborNode) -> None:
        path = self.path
        containers = self.page.containers
        containers.append(
            Container(tag, node, path[-1] if path else -1, len(path), len(self.page.segments))
        )
        path.append(len(containers) - 1)
        role = self.roles[-1] if self.roles else _PARAGRAPH
        if tag in _TABLE_TAGS:
            self._open_table_part(tag, node)
        if tag in _FIXED_ROLES:  # a table's <caption> is both
            role = _FIXED_ROLES[tag]
        elif tag == "li":
            role = self.list_item_role()
        elif tag in LIST_TAGS:
            self.lists.append(tag == "ol")
        self.roles.append(role)

    def list_item_role(self) -> _Role:
        """The role of an `<li>`: its depth in the open lists, and whether the innermost is ordered."""
        lists = self.lists
        return ("list_item", None, max(len(lists), 1), lists[-1] if lists else False)

    def close_container(self) -> None:
        self.flush()
        index = self.path.pop()
        container = self.page.containers[index]
        container.end = len(self.page.segments)
        self.roles.pop()
        if container.tag in LIST_TAGS:
            self.lists.pop()
        elif container.tag in _TABLE_TAGS and self.tables:
            self._close_table_part(container, index)

    def _open_table_part(self, tag: str, node: LexborNode) -> None:
        tables = self.tables
        if tag == "table":
            if tables:
                tables[-1].data = False  # a table inside a table: the outer one is layout
            role = (node.attributes.get("role") or "").lower()
            data = role not in ("presentation", "none")
            tables.append(_Table(len(self.page.containers) - 1, len(self.page.segments), data))
        elif tables and tables[-1].data:
            if tag == "tr":
                tables[-1].rows.append([])
            elif tag != "caption":  # td, th
                tables[-1].cell_start = len(self.page.segments)

    def _close_table_part(self, container: Container, index: int) -> None:
        table = self.tables[-1]
        segments = self.page.segments
        tag = container.tag
        if tag == "caption":
            # First in its data table, the caption stays out of the table's segment.
            if table.data and container.parent == table.container and not table.rows:
                table.first_segment = len(segments)
                table.first_container = index + 1
        elif tag in ("td", "th") and table.data and table.cell_start >= 0:
            cell = segments[table.cell_start :]
            text = " ".join(s.text.replace("\n", " ") for s in cell)
            if len(text) > _MAX_DATA_CELL_CHARS or any(s.type != "paragraph" for s in cell):
                table.data = False
            else:
                if not table.rows:
                    table.rows.append([])
                table.rows[-1].append(text)
                table.in_cells += len(cell)
            table.cell_start = -1
        elif tag == "table" and index == table.container:
            self.tables.pop()
            rows = [r for r in table.rows if any(r)]
            cells = segments[table.first_segment :]
            if (
                table.data
                and len(rows) >= 2
                and max(len(r) for r in rows) >= 2
                and table.in_cells == len(cells)
            ):
                self._collapse_table(table, rows, cells)

    def _collapse_table(self, table: _Table, rows: list[list[str]], cells: list[Segment]) -> None:
        """Replace the cells' segments (and the containers below the table) by one table segment."""
        del self.page.segments[table.first_segment :]
        del self.page.containers[table.first_container :]
        text = "\n".join(" | ".join(row) for row in rows)
        self.add(
            Segment(
                "table",
                text,
                table.container,
                min(sum(s.link_chars for s in cells), len(text)),
                sum(s.links for s in cells),
                rows=tuple(tuple(r) for r in rows),
            )
        )
        self.page.containers[table.container].end = len(self.page.segments)

    def flush(self) -> None:
        """Close the segment being built: its text, whitespace collapsed, becomes a segment
        (or several, one per paragraph that `<br><br>` parts), unless it is empty."""
        buf = self.buf
        if not buf:
            return
        raw = "".join(buf)
        link_chars, links = self.buf_link_chars, self.buf_links
        buf.clear()
        self.buf_link_chars = self.buf_links = 0
        if _BR not in raw:
            # (what `" ".join(raw.split())` gives, without splitting a single-spaced text)
            self._add_text(raw if _single_spaced(raw) else " ".join(raw.split()), link_chars, links)
            return
        raw = _SPACES.sub(" ", raw)
        texts = [_LINE_BREAK.sub("\n", piece).strip() for piece in _PARAGRAPH_BREAK.split(raw)]
        texts = [t for t in texts if t]
        if len(texts) == 1:
            self._add_text(texts[0], link_chars, links)
            return
        if not texts:
            return
        kind, level, depth, ordered = self.roles[-1]
        container = self.path[-1]
        total = sum(len(t) for t in texts)
        for text in texts:
            share = len(text) / total
            text = _INVISIBLE.sub("", text)
            if text:
                self.add(
                    Segment(
                        kind,
                        text,
                        container,
                        round(min(link_chars * share, len(text))),
                        round(links * share),
                        level,
                        depth,
                        ordered,
                    )
                )

    def _add_text(self, text: str, link_chars: int, links: int) -> None:
        """Add one segment of `text` (whitespace collapsed) unless it is empty once the
        invisible characters are gone."""
        if not text.isascii():  # (an O(1) test) invisible characters are not ASCII
            text = _INVISIBLE.sub("", text)
        if text:
            kind, level, depth, ordered = self.roles[-1]
            chars = len(text)  # (compared below rather than passed to min(): one call less)
            self.page.segments.append(
                Segment(
                    kind,
                    text,
                    self.path[-1],
                    link_chars if link_chars < chars else chars,
                    links,
                    level,
                    depth,
                    ordered,
                )
            )

    def add(self, segment: Segment) -> None:
        self.page.segments.append(segment)

    def preformatted(self, node: LexborNode) -> None:
        self.flush()
        text = _preformatted_text(node).strip("\n").rstrip()
        if not text.strip():
            return
        self.open_container("pre", node)
        self.add(Segment("preformatted", text, self.path[-1], 0, 0))
        self.close_container()


def _preformatted_text(pre: LexborNode) -> str:
    """The text of a `<pre>` with its whitespace, and a line break around each block child.

    Code highlighters often wrap every line in a `<div>` or `<p>`; reading the
    text nodes alone would glue the lines.
    """
    parts: list[str] = []
    stack: list[LexborNode | None] = []
    child = pre.last_child
    while child is not None:
        stack.append(child)
        child = child.prev
    while stack:
        node = stack.pop()
        if node is None:  # the end of a block child
            if parts and not parts[-1].endswith("\n"):
                parts.append("\n")
            continue
        if node.is_text_node:
            parts.append(node.text_content or "")
            continue
        tag = node.tag
        if tag == "br":
            parts.append("\n")
            continue
        if tag in NEVER_CONTENT:  # a "copy" button, an SVG icon
            continue
        if tag not in INLINE_TAGS:
            if parts and not parts[-1].endswith("\n"):
                parts.append("\n")
            stack.append(None)
        child = node.last_child
        while child is not None:
            stack.append(child)
            child = child.prev
    return "".join(parts)


# What closing an element involves, for the elements the walk is inside of.
_EXIT_BLOCK = 0  # a block element: its container ends
_EXIT_LIST = 1  # a list: its container ends, and the list
_EXIT_INLINE = 2  # nothing: an inline element adds no bookkeeping
_EXIT_LINK = 3
_EXIT_TABLE = 4  # a table part: see `_Walker.close_container`


# Sibling inline elements with no space between them ("<span>Read more</span><a>Police
# say</a>", links set side by side) are glued by a browser too, unless the page's CSS sets
# them apart, as it nearly always does when the first ends a word and the second starts a
# capitalised one: a space goes there. So it does before a number after a word of letters
# ("Von Jana Becker" "14.03.2025", "in Flammen" "1. FC Köln": a byline's date, a list of
# links, a product name and its size), and before an opening parenthesis or quote after a
# sentence ("Students on March 12." "(Kevin Ortiz/Gazette)": a caption and its credit). A
# capital after a capital ("<b>T</b><i>he</i>" drop caps) or any lower-case continuation
# is a word split by markup, and stays whole; so do a number after a capital ("CO" "2"), a
# sentence ("structure." "10": a footnote), a letter or a mixed word ("p" "2e2c",
# "video.mp" "4": identifiers and file names), a number in a subscript or superscript
# (`script`) and a parenthesis after a word ("print" "(x)" in highlighted code).
def _seam_space(before: str, text: str, script: bool) -> bool:
    """Whether a space goes between `before`, the text so far, ending in an inline element,
    and `text`, the first text after the next element opens (see above); `script` when
    that element is a <sub> or <sup>."""
    first, last = text[0], before[-1:]
    if first.isupper():
        return last.islower() or last in ".!?:;,)"
    if first in "(“":
        return last in ".!?"
    if first.isdigit() and not script:
        if last in ",;)":
            return True
        if not last.islower():
            return False
        word = before.rsplit(None, 1)[-1]
        return len(word) > 1 and word.isalpha()
    return False


# The values of the walk's `seam`: whether an inline element just closed right before
# another element, and whether that one is a subscript or superscript.
_NO_SEAM = 0
_SEAM = 1
_SEAM_SCRIPT = 2
# The tag ids of <sub> and <sup> (asked of lexbor, as `_TEXT_TAG_ID` below).
_SCRIPT_TAG_IDS = frozenset(
    node.tag_id for node in LexborHTMLParser("<p><sub>2</sub><sup>2</sup></p>").css("sub, sup")
)


# What the walk does on reaching an element, by kind.
_INLINE = 0
_LINK = 1
_LINE_BREAK_TAG = 2
_SKIPPED = 3  # never text (see dom.NEVER_CONTENT), comments, doctypes
_PRE = 4
_BLOCK = 5  # a block element that keeps the role of its parent
_FIXED_ROLE = 6  # a heading, figure caption or quote
_LIST_ITEM = 7
_LIST = 8
_TABLE_PART = 9

# lexbor's own tag ids are below this; a custom element's id is a pointer, only valid in its tree.
_LEXBOR_TAG_IDS = 0xC4
# The tag id of every text node (asked of lexbor rather than copied from its headers).
_TEXT_TAG_ID = LexborHTMLParser("<p>text</p>").css_first("p").first_child.tag_id
# Tag id -> (kind, tag name) for lexbor's own tags, filled as they are met. Reading a tag name
# creates a new string on every call; a tag id is a small int.
_KIND_BY_TAG_ID: dict[int, tuple[int, str | None]] = {}


def _node_kind(node: LexborNode, tag_id: int) -> tuple[int, str | None]:
    """The walk's kind of a node that is not text, and its tag name (cached by tag id)."""
    tag = node.tag
    if tag in INLINE_TAGS:
        kind = _LINK if tag == "a" else _INLINE
    elif tag == "br":
        kind = _LINE_BREAK_TAG
    elif tag in NEVER_CONTENT or not node.is_element_node:
        kind = _SKIPPED
    elif tag == "pre":
        kind = _PRE
    elif tag in _TABLE_TAGS:
        kind = _TABLE_PART
    elif tag in _FIXED_ROLES:
        kind = _FIXED_ROLE
    elif tag == "li":
        kind = _LIST_ITEM
    elif tag in LIST_TAGS:
        kind = _LIST
    else:
        kind = _BLOCK
    if tag_id < _LEXBOR_TAG_IDS:
        _KIND_BY_TAG_ID[tag_id] = (kind, tag)
    return kind, tag


def segment_page(root: LexborNode) -> Page:
    """Walk `root` (normally `<body>`) and return its containers and segments.

    The loop handles all but tables inline; `_Walker` methods handle the
    rest. It moves through the tree by first child and next sibling,
    keeping only the open elements on a stack, which costs one node access
    per node, and tells nodes apart by their tag id (`_KIND_BY_TAG_ID`).
    This walk is the single most expensive step of an extraction, hence
    the local names.
    """
    walker = _Walker()
    walker.open_container(root.tag or "body", root)
    containers, segments = walker.page.containers, walker.page.segments
    path, roles, lists, buf = walker.path, walker.roles, walker.lists, walker.buf
    flush = walker.flush
    open_elements: list[tuple[LexborNode, int]] = []
    push, pop = open_elements.append, open_elements.pop
    kind_by_tag_id = _KIND_BY_TAG_ID.get
    text_tag_id, fixed_roles = _TEXT_TAG_ID, _FIXED_ROLES
    link_depth = 0  # how many links the walk is in
    seam = _NO_SEAM  # an inline element just closed right before another element (or not)
    node = root.first_child
    while True:
        if node is None:  # the children of the innermost open element are done
            if not open_elements:
                break
            element, exit_kind = pop()
            if exit_kind <= _EXIT_LIST:  # a block or a list
                if buf:
                    flush()
                containers[path.pop()].end = len(segments)
                roles.pop()
                if exit_kind == _EXIT_LIST:
                    lists.pop()
            elif exit_kind == _EXIT_LINK:
                link_depth -= 1
            elif exit_kind == _EXIT_TABLE:
                walker.close_container()
            node = element.next
            # Two inline elements with nothing between them (see `_seam_space`).
            if (
                _EXIT_INLINE <= exit_kind <= _EXIT_LINK
                and node is not None
                and node.tag_id != text_tag_id
            ):
                seam = _SEAM_SCRIPT if node.tag_id in _SCRIPT_TAG_IDS else _SEAM
            else:
                seam = _NO_SEAM
            continue
        tag_id = node.tag_id
        if tag_id == text_tag_id:
            # Whitespace between blocks (half the nodes of a page) is told apart
            # without reading it; whitespace in a segment is part of its text.
            if buf or not node.is_empty_text_node:
                text = node.text_content
                if text and (buf or not text.isspace()):
                    if seam and buf and _seam_space(buf[-1], text, seam == _SEAM_SCRIPT):
                        buf.append(" ")
                    seam = _NO_SEAM
                    buf.append(text)
                    if link_depth:
                        walker.buf_link_chars += len(text.strip())
            node = node.next
            continue
        kind, tag = kind_by_tag_id(tag_id) or _node_kind(node, tag_id)
        if kind == _INLINE:
            exit_kind = _EXIT_INLINE
        elif kind == _LINK:
            link_depth += 1
            walker.buf_links += 1
            exit_kind = _EXIT_LINK
        elif kind == _LINE_BREAK_TAG:
            buf.append(_BR)
            node = node.next
            continue
        elif kind == _SKIPPED:
            node = node.next
            continue
        elif len(path) >= MAX_DEPTH:
            buf.append(" ")  # too deep to be a layout: a block boundary becomes a space
            exit_kind = _EXIT_INLINE
        elif kind == _PRE:
            walker.preformatted(node)
            node = node.next
            continue
        else:
            if buf:
                flush()
            if kind == _TABLE_PART:
                walker.open_container(tag, node)
                exit_kind = _EXIT_TABLE
            else:
                containers.append(Container(tag, node, path[-1], len(path), len(segments)))
                path.append(len(containers) - 1)
                exit_kind = _EXIT_BLOCK
                if kind == _BLOCK:
                    roles.append(roles[-1])
                elif kind == _FIXED_ROLE:
                    roles.append(fixed_roles[tag])
                elif kind == _LIST_ITEM:
                    roles.append(walker.list_item_role())
                else:
                    roles.append(roles[-1])
                    lists.append(tag == "ol")
                    exit_kind = _EXIT_LIST
        push((node, exit_kind))
        node = node.first_child
    walker.close_container()
    return walker.page
