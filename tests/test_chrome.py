"""Each family of page chrome that news sites carry is cut; the story around it is kept.

Every case puts one chrome block in the middle of the same hand-written
article (`fixtures/page_template.html`), where it hurts most: between two
paragraphs of the story. The article's paragraphs must all survive, intact
and in order, and no sentence of the chrome may remain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import presscut

TEMPLATE = (Path(__file__).parent / "fixtures" / "page_template.html").read_text("utf-8")

STORY_OPENINGS = (
    "The city council voted 31 to 12 on Tuesday night",
    "The line, which will run for 14 kilometres",
    "Supporters said the vote was a turning point",
    "Opponents argued that the budget of 620 million euros",
    "Work on the first section is due to start next spring",
)

CHROME = {
    "donation_appeal": (
        """<div class="support-us-box"><h3>Before you go</h3>
        <p>Our journalism is free to read because readers like you chip in. We have no billionaire owner
        and no paywall, and every contribution, however small, makes the difference.</p>
        <p><a href="/donate" class="button">Support the Courier from just €1</a></p></div>""",
        ["every contribution, however small", "Support the Courier from just"],
    ),
    "newsletter": (
        """<aside class="newsletter-signup"><h4>Morning Briefing</h4>
        <p>Get the day's most important stories in your inbox every morning. Sign up to our free newsletter.</p>
        <form><input type="email" placeholder="Your email"><button>Sign up</button></form></aside>""",
        ["Get the day's most important stories in your inbox"],
    ),
    "share_bar": (
        """<div class="share-tools social-share"><span>Share this article</span>
        <a href="https://facebook.com/sharer">Facebook</a> <a href="https://twitter.com/share">Twitter</a>
        <a href="https://wa.me/">WhatsApp</a> <a href="mailto:?">Email</a></div>""",
        ["Share this article", "WhatsApp"],
    ),
    "related": (
        """<section class="related-articles"><h3>Related stories</h3><ul>
        <li><a href="/a">Bus fares to rise by 8 percent from January</a></li>
        <li><a href="/b">Mayor defends plan for new ring road</a></li>
        <li><a href="/c">Cycling lanes on the bridge to open in summer</a></li></ul></section>""",
        ["Bus fares to rise by 8 percent", "Mayor defends plan for new ring road"],
    ),
    "advertisement": (
        """<div class="ad-container ad-slot"><span class="ad-label">Advertisement</span>
        <div id="div-gpt-ad-1234"><a href="https://ads.example/click">Save 50% on home insurance today!</a></div></div>""",
        ["Save 50% on home insurance", "Advertisement"],
    ),
    "paywall": (
        """<div class="paywall-notice premium-banner"><p>This article is for subscribers only.
        Subscribe now for unlimited access to all our journalism, or log in if you already have an account.</p></div>""",
        ["Subscribe now for unlimited access"],
    ),
    "cookie_banner": (
        """<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience and
        to show you personalised advertising. By continuing to browse you agree to our use of cookies.</p>
        <a href="/cookies">Manage preferences</a></div>""",
        ["We use cookies to improve your experience", "Manage preferences"],
    ),
    "comments": (
        """<section id="comments" class="comments-area"><h3>Comments (12)</h3>
        <p class="comment-prompt">Join the conversation. Please keep comments respectful and on topic.</p>
        <div class="comment"><span class="comment-author">tramfan88</span>
        <p>Finally! I have been waiting for this since I moved here.</p></div></section>""",
        ["Join the conversation", "I have been waiting for this since I moved here"],
    ),
    "author_bio": (
        """<div class="author-bio"><img src="/img/jd.jpg" alt=""><p><strong>Jane Doe</strong> is the
        Courier's transport correspondent. She has covered city hall since 2015.</p>
        <a href="/authors/jane-doe">More articles by Jane Doe</a></div>""",
        ["transport correspondent. She has covered city hall", "More articles by Jane Doe"],
    ),
    "tags": (
        """<div class="article-tags tag-list"><span>Topics:</span> <a href="/t/transport">Transport</a>
        <a href="/t/council">City council</a> <a href="/t/trams">Trams</a> <a href="/t/budget">Budget</a></div>""",
        ["Topics:", "City council Trams"],
    ),
    "breadcrumbs": (
        """<nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a> › <a href="/news/local">Local</a></nav>""",
        ["Home › News"],
    ),
    "most_read": (
        """<div class="most-read widget"><h3>Most read</h3><ol>
        <li><a href="/x">Storm warning issued for the weekend</a></li>
        <li><a href="/y">Five restaurants to try this autumn</a></li></ol></div>""",
        ["Storm warning issued for the weekend", "Five restaurants to try this autumn"],
    ),
    "photo_credit": (
        """<figure class="wp-block-image"><img src="/img/tram.jpg" alt="A tram on the bridge">
        <figcaption>Photo: Marta Kowalska / Courier Agency</figcaption></figure>""",
        ["Marta Kowalska / Courier Agency"],
    ),
    "hidden": (
        """<div style="display: none">Hidden tracking text that no reader ever sees on this page.</div>
        <p hidden>Another hidden paragraph that must not be extracted by the tool.</p>
        <div aria-hidden="true">Decorative text hidden from assistive technology users.</div>""",
        ["Hidden tracking text", "Another hidden paragraph", "Decorative text hidden"],
    ),
}


def _page(slot: str) -> str:
    return TEMPLATE.replace("<!--SLOT-->", slot)


def _assert_story_intact(text: str) -> None:
    positions = [text.find(opening) for opening in STORY_OPENINGS]
    assert all(p >= 0 for p in positions), f"story paragraph missing from:\n{text}"
    assert positions == sorted(positions), "story paragraphs out of order"
    paragraphs = text.split("\n\n")
    for opening in STORY_OPENINGS:
        assert any(p.startswith(opening) for p in paragraphs), f"{opening!r} glued to another block"


def test_template_alone_is_the_story() -> None:
    article = presscut.extract(_page(""))
    _assert_story_intact(article.text)
    for chrome in ("Politics", "All rights reserved", "Privacy policy", "The Riverside Courier"):
        assert chrome not in article.text
    assert article.page_type == "article"


@pytest.mark.parametrize("family", sorted(CHROME))
def test_chrome_family_is_cut(family: str) -> None:
    html, phrases = CHROME[family]
    article = presscut.extract(_page(html), include_removed=True)
    _assert_story_intact(article.text)
    for phrase in phrases:
        assert phrase not in article.text, f"{family}: {phrase!r} kept"
    removed_text = " ".join(r.text for r in article.removed)
    assert any(phrase in removed_text for phrase in phrases), f"{family}: not listed as removed"


def test_removed_blocks_say_why() -> None:
    families = ("comments", "newsletter", "share_bar", "photo_credit")
    html = "".join(CHROME[family][0] for family in families)
    article = presscut.extract(_page(html), include_removed=True)
    reasons = {r.reason for r in article.removed}
    assert {"comments", "newsletter", "share", "photo_credit"} <= reasons
    assert all(r.reason and r.reason.isidentifier() for r in article.removed)


def test_removed_is_empty_unless_asked() -> None:
    article = presscut.extract(_page(CHROME["comments"][0]))
    assert article.removed == ()


PLAIN_BOX_APPEAL = (
    '<div class="box box--wide"><p>Thank you for reading. Our journalism is free for everyone'
    " because readers like you support it. We have no billionaire owner, and we never put our"
    " reporting behind a paywall.</p><p>If you value what we do, please consider making a"
    " contribution today. Every gift, however small, makes the difference.</p>"
    '<p><a href="/give">Give once</a> <a href="/give/monthly">Give monthly</a></p></div>'
)


def _assert_plain_box_appeal_cut(article: presscut.Article) -> None:
    _assert_story_intact(article.text)
    for phrase in ("Thank you for reading", "If you value what we do", "Give monthly"):
        assert phrase not in article.text
    reasons = {r.reason for r in article.removed if "journalism" in r.text or "value" in r.text}
    assert reasons and reasons <= {"appeal", "paywall"}


def test_an_appeal_above_the_story_in_a_plain_box_is_cut() -> None:
    """The failure presscut exists to fix: the headline, the publisher asking for money in
    paragraphs with no telling class name, then the story."""
    html = TEMPLATE.replace(
        '<div class="article__body">', '<div class="article__body">' + PLAIN_BOX_APPEAL
    )
    article = presscut.extract(html.replace("<!--SLOT-->", ""), include_removed=True)
    _assert_plain_box_appeal_cut(article)
    assert article.text.startswith(STORY_OPENINGS[0])


def test_an_appeal_between_story_paragraphs_in_a_plain_box_is_cut() -> None:
    article = presscut.extract(_page(PLAIN_BOX_APPEAL), include_removed=True)
    _assert_plain_box_appeal_cut(article)


READERS_REPLIES = (
    "I have lived on the east side for twenty years and this is the first time the council has"
    " listened to us. The buses are always full by seven in the morning, and the traffic on the"
    " bridge is worse every winter. A tram will not fix everything, but it is a start.",
    "Six hundred and twenty million euros is a lot of money for fourteen kilometres. I would like"
    " to see the detailed budget before I believe the line will be finished on time. Every"
    " project like this in the region has gone over budget by at least a third.",
    "My daughter takes two buses to get to school. If the line really opens in 2029 she will be"
    " at university by then, but her younger brother will use it. I hope the stations are"
    " accessible for wheelchairs and prams, which the old ones never were.",
    "The article does not mention what happens to the bus routes that the tram replaces. In"
    " other cities they cut the buses the week the tram opened and left whole neighbourhoods"
    " without a stop. Someone should ask the council about that before the vote next month.",
    "Good news at last. I remember the old tram that ran on the same street until 1962, and my"
    " grandfather always said it was a mistake to tear up the tracks. It took sixty years to"
    " admit it.",
)


def _with_readers_replies(wrapper: str = "") -> str:
    """The template story followed by a WordPress comment thread as long as the story."""
    replies = "".join(
        f'<li class="comment"><div class="comment-author"><b>Reader {i}</b> says:</div>'
        f'<div class="comment-content"><p>{text}</p></div></li>'
        for i, text in enumerate(READERS_REPLIES)
    )
    thread = (
        '<div id="comments" class="comments-area"><h3>5 thoughts on the tram vote</h3>'
        f'<ol class="commentlist">{replies}</ol></div>'
    )
    html = _page("").replace("</article>", "</article>" + thread)
    if wrapper:
        html = html.replace(
            '<article class="article">', f'<div class="{wrapper}"><article class="article">'
        )
        html = html.replace("</ol></div>", "</ol></div></div>")
    return html


def test_a_long_comment_thread_under_the_story_is_cut() -> None:
    """Readers' comments read like prose and can outweigh the story: the thread's names
    (`#comments`, `.comment-content`) give them away."""
    article = presscut.extract(_with_readers_replies(), include_removed=True)
    _assert_story_intact(article.text)
    assert not [t for t in READERS_REPLIES if t[:40] in article.text]
    cut = {r.reason for r in article.removed if any(t[:40] in r.text for t in READERS_REPLIES)}
    assert cut == {"comments"}


def test_replies_on_a_forum_thread_are_kept() -> None:
    """On a forum the replies are the content, though forum software names them comments."""
    article = presscut.extract(_with_readers_replies(wrapper="discussion-thread"))
    _assert_story_intact(article.text)
    assert len([t for t in READERS_REPLIES if t[:40] in article.text]) >= 3


# The purposes a consent manager lists, in the words of the IAB's framework: long, plain prose.
CONSENT_PURPOSES = (
    "Information about your activity on this service, such as the forms you submit and the"
    " content you look at, can be stored and combined with other information about you to build"
    " or improve a profile about you, which is used to present advertising that is more relevant.",
    "Advertising presented to you on this service can be based on your advertising profiles,"
    " which can reflect your activity on this service or other websites and apps, possible"
    " interactions with other forms of content, and your location.",
    "Information about which content is presented to you and how you interact with it can be"
    " used to determine whether the content was relevant to you, for example whether you read"
    " the whole article or watched the whole video before you left the page.",
    "With your acceptance, your precise location within a radius of less than 500 metres may be"
    " used and your device may be actively scanned for specific characteristics, which can be"
    " used to identify you across the different websites and apps you visit.",
)


def _with_consent_dialog(names: str) -> str:
    """The template story, then a consent manager's preference centre named `names`."""
    purposes = "".join(
        f'<div class="{names}-purpose"><h4>Purpose {i}</h4><p>{text}</p></div>'
        for i, text in enumerate(CONSENT_PURPOSES)
    )
    dialog = (
        f'<div id="{names}-sdk"><div role="dialog" aria-label="Privacy preferences">'
        f"<h3>We and our partners process data to provide:</h3>{purposes}</div></div>"
    )
    return _page("").replace("</article>", "</article>" + dialog)


def test_a_consent_managers_purposes_are_cut() -> None:
    """A preference centre saved with the page reads like prose; its element's name
    (`onetrust-consent`, `cookie-banner`) gives it away."""
    for names in ("onetrust-consent", "cookie-banner"):
        article = presscut.extract(_with_consent_dialog(names), include_removed=True)
        _assert_story_intact(article.text)
        assert not [t for t in CONSENT_PURPOSES if t[:40] in article.text], names
        cut = {r.reason for r in article.removed if any(t[:40] in r.text for t in CONSENT_PURPOSES)}
        assert cut == {"cookie_notice"}, names


def test_text_in_components_named_cmp_or_cookies_is_kept() -> None:
    """Adobe's Core Components are named `cmp-text`, documentation has a `#cookies` section:
    neither is a consent manager."""
    for names in ("cmp-text", "cookies"):
        article = presscut.extract(_with_consent_dialog(names))
        _assert_story_intact(article.text)
        assert len([t for t in CONSENT_PURPOSES if t[:40] in article.text]) >= 3, names


FORUM_POSTS = (
    "Has anyone else noticed that the new firmware drains the battery twice as fast? Mine went"
    " from lasting three days to barely one after the update last Tuesday, and nothing else"
    " changed on my side.",
    "Same here. I rolled back to the previous version through the recovery menu and the battery"
    " life came back straight away, so it is definitely the update and not the hardware.",
    "The manufacturer posted on their support page that a fix is coming next week. Until then,"
    " turning off the always-on display seems to help quite a bit, at least in my experience.",
)
SIGNATURES = (
    "Current setup: Model X Pro, custom case, two spare batteries. Proud member since 2009.",
    "Keep calm and carry a charger. Opinions are my own and not those of my employer.",
    "Three phones, two tablets and one very patient partner. Ask me about travel adapters.",
)


def _forum_thread() -> str:
    """A phpBB-style thread: each post followed by its author's signature (forum software
    names it `.signature`)."""
    posts = "".join(
        f'<div class="post"><div class="postbody"><p class="author">by member{i}</p>'
        f'<div class="content">{text}</div>'
        f'<div class="signature">{SIGNATURES[i]}</div></div></div>'
        for i, text in enumerate(FORUM_POSTS)
    )
    return (
        "<html><head><title>Battery drain after update - Devices Forum</title></head><body>"
        '<div id="page-body"><h2 class="topic-title">Battery drain after update</h2>'
        f"{posts}</div></body></html>"
    )


def test_forum_signatures_are_cut_and_posts_kept() -> None:
    article = presscut.extract(_forum_thread(), include_removed=True)
    for text in FORUM_POSTS:
        assert text in article.text
    assert not [s for s in SIGNATURES if s[:30] in article.text]
    assert {r.reason for r in article.removed if r.text in SIGNATURES} == {"signature"}


def test_a_heading_about_signatures_is_kept() -> None:
    """A heading's id is a slug of its own text, not the name of a box."""
    section = (
        '<h2 id="invalid-signature">What an invalid signature means</h2>'
        "<p>When the package manager reports an invalid signature, the key that signed the"
        " package is missing from the local keyring or has expired, and refreshing the keyring"
        " usually fixes the error without any further steps.</p>"
    )
    article = presscut.extract(_page(section))
    _assert_story_intact(article.text)
    assert "What an invalid signature means" in article.text


AFFILIATE_DISCLOSURE = (
    "We may earn a commission when you buy through links on our site. Our editors choose every"
    " product independently, and the retailers we link to have no say in what we recommend or"
    " in how we review it."
)


def test_a_disclosure_beside_the_story_is_cut() -> None:
    """A publisher's notice in a box named for it is no part of the story."""
    box = f'<div class="editorial-disclosure"><p>{AFFILIATE_DISCLOSURE}</p></div>'
    article = presscut.extract(
        _page("").replace('<article class="article">', '<article class="article">' + box),
        include_removed=True,
    )
    _assert_story_intact(article.text)
    assert AFFILIATE_DISCLOSURE[:40] not in article.text
    assert {r.reason for r in article.removed if r.text == AFFILIATE_DISCLOSURE} == {"disclaimer"}


def test_offer_terms_on_a_page_with_no_article_element_are_kept() -> None:
    """Service pages print their offer's terms in disclaimer boxes, as part of what they say."""
    terms = (
        "Discount available for new customers only. The offer applies to annual plans bought"
        " before the end of the month and cannot be combined with other promotions or credits."
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in READERS_REPLIES[:3])
    html = (
        "<html><head><title>Plans and pricing - Example Cloud</title></head><body>"
        f'<div class="pricing-page"><h1>Plans and pricing</h1>{paragraphs}'
        f'<div class="pricing-disclaimer"><p>{terms}</p></div></div></body></html>'
    )
    assert terms in presscut.extract(html).text


AUTHOR_BIO = (
    "Maria Lindqvist has covered transport and city politics for the Courier since 2015. Before"
    " that she reported on local government in Gothenburg, and she still cycles to work every"
    " day, whatever the weather."
)


def test_an_author_bio_under_the_story_is_cut() -> None:
    """A writer's bio is prose about the writer, in a box named for it."""
    box = f'<div class="author-bio"><p>{AUTHOR_BIO}</p></div>'
    article = presscut.extract(
        _page("").replace("</article>", box + "</article>"), include_removed=True
    )
    _assert_story_intact(article.text)
    assert AUTHOR_BIO[:40] not in article.text
    assert {r.reason for r in article.removed if r.text == AUTHOR_BIO} == {"author_bio"}


PREVIEW_TITLE = "Harbour town votes to keep its last ferry running through the winter"


def test_a_preview_card_of_another_page_is_cut() -> None:
    """WordPress's embed of another post is that post's title and first lines."""
    card = (
        '<blockquote class="wp-embedded-content"><a href="/2024/ferry-vote/">'
        f"{PREVIEW_TITLE}</a><p>The council said the crossing would stay open on weekdays,"
        " whatever the weather, until at least the end of March next year.</p></blockquote>"
    )
    article = presscut.extract(
        _page("").replace("</article>", card + "</article>"), include_removed=True
    )
    _assert_story_intact(article.text)
    assert PREVIEW_TITLE not in article.text
    assert "crossing would stay open" not in article.text
    assert {r.reason for r in article.removed if r.text == PREVIEW_TITLE} == {"embed"}
