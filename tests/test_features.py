"""The feature code's fast paths give exactly what their plain versions give."""

from __future__ import annotations

import pytest

from presscut.features import _KEYWORD_RE, _keyword_matches

_TEXTS = [
    "",
    "»",
    "share",
    "shar",
    # Keywords at the very start and end, inside words, overlapping and nested.
    "sharethis comment replies read more»",
    "unsubscribe from the newsletter; subscribers only — already a subscriber? log in",
    "the timeshare commentary: read also lesen sie auch, mehr zum thema ›",
    # A longer keyword hides the shorter ones inside it and those that overlap its end.
    "join the conversationcookie consentimiento privacidad",
    "©2024 todos los derechos reservados | all rights reserved",
    # Accented and non-Latin text, and characters outside the Basic Multilingual Plane.
    "réservé aux abonnés: déjà abonné? à lire aussi 🙂 czytaj więcej 記事 zaloguj się",
    "photo: getty images\nfoto: reuters\nbild: associated press",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_keyword_matches_are_those_of_finditer(text: str) -> None:
    expected = [(m.span(), m.group()) for m in _KEYWORD_RE.finditer(text)]
    assert [(m.span(), m.group()) for m in _keyword_matches(text)] == expected


def test_keyword_matches_on_repeated_and_adjacent_keywords() -> None:
    text = "shareshare share-share comment comments commentaire " * 20
    expected = [(m.span(), m.group()) for m in _KEYWORD_RE.finditer(text)]
    assert len(expected) > 100
    assert [(m.span(), m.group()) for m in _keyword_matches(text)] == expected
