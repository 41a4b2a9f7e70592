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
import random
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from augment import SYNTHETIC_MARK, insert_chrome
from presscut.bench.datasets import LabelledPage
from presscut.bench.metrics import tokens
from presscut.errors import ExtractionError
from presscut.extract import DEFAULT_MAX_BYTES, parse_page, read_html
from presscut.features import segment_features
from presscut.segment import Page

CACHE_DIR = Path(__file__).parent / ".cache"
_SOURCES = ("decode.py", "dom.py", "segment.py", "features.py", "extract.py", "metadata")
_TRAINING_SOURCES = ("augment.py", "content_data.py")


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
    labelled: np.ndarray  # False where the page's labels say nothing about the segment
    synthetic: np.ndarray  # the segment is chrome inserted by augment.py
    with_: tuple[str, ...] = ()  # snippets (trafilatura-eval pages)
    without: tuple[str, ...] = ()


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


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def snippet_labels(texts: list[str], with_: tuple[str, ...], without: tuple[str, ...]):
    """Weak labels from snippets: 1 where a `with` snippet occurs, 0 where a `without` one does.

    Segments containing neither are unlabelled, and so are segments containing
    both kinds. Returns (coverage-like labels, labelled mask).
    """
    squashed = [_squash(t) for t in texts]
    label = np.zeros(len(texts))
    labelled = np.zeros(len(texts), dtype=bool)
    conflict = np.zeros(len(texts), dtype=bool)
    for snippets, value in ((with_, 1.0), (without, 0.0)):
        for snippet in map(_squash, snippets):
            if not snippet:
                continue
            for i, text in enumerate(squashed):
                if snippet in text:
                    conflict[i] |= labelled[i] and label[i] != value
                    label[i], labelled[i] = value, True
    labelled &= ~conflict
    return label, labelled


def _source_hash() -> str:
    root = Path(__file__).resolve().parents[1] / "src" / "presscut"
    digest = hashlib.sha1()
    paths = [root / name for name in _SOURCES] + [
        Path(__file__).parent / n for n in _TRAINING_SOURCES
    ]
    for path in paths:
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def _synthetic_segments(page: Page) -> np.ndarray:
    """Which segments sit in a block that augment.py inserted."""
    containers = page.containers
    marked = [bool(c.node.attributes.get(SYNTHETIC_MARK)) for c in containers]
    for i, c in enumerate(containers):
        marked[i] = marked[i] or (c.parent >= 0 and marked[c.parent])
    return np.array([marked[s.container] for s in page.segments], dtype=bool)


def build_page(labelled: LabelledPage, augment: bool = False) -> PageData | None:
    """The page's training data; with `augment`, of the page with chrome inserted (or None)."""
    try:
        text = read_html(labelled.html(), max_bytes=DEFAULT_MAX_BYTES)
    except ExtractionError:
        return None
    if augment:
        rng = random.Random(f"augment-{labelled.dataset}-{labelled.id}")
        text = insert_chrome(text, labelled.body or "", rng)
        if text is None:
            return None
    meta, page, _ = parse_page(text, labelled.url)
    if not page.segments:
        return None
    X = segment_features(page, meta.title)
    synthetic = _synthetic_segments(page) if augment else np.zeros(len(page.segments), dtype=bool)
    for container in page.containers:
        container.node = None  # type: ignore[assignment]
    texts = [s.text for s in page.segments]
    truth = labelled.body or ""
    if labelled.body is None:  # snippets only
        cov, known = snippet_labels(texts, labelled.with_, labelled.without)
        n_tokens = np.array([len(tokens(t)) for t in texts])
    else:
        cov, n_tokens = coverage(texts, truth)
        known = np.ones(len(texts), dtype=bool)
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
        labelled=known,
        synthetic=synthetic,
        with_=labelled.with_,
        without=labelled.without,
    )


def build(pages: list[LabelledPage], name: str, augment: bool = False) -> list[PageData | None]:
    """The data of `pages` (None where a page cannot be used), cached by extraction code.

    With `augment`, each page gets chrome inserted into its article body
    (`augment.py`); pages with too few article paragraphs give None.
    """
    CACHE_DIR.mkdir(exist_ok=True)
    ids = "".join(p.id for p in pages) + ("augmented" if augment else "")
    key = hashlib.sha1((_source_hash() + ids).encode()).hexdigest()[:12]
    path = CACHE_DIR / f"{name}-{key}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    data = [build_page(p, augment) for p in pages]
    with open(path, "wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return data
