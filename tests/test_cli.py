"""`presscut extract`: exit statuses, output formats, and every kind of source."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from presscut import SCHEMA_VERSION, Article, extract
from presscut.cli import EXIT_BAD_INPUT, EXIT_NO_ARTICLE, EXIT_OK, main
from presscut.extract import DEFAULT_MAX_BYTES

REPO = Path(__file__).resolve().parent.parent

STORY = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    "<title>Ferry timetable changes | Harbour Courier</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
    "<main><article><h1>Winter ferry timetable cuts evening crossings</h1>"
    "<p>The last ferry to the island will leave at 7.15pm from November, an hour earlier than "
    "this summer, the operator confirmed on Tuesday.</p>"
    "<p>Islanders who work late shifts on the mainland say the change leaves them with a "
    "choice between a taxi fare of \u00a340 and a night in a hotel.</p>"
    "<p>The operator said the cut would save \u00a3300,000 a year and that demand for the last "
    "sailing had fallen by half since 2019.</p>"
    "</article></main><footer><p>\u00a9 Harbour Courier</p></footer></body></html>"
)
EMPTY_SHELL = (
    "<!DOCTYPE html><html><head><title>Loading\u2026</title></head>"
    "<body><div id='root'></div><script src='/app.js'></script></body></html>"
)
# Every top-level key of `Article.to_dict()`, as documented in docs/output-format.md.
DOCUMENTED_KEYS = {
    "schema_version",
    "url",
    "canonical_url",
    "title",
    "authors",
    "published",
    "modified",
    "site_name",
    "publisher",
    "language",
    "description",
    "section",
    "tags",
    "image",
    "page_type",
    "reason",
    "text",
    "body",
    "removed",
}


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.html"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_text_output_is_the_article_text(capsys, story_file):
    status, out, err = run_cli(capsys, "extract", str(story_file))

    assert status == EXIT_OK
    assert err == ""
    assert out == extract(STORY).text + "\n"
    assert "The last ferry to the island will leave at 7.15pm" in out
    assert "a taxi fare of \u00a340" in out


def test_json_output_has_the_documented_schema(capsys, story_file):
    status, out, _ = run_cli(capsys, "extract", str(story_file), "--format", "json")

    assert status == EXIT_OK
    data = json.loads(out)
    assert set(data) == DOCUMENTED_KEYS
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["page_type"] == "article"
    assert data["reason"] is None
    assert data["text"] == extract(STORY).text
    assert all({"type", "text"} <= set(block) for block in data["body"])
    assert Article.from_dict(data) == extract(STORY)


def test_markdown_output_starts_with_yaml_front_matter(capsys, story_file):
    status, out, _ = run_cli(
        capsys, "extract", str(story_file), "--format", "markdown", "--url", "https://hc.example/f"
    )

    assert status == EXIT_OK
    front, body = out.split("\n---\n\n", 1)
    lines = front.split("\n")
    assert lines[0] == "---"
    assert f"schema_version: {SCHEMA_VERSION}" in lines
    assert 'url: "https://hc.example/f"' in lines
    assert "Islanders who work late shifts on the mainland" in body
    assert body == extract(STORY).markdown()


def test_url_option_sets_the_article_url(capsys, story_file):
    url = "https://www.harbourcourier.example/news/ferry-timetable"
    _, out, _ = run_cli(capsys, "extract", str(story_file), "--format", "json", "--url", url)

    assert json.loads(out)["url"] == url


def test_reads_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8"))))

    status, out, _ = run_cli(capsys, "extract", "-")

    assert status == EXIT_OK
    assert out == extract(STORY).text + "\n"


def test_reads_gzipped_html_files(capsys, tmp_path):
    path = tmp_path / "ferry.html.gz"
    path.write_bytes(gzip.compress(STORY.encode("utf-8")))

    status, out, _ = run_cli(capsys, "extract", str(path))

    assert status == EXIT_OK
    assert out == extract(STORY).text + "\n"


def test_page_without_article_exits_1_with_nothing_on_stdout(capsys, tmp_path):
    path = tmp_path / "shell.html"
    path.write_text(EMPTY_SHELL, encoding="utf-8")

    status, out, err = run_cli(capsys, "extract", str(path), "--format", "json")

    assert status == EXIT_NO_ARTICLE
    assert out == ""
    assert err == f"presscut: no article in {path} (other page): no visible text\n"


def test_listing_exit_message_names_the_page_type(capsys, monkeypatch, story_file):
    listing = Article(page_type="listing", reason="a list of 14 teasers")
    monkeypatch.setattr("presscut.cli.extract.extract", lambda *args, **kwargs: listing)

    status, out, err = run_cli(capsys, "extract", str(story_file))

    assert status == EXIT_NO_ARTICLE
    assert out == ""
    assert "(listing page): a list of 14 teasers" in err


def test_section_front_exits_1(capsys, tmp_path):
    teasers = "".join(
        f"<article class='teaser'><h3><a href='/news/{i}'>Headline {i}: the harbour, the "
        f"council and the ferry</a></h3><p>A short standfirst for story {i} that sums up what "
        "happened in two lines of text.</p></article>"
        for i in range(12)
    )
    path = tmp_path / "section.html"
    path.write_text(
        f"<html><body><main><h1>Local news</h1><section>{teasers}</section></main></body></html>"
    )

    status, out, _ = run_cli(capsys, "extract", str(path))

    assert (status, out) == (EXIT_NO_ARTICLE, "")


def test_missing_file_exits_2(capsys, tmp_path):
    status, out, err = run_cli(capsys, "extract", str(tmp_path / "nope.html"))

    assert status == EXIT_BAD_INPUT
    assert out == ""
    assert err == f"presscut: cannot read {tmp_path / 'nope.html'}: No such file or directory\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_file_is_not_read_to_the_end(capsys):
    status, out, err = run_cli(capsys, "extract", "/dev/zero")

    assert status == EXIT_BAD_INPUT
    assert out == ""
    assert err == f"presscut: /dev/zero is larger than {DEFAULT_MAX_BYTES} bytes\n"


def test_directory_exits_2(capsys, tmp_path):
    status, out, err = run_cli(capsys, "extract", str(tmp_path))

    assert (status, out) == (EXIT_BAD_INPUT, "")
    assert err == f"presscut: cannot read {tmp_path}: Is a directory\n"


def test_pdf_file_exits_2(capsys, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")

    status, out, err = run_cli(capsys, "extract", str(path))

    assert status == EXIT_BAD_INPUT
    assert out == ""
    assert err == "presscut: input is a PDF document, not HTML\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["extract"],
        ["extract", "page.html", "--format", "yaml"],
        ["extract", "page.html", "--timeout", "0"],
        ["extract", "page.html", "--timeout", "soon"],
        ["extract", "page.html", "--timeout", "inf"],
        ["unknown-command"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)

    assert exc.value.code == EXIT_BAD_INPUT
    assert "usage: presscut" in capsys.readouterr().err


def test_url_source_is_fetched_and_the_final_url_kept(capsys, http_server):
    http_server.routes["/short"] = (301, {"Location": "/news/ferry"}, b"")
    http_server.routes["/news/ferry"] = (
        200,
        {"Content-Type": "text/html; charset=utf-8"},
        STORY.encode("utf-8"),
    )

    status, out, _ = run_cli(capsys, "extract", http_server.url("/short"), "--format", "json")

    assert status == EXIT_OK
    data = json.loads(out)
    assert data["url"] == http_server.url("/news/ferry")
    assert data["text"] == extract(STORY).text


def test_url_source_passes_the_content_language_header_on(capsys, http_server):
    # Without a lang attribute, the header is the page's only declaration of its language.
    http_server.routes["/ferry"] = (
        200,
        {"Content-Type": "text/html; charset=utf-8", "Content-Language": "en-GB"},
        STORY.replace(" lang='en'", "").encode("utf-8"),
    )

    status, out, _ = run_cli(capsys, "extract", http_server.url("/ferry"), "--format", "json")

    assert status == EXIT_OK
    assert json.loads(out)["language"] == "en-GB"


FRENCH_STORY = (
    "<!DOCTYPE html><html lang='fr'><head><meta charset='iso-8859-7'>"
    "<title>Le caf\u00e9 du port rouvre</title></head>"
    "<body><main><article><h1>Le caf\u00e9 du port rouvre ses portes</h1>"
    "<p>Ferm\u00e9 depuis l\u2019incendie de f\u00e9vrier, le caf\u00e9 \u201cLe Port\u201d "
    "rouvre samedi apr\u00e8s huit mois de travaux, a annonc\u00e9 sa g\u00e9rante.</p>"
    "<p>La terrasse a \u00e9t\u00e9 agrandie et la cuisine enti\u00e8rement refaite ; le "
    "menu du midi reste \u00e0 14\u00a0\u20ac, \u0153uf mayonnaise compris.</p>"
    "<p>Les habitu\u00e9s pourront y retrouver les p\u00eacheurs d\u00e8s six heures du "
    "matin, comme avant l\u2019incendie.</p></article></main></body></html>"
)


def test_url_source_decodes_with_the_header_charset_over_the_meta_one(capsys, http_server):
    # The page says Greek, the server says windows-1252: the server wins, as in browsers.
    http_server.routes["/fr"] = (
        200,
        {"Content-Type": "text/html; charset=windows-1252"},
        FRENCH_STORY.encode("windows-1252"),
    )

    status, out, _ = run_cli(
        capsys, "extract", http_server.url("/fr"), "--user-agent", "courier-archive/1.0"
    )

    assert status == EXIT_OK
    assert out == extract(FRENCH_STORY).text + "\n"
    assert "le caf\u00e9 \u201cLe Port\u201d rouvre samedi apr\u00e8s huit mois" in out
    assert http_server.requests[-1][1]["user-agent"] == "courier-archive/1.0"


def test_url_that_fails_exits_2(capsys, http_server):
    status, out, err = run_cli(capsys, "extract", http_server.url("/missing"))

    assert status == EXIT_BAD_INPUT
    assert out == ""
    assert err == f"presscut: {http_server.url('/missing')} answered HTTP 404\n"


def test_console_script_prints_utf8_whatever_the_locale(example_page):
    script = Path(sys.executable).with_name("presscut")
    if not script.exists():
        pytest.skip("the presscut console script is not installed next to this interpreter")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}

    result = subprocess.run(
        [str(script), "extract", str(example_page)], capture_output=True, env=env, check=False
    )

    assert result.returncode == EXIT_OK, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert "Port Alder's long-delayed tidal barrier will go ahead" in out
    assert "favour of the \u00a348m scheme" in out


def test_example_page_comes_out_clean(example_page):
    article = extract(example_page.read_bytes())

    kinds = {block.type for block in article.body}
    assert {"heading", "paragraph", "list_item", "quote", "figure_caption"} <= kinds
    assert article.title == "Tidal barrier approved after 14-hour council session"
    chrome = [
        "We use cookies",  # cookie banner
        "Local news",  # breadcrumbs
        "Copy link",  # share bar
        "Support independent journalism",  # donation appeal inside the article body
        "Morning Briefing",  # newsletter box inside the article body
        "local democracy reporter, covering",  # author bio
        "Related stories",
        "Comments (12)",
        "Join the conversation",
        "Most read",
        "Registered in England and Wales",  # footer
    ]
    assert [c for c in chrome if c in article.text] == []


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    run_example, run_tests = re.findall(r"```sh\n(.+)\n```", readme)[:2]

    assert run_example.endswith("&& presscut extract examples/news-article.html")
    assert run_tests.endswith("&& python -m pytest -q")
    assert run_tests in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert os.access(REPO / ".ci" / "run", os.X_OK)
