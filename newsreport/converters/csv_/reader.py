"""Reading a CSV package back into reports, one report at a time, checking what it promises.

Every table is read as a stream, in step with `reports.csv`: the rows of a report must come in
the reports' order (as the writer writes them; within a report, `position` gives the order, so
a re-sort there does no harm). Each cell is checked against its column (type, required, enum,
pattern, real calendar dates), keys must be unique, every id must name something in its report
and every quote must match the body. A problem is a `ReadError` located as
`file:row:column` (rows counted as a spreadsheet does: the header is row 1).
"""

from __future__ import annotations

import csv
import io
import lzma
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import IO, Any

from pydantic import ValidationError

from newsreport.converters.csv_.codec import Row, report_data
from newsreport.converters.csv_.tables import BY_NAME, LAYOUT_KEY, PRECISIONS, TABLES, Column, Table
from newsreport.converters.csv_.writer import FORMULA_TRIGGERS
from newsreport.errors import ReadError
from newsreport.jsontext import loads
from newsreport.limits import MAX_DESCRIPTOR_BYTES, MAX_ZIP_RATIO, max_document_bytes, nesting_problem
from newsreport.model import NewsReport
from newsreport.problems import problems_from

_DAMAGED_ZIP = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    OSError,
    EOFError,
    NotImplementedError,
    zipfile.LargeZipFile,
    RuntimeError,
)
"""What zipfile raises on a damaged archive: OSError from bz2 on a damaged bzip2 entry,
RuntimeError for an entry marked encrypted; its ValueErrors are caught only where no ReadError
can be."""


_BOMB = "compressed too highly to be data (a zip bomb?)"


def _bomb(size: int, compressed: int) -> bool:
    """Whether `size` bytes unzipped from `compressed` are a bomb rather than data."""
    return size > max_document_bytes() and size > MAX_ZIP_RATIO * max(compressed, 1)


@dataclass
class _Line:
    file: str
    number: int
    row: Row


class _Package:
    """The files of a package: a folder, or a zip read in place (nothing is extracted)."""

    def __init__(self, path: Path | IO[bytes], source: str) -> None:
        self.source = source
        self.zip: zipfile.ZipFile | None = None
        if not isinstance(path, Path):
            self.zip = self._open_zip(path)
            self.root = Path()
        elif path.is_dir():
            self.root = path
        elif path.name == "datapackage.json":
            self.root = path.parent
        elif zipfile.is_zipfile(path):
            self.zip = self._open_zip(path)
            self.root = Path()
        else:
            raise ReadError("not a CSV package: give its folder, its datapackage.json or a .zip", source=source)

    def _open_zip(self, file: Path | IO[bytes]) -> zipfile.ZipFile:
        """Open a zip, refusing entries that would leave the folder, links and bombs."""
        try:
            archive = zipfile.ZipFile(file)
        except (*_DAMAGED_ZIP, ValueError) as exc:
            raise ReadError(f"not a zip: {exc}", source=self.source) from None
        total = compressed = 0
        names: set[str] = set()
        for info in archive.infolist():
            if info.filename in names:  # zipfile would read the last one, and the first be lost
                raise ReadError("appears twice in the zip", source=self.source, location=f"zip entry {info.filename!r}")
            names.add(info.filename)
            name = PurePosixPath(info.filename.replace("\\", "/"))
            if name.is_absolute() or ".." in name.parts or re.match(r"^[A-Za-z]:", info.filename):
                raise ReadError(
                    "the path leaves the package folder", source=self.source, location=f"zip entry {info.filename!r}"
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ReadError(
                    "symbolic links are not allowed", source=self.source, location=f"zip entry {info.filename!r}"
                )
            total, compressed = total + info.file_size, compressed + info.compress_size
            if _bomb(info.file_size, info.compress_size):
                raise ReadError(_BOMB, source=self.source, location=f"zip entry {info.filename!r}")
        if _bomb(total, compressed):
            raise ReadError(_BOMB, source=self.source)
        return archive

    def open(self, name: str) -> IO[bytes]:
        if self.zip is not None:
            try:
                return self.zip.open(name)
            except KeyError:
                raise ReadError("no such file in the package", source=self.source, location=name) from None
            except (*_DAMAGED_ZIP, ValueError) as exc:  # zipfile: "negative seek value" and the like
                raise ReadError(f"a damaged zip entry: {exc}", source=self.source, location=name) from None
        path = self.root / name
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise ReadError("the path leaves the package folder", source=self.source, location=name)
        try:
            return path.open("rb")
        except FileNotFoundError:
            raise ReadError("no such file in the package", source=self.source, location=name) from None
        except OSError as exc:
            raise ReadError(f"cannot be read: {exc.strerror}", source=self.source, location=name) from None

    def descriptor(self) -> dict[str, Any]:
        with self.open("datapackage.json") as handle:
            try:
                text = handle.read(MAX_DESCRIPTOR_BYTES + 1)
            except _DAMAGED_ZIP as exc:
                raise ReadError(
                    f"a damaged zip entry: {exc}", source=self.source, location="datapackage.json"
                ) from None
        if len(text) > MAX_DESCRIPTOR_BYTES:
            message = f"over {MAX_DESCRIPTOR_BYTES:,} bytes (MAX_DESCRIPTOR_BYTES): not one this program wrote"
            raise ReadError(message, source=self.source, location="datapackage.json")
        try:
            data = loads(text, self.source)  # a repeated key, too deep a nesting: ReadErrors
        except ReadError as exc:
            where = ": ".join(filter(None, ("datapackage.json", exc.location)))
            raise ReadError(exc.message, source=self.source, location=where) from None
        if not isinstance(data, dict) or LAYOUT_KEY not in data:
            raise ReadError(
                f"not a newsreport CSV package (no {LAYOUT_KEY})",
                source=self.source,
                location="datapackage.json",
            )
        return data


def read_package(path: Path | IO[bytes], source: str | None = None) -> Iterator[NewsReport]:
    """The reports of a CSV package (folder, `datapackage.json`, `.zip` file or zip stream), one at a time."""
    csv.field_size_limit(max_document_bytes())  # a cell (a body) is at most a document's size
    package = _Package(path, source or str(path))
    descriptor = package.descriptor()
    unescape = descriptor.get("x-newsreport-formula-escape") == "'"
    resources = {r.get("name"): r for r in descriptor.get("resources", []) if isinstance(r, dict)}
    streams = {}
    for table in TABLES:
        if table.name not in resources:
            raise ReadError(
                f"the descriptor has no resource {table.name!r}", source=package.source, location="datapackage.json"
            )
        paths = resources[table.name].get("path")
        streams[table.name] = _Lines(package, table, [paths] if isinstance(paths, str) else list(paths or []), unescape)
    reports = streams.pop("reports")
    seen: set[str] = set()
    for line in reports:
        rid = line.row["report_id"]
        if rid in seen:
            raise ReadError(
                f"report {rid!r} appears twice", source=package.source, location=f"{line.file}:{line.number}:report_id"
            )
        seen.add(rid)
        lines = {"reports": [line]} | {name: stream.take(rid, seen) for name, stream in streams.items()}
        try:
            report = _build(lines, package.source)
        except ReadError:
            _refuse_misplaced_rows(streams, rid, package.source)
            raise
        yield report
    for stream in streams.values():
        stray = stream.peek()
        if stray is not None:
            where = f"{stray.file}:{stray.number}:report_id"
            raise ReadError(
                f"report {stray.row['report_id']!r} is not in reports.csv", source=package.source, location=where
            )


def _out_of_order(line: _Line, after: str, source: str) -> ReadError:
    earlier = line.row["report_id"]
    message = f"a row of report {earlier!r} after those of {after!r}: keep rows in the reports' order"
    return ReadError(message, source=source, location=f"{line.file}:{line.number}:report_id")


def _refuse_misplaced_rows(streams: dict[str, _Lines], rid: str, source: str) -> None:
    """When the rows of report `rid` do not add up, say so at a row of it that comes after
    another report's, if there is one: that is the likelier cause, and the place to fix."""
    for stream in streams.values():
        after = stream.peek()
        misplaced = stream.later_row_of(rid) if after is not None else None
        if after is not None and misplaced is not None:
            raise _out_of_order(misplaced, after.row["report_id"], source)


class _Lines:
    """The checked rows of one table, across its parts, with one row of look-ahead."""

    def __init__(self, package: _Package, table: Table, files: list[str], unescape: bool) -> None:
        self.package, self.table, self.unescape = package, table, unescape
        self.rows = self._read(files)
        self.next: _Line | None = None
        self.done = False

    def __iter__(self) -> Iterator[_Line]:
        return self.rows

    def peek(self) -> _Line | None:
        if self.next is None and not self.done:
            self.next = next(self.rows, None)
            self.done = self.next is None
        return self.next

    def take(self, rid: str, seen: set[str]) -> list[_Line]:
        """The rows of report `rid`, which come next; a row of an earlier report is out of order."""
        taken = []
        while (line := self.peek()) is not None:
            if line.row["report_id"] != rid:
                if line.row["report_id"] in seen:
                    raise _out_of_order(line, rid, self.package.source)
                break
            taken.append(line)
            self.next = None
        return taken

    def later_row_of(self, rid: str) -> _Line | None:
        """The first row of report `rid` further on, if any (a problem further on ends the search)."""
        try:
            return next((line for line in self.rows if line.row["report_id"] == rid), None)
        except ReadError:
            return None

    def _read(self, files: list[str]) -> Iterator[_Line]:
        for name in files:
            with self.package.open(name) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")  # csv splits the records
                reader = csv.reader(text, strict=True)
                number = 0
                try:
                    header = next(reader, None)
                    number = 1
                    columns = self._header(name, header)
                    for number, cells in enumerate(reader, start=2):
                        yield _Line(name, number, self._row(name, number, columns, cells))
                except csv.Error as exc:
                    raise ReadError(
                        f"not valid CSV: {exc}", source=self.package.source, location=f"{name}:{number + 1}"
                    ) from None
                except UnicodeDecodeError as exc:
                    raise ReadError(
                        f"not UTF-8: {exc.reason}", source=self.package.source, location=f"{name}:{number + 1}"
                    ) from None
                except _DAMAGED_ZIP as exc:
                    raise ReadError(f"a damaged zip entry: {exc}", source=self.package.source, location=name) from None

    def _header(self, name: str, header: list[str] | None) -> list[str]:
        expected = self.table.header
        if header is None:
            raise ReadError(
                "the file is empty: a header row is required", source=self.package.source, location=f"{name}:1"
            )
        missing = [c for c in expected if c not in header]
        if missing:
            raise ReadError("missing column", source=self.package.source, location=f"{name}:1:{missing[0]}")
        extra = [c for c in header if c not in expected]
        if extra or len(header) != len(set(header)):
            what = extra[0] if extra else next(c for c in header if header.count(c) > 1)
            raise ReadError("unexpected or repeated column", source=self.package.source, location=f"{name}:1:{what}")
        return header

    def _row(self, name: str, number: int, columns: list[str], cells: list[str]) -> Row:
        if len(cells) != len(columns):
            raise ReadError(
                f"has {len(cells)} cells, the header {len(columns)}",
                source=self.package.source,
                location=f"{name}:{number}",
            )
        if self.unescape:
            for header, cell in zip(columns, cells, strict=True):
                if cell.startswith(FORMULA_TRIGGERS) and not cell.startswith("'"):
                    message = "a cell a spreadsheet would run as a formula, unescaped in a package that escapes them"
                    raise ReadError(message, source=self.package.source, location=f"{name}:{number}:{header}")
            cells = [c[1:] if c.startswith("'") and c[1:].startswith(FORMULA_TRIGGERS) else c for c in cells]
        row = dict(zip(columns, cells, strict=True))
        for column in self.table.columns:
            problem = _cell_problem(column, row[column.name])
            if problem:
                raise ReadError(problem, source=self.package.source, location=f"{name}:{number}:{column.name}")
        for prefix in ("", "dateline_"):
            if f"{prefix}date" in row:
                problem = _date_problem(row, prefix)
                if problem:
                    raise ReadError(problem, source=self.package.source, location=f"{name}:{number}:{prefix}date")
        return row


def _cell_problem(column: Column, cell: str) -> str | None:
    if not cell:
        return "a value is required" if column.required else None
    if column.type == "integer" and not (cell.isascii() and cell.isdigit()):
        return f"{cell!r} is not a whole number of 0 or more"
    if column.enum and cell not in column.enum:
        return f"{cell!r} is not one of {', '.join(column.enum)}"
    if column.pattern and not re.fullmatch(column.pattern, cell, re.ASCII):
        return f"{cell!r} does not match {column.pattern}"
    if column.item_pattern:
        bad = next((item for item in cell.split(";") if not re.fullmatch(column.item_pattern, item, re.ASCII)), None)
        if bad is not None:
            return f"list item {bad!r} does not match {column.item_pattern}"
    return None


def _date_problem(row: Row, prefix: str) -> str | None:
    value, precision = row[f"{prefix}date"], row[f"{prefix}date_precision"]
    if not value:
        return "a date precision without a date" if precision else None
    parts = value.count("-") + 1
    if precision != PRECISIONS[parts - 1]:
        actual = PRECISIONS[parts - 1]
        return f"{value!r} is precise to the {actual}, but {prefix}date_precision says {precision or 'nothing'}"
    if parts == 3:
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a day of the calendar"
    return None


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


def _build(lines: dict[str, list[_Line]], source: str) -> NewsReport:
    """Check keys, references and quotes of one report's rows, then build the report."""
    ids: dict[str, set[str]] = {
        "participant": {line.row["participant_id"] for line in lines["participants"]},
        "event": {line.row["event_id"] for line in (*lines["events"], *lines["referenced_events"])},
        "statement": {line.row["statement_id"] for line in lines["statements"]},
    }
    ids["participant or event"] = ids["participant"] | ids["event"]
    for name, table_lines in lines.items():
        _check_keys(BY_NAME[name], table_lines, source)
        _check_positions(BY_NAME[name], table_lines, source)
    for name, column, kind in _REFERENCES:
        for line in lines[name]:
            for value in filter(None, line.row[column].split(";")):
                if value not in ids[kind]:
                    raise ReadError(
                        f"no {kind} {value!r} in this report",
                        source=source,
                        location=f"{line.file}:{line.number}:{column}",
                    )
    _check_event_tree(lines["events"], source)
    titles = {(t.row["participant_id"], t.row["position"]) for t in lines["titles"]}
    for line in lines["title_mentions"]:
        if (line.row["participant_id"], line.row["title_position"]) not in titles:
            raise ReadError("no such title", source=source, location=f"{line.file}:{line.number}:title_position")
    report_line = lines["reports"][0]
    body = report_line.row["body"]
    for line, prefix, text_column in (
        *((s, "", "text") for s in lines["statements"]),
        *((s, "verb_", "reporting_verb") for s in lines["statements"] if s.row["reporting_verb"]),
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
    in_order = {name: _in_order(BY_NAME[name], table_lines) for name, table_lines in lines.items()}
    data = report_data({name: [line.row for line in table_lines] for name, table_lines in in_order.items()})
    try:
        return NewsReport.model_validate(data)
    except ValidationError as exc:
        first = problems_from(exc, data)[0]
        where = _row_of(first.path, in_order)
        raise ReadError(f"report {first.path}: {first.message}", source=source, location=where) from None


_LISTED = re.compile(r"\$\.(statements|participants|referenced_events|authors)\[(\d+)\](?:\.(\w+))?")
"""A JSON path into one of the report's lists that is a table of its own, row for row."""


def _row_of(path: str, in_order: dict[str, list[_Line]]) -> str:
    """The row (and the cell, for the report's own columns) that a report's JSON path was read
    from; the report's row when there is no closer one."""
    report_line = in_order["reports"][0]
    field = path.removeprefix("$.")
    if field in BY_NAME["reports"].header:
        return f"{report_line.file}:{report_line.number}:{field}"
    listed = _LISTED.match(path)
    if listed and int(listed[2]) < len(in_order[listed[1]]):
        line = in_order[listed[1]][int(listed[2])]
        field = listed[3] or ""
        columns = (field, f"{field}_id", f"{field}_ids", f"{field.removesuffix('s')}_ids")  # speakers: speaker_ids
        column = next((c for c in columns if field and c in BY_NAME[listed[1]].header), None)
        return f"{line.file}:{line.number}" + (f":{column}" if column else "")
    return f"{report_line.file}:{report_line.number}"


def _in_order(table: Table, lines: list[_Line]) -> list[_Line]:
    """A table's rows of one report in list order: by `position`, within the list they belong to."""
    if table.name == "reports":
        return lines
    group = _list_of(table)
    return sorted(lines, key=lambda line: (*(line.row[c] for c in group), int(line.row["position"])))


def _list_of(table: Table) -> tuple[str, ...]:
    """The columns that tell which list a row belongs to (a report's, or one participant's...)."""
    return table.key[1:-1] if table.key[-1] == "position" else ()


def _check_positions(table: Table, lines: list[_Line], source: str) -> None:
    """Each position once per list (`5` and `05` are one position)."""
    if "position" not in table.header:
        return
    seen: dict[tuple[object, ...], int] = {}
    for line in lines:
        at = (*(line.row[c] for c in _list_of(table)), int(line.row["position"]))
        if at in seen:
            message = f"position {at[-1]} is taken by row {seen[at]} of this list"
            raise ReadError(message, source=source, location=f"{line.file}:{line.number}:position")
        seen[at] = line.number


def _check_event_tree(lines: list[_Line], source: str) -> None:
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


def _check_keys(table: Table, lines: list[_Line], source: str) -> None:
    seen: set[tuple[str, ...]] = set()
    for line in lines:
        key = tuple(line.row[c] for c in table.key)
        if key in seen:
            raise ReadError(
                f"duplicate key {key}", source=source, location=f"{line.file}:{line.number}:{table.key[-1]}"
            )
        seen.add(key)
