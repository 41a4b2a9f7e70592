"""Count, per site, the lines that recur across a corpus's records, in bounded memory.

A site's template (its menu, its appeal, its comment prompt) prints the
same lines on every page, while an article's lines appear on one page (or
a few, when a story is updated or syndicated). Corpus mode's first pass
feeds every record's distinct lines, keyed by the record's URL host, to a
`TemplateCounter`; the second pass asks it how many of the host's records
carried each line.

Memory is fixed, whatever the corpus size, by two hashed structures:

- a Bloom filter of the (host, line) pairs seen so far (64 MiB by
  default). Most lines of a corpus are article lines seen exactly once;
  they only set bits here and never reach the counts.
- a count-min sketch (`depth` rows of `width` counters, 16 MiB by
  default) that counts the *repeat* sightings. Because singletons are kept
  out of it, it holds few distinct keys, so hash collisions (the only
  source of error: counts can be over-estimated, never under-estimated)
  stay rare even for large corpora. Each host's record count is kept in
  the same sketch, so the number of hosts is unbounded too.

Hashes use Python's `hash()` of strings, randomised per process: the two
passes of one run agree, which is all the counts are used for.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

DEFAULT_WIDTH = 1 << 20
DEFAULT_DEPTH = 4
DEFAULT_BLOOM_BITS = 1 << 29
BLOOM_HASHES = 4
MIN_RECORDS = 3
"""A line must recur in at least this many records of its host to be a template line."""
MIN_SHARE = 0.05
"""...and in at least this share of the host's records (big sites syndicate and update)."""
_HOST_KEY = "\x00records"
_FLUSH_AT = 1 << 16  # pending keys before a batched update of the tables


def _power_of_two(value: int, name: str) -> int:
    if value < 8 or value & (value - 1):
        raise ValueError(f"{name} must be a power of two >= 8")
    return value


class TemplateCounter:
    """Per-host document frequencies of lines (see the module docstring)."""

    def __init__(
        self,
        width: int = DEFAULT_WIDTH,
        depth: int = DEFAULT_DEPTH,
        bloom_bits: int = DEFAULT_BLOOM_BITS,
    ) -> None:
        self.width = _power_of_two(width, "width")
        self.depth = depth
        self.bloom_bits = _power_of_two(bloom_bits, "bloom_bits")
        self.table = np.zeros((depth, width), dtype=np.uint32)
        self.bloom = np.zeros(bloom_bits // 8, dtype=np.uint8)
        self._pending_lines: list[tuple[int, int]] = []
        self._pending_hosts: list[tuple[int, int]] = []

    @staticmethod
    def _key(host: str, line: str) -> tuple[int, int]:
        return hash((host, line)), hash((line, host, 1))

    @staticmethod
    def _positions(keys: list[tuple[int, int]], count: int, size: int) -> np.ndarray:
        """(count, n) positions in a table of `size` slots (double hashing: h1 + i*h2)."""
        pairs = np.array(keys, dtype=np.int64).view(np.uint64).reshape(-1, 2)
        strides = np.arange(count, dtype=np.uint64)[:, None]
        combined = pairs[:, 0][None, :] + strides * (pairs[:, 1][None, :] | np.uint64(1))
        return (combined & np.uint64(size - 1)).astype(np.intp)

    def _count(self, keys: list[tuple[int, int]]) -> None:
        if not keys:
            return
        slots = self._positions(keys, self.depth, self.width)
        for row in range(self.depth):
            np.add.at(self.table[row], slots[row], 1)

    def add_record(self, host: str, lines: Iterable[str]) -> None:
        """Count one record: each distinct line once, and one more record for the host."""
        self._pending_hosts.append(self._key(host, _HOST_KEY))
        self._pending_lines.extend(self._key(host, line) for line in set(lines))
        if len(self._pending_lines) >= _FLUSH_AT:
            self.flush()

    def flush(self) -> None:
        """Apply pending keys: repeats (already in the Bloom filter) are counted."""
        self._count(self._pending_hosts)
        self._pending_hosts = []
        keys, self._pending_lines = self._pending_lines, []
        if not keys:
            return
        bits = self._positions(keys, BLOOM_HASHES, self.bloom_bits)
        byte, mask = bits >> 3, (1 << (bits & 7)).astype(np.uint8)
        seen = np.all(self.bloom[byte] & mask, axis=0)
        # A key twice in this batch is a repeat the second time.
        _, first = np.unique(np.array([k[0] for k in keys], dtype=np.int64), return_index=True)
        repeat_in_batch = np.ones(len(keys), dtype=bool)
        repeat_in_batch[first] = False
        repeats = seen | repeat_in_batch
        self._count([key for key, again in zip(keys, repeats, strict=True) if again])
        for row in range(BLOOM_HASHES):
            np.bitwise_or.at(self.bloom, byte[row], mask[row])

    def _estimate(self, keys: list[tuple[int, int]]) -> np.ndarray:
        slots = self._positions(keys, self.depth, self.width)
        rows = np.arange(self.depth)[:, None]
        return self.table[rows, slots].min(axis=0).astype(np.int64)

    def records(self, host: str) -> int:
        """Estimated number of records counted for `host`."""
        self.flush()
        return int(self._estimate([self._key(host, _HOST_KEY)])[0])

    def counts(self, host: str, lines: list[str]) -> np.ndarray:
        """Estimated number of the host's records carrying each line (0 for unseen lines)."""
        self.flush()
        if not lines:
            return np.zeros(0, dtype=np.int64)
        keys = [self._key(host, line) for line in lines]
        repeats = self._estimate(keys)
        bits = self._positions(keys, BLOOM_HASHES, self.bloom_bits)
        seen = np.all(self.bloom[bits >> 3] & (1 << (bits & 7)).astype(np.uint8), axis=0)
        return repeats + seen

    def recurring(self, host: str, lines: list[str]) -> np.ndarray:
        """Which lines recur often enough on this host to be its template."""
        threshold = max(MIN_RECORDS, MIN_SHARE * self.records(host))
        return self.counts(host, lines) >= threshold
