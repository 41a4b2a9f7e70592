"""The feature code's fast paths give exactly what their plain versions give."""

from __future__ import annotations

import re

import numpy as np
import pytest

from presscut import dom, features
from presscut.features import _ATTR_SUBSTRING_SCANNER, _KEYWORD_SCANNER, _TrieScanner
from presscut.segment import Page, segment_page

_TEXTS = [
    "",
    "»",
    "share",
    "shar",
    # Keywords at the very start and end, inside words, overlapping and nested.
    "sharethis comment replies read more»",
    "unsubscribe from the newsletter; subscribers only — already a subscriber? log in",
    "the timeshare commentary: read also lesen sie auch, mehr zum thema ›",
    # A longer keyword hides the shorter ones inside it and those that overlap its end.
    "join the conversationcookie consentimiento privacidad",
    "©2024 todos los derechos reservados | all rights reserved",
    # Accented and non-Latin text, and characters outside the Basic Multilingual Plane.
    "réservé aux abonnés: déjà abonné? à lire aussi 🙂 czytaj więcej 記事 zaloguj się",
    "photo: getty images\nfoto: reuters\nbild: associated press",
]


def _spans(matches: list) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]


@pytest.mark.parametrize("text", _TEXTS)
def test_keyword_matches_are_those_of_finditer(text: str) -> None:
    expected = _spans(list(_KEYWORD_SCANNER.regex.finditer(text)))
    assert _spans(_KEYWORD_SCANNER.finditer(text)) == expected


def test_keyword_matches_on_repeated_and_adjacent_keywords() -> None:
    text = "shareshare share-share comment comments commentaire " * 20
    expected = _spans(list(_KEYWORD_SCANNER.regex.finditer(text)))
    assert len(expected) > 100
    assert _spans(_KEYWORD_SCANNER.finditer(text)) == expected


def test_class_name_matches_are_those_of_finditer() -> None:
    text = "articlebody\x00storycontentsidebarwidget\x00commentsreplies\x00x\x00navbar menu"
    expected = _spans(list(_ATTR_SUBSTRING_SCANNER.regex.finditer(text)))
    assert len(expected) >= 6
    assert _spans(_ATTR_SUBSTRING_SCANNER.finditer(text)) == expected


def test_a_scanner_refuses_keywords_it_cannot_prefilter() -> None:
    with pytest.raises(ValueError):
        _TrieScanner(["ab"])


def _plain_attr_bits(value: str) -> int:
    """One value's family bits as `_ATTR_FAMILIES` defines them, read alone (what
    `_cache_attr_bits` batches): substrings by the plain regex, whole tokens and token
    prefixes from the value split on anything but ASCII letters and digits."""
    bits = 0
    for match in _ATTR_SUBSTRING_SCANNER.regex.finditer(value.replace("-", "").replace("_", "")):
        bits |= features._ATTR_SUBSTRING_BITS[match.group()]
    for token in re.split(r"[^a-z0-9]+", value):
        bits |= features._ATTR_WORD_BITS.get(token, 0)
        for prefix, prefix_bits in features._ATTR_PREFIX_BITS.items():
            if token.startswith(prefix):
                bits |= prefix_bits
    return bits


_CLASS_VALUES = [
    "",
    "article__body",
    "story-body js-story",
    # Whole tokens and token prefixes at the start and end of a value, next to the separator.
    "ad",
    "ads ad-slot x-ad adsense",
    "navbar navigation nav",
    "navigationbar x-navigation",
    "adverts advert adv adv2",
    "post posts post-1 posts2 postbody",
    "advertisement advert-box",
    "imgwrap img-responsive 123img",
    "sharethis share_this social-follow",
    "comment-list reply-link",
    # Not-ASCII letters are token boundaries.
    "éarticle ádvert navé",
    "main\nmain",
    "col-md-6 css-1x2y3z sc-bdfbwb",
]


def test_class_name_bits_read_together_are_those_read_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(features, "_ATTR_BITS_CACHE", {})
    features._cache_attr_bits(_CLASS_VALUES)
    cached = features._ATTR_BITS_CACHE
    assert cached == {value: _plain_attr_bits(value) for value in _CLASS_VALUES}
    assert cached["article__body"] & features._FAMILY_BIT["a_articlebody"]
    assert cached["ads ad-slot x-ad adsense"] & features._FAMILY_BIT["a_ad"]
    assert not cached["col-md-6 css-1x2y3z sc-bdfbwb"]


def test_the_class_name_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "_ATTR_BITS_CACHE", {})
    monkeypatch.setattr(features, "_MAX_CACHED", 4)
    features._cache_attr_bits(["a", "b", "c", "d"])
    features._cache_attr_bits(["sidebar", "a"])
    assert set(features._ATTR_BITS_CACHE) == {"sidebar", "a"}


def _page(html: str) -> Page:
    tree = dom.parse(html)
    dom.prune(tree)
    return segment_page(dom.content_root(tree))


def test_family_bits_near_and_anywhere_above_a_segment() -> None:
    # Seven levels of <div> between the <article> and the paragraph: the article is
    # "anywhere above" it, not "within 3 levels"; the comment box is both.
    page = _page(
        "<body><article>" + "<div>" * 7 + "<div class='comments'><p>First comment text.</p>"
        "</div>" + "</div>" * 7 + "</article><p>Outside.</p></body>"
    )
    context = features.container_context(page)
    article, comment = features._FAMILY_BIT["t_article"], features._FAMILY_BIT["a_comment"]
    inside, outside = (page.segments[i].container for i in (0, 1))
    assert context.any[inside] & article and not context.near[inside] & article
    assert context.near[inside] & comment and context.any[inside] & comment
    assert not context.any[outside] & (article | comment)
    assert context.own[0] == features._TAG_BITS.get("body", 0)  # the root: its tag only


def test_look_alike_siblings_share_parent_tag_and_class_names() -> None:
    page = _page(
        "<body><div class='card'><p>One.</p></div><div class='card'><p>Two.</p></div>"
        "<div class='card big'><p>Three.</p></div><section class='card'><p>Four.</p></section>"
        "</body>"
    )
    context = features.container_context(page)
    boxes = [page.containers[page.segments[i].container].parent for i in range(4)]
    assert context.same_siblings[boxes].tolist() == [1.0, 1.0, 0.0, 0.0]


def test_a_wordpress_posts_categories_and_tags_are_not_names() -> None:
    """`category-reviews` and `tag-social-media` on a WordPress post are its taxonomy: the
    post is no comment and no share bar. Elsewhere `tag-cloud` names what it is."""
    page = _page(
        "<body><article class='post-12 post type-post status-publish hentry category-reviews"
        " tag-social-media'><p>The lock held for three minutes.</p></article>"
        "<div class='tag-cloud'><p>Locks Bikes</p></div></body>"
    )
    context = features.container_context(page)
    # Each <p> is its segment's container; the elements named are their parents.
    post, cloud = (page.containers[page.segments[i].container].parent for i in (0, 1))
    chrome = (
        features._FAMILY_BIT["a_comment"]
        | features._FAMILY_BIT["a_share"]
        | features._FAMILY_BIT["a_tags"]
    )
    assert page.containers[post].attrs == "post-12 post type-post status-publish hentry"
    assert not context.own[post] & chrome
    assert context.own[cloud] & features._FAMILY_BIT["a_tags"]


def test_bit_columns_are_the_bits_shifted_out_one_by_one() -> None:
    values = np.array([[0, 1, 5], [2**42 + 3, 2**62 + 2**40, 2**63 - 1]], dtype=np.int64)
    expected = (values[:, :, None] >> np.arange(43)) & 1
    columns = features._bit_columns(values, 43)
    assert columns.shape == (2, 3, 43)
    assert np.array_equal(columns, expected)
    # Not contiguous (a column of a larger array): the same bits.
    assert np.array_equal(features._bit_columns(values[:, 1], 43), expected[:, 1])


def test_keyword_candidates_past_the_basic_plane_are_those_of_its_last_character() -> None:
    """The scanner looks up min(code point, U+FFFF): an emoji or a rare CJK character is no
    keyword character, whichever way the lookup is written."""
    scanner = _KEYWORD_SCANNER
    text = "🙂share 𠀋» \uffff©\U0010ffffcookie"
    codepoints = np.array([ord(c) for c in text])
    ids = scanner.ids[np.minimum(codepoints, 0xFFFF)]
    maybe = scanner.singles[ids]
    trigrams = (ids[:-2] * scanner.size + ids[1:-1]) * scanner.size + ids[2:]
    maybe[:-3] |= scanner.heads[trigrams[:-1]] & scanner.seconds[trigrams[1:]]
    assert scanner.candidates(text) == np.flatnonzero(maybe).tolist()
    assert [m.group() for m in scanner.finditer(text)] == ["share", "»", "©", "cookie"]


def test_named_containers_are_those_whose_names_the_pattern_matches() -> None:
    """`named` searches only the names holding a clue: the same containers, in document
    order, as the pattern searched in every name."""
    page = _page(
        "<body><div class='author-bio'><p>Bio.</p></div><div class='author'><p>Name.</p></div>"
        "<div class='author-box author-card'><p>Box.</p></div><div class='x'><p>None.</p></div>"
        "<div class='post-about-the-author'><p>About.</p></div>"
        "<div class='saboxplugin-wrap'><p>Plugin.</p></div><div class='coauthor'><p>Co.</p>"
        "</div></body>"
    )
    context = features.container_context(page)
    pattern = re.compile(r"author-?(?:bio|box|card)|about-?the-?author|saboxplugin")
    names = zip(context.on_path, context.names, strict=True)
    expected = [i for i, name in names if pattern.search(name)]
    assert len(expected) == 4
    assert context.named(pattern, ("author", "sabox")) == expected
    assert context.named(pattern, ("nowhere",)) == []
