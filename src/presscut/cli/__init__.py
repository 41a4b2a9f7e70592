"""The `presscut` command line: one module per subcommand.

Each subcommand module defines `register(subparsers)`, which adds its parser
and sets `func` to a callable taking the parsed arguments and returning the
exit status. Exit statuses are shared by all subcommands:
0 success, 1 no article in the input, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

EXIT_OK = 0
EXIT_NO_ARTICLE = 1
EXIT_BAD_INPUT = 2

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
        return 130
    except BrokenPipeError:
        # The reader went away (`presscut ... | head`): not an error of ours.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
