"""The parts of `benchmarks/corpus_coverage.py`, by job; see that script."""
