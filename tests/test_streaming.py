"""Parts of a page streamed by React's server renderer are read where the browser shows them."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

import presscut
from presscut import dom
from presscut.streaming import MAX_PARTS, place_streamed_parts

STORY = [
    "The council voted on Tuesday to approve the new harbour wall, ending a debate that has run "
    "for more than a decade and divided the town's fishermen and shopkeepers.",
    "Engineers said the wall would be built in three stages, starting next spring, and that the "
    "harbour would stay open to the ferry and the fishing fleet throughout the works.",
    "The regional government has promised to pay for half of the project, the mayor told "
    "reporters after the vote, and the rest will come from a loan over thirty years.",
    "Shopkeepers on the quay said they feared a year of noise and dust, but most agreed the "
    "wall was overdue after three winters in which storms flooded the harbour front.",
]


def _body_text(html: str) -> str:
    tree = LexborHTMLParser(html)
    place_streamed_parts(tree, html)
    for script in tree.css("script"):
        script.decompose()
    return tree.body.text(separator="|", strip=True)


def test_a_completed_boundary_replaces_its_fallback() -> None:
    html = (
        "<html><body><main><p>First.</p><!--$?--><template id='B:0'></template>"
        "<div>Loading paragraph...</div><!--/$--><p>Last.</p></main>"
        '<div hidden id="S:0"><p>Middle.</p></div>'
        '<script>$RC("B:0","S:0")</script></body></html>'
    )
    assert _body_text(html) == "First.|Middle.|Last."


def test_script_pairs_win_over_numbers() -> None:
    """React numbers boundaries and parts with two counters: B:0 may be completed by S:2."""
    html = (
        "<html><body><p>A.</p><!--$?--><template id='B:0'></template><!--/$-->"
        "<p>B.</p><!--$?--><template id='B:2'></template><!--/$-->"
        '<div hidden id="S:2"><p>after A</p></div><div hidden id="S:0"><p>after B</p></div>'
        '<script>$RC("B:0","S:2");$RC("B:2","S:0")</script></body></html>'
    )
    assert _body_text(html) == "A.|after A|B.|after B"


def test_placeholders_and_nested_boundaries_are_filled() -> None:
    """`$RS` fills a `P:` placeholder; a part can hold the boundary of a later part."""
    html = (
        "<html><body><p>One.</p><template id='P:1'></template><p>Four.</p>"
        '<div hidden id="S:1"><p>Two.</p><!--$?--><template id="B:3"></template><!--/$--></div>'
        '<div hidden id="S:3"><p>Three.</p></div>'
        '<script>$RS("S:1","P:1");$RC("B:3","S:3")</script></body></html>'
    )
    assert _body_text(html) == "One.|Two.|Three.|Four."


def test_an_archived_copy_without_scripts_pairs_parts_by_number() -> None:
    html = (
        "<html><body><p>One.</p><template id='B:0'></template><div>Loading...</div>"
        "<p>Three.</p><template id='B:1'></template>"
        '<div hidden id="S:1"><p>Four.</p></div><div hidden id="S:0"><p>Two.</p></div>'
        "</body></html>"
    )
    # Without the boundary's closing comment the fallback cannot be told apart: it stays.
    assert _body_text(html) == "One.|Two.|Loading...|Three.|Four."


def test_a_page_without_streamed_parts_is_left_alone() -> None:
    html = '<html><body><div hidden id="S:0"><p>Secret.</p></div><p>Text.</p></body></html>'
    tree = LexborHTMLParser(html)
    assert place_streamed_parts(tree, html) == 0  # no placeholder to put it in
    assert tree.body.css_first("div[hidden]") is not None


def test_a_streamed_story_is_extracted_in_reading_order() -> None:
    """End to end: the story's paragraphs arrive as hidden parts after the page shell."""
    slots = "".join(
        f"<!--$?--><template id='B:{i}'></template><div>Loading paragraph...</div><!--/$-->"
        for i in range(len(STORY))
    )
    parts = "".join(f'<div hidden id="S:{i}"><p>{p}</p></div>' for i, p in enumerate(STORY))
    moves = ";".join(f'$RC("B:{i}","S:{i}")' for i in range(len(STORY)))
    html = (
        "<html><head><title>Harbour wall approved | The Courier</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article>"
        f"<h1>Harbour wall approved</h1>{slots}</article></main>"
        f"{parts}<script>{moves}</script></body></html>"
    )
    article = presscut.extract(html)
    assert article.text == "\n\n".join(STORY)


def test_a_page_streaming_too_many_parts_has_the_rest_left_hidden() -> None:
    """A chain of parts nested in one another costs the square of its length to move."""
    count = MAX_PARTS + 50
    parts = "".join(
        f'<div hidden id="S:{i}"><p>part {i}</p><template id="B:{i + 1}"></template></div>'
        for i in range(count)
    )
    html = f"<html><body><p>Shell.</p><template id='B:0'></template>{parts}</body></html>"
    tree = LexborHTMLParser(html)
    assert place_streamed_parts(tree, html) == MAX_PARTS
    assert len(tree.css('div[hidden][id^="S:"]')) == count - MAX_PARTS


def test_a_part_holding_its_own_placeholder_stays_where_it_is() -> None:
    html = '<html><body><div hidden id="S:0"><p>a</p><template id="B:0"></template></div></body></html>'
    tree = LexborHTMLParser(html)
    assert place_streamed_parts(tree, html) == 0
    assert tree.body.css_first('div[id="S:0"]').text(strip=True) == "a"


def test_the_first_element_of_a_repeated_id_is_the_placeholder() -> None:
    """As with getElementById; the later one here sits inside the part itself."""
    html = (
        "<html><body><p>One.</p><template id='P:0'></template><p>Three.</p>"
        '<div hidden id="S:0"><template id="P:0"></template><p>Two.</p></div>'
        '<script>$RS("S:0","P:0")</script></body></html>'
    )
    assert _body_text(html) == "One.|Two.|Three."


def test_the_parsed_tree_has_the_parts_in_place() -> None:
    """`dom.parse` builds the tree as a browser does, from text or from UTF-8 bytes."""
    html = (
        "<html><body><p>One.</p><template id='P:0'></template><p>Three.</p>"
        '<div hidden id="S:0"><p>Två.</p></div><script>$RS("S:0","P:0")</script></body></html>'
    )
    for source in (html, html.encode("utf-8")):
        tree = dom.parse(source)
        assert tree.css_first('div[id="S:0"]') is None
        assert [p.text() for p in tree.css("p")] == ["One.", "Två.", "Three."]


def test_a_part_not_written_as_react_writes_it_is_left_alone() -> None:
    """Only `id="S:…"` as React writes it marks a streamed part: the same element written
    otherwise (by hand, or by another tool) is not moved."""
    html = (
        "<html><body><p>First.</p><template id='B:0'></template><p>Last.</p>"
        "<div hidden id='S:0'><p>Other.</p></div></body></html>"
    )
    tree = LexborHTMLParser(html)
    assert place_streamed_parts(tree, html) == 0
    assert place_streamed_parts(LexborHTMLParser(html), html.encode()) == 0
    assert place_streamed_parts(LexborHTMLParser(html), html.replace("'S:0'", '"S:0"')) == 1
