"""A report as rows of the package's tables, and what reading them back shares with writing.

Cells are strings: integers in decimal, booleans `true`/`false`, lists joined with `;`, an
unknown value empty. The functions here know the model and the tables; `decode` turns rows back
into a report's data; files, checks and streaming are elsewhere.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import Any

from newsreport.converters.csv_.tables import BY_NAME, PARTS, Part
from newsreport.model import Agent, Draft, Event, NewsReport, PartialDate, Person, Place, Span, _EventBase

Row = dict[str, str]
Node = dict[str, Any]

AGENT = ("kind", "name", "url", "code", "role")
"""An agent's fields, which are its columns (after a prefix on `reports`)."""
DRAFT = ("software", "version", "pipeline")
"""The fields of a report's drafting program, which are its `drafted_by_` columns on `reports`."""
KEYS = ("report_id", "field", "position")
"""The columns that place a row in a report's list, not fields of its item."""

_HEADERS = {name: tuple(table.header) for name, table in BY_NAME.items()}
"""Each table's columns (`Table.header` makes a list at each call)."""

SINGLE = (
    "published",
    "modified",
    "first_created",
    "version_created",
    "version",
    "status",
    "embargoed_until",
    "language",
    "url",
    "byline",
    "credit_line",
    "slugline",
    "urgency",
    "free_access",
)
"""The report's single values that are a column each, under the field's own name."""


def rows(report: NewsReport) -> dict[str, list[Row]]:
    """Every row the report contributes, by table."""
    rid = report.id
    out: dict[str, list[Row]] = {}

    def add(table: str, **cells: object) -> None:
        cells["report_id"] = rid
        out.setdefault(table, []).append(
            {c: v if type(v := cells[c]) is str else str(v) if type(v) is int else _cell(v) for c in _HEADERS[table]}
        )

    d = report.dateline
    rights = report.rights
    add(
        "reports",
        headline=report.headline.text,
        headline_origin=report.headline.origin,
        dateline=d.text if d else None,
        **_span_cells("dateline_", d.span if d else None),
        dateline_place_id=d.place if d else None,
        **_date_cells("dateline_", d.date if d else None),
        **{name: getattr(report, name) for name in SINGLE},
        **_agent_cells("publisher_", report.publisher),
        rights=True if rights else None,
        **_agent_cells("rights_holder_", rights.holder if rights else None),
        rights_license=rights.license if rights else None,
        body=report.body.text if report.body else None,
        body_origin=report.body.origin if report.body else None,
        **_draft_cells(report.drafted_by),
    )
    for part in PARTS:
        fielded = {"field": part.field} if part.field else {}
        for i, item in enumerate(_items(report, part)):
            if isinstance(item, str):
                add(part.table, **fielded, position=i, text=item)
                continue
            add(part.table, **fielded, position=i, **{c: getattr(item, c, None) for c in attributes(part)})
            for j, name in enumerate(getattr(item, "other_names", ())):
                add(
                    "concept_names",
                    field=part.field,
                    concept_position=i,
                    position=j,
                    name=name.text,
                    language=name.language,
                )
    for i, block in enumerate(report.body.blocks if report.body else ()):
        add("blocks", position=i, kind=block.kind, **_span_cells("", block.span))
    for i, p in enumerate(report.participants):
        add(
            "participants",
            participant_id=p.id,
            position=i,
            kind=p.kind,
            name=p.name,
            place_type=p.place_type if isinstance(p, Place) else None,
            country_id=p.country,
        )
        for j, name in enumerate(p.other_names):
            add("participant_names", participant_id=p.id, position=j, name=name.text, language=name.language)
        for j, identifier in enumerate(p.identifiers):
            add(
                "participant_identifiers",
                participant_id=p.id,
                position=j,
                scheme=identifier.scheme,
                value=identifier.value,
            )
        for j, span in enumerate(p.mentions):
            add("mentions", subject_id=p.id, position=j, **_span_cells("", span))
        if isinstance(p, Person):
            for j, title in enumerate(p.titles):
                add("titles", participant_id=p.id, position=j, title=title.text, organization_id=title.organization)
                for k, span in enumerate(title.mentions):
                    add("title_mentions", participant_id=p.id, title_position=j, position=k, **_span_cells("", span))
            for j, org in enumerate(p.affiliations):
                add("affiliations", participant_id=p.id, position=j, organization_id=org)
    for i, (parent, event) in enumerate(_with_parents(report.event)):
        add(
            "events",
            event_id=event.id,
            position=i,
            parent_event_id=parent,
            kind=event.kind,
            name=event.name,
            **_date_cells("", event.date),
            place_id=event.place,
        )
    for i, ref in enumerate(report.referenced_events):
        add(
            "referenced_events",
            event_id=ref.id,
            position=i,
            kind=ref.kind,
            name=ref.name,
            **_date_cells("", ref.date),
            place_id=ref.place,
            relation=ref.relation,
            cited_by=list(ref.cited_by),
        )
    every_event: tuple[_EventBase, ...] = (*report.events(), *report.referenced_events)
    for any_event in every_event:
        for j, share in enumerate(any_event.participations):
            add("participations", event_id=any_event.id, position=j, participant_id=share.participant, role=share.role)
        for j, span in enumerate(any_event.mentions):
            add("mentions", subject_id=any_event.id, position=j, **_span_cells("", span))
    for i, s in enumerate(report.statements):
        verb, source = s.reporting_verb, s.source
        add(
            "statements",
            statement_id=s.id,
            position=i,
            kind=s.kind,
            speaker_ids=list(s.speakers),
            text=s.text,
            **_span_cells("", s.span),
            reporting_verb=verb.text if verb else None,
            **_span_cells("verb_", verb.span if verb else None),
            source=source.text if source else None,
            **_span_cells("source_", source.span if source else None),
            event_id=s.event,
            about_ids=list(s.about),
        )
    return out


def owner(row: Row, columns: tuple[str, ...]) -> tuple[object, ...]:
    """The cells of `columns`, positions as numbers."""
    return tuple([int(row[c]) if c.endswith("position") else row[c] for c in columns])


@functools.cache
def attributes(part: Part) -> tuple[str, ...]:
    """The columns of a part's table that are fields of its items."""
    return tuple(c for c in _HEADERS[part.table] if c not in KEYS)


def _items(report: NewsReport, part: Part) -> tuple[Any, ...]:
    """The list of the report that `part` names (none where its parent is missing: no rights)."""
    value: Any = report
    for step in part.path:
        value = getattr(value, step) if value is not None else None
    return value or ()


def _with_parents(event: Event | None, parent: str | None = None) -> Iterable[tuple[str | None, Event]]:
    """Events depth first, each with its parent's id."""
    if event is None:
        return
    yield parent, event
    for sub in event.sub_events:
        yield from _with_parents(sub, event.id)


def _cell(value: object) -> str:
    """A value as its cell (`add` turns strings and integers itself, without a call)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _span_cells(prefix: str, span: Span | None) -> dict[str, object]:
    return {f"{prefix}start_char": span.start if span else None, f"{prefix}end_char": span.end if span else None}


def _date_cells(prefix: str, value: PartialDate | None) -> dict[str, object]:
    if value is None:
        return {
            f"{prefix}date": None,
            f"{prefix}date_precision": None,
            f"{prefix}date_inferred": None,
            f"{prefix}date_note": None,
        }
    return {
        f"{prefix}date": value.value,
        f"{prefix}date_precision": value.precision,
        f"{prefix}date_inferred": list(value.inferred),
        f"{prefix}date_note": value.note,
    }


def _draft_cells(draft: Draft | None) -> dict[str, object]:
    return {f"drafted_by_{name}": getattr(draft, name) if draft else None for name in DRAFT}


def _agent_cells(prefix: str, agent: Agent | None) -> dict[str, object]:
    return {prefix + name: getattr(agent, name) if agent else None for name in AGENT}
