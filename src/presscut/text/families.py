"""Name the boilerplate family of a line the classifier removed.

The keep/remove decision is the model's (`presscut.text.classifier`); this
module only says *what kind* of boilerplate a removed line is, so that
`Article.removed` carries a useful reason (``appeal``, ``paywall``,
``comments``...). Each family is a handful of generic words per language
(en, de, fr, es, it, pt, nl, pl), the vocabulary any site of that kind uses,
not the phrasing of particular publishers. Whether a line uses any family's
words at all is also one weak feature of the classifier (`uses_family_words`).

Matching is by whole lower-cased `\\w+` tokens (and a few two-word phrases)
through a dict, because a big regular expression alternation costs several
microseconds per line and this runs on every line of every page.
"""

from __future__ import annotations

import itertools
import re

# First family in this order wins ("Subscribe to our newsletter" is a
# newsletter prompt, not a paywall).
_WORDS: tuple[tuple[str, str], ...] = (
    (
        "cookie_notice",
        "cookie cookies consent einwilligung einwilligen datenschutz datenschutzerklärung "
        "consentement consentimiento consenso gdpr dsgvo rgpd tracking",
    ),
    (
        "newsletter",
        "newsletter newsletters inbox bulletin boletín infolettre posteingang postfach "
        "nieuwsbrief biuletyn",
    ),
    (
        "appeal",
        "donate donating donation donations donor contribute contribution contributions "
        "membership spende spenden spenden unterstützen unterstützung fördermitglied soutenez "
        "soutenir donar dona donación donativo apoyo apoya apoyar apóyanos doação doar doe apoie donare "
        "donazione sostieni doneer steun wesprzyj wpłać patreon",
    ),
    (
        "comments",
        "comment comments commentaire commentaires comentario comentarios commenti kommentar "
        "kommentare kommentieren komentarz komentarze reactie reacties reply replies antworten "
        "répondre responder rispondi discussion diskussion",
    ),
    (
        "paywall",
        "subscribe subscriber subscribers subscription subscriptions paywall premium abonnieren "
        "abonnent abonnenten abonnement abo abonnez abonné abonnés suscríbete suscripción "
        "suscriptor suscriptores assine assinante assinantes assinatura abbonati abbonamento "
        "registrieren prenumerata zaloguj",
    ),
    (
        "share",
        "share shares sharing tweet facebook twitter whatsapp linkedin pinterest telegram "
        "reddit teilen partager partagez compartir comparte condividi compartilhe delen "
        "udostępnij",
    ),
    (
        "related",
        "related recommended trending weiterlesen meistgelesen relacionado relacionados "
        "relacionadas",
    ),
    (
        "advertisement",
        "advertisement advertisements advertising advert sponsored sponsor anzeige werbung "
        "publicité publicidad pubblicità publicidade reklama advertentie",
    ),
)
_PHRASES: tuple[tuple[str, str], ...] = (
    ("paywall", "sign in|log in|already a|unlimited access|digital access|free articles"),
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
_ORDER = {name: rank for rank, (name, _) in enumerate(_WORDS)}
WORD_FAMILY: dict[str, str] = {}
for _name, _words in _WORDS:
    for _word in _words.split():
        WORD_FAMILY.setdefault(_word, _name)
PHRASE_FAMILY: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): name for name, phrases in _PHRASES for phrase in phrases.split("|")
}
FAMILY_WORDS = frozenset(WORD_FAMILY)
_PHRASE_FIRSTS = frozenset(phrase[0] for phrase in PHRASE_FAMILY)
_PHRASE_SECONDS = frozenset(phrase[1] for phrase in PHRASE_FAMILY)


def _phrase_families(toks: list[str], tokset: set[str] | frozenset[str]) -> list[str]:
    """Families of the two-word phrases in a line (cheap set checks first)."""
    if _PHRASE_FIRSTS.isdisjoint(tokset) or _PHRASE_SECONDS.isdisjoint(tokset):
        return []
    return [PHRASE_FAMILY[pair] for pair in itertools.pairwise(toks) if pair in PHRASE_FAMILY]


def uses_family_words(toks: list[str], tokset: set[str]) -> bool:
    """Whether a line's tokens hold a family word or a family phrase ("read more")."""
    return not FAMILY_WORDS.isdisjoint(tokset) or bool(_phrase_families(toks, tokset))


_CREDIT_WORDS = frozenset(
    "photo photos foto fotos image images imagen immagine bild zdjęcie crédit credit credits "
    "getty shutterstock istock reuters afp dpa ap epa".split()
)
_WORD = re.compile(r"\w+")
_CREDIT_MAX_WORDS = 12
_NAVIGATION_MAX_WORDS = 5


def family_of(line: str) -> str:
    """The reason token for a removed line: its family, else ``navigation`` or ``low_score``."""
    low = line.lower()
    toks = _WORD.findall(low)
    found = [WORD_FAMILY[t] for t in toks if t in WORD_FAMILY]
    found += _phrase_families(toks, frozenset(toks))
    if found:
        return min(found, key=_ORDER.__getitem__)
    if (len(toks) <= _CREDIT_MAX_WORDS and not _CREDIT_WORDS.isdisjoint(toks)) or "©" in line:
        return "photo_credit"
    if len(toks) <= _NAVIGATION_MAX_WORDS and not low.rstrip().endswith((".", "!", "?")):
        return "navigation"
    return "low_score"
