"""Names in a text: runs of capitalised words, each split into the titles printed before it and
the name itself, and typed person, organization, place or (a lone word) undecided.

`Iranian Parliament Speaker Mohammad Baqer Qalibaf` is one run: the title `Iranian Parliament
Speaker` (its organization `Iranian Parliament`, its country Iran) and the person's name. In `Iran's
Judiciary Chief Hojjat al-Islam Gholam-Hossein Mohseni-Ejei` the possessor names the country and
starts the organization (`Iran's Judiciary`), the title is `Judiciary Chief`, and the rank
`Hojjat al-Islam` is a second title. Lower-case titles stand before the run
(`Democratic presidential candidate Bernie Sanders`). A lone capitalised word (`Qalibaf`) is left
for `participants` to match against the full names; words that open sentences (`The`, `But`)
and that are not names (weekdays, months) are dropped from a run's ends.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Literal, NamedTuple

from newsreport.extraction.found import FoundBlock, Stretch
from newsreport.extraction.name_records import SUFFIXES, FoundName, FoundNames, Token
from newsreport.extraction.name_words import (
    GIVEN_NAMES,
    HONORIFICS,
    MODIFIERS,
    NOT_LAST_NAMES,
    NOT_NAMES,
    OFFICES,
    ORGANIZATION_WORDS,
    ORGANIZATIONS,
    PLACE_OPENERS,
    THINGS,
)
from newsreport.extraction.places import DEMONYMS, PLACES, KnownPlace, place_of
from newsreport.extraction.roles import FoundRole, FoundTitle, is_demonym, role_after, title_before
from newsreport.extraction.run_titles import is_acronym, opening_titles, title_names

_DOTTED = frozenset(
    word for word in [*OFFICES, *HONORIFICS, *NOT_NAMES, "Jr.", "Sr.", "St.", "Ft.", "Mt."] if word.endswith(".")
)
"""Words that end with a full stop inside a name (`Sen.`, `Jr.`); any other word's stop ends the run."""
_PARTICLE = r"(?:al|el|ad|ash|as|at|az|ul|bin|ibn|abu|ben|bint|de|di|da|du|le|la|van|von|der|den|del|della|dos|das)"
_WORD = r"[A-Z](?:(?:\.[A-Z])+|\w*(?:[’'][A-Za-z]\w*|-[A-Z]\w*|-[a-z]{2,4}(?![\w-]))*)\.?"
"""A capitalised word: initials (`U.N.`), or letters with apostrophes (`O'Malley`, `Iran's`) and
hyphens before a capital (`Mohseni-Ejei`) or a short syllable (`Ban Ki-moon`, `Park Geun-hye`;
`Bush-era` is cut below)."""
_JOINING = r"(?:al|el|bin|ibn|abu|ben|bint|de|di|da|du|le|la|van|von|der|den|del|della|dos|das|of)"
"""Lower-case words between the words of one name (`Osama bin Laden`, `Bank of America`); the
Arabic articles `as-`, `at-`... only join with a hyphen (`as Martin` is no name)."""
_RUN = re.compile(rf"{_WORD}(?:[ \u00a0](?:{_JOINING}[ \u00a0])?(?:{_PARTICLE}-)?{_WORD})*")
"""Capitalised words in a row (the regex opens with a capital, so it is searched for fast); one
that starts inside a word (`non-Arab`, `iPhone`) is skipped."""
_INSIDE_WORD = frozenset("’'")  # a run may follow a hyphen: `anti-Trump`, `then-Sen. Barack Obama`
_TOKEN = re.compile(r"\S+")
_HYPHEN_WORDS = frozenset({"era", "led", "run", "old", "like", "type", "made", "wide", "free", "born", "year", "ish"})
"""Short words after a name and a hyphen that make an adjective of it (`Bush-era`, `GOP-led`)."""
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_OPENING_SKIPS = frozenset(" \u00a0\n\"“‘'([")
_SENTENCE_ENDS = frozenset('.!?:;”’"—–-')
_FUNCTION_WORDS = frozenset(word.lower() for word in NOT_LAST_NAMES)
_TITLE_CASE_WORDS = 4
_HEADLINE_CHARS = 250
"""A block longer than this is no headline."""
_TITLE_CASE_WORDS_PER_LOWER = 20
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
_CAPITAL_WORD = re.compile(r"(?<![\w’'-])[A-Z]")
_KNOWN = frozenset((*NOT_NAMES, *PLACES, *DEMONYMS, *ORGANIZATIONS, *ORGANIZATION_WORDS, *OFFICES, *HONORIFICS))
"""Every word some lexicon knows, for one look-up where most words are in none."""
_NAME_WORDS = 4
"""The most words a person's name has here (`Martin Luther King Jr.`)."""


def find_names(text: str, blocks: tuple[FoundBlock, ...] = (), skip: Stretch | None = None) -> FoundNames:
    """Every name and role in `text`, places and organizations inside titles included; `skip` is a
    stretch to leave out (the dateline, whose place `participants` reads itself). In a block
    printed in title case (a headline: `Clinton Campaign Manager Laughs Off...`) capitals say
    nothing, so its words are read one by one, as lone words."""
    found = FoundNames([], [])
    lower_case: dict[str, bool] = {}  # `printed_in_lower_case` for this text, by word
    headlines = [(block.start, block.end) for block in blocks if _title_case(text, block)]
    for run in _RUN.finditer(text):
        start = run.start()
        if (start and (text[start - 1].isalnum() or text[start - 1] in _INSIDE_WORD)) or (
            skip and start < skip[1] and skip[0] < run.end()
        ):
            continue
        printed = run[0]
        if headlines and any(h_start <= start < h_end for h_start, h_end in headlines):
            _headline_run(_tokens(_run_words(printed), start), text, found)
            continue
        if " " in printed or "\u00a0" in printed:
            pieces = _pieces(printed, False)
            if pieces and _common_opening(text, pieces[0].printed[0], start + pieces[0].words[0][0], lower_case):
                pieces = _pieces(printed, True)
        elif printed in NOT_NAMES:  # a capitalised sentence opening, most lone words: skipped fast
            continue
        else:
            word = _word_read(printed)[0]
            if _common_opening(text, word, start, lower_case) or _plain_word(text, word, start, found):
                continue
            pieces = _pieces(printed, False)
        possessor: FoundName | None = None
        named: FoundName | None
        for piece in pieces:
            last = piece.words[-1]
            if piece.kind:  # read without tokens: most pieces name a place or organization
                end = start + last[0] + len(last[1])
                named = _known(text, piece.typed, piece.printed, start + piece.words[0][0], end, last[2], found)
            else:
                named = _read(text, _tokens(piece.words, start), found, possessor)
            possessor = named if last[2] else None
    return found


def _common_opening(text: str, word: str, start: int, lower_case: dict[str, bool]) -> bool:
    """Whether `word` at `start` opens a sentence and the text prints it in lower case elsewhere:
    a common word (`Pollsters`, `Closing`), capitalised for its place only (`lower_case`: the
    answers of `printed_in_lower_case` for this text so far, as each scans the whole text)."""
    if word in _KNOWN or not opens_sentence(text, start) or word.lower() in MODIFIERS or is_acronym(word):
        return False
    if word.endswith("ing") and word not in GIVEN_NAMES:  # `Closing Gitmo`, `Addressing ...`
        return True
    printed = lower_case.get(word)
    if printed is None:
        printed = lower_case[word] = printed_in_lower_case(text, word)
    return printed


def printed_in_lower_case(text: str, word: str) -> bool:
    """Whether `text` prints `word` in lower case somewhere, as a word of its own (a common word:
    `pollsters`, not `Qalibaf`)."""
    lower = word.lower()
    position = text.find(lower)
    while position >= 0:
        end = position + len(lower)
        if not (position and text[position - 1].isalpha()) and not (end < len(text) and text[end].isalpha()):
            return True
        position = text.find(lower, end)
    return False


def opens_sentence(text: str, start: int) -> bool:
    """Whether `start` follows a sentence's end (or a paragraph's start), quote marks aside."""
    position = start - 1
    while position >= 0 and text[position] in _OPENING_SKIPS:
        if text[position] == "\n":
            return True
        position -= 1
    return position < 0 or text[position] in _SENTENCE_ENDS


def _headline_run(tokens: list[Token], text: str, found: FoundNames) -> None:
    """A run in a title-case headline, word by word: places and lone words, and a common given
    name with the word after it as a person's full name (`... About Donald Trump`)."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.word in GIVEN_NAMES and after and after.word[0].isupper() and after.word not in NOT_NAMES:
            found.names.append(FoundName("person", token.start, after.end, (token.word, after.word)))
            i += 2
            continue
        if token.word[0].isupper() and not _plain_word(text, token.word, token.start, found) and place_of(token.word):
            _read(text, [token], found, None)
        i += 1


def _title_case(text: str, block: FoundBlock) -> bool:
    """Whether all words of a short block, function words aside (or all but one in twenty), are
    capitalised: a headline in title case, not a sentence full of names."""
    if block.end - block.start > _HEADLINE_CHARS:
        return False
    lower = 0
    for word in _LOWER_WORD.finditer(text, block.start, block.end):  # a sentence fails at its first
        if word[0] not in _FUNCTION_WORDS:
            lower += 1
            if lower > 1:
                return False
    capitalised = len(_CAPITAL_WORD.findall(text, block.start, block.end))
    return capitalised >= _TITLE_CASE_WORDS and lower * _TITLE_CASE_WORDS_PER_LOWER <= capitalised


def _plain_word(text: str, word: str, start: int, found: FoundNames) -> bool:
    """A lone word (at `start`) no lexicon knows and no title stands before, kept as a word, fast
    (most lone words are: surnames, sentence openings); False to read it like any run."""
    if word in _KNOWN or word[-1] == "s" or title_before(text, start):  # `s`: a plural demonym perhaps
        return word in NOT_NAMES
    found.names.append(FoundName("word", start, start + len(word), (word,)))
    return True


_Word = tuple[int, str, bool, bool]
"""A word of a run as `_run_words` reads it: its offset in the run, then as `_word_read` has it."""


@lru_cache(maxsize=16384)
def _run_words(printed: str) -> tuple[_Word, ...]:
    """The words of a run by its spelling (kept: about one run in five repeats in its text)."""
    return tuple((match.start(), *_word_read(match[0])) for match in _TOKEN.finditer(printed))


def _tokens(words: tuple[_Word, ...], start: int) -> list[Token]:
    """The tokens of a run at `start` from its words."""
    return [Token(start + at, start + at + len(word), word, possessive, last) for at, word, possessive, last in words]


_Typed = tuple[Literal["organization", "place", ""], KnownPlace | None, bool]
"""What `_typed` tells of a run's words."""


class _Piece(NamedTuple):
    """A part of a run `_read` types on its own, as read from its spelling."""

    words: tuple[_Word, ...]
    printed: tuple[str, ...]
    typed: _Typed

    @property
    def kind(self) -> str:
        return self.typed[0]


@lru_cache(maxsize=16384)
def _pieces(printed: str, dropped: bool) -> tuple[_Piece, ...]:
    """A run's words cut after each possessive or sentence end, each piece trimmed (`dropped`:
    its first word is a common word, left out): the parts `_read` types one by one, by the run's
    spelling (kept, as a text prints its names many times)."""
    read = _run_words(printed)
    words = [word for _, word, _, _ in read]
    first, end = _kept(words, 0, len(words))
    if dropped:
        first, end = _kept(words, first + 1, end)
    pieces = []
    while first < end:
        split = next((i for i in range(first, end) if read[i][2] or read[i][3]), end - 1)
        piece = tuple(words[first : split + 1])
        pieces.append(_Piece(read[first : split + 1], piece, _typed(piece)))
        first, end = _kept(words, split + 1, end)
    return tuple(pieces)


@lru_cache(maxsize=16384)
def _word_read(printed: str) -> tuple[str, bool, bool]:
    """A word of a run as its token has it, whether it was possessive, whether it ends a sentence
    (kept: a text prints its names many times)."""
    word = printed
    hyphen = word.rfind("-")
    if hyphen > 0 and word[hyphen + 1 :].rstrip(".’'s") in _HYPHEN_WORDS:  # `Bush-era`: the name is `Bush`
        word = word[:hyphen]
    if word.endswith(("'s", "’s")):
        return word[:-2], True, False
    if word.endswith(".") and word not in _DOTTED and not _INITIALS.fullmatch(word):
        return word[:-1], False, True
    return word, False, False


def _trimmed(tokens: list[Token]) -> list[Token]:
    """Without the function words, particles and non-names at either end."""
    start, end = _kept([token.word for token in tokens], 0, len(tokens))
    return tokens[start:end]


def _kept(words: list[str], start: int, end: int) -> tuple[int, int]:
    """Where `words[start:end]` starts and ends once `_trimmed`."""
    while start < end and (words[start] in NOT_NAMES or words[start].islower()):
        start += 1
    while end > start and (words[end - 1] in NOT_LAST_NAMES or words[end - 1].islower()):
        end -= 1
    return start, end


def _read(text: str, tokens: list[Token], found: FoundNames, possessor: FoundName | None) -> FoundName | None:
    """Type one run up to its first possessive; returns what a possessive at its end names."""
    if not tokens:
        return None
    printed = tuple([token.word for token in tokens])
    start, end = tokens[0].start, tokens[-1].end
    typed = _typed(printed)
    if typed[0]:
        return _known(text, typed, printed, start, end, tokens[-1].possessive, found)
    # a lone word opens with no title (`opening_titles` would say so, a call later)
    titles, gender, first = (
        opening_titles(text, tokens, found, possessor)
        if len(tokens) > 1 and _may_open_with_titles(printed)
        else ([], "", 0)
    )
    rest = tokens[first:]
    if not rest or rest[0].word in OFFICES:  # a title with no name: `Iranian Parliament Speaker said`
        title = titles[-1] if titles else FoundTitle((start, end))
        found.roles.append(FoundRole(start, end, tokens[-1].word.lower(), title, title.country))
        return None
    of = next((i for i, token in enumerate(rest) if token.word == "of"), None) if "of" in printed else None
    if of is not None:  # `Sen. Ted Cruz of Texas`: the name ends before `of`
        _read(text, _trimmed(rest[of + 1 :]), found, None)
        rest = rest[:of]
        if not rest:
            return None
    while len(rest) > 2 and rest[0].word.lower() in MODIFIERS:  # `Democrat Hillary Clinton`: a party, no title
        rest = rest[1:]
    words = tuple([token.word for token in rest if token.word not in SUFFIXES])
    outside = None if titles else title_before(text, rest[0].start)
    if outside:
        titles.append(outside)
        title_names(outside, found)
    kind_: Literal["person", "word"]
    if titles or gender:
        kind_ = "person"
    elif len(words) < 2:
        kind_ = "word"
    elif _is_person(tuple([token.word for token in rest])):
        kind_ = "person"
    else:
        return None
    found.names.append(FoundName(kind_, rest[0].start, rest[-1].end, words, tuple(titles), gender))
    return None


def _known(
    text: str, typed: _Typed, printed: tuple[str, ...], start: int, end: int, possessive: bool, found: FoundNames
) -> FoundName:
    """A place's or organization's name at `start`-`end` (`typed` by `_typed` from its words
    `printed`; `possessive`: printed with `'s`), the place its first word names, and the role and
    organization lower-case words after it make."""
    country, within = typed[1:]
    kind: Literal["organization", "place"] = "place" if typed[0] == "place" else "organization"
    name = FoundName(kind, start, end, printed, place=country)
    found.names.append(name)
    if kind == "organization" and country:  # `Chinese Foreign Ministry`: a mention of China too
        found.names.append(FoundName("place", start, start + len(printed[0]), (printed[0],), place=country))
    role, organization = role_after(text, start, end + (2 if possessive else 0), country, within=within)
    if organization and (organization != (start, end)):
        words = tuple(text[organization[0] : organization[1]].split())
        found.names.append(FoundName("organization", *organization, words, place=country))
    if role:
        found.roles.append(role)
    return name


@lru_cache(maxsize=16384)
def _typed(words: tuple[str, ...]) -> _Typed:
    """Whether a run's `words` name a place or an organization (else ""), the place or the
    organization's country, and whether a title after it holds it (a demonym, an organization:
    `Iraqi parliament speaker`); kept, as a text names its places and organizations many times."""
    whole = " ".join(words)
    place = place_of(whole)
    if place:
        return "place", place, is_demonym(whole)
    if _is_organization(whole):
        return "organization", place_of(words[0]), True
    return "", None, False


@lru_cache(maxsize=16384)
def _may_open_with_titles(words: tuple[str, ...]) -> bool:
    """Whether `opening_titles` may find titles or an honorific before a run's `words` (most
    runs have none: `Hillary Clinton`). It decides that from the words alone, and finds nothing
    without side effects, so it is asked once per spelling, on tokens at no position."""
    tokens = [Token(0, 0, word, False, False) for word in words]
    return opening_titles("", tokens, FoundNames([], []), None) != ([], "", 0)


def _is_organization(whole: str) -> bool:
    """`FBI`, `Resistance Front`, `University of Iowa` (`whole`: a run's words, one space between
    them)."""
    words = whole.split(" ")
    return (
        whole in ORGANIZATIONS
        or words[-1] in ORGANIZATION_WORDS
        or (
            "of" in words
            and any(word in ORGANIZATION_WORDS and after == "of" for word, after in itertools.pairwise(words))
        )
    )


@lru_cache(maxsize=16384)
def _is_person(words: tuple[str, ...]) -> bool:
    """Whether a run of two or more capitalised words, with no title, looks like a person's name
    (kept, as a text names its persons many times)."""
    return (
        len(words) <= _NAME_WORDS
        and words[0] not in PLACE_OPENERS
        and not any(
            word in THINGS
            or word in ORGANIZATIONS
            or word == "of"
            or is_acronym(word)
            or len(word) == 1
            or word.endswith(("n’t", "n't"))
            or (place_of(word) and words[0] not in GIVEN_NAMES)  # `Mark Cuban` is a person
            for word in words
        )
    )
