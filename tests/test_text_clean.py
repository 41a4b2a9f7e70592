"""`clean_text`: boilerplate families in four languages, metadata lines, bad input."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presscut import Article, InputTooLargeError, clean_text
from presscut.bench.metrics import tokens
from presscut.text import DEFAULT_MAX_CHARS, split_text
from presscut.text.families import family_of
from presscut.text.split import split_page
from text_fixtures import APPEAL_PARAGRAPHS, ARTICLES, BOILERPLATE

LANGUAGES = tuple(ARTICLES)
CASES = [(family, lang) for family in BOILERPLATE for lang in LANGUAGES]


def _check(article: Article, paragraphs: list[str], boilerplate: list[str]) -> None:
    body = [block.text for block in article.body]
    assert body == paragraphs
    removed = {block.text for block in article.removed}
    assert set(boilerplate) <= removed


@pytest.mark.parametrize(("family", "lang"), CASES)
def test_boilerplate_before_and_after_the_article_is_removed(family: str, lang: str) -> None:
    lines = BOILERPLATE[family][lang]
    paragraphs = ARTICLES[lang]
    _check(clean_text("\n".join([*lines, *paragraphs])), paragraphs, lines)
    _check(clean_text("\n".join([*paragraphs, *lines])), paragraphs, lines)


@pytest.mark.parametrize(("family", "lang"), CASES)
def test_boilerplate_family_is_named(family: str, lang: str) -> None:
    for line in BOILERPLATE[family][lang]:
        assert family_of(line) == family, line


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Unabhängiger Journalismus kostet Geld.", "appeal"),
        ("Ta strona używa ciasteczek.", "cookie_notice"),
        ("Ontvang onze nieuwsbrieven elke week.", "newsletter"),
        ("Podobał się tekst? Skomentuj poniżej.", "comments"),
        ("Contenuto riservato: per leggere devi essere abbonato.", "paywall"),
        ("Partilhar esta notícia", "share"),
        ("Gerelateerd: Gemeente opent nieuw zwembad", "related"),
        ("Ce contenu est sponsorisé par notre partenaire.", "advertisement"),
    ],
)
def test_family_words_beyond_the_fixtures_languages(line: str, family: str) -> None:
    assert family_of(line) == family


def test_widget_and_notice_lines_inside_the_story_are_removed() -> None:
    """The HTML extractor's standalone-line rules hold for lines of text too: between two
    story paragraphs, the line model alone keeps these."""
    paragraphs = ARTICLES["en"]
    chrome = {
        "Copyright 2024 The Associated Press. All rights reserved. This material may not be"
        " published, broadcast, rewritten or redistributed.": "footer",
        "Tags: Harbour, Ferry, Council": "tags",
        "Listen to this article 4 min": "tools",
        "Table of Contents": "navigation",
    }
    for line, reason in chrome.items():
        article = clean_text("\n".join([*paragraphs[:2], line, *paragraphs[2:]]))
        assert [block.text for block in article.body] == paragraphs
        assert {block.text: block.reason for block in article.removed} == {line: reason}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_appeal_and_prompts_around_a_story_with_a_lost_break(lang: str) -> None:
    """The issue's typical record: headline, appeal glued to the story, story, prompts."""
    paragraphs = ARTICLES[lang]
    appeal = BOILERPLATE["appeal"][lang][0]
    title = {
        "en": "Ferry terminal to close after sixty years",
        "de": "Altes Wasserwerk wird stillgelegt",
        "fr": "La piscine du quartier nord va fermer",
        "es": "El mercado central cerrará seis meses",
    }[lang]
    text = "\n".join(
        [
            title,
            appeal + paragraphs[0],
            *paragraphs[1:],
            *BOILERPLATE["comments"][lang],
            *BOILERPLATE["share"][lang],
        ]
    )
    article = clean_text(text)
    assert article.title == title
    assert [block.text for block in article.body] == paragraphs
    reasons = {block.text: block.reason for block in article.removed}
    assert reasons[title] == "title"
    assert appeal in reasons


BRIEF_RECORD = """Protesters storm city hall as budget vote collapses
We have some news to share. The Daily Example is free to read, because we believe everyone \
deserves access to trustworthy journalism. But producing it costs money, and we have no \
billionaire owner.
That is why we ask readers like you to support us. Whether you give a little or a lot, your \
contribution powers our reporting for years to come.
Every contribution, however big or small, makes the difference.Protesters stormed the city hall \
on Tuesday evening after the council failed to pass its budget for the third time this year. \
Police said about 300 people entered the building.
The mayor, Anna Berg, called the protest "a warning to every councillor who thinks this can \
wait". She said a new vote would be held on Friday.
Opposition councillors said the budget would cut funding for libraries and youth centres by a \
fifth. "We will not vote for a budget that closes the library in every district but one," said \
Tomas Lind.
Join the conversation. Share your thoughts in our community forum and follow other readers to \
get notified when they comment.
Comments"""


def test_the_record_presscut_exists_for() -> None:
    """The project brief's record: an appeal of several paragraphs whose last line, a
    sentence of its own, is glued to the story's first paragraph, then forum prompts. The
    appeal goes to its last line, which reads like the story it was glued to."""
    article = clean_text(BRIEF_RECORD)
    assert article.title == "Protesters storm city hall as budget vote collapses"
    body = [block.text for block in article.body]
    assert [paragraph[:30] for paragraph in body] == [
        "Protesters stormed the city ha",
        "The mayor, Anna Berg, called t",
        "Opposition councillors said th",
    ]
    removed = {block.text: block.reason for block in article.removed}
    assert removed["Every contribution, however big or small, makes the difference."] == "appeal"
    assert removed["Comments"] == "comments"


@pytest.mark.xfail(
    strict=True,
    reason="known gap (issue 3 note): between two story paragraphs, text mode keeps an appeal"
    " the line model is unsure of; HTML extraction cuts it (test_chrome.py)",
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_appeal_between_two_story_paragraphs_is_removed(lang: str) -> None:
    """In the middle of the story, where the story's own lines surround it and the
    smoothing of decisions keeps a doubtful line."""
    paragraphs, appeal = ARTICLES[lang], APPEAL_PARAGRAPHS[lang]
    article = clean_text("\n".join([*paragraphs[:2], *appeal, *paragraphs[2:]]))
    _check(article, paragraphs, appeal)


def test_byline_and_date_lines_become_metadata() -> None:
    text = "\n".join(
        [
            "Ferry terminal to close after sixty years",
            "By Martin Hale and Sarah Okafor",
            "Published: 5 March 2024",
            *ARTICLES["en"],
        ]
    )
    article = clean_text(text)
    assert article.authors == ("Martin Hale", "Sarah Okafor")
    assert article.published == "2024-03-05"
    assert [block.text for block in article.body] == ARTICLES["en"]
    reasons = {block.text: block.reason for block in article.removed}
    assert reasons["By Martin Hale and Sarah Okafor"] == "byline"
    assert reasons["Published: 5 March 2024"] == "dateline"


def test_german_byline_and_date() -> None:
    text = "\n".join(["Von Jana Krüger", "12. Januar 2023, 10:42 Uhr", *ARTICLES["de"]])
    article = clean_text(text)
    assert article.authors == ("Jana Krüger",)
    assert article.published == "2023-01-12"
    assert [block.text for block in article.body] == ARTICLES["de"]


def test_bylines_read_names_with_particles() -> None:
    # "de", "van der", "de la": lower-case words inside names, common in nl, de, es, fr, pt.
    for byline, authors in [
        ("Door Pieter de Vries", ("Pieter de Vries",)),
        ("Von Anna van der Berg und Jan Berg", ("Anna van der Berg", "Jan Berg")),
        ("Por Juan Carlos de la Fuente", ("Juan Carlos de la Fuente",)),
    ]:
        article = clean_text("\n".join([byline, *ARTICLES["en"]]))
        assert article.authors == authors
        assert [block.text for block in article.body] == ARTICLES["en"]
    # Five words need a particle to be a name; a lower-case last word is no name.
    assert clean_text("\n".join(["By The New York Times Staff", *ARTICLES["en"]])).authors == ()
    assert clean_text("\n".join(["Door de redactie", *ARTICLES["en"]])).authors == ()


def test_a_date_line_may_name_the_weekday_and_month_but_a_sentence_is_no_date_line() -> None:
    # Two words besides the date words ("updated", "at", "gmt") are a weekday and a month;
    # a third makes the line a sentence with a date in it, which stays where it is.
    sentence = "Police shut the road on 5 March 2024."
    text = "\n".join(["Updated: Monday, 4 March 2024 at 10:42 GMT", *ARTICLES["en"], sentence])
    article = clean_text(text)
    assert article.published == "2024-03-04"
    reasons = {block.text: block.reason for block in article.removed}
    assert reasons["Updated: Monday, 4 March 2024 at 10:42 GMT"] == "dateline"
    assert reasons.get(sentence) != "dateline"


def test_given_title_is_removed_wherever_it_repeats() -> None:
    title = "Harbour ferry terminal to close"
    text = "\n".join([title, *ARTICLES["en"][:3], title, *ARTICLES["en"][3:]])
    article = clean_text(text, url="https://news.example/ferry", title=title)
    assert article.title == title
    assert article.url == "https://news.example/ferry"
    assert [block.text for block in article.body] == ARTICLES["en"]


def test_first_line_that_is_a_sentence_is_not_a_title() -> None:
    article = clean_text("\n".join(ARTICLES["fr"]))
    assert article.title is None
    assert [block.text for block in article.body] == ARTICLES["fr"]


def test_subheading_becomes_a_heading_block() -> None:
    paragraphs = ARTICLES["en"]
    text = "\n".join([*paragraphs[:3], "What happens next", *paragraphs[3:]])
    article = clean_text(text)
    kinds = [(block.type, block.text) for block in article.body]
    assert ("heading", "What happens next") in kinds
    assert kinds.index(("heading", "What happens next")) == 3


def test_language_is_resolved_from_the_body() -> None:
    assert clean_text("\n".join(ARTICLES["de"])).language == "de"
    assert clean_text("\n".join(ARTICLES["es"])).language == "es"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\x00\x00"])
def test_empty_text_gives_an_empty_article(text: str) -> None:
    article = clean_text(text)
    assert not article
    assert article.body == ()
    assert article.reason == "empty text"


def test_binary_junk_does_not_crash() -> None:
    junk = bytes(range(256)).decode("latin-1") * 40 + "\ud800\udfff"
    article = clean_text(junk)
    assert isinstance(article, Article)
    assert all(block.text.strip() for block in article.body)


def test_one_giant_line() -> None:
    line = "The council met again to discuss the harbour and its future. " * 160_000
    assert len(line) > 9_000_000
    article = clean_text(line)
    texts = [block.text for block in article.body] + [block.text for block in article.removed]
    assert texts == [line.strip()]


def test_too_large_text_is_refused() -> None:
    with pytest.raises(InputTooLargeError):
        clean_text("a" * (DEFAULT_MAX_CHARS + 1))


def test_non_string_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        clean_text(b"bytes are not text")  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=30))
def test_any_text_is_only_sorted_never_lost_or_invented(lines: list[str]) -> None:
    """Every word character of the input ends up in the body or in `removed`, once."""
    text = "\n".join(lines)
    article = clean_text(text)
    out = [block.text for block in article.body] + [block.text for block in article.removed]
    assert all(piece.strip() for piece in out)
    assert Counter("".join(tokens(text))) == Counter("".join(tokens("\n".join(out))))


_SPACE_CHARS = " \t\u00a0\u2003\u202f\u3000"
# The definition: a run of two spaces or more, or of one space that is not a plain one, is one
# plain space.
_SPACE_RUN = re.compile(f"[{_SPACE_CHARS[1:]}][{_SPACE_CHARS}]*| [{_SPACE_CHARS}]+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab." + _SPACE_CHARS + "\u200b\n", max_size=30))
def test_split_text_squashes_space_runs_as_defined(text: str) -> None:
    flat = _SPACE_RUN.sub(" ", text.replace("\u200b", ""))
    expected = split_page([line.strip() for line in flat.split("\n") if line.strip()])
    assert list(split_text(text).lines) == list(expected.lines)
