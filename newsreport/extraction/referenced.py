"""An earlier event a text refers to, from a trigger dated before the report.

`Iraqi President Abdul Latif Rashid's visit to Tehran in May` is a `visit`, owned by Rashid as
its guest, at Tehran, in May 2024 (year inferred); its name is its words without the date, with
the owner's full name: `Abdul Latif Rashid's visit to Tehran`. Statements whose words hold the
mention cite it.
"""

from __future__ import annotations

import re

from newsreport.extraction.event_words import Situation, owner_role, unique_id
from newsreport.model import Participation, ReferencedEvent, Span

_PREPOSITION = re.compile(r"^(?i:in|on|since|until|till|by|from|during|before|after)\s+")
"""A date's leading preposition, left out of a name (`the 2016 election`, not `in 2016 election`)."""
_TAIL = re.compile(
    r"(?:\s+(?:to|in|at|with|against|of)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*)*){1,2}"
)
"""The words after an event's that name where or with whom (`to Tehran`, `with Fox News's Chris Wallace`)."""


def referenced_event(s: Situation, index: int, taken: set[str]) -> ReferencedEvent:
    """The referenced event of the trigger `index` with an adjacent date; its id is not one of `taken`."""
    trigger, when = s.triggers[index], s.dated.adjacent[index]
    owner = s.owner(index)
    if when.end <= trigger.start:
        start, end = when.start, trigger.end
        words = _PREPOSITION.sub("", s.text[start:end])
    else:
        named = owner.possessive if owner else None
        start, end = named[0] if named else trigger.start, when.end
        tail = _TAIL.match(s.text, trigger.end, when.start)
        words = s.text[named[1] if named else start : tail.end() if tail else trigger.end]
        if owner is not None:
            words = owner.person.name + words if named else f"{owner.person.name} {words}"
    roles = {owner.person.id: owner_role(trigger.kind)} if owner else {}
    for person in s.cast.persons_in(start, end):
        roles.setdefault(person.id, "participant")
    place = s.place_after(index)
    return ReferencedEvent(
        id=unique_id(f"{owner.person.id}-{trigger.kind}" if owner else f"{trigger.kind}-{when.date.value}", taken),
        kind=trigger.kind,
        name=" ".join(words.split()).strip(" ,;:") or trigger.kind,
        date=when.date,
        place=place,
        participations=tuple(Participation(participant=p, role=r) for p, r in roles.items()),
        mentions=(Span(start=start, end=end),),
        cited_by=tuple(x.id for x in s.statements if x.span.start <= start and end <= x.span.end),
    )


def merged(events: list[ReferencedEvent], new: ReferencedEvent) -> list[ReferencedEvent]:
    """`events` with `new` added, or joined to the one of the same kind and date (three mentions
    of `the interview on Saturday` are one interview)."""
    for at, old in enumerate(events):
        if (old.kind, old.date) == (new.kind, new.date):
            roles = {p.participant: p for p in (*old.participations, *new.participations)}
            joined = old.model_copy(
                update={
                    "place": old.place or new.place,
                    "participations": tuple(roles.values()),
                    "mentions": (*old.mentions, *new.mentions),
                    "cited_by": tuple(dict.fromkeys((*old.cited_by, *new.cited_by))),
                }
            )
            return [*events[:at], joined, *events[at + 1 :]]
    return [*events, new]
