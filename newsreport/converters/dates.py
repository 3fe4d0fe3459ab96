"""Reading the dates that publishers and agencies actually write."""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime

_BEYOND_MICROSECONDS = re.compile(r"[.,]\d{7}", re.ASCII)


def lenient_date(raw: str) -> date | None:
    """A date or date-time from the forms publishers write; None if none.

    ISO 8601 in its usual spellings (`Z`, `+01:00`, `+0100`, a space for `T`, stray white space),
    with the common slips mended: one-digit months, days and hours (`2022-5-5 9:17:36`), a zone
    name after or instead of the offset (`...+02:00CET`, `... UTC`); or an RFC 2822 date. A
    date-time without an offset is kept as a local time, never given one or cut to the day.
    """
    text = _ZONE_NAME.sub(_offset_for_zone, raw.strip())
    text = _ONE_DIGIT.sub(lambda m: "0" + m[0], text)
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        try:
            return email.utils.parsedate_to_datetime(raw.strip())
        except (TypeError, ValueError, IndexError):
            return None


_ONE_DIGIT = re.compile(r"(?<![0-9.])[0-9](?![0-9])(?=[-:T ]|$)|(?<=-)[0-9](?![0-9])", re.ASCII)
"""A lone digit in a date or clock part: the `5` of `2022-5-5` or of `9:05`."""
_ZONE_NAME = re.compile(r"(?<=[0-9Z])\s*(?P<name>UTC|GMT|Z|[A-Z]{3,4})$", re.ASCII)
"""A zone name at the end of a date-time (`UTC`, `CET`), with or without an offset before it."""
_UNIVERSAL = {"UTC", "GMT", "Z"}


def _offset_for_zone(match: re.Match[str]) -> str:
    """`UTC` and `GMT` are the offset `Z`; another name is dropped, as only an offset before it
    (`+02:00CET`) places the time: without one the time stays local."""
    return "Z" if match["name"] in _UNIVERSAL and not _HAS_OFFSET.search(match.string[: match.start()]) else ""


_HAS_OFFSET = re.compile(r"(T|\s)[0-9:.]+(Z|[+-][0-9:]+)$", re.ASCII)


def only_looks_like_a_date(raw: str) -> bool:
    """Whether a date is one that Python would read but is none: digits alone (Unix time, or a
    number), digits other than ASCII ones, or sub-second digits beyond microseconds (which a
    date-time would cut without a word)."""
    text = raw.strip()
    return text.isdigit() or not text.isascii() or _BEYOND_MICROSECONDS.search(text) is not None


def earlier(a: date, b: date) -> bool:
    """Whether `a` comes before `b`: by the moment when both are date-times placed in time (or
    both local), else by the day."""
    if isinstance(a, datetime) and isinstance(b, datetime) and (a.tzinfo is None) == (b.tzinfo is None):
        return a < b
    return _day(a) < _day(b)


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value
