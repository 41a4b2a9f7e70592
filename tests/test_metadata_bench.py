"""The metadata benchmark's scoring: normalisation is the same for every tool."""

from __future__ import annotations

import socket
from datetime import date, datetime
from fnmatch import fnmatch

import pytest

from presscut.bench.metadata import (
    LABEL_GLOBS,
    LABELS_DIR,
    _is_equal,
    norm_authors,
    norm_date,
    norm_language,
    norm_text,
    offline_on_one_core,
)


def test_titles_compare_without_case_space_or_punctuation() -> None:
    assert norm_text("Crisis: What Comes Next?") == norm_text("crisis — what comes next")
    assert norm_text("Crisis") != norm_text("Crises")


def test_authors_compare_as_sets_without_honorifics_and_credentials() -> None:
    assert norm_authors("Dr. Jane Doe, PhD & John Roe") == norm_authors(["John Roe", "Jane Doe"])
    assert norm_authors("Holly Wilgus, E-RYT 200") == norm_authors(["Holly Wilgus"])
    assert norm_authors("AFP") == norm_authors(["AFP"]) != frozenset()
    assert norm_authors("Jane Doe; John Roe") != norm_authors(["Jane Doe"])


def test_dates_compare_to_the_day() -> None:
    assert norm_date("2024-03-05T23:59:00-05:00") == "2024-03-05"
    assert norm_date(datetime(2024, 3, 5, 10, 0)) == norm_date(date(2024, 3, 5))
    assert _is_equal("published_or_modified", "2024-03-07", ("2024-03-05", "2024-03-07T10:00"))
    assert not _is_equal("published_or_modified", "2024-03-06", ("2024-03-05", None))


def test_language_compares_the_primary_subtag() -> None:
    assert norm_language("de_AT") == norm_language("de") == "de"


def test_offline_mode_is_undone_on_exit() -> None:
    original = socket.getaddrinfo
    with offline_on_one_core(0), pytest.raises(OSError):
        socket.getaddrinfo("example.com", 80)
    assert socket.getaddrinfo is original


def test_dev_and_test_label_files_are_separate_suites() -> None:
    dev, test = LABEL_GLOBS["dev"], LABEL_GLOBS["test"]
    assert fnmatch("metadata-dev-trafilatura-eval-d.jsonl", dev)
    assert not fnmatch("metadata-dev-trafilatura-eval-d.jsonl", test)
    assert fnmatch("metadata-trafilatura-eval-a.jsonl", test)
    assert not fnmatch("metadata-trafilatura-eval-a.jsonl", dev)
    on_disk = {split: {p.name for p in LABELS_DIR.glob(g)} for split, g in LABEL_GLOBS.items()}
    assert not on_disk["dev"] & on_disk["test"]
