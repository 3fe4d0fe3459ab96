"""What participants said, as the report gives it."""

from __future__ import annotations

from typing import Literal

from newsreport.model.base import Excerpt, LocalId, Model, Span, Text


class Statement(Model):
    """Something a participant said, as the report gives it."""

    id: LocalId
    """The statement's id within this report."""
    kind: Literal["direct", "partial", "indirect"]
    """`direct`: a full quote; `partial`: quoted words inside reported speech; `indirect`:
    reported speech."""
    speakers: tuple[LocalId, ...]
    """Who made it: ids of participants (two or more for a joint statement; none if unattributed)."""
    text: Text
    """The words as printed: the quoted words for a quote, the reported content otherwise."""
    span: Span
    """Where `text` stands in the body."""
    reporting_verb: Excerpt | None = None
    """The verb that introduces it ("stressed"), with its place in the body."""
    source: Excerpt | None = None
    """The words that name the speaker in this attribution, as printed ("Trump", "the
    influential US daily", "he"): the source of the source-cue-content triple (PARC, PolNeAR).
    `speakers` holds who they stand for."""
    event: LocalId | None = None
    """The event it was made at: the id of an event or sub-event."""
    about: tuple[LocalId, ...] = ()
    """Participants it is about: ids of participants."""
