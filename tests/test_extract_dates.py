"""Date expressions found in text and resolved against the publication date (extract.dates)."""

from __future__ import annotations

import datetime

import pytest

from newsreport.extraction.dates import FoundDate, find_dates

MONDAY = datetime.date(2025, 2, 3)


def _one(text: str, published: datetime.date | None = MONDAY) -> FoundDate:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "said", "value", "inferred"),
    [
        ("She arrived on Monday.", "on Monday", "2025-02-03", ("year", "month", "day")),
        ("They met last Friday.", "last Friday", "2025-01-31", ("year", "month", "day")),
        ("He spoke Saturday.", "Saturday", "2025-02-01", ("year", "month", "day")),
        ("The deal was signed in May.", "in May", "2024-05", ("year",)),
        ("It was cold in February.", "in February", "2025-02", ("year",)),
        ("The talks began last February.", "last February", "2024-02", ("year",)),
        ("She took office in October 2024.", "in October 2024", "2024-10", ()),
        ("It opened on Oct. 12.", "on Oct. 12", "2024-10-12", ("year",)),
        ("It closed Sept. 8.", "Sept. 8", "2024-09-08", ("year",)),
        ("It opened October 12, 2024.", "October 12, 2024", "2024-10-12", ()),
        ("It opened 12 October 2024.", "12 October 2024", "2024-10-12", ()),
        ("It opened on the 12th of October 2024.", "12th of October 2024", "2024-10-12", ()),
        ("It opened on Monday, Sept. 9, 2024, at noon.", "on Monday, Sept. 9, 2024", "2024-09-09", ()),
        ("The 2016 election was close.", "2016", "2016", ()),
        ("Prices have risen since 2012, he said.", "since 2012", "2012", ()),
        ("They voted yesterday.", "yesterday", "2025-02-02", ("year", "month", "day")),
        ("Today the vote is due.", "Today", "2025-02-03", ("year", "month", "day")),
        ("Rain fell last night.", "last night", "2025-02-02", ("year", "month", "day")),
        ("Last year's summit failed.", "Last year", "2024", ("year",)),
        ("Prices fell last month.", "last month", "2025-01", ("year", "month")),
        ("They met two days ago.", "two days ago", "2025-02-01", ("year", "month", "day")),
        ("They met four years ago.", "four years ago", "2021", ("year",)),
        ("The thaw began in mid-May.", "mid-May", "2024-05", ("year",)),
        ("Paris was attacked in January of last year.", "in January of last year", "2024-01", ("year",)),
        ("It is due in March this year.", "in March this year", "2025-03", ("year",)),
    ],
)
def test_resolves(text: str, said: str, value: str, inferred: tuple[str, ...]) -> None:
    """Each expression is found with its leading word and resolved to the parts it can be sure of."""
    found = _one(text)
    assert text[found.start : found.end] == said
    assert found.date.value == value
    assert found.date.inferred == inferred
    assert (found.date.note is not None) == bool(inferred)


def test_in_may_note_names_the_reasoning() -> None:
    """The note of an inferred year says what the text says and how the year follows."""
    assert _one("during his visit in May").date.note == (
        'The text says "in May"; the latest May before the publication date, 2025-02-03, is May 2024.'
    )


def test_on_the_day_itself() -> None:
    """A weekday that is the reference date itself is said so, naming the reference the caller gives."""
    (found,) = find_dates("a press conference on Monday", MONDAY, reference="the dateline date")
    assert found.date.note == 'The text says "on Monday"; the dateline date, 2025-02-03, is a Monday.'


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Voters will choose in November.", "2025-11"),
        ("He is expected to visit on Thursday.", "2025-02-06"),
        ("The vote is set for next Monday.", "2025-02-10"),
        ("They meet again next May.", "2025-05"),
    ],
)
def test_future(text: str, value: str) -> None:
    """A sentence speaking of the future resolves a date without a year forwards."""
    found = _one(text)
    assert found.date.value == value
    assert found.date.note is not None


def test_day_of_the_coming_weeks() -> None:
    """A day of a month less than 100 days ahead is the coming one, unless a past verb precedes it."""
    published = datetime.date(2016, 2, 10)
    assert _one("South Carolina's primary on Feb. 20 matters.", published).date.value == "2016-02-20"
    assert _one("The vote was held Feb. 20.", published).date.value == "2015-02-20"
    assert _one("They met on Oct. 12.", published).date.value == "2015-10-12"


def test_past_verb_before_the_day_wins_over_a_later_will() -> None:
    """`said Monday that he will ...`: the saying is last Monday, whatever it promises."""
    assert _one("He said Thursday that he will resign.").date.value == "2025-01-30"


def test_last_week_is_kept_only_as_far_as_certain() -> None:
    """Last week, Monday to Sunday, is one month's when it lies in one month, else only a year's."""
    assert _one("They met last week.", datetime.date(2025, 2, 20)).date.value == "2025-02"
    assert _one("They met last week.", MONDAY).date.value == "2025"
    assert find_dates("They met last week.", datetime.date(2025, 1, 6)) == ()


@pytest.mark.parametrize(
    "text",
    [
        "You may go.",
        "The march on the capital.",
        "Some 2,016 people and $2016 in the 1990s.",
        "week after week, the year's best month",
        "A road of 1500 miles.",
        "They met on May 45.",
    ],
)
def test_not_dates(text: str) -> None:
    """Modal `may`, common nouns, counts, sums, decades and impossible days are no dates."""
    assert find_dates(text, MONDAY) == ()


def test_without_publication_date_only_stated_dates() -> None:
    """Without a publication date nothing is inferred: only dates stated to the year are kept."""
    text = "On Monday, in May, on Oct. 12 and last year; but October 12, 2024, in March 2016 and 2012."
    found = find_dates(text, None)
    assert [text[f.start : f.end] for f in found] == ["October 12, 2024", "in March 2016", "2012"]
    assert all(f.date.inferred == () for f in found)


def test_seed_article(article: str) -> None:
    """The seed article's dates: the dateline's, `on Monday`, `in October 2024` stated, `in May` of 2024."""
    found = {article[f.start : f.end]: f.date for f in find_dates(article, MONDAY)}
    assert found["2025-02-03"].inferred == ()
    assert found["on Monday"].value == "2025-02-03"
    assert found["in October 2024"].value == "2024-10"
    assert found["in October 2024"].inferred == ()
    assert found["in May"].value == "2024-05"
    assert found["in May"].inferred == ("year",)


def test_edges_of_the_calendar() -> None:
    """Counting past the calendar's first or last year gives no date rather than an error."""
    assert find_dates("last year, last week, yesterday", datetime.date(1, 1, 1)) == ()
    assert find_dates("next year, next week, tomorrow", datetime.date(9999, 12, 31)) == ()
