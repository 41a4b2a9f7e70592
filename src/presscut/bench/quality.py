"""Extraction quality: every extractor, in one process, on the same labelled pages.

`python -m presscut.bench quality [--datasets ...] [--extractors ...] [--limit N]
[--worst N] [--json OUT] [--markdown OUT]`

Suites (`--datasets`), each a slice of a shared dataset:

- `wcxb`, `wcxb-article`: WCXB test split, all pages / article pages only.
  Body scored with the shingle metric, exact token match and WCXB's own
  word-bag F1 (overall and per page type, comparable with WCXB's table).
- `cleanportaleval`, `readability-testpages`: whole datasets (test-only),
  shingle metric and exact match.
- `trafilatura-eval`: its `test` split (by host, see `datasets.py`),
  with/without snippets pooled over all snippets.
- `wcxb-structure`: headings and list items of WCXB's `body_markdown`, which
  only the `dev` split has, found as presscut blocks of the right type; a
  text-only proxy (item found as a whole line) for every extractor.

A page is extracted once per extractor even when several suites use it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from presscut.bench import datasets, extractors, metrics, report
from presscut.bench.datasets import LabelledPage
from presscut.bench.extractors import Output


@dataclass(frozen=True, slots=True)
class Suite:
    name: str
    dataset: str
    split: str | None
    page_type: str | None
    kind: str  # "body", "snippets" or "structure"
    title: str

    def pages(self, limit: int | None = None) -> list[LabelledPage]:
        """The suite's scorable pages (those with the labels its metric needs), first `limit`."""
        pages = [
            p
            for p in datasets.load(self.dataset, self.split, self.page_type)
            if (self.kind == "body" and p.body is not None)
            or (self.kind == "snippets" and (p.with_ or p.without))
            or (self.kind == "structure" and p.extra.get("body_markdown"))
        ]
        return pages[:limit] if limit else pages


SUITES = {
    s.name: s
    for s in (
        Suite("wcxb", "wcxb", "test", None, "body", "WCXB test, all page types"),
        Suite("wcxb-article", "wcxb", "test", "article", "body", "WCXB test, article pages"),
        Suite("cleanportaleval", "cleanportaleval", None, None, "body", "CleanPortalEval"),
        Suite(
            "readability-testpages",
            "readability-testpages",
            None,
            None,
            "body",
            "Readability.js test pages",
        ),
        Suite(
            "trafilatura-eval",
            "trafilatura-eval",
            "test",
            None,
            "snippets",
            "trafilatura evaluation pages (snippets)",
        ),
        Suite(
            "wcxb-structure",
            "wcxb",
            "dev",
            None,
            "structure",
            "Structure: headings and list items of WCXB body_markdown",
        ),
    )
}

PageKey = tuple[str, str]  # (dataset, page id)


def _key(page: LabelledPage) -> PageKey:
    return (page.dataset, page.id)


def extract_all(
    pages: Sequence[LabelledPage], extractor_list: Sequence[extractors.Extractor]
) -> dict[str, dict[PageKey, Output]]:
    """Every extractor's output on every page (each page read once, all extractors in turn)."""
    outputs: dict[str, dict[PageKey, Output]] = {e.name: {} for e in extractor_list}
    started = time.monotonic()
    for done, page in enumerate(pages, 1):
        html = page.html()
        for extractor in extractor_list:
            outputs[extractor.name][_key(page)] = extractors.run(extractor, html, page.url)
        if done % 100 == 0 or done == len(pages):
            elapsed = time.monotonic() - started
            print(f"[quality] {done}/{len(pages)} pages, {elapsed:.0f} s", file=sys.stderr)
    return outputs


def _is_empty(output: Output) -> bool:
    return not metrics.tokens(output.text)


def _counts(outputs: Sequence[Output]) -> dict[str, int]:
    return {
        "empty": sum(1 for o in outputs if _is_empty(o)),
        "errors": sum(1 for o in outputs if o.error is not None),
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _page_rows(pages: Sequence[LabelledPage]) -> list[dict[str, Any]]:
    return [{"id": p.id, "url": p.url, "page_type": p.page_type, "scores": {}} for p in pages]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score_body(
    suite: Suite, pages: Sequence[LabelledPage], outputs: dict[str, dict[PageKey, Output]]
) -> dict[str, Any]:
    """Shingle P/R/F1 and exact match per extractor; for WCXB also word-bag F1 by page type."""
    wcxb = suite.dataset == "wcxb"
    summary: dict[str, Any] = {}
    by_type: dict[str, Any] = {}
    per_page = _page_rows(pages)
    for name, produced in outputs.items():
        page_outputs = [produced[_key(p)] for p in pages]
        scores: list[metrics.PageScore] = []
        words: list[tuple[float, float, float]] = []
        typed: dict[str, list[float]] = defaultdict(list)
        for page, output, row in zip(pages, page_outputs, per_page, strict=True):
            score = metrics.shingle_score(output.text, page.body)
            word = metrics.word_f1(output.text, page.body)
            scores.append(score)
            words.append(word)
            typed[page.page_type or "unknown"].append(word[2])
            row["scores"][name] = {
                "precision": _r(score.precision),
                "recall": _r(score.recall),
                "f1": _r(metrics.page_f1(score)),
                "exact": score.exact,
                "word_f1": _r(word[2]),
                "output_tokens": len(metrics.tokens(output.text)),
                "error": output.error,
            }
        total = metrics.summarize(scores)
        summary[name] = {
            "precision": total.precision,
            "recall": total.recall,
            "f1": total.f1,
            "exact": total.exact,
            **_counts(page_outputs),
        }
        if wcxb:
            summary[name]["word_precision"] = _mean([w[0] for w in words])
            summary[name]["word_recall"] = _mean([w[1] for w in words])
            summary[name]["word_f1"] = _mean([w[2] for w in words])
            by_type[name] = {t: {"pages": len(v), "word_f1": _mean(v)} for t, v in typed.items()}
    result: dict[str, Any] = {"summary": summary, "per_page": per_page}
    if wcxb:
        result["word_f1_by_type"] = by_type
    return result


def score_snippets(
    pages: Sequence[LabelledPage], outputs: dict[str, dict[PageKey, Output]]
) -> dict[str, Any]:
    """With/without snippet precision, recall and F1, pooled over all snippets."""
    summary: dict[str, Any] = {}
    per_page = _page_rows(pages)
    for name, produced in outputs.items():
        page_outputs = [produced[_key(p)] for p in pages]
        total = metrics.SnippetCounts()
        for page, output, row in zip(pages, page_outputs, per_page, strict=True):
            counts = metrics.snippet_counts(output.text, page.with_, page.without)
            total += counts
            row["scores"][name] = {
                "tp": counts.tp,
                "fn": counts.fn,
                "fp": counts.fp,
                "tn": counts.tn,
                "error": output.error,
            }
        summary[name] = {
            "precision": total.precision,
            "recall": total.recall,
            "f1": total.f1,
            "accuracy": total.accuracy,
            "tp": total.tp,
            "fn": total.fn,
            "fp": total.fp,
            "tn": total.tn,
            **_counts(page_outputs),
        }
    return {"summary": summary, "per_page": per_page}


def _counts_dict(c: metrics.StructureCounts) -> dict[str, Any]:
    return {
        "truth": c.truth,
        "predicted": c.predicted,
        "matched": c.matched,
        "recall": c.recall,
        "precision": c.precision,
    }


def score_structure(
    pages: Sequence[LabelledPage], outputs: dict[str, dict[PageKey, Output]]
) -> dict[str, Any]:
    """Typed-block recall/precision (extractors with blocks) and the line proxy (all)."""
    truths = [metrics.markdown_items(p.extra["body_markdown"]) for p in pages]
    typed: dict[str, Any] = {}
    proxy: dict[str, Any] = {}
    per_page = _page_rows(pages)
    for name, produced in outputs.items():
        page_outputs = [produced[_key(p)] for p in pages]
        lines = metrics.StructureCounts()
        kinds = dict.fromkeys(metrics.STRUCTURE_KINDS, metrics.StructureCounts())
        has_blocks = any(o.blocks is not None for o in page_outputs)
        for truth, output, row in zip(truths, page_outputs, per_page, strict=True):
            lines += metrics.line_item_counts(output.text, truth)
            if has_blocks:
                counts = metrics.structure_counts(output.blocks or (), truth)
                kinds = {kind: kinds[kind] + counts[kind] for kind in kinds}
                row["scores"][name] = {
                    kind: [c.truth, c.predicted, c.matched] for kind, c in counts.items()
                }
        proxy[name] = _counts_dict(lines)
        if has_blocks:
            kinds["all"] = sum(kinds.values(), metrics.StructureCounts())
            typed[name] = {kind: _counts_dict(c) for kind, c in kinds.items()}
    return {"summary": typed, "line_proxy": proxy, "per_page": per_page}


def run(
    suite_names: Sequence[str], extractor_names: Sequence[str], limit: int | None = None
) -> dict[str, Any]:
    """Score the extractors on the suites; JSON-ready figures and per-page scores."""
    available, skipped = extractors.load(extractor_names)
    suites = [SUITES[name] for name in suite_names]
    pages_of = {s.name: s.pages(limit) for s in suites}
    unique = list({_key(p): p for pages in pages_of.values() for p in pages}.values())
    outputs = extract_all(unique, available)
    results: dict[str, Any] = {}
    for suite in suites:
        pages = pages_of[suite.name]
        if suite.kind == "body":
            scored = score_body(suite, pages, outputs)
        elif suite.kind == "snippets":
            scored = score_snippets(pages, outputs)
        else:
            scored = score_structure(pages, outputs)
        results[suite.name] = {
            "title": suite.title,
            "dataset": suite.dataset,
            "split": suite.split,
            "page_type": suite.page_type,
            "kind": suite.kind,
            "pages": len(pages),
            **scored,
        }
    raised = {
        name: dict(Counter(o.error.split(":")[0] for o in produced.values() if o.error))
        for name, produced in outputs.items()
    }
    return {
        "extractors": [e.name for e in available],
        "skipped": skipped,
        "raised": {name: kinds for name, kinds in raised.items() if kinds},
        "limit": limit,
        "suites": results,
    }


def add_arguments(parser: argparse.ArgumentParser, default_suites: Sequence[str]) -> None:
    """Options shared by `quality`, `speed` and `all`."""
    parser.add_argument(
        "--datasets",
        nargs="+",
        choices=tuple(SUITES),
        default=list(default_suites),
        metavar="SUITE",
        help=f"suites to run (default: {' '.join(default_suites)}; known: {', '.join(SUITES)})",
    )
    parser.add_argument(
        "--extractors",
        nargs="+",
        choices=extractors.NAMES,
        default=list(extractors.NAMES),
        metavar="NAME",
        help=f"extractors to compare (default: all: {', '.join(extractors.NAMES)})",
    )
    parser.add_argument("--limit", type=int, help="only the first N pages of each suite")
    parser.add_argument("--json", metavar="OUT", help="write all figures and per-page scores")
    parser.add_argument("--markdown", metavar="OUT", help="write the report as Markdown")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m presscut.bench quality", description=__doc__.split("\n\n")[0]
    )
    add_arguments(parser, tuple(SUITES))
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list presscut's N worst pages per suite"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    header = report.header(["quality", *argv])
    results = run(args.datasets, args.extractors, args.limit)
    report.finish(header, started)
    text = report.render_header(header) + report.render_quality(results)
    print(text)
    if args.worst:
        print(report.render_worst(results, args.worst))
    report.write(text, {"header": header, "quality": results}, args.markdown, args.json)
    return 0
