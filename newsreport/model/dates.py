"""Dates: the moments a report carries (`Moment`) and the partial dates events have (`PartialDate`)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from newsreport.model.base import Model, Text

_DAY = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
_CLOCK = "T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?"
_OFFSET = "Z|[+-][0-9]{2}:[0-9]{2}"
MOMENT_PATTERN = f"^{_DAY}({_CLOCK}({_OFFSET})?)?$"
"""How a date or date-time is written: ISO 8601 as RFC 3339 spells it, in ASCII digits, with `T`
and seconds, to the microsecond (the finest a date-time holds); the offset may be missing (a
local time, as ISO 8601, the NewsML-G2 XSD and schema.org allow)."""
_MOMENT = re.compile(f"^{_DAY}(?P<clock>{_CLOCK}(?P<offset>{_OFFSET})?)?$")


_NOT_ISO_8601 = (
    "not an ISO 8601 date (2025-02-03) or date-time (2025-02-03T10:00:00+01:00, or local: 2025-02-03T10:00:00)"
)


def _iso_text(value: Any) -> Any:
    """A date or date-time from ISO 8601 text, or the `date` or `datetime` given; refuse anything
    else before pydantic reads it, as it would take digits, in a string or not, as Unix time, cut
    digits beyond microseconds, and read a local date-time at midnight as a date."""
    if isinstance(value, date):
        return value
    written = _MOMENT.fullmatch(value) if isinstance(value, str) else None
    if written is None:
        raise ValueError(_NOT_ISO_8601)
    try:
        if written["clock"]:
            return datetime.fromisoformat(value)
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a day and time of the calendar") from None


Moment = Annotated[
    datetime | date,
    BeforeValidator(_iso_text),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": MOMENT_PATTERN,
            "anyOf": [{"format": "date-time"}, {"format": "date"}, {"pattern": f"^{_DAY}{_CLOCK}$"}],
        }
    ),
]
"""A date, or a date-time with its UTC offset, or a local date-time (without offset) when the
source gives no offset: ISO 8601 text, or a Python `date` or `datetime` (aware or naive).
A local time is kept as such, never cut to the day nor given an offset we do not know."""

DatePart = Literal["year", "month", "day"]
"""A part of a date, as `PartialDate.inferred` names it."""
_DATE_PARTS: tuple[DatePart, ...] = ("year", "month", "day")


_PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


class PartialDate(Model):
    """A date known to the year, the month or the day, with what of it is inferred.

    "In May", in an article dated February 2025, is `{"value": "2024-05", "inferred": ["year"],
    "note": "..."}`: the month is stated, the year is the reader's inference.
    """

    value: Annotated[str, Field(pattern=_PARTIAL_DATE.pattern)]
    """ISO 8601 at reduced precision: `2024`, `2024-05` or `2024-05-17`."""
    inferred: tuple[DatePart, ...] = ()
    """The parts of `value` that the text does not state but that were inferred."""
    note: Text | None = None
    """How the inferred parts were inferred; required when `inferred` is not empty."""

    @field_validator("inferred")
    @classmethod
    def _in_calendar_order(cls, parts: tuple[DatePart, ...]) -> tuple[DatePart, ...]:
        """One order for the same set of parts, so equal dates compare equal in every format."""
        return tuple(sorted(parts, key=_DATE_PARTS.index))

    @model_validator(mode="after")
    def _valid(self) -> PartialDate:
        match = _PARTIAL_DATE.match(self.value)
        assert match is not None  # the field pattern has matched already
        year, month, day = match.groups()
        if month is not None and not 1 <= int(month) <= 12:
            raise ValueError(f"{self.value!r} has no month {month}")
        if day is not None:
            try:
                date(int(year), int(month), int(day))
            except ValueError:
                raise ValueError(f"{self.value!r} is not a day of the calendar") from None
        missing = [part for part in self.inferred if part not in self.parts]
        if missing:
            raise ValueError(f"inferred {missing} but {self.value!r} has no such part")
        if len(set(self.inferred)) != len(self.inferred):
            raise ValueError("inferred lists a part twice")
        if self.inferred and self.note is None:
            raise ValueError("an inferred date needs a note saying how it was inferred")
        return self

    @property
    def parts(self) -> tuple[DatePart, ...]:
        """The parts the value gives, from the year down."""
        return _DATE_PARTS[: self.value.count("-") + 1]

    @property
    def precision(self) -> DatePart:
        """The finest part the value gives."""
        return self.parts[-1]
