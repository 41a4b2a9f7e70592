"""Training data for the content model: segments, features and labels of labelled pages.

A segment's label is the share of its tokens that are *covered* by the
page's ground-truth body: the page's segments are read as one token stream,
and a token is covered when one of the word trigrams of that stream that
contain it occurs in the ground truth. Reading the stream across segment
boundaries is what lets short segments be labelled by their context: a
one-word heading followed by its paragraph is covered, a one-word menu item
between two other menu items is not, even if the word occurs in the body.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from presscut.bench.datasets import LabelledPage
from presscut.bench.metrics import tokens
from presscut.errors import ExtractionError
from presscut.extract import DEFAULT_MAX_BYTES, parse_page, read_html
from presscut.features import segment_features
from presscut.segment import Page

CACHE_DIR = Path(__file__).parent / ".cache"
_SOURCES = ("decode.py", "dom.py", "segment.py", "features.py", "extract.py", "metadata")


@dataclass
class PageData:
    id: str
    host: str
    page_type: str | None
    truth: str
    page: Page  # with the DOM nodes dropped (picklable)
    texts: list[str]
    X: np.ndarray  # first-stage features
    coverage: np.ndarray  # share of each segment's tokens covered by the truth
    n_tokens: np.ndarray


def coverage(texts: list[str], truth: str) -> tuple[np.ndarray, np.ndarray]:
    truth_tokens = tokens(truth)
    trigrams = {tuple(truth_tokens[i : i + 3]) for i in range(len(truth_tokens) - 2)}
    unigrams = set(truth_tokens)
    seg_tokens = [tokens(t) for t in texts]
    stream = [tok for toks in seg_tokens for tok in toks]
    covered = np.zeros(len(stream), dtype=bool)
    for i in range(len(stream) - 2):
        if (stream[i], stream[i + 1], stream[i + 2]) in trigrams:
            covered[i : i + 3] = True
    if len(stream) < 3:  # a page of one or two words
        covered[:] = [tok in unigrams for tok in stream]
    n_tokens = np.array([len(t) for t in seg_tokens])
    bounds = np.concatenate(([0], np.cumsum(n_tokens)))
    cov = np.array(
        [
            covered[bounds[i] : bounds[i + 1]].mean() if n_tokens[i] else 0.0
            for i in range(len(texts))
        ]
    )
    return cov, n_tokens


def _source_hash() -> str:
    root = Path(__file__).resolve().parents[1] / "src" / "presscut"
    digest = hashlib.sha1()
    for name in _SOURCES:
        path = root / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def build_page(labelled: LabelledPage) -> PageData | None:
    try:
        text = read_html(labelled.html(), max_bytes=DEFAULT_MAX_BYTES)
    except ExtractionError:
        return None
    meta, page, _ = parse_page(text, labelled.url)
    if not page.segments:
        return None
    X = segment_features(page, meta.title)
    for container in page.containers:
        container.node = None  # type: ignore[assignment]
    texts = [s.text for s in page.segments]
    truth = labelled.body or ""
    cov, n_tokens = coverage(texts, truth)
    return PageData(
        id=labelled.id,
        host=(urlsplit(labelled.url or "").hostname or labelled.id).removeprefix("www."),
        page_type=labelled.page_type,
        truth=truth,
        page=page,
        texts=texts,
        X=X,
        coverage=cov,
        n_tokens=n_tokens,
    )


def build(pages: list[LabelledPage], name: str) -> list[PageData]:
    """Build (or load from the cache, keyed by the extraction code) the data of `pages`."""
    CACHE_DIR.mkdir(exist_ok=True)
    key = hashlib.sha1((_source_hash() + "".join(p.id for p in pages)).encode()).hexdigest()[:12]
    path = CACHE_DIR / f"{name}-{key}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    data = [d for d in map(build_page, pages) if d is not None]
    with open(path, "wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return data
