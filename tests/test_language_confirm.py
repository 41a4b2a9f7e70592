"""Detection is skipped only when the text plainly confirms the declared language."""

from __future__ import annotations

from presscut.metadata.language import _confirms, detect_language, resolve_language

ENGLISH = (
    "The council said that the new bridge, which was planned for years, would open in the "
    "spring. Residents who have waited for it were told that the works had been delayed by "
    "the floods, and that the cost of the project has risen by a third since it was approved."
)
GERMAN = (
    "Der Gemeinderat hat am Dienstag beschlossen, dass die neue Brücke im Frühjahr eröffnet "
    "wird. Die Bauarbeiten wurden durch das Hochwasser verzögert, und die Kosten sind seit der "
    "Genehmigung um ein Drittel gestiegen, wie die Verwaltung auf Anfrage mitteilte."
)
JAPANESE = (
    "市議会は火曜日、新しい橋を春に開通させると発表した。工事は洪水のために遅れており、"
    "費用は承認以来三分の一ほど増えたという。住民は長い間この橋を待っていた。"
)


def test_plain_text_in_the_declared_language_confirms_it() -> None:
    assert _confirms("en", ENGLISH)
    assert _confirms("en-GB", ENGLISH)
    assert _confirms("de-AT", GERMAN)
    assert resolve_language("en-GB", ENGLISH) == "en-GB"


def test_text_in_another_language_does_not() -> None:
    assert not _confirms("de", ENGLISH)
    assert not _confirms("en", GERMAN)
    assert resolve_language("en", GERMAN * 2) == "de"


def test_mixed_text_and_other_scripts_go_to_the_detector() -> None:
    # English words are a large share of the words, but most of the text is Japanese.
    mixed = ENGLISH[:150] + " " + JAPANESE * 3
    assert not _confirms("en", mixed)
    detected = detect_language(mixed)
    assert detected is not None and detected[0] == "ja"
    # As much English as German: neither language is plain.
    assert not _confirms("en", ENGLISH + " " + GERMAN)
    assert not _confirms("de", ENGLISH + " " + GERMAN)


def test_languages_without_a_word_list_are_never_confirmed() -> None:
    assert not _confirms("nl", ENGLISH)
    assert not _confirms("en", "")
