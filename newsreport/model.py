"""The canonical model of a news report: its shape and field-level rules, no I/O, no formats.

A `NewsReport` holds the report's metadata and body, its `event` (with sub-events), its
`participants` (persons, organizations, places), its `statements` and its `referenced_events`.
Objects refer to each other by local id (`"qalibaf"`); every span is `[start, end)` in Unicode
code points of `body.text`. Rules that span several objects (references resolve, quotes match
the body, ids are unique) live in `newsreport.invariants` and run whenever a report is built,
so a report that validates converts to every format.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from newsreport.invariants import report_problems
from newsreport.limits import MAX_EVENT_DEPTH
from newsreport.problems import InvariantError, Problem

_XML_SAFE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*$"
"""No character that XML 1.0 cannot carry, so every string survives every format. (Lone
surrogates cannot reach the model at all: pydantic refuses them as invalid Unicode.)"""

Text = Annotated[str, Field(min_length=1, pattern=_XML_SAFE)]
"""A non-empty string. Empty strings are not values: an unknown value is `null`."""

Label = Annotated[str, Field(min_length=1, pattern=r"^[^\x00-\x1f\ufffe\uffff]*$")]
"""A non-empty name on one line: no tab, line break or other control character (NewsML-G2
names allow none)."""

LOCAL_ID_PATTERN = r"^[A-Za-z_][A-Za-z0-9_.-]*$"
IRI_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
"""Patterns of the types below, for readers that check a value before handing it to the model."""

LocalId = Annotated[str, Field(pattern=LOCAL_ID_PATTERN, max_length=200)]
"""A report-local id: an XML NCName, so it can serve as a NewsML-G2 `partid` unchanged."""

Iri = Annotated[str, Field(pattern=IRI_PATTERN)]
"""An absolute IRI: a URL, `urn:` or `tag:` identifier."""

LanguageTag = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]
"""A BCP 47 language tag such as `en`, `fa` or `pt-BR`."""

Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=100)]
"""A lower-case, hyphenated code from an open vocabulary, such as `press-conference` or `host`."""

Count = Annotated[int, Strict(), Field(ge=0)]
"""A whole number from 0, as a JSON integer: not `"2"`, `true` or `2.0`, which lax pydantic would
take and the JSON Schema refuses."""

_DAY = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
_CLOCK = "T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?"
_OFFSET = "Z|[+-][0-9]{2}:[0-9]{2}"
MOMENT_PATTERN = f"^{_DAY}({_CLOCK}({_OFFSET})?)?$"
"""How a date or date-time is written: ISO 8601 as RFC 3339 spells it, in ASCII digits, with `T`
and seconds, to the microsecond (the finest a date-time holds). The offset a date-time needs is
left to its type (and to the JSON Schema's `format`), which says when it is missing."""
_MOMENT = re.compile(f"^{_DAY}(?P<clock>{_CLOCK}(?P<offset>{_OFFSET})?)?$")


_NOT_ISO_8601 = "not an ISO 8601 date (2025-02-03) or date-time with its offset (2025-02-03T10:00:00+01:00)"


def _iso_text(value: Any) -> Any:
    """Let through a date or date-time object, or ISO 8601 text; refuse anything else before
    pydantic reads it, as it would take digits, in a string or not, as Unix time, cut digits
    beyond microseconds, and read a date-time without offset at midnight as a date (a Python
    `datetime` without offset too)."""
    if isinstance(value, datetime):
        naive = value.tzinfo is None
    elif isinstance(value, date):
        return value
    else:
        written = _MOMENT.fullmatch(value) if isinstance(value, str) else None
        if written is None:
            raise ValueError(_NOT_ISO_8601)
        naive = bool(written["clock"]) and not written["offset"]
    if naive:
        raise ValueError("a date-time needs its UTC offset (timezone), such as Z or +01:00")
    return value


Moment = Annotated[
    AwareDatetime | date,
    BeforeValidator(_iso_text),
    WithJsonSchema(
        {"type": "string", "pattern": MOMENT_PATTERN, "anyOf": [{"format": "date-time"}, {"format": "date"}]}
    ),
]
"""A date, or a date-time with its UTC offset: ISO 8601 text, or a Python `date` or `datetime`."""

DatePart = Literal["year", "month", "day"]
_DATE_PARTS: tuple[DatePart, ...] = ("year", "month", "day")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Span(_Model):
    """A stretch of the body: `[start, end)` in Unicode code points of `body.text`."""

    start: Count
    """Offset of the first code point."""
    # `start <= end` is checked with the report's invariants, which visit every span anyway: a
    # validator here would cost a Python call per span, a third of the time to read a report.
    end: Count
    """Offset just past the last code point; not before `start`."""

    def of(self, text: str) -> str:
        """The part of `text` this span covers."""
        return text[self.start : self.end]


class Excerpt(_Model):
    """Words printed in the body, with where they stand: `body.text[span]` equals `text`."""

    text: Text
    """The words exactly as printed."""
    span: Span
    """Where they stand in the body."""


_PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


class PartialDate(_Model):
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


class Headline(_Model):
    """The report's headline, and who wrote it."""

    text: Text
    """The headline as published, or as written by the editor."""
    origin: Literal["source", "editorial"] = "source"
    """`source` if the article carries it; `editorial` if it was written for this report."""


class Dateline(_Model):
    """The dateline as printed, and what it says."""

    text: Text
    """The dateline exactly as printed."""
    span: Span | None = None
    """Where it stands in the body, if the body carries it."""
    place: LocalId | None = None
    """The place it names: the id of a place participant."""
    date: PartialDate | None = None
    """The date it gives."""


class Agent(_Model):
    """An author or publisher of the report (not a participant in its events)."""

    kind: Literal["person", "organization"] | None = None
    """Whether a person or an organization; unknown when the source gives only a name."""
    name: Label
    """The name as given by the source."""
    url: Iri | None = None
    """A page about the agent, if the source gives one."""


class Block(_Model):
    """A paragraph or subheading of the body."""

    kind: Literal["paragraph", "subheading"]
    """What the block is."""
    span: Span
    """Where it stands in the body."""


class Body(_Model):
    """The report's text, exactly as published, and its blocks."""

    text: Text
    """The exact text. Never re-normalised: every span in the report indexes into it."""
    blocks: tuple[Block, ...] = ()
    """Paragraphs and subheadings, in order and without overlap."""


class Name(_Model):
    """Another name or spelling of a participant."""

    text: Label
    """The name."""
    language: LanguageTag | None = None
    """Its language or script, as a BCP 47 tag (`fa` for a Persian spelling)."""


class Identifier(_Model):
    """An identifier in an external scheme; recorded only when it is certain."""

    scheme: Code
    """The scheme: `wikidata`, `iso3166-1`, `geonames`, ..."""
    value: Annotated[str, Field(pattern=r"^\S+$")]
    """The identifier within the scheme, e.g. `Q794` (no white space)."""

    @model_validator(mode="after")
    def _well_formed(self) -> Identifier:
        if self.scheme == "wikidata" and not re.fullmatch(r"Q[1-9][0-9]*", self.value):
            raise ValueError(f"{self.value!r} is not a Wikidata item id (Q followed by digits)")
        return self


class Title(_Model):
    """A title or office a person holds, as the text prints it."""

    text: Label
    """The title as printed, e.g. `Iranian Parliament Speaker`."""
    organization: LocalId | None = None
    """The organization the title belongs to: the id of an organization participant."""
    mentions: tuple[Span, ...] = ()
    """Where the title is printed; each span holds `text` up to letter case."""


class _Participant(_Model):
    id: LocalId
    """The participant's id within this report."""
    kind: str
    """What the participant is; each subclass fixes it."""
    name: Label
    """The name in its fullest form in the text."""
    other_names: tuple[Name, ...] = ()
    """Other names and spellings, each with its language if known."""
    identifiers: tuple[Identifier, ...] = ()
    """External identifiers, only when certain."""
    mentions: tuple[Span, ...] = ()
    """Where the text names the participant (names, not pronouns)."""


class Person(_Participant):
    """A person taking part in or named by the report."""

    kind: Literal["person"] = "person"
    """Always `person`."""
    titles: tuple[Title, ...] = ()
    """Titles and offices, as printed."""
    affiliations: tuple[LocalId, ...] = ()
    """Organizations the person belongs to: ids of organization participants."""
    country: LocalId | None = None
    """The country the person acts for: the id of a country place."""


class Organization(_Participant):
    """An organization: a parliament, a government, a judiciary, a movement."""

    kind: Literal["organization"] = "organization"
    """Always `organization`."""
    country: LocalId | None = None
    """The country it belongs to: the id of a country place."""


class Place(_Participant):
    """A place: a country, a city, a region or territory."""

    kind: Literal["place"] = "place"
    """Always `place`."""
    place_type: Literal["country", "city", "region", "territory", "other"] = "other"
    """What sort of place it is."""
    country: LocalId | None = None
    """The country it lies in, for places below country level: the id of a country place."""


Participant = Annotated[Person | Organization | Place, Field(discriminator="kind")]


class Participation(_Model):
    """A participant's part in an event."""

    participant: LocalId
    """The id of the participant."""
    role: Code | None = None
    """Its role in the event: `host`, `guest`, `speaker`, `participant`, ..."""


class _EventBase(_Model):
    id: LocalId
    """The event's id within this report."""
    kind: Code
    """What kind of event: `visit`, `press-conference`, `meeting`, `assumption-of-office`, ..."""
    name: Label
    """A short descriptive name."""
    date: PartialDate | None = None
    """When it happened, as precisely as known."""
    place: LocalId | None = None
    """Where it happened: the id of a place participant."""
    participations: tuple[Participation, ...] = ()
    """Who took part, each with a role; a participant with two roles appears twice."""
    mentions: tuple[Span, ...] = ()
    """Where the text refers to the event."""


class Event(_EventBase):
    """The event the report covers, or a part of it."""

    sub_events: tuple[Event, ...] = ()
    """Parts of the event, such as a press conference during a visit."""

    def walk(self) -> tuple[Event, ...]:
        """This event and all its sub-events, depth first."""
        return (self, *(e for sub in self.sub_events for e in sub.walk()))


class ReferencedEvent(_EventBase):
    """An earlier event the report points to, not one it covers."""

    relation: Literal["background", "cause", "precedent", "follow-up", "related"] = "background"
    """How it bears on the report's event."""
    cited_by: tuple[LocalId, ...] = ()
    """Statements that refer to it: ids of statements."""


class Statement(_Model):
    """Something a participant said, as the report gives it."""

    id: LocalId
    """The statement's id within this report."""
    kind: Literal["direct", "partial", "indirect"]
    """`direct`: a full quote; `partial`: quoted words inside reported speech; `indirect`:
    reported speech."""
    speakers: tuple[LocalId, ...]
    """Who made it: ids of participants (two or more for a joint statement; none if unattributed)."""
    text: Text
    """The words as printed: the quoted words for a quote, the reported content otherwise."""
    span: Span
    """Where `text` stands in the body."""
    reporting_verb: Excerpt | None = None
    """The verb that introduces it ("stressed"), with its place in the body."""
    event: LocalId | None = None
    """The event it was made at: the id of an event or sub-event."""
    about: tuple[LocalId, ...] = ()
    """Participants it is about: ids of participants."""


class NewsReport(_Model):
    """One news report: metadata, body, event, participants, statements, referenced events."""

    id: Iri
    """A stable absolute IRI: the report's URL if known, else a `urn:` or `tag:` IRI."""
    headline: Headline
    """The headline, and whether the source or the editor wrote it."""
    dateline: Dateline | None = None
    """The dateline as printed, with its place and date."""
    published: Moment | None = None
    """When it was published: a date, or a date-time with its UTC offset."""
    modified: Moment | None = None
    """When it was last modified: a date, or a date-time with its UTC offset."""
    language: LanguageTag | None = None
    """The language of the body, as a BCP 47 tag."""
    url: Iri | None = None
    """Where the report is published, if known."""
    publisher: Agent | None = None
    """Who published it, only if known."""
    authors: tuple[Agent, ...] = ()
    """Who wrote it, only if known."""
    body: Body | None = None
    """The text and its blocks."""
    event: Event | None = None
    """The event the report covers, with its sub-events."""
    participants: tuple[Participant, ...] = ()
    """Every person, organization and place the report names, each once."""
    statements: tuple[Statement, ...] = ()
    """Every statement the report gives, in the order of the text."""
    referenced_events: tuple[ReferencedEvent, ...] = ()
    """Earlier events the report points to."""

    @field_validator("event", mode="before")
    @classmethod
    def _not_too_deep(cls, event: Any) -> Any:
        problem = event_depth_problem(event)
        if problem:
            raise InvariantError([problem])
        return event

    @model_validator(mode="after")
    def _consistent(self) -> NewsReport:
        problems = report_problems(self)
        if problems:
            raise InvariantError(problems)
        return self

    def events(self) -> tuple[Event, ...]:
        """The report's event and all its sub-events, depth first."""
        return self.event.walk() if self.event else ()


def event_depth_problem(event: Any) -> Problem | None:
    """Sub-events of the report's `event` (parsed JSON or an `Event`) nested deeper than
    `MAX_EVENT_DEPTH`, at the first one too deep; None if there are none.

    Checked before the event is read, with a stack of its own: pydantic, like every recursive
    reader, would exhaust its stack on a chain of a few hundred sub-events.
    """
    pending = [(event, 1, "$.event")]
    while pending:
        node, depth, path = pending.pop()
        if depth > MAX_EVENT_DEPTH:
            return Problem(path, f"sub-events nest deeper than {MAX_EVENT_DEPTH} (MAX_EVENT_DEPTH)")
        subs = node.get("sub_events") if isinstance(node, dict) else getattr(node, "sub_events", None)
        if isinstance(subs, list | tuple):
            pending += [(sub, depth + 1, f"{path}.sub_events[{i}]") for i, sub in reversed(list(enumerate(subs)))]
    return None
