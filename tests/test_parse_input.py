"""Pages given as bytes reach the parser as those bytes only when they are the text's UTF-8."""

from __future__ import annotations

import codecs

from presscut import extract
from presscut.extract import _read_html

STORY = " ".join(["Die Hafenmauer wurde am Freitag nach zwei Jahren Arbeit fertiggestellt."] * 5)
PAGE = (
    "<html><head><meta charset='iso-8859-1'><title>Hafen</title></head>"
    f"<body><h1>Größer als gedacht: der Hafen</h1><p>{STORY} Ça coûte 5 €.</p></body></html>"
)


def _read(data: bytes | str) -> tuple[str, bytes | None]:
    return _read_html(data, content_type=None, max_bytes=1_000_000)


def test_strict_utf8_bytes_are_handed_on_as_they_are() -> None:
    data = PAGE.encode("utf-8")
    assert _read(data) == (PAGE, data)


def test_other_decodes_hand_on_the_text_only() -> None:
    assert _read(PAGE)[1] is None  # text in
    assert _read(codecs.BOM_UTF8 + PAGE.encode("utf-8")) == (PAGE, None)
    latin = PAGE.replace("€", "EUR").encode("iso-8859-1")
    assert _read(latin) == (PAGE.replace("€", "EUR"), None)
    broken = PAGE.encode("utf-8").replace("Ça".encode(), b"\xc3(a")  # one invalid byte
    assert _read(broken)[1] is None
    assert _read(PAGE.encode("utf-8").replace(b"<p>", b"<p>\x00"))[1] is None


def test_a_page_as_utf8_bytes_gives_the_article_it_gives_as_text() -> None:
    # The <meta> names Latin-1: the parser must not re-decode the UTF-8 bytes by it.
    from_bytes = extract(PAGE.encode("utf-8"), include_removed=True)
    assert from_bytes.to_dict() == extract(PAGE, include_removed=True).to_dict()
    assert "Ça coûte 5 €." in from_bytes.text
    assert from_bytes.title == "Größer als gedacht: der Hafen"
