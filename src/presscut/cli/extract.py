"""`presscut extract FILE|URL|-`: one page in, one article out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from presscut.cli import EXIT_BAD_INPUT, EXIT_NO_ARTICLE, EXIT_OK
from presscut.errors import ExtractionError
from presscut.extract import extract


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="extract the article from one page")
    parser.add_argument("source", help="an HTML file, an http(s) URL, or - for standard input")
    parser.add_argument("--url", help="the page's URL (for a file or stdin)")
    parser.add_argument(
        "--format", choices=("json", "markdown", "text"), default="text", help="output format"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        if args.source == "-":
            data = sys.stdin.buffer.read()
        else:
            data = Path(args.source).read_bytes()
        article = extract(data, url=args.url)
    except (OSError, ExtractionError) as exc:
        print(f"presscut: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not article.body:
        print(f"presscut: no article: {article.reason}", file=sys.stderr)
        return EXIT_NO_ARTICLE
    if args.format == "json":
        out = article.to_json(indent=2)
    elif args.format == "markdown":
        out = article.markdown(front_matter=True)
    else:
        out = article.text
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return EXIT_OK
