"""`presscut extract FILE|URL|-`: one page in, one article out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO

from presscut.article import Article
from presscut.cli import EXIT_BAD_INPUT, EXIT_NO_ARTICLE, EXIT_OK
from presscut.errors import ExtractionError, FetchError, InputTooLargeError
from presscut.extract import DEFAULT_MAX_BYTES, extract
from presscut.fetch import DEFAULT_TIMEOUT, USER_AGENT, fetch


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value!r}")
    return seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract the article from one page",
        description="Extract the article from one web page and print it. Exit status: "
        "0 an article was printed, 1 the page has no article (a listing, an empty shell), "
        "2 bad input or usage.",
    )
    parser.add_argument(
        "source",
        help="an HTML file (.html or .html.gz), an http(s) URL to download, or - for stdin",
    )
    parser.add_argument(
        "--url", help="the page's URL, for resolving links (default: the URL downloaded, if any)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text: plain paragraphs; markdown: Markdown with YAML front matter; "
        "json: the full Article (docs/output-format.md). Default: text",
    )
    parser.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"network timeout for URL sources (default: {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--user-agent", default=USER_AGENT, help="User-Agent header for URL sources"
    )
    parser.set_defaults(func=run)


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _load(args: argparse.Namespace) -> Article:
    """Read the source and extract; raises `OSError`, `FetchError` or `ExtractionError`."""
    if _is_url(args.source):
        page = fetch(args.source, timeout=args.timeout, user_agent=args.user_agent)
        return extract(page.content, url=args.url or page.url, content_type=page.content_type)
    if args.source == "-":
        data = _read_at_most(sys.stdin.buffer, "standard input")
    else:
        with Path(args.source).open("rb") as file:
            data = _read_at_most(file, args.source)
    return extract(data, url=args.url)


def _read_at_most(stream: BinaryIO, name: str) -> bytes:
    """Read a file or a pipe, but never more than `extract()` accepts (think /dev/zero)."""
    data = stream.read(DEFAULT_MAX_BYTES + 1)
    if len(data) > DEFAULT_MAX_BYTES:
        raise InputTooLargeError(f"{name} is larger than {DEFAULT_MAX_BYTES} bytes")
    return data


def _render(article: Article, output_format: str) -> str:
    if output_format == "json":
        return article.to_json(indent=2) + "\n"
    if output_format == "markdown":
        return article.markdown(front_matter=True)
    return article.text + "\n"


def run(args: argparse.Namespace) -> int:
    try:
        article = _load(args)
    except OSError as exc:
        print(f"presscut: cannot read {args.source}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (FetchError, ExtractionError) as exc:
        print(f"presscut: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not article.body:
        print(
            f"presscut: no article in {args.source} ({article.page_type} page): {article.reason}",
            file=sys.stderr,
        )
        return EXIT_NO_ARTICLE
    # UTF-8 whatever the locale: article text is rarely ASCII.
    sys.stdout.buffer.write(_render(article, args.format).encode("utf-8"))
    sys.stdout.flush()
    return EXIT_OK
