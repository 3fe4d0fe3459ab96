"""Reading a CSV package back into reports, one report at a time, checking what it promises.

Every table is read as a stream, in step with `reports.csv`: the rows of a report must come in
the reports' order (as the writer writes them; within a report, `position` gives the order, so
a re-sort there does no harm). `lines` checks each cell against its column, `checks` the rows of
one report together and builds it. A problem is a `ReadError` located as `file:row:column`.
Packages of an earlier layout are read through `layouts`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsreport.converters.csv_.checks import build
from newsreport.converters.csv_.layouts import LAYOUTS
from newsreport.converters.csv_.lines import Lines, out_of_order
from newsreport.converters.csv_.package import Package
from newsreport.converters.csv_.tables import LAYOUT_KEY, TABLES
from newsreport.errors import ReadError
from newsreport.limits import max_document_bytes
from newsreport.model import NewsReport


def read_package(path: Path | IO[bytes], source: str | None = None) -> Iterator[NewsReport]:
    """The reports of a CSV package (folder, `datapackage.json`, `.zip` file or zip stream), one at a time."""
    csv.field_size_limit(max_document_bytes())  # a cell (a body) is at most a document's size
    package = Package(path, source or str(path))
    yield from reports_of(_streams(package, package.descriptor()), package.source)


def reports_of(
    streams: dict[str, Lines], source: str, reports_file: str = "reports.csv", explain_misplaced: bool = True
) -> Iterator[NewsReport]:
    """The reports of a package's table streams (a CSV or a Parquet package's), one at a time:
    each row of `reports` with the rows of the other tables that belong to it, checked and
    built. `reports_file` names the reports table in the message for a row of no report;
    `explain_misplaced` says that rows that do not add up are more likely out of order."""
    reports = streams.pop("reports")
    seen: set[str] = set()
    for line in reports:
        rid = line.row["report_id"]
        if rid in seen:
            where = f"{line.file}:{line.number}:report_id"
            raise ReadError(f"report {rid!r} appears twice", source=source, location=where)
        seen.add(rid)
        lines = {"reports": [line]} | {name: stream.take(rid, seen) for name, stream in streams.items()}
        try:
            report = build(lines, source)
        except ReadError:
            if explain_misplaced:
                _refuse_misplaced_rows(streams, rid, source)
            raise
        yield report
    for stream in streams.values():
        stray = stream.peek()
        if stray is not None:
            where = f"{stray.file}:{stray.number}:report_id"
            raise ReadError(
                f"report {stray.row['report_id']!r} is not in {reports_file}", source=source, location=where
            )


def _streams(package: Package, descriptor: dict[str, Any]) -> dict[str, Lines]:
    """A stream of rows for each of today's tables, from where the package's layout keeps them."""
    version = descriptor[LAYOUT_KEY]
    layout = LAYOUTS.get(version) if isinstance(version, str) else None
    if layout is None:
        known = ", ".join(sorted(LAYOUTS))
        message = f"{LAYOUT_KEY} {version!r} is not a layout this program reads ({known})"
        raise ReadError(message, source=package.source, location="datapackage.json")
    unescape = descriptor.get("x-newsreport-formula-escape") == "'"
    listed = descriptor.get("resources")
    resources = {r.get("name"): r for r in listed if isinstance(r, dict)} if isinstance(listed, list) else {}
    streams = {}
    for table in TABLES:
        source = layout[table.name]
        files: list[str] = []
        if source.resource is not None:
            if source.resource not in resources:
                message = f"the descriptor has no resource {source.resource!r}"
                raise ReadError(message, source=package.source, location="datapackage.json")
            files = _files(resources[source.resource].get("path"), source.resource, package.source)
        streams[table.name] = Lines(package, table.name, source, files, unescape)
    return streams


def _files(path: object, resource: str, source: str) -> list[str]:
    """A resource's files: its `path`, one name or a list of them (each with its header row)."""
    files = [path] if isinstance(path, str) else path
    if not isinstance(files, list) or not files or not all(isinstance(name, str) for name in files):
        message = f"resource {resource!r}: its path is not a file name or a list of them"
        raise ReadError(message, source=source, location="datapackage.json")
    return files


def _refuse_misplaced_rows(streams: dict[str, Lines], rid: str, source: str) -> None:
    """When the rows of report `rid` do not add up, say so at a row of it that comes after
    another report's, if there is one: that is the likelier cause, and the place to fix."""
    for stream in streams.values():
        after = stream.peek()
        misplaced = stream.later_row_of(rid) if after is not None else None
        if after is not None and misplaced is not None:
            raise out_of_order(misplaced, after.row["report_id"], source)
