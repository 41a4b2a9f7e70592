"""The page's language as a BCP 47 tag: what it declares, checked against its text.

Declarations come from `<html lang>`, the HTTP `Content-Language` header,
`<meta http-equiv=content-language>`, `og:locale` and JSON-LD `inLanguage`.
They are often wrong (CMS templates ship `lang="en"` for every site), so
once the body is known a statistical detector reads a bounded sample of it;
when it is confident and disagrees with the declaration, the text wins. The
declared tag is kept when they agree, since it carries the region
("de-AT") that detection cannot know. A sample whose function words plainly
confirm the declaration (English, German, French, Spanish) skips the detector.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import numpy as np

from presscut.metadata.evidence import PageEvidence
from presscut.metadata.jsonld import text_value

_TAG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$", re.I)
_NOT_LANGUAGES = frozenset({"x", "i", "und", "zxx", "mul", "mis", "xx", "null", "none"})
_NAMES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "spanish": "es",
    "español": "es",
    "italian": "it",
    "italiano": "it",
    "portuguese": "pt",
    "português": "pt",
    "dutch": "nl",
    "nederlands": "nl",
    "polish": "pl",
    "polski": "pl",
}
SAMPLE_CHARS = 600
"""Detection reads at most this many characters from the middle of the body: as accurate as
1500 on the benchmark pages (see docs/benchmarks.md) at less than half the cost. 300 was
tried and lost a German page of the hand-read dev set whose middle quotes two English
sentences: a longer sample outweighs a quotation."""
MIN_DETECT_CHARS = 200
"""Shorter bodies are too short to contradict a declared language."""
MIN_CONFIDENCE = 0.9
"""Detection overrides a declaration only with at least this probability."""


def normalize_tag(raw: str | None) -> str | None:
    """A BCP 47 tag in canonical case ("en_us" → "en-US"), or `None` if it is not one."""
    if not raw:
        return None
    value = raw.strip().split(",")[0].split(";")[0].strip().replace("_", "-")
    value = _NAMES.get(value.lower(), value)
    if not _TAG.match(value):
        return None
    parts = value.split("-")
    primary = parts[0].lower()
    if primary in _NOT_LANGUAGES:
        return None
    out = [primary]
    for part in parts[1:]:
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def declared_language(evidence: PageEvidence) -> str | None:
    """The first valid language the page or its HTTP response declares."""
    candidates = (
        evidence.html_lang,
        evidence.content_language,
        evidence.meta.first("content-language"),
        evidence.meta.first("og:locale"),
        text_value(evidence.article_value("inLanguage")),
        evidence.meta.first("language", "dc.language", "dcterms.language"),
    )
    for candidate in candidates:
        tag = normalize_tag(candidate)
        if tag:
            return tag
    return None


# py3langid walks a sample's bytes through its automaton of byte n-grams one byte at a
# time in Python, and casts the float16 rows of the n-grams it met to float32 one value at a
# time: four fifths of a detection (about 190 of 240 us on a 600-character sample). The automaton's state after a byte depends on the last
# `_WINDOW` bytes only, whatever came before (checked over every state of the shipped model
# by tests/test_text_language.py), and byte 0 keeps the start state: so every byte's state
# is `_WINDOW` array lookups from the start state over the bytes before it (zeros before
# the text), and a row's float32 values are looked up by their 16 bits. The scores are the
# library's to the last bit: the same n-grams in the same order (of first occurrence, as its
# Counter gives them), the same float32 rows, the same product.
_WINDOW = 6


@cache
def _identifier() -> Any:
    """py3langid's model with normalised probabilities, loaded on first use (about 50 ms) and
    scored with arrays (see `_WINDOW`)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    class ArrayIdentifier(LanguageIdentifier):
        """`LanguageIdentifier` whose raw scores come from arrays: the same, bit for bit."""

        __slots__ = ("_moves", "_outputs", "_rows", "_single")

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            moves = self.tk_nextmove
            self._moves = np.frombuffer(moves, dtype=np.dtype(moves.typecode))  # no copy
            self._rows = np.asarray(self.tk_row, dtype=np.intp) << 8
            self._outputs = np.asarray(self.tk_output, dtype=np.intp)
            halves = np.arange(1 << 16, dtype=np.uint16).view(np.float16)
            self._single = halves.astype(np.float32)

        def _raw_score(self, text: bytes) -> Any:
            features, counts = self.visits(text)
            if not len(features):
                return super()._raw_score(text)
            rows = self.nb_ptc.take(features, axis=0)
            if rows.dtype == np.float16:
                rows = self._single.take(rows.view(np.uint16))
            return np.log1p(counts.astype(np.float32)) @ rows + self.nb_pc

        def visits(self, data: bytes) -> tuple[np.ndarray, np.ndarray]:
            """The n-grams the automaton finds in `data` and their counts, in the order of
            their first occurrence."""
            size = len(data)
            codes = np.frombuffer(bytes(_WINDOW - 1) + data, dtype=np.uint8)
            state = np.zeros(size, dtype=np.intp)
            for k in range(_WINDOW):
                state = self._moves.take(self._rows.take(state) + codes[k : k + size])
            found = self._outputs.take(state)
            found = found[found >= 0]
            order = np.argsort(found, kind="stable")
            ordered = found[order]
            first = np.ones(len(ordered), dtype=bool)
            first[1:] = ordered[1:] != ordered[:-1]
            starts = np.flatnonzero(first)
            counts = np.diff(starts, append=len(ordered))
            by_occurrence = np.argsort(order[starts])
            return ordered[starts][by_occurrence], counts[by_occurrence]

    return ArrayIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def sample(text: str, size: int = SAMPLE_CHARS) -> str:
    """A bounded slice from the middle of `text`, where the article proper usually is."""
    if len(text) <= size:
        return text
    start = (len(text) - size) // 2
    return text[start : start + size]


def detect_language(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of a text sample, or `None` if it is too short."""
    if len(text) < MIN_DETECT_CHARS:
        return None
    code, probability = _identifier().classify(sample(text))
    return str(code), float(probability)


# Frequent function words that belong to one of these languages only (no word is in two lists).
_CONFIRMING_WORDS = {
    language: frozenset(words.split())
    for language, words in {
        "en": "the of and that with was were this from have has had which would their they been"
        " are for it by not but his her you will about said who what when there also into its",
        "de": "der die und das nicht mit sich auch den dem ein eine einen einem einer von für auf"
        " wird werden ist sind wurde noch nach bei aus über oder aber wie zum zur dass sie er im zu",
        "fr": "le les des et est une dans pour qui pas sur avec du aux cette sont être mais nous"
        " vous elle il ce au par plus",
        "es": "el los las del y por con una para es su más como pero al lo sus fue",
    }.items()
}
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
CONFIRMING_SHARE = 0.15
"""A sample whose words are at least this share function words of the declared language, and
less than half that share of any other language's, confirms the declaration. On the wcxb and
trafilatura-eval dev pages whose declaration the detector overrides, that share is at most
0.02; the second condition leaves a text that mixes two of these languages to the detector."""


def _confirms(declared: str, text_sample: str) -> bool:
    """Whether the sample is plainly in the declared language, so that detection can be skipped.

    Detection costs more than anything else in the metadata (its model is read
    from tens of megabytes on every page), and on three pages out of four it
    only confirms a declaration that the text's function words already do.
    Only Latin-script samples qualify: a page in another script quoting a few
    English sentences would count as English here, but not for the detector.
    """
    words = _CONFIRMING_WORDS.get(declared.split("-")[0])
    if words is None:
        return False
    tokens = _LETTER_RUNS.findall(text_sample.lower())
    if not tokens or max("".join(tokens)) >= "\u0250":  # empty, or not all Latin script
        return False
    share = sum(token in words for token in tokens) / len(tokens)
    return share >= CONFIRMING_SHARE and not any(
        2 * sum(token in others for token in tokens) >= share * len(tokens)
        for others in _CONFIRMING_WORDS.values()
        if others is not words
    )


def resolve_language(declared: str | None, text: str) -> str | None:
    """The final language: the declared one unless the body confidently says otherwise."""
    if declared is not None and len(text) >= MIN_DETECT_CHARS and _confirms(declared, sample(text)):
        return declared
    detected = detect_language(text)
    if detected is None:
        return declared
    code, probability = detected
    if declared is None:
        return code if probability >= MIN_CONFIDENCE else None
    if declared.split("-")[0] == code or probability < MIN_CONFIDENCE:
        return declared
    return code
