"""Words that name events (`visit`, `press conference`, `assuming office`), and the dates they have.

The trigger words are in `lexicons/event_kinds.tsv`, each with the kind of event it names and
whether that is an occasion (a visit, an election), a part of one (a press conference, a meeting)
or background (a war, an agreement). A date belongs to the trigger just after it (`last year's
summit`, `the 2016 election`) or just before it in its clause (`visit to Tehran in May`,
`assuming office in October 2024`); a date of a sentence left over after that belongs to the
sentence's first trigger before it (`a press conference in Tehran, where ... on Monday`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from newsreport.extraction.dates import DatePhrase, FoundDate
from newsreport.extraction.found import Stretch
from newsreport.extraction.lexicon import read_lexicon

Scope = Literal["occasion", "part", "background"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """Words naming an event, and its kind."""

    start: int
    end: int
    kind: str
    span: Scope
    """Whether the kind is an occasion a report covers (a visit), a part of one (a press
    conference, a meeting), or background a report rarely covers itself (a war, an agreement)."""
    verb: bool
    """Whether the words are a verb form (`visited`, `assuming office`), whose subject is the actor."""


_SPANS: dict[str, Scope] = {"occasion": "occasion", "part": "part", "background": "background"}
"""The lexicon's spans, typed (and checked at import)."""
_KINDS = {
    row["trigger"]: (row["kind"], _SPANS[row["span"]], row["form"] == "verb") for row in read_lexicon("event_kinds.tsv")
}
_LAST_WORDS = {row["trigger"].split()[-1] for row in read_lexicon("event_kinds.tsv") if row["span"] == "part"}
_PART_WORDS = tuple(w for w in _LAST_WORDS if not any(o != w and o in w for o in _LAST_WORDS))
_ROLES = {row["verb"]: (row["subject"], row["object"]) for row in read_lexicon("event_roles.tsv")}
_ROLE_STEMS = tuple(sorted({verb[:4] for verb in _ROLES}))


_Node = dict[str, "_Node"]


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of `words`, branching one character at a time: the engine then tries
    one branch per character instead of every word at every word start."""
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Node) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


_TRIGGER = re.compile(rf"(?<![\w-])(?:{_trie({*_KINDS, *(w[0].upper() + w[1:] for w in _KINDS)})})(?![\w-])")
_ROLE_VERB = re.compile(rf"(?<![\w-])(?:{_trie(_ROLES)})(?![\w-])")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–!?]")
_FULL_STOP = re.compile(r"(\w+)\.\s")
_ABBREVIATIONS = frozenset(row["abbreviation"] for row in read_lexicon("abbreviations.tsv"))
_DATE_THEN_TRIGGER = re.compile(
    r"(?:['’]s)?(?:\s+(?!(?i:the|a|an|on|for|of|at|in|to|with|from|by|and|or|but|is|are|was|were|be|been|has|have|had)\s)[A-Za-z][a-z-]*){0,2}\s+$"
)
"""Between a date and its event: a possessive and at most two modifiers (`last year's summit`,
`the 2016 presidential election`, `the 1979 Islamic Revolution`), no article or preposition."""
_WORD_REST = re.compile(r"(?:[^\W_]|-)*")
"""Letters, digits (`str.isalnum`) and hyphens: the rest of a word."""
_NEAR = 45
_SENTENCE_REACH = 400


def find_triggers(text: str, regions: Iterable[Stretch]) -> tuple[Trigger, ...]:
    """The event words in `regions` of `text` (stretches that may overlap), in order.

    Only regions are scanned, as a regex scan costs about the same at every character: the lead,
    the sentences with dates, and those with the word of a part (`conference`, `meeting`).
    """
    found: dict[int, Trigger] = {}
    for start, end in _merged(text, regions):
        for match in _TRIGGER.finditer(text, start, end):
            word = match[0]
            kind, span, verb = _KINDS.get(word) or _KINDS[word[0].lower() + word[1:]]
            found[match.start()] = Trigger(match.start(), match.end(), kind, span, verb)
    return tuple(found[at] for at in sorted(found))


def part_words(text: str) -> list[int]:
    """Where the last word of a part trigger (`conference`, `meeting`, `met`) may stand, found at C
    speed with `str.find`."""
    return [at for word in _PART_WORDS for at in _found(text, word) if at == 0 or not text[at - 1].isalpha()]


def _found(text: str, word: str) -> list[int]:
    """Where `word` stands in `text`, each time (not overlapping)."""
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


def _merged(text: str, regions: Iterable[Stretch]) -> list[Stretch]:
    """`regions` sorted and merged, each end moved past its word: a scan may not stop mid-word."""
    merged: list[Stretch] = []
    for start, end in sorted(regions):
        end = _word_end(text, end)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _word_end(text: str, at: int) -> int:
    """`at` moved past the letters, digits and hyphens that follow it."""
    rest = _WORD_REST.match(text, at)
    return max(at, rest.end()) if rest else at


def role_words(text: str) -> list[int]:
    """Where a host-guest verb may start in `text` (its first four letters, found with `str.find`)."""
    return sorted(at for stem in _ROLE_STEMS for at in _found(text, stem))


def find_roles(text: str, start: int, end: int, starts: list[int]) -> tuple[tuple[Stretch, str, str], ...]:
    """The host-guest verbs (`hosted`, `welcomed`) of `text[start:end]`, each with the role of
    the person before it and of the person after it; `starts` is `role_words(text)`."""
    found = []
    for at in starts[bisect_left(starts, start) : bisect_left(starts, end)]:
        if (verb := _ROLE_VERB.match(text, at, end)) is not None:
            found.append((verb.span(), *_ROLES[verb[0]]))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Dated:
    """The dates of triggers, by the trigger's index."""

    adjacent: dict[int, FoundDate]
    """Dates standing next to their trigger in its clause (`visit to Tehran in May`)."""
    loose: dict[int, FoundDate]
    """Dates of a sentence given to its first trigger before them (`a press conference in Tehran,
    where ... on Monday`): good enough to date the news, too loose to make an earlier event."""


def attach(
    text: str,
    phrases: Iterable[DatePhrase],
    triggers: tuple[Trigger, ...],
    sentence_of: Callable[[int], Stretch],
    block_start: Callable[[int], int],
    resolve: Callable[[DatePhrase], FoundDate | None],
) -> Dated:
    """The dates of the triggers that have one. A phrase is resolved (`resolve`) only once it has
    a trigger; a loose date and its trigger share a sentence (`sentence_of` gives the sentence
    around a position, asked only for a date left over with a free trigger before it in its
    block, which `block_start` gives: splitting a paragraph costs more than a look-up)."""
    starts = [t.start for t in triggers]
    adjacent: dict[int, FoundDate] = {}
    left: list[DatePhrase] = []
    for phrase in phrases:
        at = bisect_left(starts, phrase.start)
        chosen = _adjacent(text, phrase, triggers, at)
        if chosen is None and at > 0 and phrase.start - triggers[at - 1].end < _SENTENCE_REACH:
            left.append(phrase)
        elif chosen is not None and chosen not in adjacent and (date := resolve(phrase)) is not None:
            adjacent[chosen] = date
    loose: dict[int, FoundDate] = {}
    for phrase in left:
        before = range(bisect_left(starts, block_start(phrase.start)), bisect_left(starts, phrase.start))
        free = [i for i in before if triggers[i].end <= phrase.start and i not in adjacent and i not in loose]
        sentence_start = sentence_of(phrase.start)[0] if free else phrase.start
        first = next((i for i in free if triggers[i].start >= sentence_start), None)
        if first is not None and (date := resolve(phrase)) is not None:
            loose[first] = date
    return Dated(adjacent, loose)


def _sentence_ends(text: str, trigger: Trigger, date: DatePhrase) -> bool:
    """Whether a full stop from the trigger's last word to the date ends a sentence: one not after
    an abbreviation (`Mr.`, `U.S.`)."""
    stops = _FULL_STOP.finditer(text, trigger.start, date.start)
    return any(m[1] not in _ABBREVIATIONS and len(m[1]) > 1 for m in stops)


def _adjacent(text: str, date: DatePhrase, triggers: tuple[Trigger, ...], at: int) -> int | None:
    """The trigger the date stands next to in its clause, if any; `at` is the first trigger's
    index from the date on. A trigger right after the date (`the 2016 election`) comes first, as
    closer than one before it can be."""
    if at < len(triggers) and _DATE_THEN_TRIGGER.match(text[date.end : triggers[at].start] + " "):
        return at
    if at > 0 and triggers[at - 1].end <= date.start:
        gap = text[triggers[at - 1].end : date.start]
        if len(gap) <= _NEAR and not _CLAUSE_BREAK.search(gap) and not _sentence_ends(text, triggers[at - 1], date):
            return at - 1
    return None
