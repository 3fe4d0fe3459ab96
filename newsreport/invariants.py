"""Rules that tie a report's parts together, each problem with its JSON path.

Field shapes are checked by pydantic; these rules need the whole report: ids are unique, every
reference names an object of the right kind, spans lie inside the body and quotes match it,
blocks are in order. `NewsReport` runs them after every build, so no converter needs to.

They run on every report read, so they are written for speed: `_holds` answers whether any rule
is broken in one pass of plain loops and set operations; only when one is does `_Checker` walk the
report again to say which, where a value sits kept as a tuple of steps (`Steps`, as in pydantic's
error locations) and turned into a JSON path for each problem.
"""

from __future__ import annotations

import itertools
import operator
from typing import TYPE_CHECKING

from newsreport.problems import Problem

if TYPE_CHECKING:
    from newsreport.model import Event, NewsReport, Organization, Person, Place, Span, _EventBase

Steps = tuple[str | int, ...]
"""Where a value sits: `("statements", 3, "span")` is `$.statements[3].span`."""


def report_problems(report: NewsReport) -> list[Problem]:
    """Every invariant the report breaks, in document order."""
    if _holds(report):
        return []
    return _Checker(report).run()


def _holds(r: NewsReport) -> bool:
    """Whether the report keeps every rule `_Checker` checks: True only if it would find nothing.

    One pass with the loops in C where it can (`map`, set operations), since it runs on every
    report read and almost every report keeps the rules."""
    text = r.body.text if r.body else ""
    limit = len(text) if r.body else -1
    participants, statements, referenced = r.participants, r.statements, r.referenced_events
    events = (*(r.event.walk() if r.event else ()), *referenced)
    known = set(map(_ID, participants))
    event_ids = set(map(_ID, events))
    statement_ids = set(map(_ID, statements))
    if len(known | event_ids | statement_ids) != len(participants) + len(events) + len(statements):
        return False  # an id used twice
    places = {p.id: p.place_type for p in participants if p.kind == "place"}
    organizations = {p.id for p in participants if p.kind == "organization"}
    persons = [p for p in participants if p.kind == "person"]
    titles = [*_chain(map(_TITLES, persons))]
    blocks = [*map(_SPAN, r.body.blocks)] if r.body else []
    if any(map(_lt, map(_START, blocks[1:]), map(_END, blocks))):
        return False  # a block starting inside the one before it
    d = r.dateline
    excerpts = [*statements, *filter(None, map(_VERB, statements)), *filter(None, map(_SOURCE, statements))]
    if d is not None and d.span is not None:
        excerpts.append(d)
    spans = [*blocks, *_chain(map(_MENTIONS, participants)), *_chain(map(_MENTIONS, events))]
    spans += map(_SPAN, excerpts)
    title_spans = [*_chain(map(_MENTIONS, titles))]
    spans += title_spans
    starts, ends = [*map(_START, spans)], [*map(_END, spans)]
    if spans and (max(ends) > limit or any(map(_lt, ends, starts))):
        return False  # a span not in the body
    worded = len(spans) - len(excerpts) - len(title_spans)  # the spans from here on hold words
    cut = [*map(text.__getitem__, map(slice, starts[worded:], ends[worded:]))]
    if cut[: len(excerpts)] != [*map(_TEXT, excerpts)]:
        return False
    folded = [title.text.casefold() for title in titles for _ in title.mentions]
    if [c.casefold() for c in cut[len(excerpts) :]] != folded:
        return False
    if d is not None and d.place is not None and d.place not in places:
        return False
    for p in participants:
        if p.country is not None and (p.country == p.id or places.get(p.country) != "country"):
            return False
    if not organizations.issuperset(_chain(map(_AFFILIATIONS, persons))):
        return False
    if not organizations.issuperset(filter(None, map(_ORGANIZATION, titles))):
        return False
    if not places.keys() >= set(filter(None, map(_PLACE, events))):
        return False
    if not known.issuperset(map(_PARTICIPANT, _chain(map(_PARTICIPATIONS, events)))):
        return False
    if not known.issuperset(_chain(map(_SPEAKERS, statements))):
        return False
    if not known.issuperset(_chain(map(_ABOUT, statements))):
        return False
    if not statement_ids.issuperset(_chain(map(_CITED_BY, referenced))):
        return False
    return event_ids.issuperset(filter(None, map(_EVENT, statements)))


_chain = itertools.chain.from_iterable
_lt = operator.lt
_ID, _SPAN, _START, _END, _TEXT = map(operator.attrgetter, ("id", "span", "start", "end", "text"))
_TITLES, _MENTIONS, _AFFILIATIONS, _ORGANIZATION = map(
    operator.attrgetter, ("titles", "mentions", "affiliations", "organization")
)
_PLACE, _PARTICIPATIONS, _PARTICIPANT, _CITED_BY = map(
    operator.attrgetter, ("place", "participations", "participant", "cited_by")
)
_VERB, _SOURCE, _SPEAKERS, _ABOUT, _EVENT = map(
    operator.attrgetter, ("reporting_verb", "source", "speakers", "about", "event")
)


def _json_path(at: Steps) -> str:
    """The JSON path of a place in the report: field names after dots, list indexes in brackets."""
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in at)


class _Checker:
    def __init__(self, report: NewsReport) -> None:
        self.report = report
        self.body = report.body.text if report.body else None
        self.limit = len(self.body) if self.body is not None else -1
        """Where spans must end by: any span fits `start <= end <= limit` only if it is in the body."""
        self.participants = {p.id: p for p in report.participants}
        self.event_ids = {e.id for e in report.events()} | {e.id for e in report.referenced_events}
        self.statement_ids = {s.id for s in report.statements}
        self.problems: list[Problem] = []

    def add(self, at: Steps, message: str) -> None:
        self.problems.append(Problem(_json_path(at), message))

    def run(self) -> list[Problem]:
        r = self.report
        self._unique_ids()
        if r.dateline:
            self._place(("dateline", "place"), r.dateline.place)
            if r.dateline.span:
                self._excerpt(("dateline", "span"), r.dateline.text, r.dateline.span)
        if r.body:
            self._blocks()
        for i, participant in enumerate(r.participants):
            self._participant(("participants", i), participant)
        if r.event:
            for at, event in _event_places(("event",), r.event):
                self._event(at, event)
        for i, ref in enumerate(r.referenced_events):
            self._event(("referenced_events", i), ref)
            for j, sid in enumerate(ref.cited_by):
                if sid not in self.statement_ids:
                    self.add(("referenced_events", i, "cited_by", j), f"unknown statement {sid!r}")
        for i, s in enumerate(r.statements):
            self._excerpt(("statements", i, "span"), s.text, s.span)
            if s.reporting_verb:
                verb = s.reporting_verb
                self._excerpt(("statements", i, "reporting_verb", "span"), verb.text, verb.span)
            if s.source:
                self._excerpt(("statements", i, "source", "span"), s.source.text, s.source.span)
            self._refs(("statements", i, "speakers"), s.speakers)
            self._refs(("statements", i, "about"), s.about)
            if s.event is not None and s.event not in self.event_ids:
                self.add(("statements", i, "event"), f"unknown event {s.event!r}")
        return self.problems

    def _unique_ids(self) -> None:
        r = self.report
        located: list[tuple[Steps, str]] = [(("participants", i, "id"), p.id) for i, p in enumerate(r.participants)]
        if r.event:
            located += [((*at, "id"), e.id) for at, e in _event_places(("event",), r.event)]
        located += [(("referenced_events", i, "id"), e.id) for i, e in enumerate(r.referenced_events)]
        located += [(("statements", i, "id"), s.id) for i, s in enumerate(r.statements)]
        first: dict[str, Steps] = {}
        for at, local_id in located:
            if local_id in first:
                self.add(at, f"duplicate id {local_id!r} (first at {_json_path(first[local_id])})")
            first.setdefault(local_id, at)

    def _blocks(self) -> None:
        assert self.report.body is not None
        previous_end = 0
        for i, block in enumerate(self.report.body.blocks):
            at = ("body", "blocks", i, "span")
            if not block.span.start <= block.span.end <= self.limit:
                self._misplaced(at, block.span)
            if block.span.start < previous_end:
                self.add(at, f"starts at {block.span.start}, inside the block before it")
            previous_end = block.span.end

    def _participant(self, at: Steps, p: Person | Organization | Place) -> None:
        self._spans((*at, "mentions"), p.mentions)
        if p.country is not None:
            if p.country == p.id:
                self.add((*at, "country"), "a place cannot lie in itself")
            else:
                self._place((*at, "country"), p.country, place_type="country")
        if p.kind != "person":
            return
        self._refs((*at, "affiliations"), p.affiliations, kind="organization")
        for j, title in enumerate(p.titles):
            self._ref((*at, "titles", j, "organization"), title.organization, kind="organization")
            for k, span in enumerate(title.mentions):
                self._excerpt((*at, "titles", j, "mentions", k), title.text, span, any_case=True)

    def _event(self, at: Steps, event: _EventBase) -> None:
        self._place((*at, "place"), event.place)
        self._spans((*at, "mentions"), event.mentions)
        for j, part in enumerate(event.participations):
            self._ref((*at, "participations", j, "participant"), part.participant)

    def _refs(self, at: Steps, local_ids: tuple[str, ...], kind: str | None = None) -> None:
        for j, local_id in enumerate(local_ids):
            self._ref((*at, j), local_id, kind)

    def _ref(self, at: Steps, local_id: str | None, kind: str | None = None) -> None:
        if local_id is None:
            return
        target = self.participants.get(local_id)
        if target is None:
            self.add(at, f"unknown participant {local_id!r}")
        elif kind is not None and target.kind != kind:
            self.add(at, f"{local_id!r} is a {target.kind}, not an {kind}")

    def _place(self, at: Steps, local_id: str | None, place_type: str | None = None) -> None:
        if local_id is None:
            return
        target = self.participants.get(local_id)
        if target is None:
            self.add(at, f"unknown participant {local_id!r}")
        elif target.kind != "place":
            self.add(at, f"{local_id!r} is a {target.kind}, not a place")
        elif place_type is not None and target.place_type != place_type:
            self.add(at, f"{local_id!r} is a {target.place_type}, not a {place_type}")

    def _spans(self, at: Steps, spans: tuple[Span, ...]) -> None:
        limit = self.limit
        for k, span in enumerate(spans):
            if not span.start <= span.end <= limit:
                self._misplaced((*at, k), span)

    def _excerpt(self, at: Steps, text: str, span: Span, any_case: bool = False) -> None:
        """The span at `at` must hold `text` exactly (or up to letter case)."""
        if not span.start <= span.end <= self.limit:
            self._misplaced(at, span)
            return
        printed = self.body[span.start : span.end]  # type: ignore[index]  # limit >= 0: a body
        same = printed.casefold() == text.casefold() if any_case else printed == text
        if not same:
            self.add(at, f"the body has {_clip(printed)} at [{span.start}, {span.end}), not {_clip(text)}")

    def _misplaced(self, at: Steps, span: Span) -> None:
        """Say why a span is not a stretch of the body."""
        if span.end < span.start:
            self.add(at, f"span end {span.end} is before its start {span.start}")
        elif self.body is None:
            self.add(at, "a span needs a body to point into, and the report has none")
        else:
            self.add(at, f"[{span.start}, {span.end}) runs past the body's end at {self.limit}")


def _event_places(at: Steps, event: Event) -> list[tuple[Steps, Event]]:
    found = [(at, event)]
    for i, sub in enumerate(event.sub_events):
        found += _event_places((*at, "sub_events", i), sub)
    return found


def _clip(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
