"""The Python API: read reports from files or bytes, write them in any format."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from newsreport.converters import Format, format_for_path, get_format, sniff
from newsreport.model import NewsReport

Source = bytes | str | os.PathLike[str]
"""Bytes of a document, or the path of a file (a `str` is always a path)."""


def read(source: Source, format: str | None = None) -> NewsReport:
    """The one report in `source`; the format comes from `format`, the file name or the content."""
    data, name = _load(source)
    return _format_of(source, data, format).read_one(data, name)


def read_all(path: str | os.PathLike[str], format: str | None = None) -> Iterator[NewsReport]:
    """The reports in a file, one at a time (a JSON Lines file of any size streams)."""
    fmt = get_format(format) if format else format_for_path(path)
    with Path(path).open("rb") as stream:
        yield from fmt.read_all(stream, str(path))


def write(report: NewsReport, format: str = "json") -> bytes:
    """The report as a document in `format`."""
    return get_format(format).write_one(report)


def _load(source: Source) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<bytes>"
    return Path(source).read_bytes(), os.fspath(source)


def _format_of(source: Source, data: bytes, format: str | None) -> Format:
    if format:
        return get_format(format)
    if isinstance(source, bytes):
        return sniff(data)
    return format_for_path(source)
