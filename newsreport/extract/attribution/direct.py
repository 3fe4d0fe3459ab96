"""Direct quotes: each quotation with the cue and source that attribute it.

The attribution is looked for in the quotation's sentence, after it first when the quotation
ends with a comma or a question (`"A," said X`, `"A?" he asked`), else before it (`X said: "A"`,
`X told reporters, "A"`), then in the other direction. Other forms: huff-post's `"A" ― Name`, a
colon after a name with no verb (`Trump on Twitter: "A"`), and a short sentence of its own right
after the quotation (`"A." Trump said.`). A quotation with none of these shares the attribution
of the quotation next to it in its paragraph (a split quote `"A," said X. "B."`: same cue and
source), or, opening its paragraph, follows the previous quote's speaker (a floating quote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreport.extract.attribution.sources import source_after, source_before, source_opening
from newsreport.extract.cues import Cue
from newsreport.extract.found import Stretch
from newsreport.extract.quotes import Quote

_MAX_GAP_WORDS = 10
_MAX_BEFORE_GAP_WORDS = 6
_SENTENCE_STOP = re.compile(r"[.!?;]")
_THAT = re.compile(r"\bthat\b")
_DASH_NAME = re.compile(r"\s*([―—]|--)\s*(?=[A-Z])")
_COLON = re.compile(r"\s*:\s*$")
_SHORT_SENTENCE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Said:
    """How one quotation is attributed: its cue and source, or whom it follows."""

    cue: Stretch | None
    source: Stretch | None
    cue_index: int | None = None
    """The index of the cue among the paragraph's cues, so indirect statements skip it."""


@dataclass(frozen=True, slots=True)
class Context:
    """One quotation with the sentence around it and the paragraph's cues outside quotations."""

    quote: Quote
    sentence: Stretch
    next_sentence: Stretch | None
    floor: int
    """Where the words that may attribute it start: its sentence's start or the end of the quotation
    before it in the sentence."""
    cues: tuple[Cue, ...]


def attribute(text: str, context: Context) -> Said | None:
    """The cue and source of `context.quote` found in its sentence, if any."""
    quote = context.quote
    trailing = text[max(quote.start, quote.end - 1) : quote.closing]
    after_first = "," in trailing or "?" in trailing or "!" in trailing
    for look in (_after, _before) if after_first else (_before, _after):
        said = look(text, context)
        if said is not None:
            return said
    return _short_sentence(text, context)


def _after(text: str, context: Context) -> Said | None:
    quote, (_, end) = context.quote, context.sentence
    dash = _DASH_NAME.match(text, quote.closing, end)
    if dash is not None:
        source = source_after(text, dash.end(), end)
        if source is not None:
            return Said(dash.span(1), source)
    for index, cue in enumerate(context.cues):
        if cue.start < quote.closing or cue.start >= end:
            continue
        gap = text[quote.closing : cue.start]
        if len(gap.split()) > _MAX_GAP_WORDS or any(mark in gap for mark in '“"«„'):
            return None
        if not gap.strip(" ,\u00a0\n"):
            source = source_after(text, cue.end, end)
            return Said((cue.start, cue.end), source, index)
        return Said((cue.start, cue.end), source_before(text, quote.closing, cue.start), index)
    return None


def _before(text: str, context: Context) -> Said | None:
    quote, head_start = context.quote, context.floor
    for index in range(len(context.cues) - 1, -1, -1):
        cue = context.cues[index]
        if cue.end > quote.opening:
            continue
        if cue.start < head_start:
            break
        gap = text[cue.end : quote.opening]
        if (
            len(gap.split()) > _MAX_BEFORE_GAP_WORDS
            or _SENTENCE_STOP.search(gap)
            or cue.kind == "evidence"
            or _THAT.search(gap)
            or (text[quote.start].islower() and gap.strip(" ,:\u00a0"))
        ):
            break  # `described X as "very deep"`, `said that "..."`: a partial quote in an indirect statement
        source = source_before(text, head_start, cue.start)
        if source is None:
            source = source_after(text, cue.end, quote.opening)
        return Said((cue.start, cue.end), source, index)
    colon = _COLON.search(text, head_start, quote.opening)
    if colon is not None and colon.start() > head_start:
        source = source_opening(text, head_start, colon.start())
        if source is not None:
            cue_start = text.index(":", colon.start())
            return Said((cue_start, cue_start + 1), source)
    return None


def _short_sentence(text: str, context: Context) -> Said | None:
    """`"We will win." Trump said.`: a short sentence right after, of a source and a cue only."""
    following = context.next_sentence
    if following is None or following[0] - context.quote.closing > 2:
        return None
    start, end = following
    if len(text[start:end].split()) > _SHORT_SENTENCE_WORDS:
        return None
    for index, cue in enumerate(context.cues):
        if start <= cue.start < end and cue.kind in {"speech", "quote"}:
            source = source_before(text, start, cue.start) or source_after(text, cue.end, end)
            if source is not None:
                return Said((cue.start, cue.end), source, index)
    return None
