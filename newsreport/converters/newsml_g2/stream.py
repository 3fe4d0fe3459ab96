"""Reading a newsMessage a piece at a time: each newsItem as a document of its own, so a message
of any size is read with the memory of one item (the batch engine hands the items to its workers)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from newsreport.converters.newsml_g2.xml import (
    NAR,
    check_no_doctype,
    check_prolog,
    local,
    nested_too_deep,
    pull_parser,
    syntax_error,
)
from newsreport.errors import ReadError, ReadWarning
from newsreport.limits import MAX_XML_DEPTH, check_size, max_document_bytes


def message_items(stream: BinaryIO, source: str) -> Iterator[tuple[int, bytes]]:
    """Each newsItem of the newsMessage in `stream`, numbered from 1, as a document of its own."""
    return _Items(source).items(stream)


READ_BYTES = 64 * 1024
"""How much of a newsMessage is read at a time."""
_NEWS_ITEM = f"{{{NAR}}}newsItem"


class _Items:
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

    def items(self, stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
        while chunk := stream.read(READ_BYTES):
            if not self.read:
                check_prolog(chunk, self.source)
            self.read += len(chunk)
            yield from self._parsed(chunk)
            self._check_stretch()
        yield from self._parsed(b"")
        if self.skipped:
            message = f"{self.source}: skipped items that are not newsItems: {', '.join(self.skipped)}"
            warnings.warn(message, ReadWarning, stacklevel=2)

    def _parsed(self, chunk: bytes) -> Iterator[tuple[int, bytes]]:
        """The items that `chunk` completes; an empty chunk ends the input."""
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

    def _ended(self, element: etree._Element) -> Iterator[tuple[int, bytes]]:
        self.depth -= 1
        if element is self.item:
            self.item = None
            # The item, then any newsItem nested in it, in document order (as `root.iter()` gives them).
            for item in element.iter(_NEWS_ITEM):
                self.count += 1
                document = etree.tostring(item, encoding="UTF-8", with_tail=False)
                check_size(len(document), self.source, f"item {self.count}")
                yield self.count, document
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
        if self.read - self.since <= self.limit + READ_BYTES:
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
