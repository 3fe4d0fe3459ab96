"""Dated happenings: what a clause says happened on a date, when no event word names it.

`events` drafts events from event words (a visit, an election). Much of what news dates has no
such word: "shares plunged on Thursday", "he was arraigned on Wednesday", "the indictment was
unsealed in February", "she said Friday". A date phrase next to a clause's verb is such a
happening: an event of kind `occurrence`, or `statement` when the verb is a statement's reporting
verb (the statement is then said to be made at it). Each is a referenced event: `related` when it
falls in the week before publication (it is part of the news), `background` when earlier,
`follow-up` when still to come. A date phrase beside an event already drafted in its sentence,
with the same date, becomes a mention of that event instead.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections.abc import Iterable

from newsreport.extraction.dates import DatePhrase, FoundDate, find_date_phrases, resolve
from newsreport.extraction.found import FoundBlock, FoundEvents
from newsreport.extraction.lexicon import read_lexicon
from newsreport.extraction.sentences import find_sentences
from newsreport.model import Event, Participant, ReferencedEvent, Span, Statement

_IRREGULAR = sorted((row["form"] for row in read_lexicon("past_verbs.tsv")), key=len, reverse=True)
_PAST = re.compile(r"\b(?:[a-z][A-Za-z-]{2,}ed|(?i:" + "|".join(_IRREGULAR) + r"))\b")
"""A past-tense verb: a lower-case word of five letters or more ending in -ed, or an irregular form."""
_CLAUSE_BREAK = re.compile(r"[,;:()—–]\s|\b(?:that|which|who|and|but|while|after|before|when)\s", re.IGNORECASE)
_REACH = 60
"""How far, in characters, a verb may stand from its date phrase."""
_NAME_WORDS = 14
_RECENT = datetime.timedelta(days=7)


def find_happenings(
    text: str,
    blocks: tuple[FoundBlock, ...],
    published: datetime.date | None,
    participants: tuple[Participant, ...],
    statements: tuple[Statement, ...],
    found: FoundEvents,
) -> tuple[FoundEvents, tuple[Statement, ...]]:
    """`found` with the dated happenings of `text` added, and `statements` with the events they
    were made at."""
    phrases = find_date_phrases(text) if published else ()
    if not phrases:
        return found, statements
    events = _events(found)
    taken = {p.id for p in participants} | {s.id for s in statements} | {e.id for e in events}
    cues = {(s.reporting_verb.span.start, s.reporting_verb.span.end): s for s in statements if s.reporting_verb}
    named = _Named(participants)
    made_at: dict[str, str] = {}
    extra_mentions: dict[str, list[tuple[int, int]]] = {}
    happenings: list[ReferencedEvent] = []
    for sentence, in_sentence in _by_sentence(text, blocks, phrases):
        # Resolving a phrase costs more than finding it: only those beside an event or a verb.
        nearby = [
            e for e in events if e.date is not None and any(sentence[0] <= m.start < sentence[1] for m in e.mentions)
        ]
        for phrase in in_sentence:
            verb = _verb(text, sentence, phrase)
            if not (nearby or verb) or (date := resolve(text, phrase, published)) is None:
                continue
            known = next((e.id for e in nearby if e.date and e.date.value == date.date.value), None)
            if known is not None:
                extra_mentions.setdefault(known, []).append((date.start, date.end))
                continue
            if verb is None:
                continue
            statement = cues.get(verb)
            clause = _clause_start(text, sentence[0], verb[0])
            kind = "statement" if statement else "occurrence"
            event_id = _free(kind, taken)
            who = statement.speakers if statement else named.between(clause, verb[0])
            if statement:
                made_at[statement.id] = event_id
            mention = (min(verb[0], date.start), max(verb[1], date.end))
            happenings.append(
                ReferencedEvent(
                    id=event_id,
                    kind=kind,
                    name=_name(text, statement, clause, mention),
                    date=date.date,
                    participations=[{"participant": p, "role": "speaker" if statement else "participant"} for p in who],
                    mentions=[{"start": mention[0], "end": mention[1]}],
                    relation=_relation(date, published),
                    cited_by=[statement.id] if statement else [],
                )
            )
    return _with_mentions(found, extra_mentions, happenings), tuple(
        s.model_copy(update={"event": made_at[s.id]}) if s.id in made_at and s.event is None else s for s in statements
    )


def _by_sentence(
    text: str, blocks: tuple[FoundBlock, ...], phrases: tuple[DatePhrase, ...]
) -> Iterable[tuple[tuple[int, int], list[DatePhrase]]]:
    """Each sentence holding date phrases, with them."""
    pending = list(phrases)
    for block in blocks:
        if not pending or pending[0].start >= block.end:
            continue
        for sentence in find_sentences(text, block.start, block.end):
            inside = [d for d in pending if sentence[0] <= d.start and d.end <= sentence[1]]
            if inside:
                yield sentence, inside
        pending = [d for d in pending if d.start >= block.end]


def _verb(text: str, sentence: tuple[int, int], date: DatePhrase) -> tuple[int, int] | None:
    """The past-tense verb nearest the date phrase in its clause: before it, else just after it."""
    before = [*_PAST.finditer(text, max(sentence[0], date.start - _REACH), date.start)]
    if before and not _CLAUSE_BREAK.search(text, before[-1].end(), date.start):
        return before[-1].span()
    after = _PAST.search(text, date.end, min(sentence[1], date.end + _REACH))
    if after is None or _CLAUSE_BREAK.search(text, date.end, after.start()):
        return None
    return after.span()


def _clause_start(text: str, sentence_start: int, verb_start: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence_start, verb_start)]
    return breaks[-1] if breaks else sentence_start


class _Named:
    """Where persons and organizations are named, in text order, to find a clause's subject."""

    def __init__(self, participants: tuple[Participant, ...]) -> None:
        self.mentions = sorted((m.start, m.end, p.id) for p in participants if p.kind != "place" for m in p.mentions)
        self.starts = [start for start, _, _ in self.mentions]

    def between(self, start: int, end: int) -> list[str]:
        """The ids of those named within `[start, end)`, each once, in text order."""
        found: dict[str, None] = {}
        for at in range(bisect_left(self.starts, start), bisect_left(self.starts, end)):
            if self.mentions[at][1] <= end:
                found[self.mentions[at][2]] = None
        return list(found)


def _mentioned_in(event: Event | ReferencedEvent, sentence: tuple[int, int]) -> bool:
    return any(sentence[0] <= m.start < sentence[1] for m in event.mentions)


def _relation(date: FoundDate, published: datetime.date | None) -> str:
    value = date.date.value
    if published is None:
        return "background"
    if value > published.isoformat()[: len(value)]:
        return "follow-up"
    recent = (published - _RECENT).isoformat()[: len(value)]
    return "related" if value >= recent else "background"


def _name(text: str, statement: Statement | None, clause: int, mention: tuple[int, int]) -> str:
    """The clause's words up to the date (a statement's: its source words, then the mention)."""
    if statement is not None:
        source = f"{statement.source.text} " if statement.source else ""
        words = (source + text[mention[0] : mention[1]]).split()
    else:
        words = text[min(clause, mention[0]) : mention[1]].split()
    return " ".join(words[:_NAME_WORDS]) + (" …" if len(words) > _NAME_WORDS else "")


def _free(kind: str, taken: set[str]) -> str:
    number = 1
    while f"{kind}-{number}" in taken:
        number += 1
    taken.add(f"{kind}-{number}")
    return f"{kind}-{number}"


def _events(found: FoundEvents) -> tuple[Event | ReferencedEvent, ...]:
    return (*(found.event.walk() if found.event else ()), *found.referenced)


def _with_mentions(
    found: FoundEvents, extra: dict[str, list[tuple[int, int]]], happenings: list[ReferencedEvent]
) -> FoundEvents:
    """`found` with the date phrases its events gained as mentions, and the happenings."""

    def grown(event: Event) -> Event:
        subs = tuple(grown(sub) for sub in event.sub_events)
        return event.model_copy(update={"mentions": _more(event, extra), "sub_events": subs})

    referenced = tuple(e.model_copy(update={"mentions": _more(e, extra)}) for e in found.referenced)
    return FoundEvents(grown(found.event) if found.event else None, (*referenced, *happenings))


def _more(event: Event | ReferencedEvent, extra: dict[str, list[tuple[int, int]]]) -> tuple[Span, ...]:
    if event.id not in extra:
        return event.mentions
    spans = {(m.start, m.end) for m in event.mentions} | set(extra[event.id])
    return tuple(Span(start=a, end=b) for a, b in sorted(spans))
