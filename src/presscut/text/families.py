"""Name the boilerplate family of a line the classifier removed.

The keep/remove decision is the model's (`presscut.text.classifier`); this
module only says *what kind* of boilerplate a removed line is, so that
`Article.removed` carries a useful reason (``appeal``, ``paywall``,
``comments``...). Each family is a handful of generic words per language
(en, de, fr, es, it, pt, nl, pl), the vocabulary any site of that kind uses,
not the phrasing of particular publishers. Whether a line uses any family's
words at all is also one weak feature of the classifier.

Words are matched as whole lower-cased `\\w+` tokens (and a few two-word
phrases) by hash, for all lines of a page at once (`presscut.text.tokens`):
the flags defined here are part of the page vocabulary of `lines.py`.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from presscut.text.tokens import PAIR_MIX, STOP, PageText, Vocabulary, hash_words, page_text

# First family in this order wins ("Subscribe to our newsletter" is a
# newsletter prompt, not a paywall).
_WORDS: tuple[tuple[str, str], ...] = (
    (
        "cookie_notice",
        "cookie cookies consent einwilligung einwilligen datenschutz datenschutzerklärung "
        "consentement consentimiento consenso gdpr dsgvo rgpd tracking ciasteczka ciasteczek rodo "
        "privacybeleid",
    ),
    (
        "newsletter",
        "newsletter newsletters inbox bulletin boletín infolettre posteingang postfach nieuwsbrief "
        "biuletyn nieuwsbrieven boletines infolettres newslettera",
    ),
    (
        "appeal",
        "donate donating donation donations donor contribute contribution contributions membership "
        "spende spenden spenden unterstützen unterstützung fördermitglied soutenez soutenir donar "
        "dona donación donativo apoyo apoya apoyar apóyanos doação doar apoie donare donazione "
        "sostieni doneer steun wesprzyj wpłać patreon journalism journalismus journalisme "
        "periodismo giornalismo jornalismo journalistiek dziennikarstwo donors doneren donatie "
        "donaties doações contribua apoiar darowizna darowizny wsparcie wesprzeć lidmaatschap "
        "mitgliedschaft membresía",
    ),
    (
        "comments",
        "comment comments commentaire commentaires comentario comentarios commenti kommentar "
        "kommentare kommentieren komentarz komentarze reactie reacties reply replies antworten "
        "répondre responder rispondi discussion diskussion commenting commentaar comentários "
        "comentar commentare komentarzy skomentuj",
    ),
    (
        "paywall",
        "subscribe subscriber subscribers subscription subscriptions paywall premium abonnieren "
        "abonnent abonnenten abonnement abo abonnez abonné abonnés suscríbete suscripción "
        "suscriptor suscriptores assine assinante assinantes assinatura abbonati abbonamento "
        "registrieren prenumerata zaloguj abonnements abbonarsi abbonato abbonamenti abonnee "
        "abonnees prenumeraty prenumeratę subskrypcja subskrypcję suscribirte",
    ),
    (
        "share",
        "share shares sharing tweet facebook twitter whatsapp linkedin pinterest telegram reddit "
        "teilen partager partagez compartir comparte condividi compartilhe delen udostępnij "
        "mastodon bluesky xing compartilhar partilhar condividere",
    ),
    (
        "related",
        "related recommended trending weiterlesen meistgelesen relacionado relacionados "
        "relacionadas lesetipp lesetipps recommandés recomendados recomendadas consigliati "
        "correlati gerelateerd powiązane polecane",
    ),
    (
        "advertisement",
        "advertisement advertisements advertising advert sponsored sponsor anzeige werbung "
        "publicité publicidad pubblicità publicidade reklama advertentie advertorial affiliate "
        "sponsorisé sponsorisée patrocinado patrocinada sponsorizzato gesponsord gesponsert "
        "werbeanzeige reklamy",
    ),
)
_PHRASES: tuple[tuple[str, str], ...] = (
    (
        "paywall",
        "sign in|log in|already a|unlimited access|digital access|free articles|keep reading|"
        "continue reading",
    ),
    ("newsletter", "sign up"),
    (
        "appeal",
        "support us|support our|your support|faites un|faire un|become a|unterstützen sie|"
        "apoya a|tu apoyo|votre soutien|ihre unterstützung",
    ),
    ("comments", "leave a|join the|the conversation"),
    ("share", "follow us|folgen sie|suivez nous|síguenos en|copy link|volg ons"),
    (
        "related",
        "read more|read also|more from|most read|most popular|you may|you might|see also|"
        "top stories|mehr zum|lesen sie|auch interessant|lire aussi|même sujet|plus lus|"
        "leer más|lee también|puede interesar|más leídas|leggi anche|potrebbe interessarti|"
        "leia também|leia mais|mais lidas|lees ook|meest gelezen|czytaj też|czytaj także|"
        "czytaj więcej|zobacz też|zobacz także",
    ),
    ("advertisement", "paid content|partner content"),
)
FAMILIES: tuple[str, ...] = tuple(name for name, _ in _WORDS)
"""Family names, in the order of precedence of a line with words of several families."""
CREDIT = 1 << len(FAMILIES)
PHRASE_FIRST = CREDIT << 1
PHRASE_SECOND = CREDIT << 2
FAMILY_MASK = CREDIT - 1
"""The family bits of a word's flags."""
FLAG_BITS = 3 + len(FAMILIES)
"""Bits of a word's flags used here; other modules' flags start above them."""
_CREDIT_WORDS = (
    "photo photos foto fotos image images imagen immagine bild zdjęcie crédit credit credits "
    "getty shutterstock istock reuters afp dpa ap epa"
)


def _word_flags() -> dict[str, int]:
    flags: dict[str, int] = {}
    for rank, (_, words) in enumerate(_WORDS):
        for word in words.split():
            flags.setdefault(word, 1 << rank)  # a word belongs to its first family only
    for word in _CREDIT_WORDS.split():
        flags[word] = flags.get(word, 0) | CREDIT
    for _, phrases in _PHRASES:
        for phrase in phrases.split("|"):
            first, second = phrase.split()
            flags[first] = flags.get(first, 0) | PHRASE_FIRST
            flags[second] = flags.get(second, 0) | PHRASE_SECOND
    return flags


WORD_FLAGS: dict[str, int] = _word_flags()
"""Lower-case word -> family flags (one family bit, CREDIT, PHRASE_FIRST/SECOND)."""


def _phrase_table() -> tuple[np.ndarray, np.ndarray]:
    pairs = [
        (phrase.split(), 1 << FAMILIES.index(name))
        for name, phrases in _PHRASES
        for phrase in phrases.split("|")
    ]
    firsts = hash_words(words[0] for words, _ in pairs)
    seconds = hash_words(words[1] for words, _ in pairs)
    keys = firsts * PAIR_MIX + seconds
    order = np.argsort(keys)
    return keys[order], np.array([bit for _, bit in pairs], dtype=np.int64)[order]


_PHRASE_KEYS, _PHRASE_BITS = _phrase_table()
_CREDIT_MAX_WORDS = 12
_NAVIGATION_MAX_WORDS = 5


def line_family_bits(page: PageText, flags: np.ndarray) -> np.ndarray:
    """Per line, one bit per family whose words or two-word phrases it uses.

    `flags` are the page's token flags (`WORD_FLAGS` bits at least).
    """
    bits = np.zeros(len(page.lines), dtype=np.int64)
    words = np.flatnonzero(flags & FAMILY_MASK)
    np.bitwise_or.at(bits, page.token_lines[words], flags[words] & FAMILY_MASK)
    # Phrases: a PHRASE_FIRST word followed, on the same line, by a PHRASE_SECOND word.
    firsts = np.flatnonzero(flags[:-1] & PHRASE_FIRST)
    firsts = firsts[
        ((flags[firsts + 1] & PHRASE_SECOND) != 0)
        & (page.token_lines[firsts] == page.token_lines[firsts + 1])
    ]
    if len(firsts):
        hashes = page.token_hashes
        keys = hashes[firsts] * PAIR_MIX + hashes[firsts + 1]
        at = np.minimum(np.searchsorted(_PHRASE_KEYS, keys), len(_PHRASE_KEYS) - 1)
        found = _PHRASE_KEYS[at] == keys
        np.bitwise_or.at(bits, page.token_lines[firsts[found]], _PHRASE_BITS[at[found]])
    return bits


_OTHER_REASONS = ("low_score", "navigation", "photo_credit")
REASONS: tuple[str, ...] = (*FAMILIES, *_OTHER_REASONS)
"""Every reason `line_reasons` may give."""


def line_reasons(page: PageText, flags: np.ndarray, family_bits: np.ndarray) -> list[str]:
    """The reason token of each line, were it removed: its first family, else
    ``photo_credit`` (a short line with a credit word, or ©), ``navigation`` (a
    short line that is no sentence) or ``low_score``."""
    tokens = page.tokens_per_line()
    credit = page.per_line_tokens((flags & CREDIT) != 0) > 0
    credit = (credit & (tokens <= _CREDIT_MAX_WORDS)) | (page.count_chars("©") > 0)
    navigation = (tokens <= _NAVIGATION_MAX_WORDS) & ((page.classes[page.ends] & STOP) == 0)
    # Index into REASONS: the lowest family bit wins, then credit, then navigation.
    codes = len(FAMILIES) + np.where(credit, 2, np.where(navigation, 1, 0))
    named = np.flatnonzero(family_bits)
    if len(named):
        lowest = family_bits[named] & -family_bits[named]
        codes[named] = np.log2(lowest).astype(np.int64)
    return [REASONS[code] for code in codes.tolist()]


@cache
def _vocabulary() -> Vocabulary:
    return Vocabulary(WORD_FLAGS)


def family_of(line: str) -> str:
    """The reason token for one line, were it removed (see `line_reasons`)."""
    line = line.strip()
    if not line:
        return "navigation"
    page = page_text([line])
    flags = _vocabulary().flags(page.token_hashes)
    return line_reasons(page, flags, line_family_bits(page, flags))[0]
