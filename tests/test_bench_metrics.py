"""The benchmark's metrics, report helpers and dispatcher, on hand-made inputs (no dataset)."""

from __future__ import annotations

import pytest

from presscut.bench import __main__ as dispatcher
from presscut.bench import extractors, metrics, speed, targets
from presscut.bench.metrics import PageScore, SnippetCounts, StructureCounts

# --- Shingle metric -----------------------------------------------------------


def test_tokens_are_lowercased_word_runs():
    assert metrics.tokens("Hello, WORLD! It's 2024.") == ["hello", "world", "it", "s", "2024"]
    assert metrics.tokens(None) == []


def test_shingles_are_a_multiset_of_four_token_windows():
    toks = metrics.tokens("a b c d a b c d")
    grams = metrics.shingles(toks)
    assert sum(grams.values()) == 5
    assert grams[("a", "b", "c", "d")] == 2


def test_short_text_is_one_shingle():
    assert metrics.shingles(["a", "b"]) == {("a", "b"): 1}
    assert metrics.shingles([]) == {}


def test_identical_texts_score_perfectly():
    score = metrics.shingle_score("One two three four five.", "one two  THREE four five")
    assert score == PageScore(precision=1.0, recall=1.0, exact=True)


def test_partial_output():
    # truth has 5 shingles; the output keeps the first 6 tokens = 3 shingles, all right.
    score = metrics.shingle_score("a b c d e f", "a b c d e f g h")
    assert score.precision == 1.0
    assert score.recall == pytest.approx(3 / 5)
    assert not score.exact


def test_empty_cases():
    assert metrics.shingle_score("", "some real text here") == PageScore(None, 0.0, False)
    assert metrics.shingle_score("junk text on a page", "") == PageScore(0.0, None, False)
    assert metrics.shingle_score("", "") == PageScore(None, None, True)


def test_summary_averages_precision_and_recall_separately():
    scores = [
        PageScore(precision=1.0, recall=0.5, exact=False),
        PageScore(precision=None, recall=0.0, exact=False),  # empty output
        PageScore(precision=0.5, recall=None, exact=False),  # empty truth
        PageScore(precision=None, recall=None, exact=True),  # both empty
    ]
    summary = metrics.summarize(scores)
    assert summary.precision == pytest.approx(0.75)
    assert summary.recall == pytest.approx(0.25)
    assert summary.f1 == pytest.approx(2 * 0.75 * 0.25 / 1.0)
    assert summary.exact == pytest.approx(0.25)
    assert summary.pages == 4


def test_page_f1():
    assert metrics.page_f1(PageScore(None, None, True)) == 1.0
    assert metrics.page_f1(PageScore(None, 0.0, False)) == 0.0
    assert metrics.page_f1(PageScore(0.0, None, False)) == 0.0
    assert metrics.page_f1(PageScore(1.0, 0.5, False)) == pytest.approx(2 / 3)


# --- WCXB word-bag F1 (as WCXB's evaluate.py) ---------------------------------------


def test_word_f1_empty_truth():
    assert metrics.word_f1("", "") == (1.0, 1.0, 1.0)
    assert metrics.word_f1(None, None) == (1.0, 1.0, 1.0)
    assert metrics.word_f1("anything", "") == (0.0, 0.0, 0.0)


def test_word_f1_empty_output():
    assert metrics.word_f1("", "the truth") == (0.0, 0.0, 0.0)
    assert metrics.word_f1("!!! ...", "the truth") == (0.0, 0.0, 0.0)


def test_word_f1_clips_repeated_words_and_ignores_order_case_punctuation():
    p, r, f1 = metrics.word_f1("a a a b", "A, b!")
    assert (p, r) == (0.5, 1.0)
    assert f1 == pytest.approx(2 / 3)
    assert metrics.word_f1("world hello", "Hello, world.") == (1.0, 1.0, 1.0)


# --- Snippets -----------------------------------------------------------------


def test_snippet_counts_normalise_whitespace_and_case():
    counts = metrics.snippet_counts(
        "The quick\nbrown  fox. Share on Facebook",
        with_=["the QUICK brown fox", "lazy dog"],
        without=["share on   facebook", "Impressum"],
    )
    assert counts == SnippetCounts(tp=1, fn=1, fp=1, tn=1)


def test_snippet_counts_pool_over_pages():
    total = SnippetCounts(tp=3, fn=1, fp=1, tn=3) + SnippetCounts(tp=1, fn=1, fp=0, tn=2)
    assert total == SnippetCounts(tp=4, fn=2, fp=1, tn=5)
    assert total.precision == pytest.approx(4 / 5)
    assert total.recall == pytest.approx(4 / 6)
    assert total.accuracy == pytest.approx(9 / 12)
    assert SnippetCounts().f1 == 0.0


def test_empty_output_finds_no_snippet():
    assert metrics.snippet_counts(None, ["a b"], ["c d"]) == SnippetCounts(tp=0, fn=1, fp=0, tn=1)


# --- Structure metric ---------------------------------------------------------------

MARKDOWN = """# The *Title*

Intro with a [link](https://example.com/x) in it.

## Ingredients ##

- 200 g of __flour__
- [**Sugar**](https://example.com/sugar): 50 g
  brown, if you have it
* third item

1. Mix
10) Bake at 180 °C

---
* * *

```
# not a heading
- not an item
```

#hashtag is a paragraph
**Bold line, not a list item**
- ![photo](cake.jpg)
"""


def test_markdown_items():
    assert metrics.markdown_items(MARKDOWN) == [
        ("heading", "the title"),
        ("heading", "ingredients"),
        ("list_item", "200 g of flour"),
        ("list_item", "sugar 50 g brown if you have it"),
        ("list_item", "third item"),
        ("list_item", "mix"),
        ("list_item", "bake at 180 c"),
    ]


def test_markdown_items_of_nothing():
    assert metrics.markdown_items(None) == []
    assert metrics.markdown_items("Just a paragraph.\n\nAnd another.") == []


def test_normalize_item_keeps_snake_case_but_drops_underscore_emphasis():
    assert metrics.normalize_item("_Use_ the `snake_case` name") == "use the snake_case name"


def test_structure_counts_need_the_right_type_and_text():
    truth = metrics.markdown_items(MARKDOWN)
    blocks = [
        ("heading", "The Title"),
        ("paragraph", "Ingredients"),  # right text, wrong type
        ("list_item", "200 g of flour"),
        ("list_item", "Sugar: 50 g brown, if you have it"),
        ("list_item", "Share this recipe"),  # not in the truth
        ("heading", "Mix"),  # a list item in the truth
    ]
    counts = metrics.structure_counts(blocks, truth)
    assert counts["heading"] == StructureCounts(truth=2, predicted=2, matched=1)
    assert counts["list_item"] == StructureCounts(truth=5, predicted=3, matched=2)
    assert counts["list_item"].recall == pytest.approx(2 / 5)
    assert counts["list_item"].precision == pytest.approx(2 / 3)


def test_structure_counts_are_multisets():
    truth = [("list_item", "yes"), ("list_item", "yes")]
    counts = metrics.structure_counts([("list_item", "Yes")], truth)
    assert counts["list_item"] == StructureCounts(truth=2, predicted=1, matched=1)


def test_line_item_proxy_needs_a_whole_line():
    truth = metrics.markdown_items("## Ingredients\n\n- flour\n- sugar\n")
    text = "Ingredients\nWe need flour and sugar.\nSugar"
    assert metrics.line_item_counts(text, truth) == StructureCounts(truth=3, matched=2)


# --- Extractor plumbing -------------------------------------------------------------


def test_html_to_text_breaks_blocks_and_drops_scripts():
    html = (
        "<div><h2>Head</h2><p>One <b>bold</b>\n  word</p><script>var x;</script>"
        "<p>Line<br>break</p><ul><li>a</li><li>b</li></ul>tail</div>"
    )
    assert (
        extractors.html_to_text(html) == "Head\n\nOne bold word\n\nLine\n\nbreak\n\na\n\nb\n\ntail"
    )


def test_a_crashing_extractor_gives_an_empty_output():
    def boom(html: bytes, url: str | None) -> str:
        raise ValueError("bad page")

    broken = extractors.Extractor("broken", boom, lambda text: extractors.Output(text), typed=True)
    output = extractors.run(broken, b"<p>x</p>", None)
    assert output.text == ""
    assert output.blocks == ()
    assert output.error == "ValueError: bad page"


def test_unknown_extractor_is_refused():
    with pytest.raises(ValueError, match="unknown extractor"):
        extractors.load(["nope"])


def test_nearest_rank_percentile():
    values = [float(v) for v in range(1, 21)]
    assert speed.percentile(values, 0.5) == 10.0
    assert speed.percentile(values, 0.95) == 19.0
    assert speed.percentile([7.0], 0.95) == 7.0


# --- Targets ------------------------------------------------------------------------


def _quality(presscut_f1: float, word_f1: float, snippet_f1: float) -> dict:
    return {
        "suites": {
            "wcxb": {
                "kind": "body",
                "summary": {
                    "presscut": {"f1": presscut_f1, "precision": 0.95, "word_f1": word_f1},
                    "trafilatura": {"f1": 0.80, "precision": 0.90, "word_f1": 0.83},
                },
            },
            "trafilatura-eval": {
                "kind": "snippets",
                "summary": {"presscut": {"f1": snippet_f1}, "trafilatura": {"f1": 0.90}},
            },
        }
    }


def _speed(presscut_rate: float, max_ms: float) -> dict:
    return {
        "extractors": {
            "presscut": {
                "pages_per_s": presscut_rate,
                "max_ms": max_ms,
                "slowest_page": "wcxb/x",
                "over_200ms": int(max_ms > 200),
            },
            "trafilatura": {"pages_per_s": 40.0},
        }
    }


def test_targets_pass():
    checks = targets.check(_quality(0.85, 0.91, 0.90), _speed(200.0, 150.0))
    assert [verdict for _, verdict, _ in checks] == ["PASS"] * 5


def test_targets_fail():
    checks = targets.check(_quality(0.79, 0.89, 0.89), _speed(199.0, 250.0))
    assert [verdict for _, verdict, _ in checks] == ["FAIL"] * 5


def test_presscut_variants_are_not_competitors():
    quality = _quality(0.85, 0.91, 0.90)
    quality["suites"]["wcxb"]["summary"]["presscut-listings-kept"] = {
        "f1": 0.99,
        "precision": 0.99,
        "word_f1": 0.99,
    }
    checks = targets.check(quality, _speed(200.0, 150.0))
    assert [verdict for _, verdict, _ in checks] == ["PASS"] * 5


def test_targets_without_competitors_are_skipped():
    quality = {"suites": {"cleanportaleval": {"kind": "body", "summary": {"presscut": {}}}}}
    checks = targets.check(quality, {"extractors": {}})
    assert {verdict for _, verdict, _ in checks} == {"SKIP"}


# --- Dispatcher -----------------------------------------------------------------------


def test_dispatch_calls_the_subcommand_main(tmp_path, monkeypatch, capsys):
    (tmp_path / "fake_bench_ok.py").write_text(
        "def main(argv):\n    print('argv', list(argv))\n    return 7\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(dispatcher.SUBCOMMANDS, "fake", "fake_bench_ok")
    assert dispatcher.main(["fake", "--limit", "3"]) == 7
    assert "argv ['--limit', '3']" in capsys.readouterr().out


def test_missing_subcommand_module_fails_only_that_subcommand(monkeypatch, capsys):
    monkeypatch.setitem(dispatcher.SUBCOMMANDS, "ghost", "presscut.bench.no_such_module")
    assert dispatcher.main(["ghost"]) == 2
    assert "presscut.bench.no_such_module is missing" in capsys.readouterr().err


def test_missing_dependency_inside_a_subcommand_is_not_hidden(tmp_path, monkeypatch):
    (tmp_path / "fake_bench_broken.py").write_text("import no_such_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(dispatcher.SUBCOMMANDS, "broken", "fake_bench_broken")
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_xyz"):
        dispatcher.main(["broken"])


def test_unknown_subcommand_and_help(capsys):
    assert dispatcher.main(["nope"]) == 2
    assert "unknown subcommand 'nope'" in capsys.readouterr().err
    assert dispatcher.main([]) == 2
    assert dispatcher.main(["--help"]) == 0
    assert "quality" in capsys.readouterr().out
