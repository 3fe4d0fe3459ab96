"""What the extractor's steps find, before any of it becomes the model.

Every step works on the text alone and hands the next plain, frozen records of where things
stand: `(start, end)` in Unicode code points of the text, end exclusive, as the model's `Span`.
Only `draft` turns them into a `NewsReport`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsreport.model import Event, Participant, ReferencedEvent

Stretch = tuple[int, int]
"""`(start, end)` in code points of the text, end exclusive."""


@dataclass(frozen=True, slots=True)
class FoundBlock:
    """A paragraph or subheading of the text."""

    kind: Literal["paragraph", "subheading"]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribution:
    """One source-cue-content triple: who (`source`) said (`cue`) what (`content`).

    A quote split by its attribution (`"A," he said. "B."`) is two attributions with the same cue
    and source, one per piece; a quote running over paragraphs is one, from its first word to its
    last. A direct or partial quote's content is the quoted words, inside the marks.
    """

    kind: Literal["direct", "partial", "indirect"]
    content: Stretch
    cue: Stretch | None
    """The reporting verb or phrase (`said`, `according to`, `:`), if the text has one."""
    source: Stretch | None
    """The words naming the speaker in this attribution (`Trump`, `the influential US daily`,
    `he`), if the text has them."""
    follows: int | None = None
    """The index of an earlier attribution whose speaker this one shares: a participle clause
    (`, stressing ...`, with no source words of its own), or a quote paragraph with no
    attribution of its own, which also takes that attribution's cue and source words, as PolNeAR
    annotates such quotes."""


@dataclass(frozen=True, slots=True)
class FoundDateline:
    """The dateline at the head of the text (`WASHINGTON (AP)`, `date 2025-02-03 TEHRAN`), without
    the dash that ends it."""

    start: int
    end: int
    place: Stretch | None
    """The place it names."""
    date: str | None
    """The date it prints, as ISO 8601 (`2025-02-03`), if it prints one."""
    agency: Stretch | None
    """The agency it names (`AP`), if any."""


@dataclass(frozen=True, slots=True)
class Cast:
    """The participants of a text and who speaks in each attribution."""

    participants: tuple[Participant, ...]
    """Persons, organizations and places, each once, with their mentions (never pronouns)."""
    speakers: tuple[tuple[str, ...], ...]
    """For each attribution, in order, the ids of the participants it is attributed to (empty when
    unresolved)."""
    dateline_place: str | None
    """The id of the place participant the dateline names."""


@dataclass(frozen=True, slots=True)
class FoundEvents:
    """The event a text covers and the earlier events it refers to."""

    event: Event | None
    referenced: tuple[ReferencedEvent, ...]
