"""Reading the dates that publishers and agencies actually write."""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime

_BEYOND_MICROSECONDS = re.compile(r"[.,]\d{7}", re.ASCII)


def lenient_date(raw: str) -> date | None:
    """A date, or a date-time with its offset, from the forms publishers write; None if none.

    ISO 8601 in its usual spellings (`Z`, `+01:00`, `+0100`, a space for `T`, stray white space)
    or an RFC 2822 date. A date-time without an offset cannot be placed in time, so only its day
    is kept (the caller can tell: it gets a `date` for a longer input).
    """
    text = raw.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo is not None else parsed.date()


def only_looks_like_a_date(raw: str) -> bool:
    """Whether a date is one that Python would read but is none: digits alone (Unix time, or a
    number), digits other than ASCII ones, or sub-second digits beyond microseconds (which a
    date-time would cut without a word)."""
    text = raw.strip()
    return text.isdigit() or not text.isascii() or _BEYOND_MICROSECONDS.search(text) is not None
