"""`presscut.fetch`: every way a server can misbehave, against a local server."""

from __future__ import annotations

import gzip
import socket
import threading
from http.server import BaseHTTPRequestHandler

import pytest

from presscut import FetchError, NotHTMLError, extract
from presscut.fetch import fetch

PAGE = (
    b"<!DOCTYPE html><html><head><title>Harbour news</title></head><body><article>"
    b"<p>The harbour master said the new pontoons would be installed before the summer.</p>"
    b"</article></body></html>"
)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_follows_redirects_and_reports_the_final_url(http_server):
    http_server.routes["/old"] = (301, {"Location": "/moved"}, b"")
    http_server.routes["/moved"] = (302, {"Location": http_server.url("/story")}, b"")
    http_server.routes["/story"] = (200, HTML, PAGE)

    page = fetch(http_server.url("/old"))

    assert page.url == http_server.url("/story")
    assert page.status == 200
    assert page.content == PAGE
    assert page.content_type == "text/html; charset=utf-8"
    assert page.content_language is None


def test_reports_the_content_language_header(http_server):
    http_server.routes["/story"] = (200, {**HTML, "Content-Language": "de-AT"}, PAGE)

    assert fetch(http_server.url("/story")).content_language == "de-AT"


def test_sends_browser_like_headers_naming_presscut(http_server):
    http_server.routes["/story"] = (200, HTML, PAGE)

    fetch(http_server.url("/story"))

    _, headers = http_server.requests[-1]
    assert headers["user-agent"].startswith("Mozilla/5.0 ")
    assert "presscut/" in headers["user-agent"]
    assert headers["accept"].startswith("text/html")
    assert "gzip" in headers["accept-encoding"]


def test_user_agent_can_be_replaced(http_server):
    http_server.routes["/story"] = (200, HTML, PAGE)

    fetch(http_server.url("/story"), user_agent="archive-bot/2.0")

    assert http_server.requests[-1][1]["user-agent"] == "archive-bot/2.0"


def test_redirect_loop_is_cut_off(http_server):
    http_server.routes["/a"] = (302, {"Location": "/b"}, b"")
    http_server.routes["/b"] = (302, {"Location": "/a"}, b"")

    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(http_server.url("/a"), max_redirects=3)


def test_charset_given_only_in_the_header_decodes_the_page(http_server):
    body = (
        "<html><body><p>Le caf\u00e9 du port rouvre \u201cbient\u00f4t\u201d, promet le "
        "maire \u2013 apr\u00e8s deux ans de travaux.</p></body></html>"
    ).encode("windows-1252")
    http_server.routes["/fr"] = (200, {"Content-Type": "text/html; charset=windows-1252"}, body)

    page = fetch(http_server.url("/fr"))
    article = extract(
        page.content, url=page.url, content_type=page.content_type, include_removed=True
    )

    # Kept or cut, the decoded text is the same (`removed` makes this independent of the model).
    assert [b.text for b in article.body + article.removed] == [
        "Le caf\u00e9 du port rouvre \u201cbient\u00f4t\u201d, promet le maire \u2013 "
        "apr\u00e8s deux ans de travaux."
    ]


def test_gzip_content_encoding_is_decoded(http_server):
    http_server.routes["/gz"] = (200, {**HTML, "Content-Encoding": "gzip"}, gzip.compress(PAGE))

    assert fetch(http_server.url("/gz")).content == PAGE


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_error_status_is_a_fetch_error(http_server, status):
    http_server.routes["/gone"] = (status, HTML, b"<html><body><p>Sorry</p></body></html>")

    with pytest.raises(FetchError, match=f"HTTP {status}"):
        fetch(http_server.url("/gone"))


def test_body_larger_than_the_declared_limit_is_refused(http_server):
    http_server.routes["/big"] = (200, HTML, b"<p>" + b"x" * 5000 + b"</p>")

    with pytest.raises(FetchError, match="more than 1000"):
        fetch(http_server.url("/big"), max_bytes=1000)


def _stream_without_length(body: bytes) -> object:
    """A response with no Content-Length: its size is only known by reading it."""

    def respond(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for start in range(0, len(body), 512):
            handler.wfile.write(body[start : start + 512])

    return respond


def test_streamed_body_is_cut_off_past_the_limit(http_server):
    http_server.routes["/stream"] = _stream_without_length(b"<p>" + b"y" * 20_000 + b"</p>")

    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch(http_server.url("/stream"), max_bytes=1000)


def test_gzip_bomb_is_cut_off_past_the_limit(http_server):
    bomb = gzip.compress(b"<p>" + b" " * 5_000_000 + b"</p>")
    http_server.routes["/bomb"] = (200, {**HTML, "Content-Encoding": "gzip"}, bomb)

    with pytest.raises(FetchError, match="larger than 100000 bytes"):
        fetch(http_server.url("/bomb"), max_bytes=100_000)


def test_streamed_body_within_the_limit_is_read_whole(http_server):
    body = b"<html><body>" + b"<p>Paragraph of a long page.</p>" * 200 + b"</body></html>"
    http_server.routes["/stream"] = _stream_without_length(body)

    assert fetch(http_server.url("/stream")).content == body


def _stall_before_body(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.flush()
    stop.wait(10)


def _drip(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """Sends a few bytes every 20 ms: no single read times out (unless the machine stalls)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    handler.wfile.write(b"<html><body><p>")
    while not stop.wait(0.02):
        handler.wfile.write(b"drip ")
        handler.wfile.flush()


def test_server_that_stops_answering_times_out(http_server):
    http_server.routes["/slow"] = _stall_before_body

    with pytest.raises(FetchError, match="timed out"):
        fetch(http_server.url("/slow"), timeout=0.2)


def test_server_that_drips_forever_hits_the_download_deadline(http_server):
    http_server.routes["/drip"] = _drip

    with pytest.raises(FetchError, match="took too long"):
        fetch(http_server.url("/drip"), timeout=0.5)


@pytest.mark.parametrize(
    ("content_type", "what"),
    [
        ("application/pdf", "application/pdf"),
        ("image/jpeg", "image/jpeg"),
        ("application/json; charset=utf-8", "application/json"),
    ],
)
def test_non_html_content_type_is_refused(http_server, content_type, what):
    http_server.routes["/file"] = (200, {"Content-Type": content_type}, b"%PDF-1.7 ...")

    with pytest.raises(NotHTMLError, match=f"is {what}, not HTML"):
        fetch(http_server.url("/file"))


@pytest.mark.parametrize("content_type", ["text/plain", "application/xhtml+xml", None])
def test_mislabelled_or_unlabelled_html_is_accepted(http_server, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    http_server.routes["/page"] = (200, headers, PAGE)

    assert fetch(http_server.url("/page")).content == PAGE


def test_connection_refused_is_a_fetch_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port any more.
    with pytest.raises(FetchError, match=f"127.0.0.1:{port}"):
        fetch(f"http://127.0.0.1:{port}/", timeout=2)


@pytest.mark.parametrize("url", ["ftp://example.org/page.html", "file:///etc/passwd", "example"])
def test_only_http_urls_are_fetched(url):
    with pytest.raises(FetchError, match="not an http"):
        fetch(url)
