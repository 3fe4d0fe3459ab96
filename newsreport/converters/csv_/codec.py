"""A report as rows of the package's tables, and what reading them back shares with writing.

Cells are strings: integers in decimal, booleans `true`/`false`, lists joined with `;`, an
unknown value empty. The functions here know the model and the tables; `decode` turns rows back
into a report's data; files, checks and streaming are elsewhere.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable
from datetime import date
from typing import Any

from newsreport.converters.csv_.tables import BY_NAME, PARTS, Part
from newsreport.model import (
    Agent,
    Draft,
    Event,
    NewsReport,
    PartialDate,
    Participant,
    Person,
    Place,
    Span,
    Statement,
    _EventBase,
)

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
    """Every row the report contributes, by table (only the tables it has rows in).

    The lists of participants, statements and spans, which make nearly all of a report's rows,
    are built as dicts of their cells directly; the report's own row, its metadata lists and its
    events, a few rows each, through `add`, which names each column once and turns any value
    into its cell. A row's keys are its table's columns in order: the CSV writer writes its values."""
    rid = report.id
    out: dict[str, list[Row]] = {}

    def add(table: str, **cells: object) -> None:
        cells["report_id"] = rid
        out.setdefault(table, []).append(
            {
                c: v if type(v := cells[c]) is str else "" if v is None else str(v) if type(v) is int else _cell(v)
                for c in _HEADERS[table]
            }
        )

    d = report.dateline
    dateline_start, dateline_end = _ends(d.span if d else None)
    rights = report.rights
    add(
        "reports",
        headline=report.headline.text,
        headline_origin=report.headline.origin,
        dateline=d.text if d else None,
        dateline_start_char=dateline_start,
        dateline_end_char=dateline_end,
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
    spans = out.setdefault("mentions", [])
    blocks = report.body.blocks if report.body else ()
    out["blocks"] = [
        {
            "report_id": rid,
            "position": str(i),
            "kind": b.kind,
            "start_char": str(b.span.start),
            "end_char": str(b.span.end),
        }
        for i, b in enumerate(blocks)
    ]
    for i, p in enumerate(report.participants):
        spans += _participant(out, rid, i, p)
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
        eid = any_event.id
        out.setdefault("participations", []).extend(
            [
                {
                    "report_id": rid,
                    "event_id": eid,
                    "position": str(j),
                    "participant_id": s.participant,
                    "role": s.role or "",
                }
                for j, s in enumerate(any_event.participations)
            ]
        )
        spans += _mentions(rid, eid, any_event.mentions)
    out["statements"] = [_statement(rid, i, s) for i, s in enumerate(report.statements)]
    return {table: table_rows for table, table_rows in out.items() if table_rows}


def owners(rows: list[Row], columns: tuple[str, ...]) -> list[tuple[object, ...]]:
    """The cells of `columns` in each row, positions as numbers (taken column by column, in C)."""

    def cells(column: str) -> Iterable[object]:
        found = map(operator.itemgetter(column), rows)
        return map(int, found) if column.endswith("position") else found

    return list(zip(*map(cells, columns), strict=True))


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
    """A value as its cell (`add` turns strings, None and integers itself, without a call)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _participant(out: dict[str, list[Row]], rid: str, position: int, p: Participant) -> list[Row]:
    """Add a participant's rows (its own, its names, identifiers, titles and affiliations) to
    `out`; its mentions are returned, for the mentions table, which events share."""
    pid = p.id
    kept = {"report_id": rid, "participant_id": pid}  # the first cells of each row about the participant
    out.setdefault("participants", []).append(
        kept
        | {
            "position": str(position),
            "kind": p.kind,
            "name": p.name,
            "place_type": p.place_type if isinstance(p, Place) else "",
            "country_id": p.country or "",
        }
    )
    out.setdefault("participant_names", []).extend(
        [kept | {"position": str(j), "name": n.text, "language": n.language or ""} for j, n in enumerate(p.other_names)]
    )
    out.setdefault("participant_identifiers", []).extend(
        [
            kept | {"position": str(j), "scheme": ident.scheme, "value": ident.value}
            for j, ident in enumerate(p.identifiers)
        ]
    )
    if isinstance(p, Person):
        for j, title in enumerate(p.titles):
            out.setdefault("titles", []).append(
                kept | {"position": str(j), "title": title.text, "organization_id": title.organization or ""}
            )
            out.setdefault("title_mentions", []).extend(
                [
                    kept
                    | {"title_position": str(j), "position": str(k), "start_char": str(m.start), "end_char": str(m.end)}
                    for k, m in enumerate(title.mentions)
                ]
            )
        out.setdefault("affiliations", []).extend(
            [kept | {"position": str(j), "organization_id": org} for j, org in enumerate(p.affiliations)]
        )
    return _mentions(rid, pid, p.mentions)


def _mentions(rid: str, subject_id: str, spans: tuple[Span, ...]) -> list[Row]:
    return [
        {
            "report_id": rid,
            "subject_id": subject_id,
            "position": str(j),
            "start_char": str(m.start),
            "end_char": str(m.end),
        }
        for j, m in enumerate(spans)
    ]


def _statement(rid: str, position: int, s: Statement) -> Row:
    verb, source = s.reporting_verb, s.source
    start, end = _ends(s.span)
    verb_start, verb_end = _ends(verb.span if verb else None)
    source_start, source_end = _ends(source.span if source else None)
    return {
        "report_id": rid,
        "statement_id": s.id,
        "position": str(position),
        "kind": s.kind,
        "speaker_ids": ";".join(s.speakers),
        "text": s.text,
        "start_char": start,
        "end_char": end,
        "reporting_verb": verb.text if verb else "",
        "verb_start_char": verb_start,
        "verb_end_char": verb_end,
        "source": source.text if source else "",
        "source_start_char": source_start,
        "source_end_char": source_end,
        "event_id": s.event or "",
        "about_ids": ";".join(s.about),
    }


def _ends(span: Span | None) -> tuple[str, str]:
    """A span's cells, start and end; empty where there is no span."""
    return ("", "") if span is None else (str(span.start), str(span.end))


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
