"""Who published the page: `site_name` and `publisher`.

`og:site_name` is the site's own name for itself; the JSON-LD `publisher`
is the organisation behind it (often the same, sometimes the parent
company). Values that are URLs (Facebook pages in `article:publisher`) or
unrendered template placeholders are not names and are skipped. A declared
name often carries a tagline ("Example Courier - News from the valley"):
the part naming the host, else the shortest part, is the name. When the
declared name does not name the host at all (an edition, "U.S.") and the
publisher does, the publisher's name is the site's, unless both are forms of
one name ("The Example Times" and "Example Times" on example-times.co.in,
where the declared form stays); else a part of `<title>` that names the
domain is, unless it is only the declared name's initials. A declared name that is only the domain
("www.example.de", a CMS default) gives way to another declared name when it is the
page's own host, else to the alt text of the site's logo picture when that names
the host. Without a declaration, a publisher
that does not name the host is the site's owner ("Jane Doe") when a part of
`<title>` names the site. The last resorts, applied once the title is known
(`fallback_site_name`), are the part of `<title>` naming the host or beside
the headline, the logo's alt text and the host name itself.
"""

from __future__ import annotations

import re

from presscut.metadata.evidence import PageEvidence, simplified
from presscut.metadata.jsonld import text_value
from presscut.metadata.title import agrees, is_site_part, site_from_title, site_keys
from presscut.segment import normalize_space

_MAX_NAME = 100
# Bullets and separators a theme's `<title>` leaves around the name ("• Example").
_AROUND_NAME = " \t•·|»«›‹"
# An e-mail address written after the name ("Jane Doe info@example.de").
_EMAIL = re.compile(r"\s*\S+@[\w-]+\.[\w.-]+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_PLACEHOLDER = re.compile(r"\{\{|\{\$|\}\}|%%|\[\[")
_TAGLINE_SEPARATOR = re.compile(r"\s+[-–—|·•:]\s+|:\s+")
_WEBSITE = frozenset({"website"})
# The parts of `<title>` searched for the site's name: between separators or after a colon
# ("Jane's Kitchen: Ten soups").
_TITLE_PART = re.compile(r"(?:\s+(?:[|–—·•»«›‹~/\\ǀ]|//|-{1,2}|::))+\s+|:\s+")
_MAX_LOGO_WORDS = 6
# A declared name that is only a domain ("www.example-magazin.de"): a CMS default.
_DOMAIN = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}$", re.I)
# Logo pictures, whose alt text is the site's name as its readers see it.
_LOGO_IMAGES = (
    "img[alt][class*='logo' i], img[alt][src*='logo' i], [class*='logo' i] > img[alt],"
    " a[class*='logo' i] img[alt], [id*='logo' i] img[alt]"
)
_MAX_LOGO_IMAGES = 5
# "Example logo for printing", "Logo: Example", "Logo von Example", "Example-Logo": the word
# "logo" (with the preposition after it) and what follows it.
_LOGO_WORD = re.compile(
    r"^logo\b\W*(?:(?:von|of|de|du|des|der|di|del|van)\s+)?|[\s-]*\blogo\b.*$", re.I
)
# The link of a logo goes to the front page, and its alt text often says so ("zur
# Example-Startseite", "Go to homepage Example"): those words, and the preposition before them.
_FRONT_PAGE = re.compile(
    r"[\s-]*\b(?:startseite|homepage|home\s?page|page\s+d'accueil|strona\s+główna)\b[\s:-]*", re.I
)
_TO_PAGE = re.compile(
    r"^(?:zur(?:ück\s+zur)?|zu|to|go\s+to|back\s+to|retour\s+à\s+la|vers\s+la)\s+", re.I
)


def _name(value: str | None) -> str | None:
    """`value` as a site's name: without "www.", an e-mail address, a final slash or the
    bullet of a theme's title ("• Example"); `None` for a URL, a placeholder, a text too
    long to be a name or one without a letter or a digit ("...")."""
    if not value or len(value) > _MAX_NAME or "://" in value or _PLACEHOLDER.search(value):
        return None
    if "@" in value:
        value = _EMAIL.sub("", value)
    value = value.strip(_AROUND_NAME).rstrip("/").removeprefix("www.")
    return value if _LETTER_OR_DIGIT.search(value) else None


def _without_tagline(name: str, keys: list[str]) -> str:
    """ "Example Courier - News from the valley" → "Example Courier": the part naming the
    host, else the part of fewest words (a tagline is a phrase)."""
    parts = [p for p in _TAGLINE_SEPARATOR.split(name) if p.strip()]
    if len(parts) < 2:
        return name
    named = [p for p in parts if keys and is_site_part(p, keys, affix=True)]
    if named:
        return named[0].strip()
    return min(parts, key=lambda p: len(p.split())).strip()


def _same_name(a: str, b: str) -> bool:
    """Two forms of one name ("The Example Times", "Example Times"): one holds the other."""
    key_a, key_b = simplified(a), simplified(b)
    return bool(key_a and key_b) and (key_a in key_b or key_b in key_a)


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` is the initials of `name`'s words ("EKD" for "Evangelische Kirche in
    Deutschland"): the same name in short, where the declared long form is the better."""
    letters = simplified(short)
    initials = iter(word[0].casefold() for word in name.split())
    # the letters in the initials' order: each `in` goes on where the last one stopped
    return len(letters) <= len(name.split()) and all(letter in initials for letter in letters)


def publisher_name(evidence: PageEvidence) -> str | None:
    """The publishing organisation, as the page states it (JSON-LD, then `<meta>`)."""
    found = _name(text_value(evidence.article_value("publisher", "sourceOrganization")))
    if found:
        return found
    for value in evidence.meta.all("publisher", "dc.publisher", "dcterms.publisher"):
        if found := _name(value):
            return found
    return None


def site_name(evidence: PageEvidence) -> str | None:
    """The name the site declares: `og:site_name`, else the JSON-LD WebSite, the publisher
    or the web application name; without its tagline. A value that is the page's whole
    `<title>` (templates filling every field with it) names the page, not the site. A
    publisher that does not name the host, on a page whose `<title>` has a part that does,
    is not taken for the site (`None`: the fallback reads that part), nor is a declared name
    that does not (the part is)."""
    keys = site_keys(evidence, None)
    page_title = simplified(evidence.title_tag)

    def usable(value: str | None) -> str | None:
        name = _name(value)
        return name if name and simplified(name) != page_title else None

    declared = [
        *evidence.meta.all("og:site_name", "og:sitename"),
        *(text_value(node.get("name")) for node in evidence.jsonld.first_of(_WEBSITE)),
    ]
    publisher = usable(publisher_name(evidence))
    names = [name for value in declared if (name := usable(value))]
    if names and _DOMAIN.match(names[0]):
        names[0] = _instead_of_domain(evidence, names, keys) or names[0]
    if names:
        name = _without_tagline(names[0], keys)
        names_host = is_site_part(name, keys, affix=True)
        if (
            keys
            and publisher
            and not names_host
            and is_site_part(publisher, keys, affix=True)
            and not _same_name(name, publisher)
        ):
            return publisher
        if keys and not names_host:
            # A parent organisation or an old name declared for every page of the site;
            # `<title>` carries the name the site shows ("Biathlon Example" on
            # biathlon-example.it, declared "Example Committee"). The part must name the
            # domain itself (`keys[0]`): on a subdomain ("blog.example.org") the declared
            # name is the more precise one.
            for part in _title_parts(evidence):
                shown = _name(part) if is_site_part(part, keys[:1]) else None
                if shown and not _abbreviates(shown, name):
                    return shown
        return name
    if (
        publisher
        and keys
        and not is_site_part(publisher, keys, affix=True)
        and any(is_site_part(part, keys, affix=True) for part in _title_parts(evidence))
    ):
        # The site names itself in <title> ("example.de // » Jane Doe"); a publisher that
        # does not name the host is its owner: `fallback_site_name` reads <title>.
        return None
    found = publisher or usable(
        evidence.meta.first("application-name", "apple-mobile-web-app-title")
    )
    return _without_tagline(found, keys) if found else None


def _instead_of_domain(evidence: PageEvidence, names: list[str], keys: list[str]) -> str | None:
    """The name a site declared only as a domain goes by. The page's own host name
    ("sportowefakty.example.pl", a CMS default) gives way to another declared name (the
    JSON-LD WebSite's, "WP SportoweFakty"); any domain, to the alt text of the logo picture
    naming the host. A brand written as a domain and declared nowhere else ("Example.NET")
    stays."""
    domain = simplified(names[0])
    if domain == simplified(evidence.host.removeprefix("www.")):
        for other in names[1:]:
            if not _DOMAIN.match(other):
                return other
    logo = logo_name(evidence, keys)
    return logo if logo and simplified(logo) != domain else None  # not "example . d e"


def _title_parts(evidence: PageEvidence) -> list[str]:
    """The parts of `<title>` that may hold the site's name (`_TITLE_PART`)."""
    if not evidence.title_tag:
        return []
    return [part.strip() for part in _TITLE_PART.split(evidence.title_tag)]


def logo_name(evidence: PageEvidence, keys: list[str]) -> str | None:
    """The site's name in the alt text of its logo picture ("Example Haven | Lifestyle
    Blog", "Example logo"), when it names the host: a name the reader sees, where the
    host name is only an address."""
    if not keys:
        return None
    for node in evidence.tree.css(_LOGO_IMAGES)[:_MAX_LOGO_IMAGES]:
        alt = _LOGO_WORD.sub("", normalize_space(node.attributes.get("alt") or ""))
        if _FRONT_PAGE.search(alt):
            alt = _TO_PAGE.sub("", _FRONT_PAGE.sub(" ", alt).strip())
        name = _without_tagline(alt, keys) if alt else ""
        if len(name.split()) <= _MAX_LOGO_WORDS and is_site_part(name, keys, affix=True):
            return name
    return None


def fallback_site_name(evidence: PageEvidence, title: str | None) -> str | None:
    """For a page that declares no site name: a part of `<title>` naming the host
    ("Example Courier: Headline" on example-courier.com), the site-title `<h1>` of the
    theme, the part of `<title>` beside the headline, the alt text of the logo picture,
    else the host name ("example.com"), which is how readers name such a site. Each is
    cleaned as a declared name is (`_name`): a part of `<title>` may be the site's URL."""
    keys = site_keys(evidence, None)
    if keys:
        headline = simplified(title)
        for part in _title_parts(evidence):
            named = is_site_part(part, keys, affix=True)
            if named and not agrees(simplified(part), headline) and (name := _name(part)):
                return name
    logos = [text for text in evidence.logo_texts if len(text.split()) <= _MAX_LOGO_WORDS]
    return (
        _name(logos[0] if logos else None)
        or _name(site_from_title(evidence, title))
        or logo_name(evidence, keys)
        or evidence.host.removeprefix("www.")
        or None
    )
