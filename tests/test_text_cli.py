"""`presscut clean`: single-page and corpus mode, formats, exit statuses."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presscut.cli import main
from presscut.text import DEFAULT_MAX_CHARS
from text_fixtures import ARTICLES

PAGE = "\n".join(
    [
        "Ferry terminal to close after sixty years",
        "By Martin Hale",
        "Share on Facebook",
        *ARTICLES["en"],
        "Comments",
    ]
)


def test_single_page_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "page.txt"
    source.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.split("\n\n")[0] == ARTICLES["en"][0]
    assert "Ferry terminal to close" not in out
    assert "By Martin Hale" not in out


def test_single_page_json_has_metadata_and_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "page.txt"
    source.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(source), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Ferry terminal to close after sixty years"
    assert data["authors"] == ["Martin Hale"]
    assert [b["text"] for b in data["body"]] == ARTICLES["en"]
    reasons = {r["text"]: r["reason"] for r in data["removed"]}
    assert reasons["By Martin Hale"] == "byline"
    assert reasons["Ferry terminal to close after sixty years"] == "title"


def test_single_page_from_stdin_as_markdown(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    assert main(["clean", "-", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\n")
    assert 'title: "Ferry terminal to close after sixty years"' in out
    assert ARTICLES["en"][-1] in out


def test_empty_page_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "empty.txt"
    source.write_text("  \n\n \t\n", encoding="utf-8")
    assert main(["clean", str(source)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no article" in captured.err


def test_missing_file_and_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", str(tmp_path / "nope.txt")]) == 2
    missing = f"presscut: cannot read {tmp_path / 'nope.txt'}: No such file or directory\n"
    assert capsys.readouterr().err == missing
    assert main(["clean"]) == 2
    assert main(["clean", "--jsonl", str(tmp_path / "in.jsonl")]) == 2  # no -o
    assert main(["clean", "--jsonl", str(tmp_path / "nope.jsonl"), "-o", "x.jsonl"]) == 2
    assert "presscut:" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_file_is_not_read_to_the_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "/dev/zero"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    # Four bytes a character at most: more bytes always decode to too many characters.
    assert captured.err == f"presscut: /dev/zero is larger than {4 * DEFAULT_MAX_CHARS} bytes\n"


def test_console_script_prints_utf8_whatever_the_locale(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("presscut")
    if not script.exists():
        pytest.skip("the presscut console script is not installed next to this interpreter")
    source = tmp_path / "seite.txt"
    source.write_text("\n".join(ARTICLES["de"]), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}

    result = subprocess.run(
        [str(script), "clean", str(source)], capture_output=True, env=env, check=False
    )

    assert not "".join(ARTICLES["de"]).isascii()
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8").split("\n\n") == [
        *ARTICLES["de"][:-1],
        ARTICLES["de"][-1] + "\n",
    ]


@pytest.mark.parametrize("size", ["0", "-5", "many"])
def test_record_size_limit_must_be_positive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], size: str
) -> None:
    args = ["clean", "--jsonl", "in.jsonl", "-o", str(tmp_path / "o.jsonl")]
    with pytest.raises(SystemExit) as exc:
        main([*args, "--max-record-bytes", size])
    assert exc.value.code == 2
    assert "must be a positive number of bytes" in capsys.readouterr().err


def test_corpus_mode_writes_output_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    records = [
        json.dumps({"id": 1, "text": "\n".join(ARTICLES["de"])}),
        "{broken",
        json.dumps({"id": 3, "text": "\n".join(ARTICLES["fr"]), "url": "https://x.example/a"}),
    ]
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    args = ["clean", "--jsonl", str(source), "-o", str(out), "--errors", str(errors)]
    assert main(args) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in rows] == [1, None, 3]
    assert rows[0]["presscut_text"].split("\n\n") == ARTICLES["de"]
    assert rows[1]["presscut_position"] == 2
    (error,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert error["position"] == 2
    assert "3 records: 2 cleaned" in capsys.readouterr().err


def test_corpus_with_no_article_text_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": ""}\n{"nothing": 1}\n', encoding="utf-8")
    assert main(["clean", "--jsonl", str(source), "-o", str(tmp_path / "o.jsonl")]) == 1
