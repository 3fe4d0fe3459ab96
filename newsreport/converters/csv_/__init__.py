"""Conversion between NewsReport and CSV: a Frictionless data package of related tables (`csv`),
and a flat one-row-per-statement export for spreadsheets (`csv-flat`, write only).

A package is a folder (or a `.zip` of one) with `datapackage.json` and one CSV per kind of
thing; all reports share the tables. Writing and reading stream one report at a time. The
reader and writers are imported on first use (`deferred`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsreport.converters.format import Format, deferred

if TYPE_CHECKING:
    from newsreport.converters.csv_.flat import write_flat
    from newsreport.converters.csv_.reader import read_package
    from newsreport.converters.csv_.writer import write_folder, write_zip
    from newsreport.model import NewsReport
else:
    write_flat = deferred("newsreport.converters.csv_.flat", "write_flat")
    read_package = deferred("newsreport.converters.csv_.reader", "read_package")
    write_folder = deferred("newsreport.converters.csv_.writer", "write_folder")
    write_zip = deferred("newsreport.converters.csv_.writer", "write_zip")


def _read_stream(stream: BinaryIO, source: str) -> Iterator[NewsReport]:
    return read_package(stream, source)


def _read_path(path: Path, source: str) -> Iterator[NewsReport]:
    return read_package(path, source)


def _formats(excel: bool) -> tuple[Format, Format]:
    package = Format(
        name="csv",
        extensions=(".zip", "datapackage.json"),
        media_type="application/zip",
        summary="a Frictionless data package of CSV tables: a folder, its datapackage.json, or a .zip",
        read_stream=_read_stream,
        write_stream=functools.partial(write_zip, excel=excel),
        read_path=_read_path,
        write_path=functools.partial(write_folder, excel=excel),
    )
    flat = Format(
        name="csv-flat",
        extensions=(".csv",),
        media_type="text/csv",
        summary="one row per statement, for spreadsheets; lossy, so read the csv package instead",
        write_stream=functools.partial(write_flat, excel=excel),
        lossless=False,
    )
    return package, flat


FORMAT, FLAT = _formats(excel=False)
EXCEL = dict(zip(("csv", "csv-flat"), _formats(excel=True), strict=True))
"""The same formats in the `--excel` profile: a BOM, and formula-like cells escaped reversibly."""


__all__ = ["EXCEL", "FLAT", "FORMAT", "read_package"]
