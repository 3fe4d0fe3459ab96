"""Sentences of a paragraph, quote-aware.

A sentence ends at `.`, `!` or `?` (with any closing marks after it) followed by space and a
capital, a digit or an opening mark, unless the stop belongs to an abbreviation (`Mr.`, `Sept.`,
an initial `J.`, `U.S.` before a capitalised word). A stop inside a quotation does not end the
sentence around it: `"We won. They lost," he said.` is one sentence, so a quotation stays with
its attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from newsreport.extraction.found import Stretch
from newsreport.extraction.lexicon import read_lexicon
from newsreport.extraction.quotes import Quote

_ABBREVIATIONS = frozenset(row["abbreviation"] for row in read_lexicon("abbreviations.tsv"))
_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=[^\S\n]+[\"“‘'«(\[]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\w+(?:\.\w+)*)\.$")
_KEPT_PARAGRAPHS = 512


def find_sentences(text: str, start: int, end: int, quotes: tuple[Quote, ...] = ()) -> tuple[Stretch, ...]:
    """The sentences of `text[start:end]`, without surrounding space, in order."""
    return _split(text, start, end, quotes) if quotes else _plain(text, start, end)


@lru_cache(maxsize=_KEPT_PARAGRAPHS)
def _plain(text: str, start: int, end: int) -> tuple[Stretch, ...]:
    """The sentences of a paragraph with no quotation, kept for the last few hundred paragraphs:
    attributions, events and happenings each split the same paragraphs of one text (a text hashes
    once, its hash kept on the string)."""
    return _split(text, start, end, ())


def _split(text: str, start: int, end: int, quotes: tuple[Quote, ...]) -> tuple[Stretch, ...]:
    openings = [quote.opening for quote in quotes]
    sentences: list[Stretch] = []
    position = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        if _inside_quote(match, quotes, openings) or _abbreviation(text, position, match):
            continue
        sentences.append((position, stop))
        position = stop
        while position < end and text[position].isspace():
            position += 1
    if position < end:
        sentences.append((position, end))
    return tuple(sentences)


def _inside_quote(match: re.Match[str], quotes: tuple[Quote, ...], openings: list[int]) -> bool:
    """A stop inside a quotation and not at its end (`"We won. They lost"`)."""
    index = bisect_right(openings, match.start()) - 1
    return index >= 0 and match.end() < quotes[index].closing


def _abbreviation(text: str, start: int, match: re.Match[str]) -> bool:
    if text[match.start()] != "." or match.end() - match.start() > 1:
        return False
    word = _WORD_BEFORE.search(text, max(start, match.start() - 20), match.start() + 1)
    if word is None:
        return False
    return is_abbreviation(word.group(1))


def is_abbreviation(letters: str) -> bool:
    """Whether `letters` followed by a full stop is an abbreviation (`Sen`, `Sept`, `J`, `U.S`)."""
    return letters in _ABBREVIATIONS or (len(letters) == 1 and letters.isupper()) or "." in letters
