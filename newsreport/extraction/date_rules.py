"""How a date phrase becomes a date: the rules that fill in what the text leaves out.

A date without a year (`Nov. 8`, `in May`, `Tuesday`) is taken to be in the past, unless a word
of the future stands near it in its sentence (`will`, `next`, `expected to`, or the present of a
calendar: `Nevada holds caucuses on Feb. 20`) and no past-tense verb stands just before it
(`said Monday that he will ...` is still last Monday). A day of a month (`Feb. 20`) that comes
within 100 days is the coming one unless a past-tense verb stands just before it: news prints the
days of the coming weeks without their year. A part that is not certain at its precision is not
given: `last week` becomes a month only when the whole week lies in one month. Every inferred
part is named in `inferred` and explained in the note.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsreport.extraction.lexicon import read_lexicon
from newsreport.model import DatePart, PartialDate

MONTHS = {row["word"]: int(row["month"]) for row in read_lexicon("months.tsv")}
MONTH_NAMES = {number: word for word, number in MONTHS.items() if not word.endswith(".")}
WEEKDAYS = {row["word"]: int(row["weekday"]) for row in read_lexicon("weekdays.tsv")}
_COUNTING = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_NUMBERS = {"a": 1, "an": 1} | {word: n for n, word in enumerate(_COUNTING, start=1)}


_FUTURE = re.compile(
    r"(?=[wgnuspehacmbtf’'])(?:"
    r"\b(?:will|won[’']t|would|going to|gonna|next|upcoming|scheduled|set to|plans? to|planning to"
    r"|expected to|hopes? to|poised to|ahead of|can|could|must|holds?|begins?|starts?|takes place|heads to"
    r"|faces?|might)\b|[’']ll\b|\b(?-i:may)\b)",
    re.IGNORECASE,
)
"""The lookahead holds the words' first characters: one test rules out most positions before the
engine tries the words one by one."""
_PAST_JUST_BEFORE = re.compile(
    r"(?:\w{2,}ed|\b(?:said|told|met|spoke|wrote|gave|took|made|came|went|held|began|won|lost|ran|saw|became"
    r"|sent|left|brought|got|was|were|had|did|began|broke|chose|drew|fell|felt|found|heard|kept|led|paid"
    r"|put|read|rose|sat|set|shot|sold|stood|struck|thought|threw|tweeted|understood|wore))[,\s]*$"
)
_COMING_DAYS = 100
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s|\n")


@dataclass(frozen=True, slots=True)
class Context:
    """A date phrase's match in its text, with the date to resolve it against."""

    text: str
    match: re.Match[str]
    lead_match: re.Match[str] | None
    published: datetime.date | None
    reference: str

    @property
    def lead(self) -> str:
        """The leading word, lower case and on one line (`in`, `last`, `earlier this`, `mid`)."""
        lead = self.lead_match
        if lead is None:
            return ""
        return "mid" if lead["mid"] else " ".join(lead["lead"].lower().split())

    def note(self, reason: str, marker: str | None = None) -> str:
        start = self.lead_match.start() if self.lead_match else self.match.start()
        said = " ".join(self.text[start : self.match.end()].split())
        near = f' near "{marker}"' if marker else ""
        return f'The text says "{said}"{near}; {reason}.'

    def anchor(self) -> str:
        assert self.published is not None
        return f"{self.reference}, {self.published.isoformat()}"

    def past_just_before(self) -> bool:
        """Whether a past-tense verb stands just before the expression (`said Monday`)."""
        start = self.lead_match.start() if self.lead_match else self.match.start()
        return _PAST_JUST_BEFORE.search(self.text, max(0, start - 16), start) is not None

    def future(self) -> str | None:
        """The word of the future near the expression in its sentence, if the tense is not past."""
        start = self.lead_match.start() if self.lead_match else self.match.start()
        end = self.match.end()
        if self.past_just_before():
            return None
        before = self.text[max(0, start - 80) : start]
        *_, last_end = (None, *_SENTENCE_END.finditer(before))
        before = before[last_end.end() :] if last_end else before
        after = self.text[end : end + 40]
        next_end = _SENTENCE_END.search(after)
        after = after[: next_end.start()] if next_end else after
        marker = _FUTURE.search(before) or _FUTURE.search(after)
        return marker[0] if marker else None


def _stated(value: str) -> PartialDate | None:
    try:
        return PartialDate(value=value)
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _number(day: str) -> int:
    return int(day.rstrip("stndrh"))


def _iso(c: Context) -> PartialDate | None:
    m = c.match
    return _stated(f"{m['iso_y']}-{m['iso_m']}-{m['iso_d']}")


def _mdy(c: Context) -> PartialDate | None:
    m = c.match
    if _day(int(m["mdy_y"]), MONTHS[m["mdy_m"]], _number(m["mdy_d"])) is None:
        return None
    return _stated(f"{m['mdy_y']}-{MONTHS[m['mdy_m']]:02}-{_number(m['mdy_d']):02}")


def _dmy(c: Context) -> PartialDate | None:
    m = c.match
    if m["dmy_y"] is None:
        return _month_day(c, MONTHS[m["dmy_m"]], _number(m["dmy_d"]))
    if _day(int(m["dmy_y"]), MONTHS[m["dmy_m"]], _number(m["dmy_d"])) is None:
        return None
    return _stated(f"{m['dmy_y']}-{MONTHS[m['dmy_m']]:02}-{_number(m['dmy_d']):02}")


def _my(c: Context) -> PartialDate | None:
    return _stated(f"{c.match['my_y']}-{MONTHS[c.match['my_m']]:02}")


def _month_of(c: Context) -> PartialDate | None:
    """`January of last year`, `May this year`: the month stated, its year counted."""
    if c.published is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[c.match["mrel_w"]]
    year, month = c.published.year + shift, MONTHS[c.match["mrel_m"]]
    note = c.note(f"counted from the year of {c.anchor()}, it is {year}")
    return PartialDate(value=f"{year}-{month:02}", inferred=("year",), note=note)


def _md(c: Context) -> PartialDate | None:
    return _month_day(c, MONTHS[c.match["md_m"]], _number(c.match["md_d"]))


def _month_day(c: Context, month: int, day: int) -> PartialDate | None:
    """`Sept. 8`: the latest such day on or before the publication date; the first after it when
    the sentence speaks of the future, or when it comes within `_COMING_DAYS` and no past-tense
    verb stands just before (news gives a day of the coming weeks without its year)."""
    if c.published is None or not 1 <= day <= 31:
        return None
    p = c.published
    days = [d for year in range(p.year - 4, p.year + 5) if (d := _day(year, month, day)) is not None]
    coming = next((d for d in days if d >= p), None)
    latest = next((d for d in reversed(days) if d <= p), None)
    name = f"{MONTH_NAMES[month]} {day}"
    marker = c.future()
    if coming is not None and (marker or ((coming - p).days <= _COMING_DAYS and not c.past_just_before())):
        how = f"the first {name} on or after {c.anchor()}, is {coming}"
        if not marker:
            how += f", less than {_COMING_DAYS} days ahead"
        return PartialDate(value=coming.isoformat(), inferred=("year",), note=c.note(how, marker))
    if latest is None:
        return None
    note = c.note(f"the latest {name} on or before {c.anchor()}, is {latest}")
    return PartialDate(value=latest.isoformat(), inferred=("year",), note=note)


def _month(c: Context) -> PartialDate | None:
    """`in May`, `last May`, `next May`, `this May`, `mid-May`: the month, its year inferred."""
    if c.published is None or not c.lead:
        return None
    p, month = c.published, MONTHS[c.match["m"]]
    name = MONTH_NAMES[month]
    marker = None if c.lead in ("last", "this", "next") else c.future()
    if c.lead == "this":
        year, how = p.year, f"the year of {c.anchor()}, is {p.year}"
    elif c.lead == "next" or marker:
        year = p.year if month > p.month else p.year + 1
        how = f"the first {name} after {c.anchor()}, is {name} {year}"
    elif month == p.month and c.lead != "last":
        year, how = p.year, f"{c.anchor()}, is in {name} {p.year}"
    else:
        year = p.year if month < p.month else p.year - 1
        how = f"the latest {name} before {c.anchor()}, is {name} {year}"
    return PartialDate(value=f"{year}-{month:02}", inferred=("year",), note=c.note(how, marker))


def _weekday(c: Context) -> PartialDate | None:
    """`on Monday`, `last Friday`, `Tuesday's`: the latest such day on or before the publication
    date (strictly before after `last`), or the first after it when the text speaks of the future."""
    if c.published is None:
        return None
    p, weekday = c.published, WEEKDAYS[c.match["wd"]]
    name = c.match["wd"]
    back = (p.weekday() - weekday) % 7
    ahead = (weekday - p.weekday()) % 7
    marker = None if c.lead in ("last", "next") else c.future()
    if c.lead == "last":
        when, how = p - datetime.timedelta(days=back or 7), f"the latest {name} before"
    elif c.lead == "next":
        when, how = p + datetime.timedelta(days=ahead or 7), f"the first {name} after"
    elif marker:
        when, how = p + datetime.timedelta(days=ahead), f"the first {name} on or after"
    else:
        when, how = p - datetime.timedelta(days=back), f"the latest {name} on or before"
    reason = f"{c.anchor()}, is a {name}" if when == p else f"{how} {c.anchor()}, is {when}"
    note = c.note(reason, marker)
    return PartialDate(value=when.isoformat(), inferred=("year", "month", "day"), note=note)


def _ago(c: Context) -> PartialDate | None:
    """`two days ago` (the day), `four years ago` (the year)."""
    if c.published is None:
        return None
    n_text, unit = c.match["ago_n"].lower(), c.match["ago_unit"].lower()
    n = int(n_text) if n_text.isdigit() else _NUMBERS[n_text]
    if unit.startswith("day"):
        when = c.published - datetime.timedelta(days=n)
        return PartialDate(
            value=when.isoformat(),
            inferred=("year", "month", "day"),
            note=c.note(f"{n} day{'s' * (n > 1)} before {c.anchor()}, is {when}"),
        )
    year = c.published.year - n
    note = c.note(f"{n} year{'s' * (n > 1)} before the year of {c.anchor()}, is {year}")
    return PartialDate(value=str(year), inferred=("year",), note=note)


DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_DAY_PARTS = {("last", "night"): -1, ("this", "morning"): 0, ("this", "afternoon"): 0, ("this", "evening"): 0}


def _day_word(c: Context) -> PartialDate | None:
    """`yesterday`, `today`, `tomorrow`, `tonight`, `last night`, `this morning`."""
    word = c.match["day"].lower()
    shift = _DAY_PARTS.get((c.lead, word)) if c.lead in ("last", "this") else DAY_WORDS.get(word)
    if c.published is None or shift is None:
        return None
    when = c.published + datetime.timedelta(days=shift)
    how = f"{c.anchor()}, is that day" if shift == 0 else f"the day {'before' if shift < 0 else 'after'} {c.anchor()}"
    reason = how if shift == 0 else f"{how}, is {when}"
    return PartialDate(value=when.isoformat(), inferred=("year", "month", "day"), note=c.note(reason))


def _unit(c: Context) -> PartialDate | None:
    """`last year`, `this month`, `earlier this week`: only what is certain at its precision."""
    if c.published is None or c.lead not in ("last", "this", "next", "earlier this", "later this"):
        return None
    p, unit = c.published, c.match["unit"].lower()
    shift = {"last": -1, "next": 1}.get(c.lead, 0)
    if unit == "year":
        year = p.year + shift
        return PartialDate(value=str(year), inferred=("year",), note=c.note(f"counted from {c.anchor()}, it is {year}"))
    if unit == "month":
        year, month = divmod(p.year * 12 + p.month - 1 + shift, 12)
        value = f"{year}-{month + 1:02}"
        return PartialDate(
            value=value, inferred=("year", "month"), note=c.note(f"counted from {c.anchor()}, it is {value}")
        )
    monday = p - datetime.timedelta(days=p.weekday()) + datetime.timedelta(weeks=shift)
    first, last = monday, monday + datetime.timedelta(days=6)
    if c.lead == "earlier this":
        last = p - datetime.timedelta(days=1)
    elif c.lead == "later this":
        first = p + datetime.timedelta(days=1)
    if first > last:
        return None
    parts: tuple[DatePart, ...]
    if (first.year, first.month) == (last.year, last.month):
        value, parts = f"{first.year}-{first.month:02}", ("year", "month")
    elif first.year == last.year:
        value, parts = str(first.year), ("year",)
    else:
        return None
    reason = f"counted from {c.anchor()}, it runs from {first} to {last}, all in {value}"
    return PartialDate(value=value, inferred=parts, note=c.note(reason))


def _year(c: Context) -> PartialDate | None:
    """A year alone (`2016`, `in 2016`, `the 2016 election`)."""
    value = c.match["year"]
    if c.lead in ("last", "next", "this", "earlier this", "later this", "early", "late", "mid"):
        return None
    return _stated(value) if c.lead or 1900 <= int(value) <= 2099 else None


RESOLVERS: dict[str, Callable[[Context], PartialDate | None]] = {
    "iso": _iso,
    "mdy": _mdy,
    "dmy": _dmy,
    "my": _my,
    "mrel": _month_of,
    "md": _md,
    "m": _month,
    "wd": _weekday,
    "ago": _ago,
    "day": _day_word,
    "unit": _unit,
    "year": _year,
}
