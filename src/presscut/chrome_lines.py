"""Lines that are chrome wherever they stand: what a line says when it is only a label.

A segment the content model keeps can still be a line that only a widget,
an ad slot, a picture or the page's metadata put there: "ADVERTISEMENT",
"Share this:", "5 min read", "Photo: Jane Doe/Reuters", "Also read: …",
"By Jane Doe", "Updated 2 hours ago". Such a line says the same on every
site, so it is recognised here by its words alone, in the languages of the
datasets (en, de, fr, es, it, pt, nl, pl), and `standalone_line_reason`
names it with the reason `Article.removed` gives. Every pattern matches the
*whole* line (a story sentence that starts alike, "Share prices fell",
stays), and only lines short enough to be labels are tried.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from presscut.text.byline import byline_authors, dateline_date


def ascii_folding(pattern: re.Pattern[str]) -> Callable[..., re.Match[str] | None]:
    """`pattern.match` for a case-insensitive pattern written in lower case, twice as fast on
    ASCII text: there, ignoring case is matching the lower-cased text case-sensitively, and
    a case-sensitive regular expression tries a long alternation in half the time. The match
    takes the text lower-cased as a second argument when the caller has it already."""
    literal = re.sub(r"\\.|\(\?P", "", pattern.pattern)  # without escapes and named groups
    if literal != literal.lower():
        raise ValueError("the pattern must be written in lower case")
    sensitive = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def match(text: str, lower: str | None = None) -> re.Match[str] | None:
        if not text.isascii():
            return pattern.match(text)
        return sensitive.match(text.lower() if lower is None else lower)

    return match


# A caption (or a short line) that only credits the picture or names the
# source ("Credit: Serious Eats", "(Image credit: Wareable)", "Foto: dpa",
# "Jane Doe | Getty Images", "© 2019 Jon Norris") says nothing of the story:
# it is the credit line text mode removes as `photo_credit`. The patterns
# want a credit word *as a label* (followed by a colon or "by"), so that a
# caption about a photo ("Photo of the new bridge at night") or a line
# beginning with "Source code" stays. A paragraph that is only a byline ("By
# Jane Doe") or a date line ("Updated: 10/31/2024") is metadata, read by
# `presscut.metadata`, not body: text mode's own tests for them decide
# (`presscut.text.byline`). On the dev splits' out-of-fold scores, cutting
# date lines raised the objective by 0.0008 and bylines left it unchanged;
# cutting "Also read: …" lines (below) by 0.0003, although WCXB's labels keep
# about half of them.
_CREDIT_MAX_WORDS = 12
_PICTURE = (
    r"(?:photo(?:graph)?s?|images?|pictures?|pics?|fotos?|fotografie|bild(?:er)?"
    r"|illustrations?|zdj[eę]cie|kuva|titel(?:bild|foto)|beitragsbild)"
)
_CREDIT_LABEL = re.compile(
    r"^\W*(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}|:)|fot\.\s"
    rf"|(?:(?:{_PICTURE}|video|cover|header|featured)\s+)?(?:credits?|cr[ée]dits?)"
    rf"(?:\s+{_PICTURE})?\s*(?::|by\b|$)"
    rf"|(?:{_PICTURE}\s+)?courtesy\s+of\b|{_PICTURE}\s+courtesy\b|courtesy\s*:"
    r"|(?:source|sources|quelle|fuente|fonte|źródło)\s*:"
    rf"|{_PICTURE}\s*(?::|by\b|von\b|par\b|por\b|di\b|via\b))",
    re.IGNORECASE,
)
_match_credit_label = ascii_folding(_CREDIT_LABEL)
_AGENCY_CREDIT = re.compile(
    r"(?:[|/]\s*|^\W*)(?:getty(?: images)?|shutterstock|istock(?:photo)?|reuters|afp|dpa|ap photo"
    r"|epa|alamy|unsplash|pexels|adobe stock)\W*$",
    re.IGNORECASE,
)


def is_credit_line(text: str) -> bool:
    """Whether `text` is a picture credit or a source line and nothing else."""
    return len(text.split()) <= _CREDIT_MAX_WORDS and _credits(text)


def _credits(text: str, lower: str | None = None) -> bool:
    """`is_credit_line` for a text known to be short enough (`lower`: see `ascii_folding`)."""
    if _match_credit_label(text, lower):
        return True
    # An agency credit starts the text or follows a "|" or "/": without either, trying
    # the start alone finds the same (and costs a fraction of a search).
    if "|" in text or "/" in text:
        return _AGENCY_CREDIT.search(text) is not None
    return _AGENCY_CREDIT.match(text) is not None


# The labels that name other stories (rather than "read" or "see" something).
_OTHER_STORIES = (
    r"related(?: reading| reads| stories| story| articles| article| posts?| content)?"
    r"|lesen sie (?:auch|mehr)(?: die (?:folgenden )?(?:beiträge|artikel))?"
    r"|(?:mehr )?zum thema|auch interessant|das (?:thema )?könnte (?:sie|dich) (?:auch )?interessieren"
    r"|ähnliche (?:artikel|beiträge)|verwandte (?:artikel|beiträge)"
    r"|(?:à )?lire aussi|sur le même sujet|lee también|lea también"
    r"|(?:también )?te puede interesar|noticias? relacionadas?|leggi anche"
    r"|potrebbe interessarti|leia também|czytaj (?:też|także)|zobacz (?:też|także)|lees ook"
)
# "Also read: <headline>", "Lesen Sie auch: …", "Don't miss: …": a link to another story
# set inside this one, whose label says so (with a colon or an arrow after it).
_RELATED_LABEL = re.compile(
    r"^\W*(?:also read|also check(?: out)?|read more|read also|more reading|recommended reading"
    r"|more on (?:the|this) (?:topic|story)"
    r"|see also|leer más"
    r"|ver también|(?:à )?voir aussi|mehr dazu|leia mais|czytaj więcej"
    r"|don['’]?t miss|must[- ]read|nicht verpassen|à ne pas manquer|no te pierdas"
    r"|da non perdere|não perca|nie przegap|mis (?:dit )?niet"
    rf"|{_OTHER_STORIES})\s*[:：>»|-]",
    re.IGNORECASE,
)
RELATED_MAX_WORDS = 25
# Such a label on a line of its own ("Te puede interesar", "Mehr zum Thema",
# "Related articles"), or the title of a teaser box ("You might also like", "Most
# read", "More from the Courier"), heads a box of links to other stories; when the
# box's class names do not say so, the label does, and the links under it go with
# it. Not "Read more" (mostly a teaser's button) nor "See also" and "Further
# reading" (sections of a reference page, which the labels keep). The box titles
# stay out of the "Label: …" pattern above ("Recommended: …" opens a line of a
# buyer's guide).
_TEASER_BOX_TITLES = (
    r"(?:(?:more|other) (?:articles|posts|stories) )?you (?:may|might) (?:also )?(?:like|enjoy)"
    r"|recommended (?:for you|stories|articles)"
    r"|most (?:read|popular|viewed|shared)(?: stories| articles)?|trending(?: now| stories)?"
    r"|don'?t miss|editor'?s'? picks|more from [\w'’ .&-]{1,40}|more on this (?:story|topic)"
    r"|read next|up next|top stories|in other news|meistgelesen(?:e artikel)?"
    r"|les plus lus|lo más leído|más noticias"
)
RELATED_HEADING = re.compile(rf"^\W*(?:{_OTHER_STORIES}|{_TEASER_BOX_TITLES})\W*$", re.IGNORECASE)
# Whole lines that ad slots, share widgets and counters, the article's tools (players,
# print and save buttons, gallery counters, reading time, rating stars, the placeholders
# of parts loaded by script), relative dates, tag labels, comment links, paywalls and
# teaser links leave in the story ("ADVERTISEMENT", "Story continues below
# advertisement", "Weiterlesen nach der Anzeige", "Share this:", "Like this:",
# "Loading...", "Follow us on Twitter @…", "(Visited 1,902 times, 364 visits today)",
# "Listen to this article", "5 min read", "Image 1 of 12", "Print", "Rate this article",
# "Loading paragraph...", "Updated 2 hours ago", "Tags: …", "Comments (12)", "La suite
# est réservée aux abonnés", "Read more").
# One pattern per reason, tried in this order; all are matched at once, as the named
# groups of a single regular expression (`_WIDGET_LINE`).
_WIDGET_LINES: tuple[tuple[str, str], ...] = (
    (
        "advertisement",
        r"advertisements?|advertising|sponsored(?: content)?|paid content|anzeige|werbung"
        r"|publicité|publicidad|pubblicità|publicidade|reklama|advertentie"
        r"|(?:skip|report this) (?:advertisement|ad)"
        r"|(?:advertisement\W+)?(?:continue reading below|scroll to continue(?: with content)?)"
        r"|(?:the )?(?:story|article) continues (?:below|after)(?: this)?"
        r"(?: (?:advertisement|ad))?|continue reading (?:the main story|below)"
        r"|weiterlesen nach der anzeige|(?:lire )?la suite après (?:cette|la) publicité"
        r"|(?:sponsored|presented|brought to you) by [\w&.'’ -]{1,40}",
    ),
    (
        "share",
        r"share this(?: article| story| post)?|like this|loading|\d[\d,.]*k? (?:likes?|views)"
        r"|visited [\d,.]+ times?(?:\W+[\d,.]+ visits? today)?|(?:views|aufrufe)\W+[\d,.]+k?"
        r"|(?:share|teilen|partager|compartir|condividi)(?: (?:on|via|auf|sur|en|su)"
        r" (?:facebook|twitter|x|whatsapp|e-?mail|linkedin|pinterest|telegram|reddit))?"
        r"|(?:artikel|beitrag) teilen|partager cet article|compartir (?:este artículo|esta noticia)"
        r"|follow (?:us|[\w.' -]{1,40}) on (?:twitter|x|facebook|instagram|linkedin|tiktok"
        r"|youtube|threads|google news|bluesky)\b.*|join our whatsapp channel"
        r"|click to (?:share|email|print)(?: on| this)?[\w ]{0,20}(?:\(opens in new window\))?",
    ),
    (
        "tools",
        r"(?:listen to (?:this|the) (?:article|story)|artikel (?:anhören|vorlesen lassen)"
        r"|écouter (?:cet |l')article|escuchar (?:este )?artículo|ascolta l'articolo)"
        r"(?:\W+\d+(?::\d\d)? min(?:utes?)?)?"
        r"|(?:reading time|lesezeit|temps de lecture|tiempo de lectura)\W+\d+ min\w*\.?"
        r"|\d+ min(?:ute)?s? read|(?:image|photo|picture|slide|bild|foto) \d+ (?:of|von|de|sur|di) \d+"
        r"|\d{1,3} / \d{1,3}|enlarge this image|(?:toggle|hide|show) caption"
        r"|(?:click|tap) to enlarge|(?:zum vergrößern )?(?:auf das bild )?klicken(?: zum vergrößern)?"
        r"|bild (?:anzeigen|vergrößern|schließen)|vergrößern|cliquez pour agrandir|agrandir"
        r"|(?:view|open) (?:the )?gallery(?: \(\d+ (?:photos|images|pictures)\))?"
        r"|print(?: this)?(?: article| page| story)?|e-?mail(?: this)?(?: article| story)?"
        r"|save(?: article| story| for later)?|bookmark|gift(?: this)? article|copy link"
        r"|link copied|(?:text|font) size|read in (?:the )?app|(?:get|download) (?:the|our) app"
        r"|back to top|skip to (?:main )?content|zur merkliste hinzufügen|merken|drucken"
        r"|imprimer|imprimir|add to (?:favorites|favourites|reading list)|close|schließen"
        r"|fermer|cerrar|play video|watch(?: video| now)?|listen(?: now)?"
        r"|(?:video|audio)\W+\d{1,2}:\d\d|pinned post|key events?|show key events only"
        r"|(?:show|load) (?:more|all)(?: updates| posts)?|see all updates|newest first|oldest first"
        r"|\d+ new (?:updates?|posts?)|expand|collapse"
        r"|loading(?: [\w-]+){1,2}(?:\.\.\.|…)|(?:no ratings yet|noch keine bewertungen)(?:\W+loading)?"
        r"|(?:click to )?rate this (?:post|article|story|recipe|page)",
    ),
    (
        "dateline",
        r"(?:(?:updated|published|posted)\s+)?\d{1,2} (?:minutes?|mins?|hours?|hrs?|days?) ago"
        r"|(?:updated|published|posted)(?: at|:)?\s+\d{1,2}[.:]\d\d(?:\s*[ap]\.?m\.?)?"
        r"(?:\s+[a-z]{2,4})?",
    ),
    (
        "tags",
        r"(?:tags?|topics?|filed under|categor(?:y|ies)|schlagwörter|themen|mots-clés"
        r"|etiquetas|temas)\s*:.*|tags|topics",
    ),
    (
        "comments",
        r"(?:jump to|show|view|read(?: all)?(?: \d+)?) comments|comments \(\d+\)"
        r"|kommentare \(\d+\)|commentaires \(\d+\)|comentarios \(\d+\)",
    ),
    (
        "paywall",
        r"log ?in|sign in|anmelden|se connecter|iniciar sesión"
        r"|this (?:article|story|content) is (?:for|available to) subscribers only"
        r"|(?:cet article|ce contenu|la suite) est réservée? aux abonnés"
        r"|dieser (?:artikel|beitrag) ist nur für abonnenten(?: verfügbar| sichtbar)?"
        r"|(?:este artículo|este contenido) es exclusivo para suscriptores",
    ),
    (
        # A newsroom's call for tips under the story ("Do you have a story for us? Email
        # newsdesk@…", "Got a story? Get in touch"): the question, then how to reach it.
        "appeal",
        r"(?:do you have|have you got|got) (?:a (?:news )?(?:story|tip)|any news)"
        r"(?: (?:for us|to share|idea|you want to share))?\?"
        r"(?: (?:e-?mail|call|contact|get in touch|write to|send|message|whatsapp)\b.*)?",
    ),
    (
        "related",
        r"read more|learn more|read the full (?:story|article)|see more|more stories|mehr lesen"
        r"|weiterlesen|lire la suite|leer más|sigue leyendo|leggi di più|leia mais"
        r"|czytaj dalej|lees meer",
    ),
)
# The article's tools come in rows ("Print  Email  Save", "Bild anzeigen Bild schließen"):
# a line of several of them is one of them.
_WIDGET_LINE = re.compile(
    r"^\W*(?:"
    + "|".join(
        rf"(?P<{reason}>(?:{body})(?:\W+(?:{body}))*)"
        if reason == "tools"
        else f"(?P<{reason}>{body})"
        for reason, body in _WIDGET_LINES
    )
    + r")\W*$",
    re.IGNORECASE,
)
_match_widget_line = ascii_folding(_WIDGET_LINE)
_WIDGET_MAX_CHARS = 80
# The lines a social media embed leaves when its script does not run: the
# embed is a <blockquote> that opens with "View this post on Instagram" and
# closes with "A post shared by Name (@handle) on Jun 16, 2019 at 7:30am PDT".
# None of the 50 such lines of the dev pages is article text.
_EMBED_LABEL = re.compile(
    r"^\W*(?:view this (?:post|photo|video|profile) on (?:instagram|tiktok|facebook|threads)"
    r"|an? (?:post|photo|video) shared by [^\n]{1,80}\(@[\w.]{1,30}\)[^\n]{0,60})\W*$",
    re.IGNORECASE,
)
_EMBED_MAX_CHARS = 160
# A metered paywall's counter, whatever follows it ("You have read 3 of your 5 free
# articles this month. Subscribe for…", "Sie haben 4 von 5 kostenlosen Artikeln gelesen").
_PAYWALL_METER = re.compile(
    r"^\W*(?:you(?:'ve| have) (?:read|used|viewed) (?:\d+|all) (?:of|out of) (?:your )?(?:\d+ )?"
    r"free (?:articles|stories|pages)|this is your (?:last|\w+) free (?:article|story)"
    r"|sie haben (?:\d+|alle) (?:von \d+ )?(?:kostenlosen|freien) artikel"
    r"|vous avez (?:lu|consulté) \d+ (?:articles? )?(?:gratuits? )?sur \d+"
    r"|has (?:leído|consumido) \d+ de (?:tus )?\d+ (?:artículos|noticias))",
    re.IGNORECASE,
)
# A syndicated story's copyright notice ("© 2024 The Associated Press. All rights
# reserved. This material may not be published, broadcast, rewritten...").
_COPYRIGHT_NOTICE = re.compile(
    r"^\W*(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}|:)).*?(?:all rights reserved|may not be (?:published|reproduced"
    r"|redistributed|copied)|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados"
    r"|wszelkie prawa zastrzeżone|alle rechten voorbehouden)",
    re.IGNORECASE | re.DOTALL,
)
# A table of contents' title ("Table of Contents", "On this page", "Inhaltsverzeichnis",
# with its toggle's "[Hide] [Show]"), left when its links are cut (as repeated text or a
# link list). A heading too: it heads the article's first paragraph once the links are
# gone. A bare "Contents" is left alone: a product's "Contents" heads what is in the
# box. On the dev pages' out-of-fold scores, 25 of the 28 such labels kept are not in
# the ground truth.
_TOC_LABEL = re.compile(
    r"^\W*(?:table of contents|article contents|contents of this (?:article|page)"
    r"|in this (?:article|post|guide|page|story)|on this page|jump to(?: a)? section"
    r"|inhaltsverzeichnis|in diesem (?:artikel|beitrag)|auf dieser seite"
    r"|sommaire|table des matières|dans cet article|sur cette page"
    r"|(?:índice|tabla) de contenidos?|en este artículo|en esta página"
    r"|indice(?: dei contenuti)?|in questo articolo|sumário|neste artigo"
    r"|inhoudsopgave|in dit artikel|spis treści|w tym artykule)"
    r"(?:\W*(?:hide|show|toggle|ausblenden|einblenden|masquer|afficher))*\W*$",
    re.IGNORECASE,
)
_TOC_MAX_CHARS = 40
# A story's metadata on one line, its parts set apart by a bullet or a bar ("By Jane Doe •
# March 12, 2025", "24 Apr 2025 • 3 min read", "19.03.2019 11:45 | von Inga Buller"): the
# whole line is metadata when each part alone is a byline, a date line or one of the
# article's tools (the reading time), and one of them is a byline or a date.
_META_SEPARATOR = re.compile(r"\s*[•|·]\s*")
_META_MAX_CHARS = 120

# Longer than any line the rules below look at (25 words): story paragraphs skip them.
_STANDALONE_MAX_CHARS = 400

# (The long alternations below, matched on every kept segment, take the ASCII fast path.)
_match_related_label = ascii_folding(_RELATED_LABEL)
_match_toc_label = ascii_folding(_TOC_LABEL)
_match_paywall_meter = ascii_folding(_PAYWALL_METER)


def _widget_line_reason(text: str, lower: str | None = None) -> str | None:
    if len(text) > _WIDGET_MAX_CHARS or not (widget := _match_widget_line(text, lower)):
        return None
    return widget.lastgroup


def standalone_line_reason(
    text: str, kind: str = "paragraph", *, metadata: bool = True, words: int | None = None
) -> str | None:
    """`photo_credit`, `embed`, `navigation` (a table of contents' title), `related`,
    `footer` (a copyright notice), `advertisement`, `share`, `byline` or `dateline` when the
    text of a block of type `kind` (a segment's, or a line of text mode's) is only that;
    bylines and date lines only with `metadata` (text mode reads them itself). `words` is
    `len(text.split())` when the caller has counted it (text mode, for every line at once)."""
    if len(text) > _STANDALONE_MAX_CHARS:
        return None
    # The long alternations below take the ASCII fast path (`ascii_folding`) on the text
    # lower-cased here once, not once each.
    lower = text.lower() if text.isascii() else None
    if kind == "figure_caption":
        # A caption that is only a credit, or an ad slot's or a gallery's label
        # ("Advertisement", "Bild anzeigen"), captions nothing.
        if is_credit_line(text):
            return "photo_credit"
        return _widget_line_reason(text, lower)
    if len(text) <= _EMBED_MAX_CHARS and _EMBED_LABEL.match(text):
        return "embed"
    if len(text) <= _TOC_MAX_CHARS and _match_toc_label(text, lower):
        return "navigation"
    if kind not in ("paragraph", "list_item", "heading"):
        return None
    # (Called for every kept segment: the text is split once, for all the word counts.)
    split = None
    if words is None:
        split = text.split()
        words = len(split)
    # A labelled link to another story is set as a heading too ("READ MORE: <headline>").
    if words <= RELATED_MAX_WORDS and _match_related_label(text, lower):
        return "related"
    if kind == "heading":
        return None
    if _COPYRIGHT_NOTICE.match(text):
        return "footer"
    if _match_paywall_meter(text, lower):
        return "paywall"
    if widget := _widget_line_reason(text, lower):
        return widget
    if kind != "paragraph":
        return None
    if words <= _CREDIT_MAX_WORDS and _credits(text, lower):
        return "photo_credit"
    if not metadata:
        return None
    line = " ".join(text.split() if split is None else split)
    if byline_authors(line) is not None:
        return "byline"
    if dateline_date(line) is not None:
        return "dateline"
    return _metadata_parts_reason(line)


def _metadata_parts_reason(line: str) -> str | None:
    """`byline` or `dateline` for a line of metadata parts (see `_META_SEPARATOR`), named
    by its first byline or date line."""
    if len(line) > _META_MAX_CHARS or not any(c in line for c in "•|·"):
        return None
    parts = [part for part in _META_SEPARATOR.split(line) if part]
    if len(parts) < 2:
        return None
    reasons = []
    for part in parts:
        if byline_authors(part) is not None:
            reasons.append("byline")
        elif dateline_date(part) is not None:
            reasons.append("dateline")
        elif _widget_line_reason(part) != "tools":
            return None
    return reasons[0] if reasons else None
