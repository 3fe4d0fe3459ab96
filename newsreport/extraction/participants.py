"""The cast of a text: its persons, organizations and places, each once, and who speaks where.

Full names (two words or more) make the persons; `Donald J. Trump` and `Donald Trump` are one
(same first and last word). A lone word, or a title or honorific with one (`Mr. Trump`,
`President Obama`), is the person with that surname (or, failing that, first name) named most
recently before it, or the first named after it; a lone word nobody bears becomes a person only
with a title or honorific, or when it is the source of an attribution (`"...," said Caddell`).
Words standing for a person (`the Iraqi parliament speaker`, `Iranian official`) go to the
person named beside them (`his Iraqi counterpart, Mahmoud al-Mashhadani`), else to the person
holding that title, else to the person named last whose country and office fit; a title found
so becomes one of theirs, with its mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsreport.extraction.cast import CastIndex, PersonDraft, PlaceDraft, folded_surname
from newsreport.extraction.found import Attribution, Cast, FoundBlock, FoundDateline
from newsreport.extraction.name_records import FoundName
from newsreport.extraction.names import find_names, printed_in_lower_case
from newsreport.extraction.places import KnownPlace, place_of
from newsreport.extraction.roles import FoundRole
from newsreport.extraction.speakers import find_speakers

_SAID_AFTER = re.compile(r"[ \u00a0]+(?:said|says|told|added|asked|wrote|tweeted)\b")
_APPOSITION = re.compile(r",?[ \u00a0]+")


def find_cast(
    text: str,
    blocks: tuple[FoundBlock, ...],
    dateline: FoundDateline | None,
    attributions: tuple[Attribution, ...],
) -> Cast:
    """The participants of `text` and, for each attribution, the ids of its speakers."""
    skip = (dateline.start, dateline.end) if dateline else None
    found = find_names(text, blocks, skip)
    index = CastIndex(text)
    dateline_place = _dateline_place(text, dateline, index)
    names = found.names
    if dateline_place and dateline_place.known.code is None and dateline_place.known.place_type == "city":
        names = _dateline_place_named(names, dateline_place, index)
    persons = _Persons(text, index, attributions)
    persons.add(names)
    for name in names:
        if name.kind == "organization":
            index.organization(name.start, name.end, name.place)
        elif name.kind == "place" and name.place and not persons.claim(name):
            index.place(name.place, name.start, name.end)
    for role in found.roles:
        _bind(text, role, index)
    participants = index.participants()
    speakers = find_speakers(text, attributions, index)
    return Cast(participants, speakers, dateline_place.id if dateline_place else None)


def _dateline_place(text: str, dateline: FoundDateline | None, index: CastIndex) -> PlaceDraft | None:
    """The dateline's place: as the gazetteer knows it, else a city (`MIDWAY ATOLL` → Midway Atoll)."""
    if dateline is None or dateline.place is None:
        return None
    start, end = dateline.place
    printed = " ".join(word.capitalize() if word.isupper() else word for word in text[start:end].split())
    known = place_of(printed) or KnownPlace(printed, "city", None, None)
    return index.place(known, start, end, name=printed)


def _dateline_place_named(names: list[FoundName], place: PlaceDraft, index: CastIndex) -> list[FoundName]:
    """The names that name a dateline place the gazetteer does not know (`Midway Atoll` after
    `MIDWAY ATOLL -`) become its mentions, not persons; the other names are returned."""
    key = place.known.name.casefold()
    kept = []
    for name in names:
        if name.kind in ("person", "word") and " ".join(name.words).casefold() == key:
            index.place(place.known, name.start, name.end)
        else:
            kept.append(name)
    return kept


@dataclass
class _Persons:
    """Persons from the names found, in the order of the passes the module docstring describes."""

    text: str
    index: CastIndex
    attributions: tuple[Attribution, ...]
    by_full_name: dict[tuple[str, str], PersonDraft] = field(default_factory=dict)
    by_word: dict[tuple[int, str], list[PersonDraft]] = field(default_factory=dict)
    """Persons by (-1, surname) and (0, first name), case folded."""
    first_named: set[int] = field(default_factory=set)
    """Persons the text calls by their first name alone (by `id`)."""

    def add(self, names: list[FoundName]) -> None:
        persons = [name for name in names if name.kind == "person"]
        for name in persons:
            if len(name.words) > 1:
                self._full(name)
        for person in self.index.persons:
            self._index(person)
        sources = {self.text[a.source[0] : a.source[1]] for a in self.attributions if a.source}
        singles = [name for name in names if name.kind in ("person", "word") and len(name.words) == 1]
        for name in singles:  # `Ivanka` alone: the bare `Trump` is then her father
            word = folded_surname(name.words[0])
            called = self.by_word.get((0, word), [])
            if len(called) == 1 and (-1, word) not in self.by_word:
                self.first_named.add(id(called[0]))
        for name in singles:
            if name.kind == "person":
                self._single(name, create=True)
        for name in singles:
            if name.kind == "word":
                word = name.words[0]
                said = word in sources or _SAID_AFTER.match(self.text, name.end) is not None
                evidence = said and not printed_in_lower_case(self.text, word)
                self._single(name, create=evidence)

    def claim(self, name: FoundName) -> bool:
        """Take a one-word place that is the surname of a person named in full as that person's
        mention (`Cuban` after `Mark Cuban`, `Jordan` after `Jim Jordan`)."""
        if len(name.words) != 1:
            return False
        bearers = [p for p in self.by_word.get((-1, name.words[0].casefold()), ()) if len(p.words) > 1]
        if not bearers:
            return False
        self.index.mention(_nearest(bearers, name.start), name)
        return True

    def _full(self, name: FoundName) -> None:
        key = (name.words[0].casefold(), folded_surname(name.words[-1]))
        person = self.by_full_name.get(key)
        if person is None:
            person = self.by_full_name[key] = self.index.person(name.words)
        self.index.mention(person, name)

    def _single(self, name: FoundName, *, create: bool) -> None:
        person = self._bearer(name)
        if person is None:
            if not create:
                return
            person = self.index.person(name.words)
            self._index(person)
        self.index.mention(person, name)

    def _index(self, person: PersonDraft) -> None:
        for part in (-1, 0):
            self.by_word.setdefault((part, folded_surname(person.words[part])), []).append(person)

    def _bearer(self, name: FoundName) -> PersonDraft | None:
        """The person whose surname, else first name, `name`'s one word is, by nearness."""
        word = folded_surname(name.words[0])
        for part in (-1, 0):
            candidates = self.by_word.get((part, word), [])
            if name.gender and candidates:
                candidates = [person for person in candidates if person.gender in ("", name.gender)]
            if part == -1 and len(candidates) > 1:
                candidates = [p for p in candidates if id(p) not in self.first_named] or candidates
            if candidates:
                return _nearest(candidates, name.start)
        return None


def _nearest(persons: list[PersonDraft], position: int) -> PersonDraft:
    """The person referred to last before `position`, else the first referred to after it (the
    first of `persons` when two are referred to at the same place)."""
    nearest, last = None, -1
    for person in persons:
        reference = person.last_before(position)
        if reference is not None and reference > last:
            nearest, last = person, reference
    if nearest is not None:
        return nearest
    return min(persons, key=lambda person: person.references[0] if person.references else len(person.words))


def _bind(text: str, role: FoundRole, index: CastIndex) -> None:
    """Give a role to its person (see the module docstring) and the person the role's title."""
    person = _apposed(text, role, index) or _holder(role, index) or _last_fitting(role, index)
    if person is None:
        return
    person.refer(role.start)
    index.roles.append(((role.start, role.end), person))
    if role.country and person.country is None:
        person.country = role.country
    if role.title:
        index.title(person, role.title, text)


def _apposed(text: str, role: FoundRole, index: CastIndex) -> PersonDraft | None:
    """The person named right after the role (`his Iraqi counterpart, Mahmoud al-Mashhadani`)."""
    gap = _APPOSITION.match(text, role.end)
    return index.person_at(gap.end()) if gap else None


def _holder(role: FoundRole, index: CastIndex) -> PersonDraft | None:
    """The one person who holds the role's title as printed (letter case aside)."""
    if role.title is None:
        return None
    key = index.title_key(role.title)
    holders = [person for person in index.persons if key in person.titles]
    return holders[0] if len(holders) == 1 else None


def _last_fitting(role: FoundRole, index: CastIndex) -> PersonDraft | None:
    """The person referred to last before the role whose country and office do not contradict it."""
    fitting = [person for person in index.persons if person.before(role.start) and _fits(person, role)]
    return _nearest(fitting, role.start) if fitting else None


def _fits(person: PersonDraft, role: FoundRole) -> bool:
    if role.country and person.country and role.country.name != person.country.name:
        return False
    offices = person.offices()
    return role.title is None or not offices or role.head in offices
