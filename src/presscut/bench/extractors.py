"""The extractors the benchmark compares, behind one calling convention.

Every extractor is handed the page's raw bytes and does its own decoding,
as it would on a crawl: presscut, trafilatura and readability-lxml accept
bytes and detect the encoding themselves (BOM, `<meta>` charset, detection).
Resiliparse's `HTMLTree.parse_from_bytes` assumes UTF-8 unless told
otherwise, so it is given the encoding found by resiliparse's own
`detect_encoding(html, from_html_meta=True)`, the library's documented way of
reading unknown bytes. No extractor is given text that another one decoded.

An extractor is split in two: `extract` is the library call (the only thing
the speed benchmark times) and `to_output` turns its result into text and,
for presscut only, typed blocks. Competitors come from the `bench` extra;
when one is not installed it is skipped with a note, never an error.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

NAMES = (
    "presscut",
    "presscut-listings-kept",
    "trafilatura",
    "trafilatura-fast",
    "readability",
    "resiliparse",
)
VARIANTS = frozenset({"presscut-listings-kept"})
"""presscut run another way, reported for information and never counted as a competitor."""


@dataclass(frozen=True, slots=True)
class Output:
    """What an extractor produced for one page.

    `blocks` are `(type, text)` pairs for extractors with typed blocks
    (presscut), None for the others. `error` is set when the extractor raised:
    the page then counts as an empty output.
    """

    text: str
    blocks: tuple[tuple[str, str], ...] | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    extract: Callable[[bytes, str | None], Any]
    to_output: Callable[[Any], Output]
    typed: bool = False  # whether its outputs carry typed blocks


def run(extractor: Extractor, html: bytes, url: str | None) -> Output:
    """Run one extractor on one page; any exception is an empty output, never a crash."""
    try:
        return extractor.to_output(extractor.extract(html, url))
    except Exception as exc:
        return Output(
            text="",
            blocks=() if extractor.typed else None,
            error=f"{type(exc).__name__}: {exc}"[:300],
        )


# --- HTML to text for extractors that return HTML ------------------------------

_BREAK = "\x00"
_BLOCK_TAGS = (
    "address, article, aside, blockquote, br, dd, details, div, dl, dt, fieldset, figcaption, "
    "figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, "
    "section, summary, table, td, th, tr, ul"
)
_DROPPED_TAGS = ("script", "style", "noscript", "template")
_SPACE = re.compile(r"\s+")


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: block elements become paragraph breaks.

    The same simple rule that made the readability-testpages labels: scripts
    and styles dropped, a block element (or `<br>`) ends a paragraph,
    whitespace inside a paragraph collapsed, paragraphs joined by a blank line.
    """
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    for node in root.css(", ".join(_DROPPED_TAGS)):
        node.decompose()
    for node in root.css(_BLOCK_TAGS):
        node.insert_before(_BREAK)
        node.insert_after(_BREAK)
    paragraphs = (_SPACE.sub(" ", part).strip() for part in root.text(deep=True).split(_BREAK))
    return "\n\n".join(p for p in paragraphs if p)


# --- The extractors ------------------------------------------------------------


def _presscut() -> Extractor:
    import presscut

    def to_output(article: presscut.Article) -> Output:
        return Output(
            text=article.text, blocks=tuple((block.type, block.text) for block in article.body)
        )

    return Extractor(
        "presscut", lambda html, url: presscut.extract(html, url=url), to_output, typed=True
    )


def _presscut_listings_kept() -> Extractor:
    """presscut, but a listing page's teasers count as its body.

    presscut gives listing pages (fronts, sections, categories) no body, by
    design; some labelled sets (WCXB's "listing" and "collection" pages) count
    the teasers as the main content. This variant shows what that design
    choice costs on those sets: same extraction, the teasers put back.
    """
    import presscut

    def to_output(article: presscut.Article) -> Output:
        if article.page_type != "listing":
            blocks = tuple((block.type, block.text) for block in article.body)
        else:
            blocks = tuple((r.type, r.text) for r in article.removed if r.reason == "listing")
        return Output(text="\n\n".join(text for _, text in blocks), blocks=blocks)

    return Extractor(
        "presscut-listings-kept",
        lambda html, url: presscut.extract(html, url=url, include_removed=True),
        to_output,
        typed=True,
    )


def _text_or_empty(text: str | None) -> Output:
    return Output(text=text or "")


def _trafilatura(fast: bool) -> Callable[[], Extractor]:
    def make() -> Extractor:
        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        return Extractor(
            "trafilatura-fast" if fast else "trafilatura",
            lambda html, url: trafilatura.extract(html, url=url, include_comments=False, fast=fast),
            _text_or_empty,
        )

    return make


def _readability() -> Extractor:
    import readability

    logging.getLogger("readability").setLevel(logging.CRITICAL)
    return Extractor(
        "readability",
        lambda html, url: readability.Document(html).summary(),
        lambda summary: Output(text=html_to_text(summary)),
    )


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def extract(html: bytes, url: str | None) -> str:
        tree = HTMLTree.parse_from_bytes(html, detect_encoding(html, from_html_meta=True))
        return extract_plain_text(tree, main_content=True)

    return Extractor("resiliparse", extract, _text_or_empty)


_FACTORIES: dict[str, Callable[[], Extractor]] = {
    "presscut": _presscut,
    "presscut-listings-kept": _presscut_listings_kept,
    "trafilatura": _trafilatura(fast=False),
    "trafilatura-fast": _trafilatura(fast=True),
    "readability": _readability,
    "resiliparse": _resiliparse,
}
_PACKAGES = {
    "trafilatura": "trafilatura",
    "trafilatura-fast": "trafilatura",
    "readability": "readability-lxml",
    "resiliparse": "resiliparse",
}


def load(names: Sequence[str]) -> tuple[list[Extractor], dict[str, str]]:
    """The extractors that can run, and a note for each one that cannot (missing package)."""
    available: list[Extractor] = []
    skipped: dict[str, str] = {}
    for name in names:
        if name not in _FACTORIES:
            raise ValueError(f"unknown extractor {name!r}; known: {', '.join(NAMES)}")
        try:
            available.append(_FACTORIES[name]())
        except ImportError as exc:
            package = _PACKAGES.get(name, name)
            skipped[name] = f"{package} not installed ({exc}); pip install 'presscut[bench]'"
    return available, skipped
