"""The extractor run over a split, each draft turned into the metric's spans and scored."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks.extract.metric import Predicted, Tally, score
from benchmarks.extract.polnear import Article
from newsreport.model import NewsReport

Extract = Callable[..., NewsReport]
"""`newsreport.extract(text, *, published=None, language=None, id=None)`."""


class DraftError(Exception):
    """A draft whose spans do not index the article's text: nothing of it could be scored."""


@dataclass(frozen=True, slots=True)
class Result:
    """One article's tally, or why the extractor gave no draft of it."""

    article: Article
    tally: Tally
    failure: str | None = None
    """`Type: message` of the exception the extractor raised (the article then counts with no
    predictions, so the figures stay over the whole split)."""


def load_extractor() -> Extract:
    """`newsreport.extract`, or an ImportError saying what is missing."""
    try:
        extract = importlib.import_module("newsreport").extract
    except (ImportError, AttributeError) as error:
        raise ImportError(f"newsreport.extract cannot be imported ({type(error).__name__}: {error})") from error
    if not callable(extract):
        raise ImportError("newsreport.extract is not a function")
    return extract  # type: ignore[no-any-return]


def predictions(report: NewsReport) -> list[Predicted]:
    """The draft's statements as spans, each with its speakers' mentions."""
    mentions = {p.id: tuple((m.start, m.end) for m in p.mentions) for p in report.participants}
    return [
        Predicted(
            s.kind,
            (s.span.start, s.span.end),
            (s.reporting_verb.span.start, s.reporting_verb.span.end) if s.reporting_verb else None,
            (s.source.span.start, s.source.span.end) if s.source else None,
            tuple(m for speaker in s.speakers for m in mentions.get(speaker, ())),
        )
        for s in report.statements
    ]


def draft(extract: Extract, article: Article) -> NewsReport:
    """The extractor's draft of the article, as the issue calls it; refuses one whose body is not
    the article's text (its spans would not index the gold's)."""
    report = extract(article.text, published=article.published, language="en")
    if report.body is None or report.body.text != article.text:
        raise DraftError(f"{article.name}: the draft's body.text is not the article's text, so spans do not compare")
    return report


def run(extract: Extract, articles: Sequence[Article]) -> list[Result]:
    """Every article drafted and scored; an exception of the extractor is recorded, not raised
    (a `DraftError` is raised: the benchmark would measure nothing)."""
    results = []
    for article in articles:
        try:
            report = draft(extract, article)
        except DraftError:
            raise
        except Exception as error:  # any bug of the extractor: listed under the table
            failure = f"{type(error).__name__}: {one_line(str(error))}"
            results.append(Result(article, score(article.attributions, []), failure))
            continue
        results.append(Result(article, score(article.attributions, predictions(report))))
    return results


def one_line(message: str, width: int = 240) -> str:
    """A message's first three lines in one (pydantic's first says only how many errors)."""
    joined = " ".join(line.strip() for line in message.splitlines()[:3] if line.strip())
    return joined if len(joined) <= width else joined[: width - 1] + "…"


def total(results: Sequence[Result]) -> Tally:
    summed = Tally()
    for result in results:
        summed = summed + result.tally
    return summed


def by_publisher(results: Sequence[Result]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for result in results:
        tallies[result.article.publisher] = tallies.get(result.article.publisher, Tally()) + result.tally
    return dict(sorted(tallies.items()))
