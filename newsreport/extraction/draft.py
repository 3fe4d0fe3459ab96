"""A drafted `NewsReport` from what the steps found: the one place their records become the model.

The steps run in order, each on the text and what the earlier ones found: blocks, dateline,
attributions, the cast (participants, and who speaks in each attribution), the events, then the
dated happenings no event word names.
Everything a step found points at its words; `drafted_by` says a program made the report, so
a draft is never taken for a checked report.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from datetime import date, datetime
from typing import Any

from pydantic import TypeAdapter
from pydantic_core import to_jsonable_python

from newsreport.extraction.attribution import find_attributions
from newsreport.extraction.blocks import find_blocks
from newsreport.extraction.dateline import find_dateline
from newsreport.extraction.events import find_events
from newsreport.extraction.found import Attribution, Cast, FoundBlock, FoundDateline, Stretch
from newsreport.extraction.happenings import find_happenings
from newsreport.extraction.merge import merged
from newsreport.extraction.participants import find_cast
from newsreport.model import Draft, NewsReport, Statement

_STATEMENTS = TypeAdapter(tuple[Statement, ...])

SOFTWARE = "newsreport.extract"
"""The name the drafts give their maker."""

_AFTER_DATELINE = re.compile(r"^[\s\-\u2013\u2014:]+")
"""The dash and spaces between a dateline and the first sentence."""

HEADLINE_LENGTH = 110
"""The longest drafted headline, in characters: a first sentence is cut at a word before it."""


def text_id(text: str) -> str:
    """The id of a report known only by its text: a UUID5 of the SHA-256 of its UTF-8 bytes, as
    the web reader makes for a page without a URL, so the same text always gets the same id."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:sha256:' + digest)}"


def drafter() -> Draft:
    """The `drafted_by` record of this version of the extractor."""
    from newsreport import __version__  # here, not at the top: the package imports this module

    return Draft(software=SOFTWARE, version=__version__)


def extract(
    text: str,
    *,
    published: date | datetime | str | None = None,
    language: str | None = None,
    id: str | None = None,
) -> NewsReport:
    """A drafted report of `text`, an article in plain text, which becomes its body unchanged.

    `published`, `language` and `id` give what the text may not say: the publication date (it
    resolves "on Monday", "in May"), the body's BCP 47 language, and the report's IRI (by default
    one made from the text: `text_id`). The headline is the text's own when its first block is
    one; otherwise the start of its first sentence, marked `editorial`.
    """
    blocks = find_blocks(text)
    dateline = find_dateline(text, blocks)
    fields: dict[str, Any] = {
        "id": id or text_id(text),
        "headline": _headline(text, blocks, dateline),
        "published": published,
        "language": language,
        "body": {"text": text, "blocks": [_block(b) for b in blocks]},
    }
    return NewsReport.model_validate(fields | _drafted(text, blocks, dateline, fields))


def extract_into(report: NewsReport, published: date | datetime | str | None = None) -> NewsReport:
    """`report` with what its body says drafted into it: the dateline if it has none, the
    participants, statements, event and referenced events. Its own metadata, participants and
    events stay as they are (`merge` fits the draft to them); a report with no body, that has
    statements already or that is a draft already, is returned unchanged. `published` stands in
    for the report's own date when it has none."""
    if report.body is None or report.statements or report.drafted_by is not None:
        return report
    text = report.body.text
    blocks = tuple(FoundBlock(b.kind, b.span.start, b.span.end) for b in report.body.blocks) or find_blocks(text)
    fields = report.model_dump(exclude_none=True)
    fields.setdefault("published", published)
    drafted = _drafted(text, blocks, find_dateline(text, blocks), fields)
    if report.dateline is not None:
        drafted.pop("dateline")
    return NewsReport.model_validate(fields | merged(fields, to_jsonable_python(drafted, exclude_none=True)))


def _drafted(
    text: str, blocks: tuple[FoundBlock, ...], dateline: FoundDateline | None, fields: dict[str, Any]
) -> dict[str, Any]:
    """The parts the steps draft: dateline, participants, statements, events and `drafted_by`."""
    attributions = find_attributions(text, blocks)
    cast = find_cast(text, blocks, dateline, attributions)
    statements = _statements(text, attributions, cast)
    day = _day(fields.get("published"), dateline)
    found = find_events(text, blocks, day, dateline, cast.participants, statements)
    found, statements = find_happenings(text, blocks, day, cast.participants, statements, found)
    return {
        "dateline": _dateline(text, dateline, cast) if dateline else None,
        "participants": cast.participants,
        "statements": statements,
        "event": found.event,
        "referenced_events": found.referenced,
        "drafted_by": drafter(),
    }


def _statements(text: str, attributions: tuple[Attribution, ...], cast: Cast) -> tuple[Statement, ...]:
    # Built from plain values in one validation: a model call per statement and excerpt would
    # cost more than finding them.
    found = [
        {
            "id": f"s{number}",
            "kind": a.kind,
            "speakers": speakers,
            "text": text[a.content[0] : a.content[1]],
            "span": _span(a.content),
            "reporting_verb": _excerpt(text, a.cue),
            "source": _excerpt(text, a.source),
        }
        for number, (a, speakers) in enumerate(_worded(text, attributions, cast), start=1)
    ]
    return _STATEMENTS.validate_python(found)


def _worded(text: str, attributions: tuple[Attribution, ...], cast: Cast) -> list[tuple[Attribution, tuple[str, ...]]]:
    """The attributions whose content has words, with their speakers: a quote mark left open at
    the end of a text quotes nothing."""
    pairs = zip(attributions, cast.speakers, strict=True)
    return [(a, speakers) for a, speakers in pairs if text[a.content[0] : a.content[1]].strip()]


def _dateline(text: str, found: FoundDateline, cast: Cast) -> dict[str, Any]:
    return {
        "text": text[found.start : found.end],
        "span": {"start": found.start, "end": found.end},
        "place": cast.dateline_place,
        "date": {"value": found.date} if found.date else None,
    }


def _headline(text: str, blocks: tuple[FoundBlock, ...], dateline: FoundDateline | None) -> dict[str, str]:
    """The first block when it is a heading followed by more text; else the first sentence of
    the first paragraph after the dateline, cut at a word, as an editorial headline."""
    if len(blocks) > 1 and blocks[0].kind == "subheading":
        return {"text": text[blocks[0].start : blocks[0].end], "origin": "source"}
    start, end = (blocks[0].start, blocks[0].end) if blocks else (0, len(text))
    if dateline is not None and start <= dateline.end <= end:
        start = dateline.end
    first = _AFTER_DATELINE.sub("", text[start:end])
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].strip() or "Untitled text"
    if len(sentence) > HEADLINE_LENGTH:
        sentence = sentence[:HEADLINE_LENGTH].rsplit(" ", 1)[0] + "…"
    return {"text": " ".join(sentence.split()), "origin": "editorial"}


def _day(published: date | datetime | str | None, dateline: FoundDateline | None) -> date | None:
    """The day dates in the text are resolved against: the publication day, else the dateline's."""
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    day = published[:10] if isinstance(published, str) else dateline.date if dateline else None
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None  # the model refuses the date itself, with a clearer message


def _block(block: FoundBlock) -> dict[str, Any]:
    return {"kind": block.kind, "span": {"start": block.start, "end": block.end}}


def _span(stretch: Stretch) -> dict[str, int]:
    return {"start": stretch[0], "end": stretch[1]}


def _excerpt(text: str, stretch: Stretch | None) -> dict[str, Any] | None:
    if stretch is None:
        return None
    return {"text": text[stretch[0] : stretch[1]], "span": _span(stretch)}
