"""The event a report covers, with its sub-events, and the earlier events it points to."""

from __future__ import annotations

from typing import Any, Literal

from newsreport.limits import MAX_EVENT_DEPTH
from newsreport.model.base import Code, Label, LocalId, Model, Span
from newsreport.model.dates import PartialDate
from newsreport.problems import Problem


class Participation(Model):
    """A participant's part in an event."""

    participant: LocalId
    """The id of the participant."""
    role: Code | None = None
    """Its role in the event: `host`, `guest`, `speaker`, `participant`, ..."""


class _EventBase(Model):
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
