"""One report's rows, checked together and built into the report.

What a row cannot show alone is checked here: keys unique, each position once in its list, every
id naming something in the same report, the covered event's tree, each quote against the body,
rights parts only where the report has rights. A rule only the model knows is blamed on the row
(and cell) the offending value was read from.
"""

from __future__ import annotations

import operator
import re

from pydantic import ValidationError

from newsreport.converters.csv_.codec import owners
from newsreport.converters.csv_.decode import report_data
from newsreport.converters.csv_.lines import Line
from newsreport.converters.csv_.tables import BY_NAME, PARTS, REPORTS
from newsreport.converters.csv_.tableschema import Table
from newsreport.errors import ReadError
from newsreport.limits import nesting_problem
from newsreport.model import NewsReport
from newsreport.problems import problems_from

_REFERENCES = (
    ("reports", "dateline_place_id", "participant"),
    ("participants", "country_id", "participant"),
    ("participant_names", "participant_id", "participant"),
    ("participant_identifiers", "participant_id", "participant"),
    ("titles", "participant_id", "participant"),
    ("titles", "organization_id", "participant"),
    ("title_mentions", "participant_id", "participant"),
    ("affiliations", "participant_id", "participant"),
    ("affiliations", "organization_id", "participant"),
    ("mentions", "subject_id", "participant or event"),
    ("events", "parent_event_id", "event"),
    ("events", "place_id", "participant"),
    ("referenced_events", "place_id", "participant"),
    ("referenced_events", "cited_by", "statement"),
    ("participations", "event_id", "event"),
    ("participations", "participant_id", "participant"),
    ("statements", "speaker_ids", "participant"),
    ("statements", "about_ids", "participant"),
    ("statements", "event_id", "event"),
)
"""(table, column, what its ids must name in the same report)."""


def build(lines: dict[str, list[Line]], source: str) -> NewsReport:
    """Check keys, references and quotes of one report's rows, then build the report."""
    ids: dict[str, set[str]] = {
        "participant": {line.row["participant_id"] for line in lines["participants"]},
        "event": {line.row["event_id"] for line in (*lines["events"], *lines["referenced_events"])},
        "statement": {line.row["statement_id"] for line in lines["statements"]},
    }
    ids["participant or event"] = ids["participant"] | ids["event"]
    in_order: dict[str, list[Line]] = {}
    for name, table_lines in lines.items():
        _check_keys(BY_NAME[name], table_lines, source)
        in_order[name] = _in_order(BY_NAME[name], table_lines, source)
    for name, column, kind in _REFERENCES:
        named = set(";".join([line.row[column] for line in lines[name]]).split(";"))
        named.discard("")
        if named <= ids[kind]:
            continue  # otherwise the loop below finds the first id of nothing
        for line in lines[name]:
            for value in filter(None, line.row[column].split(";")):
                if value not in ids[kind]:
                    raise ReadError(
                        f"no {kind} {value!r} in this report",
                        source=source,
                        location=f"{line.file}:{line.number}:{column}",
                    )
    _check_event_tree(lines["events"], source)
    _check_owners(lines["title_mentions"], lines["titles"], ("participant_id", "title_position"), "title", source)
    _check_owners(lines["concept_names"], lines["concepts"], ("field", "concept_position"), "concept", source)
    _check_rights(lines, source)
    report_line = lines["reports"][0]
    body = report_line.row["body"]
    for line, prefix, text_column in (
        *((s, "", "text") for s in lines["statements"]),
        *((s, "verb_", "reporting_verb") for s in lines["statements"] if s.row["reporting_verb"]),
        *((s, "source_", "source") for s in lines["statements"] if s.row["source"]),
        *([(report_line, "dateline_", "dateline")] if report_line.row["dateline_start_char"] else []),
    ):
        start, end = line.row[f"{prefix}start_char"], line.row[f"{prefix}end_char"]
        if not (start and end):
            raise ReadError(
                "a span needs both ends", source=source, location=f"{line.file}:{line.number}:{prefix}start_char"
            )
        if body[int(start) : int(end)] != line.row[text_column]:
            found = body[int(start) : int(end)]
            message = f"the body has {found[:40]!r} at [{start}, {end}), not this text"
            raise ReadError(message, source=source, location=f"{line.file}:{line.number}:{text_column}")
    data = report_data({name: [line.row for line in table_lines] for name, table_lines in in_order.items()})
    try:
        return NewsReport.model_validate(data)
    except ValidationError as exc:
        first = problems_from(exc, data)[0]
        where = _row_of(first.path, in_order)
        raise ReadError(f"report {first.path}: {first.message}", source=source, location=where) from None


_ROW = operator.attrgetter("row")
_LISTED = re.compile(r"\$\.([\w.]+?)\[(\d+)\](?:\.(\w+))?")
"""A JSON path into one of the report's lists: its name (`rights.notices`), the index, the field."""
_OWN_TABLES = ("statements", "participants", "referenced_events")
"""The report's lists that are a table of their own, row for row."""


def _row_of(path: str, in_order: dict[str, list[Line]]) -> str:
    """The row (and the cell, where one holds the value) that a report's JSON path was read from;
    the report's row when there is no closer one."""
    report_line = in_order["reports"][0]
    column = path.removeprefix("$.").replace(".", "_")  # rights.holder.name: rights_holder_name
    if column in REPORTS.header:
        return f"{report_line.file}:{report_line.number}:{column}"
    listed = _LISTED.match(path)
    table, lines = _list_lines(listed[1], in_order) if listed else ("", [])
    if listed and int(listed[2]) < len(lines):
        line = lines[int(listed[2])]
        field = listed[3] or ""
        columns = (field, f"{field}_id", f"{field}_ids", f"{field.removesuffix('s')}_ids")  # speakers: speaker_ids
        column = next((c for c in columns if field and c in BY_NAME[table].header), "")
        return f"{line.file}:{line.number}" + (f":{column}" if column else "")
    return f"{report_line.file}:{report_line.number}"


def _list_lines(name: str, in_order: dict[str, list[Line]]) -> tuple[str, list[Line]]:
    """The table and the rows, in list order, of the report's list `name` (none if not a table's)."""
    if name in _OWN_TABLES:
        return name, in_order[name]
    part = next((p for p in PARTS if ".".join(p.path) == name), None)
    if part is None:
        return "", []
    return part.table, [line for line in in_order[part.table] if not part.field or line.row["field"] == part.field]


def _check_owners(lines: list[Line], owned_by: list[Line], columns: tuple[str, str], what: str, source: str) -> None:
    """Rows that belong to an item of another table (a title's mentions, a concept's names) name
    one: the owner's list (a participant, a field) and its position there."""
    keys = set(owners([line.row for line in owned_by], (columns[0], "position")))
    for key, line in zip(owners([line.row for line in lines], columns), lines, strict=True):
        if key not in keys:
            raise ReadError(f"no such {what}", source=source, location=f"{line.file}:{line.number}:{columns[1]}")


def _check_rights(lines: dict[str, list[Line]], source: str) -> None:
    """A rights part (holder, licence, notice, terms) only in a report whose `rights` is true:
    elsewhere it would be lost."""
    line = lines["reports"][0]
    if line.row["rights"] == "true":
        return
    cell = next((c for c in REPORTS.header if c.startswith("rights_") and line.row[c]), None)
    text = next((t for t in lines["texts"] if t.row["field"].startswith("rights_")), None)
    if cell is None and text is None:
        return
    where = f"{line.file}:{line.number}:{cell}" if cell else f"{text.file}:{text.number}:field" if text else ""
    message = "rights information in a report whose rights column is not true (set it, or the information is lost)"
    raise ReadError(message, source=source, location=where)


def _in_order(table: Table, lines: list[Line], source: str) -> list[Line]:
    """A table's rows of one report in list order: by `position`, within the list they belong to;
    each position once per list (`5` and `05` are one position, in the list's own columns too)."""
    if "position" not in table.header:
        return lines
    seen: dict[tuple[object, ...], int] = {}
    columns = (*_list_of(table), "position")
    at = owners([line.row for line in lines], columns)
    for place, line in zip(at, lines, strict=True):
        if place in seen:
            message = f"position {place[-1]} is taken by row {seen[place]} of this list"
            raise ReadError(message, source=source, location=f"{line.file}:{line.number}:position")
        seen[place] = line.number
    return [lines[i] for i in sorted(range(len(lines)), key=at.__getitem__)]


def _list_of(table: Table) -> tuple[str, ...]:
    """The columns that tell which list a row belongs to (a report's, or one participant's...)."""
    return table.key[1:-1] if table.key[-1] == "position" else ()


def _check_event_tree(lines: list[Line], source: str) -> None:
    """One covered event, and its sub-events neither in a cycle nor nested beyond the limit."""
    roots = [line for line in lines if not line.row["parent_event_id"]]
    if len(roots) > 1:
        where = f"{roots[1].file}:{roots[1].number}:parent_event_id"
        raise ReadError("a second covered event (only one may be)", source=source, location=where)
    sub_events: dict[str, list[str]] = {line.row["event_id"]: [] for line in lines}
    row_of = {line.row["event_id"]: line for line in lines}
    for line in lines:
        parent = line.row["parent_event_id"]
        if parent and parent not in sub_events:
            where = f"{line.file}:{line.number}:parent_event_id"
            raise ReadError(f"no event {parent!r} in events.csv for this report", source=source, location=where)
        if parent:
            sub_events[parent].append(line.row["event_id"])
    problem = nesting_problem(sub_events, [line.row["event_id"] for line in roots])
    if problem:
        chain, what = problem
        line = row_of[chain[-1]]
        raise ReadError(what, source=source, location=f"{line.file}:{line.number}:parent_event_id")


def _check_keys(table: Table, lines: list[Line], source: str) -> None:
    cells = operator.itemgetter(*table.key)  # a cell, or a tuple of them: either tells rows apart
    if len(set(map(cells, map(_ROW, lines)))) == len(lines):
        return  # no two rows alike; otherwise the loop below finds the first repeat
    seen: set[tuple[str, ...]] = set()
    for line in lines:
        key = tuple(line.row[c] for c in table.key)
        if key in seen:
            raise ReadError(
                f"duplicate key {key}", source=source, location=f"{line.file}:{line.number}:{table.key[-1]}"
            )
        seen.add(key)
