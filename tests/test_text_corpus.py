"""Corpus mode: site templates learned across records, bad records, order and count kept."""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

import pytest

from presscut.text.corpus import Fields, clean_corpus
from presscut.text.templates import TemplateCounter

# A site template as a bad extractor leaves it, the same on every page of the site.
# The "middle" line reads like article prose (a syndication credit), so the
# classifier alone keeps it: only its recurrence across the site gives it away.
TEMPLATE = {
    "middle": [
        "This story was produced with support from the Local Democracy Reporting Service, "
        "which funds reporters across the region."
    ],
    "top": [
        "Riverside Post",
        "Local news, sport and weather for the valley since 1911",
        "Keeping the valley informed costs money: readers like you fund our reporters each month.",
    ],
    "bottom": [
        "Get the Riverside morning briefing in your inbox every weekday",
        "Riverside Post is published by Valley Media Ltd, registered in England.",
    ],
}
TOWNS = ("Millbrook", "Ashford", "Kingsley", "Marlow", "Upton", "Hadley", "Norton", "Elmstead")
SUBJECTS = ("bridge", "library", "bus route", "school", "market", "swimming pool", "park")
VERBS = ("approved", "postponed", "rejected", "debated", "funded", "reviewed")


def article(rng: random.Random) -> list[str]:
    """Four paragraphs of a local news story, different in every record."""
    town, subject = rng.choice(TOWNS), rng.choice(SUBJECTS)
    n = rng.randint(3, 90)
    return [
        f"Councillors in {town} {rng.choice(VERBS)} plans for the {subject} on "
        f"{rng.choice(('Monday', 'Tuesday', 'Thursday'))}, after {n} residents wrote to the council.",
        f"The project would cost about {n * 37},000 pounds, according to a report by "
        f"{town}'s planning officer, and could start within {rng.randint(2, 18)} months.",
        f"Some residents said the {subject} had been neglected for {rng.randint(4, 30)} years, "
        f"while others questioned whether the money should go to {rng.choice(SUBJECTS)} repairs.",
        f"A final decision is expected at the {rng.choice(('spring', 'autumn'))} meeting, "
        f"when councillors will also review a petition signed by {n * 11} people.",
    ]


def write_jsonl(path: Path, records: list[object]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write((record if isinstance(record, str) else json.dumps(record)) + "\n")


def run(path: Path, **kwargs: object) -> tuple[list[dict], list[dict], object]:
    out, errors = io.StringIO(), io.StringIO()
    counter = TemplateCounter(width=1 << 12, bloom_bits=1 << 16)
    stats = clean_corpus(path, out, errors, counter=counter, **kwargs)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    errs = [json.loads(line) for line in errors.getvalue().splitlines()]
    return rows, errs, stats


@pytest.fixture()
def site_corpus(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    rng = random.Random(7)
    records, articles = [], []
    for i in range(16):
        body = article(rng)
        articles.append(body)
        host = "www.riverside.example" if i % 4 else "other.example"
        if i % 4:
            lines = [*TEMPLATE["top"], *body[:2], *TEMPLATE["middle"], *body[2:]]
            lines += TEMPLATE["bottom"]
        else:
            lines = body
        records.append({"id": i, "url": f"https://{host}/news/{i}", "text": "\n".join(lines)})
    path = tmp_path / "site.jsonl"
    write_jsonl(path, records)
    return path, articles


def test_site_template_lines_are_removed_and_article_lines_kept(site_corpus) -> None:
    path, articles = site_corpus
    rows, errors, stats = run(path)
    assert errors == []
    assert [row["id"] for row in rows] == list(range(16))
    template_lines = TEMPLATE["top"] + TEMPLATE["middle"] + TEMPLATE["bottom"]
    for row, body in zip(rows, articles, strict=True):
        kept = row["presscut_text"].split("\n\n")
        assert kept == body, row["id"]
        removed = {r["text"] for r in row["presscut_removed"]}
        if row["url"].startswith("https://www.riverside"):
            assert set(template_lines) <= removed
    assert stats.records == stats.cleaned == 16
    assert stats.template_lines > 0


def test_template_pass_removes_what_the_classifier_alone_keeps(site_corpus) -> None:
    path, _ = site_corpus
    with_templates, _, _ = run(path)
    without, _, _ = run(path, templates=False)
    middle = TEMPLATE["middle"][0]
    assert any(middle in row["presscut_text"] for row in without)
    reasons = {r["text"]: r["reason"] for row in with_templates for r in row["presscut_removed"]}
    assert reasons[middle] == "template"
    assert all(r["reason"] != "template" for row in without for r in row["presscut_removed"])
    kept_with = sum(len(row["presscut_text"]) for row in with_templates)
    kept_without = sum(len(row["presscut_text"]) for row in without)
    assert kept_with < kept_without


def test_other_fields_are_kept_and_new_fields_added(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    text = "\n".join(article(random.Random(3)))
    record = {"doc": "a-1", "meta": {"lang": "en", "n": [1, 2]}, "text": text, "url": None}
    write_jsonl(path, [record])
    rows, errors, _ = run(path)
    assert errors == []
    (row,) = rows
    assert {k: row[k] for k in record} == record
    for field in (
        "presscut_text",
        "presscut_removed",
        "presscut_title",
        "presscut_authors",
        "presscut_published",
        "presscut_language",
        "presscut_reason",
    ):
        assert field in row


def test_custom_field_names(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    body = article(random.Random(5))
    write_jsonl(path, [{"content": "\n".join(body), "link": "https://a.example/x"}])
    rows, errors, _ = run(path, fields=Fields(text="content", url="link"))
    assert errors == []
    assert rows[0]["presscut_text"].split("\n\n") == body


def test_bad_records_are_reported_and_never_lose_or_reorder_records(tmp_path: Path) -> None:
    good = "\n".join(article(random.Random(11)))
    path = tmp_path / "bad.jsonl"
    with open(path, "wb") as fh:
        fh.write(json.dumps({"id": 0, "text": good}).encode() + b"\n")
        fh.write(b'{"id": 1, "text": "unterminated\n')  # invalid JSON
        fh.write(b'{"id": 2, "text": "caf\xe9 au lait"}\n')  # invalid UTF-8
        fh.write(b'{"id": 3, "body": "no text field"}\n')
        fh.write(b'{"id": 4, "text": 42}\n')
        fh.write(b'{"id": 5, "text": ["a", "list"]}\n')
        fh.write(b'{"id": 6, "text": "   \\n  "}\n')
        fh.write(b'{"id": 7, "text": "' + b"x" * (10 * 1024 * 1024) + b'"}\n')
        fh.write(b"\n")
        fh.write(b'["not", "an", "object"]\n')
        fh.write(b'{"id": 10, "text": "\\u0000\\u0001\\ud800 binary \\u00ff junk \\u0007"}\n')
        fh.write(json.dumps({"id": 11, "text": good}).encode() + b"\n")
    rows, errors, stats = run(path)
    assert len(rows) == 12
    by_position = {e["position"]: e["error"] for e in errors}
    assert sorted(by_position) == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert "invalid JSON" in by_position[2]
    assert "UTF-8" in by_position[3]
    assert "missing field 'text'" in by_position[4]
    assert "int, not a string" in by_position[5]
    assert "list, not a string" in by_position[6]
    assert "empty" in by_position[7]
    assert "longer than" in by_position[8]
    assert by_position[9] == "blank line"
    assert "not an object" in by_position[10]
    # A parsed record keeps its fields; an unparsable line keeps its place.
    assert rows[3]["id"] == 3 and "presscut_error" in rows[3]
    assert rows[1] == {"presscut_error": by_position[2], "presscut_position": 2}
    assert rows[7]["presscut_position"] == 8
    # Good records, including binary junk, are cleaned and stay in place.
    assert rows[0]["id"] == 0 and rows[0]["presscut_text"]
    assert rows[10]["id"] == 10 and "presscut_error" not in rows[10]
    assert rows[11]["id"] == 11 and rows[11]["presscut_text"] == rows[0]["presscut_text"]
    assert stats.errors == 9 and stats.records == 12


def test_gzip_in_and_out_through_the_cli(tmp_path: Path, site_corpus) -> None:
    from presscut.cli import main

    path, articles = site_corpus
    gz_in = tmp_path / "in.jsonl.gz"
    gz_in.write_bytes(gzip.compress(path.read_bytes()))
    out = tmp_path / "out.jsonl.gz"
    assert main(["clean", "--jsonl", str(gz_in), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    assert [row["id"] for row in rows] == list(range(16))
    assert rows[1]["presscut_text"].split("\n\n") == articles[1]
    errors = Path(f"{out}.errors.jsonl")
    assert errors.exists() and errors.read_text() == ""


def test_template_counter_counts_records_per_host() -> None:
    counter = TemplateCounter(width=1 << 10, bloom_bits=1 << 14)
    for i in range(5):
        counter.add_record("a.example", ["Menu", "Footer", f"story {i}", "Menu"])
    counter.add_record("b.example", ["Menu"])
    assert counter.records("a.example") == 5
    assert counter.records("b.example") == 1
    counts = counter.counts("a.example", ["Menu", "Footer", "story 3", "never seen"])
    assert counts.tolist() == [5, 5, 1, 0]
    assert counter.counts("b.example", ["Menu", "Footer"]).tolist() == [1, 0]
    assert counter.recurring("a.example", ["Menu", "story 3"]).tolist() == [True, False]


def test_template_counter_memory_is_fixed() -> None:
    counter = TemplateCounter(width=1 << 10, bloom_bits=1 << 14)
    size = counter.table.nbytes + counter.bloom.nbytes
    for i in range(3000):
        counter.add_record(f"host{i % 7}.example", [f"line {i}", f"other {i}", "shared"])
    counter.flush()
    assert counter.table.nbytes + counter.bloom.nbytes == size
    assert counter.counts("host3.example", ["shared"])[0] >= 3000 // 7
