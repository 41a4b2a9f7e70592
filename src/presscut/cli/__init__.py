"""The `presscut` command line: one module per subcommand.

Each subcommand module defines `register(subparsers)`, which adds its parser
and sets `func` to a callable taking the parsed arguments and returning the
exit status. Exit statuses are shared by all subcommands:
0 success, 1 no article in the input, 2 bad input or usage (argparse's own
status for usage errors), 130 interrupted. The helpers below read a bounded
input and print an article the same way for every subcommand.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, BinaryIO

from presscut.errors import InputTooLargeError

if TYPE_CHECKING:
    from presscut.article import Article

EXIT_OK = 0
EXIT_NO_ARTICLE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

FORMATS = ("text", "markdown", "json")
"""Output formats of a single article; `text` is the default."""
FORMAT_HELP = (
    "text: plain paragraphs; markdown: Markdown with YAML front matter; "
    "json: the full Article (docs/output-format.md). Default: text"
)

SUBCOMMANDS = ("extract", "clean")


def build_parser() -> argparse.ArgumentParser:
    from presscut import __version__

    parser = argparse.ArgumentParser(
        prog="presscut",
        description="Cut clean, structured news articles out of web pages.",
    )
    parser.add_argument("--version", action="version", version=f"presscut {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in SUBCOMMANDS:
        importlib.import_module(f"presscut.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`presscut ... | head`): not an error of ours.
        sys.stderr.close()
        return EXIT_OK


def positive(convert: Callable[[str], float], unit: str) -> Callable[[str], float]:
    """An argparse `type` that takes a number above zero (`nan` and `inf` excepted)."""

    def parse(value: str) -> float:
        try:
            number = convert(value)
        except ValueError:
            number = 0
        if not 0 < number < float("inf"):
            raise argparse.ArgumentTypeError(f"must be a positive number of {unit}, not {value!r}")
        return number

    return parse


def read_at_most(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read a file or a pipe, but never more than `max_bytes` (think /dev/zero).

    Raises `InputTooLargeError` when there is more, without reading the rest.
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{name} is larger than {max_bytes} bytes")
    return data


def write_article(article: Article, output_format: str) -> None:
    """Print `article` in one of `FORMATS` on stdout, as UTF-8 whatever the locale
    (article text is rarely ASCII, and a pipe's locale encoding is often not UTF-8)."""
    if output_format == "json":
        out = article.to_json(indent=2)
    elif output_format == "markdown":
        out = article.markdown(front_matter=True)
    else:
        out = article.text
    sys.stdout.buffer.write((out if out.endswith("\n") else out + "\n").encode("utf-8"))
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
