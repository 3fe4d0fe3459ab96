"""The records `names` builds while it reads a text's capitalised runs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsreport.extraction.places import KnownPlace
from newsreport.extraction.roles import FoundRole, FoundTitle

SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
"""Words after a name that are no part of its surname."""


@dataclass(slots=True)
class FoundName:
    """A name in the text, with the titles printed before it."""

    kind: Literal["person", "organization", "place", "word"]
    start: int
    end: int
    words: tuple[str, ...]
    """The name's words, possessive `'s`, titles and suffixes (`Jr.`) left out."""
    titles: tuple[FoundTitle, ...] = ()
    gender: str = ""
    """`m` or `f` when a courtesy title (`Mr.`, `Mrs.`) says so."""
    place: KnownPlace | None = None
    """For a place (or a demonym): the place it names; for an organization: its country."""


@dataclass(slots=True)
class Token:
    """A word of a run."""

    start: int
    end: int
    word: str
    possessive: bool
    """Printed with `'s`, which `word` and `end` leave out."""
    last: bool
    """Ends a sentence: its full stop (left out) is no abbreviation's."""


@dataclass(slots=True)
class FoundNames:
    """What `find_names` finds, each list in text order."""

    names: list[FoundName]
    roles: list[FoundRole]


def joined(tokens: list[Token]) -> str:
    """The words of `tokens`, one space between them."""
    return " ".join(token.word for token in tokens)
