"""Indirect statements: a cue with the clause or object it reports, outside quotation marks.

Forward, `SOURCE CUE (that) CONTENT.`: the content runs from after the cue (and a `that`) to the
sentence's end, or to the next cue's clause (`..., stressing ...`, `... and emphasized ...`).
Backward, `CONTENT, SOURCE CUE.` / `CONTENT, CUE SOURCE.`: the cue ends its sentence and the content
is the sentence before the comma. `according to X, CONTENT` and `CONTENT, according to X` are the
nominal forms. A participle after a comma (`, stressing ...`, `, adding that ...`) has no source
of its own: it follows the statement before it. A sentence opening with a short name and a colon
(`Sanders: Clinton Email Story Has Moved.`, `A: Well, ...`) reports what follows the colon.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsreport.extraction.attribution.sources import clause_subject, source_after, source_before
from newsreport.extraction.cues import Cue
from newsreport.extraction.found import Stretch

_THAT = re.compile(r"\bthat\s+")
_THAT_WINDOW_WORDS = 7
_PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|to|not)\s+$")
_CONTENT_EDGE = " \t\n\u00a0,;:.—–-"
_STOP_MARKS = frozenset(".!?…\"”’'»)")
_BEFORE_NEXT_CUE = re.compile(r"(?:,|\band|\bbut|;|—|–)[^,;]{0,60}$")
_MIN_WORDS = 2
_NAME_COLON = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*):\s+")
_OPENING_MARKS = frozenset("“\"‘'«„")
_COLON_CUE = Cue(0, 0, ":", "punctuation")
_COORDINATED = re.compile(r"\band\s+(?:also\s+|then\s+)?$")


class Reported(NamedTuple):
    """One indirect statement found in a sentence."""

    content: Stretch
    cue: Stretch
    source: Stretch | None
    follows_previous: bool
    """No source of its own: it shares the speaker of the statement before it (a participle)."""


def find_indirect(text: str, sentence: Stretch, cues: tuple[Cue, ...], used: frozenset[int]) -> list[Reported]:
    """The indirect statements of one sentence, given its cues (indices in `used` attribute quotes)."""
    start, end = sentence
    end = _before_stops(text, start, end)
    found: list[Reported] = []
    mine = [(index, cue) for index, cue in enumerate(cues) if start <= cue.start < end]
    for position, (index, cue) in enumerate(mine):
        if index in used or cue.kind in {"quote", "punctuation"}:
            continue
        if cue.lemma != "according to" and _PASSIVE.search(text, max(start, cue.start - 8), cue.start):
            continue
        limit = mine[position + 1][1].start if position + 1 < len(mine) else end
        reported = (
            _according(text, start, end, cue)
            if cue.lemma == "according to"
            else _forward(text, start, end, limit, cue, previous=bool(found)) or _backward(text, start, end, cue)
        )
        if reported is not None:
            found.append(reported)
    return found


def colon_statement(text: str, sentence: Stretch) -> Reported | None:
    """`Sanders: Clinton Email Story Has Moved.`, `A: Well, I think...`: a sentence opening with a
    short name and a colon (headlines, interview transcripts) reports what follows the colon."""
    start, end = sentence
    name = _NAME_COLON.match(text, start, end)
    if name is None or text[name.end() : name.end() + 1] in _OPENING_MARKS:
        return None
    reported = _reported(text, name.end(), _before_stops(text, name.end(), end), _COLON_CUE, name.span(1))
    if reported is None:
        return None
    colon = name.end(1)
    return Reported(reported.content, (colon, colon + 1), reported.source, follows_previous=False)


def may_open_with_colon(text: str, start: int, end: int) -> bool:
    """Whether a sentence of `text[start:end]` starting at `start` may be a `colon_statement`: the
    name and colon cannot match in the first sentence when they match nowhere in the whole."""
    return _NAME_COLON.match(text, start, end) is not None


def _before_stops(text: str, start: int, end: int) -> int:
    """Where the stops, closing marks and spaces that end `text[start:end]` begin (`end` if none).
    Read backwards: a regex anchored at the end would be tried at every position of the sentence."""
    while end > start and (text[end - 1] in _STOP_MARKS or text[end - 1].isspace()):
        end -= 1
    return end


def _according(text: str, start: int, end: int, cue: Cue) -> Reported | None:
    comma = text.find(",", cue.end, end)
    before = text[start : cue.start]
    if len(before.split()) <= 1 and comma > 0:
        source = _trimmed(text, cue.end, comma)
        return _reported(text, comma + 1, end, cue, source)
    stop = comma if comma > 0 else end
    return _reported(text, start, cue.start, cue, _trimmed(text, cue.end, stop))


def _forward(text: str, start: int, end: int, limit: int, cue: Cue, *, previous: bool) -> Reported | None:
    participle = text[cue.start - 2 : cue.start] == ", " and text[cue.start : cue.end].endswith("ing")
    coordinated = _COORDINATED.search(text, max(start, cue.start - 12), cue.start) is not None
    source = None if participle else source_before(text, start, cue.start)
    if source is None and coordinated:
        if previous:
            participle = True
        else:
            source = clause_subject(text, start, cue.start)
    if source is None and not participle:
        source = clause_subject(text, start, cue.start)
        if source is None:
            return None
    content_start = cue.end
    that = _THAT.search(text, cue.end, limit)
    if that is not None and len(text[cue.end : that.start()].split()) <= _THAT_WINDOW_WORDS:
        content_start = that.end()

    content_end = end
    if limit < end:
        cut = _BEFORE_NEXT_CUE.search(text, content_start, limit)
        if cut is not None:
            content_end = cut.start()
    reported = _reported(text, content_start, content_end, cue, source)
    if reported is not None and participle:
        return Reported(reported.content, reported.cue, None, follows_previous=True)
    return reported


def _backward(text: str, start: int, end: int, cue: Cue) -> Reported | None:
    """`CONTENT, SOURCE said.` or `CONTENT, said SOURCE.`: the cue closes its sentence."""
    tail = text[cue.end : end]
    if len(tail.split()) > 6:
        return None
    comma = text.rfind(",", start, cue.start)
    if comma < 0:
        return None
    between = text[comma + 1 : cue.start]
    source = source_after(text, cue.end, end) if not between.strip() else source_before(text, comma + 1, cue.start)
    if source is None or len(between.split()) > 8:
        return None
    return _reported(text, start, comma, cue, source)


def _reported(text: str, start: int, end: int, cue: Cue, source: Stretch | None) -> Reported | None:
    while start < end and text[start] in _CONTENT_EDGE:
        start += 1
    while end > start and text[end - 1] in _CONTENT_EDGE:
        end -= 1
    if len(text[start:end].split()) < _MIN_WORDS:
        return None
    return Reported((start, end), (cue.start, cue.end), source, follows_previous=False)


def _trimmed(text: str, start: int, end: int) -> Stretch | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " ,.":
        end -= 1
    return (start, end) if start < end else None
