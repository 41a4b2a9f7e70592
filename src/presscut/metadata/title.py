"""The headline, without the site name that `<title>` and `og:title` often carry.

Four sources usually name the headline: the visible `<h1>`, `og:title`
(or the Twitter card), the JSON-LD `headline` and `<title>`. Each has its
own failure: the `<h1>` may be the site logo, a section label or carry a
kicker ("Crisis talks: Leaders meet again"), `<title>` and `og:title` add
"| Site Name", JSON-LD is sometimes a template default. So the sources vote:

1. an `<h1>` that JSON-LD or `og:title` confirms wins (it is what the
   reader sees);
2. an `<h1>` that ends with another source's title is that title behind a
   kicker or a rubric, and one that starts with it and goes on with a date is
   that title and a date line: the other source's title is the headline;
3. an `<h1>` that `<title>` confirms, or found inside `<title>` or
   `og:title` (reworded or truncated affixes around it), wins next;
4. the page's first `<h2>`, when it shows another source's title exactly
   (the theme prints a blog's name in the `<h1>` and the headline below it);
5. an unconfirmed `<h1>` still wins when it shares some of its words with
   the other sources (a reworded SEO title), or when it is the only
   evidence; but when the other sources agree among themselves on a title
   the `<h1>` hardly shares a word with, the `<h1>` is a section label or
   a teaser and their title is the headline.

Site-name parts are removed from every source first, and an `<h1>` that is
the site-name part of `<title>` is not a candidate. (Chinese, Japanese and
Korean titles glue the separator to the words: "标题-新华网".) A short part left after
a final " | " or " / " is a section, a rubric or a slogan ("… | Opinion", "… |
Patient Education", "… | Top 19 Companies", a forum's "… / Board"), and is cut
from the chosen headline.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from presscut.metadata.dateparse import find_text_date
from presscut.metadata.evidence import PageEvidence, headline_text, repair_text, simplified
from presscut.metadata.jsonld import text_value

# A separator between headline and site name needs spaces around it ("A | B",
# "A - B", "A // » B"); a colon is left alone since headlines use it ("Crisis: what next").
# A pipe alone is a separator even without spaces ("Courier|Headline"): words never hold one.
_SEPARATOR = re.compile(r"(?:\s+(?:[|–—·•»«›‹~/\\]|//|-{1,2}|::|\|\|))+\s+|(?<=[^\s|])\|(?=[^\s|])")
# Chinese, Japanese and Korean titles write the separator without spaces ("标题-新华网",
# "词条_百度百科"): a hyphen or an underscore between two of their characters (or after their
# full-width punctuation, "！-") is one, since their text never joins words with either; so is
# a full-width bar anywhere. Only titles holding such characters are split so (the longer
# pattern costs a third more time on every other title).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_HAS_CJK = re.compile(rf"[{_CJK}\uff5c]")
_CJK_SEPARATOR = re.compile(
    _SEPARATOR.pattern
    + rf"|[-_](?<=[{_CJK}\u3000-\u303f\uff01-\uff60][-_])(?=[{_CJK}])|\s*\uff5c\s*"
)
# The site's name after such a separator is short ("新华网", "百度百科"), and names no host
# in the Latin letters `site_keys` compares.
_MAX_CJK_SITE_CHARS = 12
_WORD = re.compile(r"\w+")
# Heading anchors that documentation generators print after the text ("Middleware ¶").
_ANCHOR_MARK = re.compile(r"\s*[¶#]+$")
_MAX_SITE_PART_WORDS = 6
_MIN_KEY = 3
# Second-level labels that name no site ("example.co.uk") and blog platforms whose
# subdomain is the site ("janes-kitchen.blogspot.com").
_GENERIC_LABELS = frozenset("co com org net gov edu ac or ne go gob gouv nic".split())
_PLATFORMS = frozenset(
    "blogspot wordpress tumblr substack github medium wixsite weebly jimdo typepad livejournal"
    " ghost bearblog over-blog canalblog hatenablog".split()
)
# A site name read from `<title>` is a name, not a tagline ("Nachrichten aus der Region").
_MAX_SITE_NAME_WORDS = 4
# A part naming the site may add a few letters to it ("The Guardian" for guardian.com).
_SITE_NAME_SLACK = 4
# An <h1> found inside `<title>` confirms it when it is long enough not to be there by chance.
_MIN_CONTAINED = 10
# A kicker is at least a word ("Analysis: ..."), not an article ("The ..."); a shorter one
# counts when a colon ends it ("Blog: ...", "Quiz: ...").
_MIN_KICKER = 5
_MARKED_KICKER = re.compile(r"^[^:]{2,30}?:\s+")
# Below this share of its words in the agreed title of the other sources (it hardly shares
# a word with them), an unconfirmed <h1> is not the headline.
_MIN_SHARED_WORDS = 0.3
# "Headline | Rubric": a pipe is not punctuation a headline uses, so a short last part after
# one is a label, when what comes before it is a headline of its own (on the WCXB dev split
# cutting it fixes 12 titles and breaks 1; other separators, dashes above all, belong to
# headlines too often: the hand-read dev titles lose 4 of 100). A spaced slash separates the
# same way ("Topic / Board / Forum", as forum software writes it), unless a number follows
# it ("2026 / 2027": a range).
_RUBRIC = re.compile(r"\s+(?P<separator>[|/])\s+(?P<rubric>(?:(?!\s[|/]\s)[^|])+)$")
_MAX_RUBRIC_WORDS = 5
_MIN_HEADLINE_WORDS = 3
# WordPress's classic themes title a post "Site » Blog Archive » Headline": the words name
# the page's place on the site, like the site's name.
_BLOG_ARCHIVE = re.compile(r"^\s*blog[ -]?archiv(?:e|es)?\s*$", re.I)


def _host_labels(evidence: PageEvidence) -> list[str]:
    """The host's labels up to the public suffix, without "www": "news.example.co.uk" gives
    ["news", "example", "co.uk"] ("co" names no site)."""
    labels = [label for label in evidence.host.split(".") if label not in ("www", "m", "amp")]
    while len(labels) > 2 and labels[-2] in _GENERIC_LABELS:
        labels[-2:] = [f"{labels[-2]}.{labels[-1]}"]
    return labels


def site_keys(evidence: PageEvidence, site_name: str | None) -> list[str]:
    """Simplified forms of the site's name: the declared one and the host's own labels.

    "news.example.co.uk" gives "example" (and "newsexample"); a blog hosted
    on a platform ("janes-kitchen.blogspot.com") is named by its subdomain.
    """
    keys = [_without_accents(simplified(site_name))] if site_name else []
    labels = _host_labels(evidence)
    if len(labels) >= 2:
        keys.append(simplified(labels[-2]))
        keys.append(simplified("".join(labels[:-1])))
        if labels[-2] in _PLATFORMS and len(labels) > 2:
            keys.append(simplified(labels[-3]))
    return list(dict.fromkeys(k for k in keys if len(k) >= _MIN_KEY))


def is_site_part(part: str, keys: list[str], *, affix: bool = False) -> bool:
    """Whether `part` names the site; an `affix` (a title part beside the headline) may
    add any words to the name ("Raspberry Pi Forums" on raspberrypi.com)."""
    key = _without_accents(simplified(part))
    if not key or len(part.split()) > _MAX_SITE_PART_WORDS:
        return False
    slack = len(key) if affix else _SITE_NAME_SLACK
    return any(key in s or (s in key and len(key) - len(s) <= slack) for s in keys)


def _separator(title: str) -> re.Pattern[str]:
    """The separator pattern for `title`: `_CJK_SEPARATOR` when it holds CJK characters."""
    return _SEPARATOR if title.isascii() or not _HAS_CJK.search(title) else _CJK_SEPARATOR


def _is_cjk_separator(separator: str) -> bool:
    """Whether `separator` is one of `_CJK_SEPARATOR`'s own: only they match a bare "-" or
    "_"."""
    return separator in ("-", "_") or separator.strip() == "\uff5c"


def _without_accents(key: str) -> str:
    """`key` with its letters' accents dropped: a host is written in ASCII, the name it
    stands for often is not ("Últimas Noticias" on ultimasnoticias.com.ve)."""
    return key if key.isascii() else _folded(key)


@lru_cache(maxsize=256)
def _folded(key: str) -> str:
    """`_without_accents` of a non-ASCII key; cached, since a page's few title parts are
    compared with the site's name many times over."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))


def title_parts(title: str) -> list[str]:
    """The parts of a title between separators ("Headline | Section | Site")."""
    return [part.strip() for part in _separator(title).split(title)]


def strip_site_name(title: str, keys: list[str]) -> str:
    """`title` without leading or trailing parts that name the site ("Headline | Site"), or
    its blog's archive ("Blog Archive » Headline").

    A part that holds the site's name among other words goes when it reads like a name
    ("Raspberry Pi Forums", "The Example Times": a few capitalised words) or is no longer
    than what stays: "Apple unveils the new iPhone | Newsroom" on apple.com is a headline
    that names the site, and a rubric.
    """
    separator = _separator(title)
    parts = separator.split(title)
    if len(parts) == 1:
        return title
    separators = separator.findall(title)

    def names_site(i: int, rest: list[str]) -> bool:
        if is_site_part(parts[i], keys) or _BLOG_ARCHIVE.match(parts[i]):
            return True
        if i == len(parts) - 1 and _is_cjk_separator(separators[i - 1]):
            return len(parts[i].strip()) <= _MAX_CJK_SITE_CHARS
        if not is_site_part(parts[i], keys, affix=True):
            return False
        # a brand may be written in lower case ("example ♥ Magazin" on example.de), and a
        # symbol is no word
        words = [w for w in parts[i].split() if any(ch.isalnum() for ch in w)]
        name_like = len(words) <= _MAX_SITE_NAME_WORDS and all(
            w[:1].isupper() or simplified(w) in keys for w in words
        )
        return name_like or len(words) <= len(" ".join(rest).split())

    start, end = 0, len(parts)
    while end - start > 1 and names_site(end - 1, parts[start : end - 1]):
        end -= 1
    while end - start > 1 and names_site(start, parts[start + 1 : end]):
        start += 1
    out = parts[start]
    for i in range(start + 1, end):
        out += separators[i - 1] + parts[i]
    return out.strip()


def agrees(a: str, b: str) -> bool:
    """Two simplified titles agree when equal or one starts the other (truncated headlines)."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) >= 0.6 * len(longer) and longer.startswith(shorter)


def _shared_words(a: str, b: str) -> float:
    """Share of the words of the shorter text that the other one has too."""
    words_a = set(_WORD.findall(a.casefold()))
    words_b = set(_WORD.findall(b.casefold()))
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _is_site_affix(h1: str, evidence: PageEvidence) -> bool:
    """An `<h1>` that is the last part of a `<title>` made of several and names the host:
    the site's name, printed as a heading by the theme ("What is Ownership? - The Rust
    Programming Language" on rust-lang.org)."""
    if not evidence.title_tag:
        return False
    parts = title_parts(evidence.title_tag)
    key = simplified(h1)
    if len(parts) < 2 or simplified(parts[-1]) != key or simplified(parts[0]) == key:
        return False
    return any(word in key for word in _host_words(evidence))


def _host_words(evidence: PageEvidence) -> list[str]:
    """The words of the host's name ("rust-lang.org": "rust", "lang")."""
    labels = _host_labels(evidence)
    name = labels[-2] if len(labels) >= 2 else ""
    return [w for w in name.split("-") if len(w) >= _MIN_KEY]


def _looks_cut(title: str) -> bool:
    """A title cut short by its source: an ellipsis or an unclosed bracket at the end."""
    return title.endswith(("…", "...")) or title.count("(") > title.count(")")


def _agreed(titles: list[str]) -> str | None:
    """The first title that another source confirms; if it looks cut short, the longest
    of the titles that agree with it."""
    keys = [simplified(t) for t in titles]
    for i, key in enumerate(keys):
        group = [j for j, other in enumerate(keys) if j != i and agrees(key, other)]
        if group and _looks_cut(titles[i]):
            return max((titles[j] for j in group), key=lambda t: len(simplified(t)))
        if group:
            return titles[i]
    return None


def choose_title(evidence: PageEvidence, site_name: str | None) -> str | None:
    """The page's headline, decided by agreement between its sources (module docstring)."""
    title = _voted_title(evidence, site_name)
    return _without_rubric(title) if title else title


def _without_rubric(title: str) -> str:
    """`title` without a short last part after " | " or " / " (module docstring)."""
    match = _RUBRIC.search(title)
    if match is None:
        return title
    rubric, headline = match["rubric"].strip(), title[: match.start()].strip()
    if (
        len(rubric.split()) > _MAX_RUBRIC_WORDS
        or rubric.endswith("?")
        or (match["separator"] == "/" and not rubric[:1].isalpha())  # "2026 / 2027": a range
        or len(headline.split()) < _MIN_HEADLINE_WORDS
    ):
        return title
    return headline


def _voted_title(evidence: PageEvidence, site_name: str | None) -> str | None:
    keys = site_keys(evidence, site_name)
    # An <h1> that is the last part of <title> names the site: that part is not the headline.
    keys += [simplified(h) for h in evidence.h1s if _is_site_affix(h, evidence)]
    structured = (
        text_value(evidence.article_value("headline"))
        or (evidence.microdata.get("headline", [None])[0])
    )
    social = evidence.meta.first("og:title", "twitter:title", "dc.title", "dcterms.title")
    # (text, whether it is <title>): <title> comes last, and most often carries a rubric or
    # a section beside the headline.
    sources = [(repair_text(t), t is evidence.title_tag) for t in (structured, social) if t]
    if evidence.title_tag:
        sources.append((repair_text(evidence.title_tag), True))
    raw = [text for text, _ in sources]
    stripped = [strip_site_name(t, keys) for t in raw]
    kept = [
        (text, from_title)
        for text, (_, from_title) in zip(stripped, sources, strict=True)
        if not is_site_part(text, keys)
    ]
    others = [text for text, _ in kept]
    other_keys = [simplified(t) for t in others]
    raw_keys = [simplified(t) for t in raw]
    declared_keys = [simplified(text) for text, from_title in kept if not from_title]
    h1s = [
        title
        for h in evidence.h1s
        if not is_site_part(h, keys)
        if (title := _ANCHOR_MARK.sub("", strip_site_name(h, keys)))
    ]
    h1s = list(dict.fromkeys(h1s))
    h1_keys = [simplified(h) for h in h1s]
    for h1, key in zip(h1s, h1_keys, strict=True):
        if any(agrees(key, other) for other in declared_keys):
            return h1
    for h1, key in zip(h1s, h1_keys, strict=True):
        marked = simplified(_MARKED_KICKER.sub("", h1, count=1))
        for other, other_key in zip(others, other_keys, strict=True):
            if (
                len(other_key) >= _MIN_CONTAINED
                and key.endswith(other_key)
                and (len(key) - len(other_key) >= _MIN_KICKER or marked == other_key != key)
            ):
                return other
            if len(other_key) >= _MIN_CONTAINED and key != other_key and key.startswith(other_key):
                dated = find_text_date(h1)
                if dated is not None and simplified(h1[: dated[0]]).startswith(other_key):
                    return other  # "Headline 02.02.2022 • Rubric, Category": a date line
    for h1, key in zip(h1s, h1_keys, strict=True):
        if any(agrees(key, other) for other in other_keys):
            return h1
    for h1, key in zip(h1s, h1_keys, strict=True):
        if len(key) >= _MIN_CONTAINED and any(key in r for r in raw_keys):
            return h1
    if h1s:
        shown = _heading_showing(evidence, others)
        if shown is not None:
            return shown
        agreed = _agreed(others)
        if agreed is None and len(h1s) == 1:
            return h1s[0]
        reference = agreed or (others[0] if others else None)
        if reference is None or _shared_words(h1s[0], reference) >= _MIN_SHARED_WORDS:
            return h1s[0]
        return reference
    if others:
        return _agreed(others) or others[0]
    # Every source is (or contains only) the site name: the page's title is all there is.
    return stripped[0] if stripped else None


def site_from_title(evidence: PageEvidence, title: str | None) -> str | None:
    """The site name that `<title>` adds beside the headline ("Headline | Site", "Kicker:
    Headline | Site"), if any: the part at the other end from the headline, when it is
    short enough to be a name and not a sentence."""
    if not evidence.title_tag:
        return None
    parts = title_parts(evidence.title_tag)
    key = simplified(title)
    if len(parts) < 2 or not key:
        return None
    first = simplified(parts[0])
    if agrees(first, key) or first.endswith(key):  # (after a kicker: "Topic: Headline | Site")
        candidate = parts[-1]
    elif agrees(simplified(parts[-1]), key):
        candidate = parts[0]
    else:
        return None
    if not candidate or len(candidate.split()) > _MAX_SITE_NAME_WORDS or candidate[-1] in "?.":
        return None
    return candidate


def _heading_showing(evidence: PageEvidence, others: list[str]) -> str | None:
    """The text of the page's first `<h2>` when it shows another source's title exactly and
    no `<h1>` does: themes print the headline in an `<h2>` under a blog's name in the
    `<h1>`. (A later `<h2>` repeating the title is a section of the article.)"""
    first = next((node for node in evidence.headings if node.tag == "h2"), None)
    text = headline_text(first) if first is not None else ""
    keys = {simplified(t) for t in others}
    return text if text and simplified(text) in keys else None
