"""Reading a Parquet package back into reports, one report at a time, checking what it promises.

Each table's part files are read in the order the descriptor lists them, a batch of rows at a
time, in step with `reports` (the rows of a report come in the reports' order, as the writer
writes them). A row's values become the cells the CSV package would hold (`cells`), which the
CSV package's checks and decoding then read: one set of rules for both formats. A problem is a
`ReadError` located as `table/part-00000.parquet:row:column` (rows counted from 1).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsreport.converters.csv_.layouts import LAYOUTS
from newsreport.converters.csv_.lines import Line, Lines
from newsreport.converters.csv_.package import Package
from newsreport.converters.csv_.reader import reports_of
from newsreport.converters.csv_.tables import LAYOUT_KEY, TABLES
from newsreport.converters.parquet.arrow import AS_NUMBERS, TYPES, type_problem
from newsreport.converters.parquet.cells import CellError, cells
from newsreport.converters.parquet.descriptor import FORMAT
from newsreport.converters.parquet.fields import FIELDS, Field
from newsreport.errors import ReadError
from newsreport.model import NewsReport

BATCH_ROWS = 8192
"""Rows decoded at a time: memory stays flat however large a row group is."""


def read_package(path: Path | IO[bytes], source: str | None = None) -> Iterator[NewsReport]:
    """The reports of a Parquet package (its folder, its `datapackage.json`, a `.zip` of it or
    a zip stream), one at a time."""
    source = source or str(path)
    if isinstance(path, Path) and path.is_file() and path.name != "datapackage.json" and not zipfile.is_zipfile(path):
        raise ReadError("not a Parquet package: give its folder, its datapackage.json or a .zip of it", source=source)
    package = Package(path, source)
    yield from reports_of(_streams(package, package.descriptor()), source, "reports", explain_misplaced=False)


def _streams(package: Package, descriptor: dict[str, Any]) -> dict[str, Lines]:
    """A stream of checked rows for each table, from the part files its resource lists."""
    version = descriptor[LAYOUT_KEY]
    layout = LAYOUTS.get(version) if isinstance(version, str) else None
    if layout is None:
        message = f"{LAYOUT_KEY} {version!r} is not a layout this program reads ({', '.join(sorted(LAYOUTS))})"
        raise ReadError(message, source=package.source, location="datapackage.json")
    listed = descriptor.get("resources")
    resources = {r.get("name"): r for r in listed if isinstance(r, dict)} if isinstance(listed, list) else {}
    streams: dict[str, Lines] = {}
    for table in TABLES:
        where = layout[table.name]
        files: list[str] = []
        if where.resource is not None:
            resource = resources.get(where.resource)
            if resource is None:
                message = f"the descriptor has no table {where.resource!r}"
                raise ReadError(message, source=package.source, location="datapackage.json")
            files = _files(resource, package.source)
        streams[table.name] = PartLines(package, table.name, where, files, unescape=False)
    return streams


def _files(resource: dict[str, Any], source: str) -> list[str]:
    """A resource's part files; a resource of another format (a CSV package's) is refused."""
    name, path = resource.get("name"), resource.get("path")
    if resource.get("format") != FORMAT:
        message = f"table {name!r} is {resource.get('format')!r}, not parquet (a CSV package is read as csv)"
        raise ReadError(message, source=source, location="datapackage.json")
    files = [path] if isinstance(path, str) else path
    if not isinstance(files, list) or not files or not all(isinstance(part, str) for part in files):
        message = f"table {name!r}: its path is not a file name or a list of them"
        raise ReadError(message, source=source, location="datapackage.json")
    return files


class PartLines(Lines):
    """The checked rows of one table, read from its Parquet part files instead of CSV files."""

    def _read(self, files: list[str]) -> Iterator[Line]:
        header = self.source.header(self.table.name)
        for name in files:
            with self.package.open(name) as handle:
                try:
                    yield from self._part(name, handle, header)
                except (pa.ArrowException, OSError) as exc:
                    message = f"not a readable Parquet file: {exc}"
                    raise ReadError(message, source=self.package.source, location=name) from None

    def _part(self, name: str, handle: IO[bytes], header: list[str]) -> Iterator[Line]:
        part = pq.ParquetFile(handle)
        fields = self._fields(name, part.schema_arrow, header)
        number = 0
        for batch in part.iter_batches(batch_size=BATCH_ROWS, columns=[f.name for f in fields]):
            columns = {f.name: _values(batch.column(f.name), f, name, self.package.source) for f in fields}
            for i in range(batch.num_rows):
                number += 1
                try:
                    row = cells(self.table, {column: values[i] for column, values in columns.items()})
                except CellError as problem:
                    where = f"{name}:{number}:{problem.column}"
                    raise ReadError(problem.message, source=self.package.source, location=where) from None
                yield Line(name, number, self._row(name, number, header, [row[c] for c in header]))

    def _fields(self, name: str, schema: pa.Schema, header: list[str]) -> list[Field]:
        """The table's columns in a part file, each of a type read as ours."""
        expected = [f for f in FIELDS[self.table.name] if f.column.name in header]
        found = schema.names
        missing = next((f.name for f in expected if f.name not in found), None)
        if missing is not None:
            raise ReadError("missing column", source=self.package.source, location=f"{name}:{missing}")
        names = {f.name for f in expected}
        extra = next((c for c in found if c not in names or found.count(c) > 1), None)
        if extra is not None:
            raise ReadError("unexpected or repeated column", source=self.package.source, location=f"{name}:{extra}")
        for field in expected:
            problem = type_problem(field, schema.field(field.name).type)
            if problem:
                raise ReadError(problem, source=self.package.source, location=name)
        return expected


def _values(column: pa.Array[Any], field: Field, name: str, source: str) -> list[Any]:
    """A column's values as `cells` takes them (dates as days, moments as microseconds, since 1970)."""
    try:
        typed: Any = column.cast(TYPES[field.kind])
        if field.kind in AS_NUMBERS:
            typed = typed.cast(AS_NUMBERS[field.kind])
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise ReadError(f"column {field.name!r}: {exc}", source=source, location=name) from None
    return list(typed.to_pylist())


__all__ = ["PartLines", "read_package"]
