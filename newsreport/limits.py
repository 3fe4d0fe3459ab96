"""How large one input document may be, so a hostile or broken input cannot exhaust memory.

The limit applies to every document read whole (a JSON, JSON-LD, HTML or NewsML-G2 file, one
line of JSON Lines, one CSV cell); streams of many documents (JSON Lines, CSV packages) have no
overall limit. Set `NEWSREPORT_MAX_DOCUMENT_BYTES` to change it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from newsreport.errors import ReadError

DEFAULT_MAX_DOCUMENT_BYTES = 256 * 1024 * 1024

MAX_EVENT_DEPTH = 100
"""How deep sub-events may nest (the covered event is depth 1). Formats that link events by
reference (JSON-LD `subEvent`, NewsML-G2 `related`) could otherwise describe a chain deep enough
to exhaust the stack, or a cycle; readers refuse both, the model refuses the depth, and so every
report a writer produces is one its reader takes back."""


def max_document_bytes() -> int:
    """The limit in force: `NEWSREPORT_MAX_DOCUMENT_BYTES`, else 256 MiB."""
    return int(os.environ.get("NEWSREPORT_MAX_DOCUMENT_BYTES", DEFAULT_MAX_DOCUMENT_BYTES))


def check_size(size: int, source: str, location: str = "") -> None:
    """Refuse a document of `size` bytes if it is over the limit."""
    limit = max_document_bytes()
    if size > limit:
        message = f"{size:,} bytes is over the limit of {limit:,} (NEWSREPORT_MAX_DOCUMENT_BYTES)"
        raise ReadError(message, source=source, location=location)


def read_limited(stream: BinaryIO, source: str) -> bytes:
    """All of `stream`, or a `ReadError` as soon as it passes the limit (never more is read)."""
    limit = max_document_bytes()
    data = stream.read(limit + 1)
    check_size(len(data), source)
    return data


def limited_lines(stream: BinaryIO, source: str) -> Iterator[tuple[int, bytes]]:
    """Each line of a stream with its number, one at a time; a line over the limit is refused
    before more of it is read (a file with no line break is no way to exhaust memory)."""
    limit = max_document_bytes()
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        check_size(len(line), source, f"line {number}")
        yield number, line
