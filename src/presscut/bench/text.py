"""Text-mode test set and benchmark (`python -m presscut.bench text`).

The test set is built at run time from the shared datasets (never copied):
for each labelled page, the *input* is the page's full visible text, one
block element per line, as a plain HTML-to-text converter produces it
(presscut's own parse → prune → segment, without any selection, React's streamed
parts put in place as a browser would), and the
*reference* is the page's ground-truth body. Each input line is labelled
in/not in the body by token-shingle overlap (`label_lines`), which is what
the line classifier is trained on (wcxb dev only) and what the line-level
precision/recall of removed boilerplate is measured against.

The *fused* variant removes some paragraph breaks (seeded), gluing two
blocks with no space, as broken corpora do ("…the full story.Police
said…"); paragraph-break F1 measures how many breaks the splitter restores
without inventing new ones.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presscut import dom
from presscut.bench import report
from presscut.bench.datasets import DatasetsMissing, LabelledPage, load
from presscut.bench.metrics import (
    SHINGLE,
    counts_prf,
    shingle_score,
    shingles,
    squash,
    summarize,
    tokens,
)
from presscut.bench.speed import default_core, percentile
from presscut.extract import read_html
from presscut.segment import normalize_space, segment_page
from presscut.text import clean_text
from presscut.text.split import split_lines

# A line is in the body when at least this share of its shingles are.
IN_BODY_SHARE = 0.5
MAX_PAGE_BYTES = 50 * 1024 * 1024
FUSE_SHARE = 0.3
"""Share of paragraph breaks removed in the fused variant."""


def page_lines(page: LabelledPage) -> list[str]:
    """The page's full visible text, one block per line (see the module docstring)."""
    html = read_html(page.html(), max_bytes=MAX_PAGE_BYTES)
    tree = dom.parse(html)
    dom.prune(tree, page_chrome=False)
    root = dom.content_root(tree)
    if root is None:
        return []
    lines = []
    for segment in segment_page(root).segments:
        lines.extend(part for part in segment.text.split("\n") if part.strip())
    return lines


def label_lines(lines: Sequence[str], truth: str) -> list[bool]:
    """Whether each line belongs to the ground-truth body.

    A line of four tokens or more is in the body when at least half of its
    4-token shingles occur in the body (robust to small differences in
    punctuation, quotes and whitespace). A shorter line ("Comments",
    "Share", a two-word heading) is in the body only when it is a whole line
    of the body: its words occurring *somewhere* in the body says nothing.
    """
    truth_shingles = set(shingles(tokens(truth)))
    truth_lines = {tuple(tokens(line)) for line in truth.split("\n") if line.strip()}
    labels = []
    for line in lines:
        toks = tokens(line)
        if len(toks) < SHINGLE:
            labels.append(bool(toks) and tuple(toks) in truth_lines)
            continue
        grams = [tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)]
        found = sum(1 for g in grams if g in truth_shingles)
        labels.append(found >= IN_BODY_SHARE * len(grams))
    return labels


def label_snippets(
    lines: Sequence[str], with_: Sequence[str], without: Sequence[str]
) -> list[bool | None]:
    """Labels from snippets (trafilatura-eval): True for a line holding a `with` snippet,
    False for one holding a `without` snippet, None (unknown) for the others."""
    wanted = [squash(s) for s in with_ if s.strip()]
    unwanted = [squash(s) for s in without if s.strip()]
    labels: list[bool | None] = []
    for line in lines:
        squashed = squash(line)
        if any(s in squashed for s in wanted):
            labels.append(True)
        elif any(s in squashed for s in unwanted):
            labels.append(False)
        else:
            labels.append(None)
    return labels


def truth_paragraphs(truth: str) -> list[str]:
    """The body's paragraphs (and heading lines), one per item."""
    return [line.strip() for line in truth.split("\n") if line.strip()]


def fuse(paragraphs: Sequence[str], rng: random.Random, share: float = FUSE_SHARE) -> list[str]:
    """Glue a random `share` of neighbouring paragraphs together with no space."""
    out: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i and out and rng.random() < share:
            out[-1] += paragraph
        else:
            out.append(paragraph)
    return out


_SPACE = re.compile(r"\s+")


def break_offsets(paragraphs: Sequence[str]) -> set[int]:
    """Paragraph breaks as offsets in the text with all whitespace removed."""
    offsets, position = set(), 0
    for paragraph in paragraphs[:-1]:
        position += len(_SPACE.sub("", paragraph))
        offsets.add(position)
    return offsets


def break_counts(predicted: Sequence[str], reference: Sequence[str]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of paragraph breaks."""
    pred, ref = break_offsets(predicted), break_offsets(reference)
    return len(pred & ref), len(pred - ref), len(ref - pred)


# --- Systems compared ---------------------------------------------------------


def _presscut(text: str) -> str:
    return "\n".join(block.text for block in clean_text(text).body)


def _keep_everything(text: str) -> str:
    return text


def datatrove_systems() -> dict[str, Callable[[str], str]]:
    """C4 and FineWeb line filters, as datatrove implements them (the `bench` extra).

    - ``c4``: `C4QualityFilter` with its defaults, the rules of the C4 paper
      (Raffel et al. 2020, section 2.2; TFDS `c4_utils`): keep lines that end
      in terminal punctuation and have at least 3 words, drop lines with
      "javascript" or cookie/policy phrases, drop the page when fewer than 5
      sentences remain or it has "lorem ipsum" or a curly bracket.
    - ``c4-lines``: the same line rules without the page-level drops, so it
      is a pure line filter.
    - ``fineweb``: FineWeb's pipeline (Penedo et al. 2024): `C4QualityFilter`
      with `filter_no_terminal_punct=False`, then the Gopher repetition and
      quality filters (Rae et al. 2021) and `FineWebQualityFilter`, which
      keep or drop the whole page.

    A dropped page outputs nothing.
    """
    from datatrove.data import Document
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    def chain(*filters: Any) -> Callable[[str], str]:
        def run(text: str) -> str:
            doc = Document(text=text, id="page")
            for step in filters:
                verdict = step.filter(doc)
                if verdict is False or (isinstance(verdict, tuple) and not verdict[0]):
                    return ""
            return doc.text

        return run

    c4_lines = C4QualityFilter(
        min_num_sentences=-1, filter_lorem_ipsum=False, filter_curly_bracket=False
    )
    return {
        "c4": chain(C4QualityFilter()),
        "c4-lines": chain(c4_lines),
        "fineweb": chain(
            C4QualityFilter(filter_no_terminal_punct=False),
            GopherRepetitionFilter(),
            GopherQualityFilter(),
            FineWebQualityFilter(),
        ),
    }


# --- Measurements -------------------------------------------------------------


@dataclass(slots=True)
class TextPage:
    dataset: str
    id: str
    page_type: str | None
    lines: list[str]
    truth: str


SUITES: dict[str, tuple[str, str | None, str | None]] = {
    "wcxb-test": ("wcxb", "test", None),
    "wcxb-test-articles": ("wcxb", "test", "article"),
    "cleanportaleval": ("cleanportaleval", "test", None),
    "readability-testpages": ("readability-testpages", "test", None),
}


def build_suite(name: str, limit: int | None) -> list[TextPage]:
    dataset, split, page_type = SUITES[name]
    pages = []
    for page in load(dataset, split, page_type):
        if page.body is None:
            continue
        pages.append(TextPage(dataset, page.id, page.page_type, page_lines(page), page.body))
        if limit is not None and len(pages) >= limit:
            break
    return pages


def removal_counts(lines: Sequence[str], output: str, truth: str) -> tuple[int, int, int]:
    """(boilerplate lines removed, lines removed, boilerplate lines) for one page.

    Units are the input lines; one counts as kept when the same line (spaces
    normalised) is in the output.
    """
    kept = Counter(normalize_space(line) for line in output.split("\n"))
    labels = label_lines(lines, truth)
    hit = removed = boilerplate = 0
    for line, in_body in zip(lines, labels, strict=True):
        key = normalize_space(line)
        was_kept = kept[key] > 0
        if was_kept:
            kept[key] -= 1
        boilerplate += not in_body
        removed += not was_kept
        hit += (not was_kept) and not in_body
    return hit, removed, boilerplate


def score_system(run: Callable[[str], str], pages: Sequence[TextPage]) -> dict[str, float]:
    scores = []
    hit = removed = boilerplate = 0
    for page in pages:
        output = run("\n".join(page.lines))
        scores.append(shingle_score(output, page.truth))
        h, r, b = removal_counts(page.lines, output, page.truth)
        hit, removed, boilerplate = hit + h, removed + r, boilerplate + b
    summary = summarize(scores)
    return {
        "precision": summary.precision,
        "recall": summary.recall,
        "f1": summary.f1,
        "removed_precision": hit / removed if removed else 0.0,
        "removed_recall": hit / boilerplate if boilerplate else 0.0,
        "pages": summary.pages,
    }


def _break_counts(
    pages: Sequence[TextPage], rng: random.Random, share: float
) -> tuple[int, int, int, int, int]:
    """Splitter's break TP, FP, FN on the pages' truth bodies with `share` of their breaks
    removed, and how many breaks were removed and how many of those were restored."""
    tp = fp = fn = lost = restored = 0
    for page in pages:
        paragraphs = truth_paragraphs(page.truth)
        fused = fuse(paragraphs, rng, share)
        predicted = split_lines(fused)
        t, f, n = break_counts(predicted, paragraphs)
        tp, fp, fn = tp + t, fp + f, fn + n
        removed = break_offsets(paragraphs) - break_offsets(fused)
        lost += len(removed)
        restored += len(removed & break_offsets(predicted))
    return tp, fp, fn, lost, restored


def fused_scores(pages: Sequence[TextPage], seed: int) -> dict[str, float]:
    """Paragraph-break F1 of the splitter on fused ground-truth bodies (`FUSE_SHARE` of the
    breaks lost, and every break lost: one line per story, as in corpora whose converter
    dropped them all), and shingle F1 of presscut on fused page text."""
    tp, fp, fn, lost, restored = _break_counts(pages, random.Random(seed), FUSE_SHARE)
    precision, recall, f1 = counts_prf(tp, fp, fn)
    tp, fp, fn, _, _ = _break_counts(pages, random.Random(seed), 1.0)
    all_lost = counts_prf(tp, fp, fn)
    rng = random.Random(seed)
    scores = [
        shingle_score(_presscut("\n".join(fuse(page.lines, rng))), page.truth) for page in pages
    ]
    return {
        "break_precision": precision,
        "break_recall": recall,
        "break_f1": f1,
        "lost_breaks": lost,
        "lost_breaks_restored": restored / lost if lost else 0.0,
        "all_lost_break_precision": all_lost[0],
        "all_lost_break_recall": all_lost[1],
        "all_lost_break_f1": all_lost[2],
        "fused_page_f1": summarize(scores).f1,
    }


def throughput(texts: Sequence[str], core: int, rounds: int) -> dict[str, float]:
    """clean_text() alone on every text, pinned to one core, after a warm-up pass."""
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {core})
    try:
        for text in texts:
            clean_text(text)
        times = []
        for _ in range(rounds):
            for text in texts:
                start = time.perf_counter()
                clean_text(text)
                times.append((time.perf_counter() - start) * 1000)
    finally:
        os.sched_setaffinity(0, allowed)
    times.sort()
    return {
        "pages": len(times),
        "pages_per_second": len(times) / (sum(times) / 1000),
        "median_ms": percentile(times, 0.5),
        "p95_ms": percentile(times, 0.95),
        "max_ms": times[-1],
        "mean_chars": sum(map(len, texts)) / len(texts),
    }


def write_corpus(path: Path, pages: Sequence[TextPage], records: int) -> None:
    """A JSONL corpus of `records` records cycling over the pages (10 hosts)."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(records):
            page = pages[i % len(pages)]
            record = {
                "id": i,
                "url": f"https://site{i % 10}.example/{page.dataset}/{page.id}/{i}",
                "text": "\n".join(page.lines),
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


_CORPUS_CHILD = """
import sys, time
from presscut.bench.speed import peak_rss_mb
from presscut.cli import main
start = time.perf_counter()
code = main(["clean", "--jsonl", sys.argv[1], "-o", sys.argv[2]])
print(code, time.perf_counter() - start, peak_rss_mb())
"""


def corpus_memory(pages: Sequence[TextPage], sizes: Sequence[int]) -> list[dict[str, float]]:
    """Peak RSS of `presscut clean --jsonl` (in its own process) for corpora of growing size."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for records in sizes:
            source, target = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
            write_corpus(source, pages, records)
            done = subprocess.run(
                [sys.executable, "-c", _CORPUS_CHILD, str(source), str(target)],
                capture_output=True,
                text=True,
                check=True,
            )
            code, seconds, rss = done.stdout.split()
            out.append(
                {
                    "records": records,
                    "input_mb": source.stat().st_size / 2**20,
                    "exit": int(code),
                    "records_per_second": records / float(seconds),
                    "peak_rss_mb": float(rss),
                }
            )
    return out


# --- Report -------------------------------------------------------------------


def render(results: dict[str, Any]) -> str:
    parts = ["## Text mode\n\n", report.render_header(results["header"])]
    parts.append(
        "Shingle precision/recall/F1 of the cleaned text against the ground-truth body; "
        "removed-line precision/recall: of the input lines a system removed, the share that "
        "were boilerplate, and of the boilerplate lines, the share it removed.\n\n"
    )
    for suite, systems in results["quality"].items():
        parts.append(f"### {suite} ({next(iter(systems.values()))['pages']} pages)\n\n")
        rows = [
            [
                name,
                s["precision"],
                s["recall"],
                s["f1"],
                s["removed_precision"],
                s["removed_recall"],
            ]
            for name, s in systems.items()
        ]
        headers = ["system", "precision", "recall", "F1", "removed P", "removed R"]
        parts.append(report.table(headers, rows) + "\n")
    for name, why in results["skipped"].items():
        parts.append(f"- {name} skipped: {why}\n")
    fused = results.get("fused")
    if fused:
        parts.append("### Fused paragraphs\n\n")
        parts.append(
            f"The splitter on the truth bodies with {FUSE_SHARE:.0%} of their paragraph breaks"
            " removed at random (and presscut on page text fused the same way), then with every"
            " break removed (one line per story).\n\n"
        )
        rows = [
            [
                suite,
                f["break_precision"],
                f["break_recall"],
                f["break_f1"],
                f["lost_breaks"],
                f["lost_breaks_restored"],
                f["fused_page_f1"],
                f["all_lost_break_precision"],
                f["all_lost_break_recall"],
                f["all_lost_break_f1"],
            ]
            for suite, f in fused.items()
        ]
        headers = [
            "suite",
            "break P",
            "break R",
            "break F1",
            "lost breaks",
            "restored",
            "presscut F1 (fused input)",
            "all lost: break P",
            "break R",
            "break F1",
        ]
        parts.append(report.table(headers, rows) + "\n")
    speed = results.get("speed")
    if speed:
        parts.append("### Speed (single-page mode, one core)\n\n")
        rows = [
            [
                name,
                s["pages"],
                round(s["mean_chars"]),
                round(s["pages_per_second"]),
                s["median_ms"],
                s["p95_ms"],
                s["max_ms"],
            ]
            for name, s in speed.items()
        ]
        headers = ["input", "pages timed", "mean chars", "pages/s", "median ms", "p95 ms", "max ms"]
        parts.append(report.table(headers, rows) + "\n")
    corpus = results.get("corpus")
    if corpus:
        parts.append("### Corpus mode memory\n\n")
        rows = [
            [
                c["records"],
                round(c["input_mb"], 1),
                round(c["records_per_second"], 1),
                round(c["peak_rss_mb"], 1),
            ]
            for c in corpus
        ]
        headers = ["records", "input MiB", "records/s (2 passes)", "peak RSS MiB"]
        parts.append(report.table(headers, rows) + "\n")
    return "".join(parts)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m presscut.bench text", description=__doc__)
    parser.add_argument("--limit", type=int, help="pages per suite (quick runs)")
    parser.add_argument("--seed", type=int, default=13, help="seed of the fused variant")
    parser.add_argument("--core", type=int, default=default_core(), help="core for the speed run")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the pages")
    parser.add_argument(
        "--corpus-records",
        default="1000,10000",
        help="corpus sizes for the memory run (comma separated; empty to skip)",
    )
    parser.add_argument("--no-speed", action="store_true", help="skip the speed run")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(list(argv))
    started = time.monotonic()
    header = report.header(["text", *argv], core=None if args.no_speed else args.core)
    try:
        suites = {name: build_suite(name, args.limit) for name in SUITES}
    except DatasetsMissing as exc:
        print(f"presscut.bench text: {exc}", file=sys.stderr)
        return 2
    systems: dict[str, Callable[[str], str]] = {
        "presscut": _presscut,
        "keep everything": _keep_everything,
    }
    skipped: dict[str, str] = {}
    try:
        systems.update(datatrove_systems())
    except ImportError as exc:
        skipped["datatrove baselines"] = f"{exc} (install the bench extra)"
    results: dict[str, Any] = {"header": header, "skipped": skipped, "quality": {}}
    for suite, pages in suites.items():
        results["quality"][suite] = {
            name: score_system(run, pages) for name, run in systems.items()
        }
    results["fused"] = {suite: fused_scores(pages, args.seed) for suite, pages in suites.items()}
    all_pages = [p for name, pages in suites.items() if name != "wcxb-test-articles" for p in pages]
    if not args.no_speed:
        results["speed"] = {
            "full page text": throughput(
                ["\n".join(page.lines) for page in all_pages], args.core, args.rounds
            ),
            "article-sized text (the reference bodies)": throughput(
                [page.truth for page in all_pages if page.truth.strip()], args.core, args.rounds
            ),
        }
    sizes = [int(n) for n in args.corpus_records.split(",") if n.strip()]
    if sizes:
        results["corpus"] = corpus_memory(all_pages, sizes)
    report.finish(header, started)
    print(render(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0
