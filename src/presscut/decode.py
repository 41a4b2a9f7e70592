"""Turn page bytes into text without ever raising `UnicodeDecodeError`.

The order follows what browsers do, with one correction that crawls need:
a byte-order mark wins; then the charset from the HTTP header, then the one
declared in a `<meta>` tag; without either, UTF-8 if the bytes are valid
UTF-8, else statistical detection. Declarations are often wrong in one
direction only: pages saved as UTF-8 but labelled ISO-8859-1, windows-1252,
GB2312 or Shift_JIS. Text in any of those encodings practically never forms
valid multi-byte UTF-8 by chance, so bytes that are valid UTF-8 and not pure
ASCII are read as UTF-8 whatever the label says (this is what keeps the text
free of mojibake like "Ã©" or "涓枃").
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Literal

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# How far into the document to look for a <meta> charset declaration.
_META_SCAN_BYTES = 16_384
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+\-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.+\-]+)""", re.IGNORECASE)

# WHATWG Encoding Standard: labels that browsers map to a superset encoding.
_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    # A <meta> cannot truthfully declare UTF-16 (it would not be readable as ASCII).
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}

# Utf-8 with more replacement characters than this share of its non-ASCII
# characters is treated as mislabelled and handed to detection.
_MAX_REPLACEMENT_SHARE = 0.01

Source = Literal["bom", "http", "meta", "utf-8", "detected", "fallback"]


@dataclass(frozen=True, slots=True)
class Decoded:
    """The page's text, the Python codec that decoded it, and which evidence chose it
    (`extract()` hands the bytes straight to the parser when they were strict UTF-8)."""

    text: str
    encoding: str
    source: Source


def normalize_encoding(label: str | None) -> str | None:
    """Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
        b"\x80".decode(name, "replace")  # refuses non-text codecs (hex, zlib) and idna/undefined
    except (LookupError, ValueError):
        return None
    return _SUPERSETS.get(name, name)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset label of the first `<meta charset>` or `<meta http-equiv>` declaration
    in the first 16 KiB of the page, as written (it may name no known codec)."""
    match = _META_CHARSET.search(data, 0, _META_SCAN_BYTES)
    return match.group(1).decode("ascii", "replace") if match else None


def _strict_utf8(data: bytes) -> str | None:
    """The text if `data` is valid UTF-8, else None (one decode serves as test and result)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """Decode as UTF-8 when only a few stray bytes are invalid (truncated or mixed pages)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) if bad else 0
    return text if bad <= _MAX_REPLACEMENT_SHARE * non_ascii else None


def _detect(data: bytes) -> Decoded:
    best = charset_normalizer.from_bytes(data[:262_144]).best()
    encoding = normalize_encoding(best.encoding) if best is not None else None
    if encoding:
        return Decoded(data.decode(encoding, "replace"), encoding, "detected")
    return Decoded(data.decode("cp1252", "replace"), "cp1252", "fallback")


def decode_html(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode page bytes; `http_charset` is the charset label from the HTTP headers, if known."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, "replace"), encoding, "bom")

    source: Source = "http"
    encoding = normalize_encoding(http_charset)
    if encoding is None:
        source = "meta"
        encoding = normalize_encoding(sniff_meta_charset(data))

    if encoding is not None and encoding != "utf-8":
        text = None if data.isascii() else _strict_utf8(data)
        if text is not None:
            return Decoded(text, "utf-8", "utf-8")
        return Decoded(data.decode(encoding, "replace"), encoding, source)

    text = _strict_utf8(data)
    if text is not None:
        return Decoded(text, "utf-8", source if encoding else "utf-8")
    text = _mostly_utf8(data)
    if text is not None:
        return Decoded(text, "utf-8", source if encoding else "utf-8")
    return _detect(data)
