"""Direct quotes: each quotation with the cue and source that attribute it.

The attribution is looked for in the quotation's sentence, after it first when the quotation
ends with a comma or a question (`"A," said X`, `"A?" he asked`), else before it (`X said: "A"`,
`X told reporters, "A"`), then in the other direction. Other forms: huff-post's `"A" ― Name`, a
colon after a name with no verb (`Trump on Twitter: "A"`), an -ed verb the lexicon lacks after a
comma quote (`"A," Trump shot back`), a sentence of source and cue right before the quotation
(`Dianne Bystrom agreed. "A."`) and one right after it (`"A." Trump said.`, or a question's next
sentence opening with source and cue). A participle cue (`, saying "A"`) takes its clause's
subject; attitude and evidence cues never attribute a quotation. `"A," X said, according to Y`
is Y's, as PolNeAR annotates the outer source the reader is given; a dash after a name introduces
a quote as a colon does (`Mitt Romney -- ''A'' --`); a cue in a relative or subordinate clause right
after the quote (`Cruz, who has proposed ..., said`; `"A," when Clinton blasted him`) is no
attribution of it. Sharing between the quotations
of a paragraph is `paragraph`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from newsreport.extraction.attribution.sources import (
    clause_subject,
    infinitive_subject,
    name_before,
    participle_subject,
    source_after,
    source_before,
    source_opening,
)
from newsreport.extraction.cues import Cue
from newsreport.extraction.found import Stretch
from newsreport.extraction.quotes import Quote

_MAX_GAP_WORDS = 10
_MAX_APPOSITIVE_WORDS = 30
_NAME_THEN_COMMA = re.compile(r"[\s,]*((?:[a-z][\w’'.-]*\s+){0,3}(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*),")
_MAX_BEFORE_GAP_WORDS = 6
_RELATIVE_GAP = re.compile(r"\w,\s+(?:who|which)(?:\s+(?:has|have|had|is|was|also|once|once\s+)){0,2}\s*$")
_SENTENCE_STOP = re.compile(r"[.!?;]")
_THAT = re.compile(r"\bthat\b")
_PARTICIPLE = re.compile(r"(?:, | and )\w+ing\b")
_UNKNOWN_VERB = re.compile(
    r"[\s,]*(?:(?P<source>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|(?:(?:the|an?)\s+(?:[a-z]+\s+)?)?(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)"
    r"\s+(?P<cue>[a-z]+ed)|(?P<verb>[a-z]+ed)\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*))\b(?=[\s.,])"
)
_PHRASE_THEN_COMMA = re.compile(r"[\s,]*((?:a|an|the|one|another)\s+(?:[\w’'.-]+\s+){0,4}[\w’'.-]+),")
"""`"A," a White House official, who spoke on condition of anonymity, said`: a noun phrase first."""
_DASH_NAME = re.compile(r"\s*([―—]|--)\s*(?=[A-Z])")
_COLON = re.compile(r"\s*:\s*$")
_SUBORDINATE_GAP = re.compile(r"[\s,\u00a0]*(?:when|after|before|while|because|if|since|until)\s")
_AND_BEFORE = re.compile(r"\wed and $")
_DASH_BEFORE = re.compile(r"(?<=\w)\s+(--|—)\s*$")
_CLOSING_MARKS = "’'\"”»\u203a \u00a0"
_SHORT_SENTENCE_WORDS = 5
_SHORT_QUESTION_WORDS = 10
_SOURCE_SENTENCE_WORDS = 10


@dataclass(frozen=True, slots=True)
class Said:
    """How one quotation is attributed: its cue and source, or whom it follows."""

    cue: Stretch | None
    source: Stretch | None
    cue_indices: tuple[int, ...] = ()
    """The indices of the cues it takes among the paragraph's cues, so indirect statements skip
    them (two for `X said, according to Y`)."""


class Context(NamedTuple):
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
    after_first = _continues(text, quote)
    for look in (_after, _before) if after_first else (_before, _after):
        said = look(text, context)
        if said is not None and look is _after and _introduced(text, context, said):
            return _before(text, context) or said
        if said is not None:
            return said
    return None


def _introduced(text: str, context: Context, said: Said) -> bool:
    """`Peabody said: "A," adding that ...`: a quotation a colon introduces, followed by a participle
    of the same speaker, is the introducing cue's."""
    opening = context.quote.opening
    if said.cue is None or not text[max(context.floor, opening - 3) : opening].rstrip().endswith(":"):
        return False
    participle = text[said.cue[0] : said.cue[1]].endswith("ing")
    return participle and not text[context.quote.closing : said.cue[0]].strip(" ,\u00a0")


def _after(text: str, context: Context) -> Said | None:
    quote, (_, end) = context.quote, context.sentence
    dash = _DASH_NAME.match(text, quote.closing, end)
    if dash is not None:
        source = source_after(text, dash.end(), end)
        if source is not None:
            return Said(dash.span(1), source)
    for index, cue in enumerate(context.cues):
        if cue.start < quote.closing or cue.start >= end or cue.kind == "attitude":
            continue
        gap = text[quote.closing : cue.start]
        if _UNKNOWN_VERB.match(text, quote.closing, end) and len(gap.split()) > 3:
            break
        subordinate = _SUBORDINATE_GAP.match(gap)
        if subordinate is not None and "," not in gap[subordinate.end() :]:
            continue  # `"A," when Clinton blasted him`: the cue of a clause about something else
        if _RELATIVE_GAP.search(gap):
            continue  # `"A," Cruz, who has proposed ..., said`: the cue of the relative clause
        if any(mark in gap for mark in '“"«„'):
            return None
        if len(gap.split()) > _MAX_GAP_WORDS:
            # `"A," Elaine Kamarck, a senior fellow at ... and a superdelegate, wrote`
            appositive = _NAME_THEN_COMMA.match(gap) or _PHRASE_THEN_COMMA.match(gap)
            if appositive is None or not gap.rstrip().endswith(",") or len(gap.split()) > _MAX_APPOSITIVE_WORDS:
                return None
            source = (quote.closing + appositive.start(1), quote.closing + appositive.end(1))
        elif not gap.strip(" ,\u00a0\n"):
            source = source_after(text, cue.end, end)
        elif gap.rstrip().endswith(",") and not gap.lstrip(" ,\u00a0\n")[:1].isupper():
            # `"A" for Clinton, said Kunin.`
            source = source_after(text, cue.end, end) or source_before(text, quote.closing, cue.start)
        else:
            source = source_before(text, quote.closing, cue.start)
        if source is None:
            source = clause_subject(text, quote.closing, cue.start)
        if source is None and context.sentence[0] < quote.opening:
            source = clause_subject(text, context.sentence[0], cue.start)
        return _according_after(text, context, index) or Said((cue.start, cue.end), source, (index,))
    unknown = _UNKNOWN_VERB.match(text, quote.closing, end)
    if unknown is not None and _continues(text, quote):
        # `"A," Trump shot back.`, `"A," opined the Plain Dealer.`: a verb the lexicon lacks.
        cue_group, source_group = ("cue", "source") if unknown.group("cue") else ("verb", "name")
        return Said(unknown.span(cue_group), unknown.span(source_group))
    return None


def _continues(text: str, quote: Quote) -> bool:
    """Whether the quotation ends with a comma, a question or an exclamation, nested closing marks
    aside (`... you called ‘miracles,’”`): its attribution follows it."""
    ending = text[max(quote.start, quote.closing - 8) : quote.closing].rstrip(_CLOSING_MARKS)
    return ending[-1:] in {",", "?", "!"}


def _according_after(text: str, context: Context, index: int) -> Said | None:
    """`"A," Walker said, according to an Associated Press account.`: the reader is given the
    account as the source, and PolNeAR annotates it so: `according to` is the cue, its object the
    source."""
    cue, end = context.cues[index], context.sentence[1]
    for later in range(index + 1, len(context.cues)):
        according = context.cues[later]
        if according.start >= end or any(mark in text[cue.end : according.start] for mark in '“"«„'):
            return None
        if according.lemma == "according to" and text[cue.end : according.start].rstrip().endswith(","):
            source = source_after(text, according.end, end) or _object(text, according.end, end)
            return Said((according.start, according.end), source, (index, later)) if source else None
    return None


def _object(text: str, start: int, end: int) -> Stretch | None:
    """The words from `start` to the next comma or the sentence's end (`audio provided to the
    paper`), without the stop."""
    comma = text.find(",", start, end)
    stop = comma if comma >= 0 else end
    words = text[start:stop].strip().rstrip(".")
    if not words:
        return None
    first = text.index(words[0], start)
    return (first, first + len(words))


def _before(text: str, context: Context) -> Said | None:
    quote = context.quote
    lowercase = text[quote.start].islower()
    return _cue_before(text, context.floor, context.sentence[0], quote.opening, context.cues, lowercase)


def _earlier_cue_source(text: str, sentence_start: int, cues: tuple[Cue, ...], index: int) -> Stretch | None:
    """`The president noted that ..., and added: "A."`: the subject of the sentence's earlier cue."""
    for earlier in reversed(cues[:index]):
        if earlier.start < sentence_start:
            return None
        source = source_before(text, sentence_start, earlier.start)
        if source is not None:
            return source
    return None


def attribute_by_introduction(text: str, sentence: Stretch, cues: tuple[Cue, ...]) -> Said | None:
    """A paragraph ending with a colon (`Dr. Ward stated:`) attributes the quote opening the next."""
    start, end = sentence
    return _cue_before(text, start, start, end, cues, lowercase=False) if text[end - 1 : end] == ":" else None


def _cue_before(
    text: str, floor: int, sentence_start: int, opening: int, cues: tuple[Cue, ...], lowercase: bool
) -> Said | None:
    """The cue and source before a quotation opening at `opening`, from `floor` on."""
    for index in range(len(cues) - 1, -1, -1):
        cue = cues[index]
        if cue.end > opening:
            continue
        if cue.start < floor:
            break
        gap = text[cue.end : opening]
        if (
            len(gap.split()) > _MAX_BEFORE_GAP_WORDS
            or _SENTENCE_STOP.search(gap)
            or cue.kind in {"evidence", "attitude"}
            or _THAT.search(gap)
            or (lowercase and gap.strip(" ,:\u00a0"))
        ):
            break  # `described X as "very deep"`, `said that "..."`: a partial quote in an indirect statement
        if _PARTICIPLE.search(text, max(0, cue.start - 5), cue.end):
            # `Sanders compared himself to Clinton, saying, "..."`: the subject of the clause.
            source = participle_subject(text, sentence_start, cue.start)
        else:
            source = source_before(text, floor, cue.start) or source_after(text, cue.end, opening)
            if source is None and text[cue.start - 3 : cue.start] == "to ":
                source = infinitive_subject(text, max(floor, sentence_start), cue.start)
            if source is None and _AND_BEFORE.search(text, max(sentence_start, cue.start - 8), cue.start):
                # `When asked whom she supported, Ms. Sherry smiled and said, "..."`: the subject of
                # the clause the verbs share, before that of an earlier cue.
                source = participle_subject(text, sentence_start, cue.start)
            source = (
                source
                or _earlier_cue_source(text, sentence_start, cues, index)
                or clause_subject(text, sentence_start, cue.start)
            )
        return Said((cue.start, cue.end), source, (index,))
    dash = _DASH_BEFORE.search(text, floor, opening)
    if dash is not None and dash.start() > floor:
        # `former candidate Mitt Romney -- ''It is disqualifying ...'' --`
        name = name_before(text, floor, dash.start())
        if name is not None:
            return Said(dash.span(1), name)
    colon = _COLON.search(text, floor, opening)
    if colon is not None and colon.start() > floor:
        source = name_before(text, floor, colon.start()) or source_opening(text, floor, colon.start())
        if source is None or text[source[0]].islower():
            source = clause_subject(text, sentence_start, colon.start()) or source
        if source is not None:
            cue_start = text.index(":", colon.start())
            return Said((cue_start, cue_start + 1), source)
    return None


def attribute_by_previous_sentence(text: str, previous: Stretch, cues: tuple[Cue, ...]) -> Said | None:
    """`Dianne Bystrom agreed. "Mainstream Republicans..."`: a sentence of a source and a speech cue
    only, right before the quotation."""
    start, end = previous
    if len(text[start:end].split()) > _SOURCE_SENTENCE_WORDS:
        return None
    for index, cue in enumerate(cues):
        if start <= cue.start < end and cue.kind in {"speech", "quote"}:
            source = source_before(text, start, cue.start)
            if source is not None and source[0] == start and not text[cue.end : end].strip(" .:"):
                return Said((cue.start, cue.end), source, (index,))
            return None
    return None


def attribute_by_next_sentence(text: str, context: Context, *, long: bool = False) -> Said | None:
    """`"Who knows?" Trump said.`: the next sentence opens with a source and a cue (and is no more
    than that after a quotation ending with a full stop: `"We won." Trump said Monday.`). With
    `long`, a question's next sentence may go on (`"Who knows?" Trump told ITV in an interview
    aired on Monday when asked ...`)."""
    following = context.next_sentence
    if following is None or following[0] - context.quote.closing > 2:
        return None
    start, end = following
    ends_sentence = text[context.quote.start : context.quote.end].rstrip("’'\"”")[-1:] in {"?", "!"}
    limit = _SHORT_QUESTION_WORDS if ends_sentence else _SHORT_SENTENCE_WORDS
    if len(text[start:end].split()) > limit and not (long and ends_sentence):
        return None
    for index, cue in enumerate(context.cues):
        if start <= cue.start < end and cue.kind in {"speech", "quote"}:
            source = source_before(text, start, cue.start)
            if source is not None and source[0] == start and len(text[start : cue.start].split()) <= 7:
                return Said((cue.start, cue.end), source, (index,))
            return None
    unknown = _UNKNOWN_VERB.match(text, start, end) if ends_sentence else None
    if unknown is not None and unknown.group("cue") and len(text[start:end].split()) <= _SHORT_SENTENCE_WORDS:
        # `"Would it be negotiable?" Hannity pressed.`: a verb the lexicon lacks.
        return Said(unknown.span("cue"), unknown.span("source"))
    return None
