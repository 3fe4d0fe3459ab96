"""The titles a run of capitalised words opens with: offices (`Iranian Parliament Speaker`,
`Secretary of State`, `Federal Reserve Chair`) with their organization and country, and honorifics
(`Mr.` tells a gender, a rank such as `Hojjat al-Islam` is a title too)."""

from __future__ import annotations

from functools import lru_cache

from newsreport.extraction.found import Stretch
from newsreport.extraction.name_records import SUFFIXES, FoundName, FoundNames, Token, joined
from newsreport.extraction.name_words import (
    GIVEN_NAMES,
    HONORIFICS,
    MODIFIERS,
    NOT_NAMES,
    OFFICES,
    ORGANIZATION_WORDS,
    ORGANIZATIONS,
)
from newsreport.extraction.places import PLACES, place_of
from newsreport.extraction.roles import FoundTitle

_MULTIWORD = 3
"""The most words a title or honorific of the lexicons has."""
_OPENS_SEVERAL = frozenset(
    entry.split()[0] for entry in (*HONORIFICS, *OFFICES, *ORGANIZATIONS, *PLACES) if " " in entry
)
"""First words of the lexicons' entries of several words (`Vice`, `New`): only after one is a
longer entry looked for."""
_ORGANIZATION_WORDS_BEFORE = 3
"""The most words of an organization's name, unknown to the lexicons, that may open a title."""


def opening_titles(
    text: str, tokens: list[Token], found: FoundNames, possessor: FoundName | None
) -> tuple[list[FoundTitle], str, int]:
    """The titles and honorifics a run opens with, its courtesy gender, and where the name starts."""
    titles: list[FoundTitle] = []
    gender = ""
    office_start = 0  # where the office title being read starts
    i = 0
    while i < len(tokens) - 1:
        length, kind = lexicon_words(tokens, i)
        if kind == "honorific":
            rank, gender_ = HONORIFICS[joined(tokens[i : i + length])]
            gender = gender or gender_
            if rank == "rank":
                titles.append(FoundTitle((tokens[i].start, tokens[i + length - 1].end), rank=True))
            office_start = i + length
        elif kind == "office":
            title = _office(tokens[office_start : i + length], length, possessor if office_start == 0 else None)
            titles.append(title)
            title_names(title, found)
            if title.country and not (possessor and office_start == 0):
                lead = tokens[office_start : office_start + 2]
                if i - office_start < 2 or not place_of(joined(lead)):  # `South Korean` is two words
                    lead = lead[:1]
                words = tuple(token.word for token in lead)
                found.names.append(FoundName("place", lead[0].start, lead[-1].end, words, place=title.country))
            office_start = i + length
        elif kind == "" and i == office_start and (office := _office_after_organization(tokens, i)):
            i = office  # `Federal Reserve Chair Janet Yellen`: the organization opens the title
            continue
        elif kind != "prefix" or not _title_ahead(tokens, i + length):
            break
        i += length
    return titles, gender, i


def _office_after_organization(tokens: list[Token], i: int) -> int:
    """Where an office starts right after a name of a few words that opens at `i` and a name
    follows it (the index of `Chair` in `Federal Reserve Chair Janet Yellen`, of `CEO` in
    `Hewlett-Packard CEO Carly Fiorina`), or 0."""
    if tokens[i].word in GIVEN_NAMES:  # `Martin Luther King` is a name, not a king's title
        return 0
    for j in range(i + 1, min(i + _ORGANIZATION_WORDS_BEFORE + 1, len(tokens) - 1)):
        if tokens[j].word in NOT_NAMES:
            return 0
        length, kind = lexicon_words(tokens, j)
        if kind == "office":
            after = tokens[j + length :]
            return j if any(token.word not in SUFFIXES for token in after) else 0
    return 0


def _office(tokens: list[Token], length: int, possessor: FoundName | None) -> FoundTitle:
    """An office title such as `Iranian Parliament Speaker` (`length`: the office's own words)."""
    if possessor and possessor.kind == "place":
        country = possessor.place
    else:  # `South Korean President`, `Iraqi President`
        country = (len(tokens) > length + 1 and place_of(joined(tokens[:2]))) or place_of(tokens[0].word)
    before = tokens[:-length]
    org_words = [token for token in before if token.word in ORGANIZATION_WORDS]
    org_start = possessor.start if possessor else tokens[0].start
    if org_words:
        organization: Stretch | None = (org_start, org_words[-1].end)
    else:  # `UN Secretary-General`, `Hezbollah Secretary-General`, `IRGC Commander`
        known = next((n for n in range(len(before), 0, -1) if joined(before[:n]) in ORGANIZATIONS), 0)
        if not known and before and is_acronym(before[0].word) and not place_of(before[0].word):
            known = 1
        organization = (before[0].start, before[known - 1].end) if known else None
    return FoundTitle((tokens[0].start, tokens[-1].end), organization, country)


def title_names(title: FoundTitle, found: FoundNames) -> None:
    """The places and organizations a title names are mentions too."""
    if title.organization:
        start, end = title.organization
        found.names.append(FoundName("organization", start, end, (), place=title.country))


def lexicon_words(tokens: list[Token], i: int) -> tuple[int, str]:
    """How many words from `i` are one title or honorific, or one word that may open a title."""
    word = tokens[i].word
    if word not in _OPENS_SEVERAL:
        return _lexicon_word(word)
    longest = min(_MULTIWORD, len(tokens) - i)
    for length in range(longest, 0, -1):
        words = joined(tokens[i : i + length]) if length > 1 else word
        if words in HONORIFICS:
            return length, "honorific"
        if words in OFFICES:
            return length, "office"
    for length in range(longest, 0, -1):
        words = joined(tokens[i : i + length]) if length > 1 else word
        if words in ORGANIZATIONS or words in PLACES:  # `FBI Director`, `New Jersey Gov.`
            return length, "prefix"
    return _lexicon_word(word)


@lru_cache(maxsize=16384)
def _lexicon_word(word: str) -> tuple[int, str]:
    """`lexicon_words` for one word, which opens no entry of several (kept: most words are one)."""
    if word in HONORIFICS:
        return 1, "honorific"
    if word in OFFICES:
        return 1, "office"
    if word in ORGANIZATIONS or word in PLACES:
        return 1, "prefix"
    if word.lower() in MODIFIERS or place_of(word) or word in ORGANIZATION_WORDS or is_acronym(word):
        return 1, "prefix"
    return 0, ""


def is_acronym(word: str) -> bool:
    """`NRA`, `ACLU`: capitals only, no full stop (`U.S.` is a place, `J.` an initial)."""
    return len(word) > 1 and word.isupper() and word.isalpha()


def _title_ahead(tokens: list[Token], i: int) -> bool:
    """Whether an office title follows from `i` (after more prefixes) before the name."""
    while i < len(tokens):
        length, kind = lexicon_words(tokens, i)
        if kind in ("office", "honorific"):
            return True
        if kind != "prefix":
            return False
        i += length
    return False
