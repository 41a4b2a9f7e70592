"""Language detection scored with arrays gives py3langid's scores to the last bit."""

from __future__ import annotations

import random

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from presscut.metadata.language import _WINDOW, _identifier

TEXTS = (
    "The council said that the new bridge would open in the spring, after the floods.",
    "Der Gemeinderat hat am Dienstag beschlossen, dass die neue Brücke im Frühjahr öffnet.",
    "Le conseil municipal a annoncé mardi que le nouveau pont ouvrira au printemps.",
    "市議会は火曜日、新しい橋を春に開通させると発表した。",
    "Городской совет объявил во вторник, что новый мост откроется весной.",
    "ALL CAPITALS HEADLINE ABOUT THE BRIDGE",
    "",
    " ",
    "1234 5678",
    "emoji \U0001f600 and a lone surrogate \ud800 in text",
)


def _walk_differs(identifier: LanguageIdentifier, pairs: np.ndarray, states: int) -> np.ndarray:
    """The pairs of states (as p * states + q) one byte leads the pairs `pairs` to, where the
    two states differ."""
    moves = np.frombuffer(identifier.tk_nextmove, dtype=np.dtype(identifier.tk_nextmove.typecode))
    rows = np.asarray(identifier.tk_row, dtype=np.int64) << 8
    found = []
    for chunk in np.array_split(pairs, max(len(pairs) // 4096, 1)):
        first = moves[rows[chunk // states][:, None] + np.arange(256)].ravel().astype(np.int64)
        second = moves[rows[chunk % states][:, None] + np.arange(256)].ravel().astype(np.int64)
        differ = first != second
        found.append(np.unique(first[differ] * states + second[differ]))
    return np.unique(np.concatenate(found))


def test_the_automaton_forgets_all_but_the_last_window_of_bytes() -> None:
    """From any state and from the start state, the same `_WINDOW` bytes lead to one state
    (every pair of states and every byte string, walked as pairs of states), and byte 0
    keeps the start state: what `ArrayIdentifier.visits` relies on."""
    identifier = _identifier()
    states = len(identifier.tk_row)
    assert identifier.tk_nextmove[identifier.tk_row[0] << 8] == 0
    pairs = np.arange(states, dtype=np.int64) * states  # (any state, the start state)
    for _ in range(_WINDOW):
        pairs = _walk_differs(identifier, pairs, states)
    assert len(pairs) == 0


def test_scores_equal_the_library_s() -> None:
    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    rng = random.Random(5)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz ÄÖÜäöüßéçñ.,;:!?\n\t0123456789ЖжΩω中文日本語\x00\U0001f600"
    )
    texts: list[str | bytes] = list(TEXTS)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 700))) for _ in range(200)]
    texts += [bytes(rng.randrange(256) for _ in range(rng.randint(1, 300))) for _ in range(50)]
    for text in texts:
        expected = plain._decide(text)
        scores = _identifier()._decide(text)
        assert scores.dtype == expected.dtype
        assert scores.tobytes() == expected.tobytes(), text
        assert _identifier().classify(text) == plain.classify(text)


def test_visits_are_counted_in_order_of_first_occurrence() -> None:
    identifier = _identifier()
    data = b"the bridge, the river and the town"
    features, counts = identifier.visits(data)
    expected: dict[int, int] = {}
    state = 0
    for byte in data:  # the library's walk, written out
        state = identifier.tk_nextmove[(identifier.tk_row[state] << 8) + byte]
        if identifier.tk_output[state] >= 0:
            feature = identifier.tk_output[state]
            expected[feature] = expected.get(feature, 0) + 1
    assert features.tolist() == list(expected)
    assert counts.tolist() == list(expected.values())
