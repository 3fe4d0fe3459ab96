"""Writing reports into a CSV package, one report at a time, with big tables split into parts."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, BinaryIO

from newsreport.converters.csv_.codec import rows
from newsreport.converters.csv_.descriptor import descriptor_of, write_descriptor
from newsreport.converters.csv_.placing import Placing
from newsreport.converters.csv_.tables import BY_NAME, LAYOUT_KEY, TABLES
from newsreport.errors import UsageError
from newsreport.files import keep_mode
from newsreport.limits import MAX_DESCRIPTOR_BYTES
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
        csv.writer(buffer).writerows(_cells(table_rows, excel))
        encoded[table] = (buffer.getvalue(), len(table_rows))
    return encoded


def _cells(table_rows: list[dict[str, str]], excel: bool) -> Iterable[Iterable[str]]:
    """The rows' cells, as the CSV writer takes them (escaped for a spreadsheet with `excel`)."""
    if excel:
        return ([escape_formula(v) for v in row.values()] for row in table_rows)
    return map(dict.values, table_rows)


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
        """Add one report's rows, written straight into the parts' files."""
        for table, table_rows in rows(report).items():
            csv.writer(self._part(table, len(table_rows))).writerows(_cells(table_rows, self.excel))

    def add_encoded(self, encoded: dict[str, tuple[str, int]]) -> None:
        """Add one report's rows, as `encode` gives them."""
        for table, (text, count) in encoded.items():
            self._part(table, count).write(text)

    def _part(self, table: str, count: int) -> IO[str]:
        """The open part that takes the table's next `count` rows (one report's), a new one when
        the current part is full."""
        if table not in self.open or self.counts[table] >= self.shard_rows:
            self._start_part(table)
        self.counts[table] += count
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

    def discard(self) -> None:
        """Close the open parts, unfinished: the run failed (a full disk, say, which closing
        would report again) and the folder is removed after."""
        for handle in self.open.values():
            with contextlib.suppress(OSError):
                handle.close()
        self.open.clear()

    def close(self) -> None:
        """Finish every table (an empty one still gets its header) and write the descriptor."""
        for table in TABLES:
            if table.name not in self.open:
                self._start_part(table.name)  # an empty table still gets its file and header
        for handle in self.open.values():
            handle.close()
        self.open.clear()
        write_descriptor(self.folder, descriptor_of(self.files, self.encoding, self.excel))


def write_folder(reports: Iterable[NewsReport], target: Path, excel: bool = False, shard_rows: int = 1_000_000) -> None:
    """Write a package folder (or a `.zip` of one) at `target`, all or nothing."""
    PLACING.write(reports, target, lambda work: PackageWriter(work, excel=excel, shard_rows=shard_rows))


def write_zip(reports: Iterable[NewsReport], stream: BinaryIO, excel: bool = False) -> None:
    """Write a package as a zip to a stream (stdout)."""
    PLACING.write_zip(reports, stream, lambda work: PackageWriter(work, excel=excel))


def zip_folder(folder: Path, archive: Path | BinaryIO) -> None:
    """Zip a folder's files, `datapackage.json` first, in a fixed order with fixed times."""
    names = ["datapackage.json", *sorted(p.name for p in folder.iterdir() if p.name != "datapackage.json")]
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with (folder / name).open("rb") as source, z.open(info, "w", force_zip64=True) as target:
                shutil.copyfileobj(source, target, 1024 * 1024)  # streamed: a package can be larger than memory


def check_replaceable(folder: Path) -> None:
    """Refuse to write a package at `folder` unless nothing is there, or an empty folder, or a
    package this program wrote (its descriptor says so) with no other file beside it.

    The folder is read through one handle, and read again if another run moved it away
    meanwhile (to put its own package there and remove the old one, file by file).
    """
    while True:
        try:
            handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:
            return
        except NotADirectoryError:
            raise UsageError(
                f"{folder}: exists and is not a folder; refusing to replace it with a CSV package"
            ) from None
        try:
            with os.scandir(handle) as entries:
                names = {entry.name for entry in entries}
            others = sorted(names - _files_of_package(handle))
            if _still_at(handle, folder):
                break
        finally:
            os.close(handle)
    if names and others:
        raise UsageError(
            f"{folder}: holds more than a CSV package newsreport wrote ({others[0]!r}); refusing to replace it"
        )


def _still_at(handle: int, folder: Path) -> bool:
    """Whether the open folder `handle` is still the one at `folder`."""
    try:
        there = folder.stat()
    except FileNotFoundError:
        return False
    here = os.fstat(handle)
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _files_of_package(folder: int) -> set[str]:
    """The names of the files of the package in the open `folder` if this program wrote it, else none."""
    names = {"datapackage.json"}
    try:
        with open("datapackage.json", "rb", opener=lambda name, flags: os.open(name, flags, dir_fd=folder)) as file:
            descriptor = json.loads(file.read(MAX_DESCRIPTOR_BYTES))  # longer is not ours
        if LAYOUT_KEY not in descriptor:
            return set()
        for resource in descriptor["resources"]:
            names.update(resource["path"] if isinstance(resource["path"], list) else [resource["path"]])
    except (OSError, ValueError, TypeError, KeyError):
        return set()
    return {name for name in names if isinstance(name, str) and _is_file(name, folder)}


def _is_file(name: str, folder: int) -> bool:
    try:
        return stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except (OSError, ValueError):
        return False


def _keep_package_mode(new: Path, old: Path) -> None:
    """The folder takes the mode and owner of the folder it replaces, its files those of the
    old descriptor (or, for a new package, the permissions of any new file and folder)."""
    keep_mode(new, old)
    with os.scandir(new) as entries:
        for entry in entries:
            keep_mode(Path(entry.path), old / "datapackage.json")


PLACING = Placing(check_replaceable, zip_folder, _keep_package_mode)
"""How a CSV package is put in place."""
