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

`context_features` adds the second-stage evidence: what the first-stage
model thinks of the segment's neighbours and ancestors (see `select.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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

# Substring patterns over lower-cased id/class/role/itemprop values, in the
# spirit of Readability's "unlikely candidates". `(?<![a-z])`/`(?![a-z])`
# mark whole-word patterns where a substring would be ambiguous ("ad" in "header").
_ATTR_FAMILIES: dict[str, str] = {
    "a_content": r"article|content|entry|story|post(?![a-z]*(?:er|ed))|body|text|prose|blog|markdown|wysiwyg|(?<![a-z])main(?![a-z])|(?<![a-z])copy(?![a-z])",
    "a_articlebody": r"articlebody|article[-_]*(?:body|content|text)|story[-_]*(?:body|content|text)|post[-_]*(?:body|content|text)|entry[-_]*(?:body|content)|(?<![a-z])rich[-_]*text",
    "a_nav": r"(?<![a-z])nav|menu|navigation|pagination|pager|paging|(?<![a-z])toc(?![a-z])|skip[-_]*link|jump",
    "a_breadcrumb": r"breadcrumb|crumbs",
    "a_header": r"header|masthead|(?<![a-z])banner(?![a-z])|topbar|top[-_]bar|site[-_]*head|branding|logo",
    "a_footer": r"footer|(?<![a-z])foot(?![a-z])|copyright|colophon|legal|imprint|impressum",
    "a_sidebar": r"sidebar|(?<![a-z])aside|widget|(?<![a-z])rail(?![a-z])|complementary|secondary",
    "a_comment": r"comment|disqus|respond|(?<![a-z])reply|replies|discussion|discuss|forum|review",
    "a_share": r"share|sharing|social|follow|facebook|twitter|whatsapp|linkedin|pinterest|addthis|sharethis|(?<![a-z])print(?![a-z])",
    "a_related": r"related|recommend|popular|trending|read[-_]*next|most[-_]*read|mostread|outbrain|taboola|recirc|more[-_]*(?:stories|articles|news)|also|you[-_]*may|suggest",
    "a_ad": r"(?<![a-z])(?:ad|ads|adv|advert\w*|advertisement|adslot|dfp|gpt|doubleclick|adsense)(?![a-z])|sponsor|promo|commercial|anzeige|publicidad|werbung|affiliate",
    "a_newsletter": r"newsletter|subscri|sign[-_]*up|signup|register|(?<![a-z])login|log[-_]*in|(?<![a-z])cta(?![a-z])|call[-_]*to[-_]*action",
    "a_appeal": r"membership|paywall|regwall|premium|donat|contribut|support[-_]*us|(?<![a-z])(?:piano|tp-container|meter)(?![a-z])",
    "a_cookie": r"cookie|consent|gdpr|(?<![a-z])cmp(?![a-z])|onetrust|didomi|usercentrics|privacy",
    "a_author": r"author|byline|(?<![a-z])bio(?![a-z])|profile|contributor|writer|avatar",
    "a_meta": r"meta|(?<![a-z])date|(?<![a-z])time|timestamp|published|updated|dateline|(?<![a-z])info(?![a-z])|posted",
    "a_tags": r"(?<![a-z])tags?(?![a-z])|tag[-_]*(?:list|cloud)|categor|topics|keyword|labels",
    "a_caption": r"caption|credit|figcaption|photo|image|media|gallery|slideshow|(?<![a-z])img",
    "a_modal": r"modal|popup|pop[-_]up|overlay|lightbox|dialog|toast|drawer|banner[-_]*bottom|sticky|fixed",
    "a_hidden": r"hidden|(?<![a-z])hide|collapse|offscreen|invisible|mobile[-_]*only|print[-_]*only",
    "a_title": r"title|headline|heading|(?<![a-z])hed(?![a-z])",
    "a_intro": r"(?<![a-z])lead|intro|summary|standfirst|(?<![a-z])dek(?![a-z])|excerpt|abstract|subtitle|deck",
    "a_card": r"card|tile|teaser|(?<![a-z])item|grid|(?<![a-z])feed|stream|river|collection|listing|(?<![a-z])list",
    "a_role_nav": r"(?<![a-z])navigation(?![a-z])",
    "a_role_main": r"(?<![a-z])(?:main|article)(?![a-z])",
}

FAMILIES: tuple[str, ...] = tuple(_TAG_FAMILIES) + tuple(_ATTR_FAMILIES)
_FAMILY_BIT = {name: 1 << i for i, name in enumerate(FAMILIES)}
_TAG_BITS: dict[str, int] = {}
for _family, _tags in _TAG_FAMILIES.items():
    for _tag in _tags:
        _TAG_BITS[_tag] = _TAG_BITS.get(_tag, 0) | _FAMILY_BIT[_family]
_ATTR_RE = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ATTR_FAMILIES.items())
)
_N_FAMILIES = len(FAMILIES)
_FAMILY_SHIFTS = np.arange(_N_FAMILIES, dtype=np.int64)


@lru_cache(maxsize=65_536)
def _attr_bits(attrs: str) -> int:
    bits = 0
    for match in _ATTR_RE.finditer(attrs):
        bits |= _FAMILY_BIT[match.lastgroup]  # type: ignore[index]
    return bits


# --- Function words ---------------------------------------------------------

# The most frequent function words of the languages presscut is tested on.
# Their share separates running prose from menus, buttons and teaser titles in
# any of these languages (cf. jusText's stop-word density).
_FUNCTION_WORDS = frozenset(
    """
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
)

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
PAGE_FEATURES = ("page_log_chars", "page_link_density", "page_prose_share", "page_log_segments")

FEATURE_NAMES: tuple[str, ...] = (
    TEXT_FEATURES
    + POSITION_FEATURES
    + ANCESTOR_FEATURES
    + NEIGHBOUR_FEATURES
    + FAMILY_FEATURES
    + ONE_HOT_FEATURES
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
        "pipes": per_segment(
            (cps == 124) | (cps == 0x2022) | (cps == 0xB7) | (cps == 0xBB) | (cps == 0x203A)
        ),
    }


def _function_word_counts(texts: list[str]) -> np.ndarray:
    fw = _FUNCTION_WORDS
    return np.fromiter(
        (sum(1 for w in t.lower().split() if w in fw) for t in texts),
        dtype=np.float64,
        count=len(texts),
    )


def family_masks(page: Page) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per container: its own family bits, those within 3 levels above, and any above."""
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
        attrs = c.attrs
        if attrs:
            bits |= _attr_bits(attrs)
        own[i] = bits
        p = c.parent
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
    """Per-segment and per-container numbers that both feature stages read."""

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
    """The first-stage feature matrix, one row per segment (columns: `FEATURE_NAMES`)."""
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
    fw = _function_word_counts(texts)
    fw_share = fw / words

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

    page_block = np.tile(
        [
            np.log1p(total_chars),
            cum_links[-1] / total_chars,
            cum_prose[-1] / total_chars,
            np.log1p(n),
        ],
        (n, 1),
    )
    return np.hstack(
        [
            text_block,
            position_block,
            ancestor_block,
            neighbour_block,
            family_block,
            one_hot,
            page_block,
        ]
    ).astype(np.float32)


# --- Second stage: what the first stage thinks of the surroundings ----------

CONTEXT_FEATURES = (
    "p1",
    "p1_prev",
    "p1_prev2",
    "p1_next",
    "p1_next2",
    "p1_window",
    *(f"anc{k}_p1_mean" for k in ANCESTOR_LEVELS),
    *(f"anc{k}_p1_kept_share" for k in ANCESTOR_LEVELS),
    "in_best_subtree",
    "best_subtree_share",
    "best_subtree_kept_share",
    "page_p1_mean",
    "page_kept_share",
    "gap_before",
    "gap_after",
)
_WINDOW = 3
_MAX_GAP = 20.0


def context_features(page: Page, p1: np.ndarray) -> np.ndarray:
    """Second-stage features from first-stage probabilities `p1` (columns: `CONTEXT_FEATURES`).

    The best subtree is the container maximising sum((p1 - 0.5) * chars): the
    region where the first stage sees the most article text net of chrome.
    """
    segments = page.segments
    n = len(segments)
    arrays = page_arrays(page)
    chars = arrays.chars
    kept = (p1 > 0.5).astype(np.float64)
    cum_chars = np.concatenate(([0.0], np.cumsum(chars)))
    cum_p = np.concatenate(([0.0], np.cumsum(p1 * chars)))
    cum_kept = np.concatenate(([0.0], np.cumsum(kept * chars)))
    cum_net = np.concatenate(([0.0], np.cumsum((p1 - 0.5) * chars)))
    total = max(cum_chars[-1], 1.0)

    def shifted(step: int) -> np.ndarray:
        out = np.full(n, -1.0)
        if step > 0 and n > step:
            out[step:] = p1[:-step]
        elif step < 0 and n > -step:
            out[:step] = p1[-step:]
        return out

    index = np.arange(n)
    lo = np.maximum(index - _WINDOW, 0)
    hi = np.minimum(index + _WINDOW + 1, n)
    window = (cum_p[hi] - cum_p[lo]) / np.maximum(cum_chars[hi] - cum_chars[lo], 1)

    c_start, c_end = arrays.start, arrays.end
    columns = [p1, shifted(1), shifted(2), shifted(-1), shifted(-2), window]
    means, kept_shares = [], []
    for k in ANCESTOR_LEVELS:
        anc = arrays.ancestors[k]
        a_start, a_end = c_start[anc], c_end[anc]
        a_chars = np.maximum(cum_chars[a_end] - cum_chars[a_start], 1)
        means.append((cum_p[a_end] - cum_p[a_start]) / a_chars)
        kept_shares.append((cum_kept[a_end] - cum_kept[a_start]) / a_chars)
    columns += means + kept_shares

    net = cum_net[c_end] - cum_net[c_start]
    best = int(np.argmax(net))
    b_start, b_end = c_start[best], c_end[best]
    b_chars = max(cum_chars[b_end] - cum_chars[b_start], 1)
    columns += [
        ((index >= b_start) & (index < b_end)).astype(np.float64),
        np.full(n, b_chars / total),
        np.full(n, (cum_kept[b_end] - cum_kept[b_start]) / b_chars),
        np.full(n, cum_p[-1] / total),
        np.full(n, cum_kept[-1] / total),
    ]

    # Distance (in segments) to the nearest kept segment before and after.
    kept_index = np.flatnonzero(kept)
    if len(kept_index):
        pos = np.searchsorted(kept_index, index)
        before = np.where(pos > 0, index - kept_index[np.maximum(pos - 1, 0)], _MAX_GAP)
        pos_after = np.searchsorted(kept_index, index, side="right")
        after = np.where(
            pos_after < len(kept_index),
            kept_index[np.minimum(pos_after, len(kept_index) - 1)] - index,
            _MAX_GAP,
        )
    else:
        before = after = np.full(n, _MAX_GAP)
    columns += [np.minimum(before, _MAX_GAP), np.minimum(after, _MAX_GAP)]
    return np.column_stack(columns).astype(np.float32)
