"""The cast being gathered: persons, organizations and places with their mentions, and the model
objects they become once every mention is in.

Ids are readable and unique: a person's surname (`qalibaf`, `mashhadani` without its `al-`), or
the full name when two persons share one; an organization's or place's name (`iran-judiciary`
for `Iran's Judiciary`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from newsreport.converters.local_ids import LocalIds
from newsreport.extraction.found import Stretch
from newsreport.extraction.name_records import FoundName
from newsreport.extraction.name_words import GIVEN_NAMES
from newsreport.extraction.places import DEMONYMS, PLACES, KnownPlace, country_of
from newsreport.extraction.roles import FoundTitle, is_demonym
from newsreport.model import Organization, Participant, Person, Place

_POSSESSIVE = re.compile(r"['’]s\b")
_SPACE = re.compile(r"\s+")
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|az|ul)-")
# The participants are built as plain dicts and validated once per kind: a model constructed per
# span and title costs a Python call each, most of the time `participants` took. The dicts name
# the same fields a constructor call would, so the models' set fields are the same.
_PERSONS = TypeAdapter(list[Person])
_ORGANIZATIONS = TypeAdapter(list[Organization])
_PLACES = TypeAdapter(list[Place])


@dataclass
class TitleDraft:
    text: str
    organization: str | None
    """The key of the organization participant."""
    mentions: list[Stretch] = field(default_factory=list)
    rank: bool = False


@dataclass
class PersonDraft:
    words: tuple[str, ...]
    name: str
    mentions: list[Stretch] = field(default_factory=list)
    references: list[int] = field(default_factory=list)
    """Where the text names the person or stands for them (names and roles), sorted (`refer`):
    the last before a position is a bisection away."""
    gender: str = ""
    country: KnownPlace | None = None
    titles: dict[str, TitleDraft] = field(default_factory=dict)
    """By title key (`iranian parliament speaker`)."""
    id: str = ""

    def refer(self, position: int) -> None:
        """The text names the person, or stands for them, at `position`."""
        insort(self.references, position)

    def before(self, position: int) -> bool:
        """Whether the text refers to the person before `position`."""
        return bool(self.references) and self.references[0] < position

    def last_before(self, position: int) -> int | None:
        """Where the text refers to the person last before `position`, if it does."""
        i = bisect_left(self.references, position)
        return self.references[i - 1] if i else None

    def offices(self) -> set[str]:
        """The last words of the person's titles of office, in lower case (`speaker`)."""
        return {key.rsplit(" ", 1)[-1] for key, title in self.titles.items() if not title.rank}


@dataclass
class OrganizationDraft:
    name: str
    country: KnownPlace | None
    mentions: list[Stretch] = field(default_factory=list)
    id: str = ""


@dataclass
class PlaceDraft:
    known: KnownPlace
    name: str | None = None
    """The fullest name printed, demonyms aside."""
    mentions: list[Stretch] = field(default_factory=list)
    id: str = ""


class CastIndex:
    """Everything found so far, by what identifies it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.persons: list[PersonDraft] = []
        self.organizations: dict[str, OrganizationDraft] = {}
        self.places: dict[str, PlaceDraft] = {}
        self.roles: list[tuple[Stretch, PersonDraft]] = []
        """Words standing for a person (`the Iraqi parliament speaker`) and whom they stand for."""
        self._starts: dict[int, PersonDraft] = {}

    def person(self, words: tuple[str, ...]) -> PersonDraft:
        gender = GIVEN_NAMES.get(words[0], "") if len(words) > 1 else ""
        person = PersonDraft(words, " ".join(words), gender=gender)
        self.persons.append(person)
        return person

    def mention(self, person: PersonDraft, name: FoundName) -> None:
        """`name` names `person`: its span, its fuller form, gender and titles."""
        person.mentions.append((name.start, name.end))
        person.refer(name.start)
        self._starts[name.start] = person
        fuller = len(name.words) > len(person.words)
        if fuller or (len(name.words) == len(person.words) > 1 and person.name == " ".join(person.words)):
            person.name = _SPACE.sub(" ", self.text[name.start : name.end])  # as printed, `Jr.` too
            person.words = name.words
        person.gender = person.gender or name.gender
        for title in name.titles:
            self.title(person, title, self.text)

    def person_at(self, position: int) -> PersonDraft | None:
        """The person whose mention starts at `position`."""
        return self._starts.get(position)

    def title_key(self, title: FoundTitle) -> str:
        # As printed, spaces too: every mention of a title prints its text (letter case aside).
        return self.text[title.span[0] : title.span[1]].casefold()

    def title(self, person: PersonDraft, title: FoundTitle, text: str) -> None:
        """Give `person` a title (or one more mention of one they hold)."""
        key = self.title_key(title)
        draft = person.titles.get(key)
        if draft is None:
            organization = self.organization(*title.organization, title.country) if title.organization else None
            printed = text[title.span[0] : title.span[1]]
            draft = person.titles[key] = TitleDraft(printed, organization, rank=title.rank)
        if title.span not in draft.mentions:
            draft.mentions.append(title.span)
        country = country_of(title.country) if title.country else None
        person.country = person.country or country

    def organization(self, start: int, end: int, country: KnownPlace | None) -> str:
        """Record an organization's mention; returns its key."""
        printed = _SPACE.sub(" ", self.text[start:end])
        key = " ".join(_key_word(word) for word in _POSSESSIVE.sub("", printed).split())
        draft = self.organizations.get(key)
        if draft is None:
            draft = self.organizations[key] = OrganizationDraft(printed, country)
        elif _fullness(printed) > _fullness(draft.name):
            draft.name = printed
        if (start, end) not in draft.mentions:
            draft.mentions.append((start, end))
        draft.country = draft.country or country
        return key

    def place(self, known: KnownPlace, start: int, end: int, name: str | None = None) -> PlaceDraft:
        """Record a place's mention (a name or a demonym)."""
        draft = self.places.setdefault(known.name, PlaceDraft(known))
        if (start, end) not in draft.mentions:
            draft.mentions.append((start, end))
        printed = name or _SPACE.sub(" ", self.text[start:end])
        if not is_demonym(printed) and (draft.name is None or len(printed) > len(draft.name)):
            draft.name = printed
        return draft

    def participants(self) -> tuple[Participant, ...]:
        """The model's participants, ids given: persons, organizations, places, each by first mention."""
        ids = LocalIds()
        persons = sorted((p for p in self.persons if p.mentions), key=lambda p: min(p.mentions))
        surnames = [surname(person.words[-1]) for person in persons]
        for person, last in zip(persons, surnames, strict=True):
            shared = surnames.count(last) > 1
            person.id = ids.from_name(person.name if shared else last, "person")
        organizations = sorted(self.organizations.values(), key=lambda o: min(o.mentions))
        for organization in organizations:
            organization.id = ids.from_name(_POSSESSIVE.sub("", organization.name), "organization")
        places = sorted(self.places.values(), key=lambda p: min(p.mentions))
        for place in places:
            place.id = ids.from_name(place.name or place.known.name, "place")
        return (
            *_PERSONS.validate_python([self._person(person) for person in persons]),
            *_ORGANIZATIONS.validate_python([self._organization(organization) for organization in organizations]),
            *_PLACES.validate_python([self._place(place) for place in places]),
        )

    def _country_id(self, place: KnownPlace | None) -> str | None:
        country = country_of(place) if place else None
        draft = self.places.get(country.name) if country else None
        return draft.id if draft and draft.id else None

    def _person(self, person: PersonDraft) -> dict[str, Any]:
        organizations = self.organizations
        titles = [
            {
                "text": title.text,
                "organization": organizations[title.organization].id if title.organization else None,
                "mentions": _spans(title.mentions),
            }
            for title in person.titles.values()
        ]
        affiliations = tuple(
            dict.fromkeys(
                organizations[title.organization].id for title in person.titles.values() if title.organization
            )
        )
        return {
            "id": person.id,
            "name": person.name,
            "mentions": _spans(person.mentions),
            "titles": titles,
            "affiliations": affiliations,
            "country": self._country_id(person.country),
        }

    def _organization(self, organization: OrganizationDraft) -> dict[str, Any]:
        return {
            "id": organization.id,
            "name": organization.name,
            "mentions": _spans(organization.mentions),
            "country": self._country_id(organization.country),
        }

    def _place(self, place: PlaceDraft) -> dict[str, Any]:
        known = place.known
        below_country = known.place_type != "country" and known.country is not None
        country = self._country_id(known) if below_country else None
        return {
            "id": place.id,
            "name": place.name or known.name,
            "mentions": _spans(place.mentions),
            "place_type": known.place_type,
            "country": country if country != place.id else None,  # a city-state names itself
            "identifiers": [{"scheme": "iso3166-1", "value": known.code}] if known.code else (),
        }


def _spans(stretches: list[Stretch]) -> list[dict[str, int]]:
    return [{"start": start, "end": end} for start, end in sorted(set(stretches))]


def surname(word: str) -> str:
    """A name's last word without its Arabic article: `al-Mashhadani` → `Mashhadani`."""
    return _PARTICLE_PREFIX.sub("", word)


@lru_cache(maxsize=8192)
def folded_surname(word: str) -> str:
    """`surname(word)`, case folded: the key persons are found by (kept, as a text names its
    persons many times over)."""
    return surname(word).casefold()


def _key_word(word: str) -> str:
    """An organization name's word as it identifies the organization: `Iranian` as `iran`."""
    place = DEMONYMS.get(word) or PLACES.get(word)
    return (place.name if place else word).casefold()


def _fullness(name: str) -> tuple[int, int]:
    """Capitalised words first (`Iranian Parliament` over `Iranian parliament`), then length."""
    return sum(word[0].isupper() for word in name.split()), len(name)
