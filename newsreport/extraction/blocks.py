"""Paragraphs and subheadings of a plain text.

Paragraphs are separated by blank lines, and by a single line break after a sentence's end or
a line signed with a bar and a name (texts that mix both); a text with no blank line at all but
several lines (some agency feeds, copied pages) has one paragraph per line. A block's span
leaves out the white space around it (spaces, tabs, NBSP, `\\r`), so `text[start:end]` is the printed words.
A subheading is a short one-line block that does not end like a sentence.
"""

from __future__ import annotations

import re

from newsreport.extraction.found import FoundBlock

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_PARAGRAPH_LINE_BREAK = re.compile(r"(?<=[.!?:\"”’)])[^\S\n]*\n\s*(?=[A-Z0-9\"“‘'(\[])")
"""A single line break inside blank-line paragraphs that still ends one: after a sentence's end,
before a capital or an opening mark (hard-wrapped lines break mid-sentence)."""
_SIGNED_LINE = re.compile(r"\u2015[^\n]{1,60}?([^\S\n]*\n\s*)(?=[\"“‘'A-Z])")
"""A line signed with a bar and a name (`"..." ― Pamela Padilla`, HuffPost's readers' quotes) ends
its paragraph, however the name ends."""
_EDGE_SPACE = " \t\r\n\u00a0\u2007\u202f\ufeff"
_SENTENCE_END = frozenset(".!?:;,…\"'”’»)]")
_SUBHEADING_MAX_CHARS = 100
_SUBHEADING_MAX_WORDS = 14


def find_blocks(text: str) -> tuple[FoundBlock, ...]:
    """The paragraphs and subheadings of `text`, in order."""
    blank = _BLANK_LINE.search(text) is not None
    separator = _BLANK_LINE if blank else _LINE_BREAK
    blocks: list[FoundBlock] = []
    position = 0
    for match in separator.finditer(text):
        _add_lines(text, position, match.start(), blocks, blank)
        position = match.end()
    _add_lines(text, position, len(text), blocks, blank)
    if len(blocks) == 1 and blocks[0].kind == "subheading":
        blocks[0] = FoundBlock("paragraph", blocks[0].start, blocks[0].end)
    return tuple(blocks)


def _add_lines(text: str, start: int, end: int, blocks: list[FoundBlock], blank: bool) -> None:
    """Add the paragraph `text[start:end]`, split at line breaks that end a paragraph too."""
    if blank:
        breaks = [match.span() for match in _PARAGRAPH_LINE_BREAK.finditer(text, start, end)]
        if "\u2015" in text[start:end]:
            breaks = sorted({*breaks, *(match.span(1) for match in _SIGNED_LINE.finditer(text, start, end))})
        for break_start, break_end in breaks:
            _add(text, start, break_start, blocks)
            start = break_end
    _add(text, start, end, blocks)


def _add(text: str, start: int, end: int, blocks: list[FoundBlock]) -> None:
    while start < end and text[start] in _EDGE_SPACE:
        start += 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    if start < end:
        blocks.append(FoundBlock("subheading" if _is_subheading(text[start:end]) else "paragraph", start, end))


def _is_subheading(words: str) -> bool:
    """Short, on one line, opening with a capital or digit, with no sentence stop at its end."""
    return (
        len(words) <= _SUBHEADING_MAX_CHARS
        and "\n" not in words
        and words[-1] not in _SENTENCE_END
        and (words[0].isupper() or words[0].isdigit())
        and len(words.split()) <= _SUBHEADING_MAX_WORDS
    )
