"""`python -m presscut.bench all`: every benchmark in one run and one report.

Runs `quality`, then `speed`, then the targets check, then the `metadata`
and `text` benchmarks with their default options (their printed reports are
appended to this one; a part whose module is missing gets a note). The
speed passes use the pages of the chosen suites except the structure suite
(WCXB dev pages, not an evaluation set). Exits 1 when a target fails, so a
script can gate on it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import time
from collections.abc import Sequence
from typing import Any

from presscut.bench import quality, report, speed, targets
from presscut.bench.__main__ import load_subcommand

PARTS = ("quality", "speed", "metadata", "text")


def _other_part(name: str) -> str:
    """Run another benchmark's `main([])`, returning what it printed."""
    module = load_subcommand(name)
    if module is None or not hasattr(module, "main"):
        return f"## {name}\n\n- not run: presscut.bench.{name} or its main() is missing\n"
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            status = module.main([])
    except Exception as exc:  # one broken part must not lose the others' figures
        return printed.getvalue() + f"\n- `{name}` failed: {type(exc).__name__}: {exc}\n"
    note = f"\n- `{name}` exited with status {status}\n" if status else ""
    return printed.getvalue() + note


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m presscut.bench all", description=__doc__.split("\n\n")[0]
    )
    quality.add_arguments(parser, tuple(quality.SUITES))
    speed.add_arguments(parser)
    parser.add_argument(
        "--parts", nargs="+", choices=PARTS, default=list(PARTS), help="benchmarks to run"
    )
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list presscut's N worst pages per suite"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    header = report.header(["all", *argv], core=args.core)
    print(report.render_header(header), flush=True)
    sections: list[str] = []
    data: dict[str, Any] = {"header": header}

    def add(section: str) -> None:
        """Print each part as soon as it is done: a later part may take long, or fail."""
        print(section, flush=True)
        sections.append(section)

    quality_results: dict[str, Any] = {"suites": {}}
    speed_results: dict[str, Any] = {"extractors": {}}
    if "quality" in args.parts:
        quality_results = data["quality"] = quality.run(args.datasets, args.extractors, args.limit)
        add(report.render_quality(quality_results))
        if args.worst:
            print(report.render_worst(quality_results, args.worst), flush=True)
    if "speed" in args.parts:
        speed_suites = [s for s in args.datasets if s in speed.DEFAULT_SUITES]
        speed_results = speed.run(speed_suites, args.extractors, args.limit, args.core)
        data["speed"] = speed_results
        add(report.render_speed(speed_results))
    checks = targets.check(quality_results, speed_results)
    data["targets"] = [{"target": t, "verdict": v, "detail": d} for t, v, d in checks]
    add(report.render_targets(checks))
    report.write("", data, None, args.json)  # the figures are safe before the slower parts
    for name in ("metadata", "text"):
        if name in args.parts:
            add(_other_part(name))
    report.finish(header, started)
    print(f"Wall time {header['wall_seconds']:.0f} s", flush=True)
    report.write(
        "\n".join([report.render_header(header), *sections]), data, args.markdown, args.json
    )
    return 1 if any(verdict == "FAIL" for _, verdict, _ in checks) else 0
