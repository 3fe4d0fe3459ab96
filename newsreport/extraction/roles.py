"""Titles printed in lower case and noun phrases that stand for a person.

Before a name: `Democratic presidential candidate Bernie Sanders`, `Fox News host Sean Hannity`
(`title_before`). After a demonym, a country or an organization, without a name:
`the Iraqi parliament speaker`, `Iranian official`, `the White House spokesman`; the same walk
finds a country's organization named in lower case (`the Iraqi government`) (`role_after`).
A demonym belongs to the title (`Iraqi parliament speaker`); a country's name or possessive does
not (`Iran's Judiciary Chief`, `Iran judiciary chief`: the title is `Judiciary Chief`), but starts
the organization (`Iran's Judiciary`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreport.extraction.found import Stretch
from newsreport.extraction.name_words import (
    GENERIC,
    MODIFIERS,
    NOT_NAMES,
    OFFICES_LOWER,
    ORGANIZATION_NOUNS,
    ORGANIZATION_WORDS,
)
from newsreport.extraction.places import DEMONYM_FORMS, KnownPlace, place_of

_LOWER_WORDS = re.compile(r"(?:[ \u00a0]+[a-z][a-z-]*(?![\w-]))+")
_LOWER_WORD = re.compile(r"[a-z][a-z-]*")
_SPACES = " \u00a0"
_MOST_WORDS = 6
"""How many words a lower-case title before a name may have."""
_LONGEST_OFFICE = max(len(office) for office in OFFICES_LOWER if " " not in office)
_WORD_BEFORE = re.compile(r"(?<!\S)\S+\Z")
"""The word that ends where the search ends (searched for in the last `_LONGEST_OFFICE`
characters: a longer word is no office)."""


@dataclass(slots=True)
class FoundTitle:
    """A title as printed (`Iranian Parliament Speaker`), its organization, its country."""

    span: Stretch
    organization: Stretch | None = None
    country: KnownPlace | None = None
    rank: bool = False
    """An honorific rank (`Hojjat al-Islam`, `Dr.`), not an office."""


@dataclass(slots=True)
class FoundRole:
    """Words that stand for a person without naming them: `Iraqi parliament speaker`, `Iranian
    official` (the determiner left out)."""

    start: int
    end: int
    head: str
    """The noun the phrase ends with, in lower case (`speaker`, `official`)."""
    title: FoundTitle | None
    """The title it prints, unless its noun is a generic one (`official`, `counterpart`)."""
    country: KnownPlace | None


def is_demonym(word: str) -> bool:
    """`Iranian`, `Iraqis`."""
    return word in DEMONYM_FORMS


def role_after(
    text: str, start: int, end: int, country: KnownPlace | None, *, within: bool
) -> tuple[FoundRole | None, Stretch | None]:
    """The role (`Iraqi parliament speaker`) and the organization (`Iraqi parliament`, `Iraqi
    government`) that lower-case words after `text[start:end]` (a demonym, a country, a possessive
    or an organization) make with it; `within`: whether the title starts with those words."""
    following = _LOWER_WORDS.match(text, end)
    if following is None:
        return None, None
    head = organization = None
    words = list(_LOWER_WORD.finditer(text, following.start(), following.end()))
    for i, word in enumerate(words):
        if word[0] in OFFICES_LOWER or word[0] in GENERIC:
            head = i
        elif word[0] in ORGANIZATION_NOUNS:
            organization = i
        elif word[0] not in MODIFIERS:
            break
    org = (start, words[organization].end()) if organization is not None else None
    if head is None:
        return None, org
    org = org if organization is not None and organization < head else None
    title_start = start if within else words[0].start()
    noun = words[head][0]
    title = None if noun in GENERIC else FoundTitle((title_start, words[head].end()), org, country)
    return FoundRole(title_start, words[head].end(), noun, title, country), org


def title_before(text: str, start: int) -> FoundTitle | None:
    """A title printed before the name at `start` with a lower-case office at its end
    (`Republican presidential nominee`), if any."""
    end = start - 1
    if end <= 0 or text[end] not in _SPACES:
        return None
    office = _WORD_BEFORE.search(text, max(0, end - _LONGEST_OFFICE), end)
    if office is None or office[0] not in OFFICES_LOWER:  # most names have none: ruled out fast
        return None
    words: list[tuple[int, int]] = []  # the words before, right to left
    while end > 0 and text[end] in _SPACES and len(words) < _MOST_WORDS:
        word_start = end
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start:end]
        if not word or not (word in OFFICES_LOWER if not words else _title_word(word)):
            break
        words.append((word_start, end))
        end = word_start - 1
    if not words:
        return None
    words.reverse()
    lead = text[words[0][0] : words[0][1]]
    country = place_of(lead)
    if country and not is_demonym(lead):
        if len(words) == 1:
            return None
        title_start = words[1][0]
    else:
        title_start = words[0][0]
    org_words = [
        w for w in words[:-1] if text[w[0] : w[1]] in ORGANIZATION_WORDS or text[w[0] : w[1]] in ORGANIZATION_NOUNS
    ]
    organization = (words[0][0], org_words[-1][1]) if org_words else None
    return FoundTitle((title_start, words[-1][1]), organization, country)


def _title_word(word: str) -> bool:
    """Whether `word` may stand in a title before its lower-case office (`Fox`, `News`, `vice`)."""
    if word[0].isupper():
        return word[-1].isalnum() and word not in NOT_NAMES and not word.endswith(("'s", "’s"))
    return word in MODIFIERS or word in OFFICES_LOWER or word in ORGANIZATION_NOUNS
