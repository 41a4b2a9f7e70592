"""Crash hunt over real pages (`python -m presscut.bench robustness`).

The unit tests feed `extract` hand-made bad input (empty, binary, 10,000-deep
nesting, unknown charsets) and hypothesis feeds it arbitrary bytes and tag
soup; this run feeds it every page of the shared datasets, whole and broken
the ways crawls break them: cut off at a random byte (a truncated download),
with random bytes overwritten (a damaged file), and some behind 3,000
unclosed `<div>`s or with a charset no codec knows. Each input goes through
`extract` (with `include_removed` on every third), `to_dict()` and
`markdown()`. `ExtractionError` is the documented answer to bad input; any
other exception is a bug, listed with its traceback. The slowest inputs are
listed too. Everything is seeded, so a failure can be replayed.
"""

from __future__ import annotations

import argparse
import random
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import presscut
from presscut.bench.datasets import DATASETS, DatasetsMissing, load
from presscut.errors import ExtractionError

_FLIPPED_BYTES = 20
_DEEP = b"<div>" * 3000
_RARE_SHARE = 0.1  # of the pages also tried deeply nested and with an unknown charset
# The models (content, text lines, language) load on first use: a page that needs
# them all is extracted before the timed runs.
_WARM_UP = (
    "<html><body><article><h1>Warm-up</h1><p>By Jane Doe, March 9, 2024</p>"
    + "<p>The council met on Tuesday and voted on the new harbour wall plan.</p>" * 5
    + "<p>Please donate today to support our independent journalism.</p></article></body></html>"
)


def mutations(page: bytes, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """The page and its broken variants, each named."""
    yield "whole", page
    yield "truncated", page[: rng.randrange(1, max(2, len(page)))]
    damaged = bytearray(page)
    for _ in range(_FLIPPED_BYTES if damaged else 0):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    yield "damaged", bytes(damaged)
    if rng.random() < _RARE_SHARE:
        yield "deep", _DEEP + page
        yield "unknown_charset", page.replace(b"charset=", b"charset=x-unknown-")


@dataclass
class Report:
    runs: int = 0
    refused: int = 0  # ExtractionError: the documented answer to input that is no web page
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # variant, url, traceback
    slowest: list[tuple[float, str, str]] = field(default_factory=list)  # seconds, variant, url


def hunt(
    pages: Iterable[tuple[bytes, str | None]],
    *,
    seed: int = 7,
    extract: Callable[..., presscut.Article] = presscut.extract,
    keep_slowest: int = 10,
) -> Report:
    """Run every page and its mutations through `extract` and its renderings."""
    rng = random.Random(seed)
    report = Report()
    timings: list[tuple[float, str, str]] = []
    for page, url in pages:
        for variant, data in mutations(page, rng):
            report.runs += 1
            started = time.perf_counter()
            try:
                article = extract(data, url=url, include_removed=report.runs % 3 == 0)
                article.to_dict()
                article.markdown(front_matter=True)
            except ExtractionError:
                report.refused += 1
            except Exception:  # any other exception is what this run looks for
                report.failures.append((variant, url or "", traceback.format_exc()))
            timings.append((time.perf_counter() - started, variant, url or ""))
    report.slowest = sorted(timings, reverse=True)[:keep_slowest]
    return report


def _dataset_pages(
    datasets: Sequence[str], limit: int | None
) -> Iterator[tuple[bytes, str | None]]:
    for name in datasets:
        for i, page in enumerate(load(name)):
            if limit is not None and i >= limit:
                break
            yield page.html(), page.url


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m presscut.bench robustness")
    parser.add_argument("--datasets", nargs="+", choices=sorted(DATASETS), default=sorted(DATASETS))
    parser.add_argument("--limit", type=int, help="pages per dataset")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    presscut.extract(_WARM_UP)
    try:
        report = hunt(_dataset_pages(args.datasets, args.limit), seed=args.seed)
    except DatasetsMissing as exc:
        print(exc)
        return 2
    print(
        f"{report.runs} extractions, {report.refused} refused with ExtractionError, "
        f"{len(report.failures)} failures"
    )
    for variant, url, trace in report.failures:
        print(f"\nFAILURE ({variant}) {url}\n{trace}")
    print("slowest:")
    for seconds, variant, url in report.slowest:
        print(f"  {seconds * 1000:7.1f} ms  {variant:16} {url}")
    return 1 if report.failures else 0
