"""Read the shared evaluation datasets (`../shared/datasets`), never copied into the repo.

Every dataset folder holds `labels.jsonl` and `html/<id>.html.gz` (see the
folder's README). This module gives each page a fixed `split`:

- `wcxb`: its own `dev`/`test` split.
- `trafilatura-eval`: split by host, one third `dev` and two thirds `test`,
  so that no site is on both sides (hash of the URL's host, stable forever).
- `cleanportaleval`, `readability-testpages`: `test` only; never trained or
  tuned on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DATASETS = ("wcxb", "cleanportaleval", "readability-testpages", "trafilatura-eval")
ENV_VAR = "PRESSCUT_DATASETS"


class DatasetsMissing(RuntimeError):
    """The shared datasets folder is not there (tests skip, benchmarks stop)."""


@dataclass(frozen=True, slots=True)
class LabelledPage:
    """One row of a dataset's `labels.jsonl`, its `split`, and where its HTML is."""

    dataset: str
    id: str
    url: str | None
    lang: str | None
    body: str | None
    with_: tuple[str, ...]
    without: tuple[str, ...]
    title: str | None
    split: str
    page_type: str | None
    path: Path
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def html(self) -> bytes:
        """The page's bytes as saved (read on demand: a dataset does not fit in memory twice)."""
        with gzip.open(self.path, "rb") as fh:
            return fh.read()


def datasets_dir() -> Path | None:
    """Where the shared datasets are: $PRESSCUT_DATASETS, else `../shared/datasets` of the checkout."""
    if os.environ.get(ENV_VAR):  # an explicit choice is the only place looked at
        candidates = [Path(os.environ[ENV_VAR])]
    else:
        here = Path(__file__).resolve()
        candidates = [
            here.parents[3].parent / "shared" / "datasets",
            Path.cwd().parent / "shared" / "datasets",
        ]
    for candidate in candidates:
        if (candidate / "wcxb" / "labels.jsonl").is_file():
            return candidate
    return None


def require_datasets_dir() -> Path:
    """`datasets_dir()`, or `DatasetsMissing` saying where the datasets were looked for."""
    found = datasets_dir()
    if found is None:
        raise DatasetsMissing(
            f"shared datasets not found: set ${ENV_VAR} or place them at ../shared/datasets"
        )
    return found


def host_split(url: str | None, dev_share: float = 1 / 3) -> str:
    """`dev` or `test` for a page, from a hash of its host: fixed forever, one side per site."""
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    digest = int(hashlib.sha1(host.encode()).hexdigest()[:8], 16)
    return "dev" if digest / 0xFFFFFFFF < dev_share else "test"


def _split_of(dataset: str, row: dict[str, Any]) -> str:
    if dataset == "wcxb":
        return row["split"]
    if dataset == "trafilatura-eval":
        return host_split(row.get("url"))
    return "test"


_KNOWN = {"id", "url", "lang", "body", "with", "without", "title", "split", "page_type"}


@cache
def _load(dataset: str) -> tuple[LabelledPage, ...]:
    root = require_datasets_dir() / dataset
    pages = []
    with open(root / "labels.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            pages.append(
                LabelledPage(
                    dataset=dataset,
                    id=row["id"],
                    url=row.get("url"),
                    lang=row.get("lang"),
                    body=row.get("body"),
                    with_=tuple(row.get("with") or ()),
                    without=tuple(row.get("without") or ()),
                    title=row.get("title"),
                    split=_split_of(dataset, row),
                    page_type=row.get("page_type"),
                    path=root / "html" / f"{row['id']}.html.gz",
                    extra={k: v for k, v in row.items() if k not in _KNOWN},
                )
            )
    return tuple(pages)


def load(
    dataset: str, split: str | None = None, page_type: str | None = None
) -> list[LabelledPage]:
    """Labelled pages of one dataset, optionally only one split and page type."""
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}; known: {', '.join(DATASETS)}")
    return [
        p
        for p in _load(dataset)
        if (split is None or p.split == split) and (page_type is None or p.page_type == page_type)
    ]
