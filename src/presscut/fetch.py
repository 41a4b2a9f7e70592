"""Download one web page for `extract()`, defensively.

A URL given to presscut is untrusted: the server may be slow, redirect in
circles, send a gzip bomb, or answer with a PDF. `fetch()` bounds every one
of those (connect and read timeouts plus a deadline for the whole download,
a redirect limit, a cap on the decompressed body size) and turns every
failure into a `FetchError`, or a `NotHTMLError` for a content type that is
clearly not a web page, so that callers have exactly two exceptions to
handle. It returns the raw bytes with the Content-Type and Content-Language
headers: decoding is left to `extract()`, which gives the header's charset
precedence over the page's own declaration and weighs the header's language
with the page's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from presscut import __version__
from presscut.errors import FetchError, NotHTMLError
from presscut.extract import DEFAULT_MAX_BYTES

DEFAULT_TIMEOUT = 10.0
"""Seconds allowed to connect, and to wait for each piece of the response."""

DEADLINE_FACTOR = 3
"""The whole download must finish within this many `timeout`s (a server
dripping one byte at a time never trips a read timeout)."""

MAX_REDIRECTS = 5

# Some sites serve bots a stripped page or a block page; a browser-like
# string gets the page readers see, and the presscut token says who asks.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/131.0.0.0 Safari/537.36 presscut/{__version__}"
)
_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    # Only the encodings httpx decodes without optional packages.
    "Accept-Encoding": "gzip, deflate",
}

# Types worth handing to `extract()`. `text/plain` and `application/octet-stream`
# are kept because servers mislabel HTML with them; `extract()` sniffs the bytes.
_MAYBE_HTML = ("text/", "application/xhtml+xml", "application/xml", "application/octet-stream")


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A downloaded page: `url` is the final URL, after redirects; `content_type` and
    `content_language` are the response's headers, for `extract()`."""

    url: str
    content: bytes
    content_type: str | None
    status: int
    content_language: str | None = None


def _check_content_type(content_type: str | None, url: str) -> None:
    if not content_type:
        return
    mime = content_type.split(";", 1)[0].strip().lower()
    if not mime or mime.startswith(_MAYBE_HTML) or mime.endswith("+xml"):
        return
    raise NotHTMLError(f"{url} is {mime}, not HTML")


def _read_body(response: httpx.Response, *, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if (
        declared.isdigit()
        and int(declared) > max_bytes
        and "Content-Encoding" not in response.headers
    ):
        raise FetchError(f"{response.url} is {declared} bytes, more than {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    # iter_bytes() yields decompressed data, so the limit also stops gzip bombs.
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{response.url} is larger than {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"{response.url} took too long to download")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    user_agent: str = USER_AGENT,
) -> FetchedPage:
    """Download an http(s) URL, following redirects.

    Raises `FetchError` for a network failure, a timeout, too many redirects,
    a non-2xx status or a body larger than `max_bytes`; `NotHTMLError` when
    the server says the resource is not a web page (a PDF, an image...).
    """
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"not an http(s) URL: {url}")
    deadline = time.monotonic() + DEADLINE_FACTOR * timeout
    headers = {**_HEADERS, "User-Agent": user_agent}
    try:
        with (
            httpx.Client(
                headers=headers,
                timeout=httpx.Timeout(timeout),
                follow_redirects=True,
                max_redirects=max_redirects,
            ) as client,
            client.stream("GET", url) as response,
        ):
            final_url = str(response.url)
            if not response.is_success:
                raise FetchError(f"{final_url} answered HTTP {response.status_code}")
            content_type = response.headers.get("Content-Type")
            _check_content_type(content_type, final_url)
            content = _read_body(response, max_bytes=max_bytes, deadline=deadline)
            content_language = response.headers.get("Content-Language")
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url}: more than {max_redirects} redirects") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from exc
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        raise FetchError(f"{url}: {exc}") from exc
    return FetchedPage(final_url, content, content_type, response.status_code, content_language)


__all__ = ["DEFAULT_TIMEOUT", "MAX_REDIRECTS", "USER_AGENT", "FetchedPage", "fetch"]
