"""The headline, without the site name that `<title>` and `og:title` often carry.

Four sources usually name the headline: the visible `<h1>`, `og:title`
(or the Twitter card), the JSON-LD `headline` and `<title>`. Each has its
own failure: the `<h1>` may be the site logo, `<title>` and `og:title` add
"| Site Name", JSON-LD is sometimes a template default. So the sources vote:
an `<h1>` that another source confirms wins (it is what the reader sees);
otherwise the structured headline, then `og:title`, then `<title>`, each
with the site-name parts around it removed.
"""

from __future__ import annotations

import re

from presscut.metadata.evidence import PageEvidence
from presscut.metadata.jsonld import text_value

# A separator between headline and site name needs spaces around it ("A | B",
# "A - B"); a colon is left alone since headlines use it ("Crisis: what next").
_SEPARATOR = re.compile(r"\s+(?:[|–—·•»«~/\\]|-{1,2}|::|\|\|)\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_MAX_SITE_PART_WORDS = 6
# A part naming the site may add a few letters to it ("The Guardian" for guardian.com).
_SITE_NAME_SLACK = 4
# An <h1> found inside `<title>` confirms it when it is long enough not to be there by chance.
_MIN_CONTAINED = 10


def simplified(text: str | None) -> str:
    """Lower-cased letters and digits only: what "the same title" is compared on."""
    return _NOT_ALNUM.sub("", (text or "").casefold())


def _site_keys(evidence: PageEvidence, site_name: str | None) -> list[str]:
    keys = [simplified(site_name)] if site_name else []
    labels = [label for label in evidence.host.split(".") if label not in ("www", "m", "amp")]
    if len(labels) >= 2:
        keys.append(simplified(labels[-2]))
        keys.append(simplified("".join(labels)))
    return [k for k in keys if len(k) >= 2]


def _is_site_part(part: str, site_keys: list[str], *, affix: bool = False) -> bool:
    """Whether `part` names the site; an `affix` (a title part beside the headline) may
    add any words to the name ("Raspberry Pi Forums" on raspberrypi.com)."""
    key = simplified(part)
    if not key or len(part.split()) > _MAX_SITE_PART_WORDS:
        return False
    slack = len(key) if affix else _SITE_NAME_SLACK
    return any(key in s or (s in key and len(key) - len(s) <= slack) for s in site_keys)


def strip_site_name(title: str, site_keys: list[str]) -> str:
    """`title` without leading or trailing parts that name the site ("Headline | Site")."""
    parts = _SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    separators = _SEPARATOR.findall(title)
    start, end = 0, len(parts)
    while end - start > 1 and _is_site_part(parts[end - 1], site_keys, affix=True):
        end -= 1
    while end - start > 1 and _is_site_part(parts[start], site_keys, affix=True):
        start += 1
    out = parts[start]
    for i in range(start + 1, end):
        out += separators[i - 1] + parts[i]
    return out.strip()


def _agrees(a: str, b: str) -> bool:
    """Two simplified titles agree when equal or one starts the other (truncated headlines)."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) >= 0.6 * len(longer) and longer.startswith(shorter)


def choose_title(evidence: PageEvidence, site_name: str | None) -> str | None:
    """The page's headline, decided by agreement between its sources."""
    keys = _site_keys(evidence, site_name)
    structured = (
        text_value(evidence.article_value("headline"))
        or (evidence.microdata.get("headline", [None])[0])
    )
    social = evidence.meta.first("og:title", "twitter:title", "dc.title", "dcterms.title")
    raw = [t for t in (structured, social, evidence.title_tag) if t]
    others = [
        stripped for t in raw if not _is_site_part(stripped := strip_site_name(t, keys), keys)
    ]
    other_keys = [simplified(t) for t in others]
    raw_keys = [simplified(t) for t in raw]
    h1s = list(
        dict.fromkeys(strip_site_name(h, keys) for h in evidence.h1s if not _is_site_part(h, keys))
    )
    for h1 in h1s:
        key = simplified(h1)
        if any(_agrees(key, other) for other in other_keys) or (
            len(key) >= _MIN_CONTAINED and any(key in r for r in raw_keys)
        ):
            return h1
    if len(h1s) == 1 or (h1s and not others):
        return h1s[0]
    return others[0] if others else None


def site_from_title(evidence: PageEvidence, title: str | None) -> str | None:
    """The site name that `<title>` adds beside the headline ("Headline | Site"), if any.

    Used only when the page does not name its site otherwise: the part of
    `<title>` that is not the headline, when the headline is its first or
    last part and the other end is short enough to be a name.
    """
    if not title or not evidence.title_tag:
        return None
    parts = [p.strip() for p in _SEPARATOR.split(evidence.title_tag)]
    if len(parts) < 2:
        return None
    key = simplified(title)
    if _agrees(simplified(parts[0]), key):
        candidate = parts[-1]
    elif _agrees(simplified(parts[-1]), key):
        candidate = parts[0]
    else:
        return None
    if not candidate or len(candidate.split()) > _MAX_SITE_PART_WORDS:
        return None
    return candidate
