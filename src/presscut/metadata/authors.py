"""Authors as clean names: no "By", no roles, dates, bios or duplicates.

Bylines come from JSON-LD `author` (Person or Organization, possibly via an
`@id` reference), microdata, `<meta name=author>` and friends, `rel=author`
links and byline elements, byline lines in the text, a name signed in bold
under the article's last paragraph, the agency of a wire report's dateline
("Berlin (dpa) - ...") or beside the time under the headline ("vor 3 Stunden · dpa")
and, when nothing names even an organisation, a name
printed over the date line under the headline. A company that a CMS writes into the
author field ("Example Media GmbH") is the publisher, not a byline, and a link in a
sentence or a quotation is no byline element. They are written for readers
("By Jane Doe and John Roe, Staff Writers | Updated 5 March"), so each is
split into names on commas, "and" and its equivalents in the supported
languages, and every part that is not a name (a role, a date, a URL, an
e-mail, a credential such as "PhD") is dropped. News agencies and desks ("Reuters",
"dpa") are kept: they are the byline the page gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborNode

from presscut.metadata.dateparse import find_text_date
from presscut.metadata.evidence import (
    PageEvidence,
    body_text,
    headline_texts,
    repair_text,
    text_after_headline,
    visible_lines,
    visible_text,
)
from presscut.metadata.jsonld import text_value, type_names
from presscut.metadata.patterns import alternation
from presscut.metadata.title import site_keys as site_name_keys
from presscut.segment import normalize_space

# What a byline says before the names: "By", "Von", "Posted by", "Ein Beitrag von",
# "Veröffentlicht von", "Autor:", "Interview:". A label noun ("Author", "Redaktion", "Text")
# needs a colon or a dash: without one it is part of the name ("Redaktion Polizeiticker")
# or of a heading ("Author Spotlight").
_PREFIX = re.compile(
    r"^(?:(?:(?:[\w-]+\s+){0,2}by|(?:ein(?:e[nr]?)?\s+)?(?:beitrag|artikel|text|bericht"
    r"|kommentar|gastbeitrag|interview)\s+von|(?:veröffentlicht|erstellt|geschrieben|verfasst"
    r"|gepostet|eingestellt)\s+von|(?:une?\s+)?(?:article|texte|chronique|entretien)\s+(?:de|par)"
    r"|(?:publié|écrit|rédigé)\s+par|(?:un\s+)?(?:artículo|texto|reportaje)\s+de"
    r"|(?:publicado|escrito)\s+por|(?:un\s+)?articolo\s+di|(?:pubblicato|scritto)\s+da"
    r"|(?:opublikowane|napisane)\s+przez|von|par|por|di|door|przez|written|posted)\b"
    r"|(?:autor(?:in(?:nen)?|a|e|en|zy|/in|\*in|\(in\))?|authors?|contributors?|auteur|autore"
    r"|redakcja|texte?|texto|testo|tekst"
    r"|redaktion|interview|entretien|entrevista|kolumne|kolumnist(?:in)?|chronique)"
    r"(?:\s+(?:und|&|and|et|y|e|i)\s+[\w-]+)?\s*[:\-–])"  # "Text und Fotos:"
    r"\s*[:\-–]?\s*",
    re.I,
)
# Bylines also credit people who did not write the piece: those parts are dropped.
_NOT_AUTHOR = re.compile(
    r"^(?:(?:medically|expert|clinically)\s+)?reviewed|^fact[- ]?check|^updated|^edited|^illustrat"
    r"|^photo|^video|^translat|^übersetz|^bearbeitet|^mit material|^aktualisiert|^mis à jour"
    r"|^all rights|^alle rechte|^tous droits|^todos los derechos|^no author|^kein autor",
    re.I,
)
# A copyright notice written into the author field ("Copyright Example GmbH & Co. KG - all
# rights reserved"): the owner is named after it.
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*©?\s*(?:\d{4}\s*)?", re.I)
# A company's legal form ends its name; what follows is its address or the rest of the form
# ("Example Verlag GmbH, Nürnberg, Germany", "Example GmbH & Co. KG").
_LEGAL_FORM = re.compile(
    r"\s(?:GmbH|AG|KG|e\.\s?V|SE|Ltd|Inc|LLC|S\.A|SAS|B\.V|N\.V|S\.p\.A|S\.r\.l|sp\.\s?z\s?o\.o)\.?$",
    re.I,
)
# The country ending an address written after an organisation ("Example.de, Frankfurt,
# Germany"): it and the town before it are no authors.
_COUNTRIES = frozenset(
    """
    germany deutschland austria österreich switzerland schweiz suisse svizzera france italy
    italia spain españa poland polska netherlands nederland belgium belgique luxembourg usa uk
    """.split()
)
_MIN_ADDRESS_PARTS = 3
# News agencies, whose credit a desk editor signs with lower-case initials ("det/dpa").
_AGENCIES = frozenset(
    "dpa afp ap apa sda ats kna epd sid ddp dts reuters ansa efe pap ctk mti anp belga"
    " tt ntb dpa-afx lusa".split()
)
_INITIALS = re.compile(r"^[a-zäöü]{2,4}$")
# The last word of a media company's name, which a CMS writes into the author field.
_COMPANY_WORDS = frozenset("media medien verlag verlagsgruppe mediengruppe publishing".split())
# The words that join two names of a byline, in the supported languages.
_JOINERS = "and|und|et|y|e|i|en|og|och|oraz|with|mit|avec|con|com|met"
_SPLIT = re.compile(rf"\s*(?:[,;&|/•·]|\s[-–—]\s|\s(?:{_JOINERS})\s)\s*", re.I)
# The joiners of `_SPLIT`, left at the start of a part when a parenthesis or a comma came
# first ("Jean Dupont (avec AFP)", "Por Redação, com Lusa").
_LEADING_CONJUNCTION = re.compile(rf"^(?:{_JOINERS})\s+", re.I)
# A co-credit in parentheses after the writer ("Jean Dupont (avec AFP)", "Jane Doe (with
# Reuters)"): one more part of the byline.
_WITH_IN_PARENTHESES = re.compile(r"\s*\(((?:and|und|et|y|with|mit|avec|con|com|met)\s[^()]+)\)")
# The town a writer filed from, after the names ("Reporting by Jane Doe in London and John
# Roe in Dubai"): a lower-case "in" and capitalised words end the part.
_IN_PLACE = re.compile(r"^(.+?\S)\s+in\s+[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?$")
# The town after a list of names joined by "and" ("Von Anna Schmidt und Jan Berg, Berlin"): a
# list of writers puts its last comma before the "and", so one word after a comma that
# follows it is the place the writers filed from.
_PLACE_AFTER_LIST = re.compile(
    r"\s(?:and|und|et|y|e|i|en|og|och|oraz)\s[^,]+(,\s*[A-ZÀ-ÖØ-Þ][\w'’-]+)\s*$"
)
_ROLE_WORDS = frozenset(
    """
    staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors contributing columnist columnists senior sr chief associate deputy
    managing executive freelance journalist journalists author authors editorial team
    photographer photographers producer producers analyst guest bureau director manager
    founder co-founder cofounder ceo cto coordinator specialist consultant expert attorney lawyer
    professor dietitian nutritionist physician therapist coach strategist marketer marketing
    content owner head lead president officer intern assistant fellow researcher scientist
    redakteur redakteurin korrespondent korrespondentin autor autorin redaktion journaliste
    rédacteur rédactrice envoyé envoyée spécial spéciale corresponsal redactor redactora
    periodista giornalista inviato inviata corrispondente redattore jornalista repórter
    correspondente redacteur verslaggever dziennikarz dziennikarka redaktor korespondent
    chefredakteur chefredakteurin reporterin volontär volontärin moderator moderatorin
    fotograf fotografin korrespondentin correspondante redattrice autora escritor escritora
    columnista colaborador colaboradora redactie publicist publicysta autoren autorinnen
    redazione redakcja zespół
    auteurs autores autori herausgeber herausgeberin gründer gründerin rechtsanwalt
    rechtsanwältin studio
    """.split()
)
# Words of page furniture that byline-like elements also contain ("Sign in", "Follow").
_UI_WORDS = frozenset(
    """
    by sign signin login log in out profile account my member members topic written insights from
    share follow subscribe menu home search contact people more view all posts articles read email
    print comments comment reply bluesky twitter facebook linkedin instagram youtube threads
    mastodon rss x mon tue wed thu fri sat sun am pm admin the of on at for to a an
    updated modified published posted post reputation via sponsored connect joined
    veröffentlicht aktualisiert publié publicado actualizado pubblicato aggiornato opublikowano
    zaktualizowano gepubliceerd bijgewerkt
    unknown anonymous anonym unbekannt webmaster undefined null userprofile profil benutzerprofil
    """.split()
)
# Words that are no name on their own, though a name may hold them ("Plácido Domingo"): a
# weekday printed beside the date, labels ("Stand:", "Rezept von", "Benutzername"), a
# placeholder ("Unbenannt", "publisher").
_NOT_ALONE = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag
    freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes
    miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì venerdì sabato
    domenica segunda terça quarta quinta sexta maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag poniedziałek wtorek środa czwartek piątek sobota niedziela
    stand vom mehr rezept recipe newsletter username benutzername unbenannt untitled publisher
    publikationen publications
    """.split()
)
NAME_PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin al ibn ten ter zu y e".split()
)
"""The lower-case words inside names ("Pieter de Vries", "María de la Cruz", "Anna van der
Berg"): every other word of a name is capitalised."""
_CREDENTIAL = re.compile(
    r"^(?:ph\.?\s?d|m\.?\s?d|d\.?o|r\.?n|m\.?s|m\.?a|b\.?a|b\.?s|m\.?b\.?a|r\.?d|l\.?d|"
    r"m\.?p\.?h|c\.?p\.?a|j\.?d|d\.?v\.?m|esq|jr|sr|ii|iii|iv|dipl|mba|fand|cscs|msc|bsc|rdn|"
    r"cdn|ibclc|ccc|facc|facp|faap)\.?\*?$",
    re.I,
)
# After a name, an all-capitals token is a credential ("Jane Doe, FACLM"); alone it is an
# agency ("AFP").
_CAPITALS = re.compile(r"^[A-Z]{2,6}\*?$")
# Credits for other work end the list of authors ("... Reviewed by Dr. John Roe").
_OTHER_CREDIT = re.compile(
    r"\b(?:(?:medically|expert|clinically|fact)[- ])?(?:reviewed|checked|updated|edit(?:ed|ing)"
    r"|illustrated|photographed|translated|aktualisiert|bearbeitet)\s+(?:by|von|par|por)\b.*",
    re.I,
)
# The section a byline names after the writer, in a theme that prints its labels in capitals
# ("VON Sina Giebel IN Fashion"): "IN" is no word of a name. (A lower-case "in" may be one of
# an organisation's: "Human in the Loop".)
_IN_SECTION = re.compile(r"\s+(?:IN|IM|DANS)(?:\s+\S.*)?$")
# A credit inside a sentence: "This post was written by Jane Doe, Head of Marketing".
_WRITTEN_BY = re.compile(r"\b(?:written|posted|published|authored|contributed)\s+by\s+", re.I)
# A verb means prose: a bio ("Jane Doe is a reporter who..."), cut before it.
_PROSE = re.compile(
    r"\s(?:is|was|has|have|lives|writes|covers|joined|ist|schreibt|est|écrit|es|escribe|è"
    r"|scrive|é|escreve|jest|pisze)\s",
    re.I,
)
# Not a name: URLs, e-mail, markup, template placeholders ("page.head.author").
_NOT_NAME = re.compile(
    r"https?:|www\.|@|\.(?:com|org|net)\b|[<>{}=#?!*]|^[\w-]+\.[\w-]+\.[\w.-]+$", re.I
)
# Digits only make sense in a one-word user name ("Pippin06"), not in a phrase ("5 March")
# nor in a time or date ("11:07am", "2022-11-23").
_DIGITS_IN_PHRASE = re.compile(r"\d.*\s|\s.*\d|^[^a-z]*\d|\d[:+]", re.I)
# A byline of role words only is kept when it names a collective ("Staff", "Podium Team").
_COLLECTIVE = frozenset(
    "team staff desk newsroom editors editorial redaktion rédaction redacción redazione"
    " redactie redakcja zespół redação redacção".split()
)
# Articles open phrases and collectives ("the Example Team"), not persons' names; "La", "Le",
# "El", "De" may ("La Toya", "De Niro").
_ARTICLES = frozenset("the die das der den dem".split())
_JOINER = re.compile(r"^(?:[,;&]|and|und|et|y|e|i|en|oraz)$", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# A web address of only a domain and a path ("shop.example.pl/offer", an author box's link
# text): split on its slash, its last segment would read as a name.
_BARE_URL = re.compile(r"[\w-]+(?:\.[\w-]+)+/\S*")
# The writer's social handle printed after the name ("Jane Doe @janedoe"); an e-mail address
# has its user name before the "@".
_SOCIAL_HANDLE = re.compile(r"(?<!\S)@\w+")
# The publication a writer filed for, after the name ("By Jane Doe and John Roe For The
# Sunday Example", "Jane Doe for Example Online"): no name of a writer holds "for".
_FOR_PUBLICATION = re.compile(r"\s+(?:[Ff]or|FOR|[Ff]ür)\s+\S.*$")
_LAST_FIRST = re.compile(r"^([^,]+),\s*([^,]+)$")
_MAX_NAME_CHARS = 60
_MAX_NAME_WORDS = 5
_MAX_BYLINE_CHARS = 200
_MAX_BYLINE_LINES = 6
_MIN_USERNAME_CHARS = 3
_MIN_NAME_BEFORE_ROLE = 2
# The shortest role word that ends a compound role ("Online-Redakteurin"), longer than the
# role words that are also surnames ("Head", "Lead", "Coach").
_MIN_COMPOUND_ROLE = 8
# Forum software marks the poster of each post as a "username" (phpBB, vBulletin) or a
# "user-name" (Flarum); the first one is the thread's author.
_BYLINE_SELECTOR = (
    "[rel~='author'], [class*='byline' i], [class*='author' i], [id*='byline' i],"
    " [class*='username' i], [class*='user-name' i]"
)
# Links to author pages; "/author" also matches "/authors/", "/autor" matches "/autoren/".
_AUTHOR_LINK_SELECTOR = ", ".join(
    f"a[href*='/{path}' i]"
    for path in (
        "author",
        "autor",
        "auteur",
        "people/",
        "staff/",
        "profile",
        "contributor",
        "producers/",
        "journalist",
        "writers/",
        "redaktion/",
    )
)
# Elements that are not the article's byline: pictures, sharing, comments, teasers of other
# articles ("teaser__author"), the categories a byline bar also lists, and the person a
# quotation or a customer's testimonial is by ("Quote_author", "testimonial-author"), and the
# user name field of a login or sign-up form ("login-username", "pp-form-field-wrap").
_NOT_BYLINE = re.compile(
    r"comment|avatar|image|img|photo|social|share|follow|related|widget|list|more|authori[sz]"
    r"|teaser|slider|swiper|carousel|categor|keyword|topic|\btags?\b|quote|testimonial|log-?in"
    r"|(?:^|[\s_-])form(?:[\s_-]|$)",
    re.I,
)
# Links to account pages, which author-link selectors also match ("/authorize", "/profile").
_NOT_AUTHOR_PAGE = re.compile(r"authori[sz]|account|log-?in|sign-?in|settings|register", re.I)
# Links to category and tag pages, which byline bars put beside the author ("Lifestyle"),
# and elements classed as the category, whose link may lead to a section page of any URL.
_TAXONOMY = (
    "a[href*='/tag' i], a[href*='categor' i], a[href*='/topic' i], a[href*='subject' i],"
    " a[href*='/thema' i], a[href*='/rubrik' i], a[rel~='tag'], a[rel~='category'],"
    " [class*='categor' i]"
)
_MAX_BYLINE_ELEMENTS = 12
# A byline printed as a paragraph is short ("By Jane Doe | 5 March 2024 | 4 min read"); a
# link inside a longer one is part of a sentence. Looked for a few levels up.
_MAX_BYLINE_PARAGRAPH = 200
_MAX_PROSE_LEVELS = 4
# A byline element, even an author box with a bio, is short; an element of more text whose
# class names the author is the article ("author-article"), whose first line is a rubric.
_MAX_BYLINE_ELEMENT_CHARS = 1000
# Class names of menu lists ("menu-item", "sub-menu", "nav", "navbar-nav").
_MENU = re.compile(r"menu|(?:^|[\s_-])nav(?:bar|igation)?(?:$|[\s_-])", re.I)
_MENU_WALK_STOPS = frozenset({"body", "html", "article", "main"})
_MAX_TWITTER_LABELS = 4
# Labels of a byline ("Author", "Written by:", "Article by", "Verfasst von"), alone on their
# line ("Posted by:" and "Published by:" also label comments and game publishers).
_LABEL_WORDS = (
    r"(?:(?:written|article|story|words|submitted)[ \t]+by|authors?|by|autor(?:in|a|e|en)?|auteur|autore"
    r"|verfasst von|geschrieben von|escrito por|scritto da|door|przez|contributors?[ \t]*:)[ \t]*:?"
)
_BYLINE_LABEL = re.compile(rf"^{_LABEL_WORDS}$", re.I)
# Lines starting with the first word of a byline or a label ("By", "Autor:"), found by one
# scan of the page text; the first-letter test before the case-insensitive words keeps the
# scan of a long page well under a millisecond. The indentation is matched possessively
# (`*+`): most lines of a body's text are indentation alone, which the engine would otherwise
# give back a character at a time to retry the letter test (a third of the scan's time).
_LABEL_WORDS_FIRST = (
    "by written von par por di door przez autor autorin autora autore autoren author authors"
    " auteur verfasst geschrieben escrito scritto veröffentlicht erstellt posted published"
    " gepostet eingestellt article story words text texte texto testo tekst redaktion submitted"
    " contributor contributors"
).split()
_LABEL_LINE_START = re.compile(
    r"\n[ \t]*+(?=[BbWwVvPpDdAaEeGgSsTtRrCc])(?i:"
    + alternation(_LABEL_WORDS_FIRST)
    + r")(?::|(?=[ \t\n]))[^\n]*"
)
# The next line that is not blank, after a label line.
_NEXT_LINE = re.compile(r"\s*([^\n]*)")
_MAX_BYLINE_LINE = 60
# A name line over a date line (`_name_over_date_names`), and the separators themes put
# between them on lines of their own.
_MAX_NAME_LINE = 40
_LINE_SEPARATORS = " \t|·•,"
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ]\.|[A-ZÀ-ÖØ-Þ][\w'’-]+)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|van|von|de|der|den|da|di|del|la|le|du)){{1,3}}"
# Credits naming the writer after a colon, at the end of an article as often as under its
# headline: "Text: Jane Doe", "Text und Fotos: Jane Doe", "Texte : Marie Dupont".
_CREDIT_LABEL = (
    r"(?:Text|Texte|Texto|Testo|Tekst|Redaktion)"
    r"(?:[ \t]+(?:und|&|and|et|y|e|i)[ \t]+[\w-]+)?[ \t]*:"
)
_BYLINE_WORD = (
    r"(?:[Bb]y|BY|Written by|Von|VON|Par|Por|Di|Door|Przez|Autor(?:in)?:?|Auteur\s*:"
    r"|Author\s*:|(?:Veröffentlicht|Erstellt|Geschrieben|Verfasst|Gepostet|Eingestellt)\s+von"
    rf"|(?:Posted|Published|Submitted)\s+by|{_CREDIT_LABEL})[ \t]+"
)
# A name may be followed by the town it was filed from ("by Jane Doe in London and John Roe
# in Dubai"), which `split_byline` drops.
_FILED_NAME = rf"{_NAME}(?:[ \t]+in[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+)?"
_NAMES = (
    rf"({_FILED_NAME}(?:[ \t]*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\ben\b)[ \t]*"
    rf"{_FILED_NAME})*)"
)
# "By Jane Doe and John Roe" written in the page header: capitalised names after a byline
# word, on one line (a name never runs into the next element's text).
# A lower-case "von" starts a byline only at the start of a line: inside a headline it is a
# preposition ("Eine Studie von Hans Meier").
_BYLINE_IN_TEXT = re.compile(
    rf"(?:(?:^|(?<=[\s|·•—–:-])){_BYLINE_WORD}|(?m:^)[ \t]*von[ \t]+){_NAMES}(?![\w'’-])"
)
# A line starting with a name and a role beside it, as headers print them without "By".
_NAME_THEN_ROLE = re.compile(rf"(?m)^[ \t]*({_NAME})[ \t]+[|·•][ \t]+([^\n|·•]{{1,40}})")
# A whole line that is a byline, anywhere in the page; or a byline followed by the time of
# posting ("posted by Stadler at 12:53", "Geschrieben von Cooper am 25.08.2015", "Posted by
# David at December 16, 2025", Drupal's "Submitted by Jane Doe on Fri, 12/07/2024 - 10:45"),
# where one name word is enough (the time shows the line is a credit, not a sentence).
_BYLINE_LINE = re.compile(
    rf"^(?:{_BYLINE_WORD}|(?:von|(?:posted|submitted)[ \t]+by)[ \t]+)(?:{_NAMES}[ \t]*$"
    rf"|({_NAME}|{_NAME_WORD}|[\w.-]+)[ \t]+(?:at|am|on|um|le|el|il|op|,)[ \t]+"
    r"(?:\S*\d|\w+\.?,?[ \t]+\d))"
)
# Forum software credits the thread's starter beside its title, the name after the label
# or on the next line.
_THREAD_STARTER = re.compile(
    r"(?:^|\n)[ \t]*(?:thread[ \t]+starter|started[ \t]+by)[ \t]*:?\s*([^\n]+)", re.I
)
# A name signed under the article: a paragraph holding only a name in bold, the last of its
# block, right after a paragraph of text ("<p><b>Jane Doe</b></p>"; `evidence.signatures`).
_MIN_SIGNED_TEXT = 50
_FULL_NAME = re.compile(rf"^{_NAME}$")
# What joins a second name to a first one, up to the second name's capital ("Jane Doe, John",
# "Jane Doe und Selma", "Jane Doe\n, \nDr John": each name a link of its own).
_CO_AUTHOR = re.compile(r"\s*(?:[,&]|(?:and|und|et|y|e|i|en)(?=\s))\s*[A-ZÀ-ÖØ-Þ]")
_HANDLE = re.compile(r"[._\d]|[a-z][A-Z]|^[^A-Z]*$")
_META_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "cxenseparse:author",
    "twitter:creator",
)


def _words(part: str) -> list[str]:
    return [w.casefold().strip(".,()") for w in part.split()]


def _word_parts(name: str) -> list[str]:
    """The words of `name` and the parts of its hyphenated words ("Online-Redaktion")."""
    return [part for word in _words(name) for part in word.split("-")]


def _is_role_word(word: str) -> bool:
    """A word that is a role, or a compound holding one ("Editor-in-Chief", "ARD-Studio",
    "Online-Redakteurin"). A double name of capitalised words is a surname ("Head-Smith")
    unless it ends in a long role word, which no surname is."""
    word = word.strip(".,()")
    if word.casefold() in _ROLE_WORDS:
        return True
    parts = word.split("-")
    if len(parts) < 2 or not any(p.casefold() in _ROLE_WORDS for p in parts):
        return False
    last = parts[-1].casefold()
    return not all(p.istitle() for p in parts) or (
        last in _ROLE_WORDS and len(last) >= _MIN_COMPOUND_ROLE
    )


def _without_trailing_role(part: str) -> str:
    """ "Keith Barry Senior Autos Reporter" → "Keith Barry": a capitalised name, then a role.

    A role word that only ends a collective byline ("NETGEAR Orbi Team") stays.
    """
    words = part.split()
    folded = [w.casefold().strip(".,") for w in words]
    for i in range(_MIN_NAME_BEFORE_ROLE, len(words)):
        if _is_role_word(words[i]):
            if all(w in _COLLECTIVE for w in folded[i:]):
                return part
            if all(w[:1].isupper() for w in words[:i]):
                return " ".join(words[:i])
            return part
    return part


def _without_leading_role(part: str) -> str:
    """ "Rechtsanwalt Dennis Tölle" → "Dennis Tölle": a role written before a full name, as
    a title. A collective's word stays ("Redaktion Example Schweiz" is the desk's name)."""
    words = part.split()
    folded = [w.casefold().strip(".,") for w in words]
    start = 0
    while start < len(words) and _is_role_word(words[start]) and folded[start] not in _COLLECTIVE:
        start += 1
    rest = words[start:]
    if (
        start
        and len(rest) >= _MIN_NAME_BEFORE_ROLE
        and all(w[:1].isupper() for w in rest)
        and not any(_is_role_word(w) for w in rest)
    ):
        return " ".join(rest)
    return part


def _clean_part(part: str) -> str | None:
    """One split-off piece of a byline as a name, or `None` if it is not one."""
    part = part.strip(" \t-–—:·•,.[]\"'“”«»")
    if part.startswith("(") and part.endswith(")"):
        part = part[1:-1]  # an agency in parentheses: "(dpa)"
    if _NOT_AUTHOR.search(part):
        return None
    part = _without_trailing_role(_LEADING_CONJUNCTION.sub("", _PREFIX.sub("", part)))
    part = _without_leading_role(part).strip(" -–—:,.")
    if not part or len(part) > _MAX_NAME_CHARS or _NOT_NAME.search(part):
        return None
    if _DIGITS_IN_PHRASE.search(part) or _CREDENTIAL.match(part):
        return None
    words = _words(part)
    if len(words) > _MAX_NAME_WORDS or not any(ch.isalpha() for ch in part):
        return None
    if len(words) == 1 and words[0] in _NOT_ALONE:
        return None
    if all(w in _ROLE_WORDS or w in _UI_WORDS for w in words) and words[-1] not in _COLLECTIVE:
        # "Staff Writer", "Share", "Unknown"; but "Staff", "Redaktion", "Marketing Team" are
        # bylines
        return None
    return part


def _is_role(name: str) -> bool:
    """Whether `name` holds a role word, alone or in a compound ("ZDF-Korrespondentin",
    "ARD-Studio Brüssel": the broadcaster's name joined to the role)."""
    return any(_is_role_word(w) for w in name.split())


def split_byline(byline: str) -> list[str]:
    """The names in one byline string ("By Jane Doe and John Roe, Staff Writers").

    A part with a role word ("Staff Writer", "Founder at Example") is a
    name only when it is the byline's only part ("Example Editorial Team");
    it ends the list. In a bio, the names follow "written by". A name damaged by a CMS
    that decoded UTF-8 twice ("JaroÅ\x84") or escaped it twice is repaired, as headlines are.
    """
    byline = _URL.sub(" ", byline)
    if "/" in byline:
        byline = _BARE_URL.sub(" ", byline)
    if "@" in byline:
        byline = _SOCIAL_HANDLE.sub(" ", byline)
    byline = normalize_space(repair_text(byline))
    if not byline or len(byline) > _MAX_BYLINE_CHARS or _NOT_AUTHOR.search(byline):
        return []
    byline = _COPYRIGHT.sub("", byline)
    byline = _OTHER_CREDIT.sub("", _IN_SECTION.sub("", byline))
    credit = _WRITTEN_BY.search(byline)
    if credit:
        byline = byline[credit.end() :]
    prose = _PROSE.search(byline)
    if prose:
        byline = byline[: prose.start()]
    if byline.startswith("(") and byline.endswith(")"):
        byline = byline[1:-1]  # an agency's credit in parentheses: "(ats/nxp)"
    names: list[str] = []
    unprefixed = _PREFIX.sub("", byline)
    if unprefixed != byline:  # a printed byline: "By Jane Doe for The Sunday Example"
        unprefixed = _FOR_PUBLICATION.sub("", unprefixed)
    unprefixed = _WITH_IN_PARENTHESES.sub(r", \1", unprefixed)
    place = _PLACE_AFTER_LIST.search(unprefixed)
    if place and place[1].strip(" ,").casefold() not in _AGENCIES:
        unprefixed = unprefixed[: place.start(1)]
    for part in _SPLIT.split(unprefixed):
        if names and _is_role(part):
            break  # what follows a role describes it ("Head of Marketing and Sales")
        name = _clean_part(part)
        if name:
            name = _IN_PLACE.sub(r"\1", name)
        if name and not (names and _CAPITALS.match(name) and name.casefold() not in _AGENCIES):
            names.append(name)
            if _LEGAL_FORM.search(name):
                break
    if len(names) >= _MIN_ADDRESS_PARTS and names[-1].casefold() in _COUNTRIES:
        names = names[:-2]
    if len(names) > 1:
        names = [n for n in names if not _is_role(n)]
    if len(names) > 1 and any(n.casefold() in _AGENCIES for n in names):
        # the initials of the desk editor beside the agency ("det/dpa", "ats/nxp")
        names = [n for n in names if not _INITIALS.match(n) or n.casefold() in _AGENCIES]
    return names


def _looks_like_person(name: str) -> bool:
    """Stricter test for names read from page text: capitalised words, or one user name."""
    words = name.split()
    if len(words) > 1 and words[0].casefold() in _ARTICLES:
        if _words(name)[-1] not in _COLLECTIVE:
            return False  # a phrase ("Die Hälfte der Fälle"), not a name
        # "By the Lavazza Team": a collective byline often keeps its article.
        words = words[1:]
        name = " ".join(words)
    if len(words) == 1:
        return len(name) >= _MIN_USERNAME_CHARS and name.casefold() not in _UI_WORDS
    if any(w.casefold() in _UI_WORDS for w in words):
        return False
    if _is_role(name):
        return bool(_COLLECTIVE & set(_words(name)))
    return all(w[0].isupper() or w.casefold() in NAME_PARTICLES for w in words if w[0].isalpha())


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _unique(names: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = _key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


_ORGANIZATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "localbusiness", "website"}
)


def _jsonld_names(evidence: PageEvidence, value: Any) -> tuple[list[str], list[str], bool]:
    """(person names, organisation names, whether every person is typed `Person`) of a
    JSON-LD `author` value."""
    items = value if isinstance(value, list) else [value]
    people: list[str] = []
    organisations: list[str] = []
    typed = True
    for item in items:
        item = evidence.jsonld.resolve(item)
        if isinstance(item, dict):
            name = text_value(item.get("name"))
            types = type_names(item)
            target = organisations if types & _ORGANIZATION_TYPES else people
            typed = typed and (bool(types & _ORGANIZATION_TYPES) or "person" in types)
        else:
            name, target, typed = text_value(item), people, False
        if name:
            target.extend(split_byline(name))
    return people, organisations, typed and bool(people)


def _meta_names(evidence: PageEvidence) -> list[str]:
    names = []
    for value in evidence.meta.all(*_META_KEYS):
        names.extend(split_byline(value))
    for value in evidence.meta.all("citation_author"):
        # Scholarly metadata writes one author per tag, as "Last, First".
        match = _LAST_FIRST.match(value)
        names.extend(split_byline(f"{match[2]} {match[1]}" if match else value))
    return names


def _in_menu(node: LexborNode) -> bool:
    """Whether `node` is in the site's navigation: a `<nav>`, a list classed as a menu, or
    a list item inside another one (a submenu).

    Menus link to people and staff pages ("Faculty", "Meet Our Staff", "Autoren &
    Herausgeber"); the walk stops at the article, whose own lists may hold its byline.
    """
    in_item = False
    parent = node.parent
    while parent is not None and parent.tag not in _MENU_WALK_STOPS:
        tag = parent.tag
        if tag == "nav" or parent.attributes.get("role") == "navigation":
            return True
        if tag in ("li", "ul", "ol"):
            attrs = parent.attributes
            if _MENU.search(" ".join(filter(None, (attrs.get("class"), attrs.get("id"))))):
                return True
            if tag == "li":
                if in_item:
                    return True
                in_item = True
        parent = parent.parent
    return False


def _element_names(evidence: PageEvidence, selector: str) -> list[str]:
    """Names in the first short element matching `selector` that holds any."""
    for node in evidence.tree.css(selector)[:_MAX_BYLINE_ELEMENTS]:
        attrs = node.attributes
        if _in_menu(node):
            continue
        if _NOT_BYLINE.search(" ".join(filter(None, (attrs.get("class"), attrs.get("id"))))):
            continue
        if _NOT_AUTHOR_PAGE.search(attrs.get("href") or "") or _quoted_or_in_prose(node):
            continue
        lines = visible_lines(node)
        if sum(len(line.strip()) for line in lines) > _MAX_BYLINE_ELEMENT_CHARS:
            continue
        taxonomy = {item.text(deep=True).strip() for item in node.css(_TAXONOMY)}
        if taxonomy:
            lines = [line for line in lines if line.strip() not in taxonomy]
        names = _names_in_lines(lines)
        if names:
            return names
    return []


def _quoted_or_in_prose(node: LexborNode) -> bool:
    """Whether `node` is in a quotation or a paragraph of running text: a link in a sentence
    ("a chat with her", to a magazine's staff page) or the signature of a quote is no
    byline of the page."""
    parent = node.parent
    for _ in range(_MAX_PROSE_LEVELS):
        if parent is None:
            return False
        if parent.tag == "blockquote":
            return True
        if parent.tag == "p":
            return len(parent.text(deep=True)) > _MAX_BYLINE_PARAGRAPH
        parent = parent.parent
    return False


def _names_in_lines(lines: list[str]) -> list[str]:
    """Names from the text lines of a byline element: the first run of names.

    Names on consecutive lines count only when joined by "," or "and" (one
    link per author); whatever follows the run (a role, a date, a post
    count) is not read. When a line is a byline label ("By", "Autor:"), the
    run starts after it: what comes before is a rubric ("Guide").
    """
    lines = [line.strip() for line in lines[: _MAX_BYLINE_LINES * 4]]
    lines = [line for line in lines if line]
    labels = [i for i, line in enumerate(lines) if _BYLINE_LABEL.match(line)]
    if labels and labels[0] + 1 < len(lines):
        lines = lines[labels[0] + 1 :]
    names: list[str] = []
    joined = False
    for line in lines[: _MAX_BYLINE_LINES * 2]:
        if names and _JOINER.match(line):
            joined = True
            continue
        # a line opening with a joiner joins the name after it ("Jean Dupont" then "avec AFP")
        joined = joined or bool(names and _LEADING_CONJUNCTION.match(line))
        found = [n for n in split_byline(line) if _looks_like_person(n)]
        if names and not (found and joined):
            break
        names.extend(found)
        joined = False
    return names


def _header_names(evidence: PageEvidence) -> list[str]:
    """Names in a "By ..." phrase of the text around the headline, but not of the headline
    itself ("Solar Panel Installation: Step by Step Guide"), or a name line whose next part
    is a role ("Jane Doe | Senior Writer | July 2, 2025")."""
    node = evidence.headline_node
    headline = visible_text(node) if node is not None else ""
    for text in headline_texts(evidence):
        for match in _BYLINE_IN_TEXT.finditer(text):
            if headline and normalize_space(match[0]) in headline:
                continue
            names = [n for n in split_byline(match[1]) if _looks_like_person(n)]
            if names:
                return names
        for match in _NAME_THEN_ROLE.finditer(text):
            if _is_role(match[2]) and _looks_like_person(match[1]):
                return [match[1]]
    return []


def _name_over_date_names(evidence: PageEvidence) -> list[str]:
    """A name alone on its line under the headline, right above the date line ("Benni" then
    "10. September 2017", "HansEhrlich" then "17.10.2019, 13:56 Uhr"): blog and forum
    themes print the writer so, without "By".

    A last resort, read from the headline on (above it, a rubric stands over the date as
    often), and only a full name, a user name or a name after a byline word ("Posted by
    Konstantin"): one plain word over a date is as often a category or a product
    ("Security", "Sweat"). A name credited for something else on the line before
    ("Reviewed by") is not the writer.
    """
    node = evidence.headline_node
    headline = visible_text(node) if node is not None else ""
    for text in headline_texts(evidence):
        at = text.find(headline) if headline else -1
        lines = [line.strip() for line in text[at + len(headline) if at >= 0 else 0 :].split("\n")]
        lines = [line for line in lines if line.strip(_LINE_SEPARATORS)]
        for previous, line, following in zip(["", *lines], lines, lines[1:], strict=False):
            if len(line) > _MAX_NAME_LINE or line in headline or _NOT_AUTHOR.search(previous):
                continue  # (the headline's own lines: a theme may break it in two)
            date = find_text_date(following)
            if date is None or date[0] > 0:
                continue
            names = [n for n in split_byline(line) if _looks_like_person(n)]
            # a byline word makes one plain word a name ("Posted by Konstantin")
            credited = _PREFIX.match(line) is not None
            if len(names) == 1 and (credited or " " in names[0] or _is_handle(names[0])):
                return names
    return []


def _thread_starter_names(evidence: PageEvidence) -> list[str]:
    """The poster who started a forum thread, as credited under its title ("Thread
    starter", "Started by"): on a later page of the thread, or when a reply is pinned first,
    the first post's author (microdata, byline elements) is someone else."""
    for text in headline_texts(evidence):
        match = _THREAD_STARTER.search(text)
        if match:
            return [n for n in split_byline(match[1]) if _looks_like_person(n)][:1]
    return []


def _twitter_label_names(evidence: PageEvidence) -> list[str]:
    """Yoast-style `twitter:label1` "Written by" with the name in `twitter:data1`."""
    meta = evidence.meta
    for index in range(1, _MAX_TWITTER_LABELS + 1):
        label = meta.first(f"twitter:label{index}")
        if label and _BYLINE_LABEL.match(label):
            return split_byline(meta.first(f"twitter:data{index}") or "")
    return []


def _page_byline_names(evidence: PageEvidence) -> list[str]:
    """A line of the page that is a byline ("By Jane Doe"), or a label line ("Author")
    followed by a name line: the last resort. Only the text from the headline on is
    read when there is one: above it, menus say "By Topic"."""
    after = text_after_headline(evidence)
    if after is not None:
        names = _byline_line_names(after)
        if names:
            return names
    body = body_text(evidence)
    if body is None:
        return []
    if evidence.h1s and after is not None:
        start = body.find(evidence.h1s[0])
        if start < 0:
            return []
        body = body[start:]
    return _byline_line_names(body)


def _byline_line_names(text: str) -> list[str]:
    """The names of the first byline line of `text` (see `_page_byline_names`)."""
    text = "\n" + text  # every line, the first too, starts after a line break
    for match in _LABEL_LINE_START.finditer(text):
        line = match[0].strip()
        if len(line) > _MAX_BYLINE_LINE:
            continue
        if _BYLINE_LABEL.match(line):
            following = _NEXT_LINE.match(text, match.end())
            candidate = following[1].strip() if following else ""
            if line[0].islower() and not candidate[:1].isupper():
                continue  # "by" then "handler": a sentence broken by inline code
        else:
            byline = _BYLINE_LINE.match(line)
            candidate = (byline[1] or byline[2]) if byline else ""
        names = [n for n in split_byline(candidate) if _looks_like_person(n)]
        if names:
            return names
    return []


# The agency credited in the dateline that opens a report ("Berlin (dpa) - ...",
# "WASHINGTON (AP) — ...", "25. Januar 2022 (DJV/FWR) Berlin"): the byline of wire copy. An
# agency's short name is in capitals or in lower case; a capitalised word in parentheses is a
# place ("Rostow (Russland) -").
_DATELINE_AGENCY = re.compile(
    r"(?m)^[ \t]*(?:[^\n()]{0,40}?[ \t])?\(([a-z][a-z/-]{1,9}|[A-Z][A-Z/-]{1,9})\)"
    r"[ \t]*(?:\.?[-–—:][ \t]|[A-Z])"  # (Spanish wire copy: "Madrid, 7 dic (EFE).- ...")
)
_MAX_DATELINE_TEXT = 600
# A news agency credited beside the time on a short line under the headline ("vor 3 Stunden
# · dpa", "12:30 | AFP", "07.12.2025 - Reuters"); a picture's credit line ("Foto: dpa", "Getty
# Images / AFP") names the photographer's agency instead. (An agency's name alone on a line
# was measured too: on the dev pages it adds a credit the readers' labels leave out.)
_AGENCY_LINE_PARTS = re.compile(r"\s*(?:[|·•,/]|\s[-–—]\s)\s*")
_PICTURE_CREDIT = re.compile(r"foto|photo|bild|image|imago|getty|picture|©|\(c\)|credit", re.I)
_MAX_AGENCY_LINE = 50
_AGENCY_LINE_TEXT = 300


def _dateline_agency_names(evidence: PageEvidence) -> list[str]:
    """The agencies in the dateline of the article's first lines (`_DATELINE_AGENCY`): the
    last resort, for wire copy that has no other byline."""
    after = text_after_headline(evidence)
    if not after:
        return []
    match = _DATELINE_AGENCY.search(after[:_MAX_DATELINE_TEXT])
    # "DJV/FWR": two agencies, each a short name in capitals (no credential after a name)
    return [part for part in match[1].split("/") if part] if match else []


def _agency_line_names(evidence: PageEvidence) -> list[str]:
    """The agencies named beside the time on a short line under the headline
    (`_AGENCY_LINE_PARTS`): the last resort, for wire copy credited without a dateline. Only
    an agency's own short name, written as agencies write it ("dpa", "AFP", "Reuters"),
    counts."""
    after = text_after_headline(evidence)
    if not after:
        return []
    for line in after[:_AGENCY_LINE_TEXT].split("\n"):
        line = line.strip()
        if len(line) > _MAX_AGENCY_LINE or _PICTURE_CREDIT.search(line):
            continue
        if not any(ch.isdigit() for ch in line):
            continue  # no time beside it
        found = [
            part
            for part in _AGENCY_LINE_PARTS.split(line)
            if part.casefold() in _AGENCIES and (part.islower() or part.isupper() or part.istitle())
        ]
        if found:
            return found
    return []


def _signature_names(evidence: PageEvidence) -> list[str]:
    """A writer's name signed in bold at the end of the article: the last resort, since
    nothing but its place and its emphasis shows it is a credit (news sites and magazines
    sign reports so, "Stefan Wasmer" under the last paragraph)."""
    for node in evidence.signatures:
        paragraph = node.parent
        if paragraph is None or paragraph.tag != "p" or node.css_first("a") is not None:
            continue
        text = normalize_space(paragraph.text(deep=True))
        if normalize_space(node.text(deep=True)) != text or not _FULL_NAME.match(text):
            continue
        previous = _element_sibling(paragraph.prev, backwards=True)
        if _element_sibling(paragraph.next, backwards=False) is not None or previous is None:
            continue
        if previous.tag != "p" or len(previous.text(deep=True)) < _MIN_SIGNED_TEXT:
            continue
        if _looks_like_person(text):
            return [text]
    return []


def _element_sibling(node: LexborNode | None, *, backwards: bool) -> LexborNode | None:
    """`node` or the first element after it (before it, `backwards`), skipping text and
    comments."""
    while node is not None and node.tag in ("-text", "-comment"):
        node = node.prev if backwards else node.next
    return node


def _with_co_authors(
    evidence: PageEvidence, names: tuple[str, ...], site_keys: set[str]
) -> tuple[str, ...]:
    """`names` from a machine-readable source, or the byline the reader sees when that one
    names the same writer and co-authors ("Written by Dr Jane Doe, Dr John Roe"): SEO plugins
    write a single author into JSON-LD and `<meta name=author>` whatever the byline says.

    Only a single name next to a joiner ("Jane Doe," "Jane Doe und") in the text around the
    headline is checked, so that pages without co-authors pay a string search.
    """
    if len(names) != 1 or not any(
        _named_with_others(text, names[0]) for text in headline_texts(evidence)
    ):
        return names
    key = _key(names[0])
    for source in (_byline_element_names, _page_byline_names):
        # the site and a desk named beside the writers are no co-authors ("Jane Doe, Global Desk")
        shown = tuple(
            n
            for n in _unique(source(evidence))
            if _key(n) not in site_keys and not _COLLECTIVE.intersection(_word_parts(n))
        )
        # a shown name may carry a title the machine-readable one lacks ("Dr Jane Doe")
        if len(shown) > 1 and any(_key(n).endswith(key) for n in shown):
            return shown
    return names


def _named_with_others(text: str, name: str) -> bool:
    """Whether `name` appears in `text` followed by a joiner and a capitalised word."""
    start = text.find(name)
    return start >= 0 and bool(_CO_AUTHOR.match(text, start + len(name)))


def _byline_element_names(evidence: PageEvidence) -> list[str]:
    return _element_names(evidence, _BYLINE_SELECTOR)


def _names_the_host(name: str, host_keys: list[str]) -> bool:
    """Whether a machine-readable author is the site named by its host: one word that is
    the host's name ("Reolink" on reolink.com: a brand's CMS names it as every page's
    author), or the host's name with more words ("EFC Example Bembel" on
    example-bembel.de: a club's or a company's name). Two words that are the host's name
    ("Jane Doe" on janedoe.com) are a person's own site, and a host name that only starts
    a name's words ("Jeff T. Kaufman" on jefftk.com) abbreviates it."""
    words = [_key(word) for word in name.split()]
    if len(words) == 1:
        return words[0] in host_keys
    return any(
        "".join(words[start:end]) in host_keys
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
        if end - start < len(words)
    )


def _is_company(name: str) -> bool:
    """A company named as the author by the CMS ("Example Media Deutschland GmbH", "Example
    Polska Media"): the publisher's legal or trade name, which no byline prints."""
    words = _words(name)
    return bool(_LEGAL_FORM.search(name)) or (len(words) > 1 and words[-1] in _COMPANY_WORDS)


def _is_handle(name: str) -> bool:
    """A user name rather than a person's name: one word written as no name is, with a dot,
    an underscore, a digit, a capital inside it or no capital at all ("andrew.keaveney",
    "KatieS"); "Reuters" and "AFP" are names."""
    name = name.strip()
    return " " not in name and bool(_HANDLE.search(name))


def _without_desks(names: tuple[str, ...]) -> tuple[str, ...]:
    """`names` without a desk credited beside a writer ("Jane Doe, Redaktion"): the
    writer is the byline, the desk only stands for the publication."""
    if len(names) < 2:
        return names
    writers = tuple(n for n in names if not all(w in _COLLECTIVE for w in _word_parts(n)))
    return writers or names


def find_authors(
    evidence: PageEvidence, site_names: tuple[str | None, ...] = ()
) -> tuple[str, ...]:
    """The page's authors, from its most reliable source that names a person.

    An organisation named as author (often the publisher itself, filled in by
    the CMS) is kept only when no source names a person: a visible "By Jane
    Doe" is the better answer than "Example Media". The site's own name (as
    declared, or its host name: "Example.com") is dropped from a list that also
    has people in it. A machine-readable source naming only accounts ("jdoe")
    gives way to a byline element that shows a full name.
    """
    host = evidence.host
    site_keys = {_key(n) for n in (*site_names, host, host.removeprefix("www.")) if n}
    host_keys = site_name_keys(evidence, None)  # the names the host gives
    jsonld_author = evidence.article_value("author", "creator")
    people, organisations, typed = (
        _jsonld_names(evidence, jsonld_author) if jsonld_author else ([], [], False)
    )
    publisher = evidence.article_value("publisher")
    if typed and not (isinstance(publisher, dict) and type_names(publisher) & _ORGANIZATION_TYPES):
        # A `Person` named like the site, on a site that no organisation publishes, is
        # the author of a personal site ("Jane Doe" on Jane Doe's blog).
        return _with_co_authors(evidence, _without_desks(_unique(people)), site_keys)
    # (whether the source is machine-readable, the source)
    sources: tuple[tuple[bool, Callable[[], list[str]]], ...] = (
        (True, lambda: people),
        (False, lambda: _thread_starter_names(evidence)),
        (True, lambda: [n for v in evidence.microdata.get("author", []) for n in split_byline(v)]),
        (True, lambda: _meta_names(evidence)),
        (False, lambda: _byline_element_names(evidence)),
        (False, lambda: _element_names(evidence, _AUTHOR_LINK_SELECTOR)),
        (True, lambda: _twitter_label_names(evidence)),
        (False, lambda: _header_names(evidence)),
        (False, lambda: _page_byline_names(evidence)),
        (False, lambda: _signature_names(evidence)),
        (False, lambda: _dateline_agency_names(evidence)),
        (False, lambda: _agency_line_names(evidence)),
    )
    fallback: tuple[str, ...] = _unique(organisations)
    for machine_readable, source in sources:
        names = _unique(source())
        if not names:
            continue
        persons = _without_desks(
            tuple(
                n
                for n in names
                if _key(n) not in site_keys
                and not (machine_readable and (_names_the_host(n, host_keys) or _is_company(n)))
            )
        )
        if persons and machine_readable and all(_is_handle(n) for n in persons):
            # An account name filled in by the CMS ("jdoe", "KatieS"): the byline the reader
            # sees names the writer ("Jane Doe").
            shown = [n for n in _byline_element_names(evidence) if " " in n.strip()]
            if shown:
                return _unique(shown)
        if persons:
            return _with_co_authors(evidence, persons, site_keys) if machine_readable else persons
        if machine_readable:
            # a company the CMS names as the author is the publisher, not a byline
            names = tuple(n for n in names if not _is_company(n))
        fallback = fallback or names
    # A name over the date line is the last resort of all: an organisation named as the
    # author is the better answer than a rubric printed the same way ("HR Strategy").
    return fallback or _unique(_name_over_date_names(evidence))
