"""The bounds on what is read, so a hostile or broken input cannot exhaust memory or the stack,
and the same bounds for what is written, so every document a writer produces is read back.

- The document size (`NEWSREPORT_MAX_DOCUMENT_BYTES`, default 256 MiB) applies to every
  document read whole (a JSON, JSON-LD, HTML or NewsML-G2 file, one line of JSON Lines, one
  newsItem of a newsMessage, one CSV cell); streams of many documents (JSON Lines, a
  newsMessage given to `convert`, CSV packages) have no overall limit.
- XML is parsed with libxml2's fixed bounds lifted (they refused a text node over 10,000,000
  bytes, so a long body we had written) and ours instead: the document size, checked before
  parsing, and `MAX_XML_DEPTH` element levels. Entities, DTDs and the network stay off, and a
  DOCTYPE is refused.
- A zip entry, or a whole zip, larger than the document size may unzip to at most
  `MAX_ZIP_RATIO` times its compressed size; below that size any ratio is taken (a body of one
  letter repeated compresses a thousand times and is still data).
- A CSV package's `datapackage.json` may be at most `MAX_DESCRIPTOR_BYTES`, whatever the
  document size: ours is about 40 KB however many reports the package holds.
- Sub-events nest at most `MAX_EVENT_DEPTH` deep, and never in a cycle.

Writers keep to the same numbers: a NewsML-G2 newsItem over the document size (its body is in
it twice) is a `WriteError`, not a file its reader refuses. `convert` reads a newsMessage an
item at a time (`batch.units`), so one of any size is read back; `read_all` and `validate`
still read it whole, under the document size.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import BinaryIO

from newsreport.errors import ReadError

DEFAULT_MAX_DOCUMENT_BYTES = 256 * 1024 * 1024

MAX_EVENT_DEPTH = 100
"""How deep sub-events may nest (the covered event is depth 1). Formats that link events by
reference (JSON-LD `subEvent`, NewsML-G2 `related`) could otherwise describe a chain deep enough
to exhaust the stack, or a cycle; readers refuse both, the model refuses the depth, and so every
report a writer produces is one its reader takes back."""

MAX_XML_DEPTH = 256
"""How deep XML elements may nest (libxml2's own default bound, which we replace with ours so
that its others, such as 10,000,000 bytes of text in one node, do not refuse what we write).
Our NewsML-G2 items nest 8 deep; agencies' XHTML bodies a few more."""

MAX_DESCRIPTOR_BYTES = 16 * 1024 * 1024
"""How large a CSV package's descriptor may be (it is read whole, and ours is about 40 KB)."""

MAX_ZIP_RATIO = 200
"""How many times its compressed size a zip entry, or a whole zip, may unzip to once it is
larger than a document may be (a zip bomb otherwise). Real CSV text compresses a few times to a
few dozen times; a body of one repeated letter, however compressible, is within the limit."""


def nesting_problem(sub_events: Mapping[str, Sequence[str]], roots: Sequence[str]) -> tuple[list[str], str] | None:
    """The first chain of sub-events (ids, outermost first) that loops back on itself or nests
    deeper than `MAX_EVENT_DEPTH`, with what is wrong; None if there is none.

    `sub_events` gives each event's sub-events, `roots` the events that are no one's. Depth is
    counted from the roots; events no root reaches lie on or under a loop, which is found from
    them. The walk keeps its own stack, so no input can exhaust Python's.
    """
    done: set[str] = set()
    is_root = set(roots)
    for start in (*roots, *sub_events):
        if start in done:
            continue
        chain, on_chain, pending = [start], {start}, [iter(sub_events.get(start, ()))]
        while pending:
            sub = next(pending[-1], None)
            if sub is None:
                on_chain.discard(chain[-1])
                done.add(chain.pop())
                pending.pop()
            elif sub in on_chain:
                loop = [*chain[chain.index(sub) :], sub]
                return [*chain, sub], f"a sub-event cycle: {' > '.join(loop)}"
            elif sub not in done:
                chain.append(sub)
                on_chain.add(sub)
                if len(chain) > MAX_EVENT_DEPTH and start in is_root:
                    return chain, f"sub-events nest deeper than {MAX_EVENT_DEPTH} (MAX_EVENT_DEPTH)"
                pending.append(iter(sub_events.get(sub, ())))
    return None


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
