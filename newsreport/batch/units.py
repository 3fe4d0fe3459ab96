"""Splitting inputs into units, one report each: files, folders (recursively), JSON Lines lines
and newsMessage items (both read a piece at a time), CSV packages. This runs in the main process, so it does as
little as it can: reading and validating happen in the workers."""

from __future__ import annotations

import io
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from newsreport.converters import Format, format_for_path, get_format, sniff
from newsreport.converters.newsml_g2.xml import (
    NAR,
    check_no_doctype,
    check_prolog,
    local,
    nested_too_deep,
    pull_parser,
    syntax_error,
)
from newsreport.errors import NewsReportError, ReadError, ReadWarning
from newsreport.limits import MAX_XML_DEPTH, check_size, limited_lines, max_document_bytes, read_limited
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
    is a CSV package (it has a `datapackage.json`: its tables are read as one package), then
    files of a format we read (a `.zip` is a package too) and sub-folders. Nothing that could be
    a report is passed over; links to folders are not followed, so a loop of them cannot make
    the walk endless."""
    if _is_package(folder):
        yield folder
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from folder_members(path)
        elif entry.is_file() and _readable_name(path):
            yield path


def _is_package(folder: Path) -> bool:
    return (folder / "datapackage.json").is_file()


def _readable_name(path: Path) -> bool:
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
            yield from _units_of_stream(fmt, stream.read(_MESSAGE_HEAD_BYTES), stream, str(path))


def _units_of_stdin(stream: BinaryIO, from_: str | None) -> Iterator[Unit]:
    """Standard input; with no `--from`, the format is guessed from the first MiB."""
    head = stream.read(_SNIFF_BYTES)
    fmt = get_format(from_) if from_ else sniff(head)
    yield from _units_of_stream(fmt, head, stream, "<stdin>")


_SNIFF_BYTES = 1024 * 1024
_MESSAGE_HEAD_BYTES = 4096
_MESSAGE = re.compile(rb"<(\w+:)?newsMessage\b")
"""A newsMessage's root element, looked for in the first `_MESSAGE_HEAD_BYTES` of a NewsML-G2 input."""


def _units_of_stream(fmt: Format, head: bytes, rest: BinaryIO, source: str) -> Iterator[Unit]:
    """The units of an input whose first bytes, `head`, were read already (to guess its format or
    to see a newsMessage), then `rest`: JSON Lines a line at a time, a newsMessage an item at a
    time, anything else read whole."""
    stream = io.BufferedReader(_Prefixed(head, rest), _READ_BYTES)
    if fmt.name == "jsonl":
        yield from _lines_of(stream, source)
    elif fmt.name == "newsml-g2" and _MESSAGE.search(head[:_MESSAGE_HEAD_BYTES]):
        yield from _MessageItems(source).units(stream)
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


_READ_BYTES = 64 * 1024
"""How much of an input is read at a time when it is not read whole."""
_NEWS_ITEM = f"{{{NAR}}}newsItem"


class _MessageItems:
    """Each newsItem of a newsMessage as a document of its own (namespaces kept), read a piece at
    a time, so memory holds one item however large the message.

    Each item is within the document size limit: an item is refused as soon as more than the
    limit of it has been read, and the document it becomes is checked exactly. Whatever lies
    outside the newsItems (the header, other kinds of item, which are skipped) is dropped as each
    element of it ends, and no stretch of it without an element ending may pass the limit either.
    The XML is as safe as `parse` makes a document read whole: the same parser settings, no
    DOCTYPE, at most `MAX_XML_DEPTH` levels.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.limit = max_document_bytes()
        self.parser = pull_parser()
        self.depth = 0
        self.item: etree._Element | None = None  # the outermost newsItem being read
        self.count = 0  # the items yielded so far
        self.read = 0  # the bytes fed to the parser
        self.since = 0  # the bytes fed when the stretch being read began (an item, or what lies between)
        self.skipped: list[str] = []  # the other kinds of item (packageItem, conceptItem...), by name

    def units(self, stream: BinaryIO) -> Iterator[Unit]:
        while chunk := stream.read(_READ_BYTES):
            if not self.read:
                check_prolog(chunk, self.source)
            self.read += len(chunk)
            yield from self._parsed(chunk)
            self._check_stretch()
        yield from self._parsed(b"")
        if self.skipped:
            message = f"{self.source}: skipped items that are not newsItems: {', '.join(self.skipped)}"
            warnings.warn(message, ReadWarning, stacklevel=2)

    def _parsed(self, chunk: bytes) -> Iterator[Unit]:
        """The units that `chunk` completes; an empty chunk ends the input."""
        try:
            if chunk:
                self.parser.feed(chunk)
            else:
                self.parser.close()
        except etree.XMLSyntaxError as exc:
            raise syntax_error(exc, self.source) from None
        for event, element in self.parser.read_events():
            if event == "start":
                self._started(element)
            else:
                yield from self._ended(element)

    def _started(self, element: etree._Element) -> None:
        self.depth += 1
        if self.depth == 1:
            check_no_doctype(element, self.source)
        if self.depth > MAX_XML_DEPTH:
            raise nested_too_deep(element, self.source)
        if self.item is None and element.tag == _NEWS_ITEM:
            self.item, self.since = element, self.read

    def _ended(self, element: etree._Element) -> Iterator[Unit]:
        self.depth -= 1
        if element is self.item:
            self.item = None
            # The item, then any newsItem nested in it, in document order (as `root.iter()` gives them).
            for item in element.iter(_NEWS_ITEM):
                self.count += 1
                document = etree.tostring(item, encoding="UTF-8", with_tail=False)
                check_size(len(document), self.source, f"item {self.count}")
                yield Unit(f"{self.source}:item {self.count}", "newsml-g2", document)
        if self.item is None:
            parent = element.getparent()
            if parent is not None and local(parent) == "itemset" and element.tag != _NEWS_ITEM:
                self.skipped.append(etree.QName(element).localname)
            self.since = self.read
            _drop(element)

    def _check_stretch(self) -> None:
        """Refuse an item, or a stretch between items, of which more than the limit has been read.
        Where an element starts or ends is known only to the chunk it was read in, so one chunk
        more is allowed: what is refused here is certainly over the limit."""
        if self.read - self.since <= self.limit + _READ_BYTES:
            return
        if self.item is not None:
            where, what = f"item {self.count + 1}", ""
        else:
            where, what = f"after item {self.count}" if self.count else "before item 1", " with no element ending"
        message = f"over the limit of {self.limit:,} bytes{what} (NEWSREPORT_MAX_DOCUMENT_BYTES)"
        raise ReadError(message, source=self.source, location=where, format="newsml-g2")


def _drop(element: etree._Element) -> None:
    """Free an element read to its end, and everything before it in its parent."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
