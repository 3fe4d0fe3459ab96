"""Who and where the words around an event trigger name: the person whose event it is, its place.

`NamedAt` finds participants by where the text names them; `Situation` holds what the event
steps share (the triggers, their dates, the sentences, the cast) and reads a trigger's owner
(`Mashhadani's visit`, `Mashhadani ... since assuming office`) and place (`visit to Tehran`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

from newsreport.extraction.found import FoundDateline, Stretch
from newsreport.extraction.triggers import Dated, Trigger
from newsreport.model import Participant, Person, Place, Statement

_OWNER_ROLES = {"visit": "guest", "assumption-of-office": "office-holder"}
_POSSESSIVE = re.compile(r"['’]s\s+(?:[a-z][a-z-]*\s+){0,3}$")
_CLAUSE_BREAK = re.compile(r"[,;:()—–]")
_RELATIVE = re.compile(r"\s*(?:who|which)\s")
_PLACE_AFTER = re.compile(r"\s+(?:to|in|at)\s+(?:the\s+)?")
_LONGEST_POSSESSIVE = 60
_SLUG = re.compile(r"[^a-z0-9]+")


class NamedAt:
    """Persons and places by where the text names them, indexed on the first question (a text
    with no event asks none)."""

    def __init__(self, text: str, participants: tuple[Participant, ...], dateline: FoundDateline | None) -> None:
        self._text = text
        self._participants = participants
        self._dateline = dateline

    @cached_property
    def _persons(self) -> list[tuple[int, int, Person]]:
        persons = [(m.start, m.end, p) for p in self._participants if isinstance(p, Person) for m in p.mentions]
        persons.sort(key=itemgetter(0))
        return persons

    @cached_property
    def _person_starts(self) -> list[int]:
        return [start for start, _, _ in self._persons]

    @cached_property
    def _place_at(self) -> dict[int, Place]:
        return {m.start: p for p in self._participants if isinstance(p, Place) for m in p.mentions}

    @cached_property
    def _names(self) -> dict[str, str]:
        return {p.id: p.name for p in self._participants}

    @cached_property
    def dateline_place(self) -> str | None:
        """The id of the place the dateline names, if it is a participant."""
        return _dateline_place(self._text, self._participants, self._dateline)

    def name(self, id_: str) -> str:
        return self._names[id_]

    def persons_in(self, start: int, end: int) -> list[Person]:
        """The persons named in `[start, end)`, each once, in order."""
        first = bisect_left(self._person_starts, start)
        found = {p.id: p for s, e, p in self._persons[first:] if s < end and e <= end}
        return list(found.values())

    def person_before(self, position: int, limit: int) -> Person | None:
        """The person named last before `position`, not before `limit`."""
        at = bisect_right(self._person_starts, position) - 1
        while at >= 0 and self._persons[at][1] > position:
            at -= 1
        return self._persons[at][2] if at >= 0 and self._persons[at][0] >= limit else None

    def person_after(self, position: int, limit: int) -> Person | None:
        """The person named first from `position`, ending by `limit`."""
        at = bisect_left(self._person_starts, position)
        return self._persons[at][2] if at < len(self._persons) and self._persons[at][1] <= limit else None

    def person_ending_at(self, position: int) -> tuple[int, Person] | None:
        """The person whose mention ends at `position`, with the mention's start."""
        at = bisect_right(self._person_starts, position) - 1
        while at >= 0 and self._persons[at][1] != position and position - self._persons[at][0] < 200:
            at -= 1
        return (self._persons[at][0], self._persons[at][2]) if at >= 0 and self._persons[at][1] == position else None

    def place_at(self, position: int) -> Place | None:
        """The place whose mention starts at `position`."""
        return self._place_at.get(position)


def _dateline_place(text: str, participants: tuple[Participant, ...], dateline: FoundDateline | None) -> str | None:
    """The place a mention of which is the dateline's place, else whose name it prints (`TEHRAN`)."""
    if dateline is None or dateline.place is None:
        return None
    start, end = dateline.place
    places = [p for p in participants if isinstance(p, Place)]
    for place in places:
        if any(m.start < end and start < m.end for m in place.mentions):
            return place.id
    printed = text[start:end].casefold()
    return next((p.id for p in places if p.name.casefold() == printed), None)


@dataclass(frozen=True, slots=True)
class Owner:
    """The person whose event a trigger names."""

    person: Person
    possessive: Stretch | None
    """Where the possessive names them (`Mashhadani` in `Mashhadani's visit`); None when they are
    the subject of a verb (`Mashhadani ... assuming office`)."""


@dataclass(frozen=True, slots=True)
class Situation:
    """What the event steps share about one text."""

    text: str
    triggers: tuple[Trigger, ...]
    dated: Dated
    sentence_of: Callable[[int], Stretch]
    cast: NamedAt
    statements: tuple[Statement, ...]
    role_words: list[int]
    """Where a host-guest verb may start (`triggers.role_words`)."""
    roles: dict[Stretch, dict[str, str]] = field(default_factory=dict)
    """Host and guest by sentence, each sentence read once (by `events`)."""

    def owner(self, index: int) -> Owner | None:
        """The person whose event the trigger names, if the words say so."""
        trigger = self.triggers[index]
        if trigger.verb:
            subject = self.cast.person_before(trigger.start, self._clause_start(trigger.start))
            return Owner(subject, None) if subject else None
        window = max(0, trigger.start - _LONGEST_POSSESSIVE)
        possessive = _POSSESSIVE.search(self.text, window, trigger.start)
        named = self.cast.person_ending_at(possessive.start()) if possessive else None
        return Owner(named[1], (named[0], possessive.start())) if named and possessive else None

    def _clause_start(self, position: int) -> int:
        """Where the clause of `position` starts: after the last comma or the like in its sentence,
        unless that opens a relative clause (`Obama, who took office in 2009`)."""
        sentence_start = self.sentence_of(position)[0]
        breaks = [m for m in _CLAUSE_BREAK.finditer(self.text, sentence_start, position)]
        while breaks and _RELATIVE.match(self.text, breaks[-1].end()):
            breaks.pop()
        return breaks[-1].end() if breaks else sentence_start

    def place_after(self, index: int) -> str | None:
        """The place named right after the trigger (`visit to Tehran`, `press conference in Tehran`)."""
        linked = _PLACE_AFTER.match(self.text, self.triggers[index].end)
        place = self.cast.place_at(linked.end()) if linked else None
        return place.id if place else None


def owner_role(kind: str) -> str:
    """The role of the person whose event it is: a visit's guest, an office's holder."""
    return _OWNER_ROLES.get(kind, "participant")


def unique_id(wanted: str, taken: set[str]) -> str:
    """`wanted` as a slug (`rashid-visit`), numbered if needed to differ from the ids `taken`
    (ids are unique across a report's participants, events and statements); added to `taken`."""
    slug = _SLUG.sub("-", wanted.lower()).strip("-")
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
