"""Articles per second of the extractor on one core: extraction only, texts already in memory."""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks.extract.polnear import Article
from benchmarks.extract.score import Extract
from benchmarks.run import rate


def articles_per_second(extract: Extract, articles: Sequence[Article], repeat: int = 3) -> float:
    """The best of `repeat` passes over the articles, with the garbage collector off while timing,
    as `benchmarks.run.rate` does for the converters."""
    inputs = [(article.text, article.published) for article in articles]

    def one_pass() -> None:
        for text, published in inputs:
            extract(text, published=published, language="en")

    return rate(len(inputs), one_pass, repeat)
