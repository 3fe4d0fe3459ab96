"""Date expressions in a text, resolved against the publication date.

`October 12, 2024` and `in October 2024` are stated; `in May`, in an article of 2025-02-03, is
May 2024 with its year inferred; `on Monday` is the latest Monday on or before the publication
date, all three parts inferred. Only the publication date (or the dateline's, which the caller
may pass instead) fills a part the text leaves out, by the rules of `date_rules`, and every
inferred date carries a note saying how. Without a publication date only dates stated to the
year at least are kept.

Three scans find the phrases, each cheap because few positions can start it: dates led by a digit
or a capital, the relative words (`week`, `yesterday`) found with `str.find`, and `ago`; a leading
word (`in`, `last`) is read backwards from each.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsreport.extraction.date_rules import DAY_WORDS, MONTH_NAMES, MONTHS, RESOLVERS, WEEKDAYS, Context
from newsreport.model import PartialDate


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date expression (`in May`, `on Monday`, `Oct. 12, 2024`) with the date it stands for.

    The stretch includes a leading preposition or modifier (`in`, `on`, `since`, `last`).
    """

    start: int
    end: int
    date: PartialDate


def _words(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so `Sept.` wins over `Sep.`."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = f"(?:{_words(MONTHS)})(?!\\w)"
_FULL_MONTH = f"(?:{_words(MONTH_NAMES.values())})(?!\\w)"
_WEEKDAY = f"(?:{_words(WEEKDAYS)})(?!\\w)"
_DAY = r"[0-3]?[0-9](?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[0-9]|20)[0-9]{2}(?!\w|,\d)"
_ON_WEEKDAY = f"(?:{_WEEKDAY},?\\s+)?"

_CAPITAL_DAY_WORDS = tuple(word.capitalize() for word in DAY_WORDS)
_CORE = re.compile(
    r"(?:(?<=[Mm]id-)|(?<![\w$,.-]))(?:"
    r"(?P<iso>(?P<iso_y>[0-9]{4})-(?P<iso_m>[0-9]{2})-(?P<iso_d>[0-9]{2})(?![\d-]))"
    rf"|(?P<mdy>{_ON_WEEKDAY}(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR}))"
    rf"|(?P<dmy>{_ON_WEEKDAY}(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?)"
    rf"|(?P<my>(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR}))"
    rf"|(?P<mrel>(?P<mrel_m>{_FULL_MONTH}),?\s+(?:of\s+)?(?P<mrel_w>last|this|next)\s+year(?!\w))"
    rf"|(?P<md>{_ON_WEEKDAY}(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY}))"
    rf"|(?P<m>{_FULL_MONTH}(?!\s*\d))"
    rf"|(?P<wd>{_WEEKDAY})"
    rf"|(?P<day>(?:{_words(_CAPITAL_DAY_WORDS)})(?!\w))"
    rf"|(?P<year>{_YEAR}(?![-–]\d))"
    r")"
)
_CORE_STARTS = re.compile(
    "|".join(sorted({w[:3] for w in (*MONTHS, *WEEKDAYS, *_CAPITAL_DAY_WORDS)}))
    + "".join(f"|{d}[0-9]*" for d in "0123456789")
)
"""Where a `_CORE` phrase may start: a run of digits, or the first three letters of a month, a
weekday or a day word. Each branch opens with a plain character, so the regex engine skips
ahead at C speed to the next such character, where `_CORE`, with its lookbehind first, would
be tried at every position."""
_RELATIVE_WORDS = ("yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon", "evening")
_RELATIVE_UNITS = ("week", "month", "year")
_RELATIVE = re.compile(
    rf"(?<![\w-])(?:(?P<day>{'|'.join(_RELATIVE_WORDS)})|(?P<unit>{'|'.join(_RELATIVE_UNITS)}))(?!\w)"
)
_AGO = re.compile(
    r"(?P<ago>(?<![\w-])(?P<ago_n>[0-9]{1,2}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve))\s+(?P<ago_unit>(?i:days?|years?))\s+ago(?!\w))"
)
_LEAD = re.compile(
    r"(?<![\w-])(?:(?P<lead>(?i:in|on|since|until|till|by|from|during|before|after|early|late|last|next|this"
    r"|(?:earlier|later)\s+this))\s+|(?P<mid>(?i:mid))-)$"
)
_LONGEST_LEAD = 20
_LED_ONLY = frozenset(("m", "unit"))
"""Phrases that name a date only after a leading word: `in May`, `last week` (not `May`, `week`),
as do the parts of a day (`last night`, not `night`)."""
_LONGEST_AGO = 24


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """Words that name a date (`in May`, `on Monday`), found but not yet resolved: resolving
    costs more than finding, and a caller may need only the dates of some phrases."""

    start: int
    end: int
    match: re.Match[str]
    lead: re.Match[str] | None


def find_dates(
    text: str, published: datetime.date | None, *, reference: str = "the publication date"
) -> tuple[FoundDate, ...]:
    """The date expressions of `text`, in order, each with its date resolved against `published`.

    `reference` names `published` in the notes (`the dateline date` when the caller resolves
    against the dateline's date).
    """
    resolved = (resolve(text, phrase, published, reference) for phrase in find_date_phrases(text))
    return tuple(found for found in resolved if found is not None)


@functools.lru_cache(maxsize=1)
def find_date_phrases(text: str) -> tuple[DatePhrase, ...]:
    """The phrases of `text` that may name a date, in order, not overlapping.

    Kept for the last text asked about: the events and the dated happenings of an article both
    need its phrases, and finding them is a fifth of what either step costs."""
    matches = _core_matches(text)
    matches += [m for at in _found(text, _RELATIVE_WORDS + _RELATIVE_UNITS) if (m := _RELATIVE.match(text, at))]
    matches += [m for at in _found(text, (" ago",)) if (m := _AGO.search(text, max(0, at - _LONGEST_AGO), at + 4))]
    phrases: list[DatePhrase] = []
    for match in sorted(matches, key=lambda m: m.start()):
        lead = _LEAD.search(text, max(0, match.start() - _LONGEST_LEAD), match.start())
        kind = match.lastgroup
        if lead is None and (kind in _LED_ONLY or (kind == "day" and match[0].lower() not in DAY_WORDS)):
            continue
        start = lead.start() if lead else match.start()
        if not phrases or start >= phrases[-1].end:
            phrases.append(DatePhrase(start, match.end(), match, lead))
    return tuple(phrases)


def resolve(
    text: str, phrase: DatePhrase, published: datetime.date | None, reference: str = "the publication date"
) -> FoundDate | None:
    """The date `phrase` names, resolved against `published` (named `reference` in notes), if
    the text and the publication date make it certain to some precision."""
    kind = phrase.match.lastgroup
    assert kind is not None
    try:
        resolved = RESOLVERS[kind](Context(text, phrase.match, phrase.lead, published, reference))
    except (OverflowError, ValueError):  # counted past year 1 or 9999: no date of the calendar
        return None
    return FoundDate(phrase.start, phrase.end, resolved) if resolved is not None else None


def _core_matches(text: str) -> list[re.Match[str]]:
    """What `_CORE.finditer(text)` finds, trying `_CORE` only where `_CORE_STARTS` says it may
    start (no phrase starts inside a run of letters or digits, as its lookbehind says)."""
    matches: list[re.Match[str]] = []
    end = 0
    for start in _CORE_STARTS.finditer(text):
        at = start.start()
        if at >= end and (match := _CORE.match(text, at)) is not None:
            matches.append(match)
            end = match.end()
    return matches


def _found(text: str, words: tuple[str, ...]) -> list[int]:
    """Where each of `words` stands in `text`: `str.find` runs at C speed, where a regex scan for
    lower-case words would try its branches at nearly every letter."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + len(word))
    return found
