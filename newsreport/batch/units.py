"""Splitting inputs into units, one report each: files, folders (recursively), JSON Lines lines
and newsMessage items (both read a piece at a time), CSV packages. This runs in the main process, so it does as
little as it can: reading and validating happen in the workers."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from newsreport.converters import Format, format_for_path, get_format, sniff
from newsreport.errors import NewsReportError
from newsreport.limits import limited_lines, read_limited
from newsreport.model import NewsReport


@dataclass(frozen=True)
class Unit:
    """One report to convert: raw bytes in an input format (or a report already read), and where it came from."""

    source: str
    format: str = ""
    data: bytes = b""
    report: NewsReport | None = None


def units(inputs: Iterable[str | Path], from_: str | None = None, stdin: BinaryIO | None = None) -> Iterator[Unit]:
    """The units of every input, in order: files, folders (recursively), JSON Lines, newsMessages, CSV packages."""
    for name in inputs:
        if str(name) == "-":
            yield from _units_of_stdin(stdin or sys.stdin.buffer, from_)
            continue
        path = Path(name)
        if path.is_dir() and not from_:
            for member in folder_members(path):
                yield from _units_of_file(member, None)
        else:
            yield from _units_of_file(path, from_)


def folder_members(folder: Path) -> Iterator[Path]:
    """What a folder holds to read, recursively, sorted by name: the folder itself first if it
    is a package (it has a `datapackage.json`: its tables, CSV files or the part files in a
    Parquet package's table folders, are read as one package), then files of a format we read (a
    `.zip` is a package too) and sub-folders. Nothing that could be a report is passed over; links
    to folders are not followed, so a loop of them cannot make the walk endless."""
    package = _is_package(folder)
    if package:
        yield folder
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            if not (package and _is_parquet_table(path)):
                yield from folder_members(path)
        elif entry.is_file() and readable_name(path):
            yield path


def _is_package(folder: Path) -> bool:
    return (folder / "datapackage.json").is_file()


def _is_parquet_table(folder: Path) -> bool:
    """Whether `folder`, in a package, is one of its Parquet tables (read with the package)."""
    return any(folder.glob("part-*.parquet"))


def readable_name(path: Path) -> bool:
    """Whether a folder's member named so is read: a readable format's name, not a package's
    `datapackage.json` (read with its package)."""
    try:
        return format_for_path(path).readable and path.name != "datapackage.json"
    except NewsReportError:
        return False


def _units_of_file(path: Path, from_: str | None) -> Iterator[Unit]:
    fmt = get_format(from_) if from_ else format_for_path(path)
    if fmt.read_path is not None:
        for report in fmt.read_path(path, str(path)):
            yield Unit(str(path), report=report)
    else:
        with path.open("rb") as stream:
            yield from units_of_stream(fmt, stream, str(path))


def units_of_stream(fmt: Format, stream: BinaryIO, source: str) -> Iterator[Unit]:
    """The units of an input in `fmt`, open as `stream` and named `source` (a file, a URL)."""
    yield from _units_of_stream(fmt, stream.read(_MESSAGE_HEAD_BYTES), stream, source)


def _units_of_stdin(stream: BinaryIO, from_: str | None) -> Iterator[Unit]:
    """Standard input; with no `--from`, the format is guessed from the first MiB."""
    head = stream.read(_SNIFF_BYTES)
    fmt = get_format(from_) if from_ else sniff(head)
    yield from _units_of_stream(fmt, head, stream, "<stdin>")


_SNIFF_BYTES = 1024 * 1024
_MESSAGE_HEAD_BYTES = 4096
_MESSAGE = re.compile(rb"<(\w+:)?newsMessage\b")
"""A newsMessage's root element, looked for in the first `_MESSAGE_HEAD_BYTES` of a NewsML-G2 input."""


_BUFFER_BYTES = 64 * 1024
"""The reads of an input stream (a newsMessage's parser is fed as much at a time)."""


def _units_of_stream(fmt: Format, head: bytes, rest: BinaryIO, source: str) -> Iterator[Unit]:
    """The units of an input whose first bytes, `head`, were read already (to guess its format or
    to see a newsMessage), then `rest`: JSON Lines a line at a time, a newsMessage an item at a
    time, anything else read whole."""
    stream = io.BufferedReader(_Prefixed(head, rest), _BUFFER_BYTES)
    if fmt.name == "jsonl":
        yield from _lines_of(stream, source)
    elif fmt.name == "newsml-g2" and _MESSAGE.search(head[:_MESSAGE_HEAD_BYTES]):
        from newsreport.converters.newsml_g2.stream import message_items  # lxml, only for a newsMessage

        for number, item in message_items(stream, source):
            yield Unit(f"{source}:item {number}", "newsml-g2", item)
    elif fmt.read_path is not None:
        for report in fmt.read_all(io.BytesIO(read_limited(stream, source)), source):
            yield Unit(source, report=report)
    else:
        yield Unit(source, fmt.name, read_limited(stream, source))


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read: `head`, then the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head, self.stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            data, self.head = self.head[: len(buffer)], self.head[len(buffer) :]
        else:
            data = memoryview(self.stream.read(len(buffer)))
        buffer[: len(data)] = data
        return len(data)


def _lines_of(stream: BinaryIO, source: str) -> Iterator[Unit]:
    for number, line in limited_lines(stream, source):
        if line.strip():
            yield Unit(f"{source}:{number}", "jsonl", line)
