"""Line features of text mode: the grouping of a page's words by hash."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from presscut.text.lines import _grouped


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
