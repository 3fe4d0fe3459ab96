"""The persons, organizations and places a report names."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from newsreport.model.base import Identifier, Label, LocalId, Model, Name, Span


class Title(Model):
    """A title or office a person holds, as the text prints it."""

    text: Label
    """The title as printed, e.g. `Iranian Parliament Speaker`."""
    organization: LocalId | None = None
    """The organization the title belongs to: the id of an organization participant."""
    mentions: tuple[Span, ...] = ()
    """Where the title is printed; each span holds `text` up to letter case."""


class _Participant(Model):
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
"""A person, an organization or a place, told apart by `kind` (what `NewsReport.participants` holds)."""
