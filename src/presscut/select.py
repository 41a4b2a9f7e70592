"""Decide which segments are the article, and whether the page is an article at all.

1. A learned model (an ensemble of oblivious trees, `model.py`) scores each
   segment from its own text, its DOM context, its neighbours and its
   position (`features.segment_features`).
2. Segments scoring above the model's threshold are kept, but for the
   headline (it is `Article.title`), lines that are only a label
   (`chrome_lines`: a picture credit, a byline, a date line, "Also read:
   …", an ad or share widget's line), the links under a "Related" label,
   text that is kept twice (one copy stays) and small boxes named for
   chrome; a figure caption next to kept text (or a gallery's run of
   captions next to it) is kept with it.
3. If what is kept is a pile of linked teasers with no prose of its own,
   the page is a listing (front page, section, archive, search results):
   it gets no body, rather than a body of junk.
4. Otherwise what the model doubts in readers' comment threads and beyond
   the story's column (the element holding most of the kept text) is cut,
   a paragraph it half doubts between kept text in that column is kept,
   and text mode's line classifier,
   trained on exactly the appeals and prompts that publishers write as
   plain paragraphs, gets a say on the kept segments that use their words.

Every segment cut gets a reason: the rule's that cut it, else one read
from the element and class/id families of its surroundings (navigation,
comments, share, related, newsletter...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from presscut.chrome_lines import (
    RELATED_HEADING,
    RELATED_MAX_WORDS,
    ascii_folding,
    standalone_line_reason,
)
from presscut.features import (
    ANCESTOR_LEVELS,
    FAMILIES,
    FEATURE_NAMES,
    ContainerContext,
    PageArrays,
    attribute_families,
    container_context,
    family_masks,
    page_arrays,
    segment_features,
)
from presscut.model import load_model
from presscut.segment import Page
from presscut.text import classify_lines
from presscut.text.families import family_of

MODEL_NAME = "content"


@dataclass(slots=True)
class Selection:
    kept: list[int] = field(default_factory=list)
    removed: list[tuple[int, str]] = field(default_factory=list)
    page_type: str = "article"
    reason: str | None = None


_IS_TITLE = FEATURE_NAMES.index("is_title")
# The rules that cut what the model keeps from the names of its elements (chrome
# boxes, comment threads) leave a segment alone when the model is sure of it.
_SURE = 0.9


# Words that ask for a second opinion (see `_prompts_by_their_text`). "Comment"
# and "share" are left out: stories use them all the time ("declined to
# comment", "market share"), and a comment or share prompt sits in a box
# with a telling name far more often than an appeal does. Without them, 40 %
# fewer dev pages pay for the second opinion, with the same dev score.
_PROMPT_WORDS = [
    FEATURE_NAMES.index(f"kw_{family}") for family in ("appeal", "paywall", "newsletter", "cookie")
]


@dataclass(slots=True)
class Scores:
    probability: np.ndarray  # that each segment is article text
    is_title: np.ndarray  # the segment is the page's headline
    # The segment uses words of appeals and prompts ("donate", "sign up", "comments"...);
    # None when unknown (no second opinion is asked then).
    prompt_words: np.ndarray | None = None

    @classmethod
    def from_features(cls, probability: np.ndarray, X: np.ndarray) -> Scores:
        return cls(probability, X[:, _IS_TITLE] > 0, (X[:, _PROMPT_WORDS] > 0).any(axis=1))


def score_segments(page: Page, title: str | None = None) -> Scores:
    X = segment_features(page, title)
    probability = load_model(MODEL_NAME).ensembles["content"].predict_proba(X)
    return Scores.from_features(probability, X)


def decide(
    page: Page, scores: Scores, threshold: float, why: dict[int, str] | None = None
) -> tuple[np.ndarray, str | None]:
    """Which segments to keep, and why the page is a listing if it is one.

    Shared with training, so that the threshold is tuned on this very rule.
    The headline is metadata (`Article.title`), not body, so it is never
    kept. A figure caption right next to kept text is kept too: captions
    belong to the story they illustrate, although most training pages leave
    them out. Whether the page is a listing is judged before headings with
    nothing under them are cut, since a teaser's headline heads nothing.
    With `why`, the rules that cut a segment the model kept record their
    reason in it, by segment index.
    """
    why = {} if why is None else why
    kept = scores.probability > threshold
    captions = np.array([s.type == "figure_caption" for s in page.segments])
    if captions.any():
        kept |= _captions_by_kept(kept, captions) & (scores.probability > _CAPTION_MIN_PROBABILITY)
    kept &= ~scores.is_title & ~_in_chrome_box(page, scores.probability, kept)
    kept &= ~_standalone_lines(page, kept, why)
    kept &= ~_cut_as(_repeated(page, kept), "repeated", why)
    listing = listing_reason(page, kept)
    if listing:
        return kept, listing
    for kind in _NAMED_SECTIONS:
        kept &= ~_cut_as(_named_sections(page, scores.probability, kept, kind), kind.reason, why)
    kept &= ~_cut_as(_beyond_the_story(page, scores.probability, kept), "beyond_story", why)
    kept &= ~_titled_sections_after_the_story(page, scores.probability, kept, why)
    kept |= _gaps_in_the_story(page, scores, kept, threshold)
    kept &= ~_prompts_by_their_text(page, scores, kept, why)
    kept &= ~_rest_of_a_sign_up_box(page, scores.probability, kept, why)
    return _drop_orphan_headings(page, kept), None


_CAPTION_MIN_PROBABILITY = 0.05


def _captions_by_kept(kept: np.ndarray, captions: np.ndarray) -> np.ndarray:
    """The captions in each run of consecutive captions that has kept text right before or
    right after it: a gallery's captions follow one another, and only the run's ends touch
    the story."""
    near = np.zeros_like(kept)
    starts = np.flatnonzero(captions & ~np.concatenate(([False], captions[:-1])))
    ends = np.flatnonzero(captions & ~np.concatenate((captions[1:], [False]))) + 1
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        near[start:end] = (start > 0 and kept[start - 1]) or (end < len(kept) and kept[end])
    return near


def _cut_as(cut: np.ndarray, reason: str, why: dict[int, str]) -> np.ndarray:
    """Record `reason` for every segment in `cut`; returns `cut`."""
    for i in np.flatnonzero(cut).tolist():
        why[i] = reason
    return cut


def _standalone_lines(page: Page, kept: np.ndarray, why: dict[int, str]) -> np.ndarray:
    """Which kept segments are credits, "Also read" links, ad or widget lines, bylines or
    date lines, or the links under a "Related" label."""
    cut = np.zeros_like(kept)
    for i in np.flatnonzero(kept).tolist():
        if reason := standalone_line_reason(page.segments[i].text, page.segments[i].type):
            cut[i], why[i] = True, reason
    for i in _links_under_related_labels(page):
        if kept[i]:
            cut[i], why[i] = True, "related"
    return cut


# A "Related" label or teaser box title (`chrome_lines.RELATED_HEADING`) is short.
_RELATED_HEADING_MAX_CHARS = 60
_match_related_heading = ascii_folding(RELATED_HEADING)
_TEASER_LINES = 2  # a date and a summary between two teasers' links
_TEASER_LINE_CHARS = 100


def _links_under_related_labels(page: Page) -> list[int]:
    """The segments of each run of short links right after a "Related" label on its own
    line, and the label (kept or not: the model may have doubted it alone). A teaser's
    date and summary belong to the run: between two links, or after the last one when
    the box (the lowest element holding the label and the first link) ends with them."""
    segments, containers = page.segments, page.containers
    arrays = page_arrays(page)
    labels = (arrays.chars <= _RELATED_HEADING_MAX_CHARS) & ~_mostly_links(arrays)
    found: list[int] = []
    for i in np.flatnonzero(labels).tolist():
        segment = segments[i]
        if segment.type not in ("heading", "paragraph") or not _match_related_heading(segment.text):
            continue
        run: list[int] = []
        between: list[int] = []  # short lines after the last link, kept if another follows
        for j in range(i + 1, len(segments)):
            teaser = segments[j]
            if len(teaser.text.split()) > RELATED_MAX_WORDS:
                break
            if teaser.link_chars >= _MOSTLY_LINKS * len(teaser.text):
                run += [*between, j]
                between = []
            elif len(between) < _TEASER_LINES and len(teaser.text) <= _TEASER_LINE_CHARS:
                between.append(j)
            else:
                break
        if run:
            box = segment.container
            while box >= 0 and containers[box].end <= run[0]:
                box = containers[box].parent
            # Only a box that closes right after the teasers: not the story's own column.
            if box >= 0 and containers[box].end <= run[-1] + 1 + _TEASER_LINES:
                run += [j for j in between if j < containers[box].end]
            found += [i, *run]
    return found


# The same text kept twice in different parts of the page is the page's
# chrome showing through: a table of contents repeating the headings, a widget
# rendered once per tab or screen size, a product box after every section.
# One copy stays: the one that is not mostly links (the heading rather than
# its entry in the table of contents), then not a list item, then the first.
# Copies side by side in one block stay too: an author who repeats a
# paragraph (a refrain, a filler text) repeats it in place, while a template
# repeats whole blocks (one tab panel per copy). Lines under 20
# characters ("Price", "Yes") repeat in honest text. On the dev splits'
# out-of-fold scores this raised the objective from 0.8759 to 0.8781.
_REPEATED_MIN_CHARS = 20
_REPEATED_APART = ANCESTOR_LEVELS.index(1)


def _repeated(page: Page, kept: np.ndarray) -> np.ndarray:
    """Which kept segments repeat, in another part of the page, the text of the copy kept."""
    copies: dict[str, list[int]] = {}
    segments = page.segments
    for i in np.flatnonzero(kept).tolist():
        text = segments[i].text
        if len(text) >= _REPEATED_MIN_CHARS:
            copies.setdefault(text.casefold(), []).append(i)
    cut = np.zeros_like(kept)
    repeated = [indices for indices in copies.values() if len(indices) > 1]
    if not repeated:
        return cut
    arrays = page_arrays(page)
    blocks, links = arrays.ancestors[_REPEATED_APART], _mostly_links(arrays)
    for indices in repeated:
        # The copy kept: not mostly links, then not a list item, then the first.
        keep = min(indices, key=lambda i: (links[i], segments[i].type == "list_item", i))
        cut[[i for i in indices if blocks[i] != blocks[keep]]] = True
    return cut


# Some chrome sits in an element whose name says what it is, and reads like
# prose to the content model, so that neither the story's column nor the box
# rule's "small box" can tell it apart:
#
# - Readers' comments under a blog post or a story (long, first person, full
#   sentences; a popular post has more comment text than story text): a
#   WordPress `#comments` / `.commentlist`, a `.comment-content`, a Disqus
#   thread. On a forum the replies are the content, and forum software names
#   them comments too (Vanilla's "ItemComment", Discourse's "topic-body ...
#   comment"), so a page whose comment sections are also named for a forum, a
#   discussion or a topic's post keeps them. Dev out-of-fold objective
#   0.8855 -> 0.8859, article pages' word F1 0.9530 -> 0.9549 (plateau from
#   500 to 1,000 characters and 30 to 40 %); Discourse's name, 0.8914 -> 0.8916
#   (forum threads 0.8362 -> 0.8419: 4 better, one 0.05 worse).
# - A consent manager's dialog (OneTrust, Didomi, Usercentrics, any
#   `cookie-banner` or `consent` container) saved with the page: its list of
#   the IAB's data-processing purposes ("Create profiles for personalised
#   advertising", "Use precise geolocation data") is long, plain prose. Names
#   that only say "privacy", "cookies" or "cmp" are not enough: privacy
#   policies, documentation of HTTP cookies and Adobe's Core Components
#   (`cmp-text`, `cmp-title`) carry them.
# - A forum member's signature under each of their posts (phpBB's, XenForo's
#   and vBulletin's `.signature`): hobbies, quotes, gear lists, repeated on
#   every post. On wcxb dev, 10 forum threads hold 6,600 characters of
#   signatures, and no ground truth a word of them.
# - A disclaimer or disclosure under or inside a story ("We may earn a commission
#   when you buy through our links", "The views expressed are the author's own",
#   "Transcripts may vary"): notices of the publisher, in a box named for them.
#   Service and product pages print their offer's terms in such boxes, and
#   WCXB's labels keep those, so this kind is cut only when the page's own
#   story sits mostly in an `<article>` or an element named for an article's
#   body. Dev out-of-fold objective 0.8903 -> 0.8909 (articles 0.9554 ->
#   0.9559, snippets 0.9223 -> 0.9232; service pages 0.8341 -> 0.8336; without
#   the article condition 0.8911, but service pages 0.8316).
# - An author's bio box under a story ("Jane Doe has covered city politics
#   since 2015..."), in an element named for it (`.author-bio`, `.about-the-author`,
#   the Simple Author Box plugin's `.saboxplugin-wrap`), only beside a story in an
#   article element as well. Dev objective 0.8909 -> 0.8910 (6 articles better, one
#   worse; a bare `.bio` adds one more page and costs twice the time: names with
#   "bio" in them are everywhere).
# - A preview card of another page, in the story or a forum post (Discourse's
#   `onebox`, WordPress's `wp-embedded-content`, a `link-preview`): that page's
#   title and first lines. Dev objective 0.8910 -> 0.8912 (4 forum threads and
#   an article better, and a snippet page; none worse). A tweet or an Instagram
#   post is what the story quotes, and stays.
# - A box of teasers for other stories, in an element named for it by a theme or a
#   related-posts plugin (`related-posts`, `related_post`, Jetpack's `jp-relatedposts`,
#   YARPP's `yarpp-related`, Contextual Related Posts' `crp_related`): each teaser's
#   excerpt reads like prose, so the box rule's mostly-links test lets it through. Only
#   a whole class name counts (`...-related-articles-text` is a layout's text column
#   beside such a box). Dev objective 0.8916 -> 0.8922 (snippet F1 0.9243 -> 0.9256;
#   no wcxb page changes).
#
# A heading's id is a slug of its own text ("invalid-signature"), not a name
# for what it holds, so headings are not read.
#
# When the page has a story of its own outside such elements (at least 500
# characters and 30 % of what is kept), a segment in one of them is cut: in a
# comment section only if the model is not sure of it (a story may quote a
# reader), in the other kinds always (nothing in them is ever the story).
@dataclass(frozen=True, slots=True)
class _NamedSection:
    family: int  # the content model's family bit that every such name carries, or 0
    name: re.Pattern[str]  # the element names of the section
    keep_all: re.Pattern[str] | None  # a name anywhere on the page that keeps them all
    reason: str
    sure: float  # a segment the model gives this probability or more is kept
    in_articles_only: bool = False  # cut only beside a story in an article element
    clues: tuple[str, ...] = ()  # with no family: words one of which every such name holds


_TOKEN_START, _TOKEN_END = r"(?<![a-z0-9])", r"(?![a-z0-9])"
_COMMENT_SECTIONS = _NamedSection(
    1 << FAMILIES.index("a_comment"),
    re.compile(
        _TOKEN_START + r"(?:comments?(?:list|area|section|wrap|wrapper|container|block)?"
        r"|disqus[a-z0-9_-]*)" + _TOKEN_END
    ),
    re.compile(_TOKEN_START + r"(?:forums?|discussions?|topic-body)" + _TOKEN_END),
    "comments",
    _SURE,
)
_CONSENT_SECTIONS = _NamedSection(
    1 << FAMILIES.index("a_cookie"),
    re.compile(
        r"consent|gdpr|onetrust|didomi|usercentrics|cookies?[-_]?(?:banner|bar|notice|"
        r"notification|law|popup|wall|message|modal|dialog|overlay|settings|preferences|"
        r"disclaimer|policy|info|hint|box|container|alert|layer)"
    ),
    None,
    "cookie_notice",
    1.0,
)
_SIGNATURES = _NamedSection(
    0,
    re.compile(_TOKEN_START + r"signatures?" + _TOKEN_END),
    None,
    "signature",
    1.0,
    clues=("signature",),
)
_DISCLAIMERS = _NamedSection(
    0,
    re.compile(r"disclaimer|disclosure"),
    None,
    "disclaimer",
    1.0,
    in_articles_only=True,
    clues=("disclaimer", "disclosure"),
)
_AUTHOR_BIOS = _NamedSection(
    0,
    re.compile(
        r"author-?(?:bio|box|info|description|details|card|profile|about)"
        r"|about-?the-?author|saboxplugin"
    ),
    None,
    "author_bio",
    1.0,
    in_articles_only=True,
    clues=("author", "sabox"),
)
_LINK_PREVIEWS = _NamedSection(
    0,
    re.compile(
        _TOKEN_START
        + r"(?:onebox|link-?preview|wp-embedded-content|embed-?card|link-?card)"
        + _TOKEN_END
    ),
    None,
    "embed",
    1.0,
    clues=(
        "onebox",
        "preview",
        "embedded-content",
        "embedcard",
        "embed-card",
        "linkcard",
        "link-card",
    ),
)
_RELATED_SECTIONS = _NamedSection(
    1 << FAMILIES.index("a_related"),
    re.compile(
        r"(?<![a-z0-9-])(?:related[-_]?(?:posts?|articles?|stories)|jp-relatedposts"
        r"|crp_related|yarpp-related)(?![a-z0-9-])"
    ),
    None,
    "related",
    1.0,
)
_NAMED_SECTIONS = (
    _COMMENT_SECTIONS,
    _RELATED_SECTIONS,
    _CONSENT_SECTIONS,
    _SIGNATURES,
    _DISCLAIMERS,
    _AUTHOR_BIOS,
    _LINK_PREVIEWS,
)
_OWN_STORY_CHARS = 500
_OWN_STORY_SHARE = 0.3
_ARTICLE_FAMILIES = sum(1 << FAMILIES.index(f) for f in ("t_article", "a_articlebody"))
_IN_ARTICLE_SHARE = 0.5  # of the own story's characters, for `in_articles_only`
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def _named_sections(
    page: Page, probability: np.ndarray, kept: np.ndarray, kind: _NamedSection
) -> np.ndarray:
    """Which kept segments are in a section of `kind` beside the page's own story (see
    above)."""
    cut = np.zeros_like(kept)
    containers = page.containers
    if kind.family:
        # Every name `kind.name` matches is of `kind.family`, whose bits the page's
        # containers already carry: only those few have their names read.
        named = np.flatnonzero(container_context(page).own & kind.family).tolist()
    else:
        named = container_context(page).named(kind.name, kind.clues)
    sections: list[int] = []
    section_end = 0  # containers are in document order: one opened before this is inside
    for c in named:
        container = containers[c]
        if container.start < section_end or container.tag in _HEADINGS:
            continue
        names = container.attrs
        if kind.keep_all is not None and kind.keep_all.search(names):
            return cut
        if kind.name.search(names):
            sections.append(c)
            section_end = container.end
    if not sections:
        return cut
    arrays = page_arrays(page)
    in_section = np.zeros_like(kept)
    for c in sections:  # disjoint: a section inside another was skipped above
        in_section[arrays.start[c] : arrays.end[c]] = True
    own_story = kept & ~in_section
    own = float(arrays.chars[own_story].sum())
    if own < max(_OWN_STORY_CHARS, _OWN_STORY_SHARE * float(arrays.chars[kept].sum())):
        return cut
    if kind.in_articles_only:
        in_article = (container_context(page).any[arrays.owner] & _ARTICLE_FAMILIES) != 0
        if float(arrays.chars[own_story & in_article].sum()) < _IN_ARTICLE_SHARE * own:
            return cut
    return kept & in_section & (probability < kind.sure)


# Most of a story sits in one element: the lowest one holding 70 % of the
# kept text is the story's own column. What the model keeps *after* that
# column, without being sure of it, is mostly what pages put under a story:
# readers' comments, the author's bio, "more from" teasers, a deals box, a
# cookie text; short lines kept *before* it are kickers, labels and share
# counts. A long paragraph before the column stays: a standfirst or the
# first post of a forum thread is often laid out apart from the rest. This
# is Readability's idea of one top candidate, applied only where the model
# hesitates. On the dev splits' out-of-fold scores it raised the objective
# from 0.8780 to 0.8817 (shingle precision 0.861 -> 0.868): it cuts twice
# as many words of chrome as of article (FAQ boxes and product tables laid
# out after the story are what it wrongly cuts).
_STORY_SHARE = 0.7
_STORY_UNSURE = 0.7
_SHORT_BEFORE_CHARS = 100


# Readers' comments and the author's box under a story, in boxes with utility or hashed
# class names, keep the title their section opens with: "Comments (14)", "Kommentare",
# "Reacties", "Leave a reply"; the author's name, with a bio that starts with that name
# ("Marcus Oyelaran" / "Marcus Oyelaran covers city government …"). A section after the
# story's column (`_story_column`) whose first line is such a title holds comments or an
# author bio: the model's doubtful lines in it (below `_SURE`) go. Only the title's own
# section, and only after the column: a forum thread's replies are its column.
_COMMENTS_TITLE = re.compile(
    r"^\W*(?:\d+\s+)?(?:(?:reader |user )?comments?|kommentare?|commentaires?|comentarios?"
    r"|commenti|comentários|komentarze?|reacties|postings|leave a (?:reply|comment)"
    r"|join the (?:conversation|discussion))(?:\s*\(\d+\)|\s+\d+)?\W*$",
    re.IGNORECASE,
)
_SECTION_TITLE_MAX_CHARS = 40
_NAME_WORDS = (2, 4)


def _titled_sections_after_the_story(
    page: Page, probability: np.ndarray, kept: np.ndarray, why: dict[int, str]
) -> np.ndarray:
    """Which kept segments are in a comments or author section after the story (see
    above)."""
    cut = np.zeros_like(kept)
    arrays = page_arrays(page)
    column = _story_column(arrays, kept)
    if column is None:
        return cut
    segments = page.segments
    parents = arrays.ancestors[ANCESTOR_LEVELS.index(1)]
    doubtful = kept & (probability < _SURE)
    for i in range(column[1], len(segments)):
        text = segments[i].text.strip()
        section = parents[i]
        if len(text) > _SECTION_TITLE_MAX_CHARS or arrays.start[section] != i:
            continue
        end = int(arrays.end[section])
        if _COMMENTS_TITLE.match(text):
            reason = "comments"
        elif i + 1 < end and _is_name(text) and _opens_a_bio(segments[i + 1].text, text):
            reason = "author_bio"
        else:
            continue
        for j in np.flatnonzero(doubtful[i:end]).tolist():
            cut[i + j], why[i + j] = True, reason
    return cut


def _opens_a_bio(text: str, name: str) -> bool:
    """Whether `text` starts with `name` as a sentence's subject ("Marcus Oyelaran covers",
    "Elena Soler es"), not as a heading over more lines ("Emma Roth Mar 5")."""
    text = text.lstrip()
    return text.startswith(name + " ") and text[len(name) + 1 : len(name) + 2].islower()


def _is_name(text: str) -> bool:
    """Whether `text` reads as a person's name: two to four capitalised words of letters."""
    words = text.split()
    return _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1] and all(
        word[0].isupper() and word.replace("-", "").replace("'", "").isalpha() for word in words
    )


def _story_column(arrays: PageArrays, kept: np.ndarray) -> tuple[int, int] | None:
    """The segments (start, end) of the story's column (see above), or None when nothing
    is kept."""
    held, total = _held_chars(arrays, kept)
    if not total:
        return None
    # Containers holding enough of the kept text are nested in one another (two
    # disjoint ones cannot both hold over half of it): the story's column is the
    # innermost, the one with the fewest segments.
    columns = np.flatnonzero(held >= _STORY_SHARE * total)
    story = columns[np.argmin(arrays.end[columns] - arrays.start[columns])]
    return int(arrays.start[story]), int(arrays.end[story])


def _beyond_the_story(page: Page, probability: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """Which kept segments lie outside the story's column (see above) and are not sure."""
    cut = np.zeros_like(kept)
    arrays = page_arrays(page)
    column = _story_column(arrays, kept)
    if column is None:
        return cut
    start, end = column
    unsure = kept & (probability < _STORY_UNSURE)
    cut[end:] = unsure[end:]
    cut[:start] = unsure[:start] & (arrays.chars[:start] < _SHORT_BEFORE_CHARS)
    return cut


# The story's column has paragraphs the model doubts: a paragraph after an
# embed, a table or an ad slot, a one-sentence paragraph between two long ones,
# a paragraph in a <div> of its own. Readability keeps everything in its top
# candidate; here a doubted paragraph (or code block) is kept when it lies in
# the column between two kept segments, holds a line's worth of text (100
# characters) that is not mostly links, scores at least 0.2 and has no chrome
# named around it (comments and reviews, share, related, ads, sign-ups,
# appeals, author boxes, sidebars, overlays, navigation, footers, forms): those
# names mark a newsletter form, a forum signature, a customer review or an
# appeal that the model rightly doubted. Dev out-of-fold: wcxb article pages'
# shingle recall 0.9708 -> 0.9714, precision 0.93783 -> 0.93766; objective
# 0.8948 -> 0.8950. Without the chrome names, product pages lose 0.002 of
# word F1 (reviews, variant pickers) and articles 0.0002 of precision. From
# 60 characters the objective gains 0.0002 more, but article precision loses
# as much as recall wins; list items change nothing.
_GAP_MIN_PROBABILITY = 0.2
_GAP_MIN_CHARS = 100
_GAP_TYPES = frozenset(("paragraph", "preformat"))
_GAP_MAX_LINK_SHARE = 0.3
_GAP_CHROME = sum(
    1 << FAMILIES.index(family)
    for family in (
        "a_comment",
        "a_share",
        "a_related",
        "a_ad",
        "a_newsletter",
        "a_appeal",
        "a_cookie",
        "a_author",
        "a_sidebar",
        "a_modal",
        "a_hidden",
        "a_footer",
        "a_nav",
        "t_aside",
        "t_nav",
        "t_footer",
        "t_form",
    )
)


def _gaps_in_the_story(
    page: Page, scores: Scores, kept: np.ndarray, threshold: float
) -> np.ndarray:
    """Which segments the model doubted lie in the story's column between kept text, and
    are kept after all (see above). Only segments at or under the threshold are looked
    at, so none that a rule cut comes back; a line `chrome_lines` names stays cut."""
    found = np.zeros_like(kept)
    probability = scores.probability
    doubted = ~kept & (probability > _GAP_MIN_PROBABILITY) & (probability <= threshold)
    if not doubted.any():
        return found
    arrays = page_arrays(page)
    column = _story_column(arrays, kept)
    if column is None:
        return found
    start, end = column
    inside = np.flatnonzero(kept[start:end])
    if inside.size < 2:
        return found
    first, last = start + int(inside[0]), start + int(inside[-1])
    chars, link_chars, owner = arrays.chars, arrays.link_chars, arrays.owner
    near = container_context(page).near
    segments = page.segments
    for i in (np.flatnonzero(doubted[first:last]) + first).tolist():
        segment = segments[i]
        if (
            segment.type in _GAP_TYPES
            and chars[i] >= _GAP_MIN_CHARS
            and link_chars[i] < _GAP_MAX_LINK_SHARE * chars[i]
            and not scores.is_title[i]
            and not near[owner[i]] & _GAP_CHROME
            and not standalone_line_reason(segment.text, segment.type)
        ):
            found[i] = True
    return found


# An appeal written as plain paragraphs at the top of the story, in a <div>
# with no telling class name, reads to the content model like the story
# itself (long sentences, inside the article). Text mode's line classifier
# was trained for exactly such lines, in eight languages, and judges a line
# against the rest of the page's text; so the kept text is handed to it as
# a page, and a kept segment that uses appeal or prompt words is cut when
# text mode removes it as one of these families and the content model is
# not all but certain of it (0.99: such appeals score above `_SURE`). Only
# pages with such a segment pay for the second opinion (a third of the
# benchmark pages).
_SECOND_OPINION_FAMILIES = frozenset(
    ("appeal", "paywall", "newsletter", "comments", "share", "cookie_notice")
)
_CERTAIN = 0.99


def _prompts_by_their_text(
    page: Page, scores: Scores, kept: np.ndarray, why: dict[int, str]
) -> np.ndarray:
    cut = np.zeros_like(kept)
    if scores.prompt_words is None:
        return cut
    doubtful = kept & scores.prompt_words & (scores.probability < _CERTAIN)
    if not doubtful.any():
        return cut
    segments = page.segments
    # The classifier gives a line it removes the line's own family as its reason, and
    # that family depends on the line alone (`family_of`). When no doubtful line names
    # one of these families, nothing can be cut, and the classifier is not run: on the
    # first 300 wcxb dev pages it then runs on 93 pages instead of 113, with the same
    # output.
    if not any(
        family_of(" ".join(segments[i].text.split())) in _SECOND_OPINION_FAMILIES
        for i in np.flatnonzero(doubtful).tolist()
    ):
        return cut
    index = [i for i in np.flatnonzero(kept).tolist() if segments[i].text.strip()]
    decisions = classify_lines([" ".join(segments[i].text.split()) for i in index])
    for i, reason in zip(index, decisions.reasons, strict=True):
        if doubtful[i] and reason in _SECOND_OPINION_FAMILIES:
            cut[i], why[i] = True, reason
    if cut.any():
        # The buttons of a cut appeal ("Give once", "Sign up") go with it: the links
        # of a block whose prose was cut.
        arrays = page_arrays(page)
        parents = arrays.ancestors[ANCESTOR_LEVELS.index(1)]
        buttons = kept & ~cut & _mostly_links(arrays) & np.isin(parents, parents[cut])
        reason_of_block = {parents[i]: why[i] for i in np.flatnonzero(cut).tolist()}
        for i in np.flatnonzero(buttons).tolist():
            why[i] = reason_of_block[parents[i]]
        cut |= buttons
    return cut


# A newsletter sign-up box without telling class names ("css-1q2w3e", "my-8 rounded-lg
# border") is cut line by line, if at all: its title ("Get the Morning Ledger in your
# inbox") by its words, its small print by the model, and the line between them ("Local
# news you need, every weekday at 6 a.m."), which names no newsletter, is left. So in a
# box of a few segments (`_SIGN_UP_BOX_SEGMENTS`, the elements around the segments that
# the model doubts) that holds a form field and a line text mode reads as a newsletter's
# ("Newsletter", "Sign up for …"), the short lines the model is not all but certain of
# go too. A box with no form field is a members-only notice or a list of offers, often
# in the labelled body; one with a form field but no newsletter line, a search box or a
# comment form.
_SIGN_UP_BOX_SEGMENTS = 5
_SIGN_UP_LINE_MAX_WORDS = 25


def _rest_of_a_sign_up_box(
    page: Page, probability: np.ndarray, kept: np.ndarray, why: dict[int, str]
) -> np.ndarray:
    """Which kept segments are the other lines of a newsletter sign-up box (see above)."""
    cut = np.zeros_like(kept)
    doubtful = kept & (probability < _CERTAIN)
    if not doubtful.any():
        return cut
    containers = page.containers
    root = containers[0].node
    if root is None:  # a page kept without its tree (the training data's cache)
        return cut
    # The elements around a form field, found once from the page's few fields up.
    around_fields: set[int] = set()
    for field_node in root.css("input"):
        node = field_node.parent
        while node is not None and node.mem_id not in around_fields:
            around_fields.add(node.mem_id)
            node = node.parent
    if not around_fields:
        return cut
    arrays = page_arrays(page)
    parents = arrays.ancestors[ANCESTOR_LEVELS.index(1)]
    boxes = np.unique(parents[doubtful])
    boxes = boxes[arrays.end[boxes] - arrays.start[boxes] <= _SIGN_UP_BOX_SEGMENTS]
    segments = page.segments
    for box in boxes.tolist():
        if containers[box].node.mem_id not in around_fields:
            continue
        lines = range(arrays.start[box], arrays.end[box])
        short = [
            i
            for i in lines
            if doubtful[i] and len(segments[i].text.split()) <= _SIGN_UP_LINE_MAX_WORDS
        ]
        if short and any(
            family_of(" ".join(segments[i].text.split())) == "newsletter" for i in lines
        ):
            for i in short:
                cut[i], why[i] = True, "newsletter"
    return cut


# A small box named for a share bar, an appeal, a paywall, an ad or a
# newsletter sign-up, a few levels above a segment, is chrome even inside the
# article, unless the model is sure of the segment. Boxes named for tags,
# related stories, author profiles and comments condemn only the segments
# that are mostly links (a tag list, a "more by" link): their names are too
# often given to article text as well (a "related" fact box, a story quoting
# readers' comments). On the dev splits' out-of-fold scores this cuts more
# chrome words than article words in such boxes; a box is small when it holds
# under a tenth of the page's text, or less than a typical appeal on a short
# page. "Sure" is a probability of 0.9 (`_SURE`): the dev objective is flat
# from 0.8 to 0.95 (0.8844 to 0.8848, highest at 0.9) and falls at 0.99.
_BOX_FAMILIES = sum(1 << FAMILIES.index(f) for f in ("a_share", "a_appeal", "a_ad", "a_newsletter"))
_LINK_BOX_FAMILIES = sum(
    1 << FAMILIES.index(f) for f in ("a_tags", "a_related", "a_author", "a_comment")
)
_BOX_MAX_SHARE = 0.1  # of the page's text
_BOX_SMALL_CHARS = 600
_BOX_LEVELS = ANCESTOR_LEVELS.index(3) + 1  # the owner and three levels above it
_BOX_MAX_KEPT_SHARE = 0.5  # of the text the model keeps (dev objective 0.8848 -> 0.8855)
_MOSTLY_LINKS = 0.5  # share of a segment's characters in links


def _in_chrome_box(page: Page, probability: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """Which kept segments sit in a small chrome box (see above) and are not sure article
    text, or are the teasers of a related-stories card (see below)."""
    arrays = page_arrays(page)
    context = container_context(page)
    box_chars, page_chars = _held_chars(arrays)
    small = box_chars < max(_BOX_MAX_SHARE * page_chars, _BOX_SMALL_CHARS)
    # A box holding half the kept text is the story itself: a paywalled story's teaser
    # in its "ispaywall" wrapper, on a page where the teaser is all there is.
    kept_chars, kept_total = _held_chars(arrays, kept)
    small &= kept_chars < _BOX_MAX_KEPT_SHARE * kept_total
    levels = arrays.ancestors[:_BOX_LEVELS]

    def under(families: int) -> np.ndarray:
        return (((context.own & families) != 0) & small)[levels].any(axis=0)

    links = _mostly_links(arrays)
    in_box = under(_BOX_FAMILIES) | (under(_LINK_BOX_FAMILIES) & links)
    candidates = kept & (probability < _SURE)
    in_box |= _in_named_component(page, small, levels, candidates & ~in_box)
    teasers = _related_teasers(context, small, levels, links)
    return (in_box & candidates) | (teasers & kept)


# A related-stories box is a row of cards, each with a linked headline and often a teaser
# paragraph that reads like the story's own prose, so the model may be sure of it. In a
# small card named for related stories ("related", "recommended", "more stories", "read
# next") that has look-alike siblings (same tag and class names) and holds a mostly-link
# segment, a segment that is not mostly links is such a teaser, whatever its score. A
# single "related" box (a fact box beside a link) keeps its text. Dev out-of-fold: wcxb
# article pages' shingle precision 0.93766 -> 0.93770, nothing lost (dev has few such
# cards; a hand-written article kept 3 of 4 teasers before).
_RELATED = 1 << FAMILIES.index("a_related")


def _related_teasers(
    context: ContainerContext, small: np.ndarray, levels: np.ndarray, links: np.ndarray
) -> np.ndarray:
    """Which segments are the teaser text of a related-stories card (see above)."""
    related = ((context.own & _RELATED) != 0) & small & (context.same_siblings > 0)
    holds_links = np.zeros(len(related), dtype=bool)
    holds_links[levels[:, links].ravel()] = True
    return (related & holds_links)[levels].any(axis=0) & ~links


# Sites built with React hash their class names ("dcr-1vn8ngn") and name their
# components in data attributes instead (data-component="contributions-epic",
# data-testid, data-gu-name). The content model reads only id, class, role and
# itemprop, what it was trained on; the box rule reads these names too, for the
# few segments it could cut.
_COMPONENT_ATTRS = ("data-component", "data-testid", "data-gu-name", "data-module")


def _in_named_component(
    page: Page, small: np.ndarray, levels: np.ndarray, candidates: np.ndarray
) -> np.ndarray:
    """Which `candidates` sit in a small box whose data attributes name it for chrome.

    The small boxes around the candidates are gathered first, so that each box's
    attributes are read once (most boxes have none of these) and the family bits of
    the names found are worked out together."""
    around = np.zeros(len(small), dtype=bool)
    around[levels[:, candidates]] = True
    boxes = np.flatnonzero(around & small).tolist()
    containers = page.containers
    named: list[int] = []
    values: list[str] = []
    for c in boxes:
        node = containers[c].node
        if node is None:  # a page kept without its tree (the training data's cache)
            continue
        attrs = node.attributes
        if any(name in attrs for name in _COMPONENT_ATTRS):
            named.append(c)
            values.append(" ".join(filter(None, map(attrs.get, _COMPONENT_ATTRS))).lower())
    chrome = np.zeros(len(small), dtype=bool)
    if named:
        chrome[named] = (np.array(attribute_families(values), dtype=np.int64) & _BOX_FAMILIES) != 0
    return chrome[levels].any(axis=0) & candidates


def _held_chars(arrays: PageArrays, only: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """The characters of the segments (those in `only`, if given) under each container,
    and their total over the page."""
    chars = arrays.chars if only is None else np.where(only, arrays.chars, 0.0)
    cum = np.concatenate(([0.0], np.cumsum(chars)))
    return cum[arrays.end] - cum[arrays.start], float(cum[-1])


def _mostly_links(arrays: PageArrays) -> np.ndarray:
    """Which segments have at least half their characters in links."""
    return arrays.link_chars >= _MOSTLY_LINKS * arrays.chars


def _drop_orphan_headings(page: Page, kept: np.ndarray) -> np.ndarray:
    """Cut kept headings with nothing kept under them.

    A box of chrome (a newsletter sign-up, a donation appeal, a "related"
    list) often has a heading that looks like any section heading; once its
    text is cut, the heading is all that is left, and it heads nothing.
    A heading right before another kept segment stays, even one of the same
    level: pages set display text in heading tags (pull quotes, the names in
    a list of picks, a key figure and its label), one after another, and
    the model kept each of them. Dev out-of-fold: objective 0.8944 -> 0.8948,
    wcxb article pages' shingle recall 0.9695 -> 0.9708 (precision 0.93798 ->
    0.93783); service pages 0.8368 -> 0.8411.
    """
    segments = page.segments
    for i in [i for i in np.flatnonzero(kept) if segments[i].level]:
        if i + 1 < len(segments) and kept[i + 1]:
            continue
        level = segments[i].level or 0
        heads_something = False
        for j in range(i + 1, len(segments)):
            other = segments[j].level
            if other and other <= level:
                break
            if kept[j] and not other:
                heads_something = True
                break
        if not heads_something:
            kept[i] = False
    return kept


# Reasons for cutting a segment, by the family found around it; first match wins.
_REASONS: tuple[tuple[str, str], ...] = (
    ("a_cookie", "cookie_notice"),
    ("a_comment", "comments"),
    ("a_appeal", "appeal"),
    ("a_newsletter", "newsletter"),
    ("a_share", "share"),
    ("a_ad", "advertisement"),
    ("a_related", "related"),
    ("a_breadcrumb", "breadcrumbs"),
    ("a_author", "author_bio"),
    ("a_tags", "tags"),
    ("t_nav", "navigation"),
    ("a_nav", "navigation"),
    ("a_role_nav", "navigation"),
    ("a_modal", "overlay"),
    ("t_footer", "footer"),
    ("a_footer", "footer"),
    ("t_header", "header"),
    ("a_header", "header"),
    ("t_aside", "sidebar"),
    ("a_sidebar", "sidebar"),
    ("t_form", "form"),
)
_REASON_BITS = tuple((1 << FAMILIES.index(family), reason) for family, reason in _REASONS)


def _reason(mask: int, link_density: float) -> str:
    for bit, reason in _REASON_BITS:
        if mask & bit:
            return reason
    return "link_list" if link_density > 0.5 else "low_score"


# A listing (front page, section page, archive, category, search results) is
# a pile of teasers: linked headlines, each with at most a short summary, and
# no run of prose of its own. On the wcxb dev split these rules flag about a
# third of the pages labelled listing or collection (bbc.com/news, techcrunch.com,
# shop categories...) and 2 of 789 articles (see docs/benchmarks.md).
_LISTING_MIN_TEASERS = 6  # linked headings
_TEASER_LINK_DENSITY = 0.6
_TEASER_CHARS = (15, 150)
_LISTING_MAX_LONGEST = 600  # characters of the longest text that is not a link
_LISTING_MAX_RUN = 2  # consecutive paragraphs of own text
_LISTING_MIN_LINK_SHARE = 0.2
_OWN_TEXT_MAX_LINK_DENSITY = 0.2
_RUN_MIN_CHARS = 60


def _longest_run(flags: np.ndarray) -> int:
    best = current = 0
    for flag in flags:
        current = current + 1 if flag else 0
        best = max(best, current)
    return best


def listing_reason(page: Page, kept: np.ndarray) -> str | None:
    """Why the kept segments are a listing of teasers rather than an article, or None."""
    if not kept.any():
        return None
    arrays = page_arrays(page)
    chars = arrays.chars[kept]
    density = arrays.link_chars[kept] / np.maximum(chars, 1)
    segments = page.segments
    headings = np.array([segments[i].type == "heading" for i in np.flatnonzero(kept).tolist()])
    teasers = int(
        (
            headings
            & (density > _TEASER_LINK_DENSITY)
            & (chars >= _TEASER_CHARS[0])
            & (chars <= _TEASER_CHARS[1])
        ).sum()
    )
    if teasers < _LISTING_MIN_TEASERS:
        return None
    own_text = density < _OWN_TEXT_MAX_LINK_DENSITY
    longest = float(chars[own_text].max()) if own_text.any() else 0.0
    run = _longest_run(own_text & (chars >= _RUN_MIN_CHARS))
    link_share = float((chars * density).sum() / chars.sum())
    if (
        longest < _LISTING_MAX_LONGEST
        and run <= _LISTING_MAX_RUN
        and link_share >= _LISTING_MIN_LINK_SHARE
        and _prices(page, arrays) < _PRODUCT_GRID_PRICES * teasers
    ):
        return f"listing page: {teasers} linked headlines and no article text"
    return None


# A shop's category page (a collection of products) is laid out like a listing, a grid of
# linked names, but each name comes with its price, and its names and descriptions are the
# page's content. A price is a short line with a currency and a number ("$24.99",
# "19,90 €", "EUR 5"). With at least 0.8 prices per linked headline, the teasers are a
# product grid, not a listing: on the wcxb dev split, 7 of the 13 collection pages the
# listing rule flagged, a product page and one listing (a shop's category labelled so),
# and none of the news, blog or event listings (their most: 0.67).
_PRODUCT_GRID_PRICES = 0.8
_PRICE_MAX_CHARS = 60
_PRICE = re.compile(
    r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|Rs\.?|R\$|kr|zł)\s?)\s?\d"
    r"|\d(?:[.,]\d+)?\s?(?:[$€£¥₹]|(?:USD|EUR|GBP|CHF|kr|zł|Kč|Ft|lei|руб|₽)\b)"
)


def _prices(page: Page, arrays: PageArrays) -> int:
    """How many of the page's segments (kept or not: a grid's prices score low) are a
    price."""
    segments = page.segments
    return sum(
        1
        for i in np.flatnonzero(arrays.chars <= _PRICE_MAX_CHARS).tolist()
        if _PRICE.search(segments[i].text)
    )


def select_content(page: Page, *, title: str | None = None, explain: bool = False) -> Selection:
    """Keep the article's segments; with `explain`, say why each other segment was cut."""
    scores = score_segments(page, title)
    why: dict[int, str] = {}
    threshold = float(load_model(MODEL_NAME).settings["threshold"])
    kept, listing = decide(page, scores, threshold, why)
    selection = Selection()
    if listing:
        selection.page_type, selection.reason = "listing", listing
    else:
        selection.kept = np.flatnonzero(kept).tolist()
        if not selection.kept:
            selection.page_type, selection.reason = "other", "no main content found"
    if explain:
        _, near, _ = family_masks(page)
        kept_texts = {
            page.segments[i].text.casefold()
            for i in selection.kept
            if len(page.segments[i].text) >= _REPEATED_MIN_CHARS
        }
        teasers = set(_links_under_related_labels(page))
        for i in range(len(page.segments)):
            if kept[i] and not listing:
                continue
            segment = page.segments[i]
            if listing and kept[i]:
                reason = "listing"
            elif scores.is_title[i]:
                reason = "title"
            elif i in why:
                reason = why[i]
            elif line_reason := standalone_line_reason(segment.text, segment.type):
                reason = line_reason
            elif i in teasers:
                reason = "related"
            elif segment.text.casefold() in kept_texts:
                reason = "repeated"
            else:
                density = segment.link_chars / max(len(segment.text), 1)
                reason = _reason(int(near[segment.container]), density)
                if (
                    reason == "low_score"
                    and scores.prompt_words is not None
                    and scores.prompt_words[i]
                ):
                    # No family around it: its words name it, as in text mode.
                    family = family_of(segment.text)
                    reason = family if family in _SECOND_OPINION_FAMILIES else reason
            selection.removed.append((i, reason))
    return selection
