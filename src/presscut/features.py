"""Numbers the content model reads about every segment.

Three kinds of evidence, all computed for the whole page at once with numpy
(a per-segment Python loop over many features would cost more than the
rest of the extraction):

- *Text*: length, words, punctuation, digits, casing, function-word share
  (prose is full of "the", "der", "le", "que"; menus and buttons are not),
  and how much of the text sits in links.
- *DOM context*: the segment's block type and owner tag; which families of
  element (article, nav, footer, aside, form...) and of class/id names
  (content, comment, share, related, newsletter, cookie, ad...) appear on the
  owner, within three levels above it, or anywhere above it; and the text
  mass, link density and prose share of its ancestors: a paragraph in a
  container that holds most of the page's prose is likely article text.
- *Position*: where the segment sits in the page, and relative to the
  headline.

"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import attrgetter, itemgetter

import numpy as np

from presscut.segment import HEADING_LEVELS, Page, Segment

# --- Families of element names and of class/id/role names -------------------

_TAG_FAMILIES: dict[str, tuple[str, ...]] = {
    "t_article": ("article",),
    "t_main": ("main",),
    "t_nav": ("nav",),
    "t_header": ("header",),
    "t_footer": ("footer",),
    "t_aside": ("aside",),
    "t_form": ("form", "fieldset"),
    "t_list": ("ul", "ol", "li", "menu", "dl", "dt", "dd"),
    "t_table": ("table", "tbody", "thead", "tfoot", "tr", "td", "th"),
    "t_figure": ("figure", "figcaption", "picture"),
    "t_quote": ("blockquote",),
    "t_section": ("section",),
    "t_heading": tuple(HEADING_LEVELS),
    "t_p": ("p",),
    "t_details": ("details", "summary"),
    "t_address": ("address",),
}

# Class/id/role/itemprop vocabulary, in the spirit of Readability's "unlikely
# candidates". Three kinds of match, so that short words stay unambiguous
# ("ad" must not fire inside "header" or "shadow"):
# - substrings of the value with "-" and "_" removed ("article__body" -> "articlebody");
# - whole tokens (the value split on anything but letters and digits);
# - token prefixes ("nav" in "navbar", "navigation").
_ATTR_FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # family: (substrings, whole tokens, token prefixes)
    "a_content": (
        ("article", "content", "entry", "story", "body", "text", "prose", "blog", "markdown", "wysiwyg"),
        ("main", "copy", "post", "posts"),
        (),
    ),
    "a_articlebody": (
        ("articlebody", "articlecontent", "articletext", "storybody", "storycontent", "storytext",
         "postbody", "postcontent", "posttext", "entrycontent", "entrybody", "richtext"),
        (), (),
    ),
    "a_nav": (("menu", "navigation", "pagination", "pager", "paging", "skiplink"), ("toc", "jump"), ("nav",)),
    "a_breadcrumb": (("breadcrumb", "crumbs"), (), ()),
    "a_header": (("header", "masthead", "topbar", "sitehead", "branding", "logo"), ("banner",), ()),
    "a_footer": (("footer", "copyright", "colophon", "legal", "imprint", "impressum"), ("foot",), ()),
    "a_sidebar": (("sidebar", "widget", "complementary", "secondary"), ("rail",), ("aside",)),
    "a_comment": (("comment", "disqus", "respond", "replies", "discussion", "discuss", "forum", "review"), (), ("reply",)),
    "a_share": (
        ("share", "sharing", "social", "follow", "facebook", "twitter", "whatsapp", "linkedin",
         "pinterest", "addthis", "sharethis"),
        ("print",), (),
    ),
    "a_related": (
        ("related", "recommend", "popular", "trending", "readnext", "mostread", "outbrain", "taboola",
         "recirc", "morestories", "morearticles", "morenews", "also", "youmay", "suggest"),
        (), (),
    ),
    "a_ad": (
        ("sponsor", "promo", "commercial", "anzeige", "publicidad", "werbung", "affiliate", "adslot",
         "adsense", "doubleclick"),
        ("ad", "ads", "adv", "dfp", "gpt"),
        ("advert",),
    ),
    "a_newsletter": (("newsletter", "subscri", "signup", "register", "login", "calltoaction"), ("cta",), ()),
    "a_appeal": (("membership", "paywall", "regwall", "premium", "donat", "contribut", "supportus"), ("piano", "meter"), ()),
    "a_cookie": (("cookie", "consent", "gdpr", "onetrust", "didomi", "usercentrics", "privacy"), ("cmp",), ()),
    "a_author": (("author", "byline", "profile", "contributor", "writer", "avatar"), ("bio",), ()),
    "a_meta": (("meta", "timestamp", "published", "updated", "dateline", "posted"), ("info",), ("date", "time")),
    "a_tags": (("taglist", "tagcloud", "categor", "topics", "keyword", "labels"), ("tag", "tags"), ()),
    "a_caption": (("caption", "credit", "photo", "image", "media", "gallery", "slideshow"), (), ("img",)),
    "a_modal": (("modal", "popup", "overlay", "lightbox", "dialog", "toast", "drawer", "sticky", "fixed"), (), ()),
    "a_hidden": (("hidden", "collapse", "offscreen", "invisible", "mobileonly", "printonly"), (), ("hide",)),
    "a_title": (("title", "headline", "heading"), ("hed",), ()),
    "a_intro": (("intro", "summary", "standfirst", "excerpt", "abstract", "subtitle", "deck"), ("dek",), ("lead",)),
    "a_card": (("card", "tile", "teaser", "grid", "stream", "river", "collection", "listing"), (), ("item", "feed", "list")),
    "a_role_nav": ((), ("navigation",), ()),
    "a_role_main": ((), ("main", "article"), ()),
}  # fmt: skip

FAMILIES: tuple[str, ...] = tuple(_TAG_FAMILIES) + tuple(_ATTR_FAMILIES)
_FAMILY_BIT = {name: 1 << i for i, name in enumerate(FAMILIES)}
_TAG_BITS: dict[str, int] = {}
for _family, _tags in _TAG_FAMILIES.items():
    for _tag in _tags:
        _TAG_BITS[_tag] = _TAG_BITS.get(_tag, 0) | _FAMILY_BIT[_family]
_N_FAMILIES = len(FAMILIES)
_COMMENT_BITS = _FAMILY_BIT["a_comment"]
_ARTICLE_BITS = _FAMILY_BIT["t_article"] | _FAMILY_BIT["a_articlebody"]


def _trie_regex(words: list[str]) -> str:
    """A regex matching any of `words`, shaped as a trie (a long alternation of literals is slow)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


class _TrieScanner:
    """The matches of a trie regex of keywords, as `finditer` gives them, found fast in long texts.

    `finditer` tries the trie at nearly every character (its first letters
    cover most of the alphabet), and those attempts are most of its cost. A
    keyword of four or more characters can only start where the next three
    characters are its first three *and* the three after the first are its
    second to fourth; shorter keywords are single characters ("©", "»").
    Both are table lookups on character ids, so the regex is then tried at a
    few candidate positions (about 1 in 60 characters on news pages) with
    the same results as `finditer`.
    """

    def __init__(self, keywords: list[str]) -> None:
        self.regex = re.compile(_trie_regex(keywords))
        chars = sorted({char for word in keywords for char in word})
        if any(ord(char) > 0xFFFE for char in chars):
            raise ValueError("keyword characters must lie in the Basic Multilingual Plane")
        self.ids = np.zeros(0x10000, dtype=np.int32)  # 0 for characters in no keyword
        self.ids[[ord(char) for char in chars]] = np.arange(1, len(chars) + 1)
        self.size = size = len(chars) + 1
        self.singles = np.zeros(size, dtype=bool)
        self.heads = np.zeros(size**3, dtype=bool)  # characters 0-2 of keywords of 4+ characters
        self.seconds = np.zeros(size**3, dtype=bool)  # characters 1-3 of the same
        for word in keywords:
            ids = [int(self.ids[ord(char)]) for char in word]
            if len(ids) == 1:
                self.singles[ids[0]] = True
            elif len(ids) >= 4:
                self.heads[self._trigram(*ids[:3])] = True
                self.seconds[self._trigram(*ids[1:4])] = True
            else:
                raise ValueError(f"keyword of 2 or 3 characters: {word!r}")

    def _trigram(self, a: int, b: int, c: int) -> int:
        return (a * self.size + b) * self.size + c

    def candidates(self, text: str) -> list[int]:
        """Positions of `text` where a keyword may start (a superset of where one does)."""
        # (mode="clip" looks up min(code point, U+FFFF) without an array for the minimum;
        # `take` gathers from a table in half the time indexing with an array does)
        ids = self.ids.take(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), mode="clip")
        maybe = self.singles.take(ids)
        if len(ids) >= 4:
            trigrams = (ids[:-2] * self.size + ids[1:-1]) * self.size + ids[2:]
            maybe[:-3] |= self.heads.take(trigrams[:-1]) & self.seconds.take(trigrams[1:])
        return np.flatnonzero(maybe).tolist()

    def finditer(self, text: str) -> list[re.Match[str]]:
        """The matches of `self.regex.finditer(text)`, trying the regex at candidate positions only.

        `finditer` matches at each position in turn and resumes after a
        match, which is what this loop does over the only positions where a
        match can start.
        """
        matches = []
        end = 0
        match_at = self.regex.match
        for position in self.candidates(text):
            if position >= end:
                match = match_at(text, position)
                if match is not None:
                    matches.append(match)
                    end = match.end()
        return matches


def _keyword_table(
    families: dict[str, tuple[str, ...]], bit_of: dict[str, int], *, nested: bool = True
) -> dict[str, int]:
    """Keyword -> family bits; with `nested`, a keyword also carries the bits of those inside it.

    A trie regex returns non-overlapping longest matches: "articlebody" hides
    the "article" inside it, so it must carry both families.
    """
    table: dict[str, int] = {}
    for family, words in families.items():
        for word in words:
            table[word] = table.get(word, 0) | bit_of[family]
    if not nested:
        return table
    out = {}
    for keyword, bits in table.items():
        for other, other_bits in table.items():
            if other != keyword and other in keyword:
                bits |= other_bits
        out[keyword] = bits
    return out


def _family_words(kind: int) -> dict[str, tuple[str, ...]]:
    return {family: kinds[kind] for family, kinds in _ATTR_FAMILIES.items()}


_ATTR_SUBSTRING_BITS = _keyword_table(_family_words(0), _FAMILY_BIT)
_ATTR_SUBSTRING_SCANNER = _TrieScanner(sorted(_ATTR_SUBSTRING_BITS))
_ATTR_WORD_BITS = _keyword_table(_family_words(1), _FAMILY_BIT, nested=False)
_ATTR_PREFIX_BITS = _keyword_table(_family_words(2), _FAMILY_BIT, nested=False)


def _token_table() -> dict[str, int]:
    """Whole-token and token-prefix keywords -> family bits, for `_ATTR_TOKEN_RE`.

    That regex tries the whole tokens first and takes the first that
    matches, so a whole token carries the bits of the prefixes it starts
    with too ("navigation" is also "nav..."): the bits of a value are
    those the two kinds of match would give separately.
    """
    if set(_ATTR_WORD_BITS) & set(_ATTR_PREFIX_BITS):
        raise ValueError("a keyword is both a whole token and a token prefix")
    table = dict(_ATTR_PREFIX_BITS)
    for word, bits in _ATTR_WORD_BITS.items():
        for prefix, prefix_bits in _ATTR_PREFIX_BITS.items():
            if word.startswith(prefix):
                bits |= prefix_bits
        table[word] = bits
    return table


_ATTR_TOKEN_BITS = _token_table()
# Whole tokens and token prefixes, found with one trie regex behind a token
# boundary (cheaper than splitting and looking up every token, and one scan
# instead of one per kind).
_ATTR_TOKEN_RE = re.compile(
    r"(?<![a-z0-9])(?:(?:"
    + _trie_regex(sorted(_ATTR_WORD_BITS))
    + r")(?![a-z0-9])|"
    + _trie_regex(sorted(_ATTR_PREFIX_BITS))
    + ")"
)


# Class names repeat within a page and across pages of a site, so the bits of
# each value are cached; the cache is emptied when it grows past this many
# entries, so that a long-running process reading many sites stays bounded.
_MAX_CACHED = 65_536
_ATTR_BITS_CACHE: dict[str, int] = {}


def _cache_attr_bits(values: list[str]) -> None:
    """Put the family bits of each value not yet in `_ATTR_BITS_CACHE` there (see `_ATTR_FAMILIES`).

    The new values of a page are read together: each regex runs once over
    them all, joined by a NUL (no keyword holds one, nor a letter or digit,
    so no match can span two values and the token boundaries stay where
    they were), instead of once per value, which costs twice as much.
    """
    cache = _ATTR_BITS_CACHE
    if len(cache) >= _MAX_CACHED:
        cache.clear()
    new = [value for value in dict.fromkeys(values) if value not in cache]
    if not new:
        return
    bits = [0] * len(new)
    stripped = [value.replace("-", "").replace("_", "") for value in new]
    for match, index in _matches_in(stripped, _ATTR_SUBSTRING_SCANNER.finditer):
        bits[index] |= _ATTR_SUBSTRING_BITS[match.group()]
    for match, index in _matches_in(new, _ATTR_TOKEN_RE.finditer):
        bits[index] |= _ATTR_TOKEN_BITS[match.group()]
    cache.update(zip(new, bits, strict=True))


def attribute_families(values: list[str]) -> list[int]:
    """The `_ATTR_FAMILIES` bits of lower-cased attribute values, as class names are read."""
    _cache_attr_bits(values)
    return [_ATTR_BITS_CACHE[value] for value in values]


def _joined_ends(values: list[str]) -> list[int]:
    """Where each of `values` ends in the values joined by NULs, its NUL included: the
    index of the value holding an offset is the number of ends at or before it."""
    return list(accumulate([len(value) + 1 for value in values]))


def _matches_in(
    values: list[str], finditer: Callable[[str], Iterable[re.Match[str]]]
) -> list[tuple[re.Match[str], int]]:
    """The matches of `finditer` in `values` joined by NULs, with the index of the value of each
    (looked up for all the matches at once: a bisect per match costs more)."""
    matches = list(finditer("\x00".join(values)))
    if not matches:
        return []
    rows = np.searchsorted(_joined_ends(values), [m.start() for m in matches], side="right")
    return list(zip(matches, rows.tolist(), strict=True))


# --- Words and phrases -------------------------------------------------------

# The most frequent function words of the languages presscut is tested on.
# Their share separates running prose from menus, buttons and teaser titles in
# any of these languages (cf. jusText's stop-word density).
_FUNCTION_WORDS = """
    a an the and or but of to in on at for with from by as is are was were be been has have had
    it its this that these those he she they we you i his her their our your not no so if than
    then there which who what when where will would can could should may also about into more
    der die das den dem des ein eine einer eines und oder aber zu im in am an auf für mit von bei
    ist sind war waren wird werden hat haben nicht sich es er sie wir ihr auch als wie noch nur
    dass so bis nach über um aus vor durch zum zur
    le la les un une des du de et ou mais à au aux en dans sur pour par avec est sont était été
    il elle ils elles nous vous je ne pas que qui ce cette ces son sa ses leur plus se
    el los las una unos unas y o pero en con por para del al es son fue ser está lo que se su sus
    no como más muy este esta
    il lo gli della delle dei nel nella che non è sono con per una
    o os as um uma em no na nos nas do da dos das com não é são foi ao
    het een en van op te dat die niet zijn wordt met voor ook
    i w z na do nie się jest że to jak od po za co ale o
    och att det som är för med på av den till inte
""".split()

# Words that address the reader, and the publisher speaking as "we": appeals,
# prompts and calls to action are written this way, news reports rarely are.
_SECOND_PERSON = """
    you your yours yourself du dich dir dein deine deinen deinem euch euer eure ihnen
    vous votre vos toi ton tes tú tus usted ustedes vosotros tuo tua tuoi tue voi vostro vostra
    você vocês teu tua jij jouw jullie uw ty twój twoja wasz wasza
""".split()
_FIRST_PLURAL = """
    we us our ours wir uns unser unsere unseren unserer nous notre nos nosotros nuestro nuestra
    nuestros nuestras noi nostro nostra nostri nós nosso nossa nossos wij ons onze my nasz nasza
""".split()

# One dictionary lookup per word counts all three classes at once: a word's
# weight is the sum of its classes' weights, decoded with divmod.
_FUNCTION, _SECOND, _FIRST_PLURAL_W = 1, 1_000, 1_000_000
_WORD_WEIGHTS: dict[str, int] = {}
for _words, _weight in (
    (_FUNCTION_WORDS, _FUNCTION),
    (_SECOND_PERSON, _SECOND),
    (_FIRST_PLURAL, _FIRST_PLURAL_W),
):
    for _word in set(_words):
        _WORD_WEIGHTS[_word] = _WORD_WEIGHTS.get(_word, 0) + _weight

# Vocabulary of page chrome in the languages of the test sets: the generic
# words of each family (what a share bar or a cookie notice says in any
# publication), never phrases of particular publishers. Literal, lower-case
# substrings, so that one trie-shaped regex finds them all in one pass.
_KEYWORD_FAMILIES: dict[str, tuple[str, ...]] = {
    "kw_share": (
        "share", "teilen", "partager", "compartir", "condividi", "compartilh", "partilh", "delen",
        "udostępnij", "tweet", "whatsapp", "facebook", "linkedin", "pinterest", "telegram",
    ),
    "kw_newsletter": (
        "newsletter", "subscribe", "abonnier", "abonnez", "suscríbe", "suscribir", "iscriviti",
        "assine", "inschrijven", "zapisz się", "sign up", "signup", "inbox", "email address",
        "e-mail address", "e-mail-adresse",
    ),
    "kw_appeal": (
        "donat", "spende", "support us", "support our", "support independent", "unterstütz",
        "soutenez", "soutenir", "apoya", "sostieni", "apoie", "steun ons", "wesprzyj",
        "contribution", "contribute", "journalism", "journalismus", "journalisme", "periodismo",
        "giornalismo", "jornalismo", "dziennikarstw", "membership", "become a member",
    ),
    "kw_comment": (
        "comment", "kommentar", "commentaire", "comentario", "commento", "comentário", "reactie",
        "komentarz", "reply", "replies", "antwort", "répondre", "responder", "rispondi",
        "join the conversation", "join the discussion", "diskussion",
    ),
    "kw_cookie": (
        "cookie", "consent", "einwilligung", "consentement", "consentimiento", "consenso", "gdpr",
        "dsgvo", "rgpd", "privacy", "datenschutz", "confidentialité", "privacidad",
    ),
    "kw_ad": (
        "advertisement", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
        "publicidade", "advertentie", "reklama", "sponsored", "gesponsert", "sponsorisé",
        "patrocinado", "sponsorizzato", "promoted",
    ),
    "kw_related": (
        "related", "read more", "read also", "see also", "more from", "most read", "most popular",
        "trending", "recommended", "you may also", "you might also", "lesen sie auch",
        "mehr zum thema", "weitere artikel", "meistgelesen", "lire aussi", "à lire", "les plus lus",
        "leer más", "lee también", "te puede interesar", "más leídas", "leggi anche", "più letti",
        "leia também", "mais lidas", "lees ook", "meest gelezen", "czytaj też", "czytaj także",
        "czytaj więcej",
    ),
    "kw_login": (
        "log in", "login", "sign in", "signin", "anmelden", "einloggen", "connexion",
        "se connecter", "iniciar sesión", "accedi", "inloggen", "zaloguj", "register",
        "registrier", "create an account",
    ),
    "kw_copyright": (
        "©", "copyright", "all rights reserved", "alle rechte", "tous droits", "todos los derechos",
        "tutti i diritti", "todos os direitos", "alle rechten", "wszelkie prawa",
    ),
    "kw_paywall": (
        "subscribers only", "subscriber only", "for subscribers", "abonnenten",
        "réservé aux abonnés", "exclusivo para suscriptores", "exclusivo para assinantes",
        "riservato agli abbonati", "alleen voor abonnees", "dla prenumerator", "unlimited access",
        "free trial", "already a subscriber", "already have an account", "bereits abonnent",
        "déjà abonné", "paywall",
    ),
    "kw_readmore": (
        "read more", "weiterlesen", "mehr lesen", "lire la suite", "leer más", "continua a leggere",
        "leia mais", "lees meer", "czytaj dalej", "continue reading", "more »", "more ›", "»", "›",
    ),
    "kw_photo": (
        "photo:", "foto:", "bild:", "image:", "credit:", "getty images", "reuters",
        "associated press", "shutterstock", "istock",
    ),
}  # fmt: skip
KEYWORD_FAMILIES: tuple[str, ...] = tuple(_KEYWORD_FAMILIES)
_KEYWORD_BITS = _keyword_table(
    _KEYWORD_FAMILIES, {family: 1 << i for i, family in enumerate(KEYWORD_FAMILIES)}
)
_KEYWORD_SCANNER = _TrieScanner(sorted(_KEYWORD_BITS))


_WORD_SPLIT = re.compile(r"[^\w]+")

# --- Feature layout -------------------------------------------------------

_TYPES = ("paragraph", "heading", "list_item", "quote", "preformatted", "table", "figure_caption")
_OWNER_TAGS = ("p", "div", "li", "td", "th", "span", "section", "article", "dd", "dt", "a", "body")

TEXT_FEATURES = (
    "log_chars",
    "log_words",
    "link_density",
    "log_links",
    "links_per_word",
    "function_word_share",
    "second_person_share",
    "first_plural_share",
    "period_share",
    "comma_share",
    "digit_share",
    "upper_share",
    "lower_word_start_share",
    "pipe_bullet_share",
    "ends_sentence",
    "starts_upper",
    "avg_word_len",
    "line_breaks",
    "is_title",
    "heading_level",
    "list_depth",
)
POSITION_FEATURES = (
    "rel_position",
    "rel_index",
    "from_title",
    "after_title",
    "depth",
    "rel_depth",
)
ANCESTOR_LEVELS = (0, 1, 2, 3, 5)
ANCESTOR_FEATURES = tuple(
    f"anc{k}_{name}"
    for k in ANCESTOR_LEVELS
    for name in (
        "log_chars",
        "link_density",
        "log_segments",
        "page_share",
        "prose_share",
        "prose_mass_share",
    )
)
NEIGHBOUR_FEATURES = tuple(
    f"{side}_{name}"
    for side in ("prev", "next")
    for name in ("log_chars", "link_density", "function_word_share", "is_heading")
)
FAMILY_FEATURES = tuple(
    f"{scope}_{family}" for scope in ("own", "near", "any") for family in FAMILIES
)
ONE_HOT_FEATURES = (
    tuple(f"type_{t}" for t in _TYPES) + tuple(f"owner_{t}" for t in _OWNER_TAGS) + ("owner_other",)
)
REPETITION_FEATURES = (
    "log_same_text",
    *(f"anc{k}_log_same_siblings" for k in (0, 1, 2)),
)
PAGE_FEATURES = (
    "page_log_chars",
    "page_link_density",
    "page_prose_share",
    "page_log_segments",
    "page_comment_prose_share",
    "page_article_prose_share",
)

FEATURE_NAMES: tuple[str, ...] = (
    TEXT_FEATURES
    + KEYWORD_FAMILIES
    + POSITION_FEATURES
    + ANCESTOR_FEATURES
    + NEIGHBOUR_FEATURES
    + FAMILY_FEATURES
    + ONE_HOT_FEATURES
    + REPETITION_FEATURES
    + PAGE_FEATURES
)

# A segment counts as "prose" when it is long and not mostly links.
_PROSE_MIN_CHARS = 80
_PROSE_MAX_LINK_DENSITY = 0.3


def _normalized_title(text: str | None) -> str:
    return " ".join(_WORD_SPLIT.split(text.lower())).strip() if text else ""


def _char_class_table() -> np.ndarray:
    """Character classes of every code point of the Basic Multilingual Plane, as bits.

    One lookup per character replaces a dozen comparisons over the page's
    code points. Every code point above the BMP falls in the classes of
    U+FFFF (a letter, nothing else), so looking up min(code point, U+FFFF)
    is exact.
    """
    cps = np.arange(0x10000)
    upper = ((cps >= 65) & (cps <= 90)) | ((cps >= 192) & (cps <= 222) & (cps != 215))
    lower = ((cps >= 97) & (cps <= 122)) | ((cps >= 223) & (cps <= 255) & (cps != 247))
    other_letter = (
        (cps >= 0x250) & ~((cps >= 0x2000) & (cps <= 0x2BFF)) & ~((cps >= 0x3000) & (cps <= 0x303F))
    )
    flags = {
        _PERIOD: np.isin(cps, [46, 33, 63, 0x3002, 0xFF01, 0xFF1F]),
        _COMMA: np.isin(cps, [44, 59, 0x3001, 0xFF0C]),
        _DIGIT: (cps >= 48) & (cps <= 57),
        _UPPER: upper,
        _LOWER: lower,
        _LETTER: upper | lower | other_letter | ((cps >= 0x100) & (cps < 0x250)),
        _PIPE: np.isin(cps, [124, 0x2022, 0xB7, 0xBB, 0x203A]),
        # What str.split() splits on (no whitespace lies above the BMP).
        _SPACE: np.array([chr(c).isspace() for c in range(0x10000)]),
    }
    table = np.zeros(0x10000, dtype=np.uint8)
    for bit, mask in flags.items():
        table[mask] |= np.uint8(1 << bit)
    return table


# Bits of `_CHAR_CLASSES`.
_PERIOD, _COMMA, _DIGIT, _UPPER, _LOWER, _LETTER, _PIPE, _SPACE = range(8)
_CHAR_CLASSES = _char_class_table()
_CLASS_SHIFTS = np.arange(8, dtype=np.int32)[:, None]
_CLASS_BITS = (1 << _CLASS_SHIFTS).astype(np.uint8)
# Whether a code point of the BMP ends a sentence (a lookup: np.isin builds a table per call).
_SENTENCE_END = np.zeros(0x10000, dtype=bool)
_SENTENCE_END[[ord(c) for c in '.!?…:;"”»)。！？']] = True


@dataclass(frozen=True, slots=True)
class _TextStats:
    """Per-segment character and word counts, from one pass over the page's joined text."""

    periods: np.ndarray
    commas: np.ndarray
    digits: np.ndarray
    upper: np.ndarray
    letters: np.ndarray
    pipes: np.ndarray
    words: np.ndarray  # runs of letters
    lower_starts: np.ndarray  # runs of letters starting with a lower-case one
    line_breaks: np.ndarray
    ends_sentence: np.ndarray
    tokens: np.ndarray  # what str.split() returns
    starts: np.ndarray  # offset of each segment in the joined text


def _text_stats(joined: str, lengths: np.ndarray) -> _TextStats:
    """Counts over all segments at once: the texts joined by "\n", read as code points.

    Each count is a sum over the characters of a segment, hence one
    `np.add.reduceat` over the segments' offsets for all counts together;
    a segment's range ends with the "\n" that follows it, which is
    whitespace and nothing else.
    """
    n = len(lengths)
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    classes = _CHAR_CLASSES.take(cps, mode="clip")  # (at min(code point, U+FFFF))
    # Rows 0-7: bit k of each character's class (as 0 or 1 << k, cheaper than
    # unpacking); then word starts, token starts, lower-case word starts, line breaks.
    flags = np.empty((12, len(cps)), dtype=np.uint8)
    np.bitwise_and(classes, _CLASS_BITS, out=flags[:8])
    letter = flags[_LETTER] != 0
    space = flags[_SPACE] != 0
    word_start = flags[8]
    word_start[0] = letter[0]
    np.greater(letter[1:], letter[:-1], out=word_start[1:])  # a letter after a non-letter
    token_start = flags[9]
    token_start[0] = not space[0]
    np.greater(space[:-1], space[1:], out=token_start[1:])  # a non-space after a space
    np.logical_and(word_start, flags[_LOWER], out=flags[10])
    np.equal(cps, 10, out=flags[11])
    # int32 sums: exact up to 2**31 >> 7 characters (16 M) in one segment.
    counts = np.add.reduceat(flags, starts, axis=1, dtype=np.int32)
    counts[:8] >>= _CLASS_SHIFTS
    line_breaks = counts[11]
    line_breaks[:-1] -= 1  # the "\n" that joins a segment to the next
    return _TextStats(
        periods=counts[_PERIOD],
        commas=counts[_COMMA],
        digits=counts[_DIGIT],
        upper=counts[_UPPER],
        letters=counts[_LETTER],
        pipes=counts[_PIPE],
        words=counts[8],
        lower_starts=counts[10],
        line_breaks=line_breaks,
        ends_sentence=_SENTENCE_END.take(cps[starts + lengths - 1], mode="clip"),
        tokens=counts[9],
        starts=starts,
    )


def _word_class_counts(
    lowered: str, tokens: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per segment: function words, second-person words, first-person-plural words.

    `lowered` is the page's lower-cased joined text and `tokens` the number
    of whitespace-separated words of each segment: one split of the page and
    one lookup per word, then per-segment sums from a cumulative sum.
    """
    weights = np.fromiter(map(_WORD_WEIGHTS.get, lowered.split(), repeat(0)), dtype=np.int64)
    cum = np.concatenate(([0], np.cumsum(weights)))
    ends = np.cumsum(tokens)
    totals = cum[ends] - cum[ends - tokens]
    first_plural, rest = np.divmod(totals, _FIRST_PLURAL_W)
    second, function = np.divmod(rest, _SECOND)
    return function.astype(np.float64), second.astype(np.float64), first_plural.astype(np.float64)


def _bit_columns(bits: np.ndarray, count: int) -> np.ndarray:
    """Bits 0 to `count - 1` of each of the non-negative int64 `bits`, as 0s and 1s (uint8)
    in a new last axis: unpacking the bytes costs less than shifting every value by every
    bit number and masking (two int64 arrays of the output's size)."""
    little = np.ascontiguousarray(bits, dtype="<i8")
    return np.unpackbits(
        little.view(np.uint8).reshape(*bits.shape, 8), axis=-1, count=count, bitorder="little"
    )


def _keyword_hits(lowered: str, starts: np.ndarray) -> np.ndarray:
    """Which chrome vocabulary families occur in each segment (one scan of the page)."""
    bits = np.zeros(len(starts), dtype=np.int64)
    positions, masks = [], []
    for match in _KEYWORD_SCANNER.finditer(lowered):
        positions.append(match.start())
        masks.append(_KEYWORD_BITS[match.group()])
    if positions:
        rows = np.searchsorted(starts, positions, side="right") - 1
        np.bitwise_or.at(bits, rows, masks)
    return _bit_columns(bits, len(KEYWORD_FAMILIES))


@dataclass(frozen=True, slots=True)
class ContainerContext:
    """Per container: family bits (own, within 3 levels above, anywhere above) and look-alikes."""

    own: np.ndarray
    near: np.ndarray
    any: np.ndarray
    same_siblings: np.ndarray  # siblings sharing its tag and class/id names
    on_path: list[int]  # the containers with a segment below them, in document order
    names: list[str]  # their class/id names ("" for the root)
    all_names: str  # `names` joined by NULs

    def named(self, pattern: re.Pattern[str], clues: tuple[str, ...]) -> list[int]:
        """The containers on a segment's path whose names match `pattern`, in document
        order, for names no family covers. Every name the pattern matches holds one of
        the words `clues`: the joined names are scanned for those (a substring search),
        and only the names holding one are searched with the pattern, which would try
        its alternatives at nearly every character of the joined names (a page's names
        run to thousands of characters, and "author" is in a third of them)."""
        all_names = self.all_names
        holding: set[int] = set()
        ends: list[int] = []  # where each name ends, with its NUL
        for clue in clues:
            at = all_names.find(clue)
            if at >= 0 and not ends:
                ends = _joined_ends(self.names)
            while at >= 0:
                index = bisect_right(ends, at)
                holding.add(index)
                at = all_names.find(clue, ends[index])
        names, on_path = self.names, self.on_path
        return [on_path[i] for i in sorted(holding) if pattern.search(names[i])]


def container_context(page: Page) -> ContainerContext:
    """Family bits and look-alike siblings of every container (cached on the page).

    Only containers with a segment below them are on a segment's path, so
    only their class names are read (reading attributes from the tree is the
    expensive part), and the bits of those not seen before are worked out
    together (`_cache_attr_bits`). The class names of `<body>` describe the whole page
    (WordPress puts "single-post sidebar cookies-not-set" there), not any
    block of it, so the root contributes its tag only.

    The bits "within 3 levels above" are gathered with numpy through the
    parent links; the root and the containers without segments (all zero)
    are their own parents, so that every chain ends on itself.
    """
    cached = page.cache.get("context")
    if isinstance(cached, ContainerContext):
        return cached
    containers = page.containers
    n = len(containers)
    on_path = [i for i, c in enumerate(containers) if c.end > c.start]
    values = [containers[i].attrs if containers[i].parent >= 0 else "" for i in on_path]
    _cache_attr_bits(values)
    attr_bits = _ATTR_BITS_CACHE.__getitem__
    tag_bits = _TAG_BITS.get
    own = [0] * n
    anyb = [0] * n
    parents = list(range(n))
    signatures: list[tuple[int, str, str] | None] = [None] * n
    for i, value in zip(on_path, values, strict=True):
        c = containers[i]
        tag = c.tag
        bits = tag_bits(tag, 0) | attr_bits(value)
        own[i] = bits
        p = c.parent
        if p >= 0:
            signatures[i] = (p, tag, value)
            parents[i] = p
            anyb[i] = bits | anyb[p]
        else:
            anyb[i] = bits
    own_bits = np.array(own, dtype=np.int64)
    parent = np.array(parents, dtype=np.int64)
    grandparent = parent[parent]
    near = own_bits | own_bits[parent] | own_bits[grandparent] | own_bits[parent[grandparent]]
    counts = Counter(signatures)
    counts[None] = 1  # no signature: no look-alike
    context = ContainerContext(
        own=own_bits,
        near=near,
        any=np.array(anyb, dtype=np.int64),
        same_siblings=np.fromiter(map(counts.__getitem__, signatures), np.float64, n) - 1,
        on_path=on_path,
        names=values,
        all_names="\x00".join(values),
    )
    page.cache["context"] = context
    return context


def family_masks(page: Page) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per container: its own family bits, those within 3 levels above, and any above."""
    context = container_context(page)
    return context.own, context.near, context.any


@dataclass(frozen=True, slots=True)
class PageArrays:
    """Per-segment and per-container numbers, computed once per page."""

    chars: np.ndarray  # per segment
    link_chars: np.ndarray
    links: np.ndarray
    owner: np.ndarray  # index of the owning container
    depth: np.ndarray  # number of block-level ancestors
    start: np.ndarray  # per container: its range of segments
    end: np.ndarray
    ancestors: np.ndarray  # (len(ANCESTOR_LEVELS), segments): ancestors that many levels up


def _field(items: list, name: str, dtype: type = np.int64) -> np.ndarray:
    return np.fromiter(map(attrgetter(name), items), dtype=dtype, count=len(items))


def page_arrays(page: Page) -> PageArrays:
    cached = page.cache.get("arrays")
    if isinstance(cached, PageArrays):
        return cached
    segments, containers = page.segments, page.containers
    m = len(containers)
    owner = _field(segments, "container")
    parent = _field(containers, "parent")
    parent = np.where(parent < 0, np.arange(m), parent)  # the root is its own parent
    ancestors = np.empty((len(ANCESTOR_LEVELS), len(segments)), dtype=np.int64)
    current = owner
    for level in range(max(ANCESTOR_LEVELS) + 1):
        if level in ANCESTOR_LEVELS:
            ancestors[ANCESTOR_LEVELS.index(level)] = current
        current = parent[current]
    start = _field(containers, "start")
    arrays = PageArrays(
        chars=np.fromiter(map(len, map(attrgetter("text"), segments)), np.float64, len(segments)),
        link_chars=_field(segments, "link_chars", np.float64),
        links=_field(segments, "links", np.float64),
        owner=owner,
        depth=_field(containers, "depth", np.float64)[owner] + 1,
        start=start,
        end=np.maximum(_field(containers, "end"), start),
        ancestors=ancestors,
    )
    page.cache["arrays"] = arrays
    return arrays


# Where each block of features starts in the matrix.
_TEXT_AT = 0
_KEYWORD_AT = _TEXT_AT + len(TEXT_FEATURES)
_POSITION_AT = _KEYWORD_AT + len(KEYWORD_FAMILIES)
_ANCESTOR_AT = _POSITION_AT + len(POSITION_FEATURES)
_NEIGHBOUR_AT = _ANCESTOR_AT + len(ANCESTOR_FEATURES)
_FAMILY_AT = _NEIGHBOUR_AT + len(NEIGHBOUR_FEATURES)
_ONE_HOT_AT = _FAMILY_AT + len(FAMILY_FEATURES)
_REPETITION_AT = _ONE_HOT_AT + len(ONE_HOT_FEATURES)
_PAGE_AT = _REPETITION_AT + len(REPETITION_FEATURES)
assert _PAGE_AT + len(PAGE_FEATURES) == len(FEATURE_NAMES)
_TYPE_COLUMN = {t: _ONE_HOT_AT + i for i, t in enumerate(_TYPES)}
_OWNER_COLUMN = {t: _ONE_HOT_AT + len(_TYPES) + i for i, t in enumerate(_OWNER_TAGS)}
_OTHER_OWNER_COLUMN = _ONE_HOT_AT + len(_TYPES) + len(_OWNER_TAGS)


def _title_index(segments: list[Segment], title: str | None) -> tuple[int, bool]:
    """The headline's segment (-1 if none) and whether it matches the page title.

    The first heading whose text is the title (or a long part of it) is the
    headline; failing that, the first `<h1>`.
    """
    headings = [i for i, s in enumerate(segments) if s.level]
    title_norm = _normalized_title(title)
    if title_norm:
        for i in headings:
            text = segments[i].text
            if len(text) < 400:
                norm = _normalized_title(text)
                if norm and (norm == title_norm or (len(norm) > 15 and norm in title_norm)):
                    return i, True
    for i in headings:
        if segments[i].level == 1:
            return i, False
    return -1, False


def segment_features(page: Page, title: str | None = None) -> np.ndarray:
    """The feature matrix of a page, one row per segment (columns: `FEATURE_NAMES`).

    Every block of columns is computed for all segments at once and written
    into one preallocated float32 matrix: a page has a few hundred segments,
    so the cost is the number of numpy calls, not their size. Values are
    computed in float64 and rounded to float32 once, on assignment.
    """
    segments = page.segments
    containers = page.containers
    n = len(segments)
    X = np.empty((n, len(FEATURE_NAMES)), dtype=np.float32, order="F")
    texts = [s.text for s in segments]
    arrays = page_arrays(page)
    chars = arrays.chars
    joined = "\n".join(texts)
    lowered = joined.lower()
    stats = _text_stats(joined, chars.astype(np.int64))
    words = np.maximum(stats.words, 1).astype(np.float64)
    link_chars, links = arrays.link_chars, arrays.links
    link_density = np.minimum(link_chars / np.maximum(chars, 1), 1.0)
    function_words, second_person, first_plural = _word_class_counts(lowered, stats.tokens)
    fw_share = function_words / words

    # Text features.
    title_index, title_matched = _title_index(segments, title)
    heading_level = np.array([s.level or 0 for s in segments], dtype=np.float64)
    is_title = np.zeros(n)
    if title_matched:
        is_title[title_index] = 1
    letters = stats.letters
    text_block = X[:, _TEXT_AT:_KEYWORD_AT]
    log_chars = np.log1p(chars)
    text_block[:, 0] = log_chars
    text_block[:, 1] = np.log1p(words)
    text_block[:, 2] = link_density
    text_block[:, 3] = np.log1p(links)
    text_block[:, 4] = links / words
    text_block[:, 5] = fw_share
    text_block[:, 6] = second_person / words
    text_block[:, 7] = first_plural / words
    text_block[:, 8] = stats.periods / words
    text_block[:, 9] = stats.commas / words
    text_block[:, 10] = stats.digits / np.maximum(chars, 1)
    text_block[:, 11] = stats.upper / np.maximum(letters, 1)
    text_block[:, 12] = stats.lower_starts / words
    text_block[:, 13] = stats.pipes / words
    text_block[:, 14] = stats.ends_sentence
    text_block[:, 15] = list(map(str.isupper, map(itemgetter(0), texts)))
    text_block[:, 16] = letters / words
    text_block[:, 17] = stats.line_breaks
    text_block[:, 18] = is_title
    text_block[:, 19] = heading_level
    text_block[:, 20] = [s.depth or 0 for s in segments]

    X[:, _KEYWORD_AT:_POSITION_AT] = _keyword_hits(lowered, stats.starts)

    # Position.
    cum_chars = np.concatenate(([0.0], np.cumsum(chars)))
    total_chars = max(cum_chars[-1], 1.0)
    index = np.arange(n, dtype=np.float64)
    depth = arrays.depth
    position_block = X[:, _POSITION_AT:_ANCESTOR_AT]
    position_block[:, 0] = cum_chars[:-1] / total_chars
    position_block[:, 1] = index / max(n - 1, 1)
    if title_index >= 0:
        position_block[:, 2] = np.clip(index - title_index, -50, 200)
        position_block[:, 3] = index > title_index
    else:
        position_block[:, 2] = -99.0
        position_block[:, 3] = 0.5
    position_block[:, 4] = depth
    position_block[:, 5] = depth / max(depth.max(), 1)

    # Ancestors: masses through prefix sums over the contiguous segment ranges,
    # for all levels at once (one row per level).
    prose = (chars >= _PROSE_MIN_CHARS) & (link_density <= _PROSE_MAX_LINK_DENSITY)
    prose_chars = prose * chars
    cum_links = np.concatenate(([0.0], np.cumsum(link_chars)))
    cum_prose = np.concatenate(([0.0], np.cumsum(prose_chars)))
    total_prose = max(cum_prose[-1], 1.0)
    a_start, a_end = arrays.start[arrays.ancestors], arrays.end[arrays.ancestors]
    a_chars = cum_chars[a_end] - cum_chars[a_start]
    a_links = cum_links[a_end] - cum_links[a_start]
    a_prose = cum_prose[a_end] - cum_prose[a_start]
    a_some_chars = np.maximum(a_chars, 1)
    per_level = np.stack(  # (levels, segments, features of a level)
        [
            np.log1p(a_chars),
            a_links / a_some_chars,
            np.log1p(a_end - a_start),
            a_chars / total_chars,
            a_prose / a_some_chars,
            a_prose / total_prose,
        ],
        axis=2,
    )
    X[:, _ANCESTOR_AT:_NEIGHBOUR_AT] = per_level.transpose(1, 0, 2).reshape(n, -1)

    # Neighbours: the previous and the next segment's numbers, -1 at the ends.
    own_numbers = np.column_stack([log_chars, link_density, fw_share, heading_level > 0])
    previous = X[:, _NEIGHBOUR_AT : _NEIGHBOUR_AT + 4]
    following = X[:, _NEIGHBOUR_AT + 4 : _FAMILY_AT]
    previous[:1] = following[-1:] = -1
    previous[1:] = own_numbers[:-1]
    following[:-1] = own_numbers[1:]

    # Element and class/id families on the owner, near it, anywhere above it.
    context = container_context(page)
    owner = arrays.owner
    owner_near = context.near[owner]
    scopes = np.column_stack([context.own[owner], owner_near, context.any[owner]])
    X[:, _FAMILY_AT:_ONE_HOT_AT] = _bit_columns(scopes, _N_FAMILIES).reshape(n, -1)

    # One-hot block type and owner tag.
    X[:, _ONE_HOT_AT:_REPETITION_AT] = 0
    rows = np.arange(n)
    X[rows, list(map(_TYPE_COLUMN.__getitem__, map(attrgetter("type"), segments)))] = 1
    owner_column = _OWNER_COLUMN.get
    X[rows, [owner_column(containers[s.container].tag, _OTHER_OWNER_COLUMN) for s in segments]] = 1

    # Repetition: menus are repeated (header and footer, desktop and mobile),
    # teasers come in rows of look-alike siblings; story paragraphs are not.
    text_counts = Counter(texts)
    repetition_block = X[:, _REPETITION_AT:_PAGE_AT]
    repetition_block[:, 0] = np.log1p(
        np.fromiter(map(text_counts.__getitem__, texts), np.float64, n) - 1
    )
    repetition_block[:, 1:] = np.log1p(context.same_siblings[arrays.ancestors[:3]]).T

    # Where the page's prose is: a forum thread has it all in comment-like
    # containers, an article has it in the article and only replies there.
    X[:, _PAGE_AT:] = [
        np.log1p(total_chars),
        cum_links[-1] / total_chars,
        cum_prose[-1] / total_chars,
        np.log1p(n),
        prose_chars[(owner_near & _COMMENT_BITS) != 0].sum() / total_prose,
        prose_chars[(owner_near & _ARTICLE_BITS) != 0].sum() / total_prose,
    ]
    return X
