"""What is removed before the walk: never-content elements, hidden elements, navigation, footers."""

from __future__ import annotations

from presscut import dom
from presscut.segment import segment_page

STORY = " ".join(["The harbour wall was finished on Friday after two years of work."] * 6)


def _texts(html: str, **options: bool) -> list[str]:
    tree = dom.parse(html)
    dom.prune(tree, **options)
    return [s.text for s in segment_page(dom.content_root(tree)).segments]


def test_nav_and_footer_are_removed() -> None:
    texts = _texts(
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><p>{STORY}</p>"
        "<footer><p>© 2024 The Harbour Courier</p></footer></body>"
    )
    assert texts == [STORY]


def test_a_footer_inside_a_quote_or_figure_stays() -> None:
    texts = _texts(
        f"<body><p>{STORY}</p><blockquote><p>We will never give up.</p>"
        "<footer>— Mayor Ann Reed</footer></blockquote>"
        "<figure><img src='x.jpg'><footer>Photo: Tom Hale</footer></figure></body>"
    )
    assert "— Mayor Ann Reed" in texts
    assert "Photo: Tom Hale" in texts


def test_page_chrome_can_be_kept() -> None:
    texts = _texts(f"<body><nav><a href='/'>Home</a></nav><p>{STORY}</p></body>", page_chrome=False)
    assert texts == ["Home", STORY]


def test_an_element_holding_most_of_the_text_is_never_removed() -> None:
    # A page wrapped in <nav> (or captured while a modal made it aria-hidden) is still content.
    assert _texts(f"<body><nav><p>{STORY}</p></nav><p>Short.</p></body>") == [STORY, "Short."]
    assert _texts(f"<body><div aria-hidden='true'><p>{STORY}</p></div></body>") == [STORY]


def test_hidden_elements_are_removed_with_their_reason() -> None:
    tree = dom.parse(
        f"<body><p>{STORY}</p><div style='display: none'>Hidden promo text</div>"
        "<span class='sr-only'>Opens in a new window</span><nav><a href='/'>Home</a></nav></body>"
    )
    removed = dom.prune(tree, keep_texts=True)
    assert sorted(removed) == [
        ("hidden", "Hidden promo text"),
        ("hidden", "Opens in a new window"),
        ("navigation", "Home"),
    ]


def test_never_content_elements_give_no_text() -> None:
    texts = _texts(
        f"<body><p>{STORY}</p><select><option>January 2020</option></select>"
        "<button>Copy link</button><svg><text>icon</text></svg><textarea>Your comment</textarea>"
        "<script>var x = 'script text';</script><pre>code<button>Copy</button></pre></body>"
    )
    assert texts == [STORY, "code"]


def test_an_element_matched_several_ways_is_removed_once() -> None:
    # Listed once per matching part of the hidden selector, and again as navigation.
    tree = dom.parse(
        f"<body><p>{STORY}</p><nav hidden aria-hidden='true' class='sr-only'>Menu</nav></body>"
    )
    nav = tree.css_first("nav")
    assert [node.mem_id for node in dom._outermost([nav, nav, nav])] == [nav.mem_id]
    assert dom.prune(tree, keep_texts=True) == [("navigation", "Menu")]
    assert tree.css_first("nav") is None


def test_the_share_of_the_text_counts_no_whitespace() -> None:
    # The <nav> holds 60 % of the visible characters; the indentation would make it 30 %.
    indent = "\n" + " " * 200
    html = (
        f"<body>{indent}<div>{indent}<p>{'x' * 40}</p>{indent}</div>{indent}"
        f"<nav>{indent}<p>{'y' * 60}</p>{indent}</nav>{indent}</body>"
    )
    assert _texts(html) == ["x" * 40, "y" * 60]


def test_noscript_is_dropped_unless_it_holds_the_page() -> None:
    """A "please enable JavaScript" line or a tracking pixel goes; an app shell that renders
    by script and puts the whole page in <noscript> for readers without scripts (a Flarum
    forum) is read as such a reader sees it, and its hidden error box goes."""
    shell = (
        "<body><header><a href='/'>Forum</a></header><main><div id='content'></div>"
        "<div style='display: none'>Something went wrong while trying to load the full version"
        " of this site.</div>{noscript}</main></body>"
    )
    page = (
        "<noscript><div><h1>Harbour wall</h1>"
        f"<article><p>{STORY}</p><p>{STORY}</p></article></div></noscript>"
    )
    assert _texts(shell.format(noscript=page)) == ["Forum", "Harbour wall", STORY, STORY]
    notice = "<noscript><p>This site is best viewed with JavaScript enabled.</p></noscript>"
    texts = _texts(shell.format(noscript=notice))
    assert "This site is best viewed with JavaScript enabled." not in texts
    # A page saved from a browser that ran its scripts holds noscript content as escaped
    # text: that is markup, not a page to show.
    escaped = page.replace("<", "&lt;").replace("&lt;noscript>", "<noscript>")
    escaped = escaped.replace("&lt;/noscript>", "</noscript>")
    texts = _texts(shell.format(noscript=escaped))
    assert STORY not in " ".join(texts)
    # Beside an article of its own, even a long <noscript> is the script's stand-in.
    pixel = f"<noscript><p>{STORY}</p></noscript>"
    article = f"<body><article><p>{STORY} {STORY}</p></article>{pixel}</body>"
    assert _texts(article) == [f"{STORY} {STORY}"]


def test_hidden_page_chrome_kept_as_chrome_is_still_hidden() -> None:
    tree = dom.parse(
        f"<body><nav style='display:none'><a href='/'>Home</a></nav><p>{STORY}</p>"
        "<nav><a href='/news'>News</a></nav></body>"
    )
    assert dom.prune(tree, keep_texts=True, page_chrome=False) == [("hidden", "Home")]
    assert [s.text for s in segment_page(dom.content_root(tree)).segments] == [STORY, "News"]


def test_what_is_found_in_stripped_elements_or_the_head_is_not_reported() -> None:
    # The hidden <g> goes with its <svg>; the hidden <link> is not in the body.
    tree = dom.parse(
        "<head><link rel='x' style='display:none'></head><body>"
        f"<p>{STORY}</p><svg><g aria-hidden='true'><text>icon</text></g></svg>"
        "<div hidden>Hidden promo text</div></body>"
    )
    assert dom.prune(tree, keep_texts=True) == [("hidden", "Hidden promo text")]


def test_a_hidden_element_or_a_nav_that_opens_a_panel_is_still_removed() -> None:
    """Controls of a panel are found in the walk that finds hidden elements and navigation:
    being a control neither hides an element nor spares one that is hidden."""
    tree = dom.parse(
        f"<body><p>{STORY}</p>"
        "<div aria-controls='answer-1' style='display:none'>Show the answer</div>"
        "<div id='answer-1' hidden><p>The port authority pays two thirds of it.</p></div>"
        "<nav aria-controls='menu'><a href='/'>Home</a></nav>"
        "<div aria-controls='nothing'>Toggle</div></body>"
    )
    assert dom.prune(tree, keep_texts=True) == [
        ("hidden", "Show the answer"),
        ("navigation", "Home"),
    ]
    assert [s.text for s in segment_page(dom.content_root(tree)).segments] == [
        STORY,
        "The port authority pays two thirds of it.",
        "Toggle",
    ]


def test_collapsed_accordion_and_tab_panels_are_kept() -> None:
    """A panel that a button of the page opens (aria-controls) or a tab panel is hidden only
    until the reader clicks: an FAQ's answers, a story's second tab."""
    html = (
        f"<body><p>{STORY}</p>"
        "<h3><button aria-controls='answer-1' aria-expanded='false'>Who pays for the wall?</button></h3>"
        "<div id='answer-1' aria-hidden='true'><p>The port authority pays two thirds of it.</p></div>"
        "<button aria-controls='panel-a panel-b'>Timeline</button>"
        "<div id='panel-b' hidden><p>Work started in the spring of 2022.</p></div>"
        "<div role='tabpanel' style='display:none'><p>The old wall dates from 1887.</p></div>"
        "<div id='promo' style='display:none'>Hidden promo text</div></body>"
    )
    assert _texts(html) == [
        STORY,
        "The port authority pays two thirds of it.",
        "Work started in the spring of 2022.",
        "The old wall dates from 1887.",
    ]
