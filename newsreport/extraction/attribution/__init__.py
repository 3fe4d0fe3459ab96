"""Source-cue-content triples from plain text: direct, partial and indirect statements.

Per paragraph: pair the quote marks, split sentences around them, find the cues outside the
quotations; attribute each quotation (`direct`), then read the remaining cues as indirect
statements; a quotation inside an indirect statement's content is a `partial` quote with that
statement's cue and source.
"""

from __future__ import annotations

from newsreport.extraction.attribution.paragraph import attribute_paragraphs
from newsreport.extraction.found import Attribution, FoundBlock
from newsreport.extraction.quotes import find_quotes


def find_attributions(text: str, blocks: tuple[FoundBlock, ...]) -> tuple[Attribution, ...]:
    """The attributions of `text`, in the order of their content."""
    return attribute_paragraphs(text, blocks, find_quotes(text, blocks))


__all__ = ["find_attributions"]
