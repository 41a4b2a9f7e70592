"""`presscut clean`: text mode, for one page of plain text or a whole JSONL corpus.

    presscut clean FILE|- [--format text|markdown|json] [--url U] [--title T]
    presscut clean --jsonl IN.jsonl[.gz] -o OUT.jsonl[.gz] [--errors ERR.jsonl]
                   [--text-field text] [--url-field url] [--title-field title]
                   [--no-templates] [--max-record-bytes N]

Exit statuses as for `extract`: 0 success, 1 nothing left (no article text
in the page; in corpus mode, no record with any article text), 2 bad input
or usage (unreadable file, text over `clean_text`'s size limit). In corpus mode a bad
*record* is not a bad input: it is reported in the errors file
(default: OUT with `.errors.jsonl` appended) and the run goes on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
from presscut.errors import ExtractionError

# A UTF-8 character takes at most 4 bytes and every undecodable byte becomes one
# character, so more bytes than this always decode to more characters than
# `clean_text` accepts: reading further would only fill memory (think /dev/zero).
_BYTES_PER_CHAR = 4


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "clean",
        help="clean the article out of extracted plain text (one page, or a JSONL corpus)",
        description=(
            "Remove appeals, prompts, menus and other boilerplate from page text that was "
            "already extracted, and restore lost paragraph breaks."
        ),
    )
    parser.add_argument("source", nargs="?", help="a plain-text file, or - for standard input")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=FORMAT_HELP,
    )
    parser.add_argument("--url", help="the page's URL (single-page mode)")
    parser.add_argument("--title", help="the page's title, when known (single-page mode)")
    corpus = parser.add_argument_group("corpus mode")
    corpus.add_argument("--jsonl", metavar="IN", help="input JSONL file (.gz for gzip)")
    corpus.add_argument("-o", "--output", metavar="OUT", help="output JSONL file (.gz for gzip)")
    corpus.add_argument("--errors", metavar="ERR", help="errors file (default: OUT.errors.jsonl)")
    corpus.add_argument(
        "--text-field", default="text", metavar="F", help="field holding the text (default: text)"
    )
    corpus.add_argument(
        "--url-field", default="url", metavar="F", help="field holding the page URL (default: url)"
    )
    corpus.add_argument(
        "--title-field",
        default="title",
        metavar="F",
        help="field holding the page title (default: title)",
    )
    corpus.add_argument(
        "--no-templates",
        action="store_true",
        help="skip the first pass that learns each site's recurring lines",
    )
    corpus.add_argument(
        "--max-record-bytes",
        type=positive(int, "bytes"),
        default=None,
        metavar="N",
        help="longer JSONL lines are reported as errors (default: 4 MiB)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.source is not None or args.output is None:
            print("presscut: usage: presscut clean --jsonl IN -o OUT", file=sys.stderr)
            return EXIT_BAD_INPUT
        return run_corpus(args)
    if args.source is None:
        print("presscut: give a FILE, - for standard input, or --jsonl IN -o OUT", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_page(args)


def run_page(args: argparse.Namespace) -> int:
    from presscut.text import DEFAULT_MAX_CHARS, clean_text

    limit = _BYTES_PER_CHAR * DEFAULT_MAX_CHARS
    try:
        if args.source == "-":
            data = read_at_most(sys.stdin.buffer, "standard input", limit)
        else:
            with Path(args.source).open("rb") as file:
                data = read_at_most(file, args.source, limit)
        article = clean_text(data.decode("utf-8", "replace"), url=args.url, title=args.title)
    except OSError as exc:
        print(f"presscut: cannot read {args.source}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ExtractionError as exc:
        print(f"presscut: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not article.body:
        print(f"presscut: no article: {article.reason}", file=sys.stderr)
        return EXIT_NO_ARTICLE
    write_article(article, args.format)
    return EXIT_OK


def run_corpus(args: argparse.Namespace) -> int:
    from presscut.text.corpus import (
        DEFAULT_MAX_RECORD_BYTES,
        Fields,
        clean_corpus,
        open_text_out,
    )

    source = Path(args.jsonl)
    if not source.is_file():
        print(f"presscut: no such file: {source}", file=sys.stderr)
        return EXIT_BAD_INPUT
    errors_path = args.errors or f"{args.output}.errors.jsonl"
    max_bytes = args.max_record_bytes or DEFAULT_MAX_RECORD_BYTES  # None: the default
    fields = Fields(text=args.text_field, url=args.url_field, title=args.title_field)
    try:
        with open_text_out(args.output) as out, open_text_out(errors_path) as errors:
            stats = clean_corpus(
                source,
                out,
                errors,
                fields=fields,
                templates=not args.no_templates,
                max_record_bytes=max_bytes,
            )
    except OSError as exc:
        print(f"presscut: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(
        f"presscut: {stats.records} records: {stats.cleaned} cleaned, {stats.empty} with no "
        f"article text, {stats.errors} errors (see {errors_path}); "
        f"{stats.template_lines} template lines removed",
        file=sys.stderr,
    )
    return EXIT_OK if stats.cleaned else EXIT_NO_ARTICLE
