"""Benchmarks: quality and speed of presscut against other extractors (`python -m presscut.bench`)."""
