"""Benchmark reports: a header saying where the figures come from, and Markdown tables.

The same Markdown is printed on stdout (the tables are padded, so they read
well in a terminal) and written with `--markdown`, ready to paste into
docs/benchmarks.md. `--json` writes every figure plus per-page scores, so two
runs can be diffed page by page.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
import shlex
import subprocess
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

# WCXB's page types, in the order of the table this report is compared with.
WCXB_PAGE_TYPES = (
    "article",
    "forum",
    "service",
    "documentation",
    "listing",
    "collection",
    "product",
)
_VERSIONED = ("presscut", "trafilatura", "readability-lxml", "resiliparse", "selectolax", "lxml")


def _git_commit() -> str:
    root = Path(__file__).resolve().parents[3]

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short=12", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return commit + (" with uncommitted changes" if dirty else "")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def header(argv: Sequence[str], core: int | None = None) -> dict[str, Any]:
    """Date, commit, machine, load and command of a run: what a reader needs to trust a figure.

    The load average is there because the figures (speed above all) mean
    little when other jobs shared the machine.
    """
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "core": core,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "versions": {p: v for p in _VERSIONED if (v := _version(p))},
        "command": "python -m presscut.bench " + shlex.join(argv),
    }


def finish(h: dict[str, Any], started: float) -> None:
    """Add the wall time (since `time.monotonic()` was `started`) and the load at the end."""
    h["wall_seconds"] = round(time.monotonic() - started, 1)
    h["load_average_end"] = [round(x, 2) for x in os.getloadavg()]


def _load(values: Sequence[float]) -> str:
    return " ".join(map(str, values))


def render_header(h: dict[str, Any]) -> str:
    machine = f"{h['cpu']}, {h['cpus']} CPUs"
    if h.get("core") is not None:
        machine += f", speed passes pinned to core {h['core']}"
    versions = ", ".join(f"{k} {v}" for k, v in h["versions"].items())
    return "\n".join(
        [
            f"- Date: {h['date']}",
            f"- Commit: {h['commit']}",
            f"- Machine: {machine}; load average at start {_load(h['load_average'])}"
            + (f", at end {_load(h['load_average_end'])}" if "load_average_end" in h else ""),
            f"- Python {h['python']}; {versions}",
            f"- Command: `{h['command']}`"
            + (f" (wall time {h['wall_seconds']:.0f} s)" if "wall_seconds" in h else ""),
            "",
            "",
        ]
    )


_NUMBER = re.compile(r"^(-?\d[\d.]*|–)$")


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A padded Markdown table: numeric columns right-aligned, text columns left-aligned."""
    cells = [[str(c) for c in headers]] + [[_cell(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [
        i > 0 and all(_NUMBER.match(row[i]) for row in cells[1:]) for i in range(len(headers))
    ]

    def line(row: Sequence[str]) -> str:
        padded = [
            c.rjust(widths[i]) if numeric[i] else c.ljust(widths[i]) for i, c in enumerate(row)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join(
            "-" * (w + 1) + ":" if n else ":" + "-" * (w + 1)
            for w, n in zip(widths, numeric, strict=True)
        )
        + "|"
    )
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])]) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _skipped_note(results: dict[str, Any]) -> str:
    return "".join(f"- {name} skipped: {why}\n" for name, why in results["skipped"].items())


def render_quality(results: dict[str, Any]) -> str:
    """One table per suite; WCXB suites also get WCXB's word-bag F1 by page type."""
    parts = ["## Extraction quality\n\n", _skipped_note(results)]
    for name, kinds in results["raised"].items():
        listed = ", ".join(f"{kind} × {n}" for kind, n in kinds.items())
        parts.append(
            f"- {name} raised on {sum(kinds.values())} pages (scored as empty): {listed}\n"
        )
    if results.get("limit"):
        parts.append(f"- Only the first {results['limit']} pages of each suite (`--limit`).\n")
    for name, suite in results["suites"].items():
        split = f", split `{suite['split']}`" if suite["split"] else ""
        parts.append(f"\n### {suite['title']} (`{name}`{split}, {suite['pages']} pages)\n\n")
        if suite["kind"] == "body":
            parts.append(_body_tables(suite))
        elif suite["kind"] == "snippets":
            parts.append(_snippet_table(suite))
        else:
            parts.append(_structure_tables(suite))
    return "".join(parts)


def _body_tables(suite: dict[str, Any]) -> str:
    wcxb = "word_f1_by_type" in suite
    headers = ["extractor", "precision", "recall", "F1", "exact"]
    if wcxb:
        headers += ["word P", "word R", "word F1"]
    headers += ["empty", "errors"]
    rows = []
    for name, s in suite["summary"].items():
        row = [name, s["precision"], s["recall"], s["f1"], s["exact"]]
        if wcxb:
            row += [s["word_precision"], s["word_recall"], s["word_f1"]]
        rows.append([*row, s["empty"], s["errors"]])
    out = table(headers, rows)
    if wcxb:
        by_type = suite["word_f1_by_type"]
        present = [t for t in _type_order(by_type) if any(t in v for v in by_type.values())]
        counts = {t: next(v[t]["pages"] for v in by_type.values() if t in v) for t in present}
        out += "\nWCXB word-bag F1 by page type (mean over pages, as WCXB's `evaluate.py`):\n\n"
        out += table(
            ["extractor", *(f"{t} ({counts[t]})" for t in present)],
            [
                [name, *(v[t]["word_f1"] if t in v else None for t in present)]
                for name, v in by_type.items()
            ],
        )
    return out


def _type_order(by_type: dict[str, dict[str, Any]]) -> list[str]:
    seen = {t for v in by_type.values() for t in v}
    return [t for t in WCXB_PAGE_TYPES if t in seen] + sorted(seen - set(WCXB_PAGE_TYPES))


def _snippet_table(suite: dict[str, Any]) -> str:
    return table(
        ["extractor", "precision", "recall", "F1", "accuracy", "empty", "errors"],
        [
            [name, s["precision"], s["recall"], s["f1"], s["accuracy"], s["empty"], s["errors"]]
            for name, s in suite["summary"].items()
        ],
    )


def _structure_tables(suite: dict[str, Any]) -> str:
    out = ""
    for name, kinds in suite["summary"].items():
        out += f"Typed blocks of {name} against the Markdown headings and list items:\n\n"
        out += table(
            ["item", "truth items", "blocks", "matched", "recall", "precision"],
            [
                [kind, c["truth"], c["predicted"], c["matched"], c["recall"], c["precision"]]
                for kind, c in kinds.items()
            ],
        )
        out += "\n"
    out += (
        "Text-only proxy, every extractor (type NOT checked): share of truth headings and"
        " list items found as a whole line of the output text:\n\n"
    )
    out += table(
        ["extractor", "truth items", "found as a line", "line recall"],
        [[name, c["truth"], c["matched"], c["recall"]] for name, c in suite["line_proxy"].items()],
    )
    return out


def render_speed(results: dict[str, Any]) -> str:
    parts = [
        "## Speed\n\n",
        _skipped_note(results),
        f"- {results['pages']} pages, loaded into memory first;"
        f" {results['warm_up_pages']} warm-up pages; only the"
        f" extraction call is timed; each extractor in its own process pinned to core"
        f" {results['core']}.\n",
        f"- Baseline peak RSS of a process that only loaded the pages (and imported"
        f" presscut.bench): {results['baseline_rss_mb']:.0f} MB.\n\n",
    ]
    rows = [
        [
            name,
            f"{s['pages_per_s']:.1f}",
            f"{s['median_ms']:.1f}",
            f"{s['p95_ms']:.1f}",
            f"{s['max_ms']:.1f} ({s['slowest_page']})",
            s["over_200ms"],
            round(s["peak_rss_mb"]),
            s["errors"],
        ]
        for name, s in results["extractors"].items()
    ]
    parts.append(
        table(
            [
                "extractor",
                "pages/s",
                "median ms",
                "p95 ms",
                "max ms (page)",
                "pages > 200 ms",
                "peak RSS MB",
                "errors",
            ],
            rows,
        )
    )
    return "".join(parts)


def render_targets(checks: Sequence[tuple[str, str, str]]) -> str:
    """`(target, PASS/FAIL/SKIP, detail)` lines, one per target."""
    return "## Targets\n\n" + "".join(
        f"{verdict} {target}: {detail}\n" for target, verdict, detail in checks
    )


def worst_pages(suite: dict[str, Any], extractor: str, n: int) -> list[dict[str, Any]]:
    """The `n` pages where `extractor` does worst: lowest F1 (body), most snippet errors."""
    rows = [r for r in suite["per_page"] if extractor in r["scores"]]
    if suite["kind"] == "body":
        rows.sort(key=lambda r: r["scores"][extractor]["f1"])
    elif suite["kind"] == "snippets":
        rows.sort(key=lambda r: -(r["scores"][extractor]["fn"] + r["scores"][extractor]["fp"]))
    else:
        return []
    return rows[:n]


def render_worst(results: dict[str, Any], n: int, extractor: str = "presscut") -> str:
    parts = [f"## Worst pages for {extractor}\n"]
    for name, suite in results["suites"].items():
        rows = worst_pages(suite, extractor, n)
        if not rows:
            continue
        parts.append(f"\n### {name}\n\n")
        if suite["kind"] == "body":
            parts.append(
                table(
                    ["page", "type", "P", "R", "F1", "tokens out", "url", "error"],
                    [
                        [
                            r["id"],
                            r.get("page_type"),
                            (s := r["scores"][extractor])["precision"],
                            s["recall"],
                            s["f1"],
                            s["output_tokens"],
                            r["url"],
                            (s["error"] or "")[:80],
                        ]
                        for r in rows
                    ],
                )
            )
        else:
            parts.append(
                table(
                    ["page", "missed with", "found without", "url"],
                    [
                        [
                            r["id"],
                            r["scores"][extractor]["fn"],
                            r["scores"][extractor]["fp"],
                            r["url"],
                        ]
                        for r in rows
                    ],
                )
            )
    return "".join(parts)


def write(
    markdown: str, data: dict[str, Any], markdown_path: str | None, json_path: str | None
) -> None:
    if markdown_path:
        Path(markdown_path).write_text(markdown, encoding="utf-8")
    if json_path:
        Path(json_path).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
