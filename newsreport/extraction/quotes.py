"""Quotations: pairing the quote marks of a text.

A mark opens or closes by the characters around it (an opening mark has space or an opening
bracket before it and a word after it), else by its usual side (`“` opens, `”` closes, `"`
toggles). Marks pair within their family (double or single), so `“A ‘b’ c”` is one quotation
with a nested one inside, and a single mark between two letters (`Clinton’s`) is an apostrophe.
A quotation still open at the end of its paragraph goes on when the next paragraph opens with a
mark of its family (a quote over several paragraphs, each opening with a mark and only the last
closing); otherwise it ends with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from newsreport.extraction.found import FoundBlock
from newsreport.extraction.lexicon import read_lexicon

_MARKS = {row["mark"]: (row["family"], row["role"]) for row in read_lexicon("quote_marks.tsv")}
# Three apostrophes end a single quote nested in NYT's two-apostrophe quote: the single mark first.
_MARK = re.compile("'(?='')|" + "|".join(re.escape(mark) for mark in sorted(_MARKS, key=len, reverse=True)))
_BEFORE_OPENING = frozenset("([{/—–-―")
_AFTER_CLOSING = frozenset(".,;:!?)]}/—–-―…")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff")
"""Format characters (direction marks, zero-width spaces) that stand before a mark as a space would."""
_CONTENT_EDGE = " \t\r\n\u00a0,"


class Quote(NamedTuple):
    """A top-level quotation: its words (inside the marks, without a trailing comma) and its marks."""

    start: int
    end: int
    opening: int
    """Where its opening mark starts."""
    closing: int
    """Where its closing mark ends (the end of its last paragraph when it is never closed)."""
    closed: bool
    paragraphs: int
    """How many paragraphs it runs over."""


@dataclass(slots=True)
class _Open:
    family: str
    opening: int
    content: int
    paragraphs: int = 1


class _Mark(NamedTuple):
    start: int
    end: int
    family: str
    role: str


def find_quotes(text: str, blocks: tuple[FoundBlock, ...]) -> tuple[Quote, ...]:
    """The top-level quotations of `text`, in order (nested ones are part of their quotation)."""
    quotes: list[Quote] = []
    carried: _Open | None = None
    for index, block in enumerate(blocks):
        marks = _marks(text, block)
        if carried is not None and not (marks and marks[0].start == block.start and marks[0].role != "close"):
            quotes.append(_quote(text, carried, blocks[index - 1].end, closed=False))
            carried = None
        elif carried is not None:
            carried.paragraphs += 1
            marks = marks[1:]
        carried = _pair(text, marks, carried, quotes)
        if carried is not None:
            nxt = blocks[index + 1] if index + 1 < len(blocks) else None
            if nxt is None or nxt.kind != "paragraph":
                quotes.append(_quote(text, carried, block.end, closed=False))
                carried = None
    return tuple(quote for quote in quotes if quote.start < quote.end)  # `""` quotes nothing


def _marks(text: str, block: FoundBlock) -> list[_Mark]:
    """The quote marks of one block with the side each stands on (`open`, `close`, `either`)."""
    marks = []
    for match in _MARK.finditer(text, block.start, block.end):
        start, end = match.span()
        family, role = _MARKS[match.group()]
        before = text[start - 1] if start > block.start else " "
        after = text[end] if end < block.end else " "
        before = " " if before in _INVISIBLE else before
        if family == "single" and before.isalnum() and after.isalnum():
            continue  # an apostrophe
        opens = not after.isspace() and (before.isspace() or before in _BEFORE_OPENING or before in _MARKS)
        closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING or after in _MARKS)
        if opens != closes:
            role = "open" if opens else "close"
        elif not opens and before.isspace() and after.isspace():
            role = "either"  # `He says, ” there are...`: a stray mark between spaces opens when none is open
        marks.append(_Mark(start, end, family, role))
    return marks


def _pair(text: str, marks: list[_Mark], carried: _Open | None, quotes: list[Quote]) -> _Open | None:
    """Pair one paragraph's marks; returns the top-level quotation left open at its end, if any."""
    stack: list[_Open] = [carried] if carried is not None else []
    for position, mark in enumerate(marks):
        same = next((depth for depth in range(len(stack) - 1, -1, -1) if stack[depth].family == mark.family), None)
        if same is not None and mark.role != "open":
            if same == 0:
                quotes.append(_quote(text, stack[0], mark.start, closed=True, closing=mark.end))
            del stack[same:]
        elif same == 0 and mark.role == "open" and len(stack) == 1 and not _nested(marks, position):
            # An opening mark while the quotation is still open: the first was never closed.
            quotes.append(_quote(text, stack[0], mark.start, closed=False))
            stack = [_Open(mark.family, mark.start, mark.end)]
        elif mark.role == "open" or (mark.role == "either" and (stack or mark.family == "double")):
            stack.append(_Open(mark.family, mark.start, mark.end))
    return stack[0] if stack and stack[0].family == "double" else None


def _nested(marks: list[_Mark], position: int) -> bool:
    """Whether the opening mark at `position`, typed while a quotation of its family is open, nests
    in it: the next two marks of the paragraph close (`"... what he calls "hell" than ..."`)."""
    following = marks[position + 1 : position + 3]
    return len(following) == 2 and all(
        mark.family == marks[position].family and mark.role == "close" for mark in following
    )


def _quote(text: str, open_: _Open, end: int, *, closed: bool, closing: int | None = None) -> Quote:
    start = open_.content
    stop = end
    while start < stop and text[start] in _CONTENT_EDGE:
        start += 1
    while stop > start and text[stop - 1] in _CONTENT_EDGE:
        stop -= 1
    return Quote(start, stop, open_.opening, end if closing is None else closing, closed, open_.paragraphs)
