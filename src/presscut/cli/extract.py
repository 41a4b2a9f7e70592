"""`presscut extract FILE|URL|-`: one page in, one article out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from presscut.article import Article
from presscut.cli import (
    EXIT_BAD_INPUT,
    EXIT_NO_ARTICLE,
    EXIT_OK,
    FORMAT_HELP,
    FORMATS,
    positive,
    read_at_most,
    write_article,
)
from presscut.errors import ExtractionError, FetchError
from presscut.extract import DEFAULT_MAX_BYTES, extract
from presscut.fetch import DEFAULT_TIMEOUT, USER_AGENT, fetch


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
        choices=FORMATS,
        default="text",
        help=FORMAT_HELP,
    )
    parser.add_argument(
        "--timeout",
        type=positive(float, "seconds"),
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"network timeout for URL sources (default: {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--user-agent",
        default=USER_AGENT,
        metavar="UA",
        help="User-Agent header for URL sources (default: a browser's, naming presscut)",
    )
    parser.set_defaults(func=run)


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _load(args: argparse.Namespace) -> Article:
    """Read the source and extract; raises `OSError`, `FetchError` or `ExtractionError`."""
    if _is_url(args.source):
        page = fetch(args.source, timeout=args.timeout, user_agent=args.user_agent)
        return extract(
            page.content,
            url=args.url or page.url,
            content_type=page.content_type,
            content_language=page.content_language,
        )
    if args.source == "-":
        data = read_at_most(sys.stdin.buffer, "standard input", DEFAULT_MAX_BYTES)
    else:
        with Path(args.source).open("rb") as file:
            data = read_at_most(file, args.source, DEFAULT_MAX_BYTES)
    return extract(data, url=args.url)


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
    write_article(article, args.format)
    return EXIT_OK
