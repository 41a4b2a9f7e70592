"""Line features of text mode: the grouping of a page's words by hash, the word counts."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from presscut.text import split_text
from presscut.text.lines import _grouped, line_evidence


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=60),
    st.lists(st.integers(min_value=0, max_value=(1 << 64) - 1), min_size=6, max_size=6),
)
def test_grouped_is_the_stable_sort_up_to_the_order_of_groups(
    picks: list[int], words: list[int]
) -> None:
    # Words 4 and 5 share the low 32 bits of 0 and 1: the full sort must be taken.
    words[4] = (words[0] & 0xFFFFFFFF) | (words[4] & ~0xFFFFFFFF)
    words[5] = (words[1] & 0xFFFFFFFF) | (words[5] & ~0xFFFFFFFF)
    hashes = np.array([words[i] for i in picks], dtype=np.uint64)
    order = _grouped(hashes)
    assert sorted(order.tolist()) == list(range(len(hashes)))
    grouped = hashes[order]
    # Each hash is one run, and within it the positions keep their order.
    runs = [h for i, h in enumerate(grouped.tolist()) if i == 0 or grouped[i - 1] != h]
    assert len(runs) == len(set(runs))
    for h in set(runs):
        positions = order[grouped == h].tolist()
        assert positions == sorted(positions)


def test_word_counts_are_those_of_a_split_of_each_line() -> None:
    """The chrome-line rules take each line's words from the page's arrays (`words`) instead
    of splitting it: every kind of space counts, and lines cut at restored breaks too."""
    text = (
        "Share\tthis:\u00a0now\n  Advertisement \x1f Ad\u1680mark \n"
        "The council met on Tuesday.The mayor said the bridge opens in May.\n"
        "Photo: Jane Doe/Reuters\u3000\u2003end\nnutrition factsThose who ask\n"
        "one\n\u00e9t\u00e9 \U0001f600 emoji"
    )
    page = split_text(text)
    assert len(page.lines) > 5  # a restored break among them
    words = line_evidence(page).words
    assert words.tolist() == [len(line.split()) for line in page.lines]
