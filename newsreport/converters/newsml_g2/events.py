"""The events an item's subjects name: the event it covers with its sub-events (`related
rel="nrrel:subEvent"`), the events it refers to, their dates (`assert/eventDetails`), and the
events an event-listing item carries in its content."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsreport.converters.newsml_g2.context import Context
from newsreport.converters.newsml_g2.participants import Subjects
from newsreport.converters.newsml_g2.xml import child, child_names, children, local, nr, path, text_of
from newsreport.errors import ReadError
from newsreport.limits import nesting_problem

Node = dict[str, Any]
_PARTIAL_DATE = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?", re.ASCII | re.DOTALL)
"""A date at reduced precision, perhaps with a time (which an event's date leaves out)."""


def inline_events(item: etree._Element) -> list[etree._Element]:
    """Events listed in the content itself (an event-listing item's `events/event`)."""
    content_set = child(item, "contentSet")
    if content_set is None:
        return []
    return [e for e in content_set.iter() if isinstance(e.tag, str) and local(e) == "event"]


class Events:
    """The events of one item, read from its event subjects."""

    def __init__(self, ctx: Context, subjects: Subjects) -> None:
        self.ctx = ctx
        self.subjects = subjects

    def event_tree(self, subjects: list[etree._Element]) -> tuple[Node | None, list[Node]]:
        """The report's event (with sub-events) and the referenced events."""
        by_id = {self.subjects.ids[self.subjects.key(s)]: s for s in subjects}
        # A referenced event says so (ours), or is any but the first (an agency's).
        is_referenced = [bool(s.get(nr("relation"))) or (not self.ctx.own and n > 0) for n, s in enumerate(subjects)]
        referenced = [s for s, yes in zip(subjects, is_referenced, strict=True) if yes]
        covered = [s for s, yes in zip(subjects, is_referenced, strict=True) if not yes]
        links = {self.subjects.ids[self.subjects.key(s)]: self.sub_event_links(s, by_id) for s in covered}
        subs = {sub for found in links.values() for sub in found}
        roots = [s for s in covered if self.subjects.ids[self.subjects.key(s)] not in subs]
        if len(roots) > 1:
            raise ReadError("a second covered event (only one may be)", source=self.ctx.source, location=path(roots[1]))
        problem = nesting_problem(
            {e: list(found) for e, found in links.items()}, [self.subjects.ids[self.subjects.key(s)] for s in roots]
        )
        if problem:
            chain, what = problem
            raise ReadError(what, source=self.ctx.source, location=path(links[chain[-2]][chain[-1]]))
        main = self.event(roots[0], by_id, links, "$.event") if roots else None
        listed = [] if self.ctx.own else [e for e in (self.listed_event(e) for e in inline_events(self.ctx.item)) if e]
        referenced_events = [
            self.event(s, by_id, links, f"$.referenced_events[{n}]", referenced=True) for n, s in enumerate(referenced)
        ]
        return main, referenced_events + listed

    def sub_event_links(self, subject: etree._Element, by_id: dict[str, etree._Element]) -> dict[str, etree._Element]:
        """The sub-events a subject names, each with the `related` element that names it."""
        found: dict[str, etree._Element] = {}
        for related in children(subject, "related"):
            if related.get("rel") == "nrrel:subEvent":
                sub = self.subjects.ref(related)
                if sub not in by_id:
                    raise ReadError(f"no event subject {sub!r}", source=self.ctx.source, location=path(related))
                found.setdefault(sub, related)
        return found

    def listed_event(self, element: etree._Element) -> Node | None:
        """An event an event-listing item carries in its content, as a referenced event."""
        name = " ".join(text_of(child(element, "name")).split())
        if not name:
            return None
        details = child(element, "eventDetails")
        start = child(child(details, "dates"), "start")
        for holder in element.iterancestors():
            if local(holder) == "contentset":
                break
            self.ctx.coverage.enter(holder)
        for entered in (element, details, child(details, "dates")):
            self.ctx.coverage.enter(entered)
        self.ctx.coverage.take(child(element, "name"))
        self.ctx.coverage.take(start)
        location = child(details, "location")
        place = self.subjects.place_of(location) if location is not None else None
        date = self.partial_date(text_of(start), start, None) if start is not None else None
        local_id = self.subjects.new_id(f"event:{name}", name)
        return {"id": local_id, "kind": "event", "name": name, "date": date, "place": place, "relation": "related"}

    def event(
        self,
        subject: etree._Element,
        by_id: dict[str, etree._Element],
        links: dict[str, dict[str, etree._Element]],
        at: str,
        referenced: bool = False,
    ) -> Node:
        """An event subject as model data at JSON path `at`, with its sub-events (their nesting
        was checked: no cycle, no deeper than the limit)."""
        self.ctx.places[at] = subject
        names = child_names(subject)
        self.ctx.coverage.take(subject, but=names - (names if self.ctx.own else {"name"}))
        local_id = self.subjects.ids[self.subjects.key(subject)]
        related = [(r.get("rel") or "", r) for r in children(subject, "related")]
        kind = next((r.get("qcode", "").removeprefix("nrevent:") for rel, r in related if rel == "nrrel:kind"), "event")
        data: Node = {
            "id": local_id,
            "kind": kind,
            "name": self.subjects.name_of(subject),
            "date": self.event_date(subject, at),
            "place": next((self.subjects.ref(r) for rel, r in related if rel == "nrrel:location"), None),
            "participations": [
                {
                    "participant": self.subjects.ref(r),
                    "role": rel.removeprefix("nrrole:") if rel.startswith("nrrole:") else None,
                }
                for rel, r in related
                if rel.startswith("nrrole:") or rel == "nrrel:participant"
            ],
            "mentions": self.subjects.spans(subject, "spans"),
        }
        if referenced:
            data["relation"] = subject.get(nr("relation"), "related")
            data["cited_by"] = [r.get("literal", "") for rel, r in related if rel == "nrrel:citedBy"]
        else:
            data["sub_events"] = [
                self.event(by_id[sub], by_id, links, f"{at}.sub_events[{n}]")
                for n, sub in enumerate(links.get(local_id, {}))
            ]
        return data

    def event_date(self, subject: etree._Element, at: str) -> Node | None:
        details = child(self.subjects.asserts.get(self.subjects.key(subject)), "eventDetails")
        start = child(child(details, "dates"), "start")
        if start is None:
            return None
        self.ctx.places[f"{at}.date"] = start
        assertion = self.subjects.asserts.get(self.subjects.key(subject))
        if self.ctx.own:
            self.ctx.coverage.take(assertion)
        else:
            for element in (assertion, details, child(details, "dates")):
                self.ctx.coverage.enter(element)
            self.ctx.coverage.take(start)
        return self.partial_date(text_of(start), start, child(details, "dateNote"))

    def partial_date(self, value: str, marked: etree._Element, note: etree._Element | None) -> Node | None:
        """A date at reduced precision: our own exactly (the model judges it), an agency's day,
        month or year (a time after it left out)."""
        match = None if self.ctx.own else _PARTIAL_DATE.fullmatch(value.strip())
        if match is None and not self.ctx.own:
            self.ctx.skipped.append(f"date {value.strip()!r}")
            return None
        inferred = (marked.get(nr("inferred")) or "").split()
        note_text = text_of(note) if note is not None else None
        return {"value": match[1] if match else value, "inferred": inferred, "note": note_text}
