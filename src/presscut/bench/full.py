"""`python -m presscut.bench all`: quality, then speed, then the targets, in one report.

Takes the options of `quality` and `speed`; the speed passes use the pages of
the chosen suites except the structure suite (WCXB dev pages, not an
evaluation set). Exits 1 when a target fails, so a script can gate on it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from presscut.bench import quality, report, speed, targets


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m presscut.bench all", description=__doc__.split("\n\n")[0]
    )
    quality.add_arguments(parser, tuple(quality.SUITES))
    speed.add_arguments(parser)
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list presscut's N worst pages per suite"
    )
    args = parser.parse_args(argv)
    header = report.header(["all", *argv], core=args.core)
    quality_results = quality.run(args.datasets, args.extractors, args.limit)
    speed_suites = [s for s in args.datasets if s in speed.DEFAULT_SUITES]
    speed_results = speed.run(speed_suites, args.extractors, args.limit, args.core)
    checks = targets.check(quality_results, speed_results)
    text = (
        report.render_header(header)
        + report.render_quality(quality_results)
        + "\n"
        + report.render_speed(speed_results)
        + "\n"
        + report.render_targets(checks)
    )
    print(text)
    if args.worst:
        print(report.render_worst(quality_results, args.worst))
    data = {
        "header": header,
        "quality": quality_results,
        "speed": speed_results,
        "targets": [{"target": t, "verdict": v, "detail": d} for t, v, d in checks],
    }
    report.write(text, data, args.markdown, args.json)
    return 1 if any(verdict == "FAIL" for _, verdict, _ in checks) else 0
