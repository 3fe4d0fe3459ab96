"""Rules that tie a report's parts together, each problem with its JSON path.

Field shapes are checked by pydantic; these rules need the whole report: ids are unique, every
reference names an object of the right kind, spans lie inside the body and quotes match it,
blocks are in order, and the report is not modified before it was published. `NewsReport`
runs them after every build, so no converter needs to.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING

from newsreport.problems import Problem

if TYPE_CHECKING:
    from newsreport.model import Event, NewsReport, Span, _EventBase


def report_problems(report: NewsReport) -> list[Problem]:
    """Every invariant the report breaks, in document order."""
    return list(_Checker(report).run())


class _Checker:
    def __init__(self, report: NewsReport) -> None:
        self.report = report
        self.body = report.body.text if report.body else None
        self.participants = {p.id: p for p in report.participants}
        self.event_ids = {e.id for e in report.events()} | {e.id for e in report.referenced_events}
        self.statement_ids = {s.id for s in report.statements}

    def run(self) -> Iterator[Problem]:
        r = self.report
        yield from self._unique_ids()
        if r.dateline:
            yield from self._place("$.dateline.place", r.dateline.place)
            if r.dateline.span:
                yield from self._excerpt("$.dateline.span", r.dateline.text, r.dateline.span)
        if r.body:
            yield from self._blocks()
        for i in range(len(r.participants)):
            yield from self._participant(f"$.participants[{i}]", i)
        if r.event:
            yield from self._event("$.event", r.event)
        for i, ref in enumerate(r.referenced_events):
            path = f"$.referenced_events[{i}]"
            yield from self._event_common(path, ref)
            for j, sid in enumerate(ref.cited_by):
                if sid not in self.statement_ids:
                    yield Problem(f"{path}.cited_by[{j}]", f"unknown statement {sid!r}")
        for i, s in enumerate(r.statements):
            path = f"$.statements[{i}]"
            yield from self._excerpt(f"{path}.span", s.text, s.span)
            if s.reporting_verb:
                verb = s.reporting_verb
                yield from self._excerpt(f"{path}.reporting_verb.span", verb.text, verb.span)
            for j, pid in enumerate(s.speakers):
                yield from self._ref(f"{path}.speakers[{j}]", pid)
            for j, pid in enumerate(s.about):
                yield from self._ref(f"{path}.about[{j}]", pid)
            if s.event is not None and s.event not in self.event_ids:
                yield Problem(f"{path}.event", f"unknown event {s.event!r}")
        yield from self._dates()

    def _unique_ids(self) -> Iterator[Problem]:
        r = self.report
        located = [(f"$.participants[{i}].id", p.id) for i, p in enumerate(r.participants)]
        if r.event:
            located += [(path + ".id", e.id) for path, e in _event_paths("$.event", r.event)]
        located += [(f"$.referenced_events[{i}].id", e.id) for i, e in enumerate(r.referenced_events)]
        located += [(f"$.statements[{i}].id", s.id) for i, s in enumerate(r.statements)]
        first: dict[str, str] = {}
        for path, local_id in located:
            if local_id in first:
                yield Problem(path, f"duplicate id {local_id!r} (first at {first[local_id]})")
            first.setdefault(local_id, path)

    def _blocks(self) -> Iterator[Problem]:
        assert self.report.body is not None
        previous_end = 0
        for i, block in enumerate(self.report.body.blocks):
            path = f"$.body.blocks[{i}].span"
            yield from self._span(path, block.span)
            if block.span.start < previous_end:
                yield Problem(path, f"starts at {block.span.start}, inside the block before it")
            previous_end = block.span.end

    def _participant(self, path: str, index: int) -> Iterator[Problem]:
        p = self.report.participants[index]
        yield from self._spans(f"{path}.mentions", p.mentions)
        if p.country is not None:
            if p.country == p.id:
                yield Problem(f"{path}.country", "a place cannot lie in itself")
            else:
                yield from self._place(f"{path}.country", p.country, place_type="country")
        if p.kind != "person":
            return
        for j, org in enumerate(p.affiliations):
            yield from self._ref(f"{path}.affiliations[{j}]", org, kind="organization")
        for j, title in enumerate(p.titles):
            tpath = f"{path}.titles[{j}]"
            yield from self._ref(f"{tpath}.organization", title.organization, kind="organization")
            for k, span in enumerate(title.mentions):
                yield from self._excerpt(f"{tpath}.mentions[{k}]", title.text, span, any_case=True)

    def _event(self, path: str, event: Event) -> Iterator[Problem]:
        for sub_path, sub in _event_paths(path, event):
            yield from self._event_common(sub_path, sub)

    def _event_common(self, path: str, event: _EventBase) -> Iterator[Problem]:
        yield from self._place(f"{path}.place", event.place)
        yield from self._spans(f"{path}.mentions", event.mentions)
        for j, part in enumerate(event.participations):
            yield from self._ref(f"{path}.participations[{j}].participant", part.participant)

    def _dates(self) -> Iterator[Problem]:
        published, modified = self.report.published, self.report.modified
        if published is None or modified is None:
            return
        if isinstance(published, datetime) and isinstance(modified, datetime):
            earlier = modified < published
        else:
            earlier = _day(modified) < _day(published)
        if earlier:
            yield Problem("$.modified", f"{modified.isoformat()} is before published {published.isoformat()}")

    def _ref(self, path: str, local_id: str | None, kind: str | None = None) -> Iterator[Problem]:
        if local_id is None:
            return
        target = self.participants.get(local_id)
        if target is None:
            yield Problem(path, f"unknown participant {local_id!r}")
        elif kind is not None and target.kind != kind:
            yield Problem(path, f"{local_id!r} is a {target.kind}, not an {kind}")

    def _place(self, path: str, local_id: str | None, place_type: str | None = None) -> Iterator[Problem]:
        if local_id is None:
            return
        target = self.participants.get(local_id)
        if target is None:
            yield Problem(path, f"unknown participant {local_id!r}")
        elif target.kind != "place":
            yield Problem(path, f"{local_id!r} is a {target.kind}, not a place")
        elif place_type is not None and target.place_type != place_type:
            yield Problem(path, f"{local_id!r} is a {target.place_type}, not a {place_type}")

    def _spans(self, path: str, spans: tuple[Span, ...]) -> Iterator[Problem]:
        for k, span in enumerate(spans):
            yield from self._span(f"{path}[{k}]", span)

    def _span(self, path: str, span: Span) -> Iterator[Problem]:
        if self.body is None:
            yield Problem(path, "a span needs a body to point into, and the report has none")
        elif span.end > len(self.body):
            yield Problem(path, f"[{span.start}, {span.end}) runs past the body's end at {len(self.body)}")

    def _excerpt(self, path: str, text: str, span: Span, any_case: bool = False) -> Iterator[Problem]:
        """The span at `path` must hold `text` exactly (or up to letter case)."""
        problems = list(self._span(path, span))
        if problems or self.body is None:
            yield from problems
            return
        printed = span.of(self.body)
        same = printed.casefold() == text.casefold() if any_case else printed == text
        if not same:
            yield Problem(path, f"the body has {_clip(printed)} at [{span.start}, {span.end}), not {_clip(text)}")


def _event_paths(path: str, event: Event) -> Iterator[tuple[str, Event]]:
    yield path, event
    for i, sub in enumerate(event.sub_events):
        yield from _event_paths(f"{path}.sub_events[{i}]", sub)


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _clip(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
