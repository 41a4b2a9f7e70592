"""Page bytes to text: BOM, HTTP charset, meta charset, mislabelled UTF-8, detection."""

from __future__ import annotations

import codecs

import pytest

from presscut.decode import decode_html, normalize_encoding

TEXT = "Ökonomen warnen: Die Preise für Strom und Gas steigen – schon wieder."


def _page(body: str, charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}</head><body><p>{body}</p></body></html>"


def test_bom_wins_over_everything() -> None:
    data = codecs.BOM_UTF8 + _page(TEXT, "iso-8859-1").encode("utf-8")
    decoded = decode_html(data, http_charset="koi8-r")
    assert (decoded.encoding, decoded.source) == ("utf-8", "bom")
    assert TEXT in decoded.text


@pytest.mark.parametrize(
    "bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    decoded = decode_html(bom + _page(TEXT).encode(codec))
    assert TEXT in decoded.text


def test_http_charset_beats_meta() -> None:
    data = _page(TEXT, "utf-8").encode("cp1252")
    decoded = decode_html(data, http_charset="windows-1252")
    assert decoded.source == "http"
    assert TEXT in decoded.text


def test_meta_charset_is_used() -> None:
    data = _page(TEXT, "windows-1252").encode("cp1252")
    decoded = decode_html(data)
    assert (decoded.encoding, decoded.source) == ("cp1252", "meta")
    assert TEXT in decoded.text


def test_latin1_label_means_windows_1252() -> None:
    data = _page("„Zitat“ – 5 €", "iso-8859-1").encode("cp1252")
    assert "„Zitat“ – 5 €" in decode_html(data).text


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "gb2312", "shift_jis", "koi8-r"])
def test_utf8_mislabelled_as_another_charset_is_read_as_utf8(label: str) -> None:
    body = TEXT + " 中文站报道 日本語のテキスト"
    decoded = decode_html(_page(body, label).encode("utf-8"))
    assert decoded.encoding == "utf-8"
    assert body in decoded.text


def test_real_gbk_page_is_not_taken_for_utf8() -> None:
    body = "谷歌在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识的计算机。"
    decoded = decode_html(_page(body, "gb2312").encode("gb18030"))
    assert body in decoded.text


def test_undeclared_non_utf8_is_detected() -> None:
    body = "Příliš žluťoučký kůň úpěl ďábelské ódy. " * 20
    decoded = decode_html(_page(body).encode("cp1250"))
    assert decoded.source == "detected"
    assert "žluťoučký kůň" in decoded.text


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = _page(TEXT * 50).encode("utf-8") + b"\xff"
    decoded = decode_html(data)
    assert decoded.encoding == "utf-8"
    assert TEXT in decoded.text


@pytest.mark.parametrize("label", ["foo-bar", "", "hex", "base64", "utf-7x"])
def test_unknown_or_non_text_labels_are_ignored(label: str) -> None:
    assert normalize_encoding(label) is None
    decoded = decode_html(_page(TEXT, label).encode("utf-8"))
    assert TEXT in decoded.text
