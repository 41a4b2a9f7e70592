"""Corpus mode: clean every record of a JSONL(.gz) file, streaming, in two passes.

Pass 1 reads the records and counts, per URL host, the lines that recur
across records (`templates.TemplateCounter`, fixed memory). Pass 2 reads
them again, cleans each text with the line classifier, and also removes the
lines that recur on the record's host (reason ``template``) unless the
classifier is confident they are article text. One record is in memory at a
time and a JSONL line longer than `max_record_bytes` is skipped in chunks,
never read whole, so memory stays flat on files larger than memory.

Output: one line per input line, in the same order, so line N of the output
always belongs to line N of the input. A cleaned record is the input object
with every field kept and these fields added:

- ``presscut_text``: the cleaned article text (paragraphs separated by a blank line);
- ``presscut_removed``: the removed lines, ``[{"reason": ..., "text": ...}]``;
- ``presscut_title``, ``presscut_authors``, ``presscut_published``,
  ``presscut_language``: metadata found in the text;
- ``presscut_reason``: why ``presscut_text`` is empty (``null`` otherwise).

A record that cannot be cleaned is written as the input object unchanged
plus ``presscut_error``; when the line is not a JSON object at all (invalid
JSON or UTF-8, too long, a blank line), as ``{"presscut_error": ...,
"presscut_position": N}``. Every error is also written to the errors file,
one JSON object per line: ``{"position": N, "error": "..."}``, where N is
the 1-based line number in the input.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import numpy as np

from presscut.text import assemble, classify_page, split_text, text_lines
from presscut.text.classifier import load_model
from presscut.text.templates import TemplateCounter

DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024
_CHUNK = 1 << 20


class RecordError(ValueError):
    """One record cannot be cleaned; the run goes on."""


@dataclass(slots=True)
class CorpusStats:
    records: int = 0
    cleaned: int = 0
    empty: int = 0
    errors: int = 0
    template_lines: int = 0


@dataclass(frozen=True, slots=True)
class Fields:
    text: str = "text"
    url: str = "url"
    title: str = "title"


def open_binary(path: str | Path) -> IO[bytes]:
    """Open a JSONL file for reading, gunzipping `.gz` files."""
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def open_text_out(path: str | Path) -> IO[str]:
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8", newline="\n")  # type: ignore[return-value]
    return open(path, "w", encoding="utf-8", newline="\n")


def read_lines(fh: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(1-based position, raw line) for each line; None for a line over `max_bytes`.

    A too-long line is consumed in chunks and never held whole.
    """
    position = 0
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            return
        position += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while True:
                rest = fh.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield position, None
            continue
        yield position, raw


def parse_record(raw: bytes | None, max_bytes: int) -> dict[str, Any]:
    """The JSON object of one input line, or `RecordError`."""
    if raw is None:
        raise RecordError(f"record is longer than {max_bytes} bytes")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"invalid UTF-8 at byte {exc.start}") from None
    if not line.strip():
        raise RecordError("blank line")
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise RecordError(f"invalid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise RecordError(f"a JSON {type(record).__name__}, not an object")
    return record


def record_text(record: dict[str, Any], fields: Fields) -> str:
    if fields.text not in record:
        raise RecordError(f"missing field {fields.text!r}")
    text = record[fields.text]
    if not isinstance(text, str):
        raise RecordError(f"field {fields.text!r} is {type(text).__name__}, not a string")
    if not text.strip():
        raise RecordError(f"field {fields.text!r} is empty")
    return text


def _optional_str(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return value if isinstance(value, str) and value.strip() else None


def record_host(record: dict[str, Any], fields: Fields) -> str:
    """The URL host the record's template is counted under ("" without a usable URL)."""
    url = _optional_str(record, fields.url)
    if url is None:
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def count_templates(
    source: str | Path, fields: Fields, counter: TemplateCounter, max_bytes: int
) -> None:
    """Pass 1: count every good record's lines under its host."""
    with open_binary(source) as fh:
        for _, raw in read_lines(fh, max_bytes):
            try:
                record = parse_record(raw, max_bytes)
                text = record_text(record, fields)
            except RecordError:
                continue
            counter.add_record(record_host(record, fields), text_lines(text))
    counter.flush()


def clean_record(
    record: dict[str, Any], fields: Fields, counter: TemplateCounter | None
) -> tuple[dict[str, Any], int]:
    """The output record for one good input record, and how many template lines it lost."""
    text = record_text(record, fields)
    page = split_text(text)
    lines = list(page.lines)
    decisions = classify_page(page)
    templates = 0
    if counter is not None and lines:
        recurring = counter.recurring(record_host(record, fields), lines)
        confident = load_model().confident
        for i in np.flatnonzero(recurring & (decisions.probs < confident)):
            if decisions.reasons[i] is None:
                decisions.reasons[i] = "template"
                templates += 1
    article = assemble(
        decisions,
        url=_optional_str(record, fields.url),
        title=_optional_str(record, fields.title),
    )
    out = dict(record)
    out["presscut_text"] = article.text
    out["presscut_removed"] = [{"reason": r.reason, "text": r.text} for r in article.removed]
    out["presscut_title"] = article.title
    out["presscut_authors"] = list(article.authors)
    out["presscut_published"] = article.published
    out["presscut_language"] = article.language
    out["presscut_reason"] = article.reason
    return out, templates


def clean_corpus(
    source: str | Path,
    out: IO[str],
    errors: IO[str],
    *,
    fields: Fields | None = None,
    templates: bool = True,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    counter: TemplateCounter | None = None,
) -> CorpusStats:
    """Clean every record of `source` (JSONL or JSONL.gz) into `out`; see the module docstring.

    `counter` defaults to a full-size `TemplateCounter`; pass a smaller one
    for small inputs (tests). With `templates=False` pass 1 is skipped.
    """
    fields = fields or Fields()
    if templates:
        counter = counter or TemplateCounter()
        count_templates(source, fields, counter, max_record_bytes)
    else:
        counter = None
    stats = CorpusStats()
    with open_binary(source) as fh:
        for position, raw in read_lines(fh, max_record_bytes):
            stats.records += 1
            record: dict[str, Any] | None = None
            try:
                record = parse_record(raw, max_record_bytes)
                cleaned, removed_as_template = clean_record(record, fields, counter)
            except RecordError as exc:
                stats.errors += 1
                message = str(exc)
                write_json_line(errors, {"position": position, "error": message})
                if record is None:
                    cleaned = {"presscut_error": message, "presscut_position": position}
                else:
                    cleaned = dict(record)
                    cleaned["presscut_error"] = message
            else:
                stats.template_lines += removed_as_template
                if cleaned["presscut_text"]:
                    stats.cleaned += 1
                else:
                    stats.empty += 1
            write_json_line(out, cleaned)
    return stats


def write_json_line(out: IO[str], value: dict[str, Any]) -> None:
    """One JSON line; text with lone surrogates (legal in JSON input) is written escaped."""
    try:
        out.write(json.dumps(value, ensure_ascii=False) + "\n")
    except UnicodeEncodeError:
        out.write(json.dumps(value) + "\n")


__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "CorpusStats",
    "Fields",
    "RecordError",
    "clean_corpus",
    "open_text_out",
]
