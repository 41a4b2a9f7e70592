"""`python -m presscut.bench SUBCOMMAND [options]`: dispatch to one benchmark module.

Each subcommand is a module of this package with a `main(argv) -> int`.
Modules are imported only when their subcommand runs, so a module that is
missing (or whose optional dependencies are) fails its own subcommand only.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

SUBCOMMANDS = {
    "quality": "presscut.bench.quality",
    "speed": "presscut.bench.speed",
    "metadata": "presscut.bench.metadata",
    "text": "presscut.bench.text",
    "robustness": "presscut.bench.robustness",
    "all": "presscut.bench.full",
}
USAGE = (
    "usage: python -m presscut.bench {" + ",".join(SUBCOMMANDS) + "} [options]\n"
    "  quality     extraction quality against the shared datasets\n"
    "  speed       speed and peak memory on one core\n"
    "  metadata    metadata accuracy against trafilatura, htmldate and newspaper4k\n"
    "  text        text mode (clean_text) against line-filter baselines\n"
    "  robustness  every dataset page, whole and broken, through extract (crash hunt)\n"
    "  all         quality, speed, the issue's targets (PASS/FAIL), metadata and text\n"
    "Run a subcommand with --help for its options."
)


def load_subcommand(name: str) -> ModuleType | None:
    """The module of a subcommand, or None when that module itself does not exist.

    A missing dependency *inside* the module is not hidden: it raises.
    """
    module_name = SUBCOMMANDS[name]
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if args else 2
    name, rest = args[0], args[1:]
    if name not in SUBCOMMANDS:
        print(f"unknown subcommand {name!r}\n{USAGE}", file=sys.stderr)
        return 2
    module = load_subcommand(name)
    if module is None:
        print(
            f"subcommand {name!r} is not available: {SUBCOMMANDS[name]} is missing", file=sys.stderr
        )
        return 2
    return module.main(rest)


if __name__ == "__main__":
    sys.exit(main())
