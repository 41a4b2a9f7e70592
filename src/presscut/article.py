"""The `Article`: what presscut hands back, whatever it was given.

An article is its metadata plus a body of typed blocks. The blocks keep the
structure a reader sees (headings, list items, quotes, code, tables, figure
captions) so that the body can be rendered as plain text, Markdown or JSON
without guessing it back from flat text. Everything here is immutable and
JSON-serialisable; `docs/output-format.md` documents the schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal

SCHEMA_VERSION = 1

BlockType = Literal[
    "paragraph", "heading", "list_item", "quote", "preformatted", "table", "figure_caption"
]
PageType = Literal["article", "listing", "other"]


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article body.

    `text` is always set (for a table: its rows, one per line, cells joined by
    " | "). The other fields only apply to some block types: `level` to headings
    (1-6), `depth` (1 = top level) and `ordered` to list items, `rows` to tables.
    A line break inside a block (`<br>`) is a "\\n" in `text`.
    """

    type: BlockType
    text: str
    level: int | None = None
    depth: int | None = None
    ordered: bool | None = None
    rows: tuple[tuple[str, ...], ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "text": self.text}
        if self.level is not None:
            out["level"] = self.level
        if self.depth is not None:
            out["depth"] = self.depth
        if self.ordered is not None:
            out["ordered"] = self.ordered
        if self.rows is not None:
            out["rows"] = [list(row) for row in self.rows]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        rows = data.get("rows")
        return cls(
            type=data["type"],
            text=data["text"],
            level=data.get("level"),
            depth=data.get("depth"),
            ordered=data.get("ordered"),
            rows=tuple(tuple(row) for row in rows) if rows is not None else None,
        )


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A block that was cut from the page, and why.

    `reason` is a short machine-readable token such as ``navigation``,
    ``comments``, ``newsletter``, ``appeal``, ``share``, ``related``,
    ``cookie_notice``, ``signature``, ``disclaimer``, ``advertisement``, ``hidden``, ``link_list`` or
    ``low_score`` (see docs/output-format.md for the full list).
    """

    type: BlockType
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RemovedBlock:
        return cls(type=data["type"], text=data["text"], reason=data["reason"])


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: metadata and a body of typed blocks.

    Metadata fields are ``None`` (or empty) when the page does not state them;
    presscut never guesses a value from nothing. Dates are ISO 8601 strings,
    with the page's UTC offset when the page gives one. `page_type` is
    ``listing`` for index/front/section pages and ``other`` for pages with no
    article text (an empty shell, nothing visible); both get no body, and
    `reason` says why. An `Article` is truthy when it has a body.
    """

    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    language: str | None = None
    description: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None
    page_type: PageType = "article"
    body: tuple[Block, ...] = ()
    removed: tuple[RemovedBlock, ...] = ()
    reason: str | None = None
    schema_version: int = field(default=SCHEMA_VERSION)

    @property
    def text(self) -> str:
        """The body as plain text: blocks joined with one blank line between them."""
        return "\n\n".join(block.text for block in self.body)

    def __bool__(self) -> bool:
        """An article is truthy when it has a body."""
        return bool(self.body)

    def markdown(self, *, front_matter: bool = False) -> str:
        """The body as CommonMark/GFM, optionally preceded by YAML front matter."""
        body = render_markdown(self.body)
        if not front_matter:
            return body
        return _front_matter(self._metadata_dict()) + body

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (schema: docs/output-format.md)."""
        out = self._metadata_dict()
        out["page_type"] = self.page_type
        out["reason"] = self.reason
        out["text"] = self.text
        out["body"] = [block.to_dict() for block in self.body]
        out["removed"] = [block.to_dict() for block in self.removed]
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """`to_dict()` as JSON text; non-ASCII characters are written as they are, not escaped."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from `to_dict()` output (the `text` key is derived, so ignored)."""
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in ("authors", "tags"):
                value = tuple(value or ())
            elif f.name == "body":
                value = tuple(Block.from_dict(b) for b in value)
            elif f.name == "removed":
                value = tuple(RemovedBlock.from_dict(b) for b in value)
            kwargs[f.name] = value
        return cls(**kwargs)

    def _metadata_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "modified": self.modified,
            "site_name": self.site_name,
            "publisher": self.publisher,
            "language": self.language,
            "description": self.description,
            "section": self.section,
            "tags": list(self.tags),
            "image": self.image,
        }


# --- Markdown rendering -----------------------------------------------------

# A paragraph that starts like Markdown syntax would be re-read as structure.
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-*]|\d+[.)])(?=\s|$)", re.MULTILINE)


def _escape_line_starts(text: str) -> str:
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _hard_breaks(text: str) -> str:
    return text.replace("\n", "  \n")


def _table_markdown(rows: Sequence[Sequence[str]]) -> str:
    width = max((len(r) for r in rows), default=0)
    if width == 0:
        return ""

    def cell(value: str) -> str:
        return value.replace("|", "\\|").replace("\n", " ").strip()

    lines = []
    for i, row in enumerate(rows):
        cells = [cell(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


def _block_markdown(block: Block) -> str:
    kind = block.type
    if kind == "heading":
        return "#" * min(max(block.level or 2, 1), 6) + " " + block.text.replace("\n", " ")
    if kind == "list_item":
        indent = "   " * max((block.depth or 1) - 1, 0)
        marker = "1. " if block.ordered else "- "
        pad = indent + " " * len(marker)
        return indent + marker + _hard_breaks(block.text).replace("\n", "\n" + pad)
    if kind == "quote":
        return "\n".join("> " + line for line in _hard_breaks(block.text).split("\n"))
    if kind == "preformatted":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    if kind == "table" and block.rows:
        return _table_markdown(block.rows)
    if kind == "figure_caption":
        return "*" + block.text.replace("*", "\\*").replace("\n", " ") + "*"
    return _hard_breaks(_escape_line_starts(block.text))


def render_markdown(blocks: Sequence[Block]) -> str:
    """Render blocks as Markdown; consecutive list items form one tight list."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        rendered = _block_markdown(block)
        if parts:
            tight = (
                previous is not None
                and previous.type == block.type
                and block.type in ("list_item", "quote")
            )
            parts.append("\n>\n" if tight and block.type == "quote" else "\n" if tight else "\n\n")
        parts.append(rendered)
        previous = block
    return "".join(parts) + ("\n" if parts else "")


def _front_matter(meta: dict[str, Any]) -> str:
    # YAML is a superset of JSON, so JSON scalars and flow sequences are valid YAML values.
    lines = ["---"]
    for key, value in meta.items():
        if value is None or value == []:
            continue
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
