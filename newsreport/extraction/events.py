"""The event a text covers, with its parts, and the earlier events it refers to.

The covered event is the first occasion (a visit, a summit, an election; else a part such as a
meeting) that the lead names and that is not dated before the report: its place is where a
mention says (`visit to Tehran`, `press conference in Tehran`) or the dateline's; its date is a
date phrase belonging to a mention (`on Monday`), or, for a kind that lasts one day, the
dateline's date, inferred. The parts of an occasion named anywhere (a press conference, a
meeting) are its sub-events. A dated trigger before the report's date is a referenced event
(`Rashid's visit to Tehran in May`, `since assuming office in October 2024`), unless the lead
names it within the week before, when it is the news itself.

Who took part comes from the words: the person whose event it is (`Mashhadani's visit`; the
subject of `assuming office`), the persons of a `hosted`/`welcomed` clause (host and guest), else
the persons named in a mention's sentence, as `participant`.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right

from newsreport.extraction.dates import FoundDate, find_date_phrases, resolve
from newsreport.extraction.event_words import NamedAt, Situation, owner_role, unique_id
from newsreport.extraction.found import FoundBlock, FoundDateline, FoundEvents, Stretch
from newsreport.extraction.referenced import merged, referenced_event
from newsreport.extraction.sentences import find_sentences
from newsreport.extraction.triggers import Trigger, attach, find_roles, find_triggers, part_words, role_words
from newsreport.model import Event, PartialDate, Participant, Participation, ReferencedEvent, Span, Statement

_LEAD_PARAGRAPHS = 3
_RECENT = datetime.timedelta(days=7)
_ONE_DAY_KINDS = frozenset(
    (
        "press-conference",
        "meeting",
        "speech",
        "interview",
        "rally",
        "debate",
        "hearing",
        "attack",
        "ceremony",
        "funeral",
        "inauguration",
        "signing",
        "town-hall",
        "fundraiser",
    )
)
_PART_WINDOW = (24, 2)
_MAIN_FIRST = ("occasion", "part", "background")
"""The lead's first occasion is the news; else its first part of one (a meeting); else background."""
_MOST_NAMED = 4
"""Persons named in a mention's sentence taken as participants, at most."""
_MOST_IN_NAME = 2
_BEFORE_DATE = 160
_AFTER_DATE = 40


def find_events(
    text: str,
    blocks: tuple[FoundBlock, ...],
    published: datetime.date | None,
    dateline: FoundDateline | None,
    participants: tuple[Participant, ...],
    statements: tuple[Statement, ...],
) -> FoundEvents:
    """The event `text` covers and the earlier events it refers to."""
    stated = datetime.date.fromisoformat(dateline.date) if dateline and dateline.date else None
    anchor = stated or published
    reference = "the dateline date" if stated else "the publication date"
    sentences = _Sentences(text, blocks)
    phrases = [p for p in find_date_phrases(text) if not (dateline and p.start < dateline.end)]
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    lead_end = paragraphs[min(_LEAD_PARAGRAPHS, len(paragraphs)) - 1].end if paragraphs else 0
    regions = [(0, lead_end)]
    regions += [(max(sentences.block_of(p.start)[0], p.start - _BEFORE_DATE), p.end + _AFTER_DATE) for p in phrases]
    regions += [(max(0, at - _PART_WINDOW[0]), at + _PART_WINDOW[1]) for at in part_words(text)]
    triggers = find_triggers(text, regions)
    dated = attach(
        text, phrases, triggers, sentences.of, sentences.block_start, lambda p: resolve(text, p, anchor, reference)
    )
    cast = NamedAt(text, participants, dateline)
    situation = Situation(text, triggers, dated, sentences.of, cast, statements, role_words(text))

    taken = {p.id for p in participants} | {s.id for s in statements}
    referenced: list[ReferencedEvent] = []
    free: dict[int, FoundDate | None] = {}
    """The triggers that may name the news, each with its date if it has one."""
    for i, trigger in enumerate(triggers):
        when = dated.adjacent.get(i) or dated.loose.get(i)
        if when is None:
            free[i] = None
        elif _after(when.date, anchor):
            continue  # a coming event
        elif not _background(trigger, when, anchor, lead_end):
            free[i] = when
        elif i in dated.adjacent:
            referenced = merged(referenced, referenced_event(situation, i, taken))
        else:
            free[i] = None  # a loose date of the past: not this trigger's
    event = _covered(situation, free, lead_end, stated, taken)
    return FoundEvents(event, tuple(referenced))


def _covered(
    s: Situation, free: dict[int, FoundDate | None], lead_end: int, stated: datetime.date | None, taken: set[str]
) -> Event | None:
    """The event the lead names, with the parts named anywhere as its sub-events."""
    lead = [i for i in free if s.triggers[i].start < lead_end]
    main = next((i for span in _MAIN_FIRST for i in lead if s.triggers[i].span == span), None)
    if main is None:
        return None
    kind = s.triggers[main].kind
    mentions = [i for i in free if s.triggers[i].kind == kind]
    roles = _lead_roles(s, lead_end)
    event = _event(s, kind, free, mentions, roles, guest=None, stated=stated, place=s.cast.dateline_place, taken=taken)
    if s.triggers[main].span != "occasion":
        return event
    guest = next((p.participant for p in event.participations if p.role == "guest"), None)
    subs = []
    for sub_kind in dict.fromkeys(s.triggers[i].kind for i in free if s.triggers[i].span == "part"):
        sub_mentions = [i for i in free if s.triggers[i].kind == sub_kind]
        subs.append(_event(s, sub_kind, free, sub_mentions, {}, guest=guest, stated=None, place=None, taken=taken))
    return event.model_copy(update={"sub_events": tuple(subs)})


def _event(
    s: Situation,
    kind: str,
    free: dict[int, FoundDate | None],
    mentions: list[int],
    roles: dict[str, str],
    *,
    guest: str | None,
    stated: datetime.date | None,
    place: str | None,
    taken: set[str],
) -> Event:
    """An event of `kind` named by the triggers `mentions` (indices into the `free` ones)."""
    roles = dict(roles)
    for i in mentions:
        owner = s.owner(i)
        if owner is not None:
            roles.setdefault(owner.person.id, owner_role(kind))
        if s.role_words:  # else no sentence has host and guest: none is split for them
            roles |= _clause_roles(s, s.sentence_of(s.triggers[i].start))
    for person in s.cast.persons_in(*s.sentence_of(s.triggers[mentions[0]].start))[:_MOST_NAMED]:
        roles.setdefault(person.id, "guest" if person.id == guest else "participant")
    place = next((p for i in mentions if (p := s.place_after(i)) is not None), place)
    when = next((found.date for i in mentions if (found := free[i]) is not None), None)
    if when is None and stated is not None and kind in _ONE_DAY_KINDS:
        note = f"The text gives the event no date of its own; the dateline date, {stated}, is taken as its day."
        when = PartialDate(value=stated.isoformat(), inferred=("year", "month", "day"), note=note)
    participations = tuple(Participation(participant=p, role=r) for p, r in roles.items())
    return Event(
        id=unique_id(kind, taken),
        kind=kind,
        name=_name(s, kind, participations, place),
        date=when,
        place=place,
        participations=participations,
        mentions=tuple(Span(start=s.triggers[i].start, end=s.triggers[i].end) for i in mentions),
    )


def _name(s: Situation, kind: str, participations: tuple[Participation, ...], place: str | None) -> str:
    """`Mahmoud al-Mashhadani's visit to Tehran`, `Press conference of A and B in Tehran`."""
    names = {p.role: s.cast.name(p.participant) for p in participations}
    where = s.cast.name(place) if place else None
    if kind == "visit" and "guest" in names:
        return f"{names['guest']}'s visit" + (f" to {where}" if where else "")
    who = " and ".join(dict.fromkeys(s.cast.name(p.participant) for p in participations))
    if len(participations) > _MOST_IN_NAME:
        who = ""
    label = kind.replace("-", " ").capitalize()
    return label + (f" of {who}" if who else "") + (f" in {where}" if where else "")


def _lead_roles(s: Situation, lead_end: int) -> dict[str, str]:
    """Host and guest as the lead's `hosted`/`welcomed` clauses say."""
    roles: dict[str, str] = {}
    for span, _, _ in find_roles(s.text, 0, lead_end, s.role_words):
        roles |= _clause_roles(s, s.sentence_of(span[0]))
    return roles


def _clause_roles(s: Situation, sentence: Stretch) -> dict[str, str]:
    """Host and guest of a sentence's `X hosted Y`: the nearest person before the verb and the
    first after. Read once a sentence (mentions of an event and its parts share sentences)."""
    if sentence in s.roles:
        return s.roles[sentence]
    roles: dict[str, str] = {}
    for (start, end), subject, object_ in find_roles(s.text, *sentence, s.role_words):
        before = s.cast.person_before(start, sentence[0])
        after = s.cast.person_after(end, sentence[1])
        if before is not None:
            roles[before.id] = subject
        if after is not None:
            roles[after.id] = object_
    s.roles[sentence] = roles
    return roles


def _after(date: PartialDate, anchor: datetime.date | None) -> bool:
    return anchor is not None and date.value > anchor.isoformat()[: len(date.value)]


def _background(trigger: Trigger, when: FoundDate, anchor: datetime.date | None, lead_end: int) -> bool:
    """Whether a dated trigger is an earlier event, not the news: dated before the report, and not
    a day of the week before it named in the lead. Without a date to compare, dates (all stated
    then) outside the lead are background."""
    if anchor is None:
        return trigger.start >= lead_end
    if when.date.value >= anchor.isoformat()[: len(when.date.value)]:
        return False
    if trigger.start >= lead_end or when.date.precision != "day":
        return True
    return anchor - datetime.date.fromisoformat(when.date.value) > _RECENT


class _Sentences:
    """The sentence around a position, each paragraph split once and only when asked."""

    def __init__(self, text: str, blocks: tuple[FoundBlock, ...]) -> None:
        self._text = text
        self._blocks = blocks
        self._starts = [b.start for b in blocks]
        self._split: dict[int, tuple[tuple[Stretch, ...], list[int]]] = {}
        """A block's sentences and where each starts, by the block's index."""

    def block_of(self, position: int) -> Stretch:
        index = bisect_right(self._starts, position) - 1
        return (self._blocks[index].start, self._blocks[index].end) if index >= 0 else (0, 0)

    def block_start(self, position: int) -> int:
        return self.block_of(position)[0]

    def of(self, position: int) -> Stretch:
        index = bisect_right(self._starts, position) - 1
        if index < 0 or position >= self._blocks[index].end:
            return (position, position)
        if index not in self._split:
            block = self._blocks[index]
            split = find_sentences(self._text, block.start, block.end)
            self._split[index] = (split, [start for start, _ in split])
        sentences, starts = self._split[index]
        at = bisect_right(starts, position) - 1
        return sentences[at] if at >= 0 else (position, position)
