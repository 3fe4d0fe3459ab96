"""Attributing one paragraph after another: quotations first, then the indirect statements.

A quotation whose own sentence has no attribution takes that of the quotation before it in its
paragraph, or else the one after it (a split quote `"A," said X. "B."`: same cue and source); one
right after a paragraph ending with a colon (`Dr. Ward stated:`) takes that; a quotation opening
a paragraph with none continues the previous paragraph's quote (its cue and source, `follows`
naming it), unless a dash-and-name paragraph after it signs it (`-Michelle Marks`). A quote over
paragraphs whose last paragraph is attributed right after it is split there. A quotation ending
a clause that opens with the reporter's words (`whoever leads "and that will be Clinton," he
said`) or lying inside an indirect statement's content is a partial quote of that statement; a
title quoted inside a clause (`on Fox's "Hannity"`) that no statement holds is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from newsreport.extraction.attribution.direct import (
    Context,
    Said,
    attribute,
    attribute_by_introduction,
    attribute_by_next_sentence,
    attribute_by_previous_sentence,
)
from newsreport.extraction.attribution.indirect import colon_statement, find_indirect, may_open_with_colon
from newsreport.extraction.cues import Cue, find_cues
from newsreport.extraction.found import Attribution, FoundBlock, Stretch
from newsreport.extraction.quotes import Quote
from newsreport.extraction.sentences import find_sentences

_MIN_FLOATING_WORDS = 4
_SIGNATURE_WINDOW = 40
_MAX_TITLE_WORDS = 6
_TITLE_SMALL_WORDS = frozenset(["of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "or"])
_PHRASE = Said(None, None)
"""Stands for a quoted phrase, which attributes nothing and takes no attribution."""
_SIGNATURE = re.compile(r"([-—―–])\s*((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)")


@dataclass(slots=True)
class _Draft:
    kind: Literal["direct", "partial", "indirect"]
    content: Stretch
    cue: Stretch | None
    source: Stretch | None
    follows: _Draft | None = None


def attribute_paragraphs(
    text: str, blocks: tuple[FoundBlock, ...], quotes: tuple[Quote, ...]
) -> tuple[Attribution, ...]:
    """Every attribution of the text, in the order of its content."""
    quotes = _split_signed(text, blocks, quotes)
    openings = [quote.opening for quote in quotes]
    all_cues = tuple(cue for cue in find_cues(text, 0, len(text)) if not _quoted(cue, quotes, openings))
    cue_starts = [cue.start for cue in all_cues]
    drafts: list[_Draft] = []
    last_quote: _Draft | None = None
    introduction: Said | None = None
    previous_start = 0
    for block in blocks:
        low, high = bisect_right(openings, block.start - 1), bisect_right(openings, block.end - 1)
        mine = quotes[low:high]
        cues = all_cues[bisect_right(cue_starts, block.start - 1) : bisect_right(cue_starts, block.end - 1)]
        signature = _SIGNATURE.match(text, block.start, block.end)
        if (
            signature is not None
            and not mine
            and last_quote is not None
            and (last_quote.source is None or last_quote.follows is not None)
            and last_quote.content[1] >= previous_start
        ):
            # `"A." ¶ -Michelle Marks, Philadelphia.`: a dash and a name signing the quote before.
            last_quote.cue, last_quote.source, last_quote.follows = signature.span(1), signature.span(2), None
        if not mine and not cues and not _may_attribute(text, block):
            introduction, previous_start = None, block.start
            continue  # most paragraphs: nothing to attribute, no sentences to split
        sentences = find_sentences(text, block.start, block.end, mine)
        said = _attribute_quotes(text, mine, sentences, cues)
        if said and said[0] is None and mine[0].opening == block.start:
            said[0] = introduction
        _share(said)
        paragraph, last_quote = _paragraph(text, block, mine, said, sentences, cues, last_quote)
        drafts.extend(paragraph)
        introduction = attribute_by_introduction(text, sentences[-1], cues) if sentences else None
        previous_start = block.start
    drafts.sort(key=lambda draft: draft.content)
    index = {id(draft): position for position, draft in enumerate(drafts)}
    return tuple(
        Attribution(
            draft.kind,
            draft.content,
            draft.cue,
            draft.source,
            index.get(id(draft.follows)) if draft.follows is not None else None,
        )
        for draft in drafts
    )


def _may_attribute(text: str, block: FoundBlock) -> bool:
    """Whether a paragraph with no cue and no quotation may still attribute: open with a name and a
    colon (`colon_statement`) or end with a colon that introduces the next paragraph's quote."""
    return text[block.end - 1] == ":" or may_open_with_colon(text, block.start, block.end)


def _split_signed(text: str, blocks: tuple[FoundBlock, ...], quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """A quote over paragraphs whose last paragraph is attributed right after it (`..."B," she
    said.`) is two quotations: that last paragraph's quote is one of its own."""
    if all(quote.paragraphs == 1 for quote in quotes):
        return quotes
    starts = [block.start for block in blocks]
    split: list[Quote] = []
    for quote in quotes:
        last = bisect_right(starts, quote.closing - 1) - 1
        block = blocks[last]
        ending = text[quote.end - 1 : quote.closing]
        if quote.paragraphs > 1 and any(mark in ending for mark in ",?!") and _signed(text, quote.closing, block.end):
            before = blocks[last - 1]
            split.append(Quote(quote.start, before.end, quote.opening, before.end, False, quote.paragraphs - 1))
            inner = block.start + 1 + (text[block.start : block.start + 2] == "''")
            split.append(Quote(inner, quote.end, block.start, quote.closing, True, 1))
        else:
            split.append(quote)
    return tuple(split)


def _signed(text: str, closing: int, end: int) -> bool:
    """Whether a cue follows the closing mark within a few words (`," she said`)."""
    window = min(end, closing + _SIGNATURE_WINDOW)
    return any(len(text[closing : cue.start].split()) <= 3 for cue in find_cues(text, closing, window))


def _paragraph(
    text: str,
    block: FoundBlock,
    quotes: tuple[Quote, ...],
    said: list[Said | None],
    sentences: tuple[Stretch, ...],
    cues: tuple[Cue, ...],
    last_quote: _Draft | None,
) -> tuple[list[_Draft], _Draft | None]:
    used = frozenset(index for found in said if found is not None for index in found.cue_indices)
    drafts: list[_Draft] = []
    opening = colon_statement(text, sentences[0]) if sentences else None
    if opening is not None:
        drafts.append(_Draft("indirect", opening.content, opening.cue, opening.source))
    starts = [cue.start for cue in cues]
    for sentence in sentences if block.kind == "paragraph" else ():
        first = bisect_right(starts, sentence[0] - 1)
        if first == len(starts) or starts[first] >= sentence[1]:
            continue  # no cue in this sentence
        for reported in find_indirect(text, sentence, cues, used):
            follows = drafts[-1] if reported.follows_previous and drafts else None
            drafts.append(_Draft("indirect", reported.content, reported.cue, reported.source, follows))
    indirect = list(drafts)
    for quote, found in zip(quotes, said, strict=True):
        holder = next((d for d in indirect if d.content[0] <= quote.start and quote.end <= d.content[1] + 1), None)
        if holder is not None and (
            found is None or found is _PHRASE or found.cue == holder.cue or _coordinated(text, quote, found)
        ):
            drafts.append(_Draft("partial", (quote.start, quote.end), holder.cue, holder.source, holder.follows))
        elif found is _PHRASE:
            continue
        elif found is not None and _mixed(text, quote, found, sentences):
            # `They will pick whoever leads "and that will be Clinton," he said.`: the words before
            # the quote are reported too: an indirect statement holding a partial quote.
            start = sentences[_sentence_index(sentences, quote.opening)][0]
            holder = _Draft("indirect", (start, quote.end), found.cue, found.source)
            drafts.append(holder)
            drafts.append(_Draft("partial", (quote.start, quote.end), found.cue, found.source))
        elif found is not None:
            draft = _Draft("direct", (quote.start, quote.end), found.cue, found.source)
            drafts.append(draft)
            last_quote = draft
        elif _floating(text, block, quote, sentences):
            # A quote paragraph with no attribution continues the previous quote: same cue and source.
            followed = _speaker_of(last_quote)
            cue, source = (followed.cue, followed.source) if followed is not None else (None, None)
            draft = _Draft("direct", (quote.start, quote.end), cue, source, followed)
            drafts.append(draft)
            last_quote = draft
    return drafts, last_quote


def _attribute_quotes(
    text: str, quotes: tuple[Quote, ...], sentences: tuple[Stretch, ...], cues: tuple[Cue, ...]
) -> list[Said | None]:
    """Each quotation's attribution in its sentence or the short one after it."""
    said: list[Said | None] = []
    for position, quote in enumerate(quotes):
        at = _sentence_index(sentences, quote.opening)
        closing_at = _sentence_index(sentences, max(quote.opening, quote.closing - 1))
        floor = sentences[at][0]
        if position and quotes[position - 1].closing > floor:
            floor = quotes[position - 1].closing
        following = sentences[closing_at + 1] if closing_at + 1 < len(sentences) else None
        sentence = (sentences[at][0], sentences[closing_at][1])
        if _phrase(text, quote, cues):
            said.append(_PHRASE)
            continue
        context = Context(quote, sentence, following, floor, cues)
        found = attribute(text, context) or attribute_by_next_sentence(text, context)
        if found is None and not (said and said[-1] not in {None, _PHRASE}):
            found = attribute_by_next_sentence(text, context, long=True)
        if found is None and at > 0 and sentences[at][0] == quote.opening:
            found = attribute_by_previous_sentence(text, sentences[at - 1], cues)
        previous = said[-1] if said else None
        if found is not None and found.source is None and previous is not None and previous is not _PHRASE:
            # `"A," Cruz said, adding: "B."`: the participle's speaker is the one just named.
            found = Said(found.cue, previous.source, found.cue_indices)
        said.append(found)
    return said


def _phrase(text: str, quote: Quote, cues: tuple[Cue, ...]) -> bool:
    """A title quoted inside a clause (`on Fox's “Hannity,”`, `a memo titled "The Facts"`), not a
    quotation of its own: a few capitalised words right after a word. (A few words in lower case,
    `the “binary choice” framework`, are mostly quoted from the speaker: they stay quotations.)"""
    before = text[max(0, quote.opening - 2) : quote.opening].strip()
    if not before or not before[-1].isalnum():
        return False
    if any(0 <= quote.opening - cue.end <= 2 and cue.kind in {"speech", "quote"} for cue in cues):
        return False  # `chanted "USA"`, `tweeted "Crooked Hillary"`: quoted words of their own
    words = text[quote.start : quote.end].rstrip(".,").split()
    return (
        text[quote.end - 1] not in "!?"
        and len(words) <= _MAX_TITLE_WORDS
        and all(word[0].isupper() or word in _TITLE_SMALL_WORDS for word in words)
    )


def _share(said: list[Said | None]) -> None:
    """A quotation with no attribution takes the one before it in its paragraph, else the one after."""
    for position, found in enumerate(said):
        if found is None and position and said[position - 1] not in {None, _PHRASE}:
            said[position] = said[position - 1]
    for position in range(len(said) - 2, -1, -1):
        if said[position] is None and said[position + 1] not in {None, _PHRASE}:
            said[position] = said[position + 1]


def _coordinated(text: str, quote: Quote, found: Said) -> bool:
    """`Obama and Clinton call them "lone wolves" and describe ...`: a cue coordinated after the
    quotation reports what follows it, not the quotation."""
    return (
        found.cue is not None
        and found.cue[0] >= quote.closing
        and text[quote.closing : found.cue[0]].split()[-1:] in (["and"], ["but"])
    )


def _mixed(text: str, quote: Quote, found: Said, sentences: tuple[Stretch, ...]) -> bool:
    """Whether the quotation ends a reported clause that opens with words of the reporter's own,
    attributed after it (a mixed quote)."""
    if found.cue is None or found.cue[0] < quote.closing:
        return False
    start = sentences[_sentence_index(sentences, quote.opening)][0]
    return any(character.isalpha() for character in text[start : quote.opening])


def _floating(text: str, block: FoundBlock, quote: Quote, sentences: tuple[Stretch, ...]) -> bool:
    """A quotation standing as a sentence of its own (not a quoted phrase inside a sentence)."""
    starts_sentence = any(start == quote.opening for start, _ in sentences) or quote.opening == block.start
    return starts_sentence and len(text[quote.start : quote.end].split()) >= _MIN_FLOATING_WORDS


def _speaker_of(draft: _Draft | None) -> _Draft | None:
    """The quotation a floating one follows: the one that names the speaker, not another follower."""
    while draft is not None and draft.source is None and draft.follows is not None:
        draft = draft.follows
    return draft


def _sentence_index(sentences: tuple[Stretch, ...], position: int) -> int:
    starts = [start for start, _ in sentences]
    return max(0, bisect_right(starts, position) - 1)


def _quoted(cue: Cue, quotes: tuple[Quote, ...], openings: list[int]) -> bool:
    index = bisect_right(openings, cue.start) - 1
    return index >= 0 and cue.start < quotes[index].closing
