"""The report itself: its metadata, its body and everything drafted from it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, Strict, StrictBool, field_validator, model_validator

from newsreport.invariants import report_problems
from newsreport.model.base import Iri, Label, LanguageTag, Model, Span, Text
from newsreport.model.dates import Moment
from newsreport.model.events import Event, ReferencedEvent, event_depth_problem
from newsreport.model.metadata import Agent, Concept, Dateline, Draft, Headline, Link, Media, Rights, Subject, Wording
from newsreport.model.participants import Participant
from newsreport.model.statements import Statement
from newsreport.problems import InvariantError


class Block(Model):
    """A paragraph or subheading of the body."""

    kind: Literal["paragraph", "subheading"]
    """What the block is."""
    span: Span
    """Where it stands in the body."""


class Body(Model):
    """The report's text, exactly as published, and its blocks."""

    text: Text
    """The exact text. Never re-normalised: every span in the report indexes into it."""
    blocks: tuple[Block, ...] = ()
    """Paragraphs and subheadings, in order and without overlap."""
    origin: Literal["source", "extracted"] = "source"
    """`source` if the source gives this text as the report's text (schema.org `articleBody`, a
    NewsML-G2 content rendition); `extracted` if a program took it from the page around the
    article (a main-text extractor), so it is a draft that may hold or miss parts of the page."""


class NewsReport(Model):
    """One news report: metadata, body, event, participants, statements, referenced events."""

    id: Iri
    """A stable absolute IRI: the report's URL if known, else a `urn:` or `tag:` IRI."""
    headline: Headline
    """The headline, and whether the source or the editor wrote it."""
    dateline: Dateline | None = None
    """The dateline as printed, with its place and date."""
    alternative_headlines: tuple[Wording, ...] = ()
    """Other headlines: sub-headlines, short and long forms, other languages (schema.org
    `alternativeHeadline`, NewsML-G2 `headline` with a `role`, ninjs `headlines`)."""
    published: Moment | None = None
    """When it was published (schema.org `datePublished`, NewsML-G2 `contentCreated`)."""
    modified: Moment | None = None
    """When its content was last modified (schema.org `dateModified`, NewsML-G2 `contentModified`);
    kept as the source gives it, even before `published`."""
    first_created: Moment | None = None
    """When the first version of the item was created (NewsML-G2 and ninjs `firstCreated`)."""
    version_created: Moment | None = None
    """When this version of the item was created (NewsML-G2 and ninjs `versionCreated`)."""
    version: Annotated[int, Strict(), Field(ge=1)] | None = None
    """The item's version number, from 1 (NewsML-G2 `version`, ninjs `version`)."""
    status: Literal["usable", "withheld", "canceled"] | None = None
    """Whether the item may be published (NewsML-G2 `pubStatus`, ninjs `pubstatus`): `withheld`
    and `canceled` items must not be shown to readers."""
    embargoed_until: Moment | None = None
    """Not to be published before this moment (NewsML-G2 `embargoed`, ninjs `embargoed`)."""
    language: LanguageTag | None = None
    """The language of the body, as a BCP 47 tag."""
    url: Iri | None = None
    """Where the report is published, if known."""
    publisher: Agent | None = None
    """Who published it, only if known."""
    authors: tuple[Agent, ...] = ()
    """Who wrote it, only if known (schema.org `author`, NewsML-G2 `creator`, ninjs `by` people)."""
    contributors: tuple[Agent, ...] = ()
    """Others who had a part in it, each with its role if known (schema.org `contributor`, `editor`,
    `translator`; NewsML-G2 `contributor`)."""
    byline: Text | None = None
    """The by-line as printed ("By Jane Doe and John Roe in Tehran"; NewsML-G2 `by`, ninjs `byline`)."""
    credit_line: Text | None = None
    """Who is credited for the item ("dpa", "Reuters/AP"; NewsML-G2 `creditline`, schema.org
    `creditText`)."""
    descriptions: tuple[Wording, ...] = ()
    """Summaries, teasers, abstracts (schema.org `description` and `abstract`, NewsML-G2
    `description`, ninjs `descriptions`)."""
    subjects: tuple[Subject, ...] = ()
    """What it is about, as coded topics (NewsML-G2 `subject`, ninjs `subjects`, schema.org `about`)."""
    keywords: tuple[Label, ...] = ()
    """Free keywords (schema.org `keywords`, NewsML-G2 `keyword`, ninjs `keywords`)."""
    genres: tuple[Concept, ...] = ()
    """Its journalistic genre: `genre:Interview`, "Analysis" (NewsML-G2 and schema.org `genre`)."""
    sections: tuple[Label, ...] = ()
    """The sections it appears in ("Politics"; schema.org `articleSection`)."""
    slugline: Label | None = None
    """The newsroom's short name for the story (NewsML-G2 `slugline`, ninjs `slugline`)."""
    urgency: Annotated[int, Strict(), Field(ge=1, le=9)] | None = None
    """How urgent the news is, 1 most urgent to 9 (NewsML-G2 `urgency`, ninjs `urgency`)."""
    signals: tuple[Concept, ...] = ()
    """Instructions that go with this version: a correction, an update (NewsML-G2 `signal`)."""
    editorial_notes: tuple[Wording, ...] = ()
    """Notes for editors, not for readers (NewsML-G2 `edNote`, ninjs `ednote`)."""
    media: tuple[Media, ...] = ()
    """Images and other media that go with it."""
    rights: Rights | None = None
    """Copyright and terms of use."""
    free_access: StrictBool | None = None
    """Whether it is free to read (schema.org `isAccessibleForFree`); unknown if not said."""
    links: tuple[Link, ...] = ()
    """Related items and pages."""
    body: Body | None = None
    """The text and its blocks."""
    event: Event | None = None
    """The event the report covers, with its sub-events."""
    participants: tuple[Participant, ...] = ()
    """Every person, organization and place the report names, each once."""
    statements: tuple[Statement, ...] = ()
    """Every statement the report gives, in the order of the text."""
    referenced_events: tuple[ReferencedEvent, ...] = ()
    """Earlier events the report points to."""
    drafted_by: Draft | None = None
    """The program that drafted the event, participants, statements and referenced events from
    the text, when a program did: the report is then a draft, not a checked report."""

    @field_validator("event", mode="before")
    @classmethod
    def _not_too_deep(cls, event: Any) -> Any:
        problem = event_depth_problem(event)
        if problem:
            raise InvariantError([problem])
        return event

    @model_validator(mode="after")
    def _consistent(self) -> NewsReport:
        problems = report_problems(self)
        if problems:
            raise InvariantError(problems)
        return self

    def events(self) -> tuple[Event, ...]:
        """The report's event and all its sub-events, depth first."""
        return self.event.walk() if self.event else ()
