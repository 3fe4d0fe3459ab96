"""Drafted parts merged into a report that already names participants or events.

An agency item often lists the persons, organizations and places it is about as metadata (a
NewsML-G2 `subject` of type `cpnat:person`), without saying where the text names them. A draft
of its body finds them again: a drafted participant with the same kind and name is the item's
own, so it keeps the item's id and gains the draft's mentions; the others join under ids that
collide with none of the item's. The item's event stays; the draft's is used only when it has none.
"""

from __future__ import annotations

from typing import Any

from newsreport.extraction.event_words import unique_id

_REFERENCES = frozenset({"speakers", "about", "affiliations", "country", "organization", "place", "participant"})
"""The fields of the drafted parts that hold participant ids."""


def merged(report: dict[str, Any], drafted: dict[str, Any]) -> dict[str, Any]:
    """`drafted` (the dumped parts a draft found) fitted to `report` (a dumped report), by id."""
    own = report.get("participants", [])
    if not own and not report.get("event") and not report.get("referenced_events"):
        return drafted
    by_name = {(p["kind"], p["name"].casefold()): p for p in own}
    taken = {p["id"] for p in own} | _event_ids(report)
    renamed: dict[str, str] = {}
    joined = []
    for found in drafted["participants"]:
        match = by_name.get((found["kind"], found["name"].casefold()))
        if match is not None:
            renamed[found["id"]] = match["id"]
            match["mentions"] = sorted(
                {(m["start"], m["end"]): m for m in [*match.get("mentions", []), *found["mentions"]]}.values(),
                key=lambda m: (m["start"], m["end"]),
            )
        else:
            renamed[found["id"]] = new = unique_id(found["id"], taken)
            joined.append(found | {"id": new})
    out: dict[str, Any] = _renamed({key: value for key, value in drafted.items() if key != "participants"}, renamed)
    out["participants"] = [*own, *_renamed(joined, renamed)]
    if report.get("event"):
        out["event"] = report["event"]
    events = {value: unique_id(value, taken) for value in _event_ids(drafted)}
    out["referenced_events"] = [
        *report.get("referenced_events", []),
        *(_reid(e, events) for e in out["referenced_events"]),
    ]
    return out


def _union(spans: list[dict[str, int]], more: list[dict[str, int]]) -> list[dict[str, int]]:
    """Both lists of spans, each span once, in text order."""
    return [{"start": a, "end": b} for a, b in sorted({(m["start"], m["end"]) for m in [*spans, *more]})]


def _event_ids(parts: dict[str, Any]) -> set[str]:
    ids = {e["id"] for e in parts.get("referenced_events") or []}
    pending = [parts["event"]] if parts.get("event") else []
    while pending:
        event = pending.pop()
        ids.add(event["id"])
        pending += event.get("sub_events", [])
    return ids


def _reid(event: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    return event | {"id": ids.get(event["id"], event["id"])}


def _renamed(value: Any, renamed: dict[str, str], key: str = "") -> Any:
    """`value` with every participant id in a reference field replaced as `renamed` says."""
    if isinstance(value, dict):
        return {k: _renamed(v, renamed, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_renamed(v, renamed, key) for v in value]
    if key in _REFERENCES and isinstance(value, str):
        return renamed.get(value, value)
    return value
