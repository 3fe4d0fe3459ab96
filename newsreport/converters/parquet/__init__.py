"""Conversion between NewsReport and Parquet: the CSV package's tables, one Parquet dataset each.

A package is a folder (or a `.zip` of one, for a stream) with `datapackage.json` and a folder
per table of part files (`statements/part-00000.parquet`), which pandas, DuckDB, Polars and
Spark read as one dataset. The tables and their checks are the CSV package's; only the storage
differs: real types, dates as dates, lists as lists, zstd. Needs pyarrow (the `[parquet]`
extra), imported only when a package is read or written (`deferred`), so the format is listed
without it.

```
fields.py      each table's Parquet columns: the CSV columns, a moment's precision and offset
cells.py       CSV cells as Parquet values and back
arrow.py       Arrow types and schemas; which types of others' files are read as ours
descriptor.py  datapackage.json
writer.py      reports into part files, row group by row group
placing.py     where a package goes, and putting it there whole
reader.py      part files back into reports, through the CSV package's checks
extra.py       the one-line error without pyarrow
```
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsreport.converters.format import Format, deferred
from newsreport.converters.parquet.extra import INSTALL, require

if TYPE_CHECKING:
    from newsreport.converters.parquet.reader import read_package
    from newsreport.converters.parquet.writer import write_folder, write_zip
    from newsreport.model import NewsReport
else:
    read_package = deferred("newsreport.converters.parquet.reader", "read_package")
    write_folder = deferred("newsreport.converters.parquet.writer", "write_folder")
    write_zip = deferred("newsreport.converters.parquet.writer", "write_zip")


def _read_path(path: Path, source: str) -> Iterator[NewsReport]:
    require()
    return read_package(path, source)


def _read_stream(stream: BinaryIO, source: str) -> Iterator[NewsReport]:
    require()
    return read_package(stream, source)


def _write_path(reports: Iterable[NewsReport], target: Path) -> None:
    require()
    write_folder(reports, target)


def _write_stream(reports: Iterable[NewsReport], stream: BinaryIO) -> None:
    require()
    write_zip(reports, stream)


FORMAT = Format(
    name="parquet",
    extensions=(".parquet",),
    media_type="application/vnd.apache.parquet",
    summary="the CSV package's tables as Parquet datasets, a folder each (a .zip on a stream); needs [parquet]",
    read_stream=_read_stream,
    write_stream=_write_stream,
    read_path=_read_path,
    write_path=_write_path,
)


__all__ = ["FORMAT", "INSTALL"]
