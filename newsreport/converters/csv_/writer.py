"""Writing reports into a CSV package, one report at a time, with big tables split into parts."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, BinaryIO

from newsreport.converters.csv_.codec import rows
from newsreport.converters.csv_.tables import BY_NAME, LAYOUT_VERSION, TABLES
from newsreport.errors import WriteError
from newsreport.files import publish
from newsreport.model import NewsReport

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")
"""Starts of cells a spreadsheet would run as a formula (and the escape itself, so it reverses)."""


def escape_formula(cell: str) -> str:
    """The `--excel` escape: a leading `'`, which the reader removes again."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


def encode(report_rows: dict[str, list[dict[str, str]]], excel: bool = False) -> dict[str, tuple[str, int]]:
    """One report's rows as CSV text per table, with the row count (done in a worker process,
    so the process writing the package only appends text)."""
    encoded = {}
    for table, table_rows in report_rows.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        if excel:
            writer.writerows([escape_formula(v) for v in row.values()] for row in table_rows)
        else:
            writer.writerows(row.values() for row in table_rows)
        encoded[table] = (buffer.getvalue(), len(table_rows))
    return encoded


class PackageWriter:
    """Writes the tables of many reports into a folder, and its `datapackage.json` at the end.

    A table that passes `shard_rows` rows continues in a new numbered part; a report's rows are
    never split across parts, so each part stands on its own.
    """

    def __init__(self, folder: Path, excel: bool = False, shard_rows: int = 1_000_000) -> None:
        self.folder = folder
        self.excel = excel
        self.shard_rows = shard_rows
        self.encoding = "utf-8-sig" if excel else "utf-8"
        self.files: dict[str, list[str]] = {t.name: [] for t in TABLES}
        self.counts: dict[str, int] = dict.fromkeys(self.files, 0)  # rows in the current part
        self.open: dict[str, IO[str]] = {}

    def add(self, report: NewsReport) -> None:
        self.add_encoded(encode(rows(report), self.excel))

    def add_encoded(self, encoded: dict[str, tuple[str, int]]) -> None:
        """Add one report's rows, as `encode` gives them."""
        for table, (text, count) in encoded.items():
            if self.counts[table] >= self.shard_rows:
                self._start_part(table)
            self._part(table).write(text)
            self.counts[table] += count

    def _part(self, table: str) -> IO[str]:
        if table not in self.open:
            self._start_part(table)
        return self.open[table]

    def _start_part(self, table: str) -> None:
        """Close the table's current part, if any, and start the next one with its header."""
        if table in self.open:
            self.open.pop(table).close()
        number = len(self.files[table]) + 1
        name = f"{table}.csv" if number == 1 else f"{table}-{number:05d}.csv"
        if number == 2:  # the first part gets a number too, now that there are several
            (self.folder / f"{table}.csv").rename(self.folder / f"{table}-00001.csv")
            self.files[table][0] = f"{table}-00001.csv"
        handle = (self.folder / name).open("w", encoding=self.encoding, newline="")
        csv.writer(handle).writerow(BY_NAME[table].header)
        self.files[table].append(name)
        self.open[table] = handle
        self.counts[table] = 0

    def close(self) -> None:
        """Finish every table (an empty one still gets its header) and write the descriptor."""
        for table in TABLES:
            self._part(table.name)  # an empty table still gets its file and header
        for handle in self.open.values():
            handle.close()
        self.open.clear()
        descriptor = descriptor_of(self.files, self.encoding, self.excel)
        (self.folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")


def descriptor_of(files: dict[str, list[str]], encoding: str, excel: bool) -> dict[str, Any]:
    """The Frictionless Data Package (v2) descriptor of a package."""
    descriptor: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "newsreport",
        "title": "News reports: who said what, when, at which event",
        "x-newsreport-layout-version": LAYOUT_VERSION,
        "resources": [
            {
                "name": table.name,
                "type": "table",
                "path": files[table.name][0] if len(files[table.name]) == 1 else files[table.name],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": encoding,
                "description": table.description,
                "dialect": {
                    "header": True,
                    "delimiter": ",",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "lineTerminator": "\r\n",
                    "skipInitialSpace": False,
                },
                "schema": table.schema(),
            }
            for table in TABLES
        ],
    }
    if excel:
        descriptor["x-newsreport-formula-escape"] = "'"
    return descriptor


def write_folder(reports: Iterable[NewsReport], target: Path, excel: bool = False, shard_rows: int = 1_000_000) -> None:
    """Write a package folder (or a `.zip` of one) at `target`, all or nothing."""
    target = target.resolve()
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    try:
        writer = PackageWriter(work, excel=excel, shard_rows=shard_rows)
        for report in reports:
            writer.add(report)
        writer.close()
        publish_folder(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def publish_folder(work: Path, target: Path) -> None:
    """Put a finished package folder at `target`: as it is, or zipped for a `.zip` target."""
    if target.suffix.lower() != ".zip":
        _replace_folder(work, target)
        return
    archive = work.parent / f"{work.name}.zip"
    try:
        zip_folder(work, archive)
        archive.replace(target)
    finally:
        archive.unlink(missing_ok=True)


def write_zip(reports: Iterable[NewsReport], stream: BinaryIO, excel: bool = False) -> None:
    """Write a package as a zip to a stream (stdout)."""
    with tempfile.TemporaryDirectory() as work:
        writer = PackageWriter(Path(work), excel=excel)
        for report in reports:
            writer.add(report)
        writer.close()
        zip_folder(Path(work), stream)  # zipfile writes to unseekable streams too


def zip_folder(folder: Path, archive: Path | BinaryIO) -> None:
    """Zip a folder's files, `datapackage.json` first, in a fixed order with fixed times."""
    names = ["datapackage.json", *sorted(p.name for p in folder.iterdir() if p.name != "datapackage.json")]
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with (folder / name).open("rb") as source, z.open(info, "w", force_zip64=True) as target:
                shutil.copyfileobj(source, target, 1024 * 1024)  # streamed: a package can be larger than memory


def _replace_folder(new: Path, target: Path) -> None:
    """Put `new` where `target` is; an existing package there is replaced only now, at the end."""
    if target.exists() and not (target / "datapackage.json").exists() and any(target.iterdir()):
        raise WriteError(f"{target}: exists and is not a CSV package; refusing to replace it")
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        target.rename(old)
    publish(new, target)
    if old is not None:
        shutil.rmtree(old)
