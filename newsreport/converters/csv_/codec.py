"""A report as rows of the package's tables, and rows back into a report.

Cells are strings: integers in decimal, lists joined with `;`, an unknown value empty. The
functions here know the model and the tables; files, checks and streaming are elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from newsreport.converters.csv_.tables import BY_NAME, PARTS, REPORTS, Part
from newsreport.converters.csv_.tableschema import Column
from newsreport.model import Agent, Event, NewsReport, PartialDate, Person, Place, Span, _EventBase

Row = dict[str, str]
Node = dict[str, Any]

_AGENT = ("kind", "name", "url", "code", "role")
"""An agent's fields, which are its columns (after a prefix on `reports`)."""
_KEYS = ("report_id", "field", "position")


def rows(report: NewsReport) -> dict[str, list[Row]]:
    """Every row the report contributes, by table."""
    rid = report.id
    out: dict[str, list[Row]] = {}

    def add(table: str, **cells: object) -> None:
        cells["report_id"] = rid
        out.setdefault(table, []).append({c: _cell(cells[c]) for c in BY_NAME[table].header})

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
        published=report.published,
        modified=report.modified,
        first_created=report.first_created,
        version_created=report.version_created,
        version=report.version,
        status=report.status,
        embargoed_until=report.embargoed_until,
        language=report.language,
        url=report.url,
        **_agent_cells("publisher_", report.publisher),
        byline=report.byline,
        credit_line=report.credit_line,
        slugline=report.slugline,
        urgency=report.urgency,
        free_access=report.free_access,
        rights=True if rights else None,
        **_agent_cells("rights_holder_", rights.holder if rights else None),
        rights_license=rights.license if rights else None,
        body=report.body.text if report.body else None,
    )
    for part in PARTS:
        fielded = {"field": part.field} if part.field else {}
        for i, item in enumerate(_items(report, part)):
            if isinstance(item, str):
                add(part.table, **fielded, position=i, text=item)
                continue
            add(part.table, **fielded, position=i, **{c: getattr(item, c, None) for c in _attributes(part)})
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
        verb = s.reporting_verb
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
            event_id=s.event,
            about_ids=list(s.about),
        )
    return out


def report_data(tables: dict[str, list[Row]]) -> Node:
    """The model data of one report from its rows (each list in `position` order)."""
    (r,) = tables["reports"]
    names = _grouped(tables.get("participant_names", []), "participant_id")
    identifiers = _grouped(tables.get("participant_identifiers", []), "participant_id")
    mentions = _grouped(tables.get("mentions", []), "subject_id")
    titles = _grouped(tables.get("titles", []), "participant_id")
    title_mentions = _grouped(tables.get("title_mentions", []), "participant_id")
    affiliations = _grouped(tables.get("affiliations", []), "participant_id")
    participations = _grouped(tables.get("participations", []), "event_id")
    concept_names = _by_owner(tables.get("concept_names", []), "field", "concept_position")

    def spans(rows: list[Row], prefix: str = "") -> list[Node]:
        return [_span(row, prefix) for row in rows]

    def participant(row: Row) -> Node:
        pid = row["participant_id"]
        data: Node = {
            "id": pid,
            "kind": row["kind"],
            "name": row["name"],
            "other_names": [{"text": n["name"], "language": _none(n["language"])} for n in names.get(pid, [])],
            "identifiers": [{"scheme": i["scheme"], "value": i["value"]} for i in identifiers.get(pid, [])],
            "mentions": spans(mentions.get(pid, [])),
            "country": _none(row["country_id"]),
        }
        if row["kind"] == "place":
            data["place_type"] = row["place_type"]
        if row["kind"] == "person":
            printed = _by_owner(title_mentions.get(pid, []), "title_position")
            data["titles"] = [
                {
                    "text": t["title"],
                    "organization": _none(t["organization_id"]),
                    "mentions": spans(printed.get((int(t["position"]),), [])),
                }
                for t in titles.get(pid, [])
            ]
            data["affiliations"] = [a["organization_id"] for a in affiliations.get(pid, [])]
        return data

    def event_common(row: Row) -> Node:
        eid = row["event_id"]
        return {
            "id": eid,
            "kind": row["kind"],
            "name": row["name"],
            "date": _partial_date(row, ""),
            "place": _none(row["place_id"]),
            "participations": [
                {"participant": p["participant_id"], "role": _none(p["role"])} for p in participations.get(eid, [])
            ],
            "mentions": spans(mentions.get(eid, [])),
        }

    events = tables.get("events", [])
    children = _grouped([e for e in events if e["parent_event_id"]], "parent_event_id")

    def event(row: Row) -> Node:
        return {**event_common(row), "sub_events": [event(c) for c in children.get(row["event_id"], [])]}

    roots = [e for e in events if not e["parent_event_id"]]
    data = {
        "id": r["report_id"],
        "headline": {"text": r["headline"], "origin": r["headline_origin"]},
        "dateline": {
            "text": r["dateline"],
            "span": _span(r, "dateline_") if r["dateline_start_char"] else None,
            "place": _none(r["dateline_place_id"]),
            "date": _partial_date(r, "dateline_"),
        }
        if r["dateline"]
        else None,
        **{name: _value(REPORTS.column(name), r[name]) for name in _SINGLE},
        "publisher": _agent(r, "publisher_"),
        "rights": {"holder": _agent(r, "rights_holder_"), "license": _none(r["rights_license"])}
        if r["rights"] == "true"
        else None,
        "body": {
            "text": r["body"],
            "blocks": [{"kind": b["kind"], "span": _span(b, "")} for b in tables.get("blocks", [])],
        }
        if r["body"]
        else None,
        "event": event(roots[0]) if roots else None,
        "participants": [participant(p) for p in tables.get("participants", [])],
        "statements": [
            {
                "id": s["statement_id"],
                "kind": s["kind"],
                "speakers": _list(s["speaker_ids"]),
                "text": s["text"],
                "span": _span(s, ""),
                "reporting_verb": {"text": s["reporting_verb"], "span": _span(s, "verb_")}
                if s["reporting_verb"]
                else None,
                "event": _none(s["event_id"]),
                "about": _list(s["about_ids"]),
            }
            for s in tables.get("statements", [])
        ],
        "referenced_events": [
            {**event_common(e), "relation": e["relation"], "cited_by": _list(e["cited_by"])}
            for e in tables.get("referenced_events", [])
        ],
    }
    for part in PARTS:
        parent = data
        for step in part.path[:-1]:
            parent = parent[step]
        if parent is not None:
            parent[part.path[-1]] = _decoded(part, tables.get(part.table, []), concept_names)
    return data


def _with_parents(event: Event | None, parent: str | None = None) -> Iterable[tuple[str | None, Event]]:
    """Events depth first, each with its parent's id."""
    if event is None:
        return
    yield parent, event
    for sub in event.sub_events:
        yield from _with_parents(sub, event.id)


def _cell(value: object) -> str:
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


def _partial_date(row: Row, prefix: str) -> Node | None:
    if not row[f"{prefix}date"]:
        return None
    return {
        "value": row[f"{prefix}date"],
        "inferred": _list(row[f"{prefix}date_inferred"]),
        "note": _none(row[f"{prefix}date_note"]),
    }


def _span(row: Row, prefix: str) -> Node:
    return {"start": int(row[f"{prefix}start_char"]), "end": int(row[f"{prefix}end_char"])}


def _grouped(rows: list[Row], column: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[column], []).append(row)
    return groups


def _by_owner(rows: list[Row], *columns: str) -> dict[tuple[object, ...], list[Row]]:
    """Rows by the item they belong to, named by `columns` (a position among them as a number:
    `5` and `05` are one position)."""
    groups: dict[tuple[object, ...], list[Row]] = {}
    for row in rows:
        groups.setdefault(owner(row, columns), []).append(row)
    return groups


def owner(row: Row, columns: tuple[str, ...]) -> tuple[object, ...]:
    """The cells of `columns`, positions as numbers."""
    return tuple(int(row[c]) if c.endswith("position") else row[c] for c in columns)


def _none(cell: str) -> str | None:
    return cell or None


def _list(cell: str) -> list[str]:
    return cell.split(";") if cell else []


_SINGLE = (
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


def _items(report: NewsReport, part: Part) -> tuple[Any, ...]:
    """The list of the report that `part` names (none where its parent is missing: no rights)."""
    value: Any = report
    for step in part.path:
        value = getattr(value, step) if value is not None else None
    return value or ()


def _attributes(part: Part) -> tuple[str, ...]:
    """The columns of a part's table that are fields of its items."""
    return tuple(c for c in BY_NAME[part.table].header if c not in _KEYS)


def _decoded(part: Part, rows: list[Row], concept_names: dict[tuple[object, ...], list[Row]]) -> list[Any]:
    """The items of a part from its table's rows (in list order)."""
    table = BY_NAME[part.table]
    items: list[Any] = []
    for row in rows:
        if part.field and row["field"] != part.field:
            continue
        if table.name == "tags":
            items.append(row["text"])
            continue
        item = {c: _value(table.column(c), row[c]) for c in _attributes(part) if row[c]}
        if table.name == "concepts":
            names = concept_names.get((part.field, int(row["position"])), [])
            item["other_names"] = [{"text": n["name"], "language": _none(n["language"])} for n in names]
        items.append(item)
    return items


def _agent_cells(prefix: str, agent: Agent | None) -> dict[str, object]:
    return {prefix + name: getattr(agent, name) if agent else None for name in _AGENT}


def _agent(row: Row, prefix: str) -> Node | None:
    """The agent in the prefixed columns, if any of them is filled."""
    cells = {name: row[prefix + name] for name in _AGENT if row[prefix + name]}
    return cells or None


def _value(column: Column, cell: str) -> Any:
    """A cell as the model takes it: None if empty, typed by its column."""
    if not cell:
        return None
    if column.type == "integer":
        return int(cell)
    if column.type == "boolean":
        return cell == "true"
    return cell
