"""Rows of one report back into the report's model data (validated by the caller).

The rows are checked already (cells by `lines`, ids and keys by `checks`), so each cell is read
as its column promises: empty is unknown, integers and booleans typed by their column.
"""

from __future__ import annotations

from typing import Any

from newsreport.converters.csv_.codec import AGENT, DRAFT, SINGLE, Node, Row, attributes, owners
from newsreport.converters.csv_.tables import BY_NAME, PARTS, REPORTS, Part
from newsreport.converters.csv_.tableschema import Column


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
        **{name: _value(REPORTS.column(name), r[name]) for name in SINGLE},
        "publisher": _agent(r, "publisher_"),
        "rights": {"holder": _agent(r, "rights_holder_"), "license": _none(r["rights_license"])}
        if r["rights"] == "true"
        else None,
        "body": {
            "text": r["body"],
            "blocks": [{"kind": b["kind"], "span": _span(b, "")} for b in tables.get("blocks", [])],
            "origin": r["body_origin"] or "source",
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
                "source": {"text": s["source"], "span": _span(s, "source_")} if s["source"] else None,
                "event": _none(s["event_id"]),
                "about": _list(s["about_ids"]),
            }
            for s in tables.get("statements", [])
        ],
        "referenced_events": [
            {**event_common(e), "relation": e["relation"], "cited_by": _list(e["cited_by"])}
            for e in tables.get("referenced_events", [])
        ],
        "drafted_by": _draft(r),
    }
    for part in PARTS:
        parent = data
        for step in part.path[:-1]:
            parent = parent[step]
        if parent is not None:
            parent[part.path[-1]] = _decoded(part, tables.get(part.table, []), concept_names)
    return data


def _partial_date(row: Row, prefix: str) -> Node | None:
    if not row[f"{prefix}date"]:
        return None
    return {
        "value": row[f"{prefix}date"],
        "inferred": _list(row[f"{prefix}date_inferred"]),
        "note": _none(row[f"{prefix}date_note"]),
    }


_ENDS = {prefix: (f"{prefix}start_char", f"{prefix}end_char") for prefix in ("", "verb_", "source_", "dateline_")}
"""The columns of the spans' ends, by their prefix."""


def _span(row: Row, prefix: str) -> Node:
    start, end = _ENDS[prefix]
    return {"start": int(row[start]), "end": int(row[end])}


def _grouped(rows: list[Row], column: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[column], []).append(row)
    return groups


def _by_owner(rows: list[Row], *columns: str) -> dict[tuple[object, ...], list[Row]]:
    """Rows by the item they belong to, named by `columns` (a position among them as a number:
    `5` and `05` are one position)."""
    groups: dict[tuple[object, ...], list[Row]] = {}
    for key, row in zip(owners(rows, columns), rows, strict=True):
        groups.setdefault(key, []).append(row)
    return groups


def _none(cell: str) -> str | None:
    return cell or None


def _list(cell: str) -> list[str]:
    return cell.split(";") if cell else []


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
        item = {c: _value(table.column(c), row[c]) for c in attributes(part) if row[c]}
        if table.name == "concepts":
            names = concept_names.get((part.field, int(row["position"])), [])
            item["other_names"] = [{"text": n["name"], "language": _none(n["language"])} for n in names]
        items.append(item)
    return items


def _draft(row: Row) -> Node | None:
    """The drafting program in the `drafted_by_` columns, if any of them is filled."""
    cells = {name: row[f"drafted_by_{name}"] for name in DRAFT if row[f"drafted_by_{name}"]}
    return cells or None


def _agent(row: Row, prefix: str) -> Node | None:
    """The agent in the prefixed columns, if any of them is filled."""
    cells = {name: row[prefix + name] for name in AGENT if row[prefix + name]}
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
