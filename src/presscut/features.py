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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

import numpy as np

from presscut.segment import HEADING_LEVELS, Page

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
_FAMILY_SHIFTS = np.arange(_N_FAMILIES, dtype=np.int64)


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
_ATTR_SUBSTRING_RE = re.compile(_trie_regex(sorted(_ATTR_SUBSTRING_BITS)))
_ATTR_WORD_BITS = _keyword_table(_family_words(1), _FAMILY_BIT, nested=False)
_ATTR_PREFIX_BITS = _keyword_table(_family_words(2), _FAMILY_BIT, nested=False)
# Whole tokens and token prefixes, found with the same trie regexes behind a
# token boundary (cheaper than splitting and looking up every token).
_ATTR_WORD_RE = re.compile(
    r"(?<![a-z0-9])(?:" + _trie_regex(sorted(_ATTR_WORD_BITS)) + r")(?![a-z0-9])"
)
_ATTR_PREFIX_RE = re.compile(r"(?<![a-z0-9])(?:" + _trie_regex(sorted(_ATTR_PREFIX_BITS)) + ")")


@lru_cache(maxsize=65_536)
def _attr_bits(attrs: str) -> int:
    bits = 0
    for match in _ATTR_SUBSTRING_RE.finditer(attrs.replace("-", "").replace("_", "")):
        bits |= _ATTR_SUBSTRING_BITS[match.group()]
    for match in _ATTR_WORD_RE.finditer(attrs):
        bits |= _ATTR_WORD_BITS[match.group()]
    for match in _ATTR_PREFIX_RE.finditer(attrs):
        bits |= _ATTR_PREFIX_BITS[match.group()]
    return bits


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
_KEYWORD_RE = re.compile(_trie_regex(sorted(_KEYWORD_BITS)))
_KEYWORD_SHIFTS = np.arange(len(KEYWORD_FAMILIES), dtype=np.int64)


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


def _char_stats(texts: list[str]) -> dict[str, np.ndarray]:
    """Per-segment character-class counts, computed over all texts in one pass."""
    joined = "\n".join(texts)
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])

    def per_segment(mask: np.ndarray) -> np.ndarray:
        return np.add.reduceat(mask.astype(np.int32), starts) if len(cps) else np.zeros(len(texts))

    upper = ((cps >= 65) & (cps <= 90)) | ((cps >= 192) & (cps <= 222) & (cps != 215))
    lower = ((cps >= 97) & (cps <= 122)) | ((cps >= 223) & (cps <= 255) & (cps != 247))
    other_letter = (
        (cps >= 0x250) & ~((cps >= 0x2000) & (cps <= 0x2BFF)) & ~((cps >= 0x3000) & (cps <= 0x303F))
    )
    letter = upper | lower | other_letter | ((cps >= 0x100) & (cps < 0x250))
    prev_letter = np.concatenate(([False], letter[:-1]))
    word_start = letter & ~prev_letter
    return {
        "chars": lengths,
        "periods": per_segment(
            (cps == 46)
            | (cps == 33)
            | (cps == 63)
            | (cps == 0x3002)
            | (cps == 0xFF01)
            | (cps == 0xFF1F)
        ),
        "commas": per_segment((cps == 44) | (cps == 59) | (cps == 0x3001) | (cps == 0xFF0C)),
        "digits": per_segment((cps >= 48) & (cps <= 57)),
        "upper": per_segment(upper),
        "letters": per_segment(letter),
        "words": per_segment(word_start),
        "lower_starts": per_segment(word_start & lower),
        "starts": starts,
        "pipes": per_segment(
            (cps == 124) | (cps == 0x2022) | (cps == 0xB7) | (cps == 0xBB) | (cps == 0x203A)
        ),
    }


def _word_class_counts(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per segment: function words, second-person words, first-person-plural words."""
    get = _WORD_WEIGHTS.get
    zeros = repeat(0)
    totals = np.fromiter(
        (sum(map(get, t.lower().split(), zeros)) for t in texts), dtype=np.int64, count=len(texts)
    )
    first_plural, rest = np.divmod(totals, _FIRST_PLURAL_W)
    second, function = np.divmod(rest, _SECOND)
    return function.astype(np.float64), second.astype(np.float64), first_plural.astype(np.float64)


def _keyword_hits(texts: list[str], starts: np.ndarray) -> np.ndarray:
    """Which chrome vocabulary families occur in each segment (one regex pass over the page)."""
    bits = np.zeros(len(texts), dtype=np.int64)
    joined = "\n".join(texts).lower()
    positions, masks = [], []
    for match in _KEYWORD_RE.finditer(joined):
        positions.append(match.start())
        masks.append(_KEYWORD_BITS[match.group()])
    if positions:
        rows = np.searchsorted(starts, positions, side="right") - 1
        np.bitwise_or.at(bits, rows, masks)
    return ((bits[:, None] >> _KEYWORD_SHIFTS) & 1).astype(np.float32)


def _same_siblings(page: Page) -> np.ndarray:
    """Per container: how many of its siblings share its tag and class/id names."""
    containers = page.containers
    signatures = [
        (c.parent, c.tag, c.attrs) if c.end > c.start and c.parent >= 0 else None
        for c in containers
    ]
    counts = Counter(signatures)
    return np.fromiter(
        (counts[sig] - 1 if sig is not None else 0 for sig in signatures),
        dtype=np.float64,
        count=len(containers),
    )


def family_masks(page: Page) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per container: its own family bits, those within 3 levels above, and any above.

    The class names of `<body>` describe the whole page (WordPress puts
    "single-post sidebar cookies-not-set" there), not any block of it, so the
    root contributes its tag only.
    """
    containers = page.containers
    n = len(containers)
    own = [0] * n
    near = [0] * n
    anyb = [0] * n
    chain: list[int] = [0] * n  # own | parent's own
    chain2: list[int] = [0] * n  # own | parent's chain
    for i, c in enumerate(containers):
        if c.end <= c.start:
            continue  # no segment below: never on a segment's path
        bits = _TAG_BITS.get(c.tag, 0)
        p = c.parent
        if p >= 0:
            attrs = c.attrs
            if attrs:
                bits |= _attr_bits(attrs)
        own[i] = bits
        if p >= 0:
            chain[i] = bits | own[p]
            chain2[i] = bits | chain[p]
            near[i] = bits | chain2[p]
            anyb[i] = bits | anyb[p]
        else:
            chain[i] = chain2[i] = near[i] = anyb[i] = bits
    return (
        np.array(own, dtype=np.int64),
        np.array(near, dtype=np.int64),
        np.array(anyb, dtype=np.int64),
    )


def _bits_to_columns(masks: np.ndarray) -> np.ndarray:
    return ((masks[:, None] >> _FAMILY_SHIFTS) & 1).astype(np.float32)


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
    ancestors: dict[int, np.ndarray]  # level -> each segment's ancestor that many levels up


def page_arrays(page: Page) -> PageArrays:
    cached = page.cache.get("arrays")
    if isinstance(cached, PageArrays):
        return cached
    segments, containers = page.segments, page.containers
    n, m = len(segments), len(containers)
    owner = np.fromiter((s.container for s in segments), dtype=np.int64, count=n)
    parent = np.fromiter((c.parent for c in containers), dtype=np.int64, count=m)
    parent = np.where(parent < 0, np.arange(m), parent)  # the root is its own parent
    ancestors = {}
    current = owner
    for level in range(max(ANCESTOR_LEVELS) + 1):
        if level in ANCESTOR_LEVELS:
            ancestors[level] = current
        current = parent[current]
    arrays = PageArrays(
        chars=np.fromiter((len(s.text) for s in segments), dtype=np.float64, count=n),
        link_chars=np.fromiter((s.link_chars for s in segments), dtype=np.float64, count=n),
        links=np.fromiter((s.links for s in segments), dtype=np.float64, count=n),
        owner=owner,
        depth=np.fromiter((c.depth for c in containers), dtype=np.float64, count=m)[owner] + 1,
        start=np.fromiter((c.start for c in containers), dtype=np.int64, count=m),
        end=np.fromiter((max(c.end, c.start) for c in containers), dtype=np.int64, count=m),
        ancestors=ancestors,
    )
    page.cache["arrays"] = arrays
    return arrays


def segment_features(page: Page, title: str | None = None) -> np.ndarray:
    """The feature matrix of a page, one row per segment (columns: `FEATURE_NAMES`)."""
    segments = page.segments
    containers = page.containers
    n = len(segments)
    texts = [s.text for s in segments]
    arrays = page_arrays(page)
    stats = _char_stats(texts)
    chars = arrays.chars
    words = np.maximum(stats["words"], 1).astype(np.float64)
    link_chars, links = arrays.link_chars, arrays.links
    link_density = np.minimum(link_chars / np.maximum(chars, 1), 1.0)
    function_words, second_person, first_plural = _word_class_counts(texts)
    fw_share = function_words / words

    # Text features.
    title_norm = _normalized_title(title)
    is_title = np.zeros(n)
    heading_level = np.zeros(n)
    list_depth = np.zeros(n)
    ends_sentence = np.zeros(n)
    starts_upper = np.zeros(n)
    line_breaks = np.zeros(n)
    title_index = -1
    for i, s in enumerate(segments):
        text = s.text
        last = text[-1]
        ends_sentence[i] = last in '.!?…:;"”»)。！？'
        starts_upper[i] = text[0].isupper()
        if "\n" in text:
            line_breaks[i] = text.count("\n")
        if s.level:
            heading_level[i] = s.level
            if title_index < 0 and title_norm and len(text) < 400:
                norm = _normalized_title(text)
                if norm and (norm == title_norm or (len(norm) > 15 and norm in title_norm)):
                    is_title[i] = 1
                    title_index = i
        if s.depth:
            list_depth[i] = s.depth
    if title_index < 0:
        h1 = [i for i, s in enumerate(segments) if s.level == 1]
        if h1:
            title_index = h1[0]

    text_block = np.column_stack(
        [
            np.log1p(chars),
            np.log1p(words),
            link_density,
            np.log1p(links),
            links / words,
            fw_share,
            second_person / words,
            first_plural / words,
            stats["periods"] / words,
            stats["commas"] / words,
            stats["digits"] / np.maximum(chars, 1),
            stats["upper"] / np.maximum(stats["letters"], 1),
            stats["lower_starts"] / words,
            stats["pipes"] / words,
            ends_sentence,
            starts_upper,
            stats["letters"] / words,
            line_breaks,
            is_title,
            heading_level,
            list_depth,
        ]
    )

    # Position.
    cum_chars = np.concatenate(([0.0], np.cumsum(chars)))
    total_chars = max(cum_chars[-1], 1.0)
    index = np.arange(n, dtype=np.float64)
    depth = arrays.depth
    if title_index >= 0:
        from_title = np.clip(index - title_index, -50, 200)
        after_title = (index > title_index).astype(np.float64)
    else:
        from_title = np.full(n, -99.0)
        after_title = np.full(n, 0.5)
    position_block = np.column_stack(
        [
            cum_chars[:-1] / total_chars,
            index / max(n - 1, 1),
            from_title,
            after_title,
            depth,
            depth / max(depth.max(), 1),
        ]
    )

    # Ancestors: masses through prefix sums over the contiguous segment ranges.
    prose = (chars >= _PROSE_MIN_CHARS) & (link_density <= _PROSE_MAX_LINK_DENSITY)
    cum_links = np.concatenate(([0.0], np.cumsum(link_chars)))
    cum_prose = np.concatenate(([0.0], np.cumsum(prose * chars)))
    total_prose = max(cum_prose[-1], 1.0)
    c_start, c_end = arrays.start, arrays.end
    ancestor_cols = []
    for k in ANCESTOR_LEVELS:
        anc = arrays.ancestors[k]
        a_start, a_end = c_start[anc], c_end[anc]
        a_chars = cum_chars[a_end] - cum_chars[a_start]
        a_links = cum_links[a_end] - cum_links[a_start]
        a_prose = cum_prose[a_end] - cum_prose[a_start]
        ancestor_cols += [
            np.log1p(a_chars),
            a_links / np.maximum(a_chars, 1),
            np.log1p(a_end - a_start),
            a_chars / total_chars,
            a_prose / np.maximum(a_chars, 1),
            a_prose / total_prose,
        ]
    ancestor_block = np.column_stack(ancestor_cols)

    # Neighbours.
    log_chars = np.log1p(chars)
    is_heading = (heading_level > 0).astype(np.float64)

    def shifted(values: np.ndarray, step: int, fill: float) -> np.ndarray:
        out = np.full(n, fill)
        if step > 0 and n > step:
            out[step:] = values[:-step]
        elif step < 0 and n > -step:
            out[:step] = values[-step:]
        return out

    neighbour_block = np.column_stack(
        [
            shifted(log_chars, 1, -1),
            shifted(link_density, 1, -1),
            shifted(fw_share, 1, -1),
            shifted(is_heading, 1, -1),
            shifted(log_chars, -1, -1),
            shifted(link_density, -1, -1),
            shifted(fw_share, -1, -1),
            shifted(is_heading, -1, -1),
        ]
    )

    # Element and class/id families on the owner, near it, anywhere above it.
    own, near, anyb = family_masks(page)
    owner = arrays.owner
    family_block = np.hstack(
        [_bits_to_columns(own[owner]), _bits_to_columns(near[owner]), _bits_to_columns(anyb[owner])]
    )

    # One-hot block type and owner tag.
    one_hot = np.zeros((n, len(_TYPES) + len(_OWNER_TAGS) + 1), dtype=np.float32)
    type_index = {t: i for i, t in enumerate(_TYPES)}
    owner_index = {t: len(_TYPES) + i for i, t in enumerate(_OWNER_TAGS)}
    other = len(_TYPES) + len(_OWNER_TAGS)
    for i, s in enumerate(segments):
        one_hot[i, type_index[s.type]] = 1
        one_hot[i, owner_index.get(containers[s.container].tag, other)] = 1

    # Repetition: menus are repeated (header and footer, desktop and mobile),
    # teasers come in rows of look-alike siblings; story paragraphs are not.
    text_counts = Counter(texts)
    same_text = np.fromiter((text_counts[t] - 1 for t in texts), dtype=np.float64, count=n)
    siblings = _same_siblings(page)
    repetition_block = np.column_stack(
        [np.log1p(same_text)] + [np.log1p(siblings[arrays.ancestors[k]]) for k in (0, 1, 2)]
    )

    # Where the page's prose is: a forum thread has it all in comment-like
    # containers, an article has it in the article and only replies there.
    prose_chars = prose * chars
    owner_near = near[owner]
    page_block = np.tile(
        [
            np.log1p(total_chars),
            cum_links[-1] / total_chars,
            cum_prose[-1] / total_chars,
            np.log1p(n),
            prose_chars[(owner_near & _COMMENT_BITS) != 0].sum() / total_prose,
            prose_chars[(owner_near & _ARTICLE_BITS) != 0].sum() / total_prose,
        ],
        (n, 1),
    )
    return np.hstack(
        [
            text_block,
            _keyword_hits(texts, stats["starts"]),
            position_block,
            ancestor_block,
            neighbour_block,
            family_block,
            one_hot,
            repetition_block,
            page_block,
        ]
    ).astype(np.float32)
