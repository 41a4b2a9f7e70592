"""`extract()`: one page of HTML in, one `Article` out.

The story of a page, in order:

1. *Read* the input: refuse what is not a web page (binary data, PDF,
   JSON, plain text) with a clear `ExtractionError`, unwrap gzip, decode the
   bytes (BOM, HTTP charset, `<meta>` charset, then detection).
2. *Parse* it with lexbor into an HTML5 tree.
3. *Read the metadata* (title, authors, dates...) while the `<head>` and
   the JSON-LD scripts are still there.
4. *Prune* what a reader never sees (scripts, styles, form controls,
   hidden elements) and the page's navigation and footer.
5. *Segment* the visible tree into text segments, never gluing two blocks.
6. *Select*: score every segment as content or chrome (a learned model over
   text, link and DOM-context features), and decide whether the page is an
   article at all or a listing of teasers.
7. *Assemble* the kept segments into typed blocks and the `Article`.
"""

from __future__ import annotations

import codecs
import json
import re
import zlib

from presscut import dom
from presscut.article import Article, Block, RemovedBlock
from presscut.decode import charset_from_content_type, decode_html
from presscut.errors import InputTooLargeError, NotHTMLError
from presscut.metadata import Metadata, extract_metadata, resolve_language
from presscut.segment import Page, Segment, segment_page
from presscut.select import select_content

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Pages larger than this (after gzip decompression) are refused with `InputTooLargeError`."""

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF media file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOF", "a web font"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_BINARY_SHARE = 0.1
# UTF-16/32 text is full of NUL bytes: it can only be judged once decoded.
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# Something that starts a tag, a comment or a doctype; a bare "<" (as in "a < b") is text.
_MARKUP = re.compile(r"<[A-Za-z!/?]")
_LEADING_SPACE = re.compile(r"\s*")  # what str.lstrip() removes: \s is str.isspace()
_SAMPLE = 4096


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    decompressor = zlib.decompressobj(wbits=31)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise NotHTMLError(
            f"input looks gzip-compressed but cannot be decompressed: {exc}"
        ) from exc
    if len(out) > max_bytes:
        raise InputTooLargeError(f"decompressed input is larger than {max_bytes} bytes")
    if not decompressor.eof:
        # A cut-off download: extracting the half page would pass it off as the whole article.
        raise NotHTMLError("input looks gzip-compressed but the gzip stream is truncated")
    return out


def _refuse_non_html(head: bytes) -> None:
    stripped = head.lstrip()
    for magic, what in _MAGIC:
        if stripped.startswith(magic):
            raise NotHTMLError(f"input is {what}, not HTML")
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))  # one pass, not one per byte
    if head and control > _BINARY_SHARE * len(head):
        raise NotHTMLError("input is binary data, not HTML")


def _refuse_non_html_text(text: str) -> None:
    _refuse_non_html(text[:_SAMPLE].encode("utf-8", "replace"))


def read_html(html: bytes | str, *, content_type: str | None = None, max_bytes: int) -> str:
    """Validate and decode the input; raises `ExtractionError` subclasses on bad input.

    The cheap checks (size, magic numbers, share of control bytes) run before
    decoding, so that a large binary file is refused without being decoded.
    NUL bytes are dropped, as browsers do; whatever decodes is then refused
    only if it is JSON or has no markup at all.
    """
    return _read_html(html, content_type=content_type, max_bytes=max_bytes)[0]


def _read_html(
    html: bytes | str, *, content_type: str | None, max_bytes: int
) -> tuple[str, bytes | None]:
    """`read_html`, and the input bytes when they are exactly the UTF-8 of the text, else None.

    The parser reads UTF-8 bytes as they are; handing it a str makes it
    encode the whole page again (a sixth of the parse time on news pages). A strict UTF-8
    decode without a byte-order mark is the only decode whose bytes are
    the text's UTF-8; the lenient one leaves U+FFFD where bytes were bad.
    """
    utf8: bytes | None = None
    if isinstance(html, str):
        if len(html) > max_bytes:
            raise InputTooLargeError(f"input is larger than {max_bytes} characters")
        _refuse_non_html_text(html)
        text = html.removeprefix("\ufeff")  # a file read as "utf-8" rather than "utf-8-sig"
    elif isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if data[:2] == b"\x1f\x8b":
            data = _gunzip(data, max_bytes)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input is {len(data)} bytes, more than {max_bytes}")
        charset = charset_from_content_type(content_type)
        if data.startswith(_WIDE_BOMS):
            text = decode_html(data, charset).text
            _refuse_non_html_text(text)
        else:
            _refuse_non_html(data[:_SAMPLE])
            decoded = decode_html(data, charset)
            text = decoded.text
            if decoded.encoding == "utf-8" and decoded.source != "bom" and "\ufffd" not in text:
                utf8 = data
    else:
        raise TypeError(f"extract() takes bytes or str, not {type(html).__name__}")
    # (A scan for one character costs far less than replace(); in the bytes, when the text
    # is their UTF-8, it is a memchr, several times faster than in a str of wide characters.)
    if (b"\x00" in utf8) if utf8 is not None else ("\x00" in text):
        text = text.replace("\x00", "")
        utf8 = None
    start = _LEADING_SPACE.match(text).end()  # (lstrip() would copy the whole page)
    if text[start : start + 1] in ("{", "["):
        try:
            json.loads(text[start:])
        except ValueError:
            pass
        else:
            raise NotHTMLError("input is JSON, not HTML")
    if start < len(text) and not _MARKUP.search(text):
        raise NotHTMLError("input has no HTML markup (for plain text, use presscut.clean_text)")
    return text, utf8


def _block(segment: Segment) -> Block:
    return Block(
        type=segment.type,  # type: ignore[arg-type]
        text=segment.text,
        level=segment.level,
        depth=segment.depth,
        ordered=segment.ordered,
        rows=segment.rows,
    )


def parse_page(
    text: str,
    url: str | None = None,
    *,
    keep_pruned: bool = False,
    content_language: str | None = None,
    utf8: bytes | None = None,
) -> tuple[Metadata, Page, list[tuple[str, str]]]:
    """Steps 2-5 on decoded HTML: the metadata, the segmented page, and what pruning removed.

    Shared by `extract()` and the training scripts, so that the model is
    trained on exactly the segments it will see. `utf8`, when given, is
    `text` encoded as UTF-8 (see `_read_html`).
    """
    tree = dom.parse(text if utf8 is None else utf8)
    meta = extract_metadata(tree, url, content_language=content_language)
    pruned = dom.prune(tree, keep_texts=keep_pruned)
    root = dom.content_root(tree)
    page = segment_page(root) if root is not None else Page()
    return meta, page, pruned


def extract(
    html: bytes | str,
    url: str | None = None,
    *,
    content_type: str | None = None,
    content_language: str | None = None,
    include_removed: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Extract the article from one web page.

    `html` is the page as bytes (any encoding; gzip is unwrapped) or as text.
    `url` is where the page came from: it resolves relative links and helps
    the metadata. `content_type` is the HTTP Content-Type header, if known
    (its charset wins over the page's own declaration); `content_language`
    is the HTTP Content-Language header, one of the language declarations
    checked against the body. With
    `include_removed`, `Article.removed` lists every cut block and why.

    Raises `presscut.ExtractionError` (`NotHTMLError`, `InputTooLargeError`)
    when the input is not a web page; a page without an article is not an
    error: it gives an `Article` with an empty body and a `reason`.
    """
    text, utf8 = _read_html(html, content_type=content_type, max_bytes=max_bytes)
    if not text or text.isspace():
        return Article(url=url, page_type="other", reason="empty document")
    meta, page, pruned = parse_page(
        text, url, keep_pruned=include_removed, content_language=content_language, utf8=utf8
    )
    if not page.segments:
        return Article(url=url, page_type="other", reason="no visible text", **meta.fields())
    selection = select_content(page, title=meta.title, explain=include_removed)
    body = tuple(_block(page.segments[i]) for i in selection.kept)
    removed: tuple[RemovedBlock, ...] = ()
    if include_removed:
        removed = tuple(RemovedBlock("paragraph", t, why) for why, t in pruned) + tuple(
            RemovedBlock(page.segments[i].type, page.segments[i].text, why)  # type: ignore[arg-type]
            for i, why in selection.removed
        )
    fields = meta.fields()
    fields["language"] = resolve_language(meta.language, "\n".join(b.text for b in body))
    return Article(
        url=url,
        page_type=selection.page_type,
        body=body,
        removed=removed,
        reason=selection.reason if not body else None,
        **fields,
    )


__all__ = ["DEFAULT_MAX_BYTES", "extract", "parse_page", "read_html"]
