"""Extraction speed and memory on one core, every extractor on the same pages.

`python -m presscut.bench speed [--datasets ...] [--extractors ...] [--limit N]
[--core N] [--json OUT] [--markdown OUT]`

Each extractor runs in its own child process (`--only NAME`, the same
command), so that its peak RSS is its own: the child pins itself to one core,
loads every page into memory, extracts ten warm-up pages, then times only the
extraction call on each page, and reads `ru_maxrss` at the end. One more
child (`--only baseline`) only loads the pages: its peak RSS is the floor the
others are compared with. Children run one after the other.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from presscut.bench import extractors, quality, report

BASELINE = "baseline"
WARM_UP_PAGES = 10
SLOW_MS = 200.0
DEFAULT_SUITES = tuple(name for name, s in quality.SUITES.items() if s.kind != "structure")

Page = tuple[str, str | None, bytes]  # (dataset/id, url, html)


def load_pages(suite_names: Sequence[str], limit: int | None) -> list[Page]:
    """The pages of the suites, each once, with their bytes in memory."""
    unique = {
        (p.dataset, p.id): p for name in suite_names for p in quality.SUITES[name].pages(limit)
    }
    return [(f"{d}/{i}", p.url, p.html()) for (d, i), p in unique.items()]


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB.

    On Linux it is `VmHWM` of /proc/self/status, the high-water mark of this
    process's own address space: `ru_maxrss` is not used there because the
    kernel carries it over from the parent through fork and exec, so every
    child of a big parent (as `all` is, after its quality pass) would report
    at least the parent's size. Elsewhere `ru_maxrss` (KiB on Linux and BSD).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(sorted_values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of an ascending sequence."""
    if not sorted_values:
        return 0.0
    return sorted_values[max(1, math.ceil(len(sorted_values) * share)) - 1]


def time_pages(extractor: extractors.Extractor, pages: Sequence[Page]) -> dict[str, Any]:
    """Time `extractor.extract` alone on every page, after warming up on the first pages.

    Several warm-up pages, not one, so that everything an extractor loads on
    first use (models, language profiles) is loaded whatever the first page holds.
    """
    for _, url, html in pages[:WARM_UP_PAGES]:
        extractors.run(extractor, html, url)
    times_ms: list[float] = []
    errors = 0
    for _, url, html in pages:
        start = time.perf_counter_ns()
        try:
            extractor.extract(html, url)
        except Exception:
            errors += 1
        times_ms.append((time.perf_counter_ns() - start) / 1e6)
    ordered = sorted(times_ms)
    slowest = max(range(len(pages)), key=times_ms.__getitem__)
    return {
        "pages": len(pages),
        "pages_per_s": len(pages) / (sum(times_ms) / 1000) if sum(times_ms) else 0.0,
        "median_ms": percentile(ordered, 0.5),
        "p95_ms": percentile(ordered, 0.95),
        "max_ms": ordered[-1],
        "slowest_page": pages[slowest][0],
        "over_200ms": sum(1 for t in times_ms if t > SLOW_MS),
        "errors": errors,
        "times_ms": {
            page_id: round(t, 3) for (page_id, _, _), t in zip(pages, times_ms, strict=True)
        },
    }


def measure_one(name: str, suite_names: Sequence[str], limit: int | None, core: int) -> dict:
    """What one child process does: pin, load, (extract), report peak RSS."""
    os.sched_setaffinity(0, {core})
    pages = load_pages(suite_names, limit)
    if name == BASELINE:
        return {"pages": len(pages), "peak_rss_mb": peak_rss_mb()}
    available, skipped = extractors.load([name])
    if not available:
        return {"skipped": skipped[name]}
    result = time_pages(available[0], pages)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _child(name: str, suite_names: Sequence[str], limit: int | None, core: int) -> dict:
    """Run `--only name` in a fresh process; a child that dies is reported as skipped."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "speed.json"
        command = [sys.executable, "-m", "presscut.bench", "speed", "--only", name]
        command += ["--core", str(core), "--json", str(out), "--datasets", *suite_names]
        if limit:
            command += ["--limit", str(limit)]
        print(f"[speed] {name}…", file=sys.stderr)
        status = subprocess.run(command).returncode
        if status != 0:
            return {"skipped": f"its speed process failed (exit status {status})"}
        return json.loads(out.read_text(encoding="utf-8"))


def run(
    suite_names: Sequence[str], extractor_names: Sequence[str], limit: int | None, core: int
) -> dict[str, Any]:
    """Baseline, then every extractor, each in its own child process on `core`."""
    baseline = _child(BASELINE, suite_names, limit, core)
    measured: dict[str, Any] = {}
    skipped: dict[str, str] = {}
    for name in extractor_names:
        if name in extractors.VARIANTS:  # the same extraction as presscut: nothing to time
            continue
        result = _child(name, suite_names, limit, core)
        if "skipped" in result:
            skipped[name] = result["skipped"]
        else:
            measured[name] = result
    return {
        "pages": baseline["pages"],
        "warm_up_pages": WARM_UP_PAGES,
        "core": core,
        "baseline_rss_mb": baseline["peak_rss_mb"],
        "extractors": measured,
        "skipped": skipped,
    }


def default_core() -> int:
    """The highest core this process may use (core 0 tends to take the system's interrupts)."""
    return max(os.sched_getaffinity(0))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--core", type=int, default=default_core(), help="core to pin the speed passes to"
    )


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m presscut.bench speed", description=__doc__.split("\n\n")[0]
    )
    quality.add_arguments(parser, DEFAULT_SUITES)
    add_arguments(parser)
    parser.add_argument(
        "--only",
        metavar="NAME",
        help="internal: measure one extractor (or 'baseline') in this process",
    )
    args = parser.parse_args(argv)
    if args.only:
        result = measure_one(args.only, args.datasets, args.limit, args.core)
        if args.json:
            report.write("", result, None, args.json)
        else:
            print(json.dumps(result))
        return 0
    started = time.monotonic()
    header = report.header(["speed", *argv], core=args.core)
    results = run(args.datasets, args.extractors, args.limit, args.core)
    report.finish(header, started)
    text = report.render_header(header) + report.render_speed(results)
    print(text)
    report.write(text, {"header": header, "speed": results}, args.markdown, args.json)
    return 0
