"""What a report carries about itself besides its text: headline, dateline, people behind it,
topics, media, rights, status and links.

Each part is named after the standards it travels in (schema.org, IPTC NewsML-G2 and ninjs); the
docstrings say where. Values are kept as the source gives them: a subject's scheme and code are
the source's own (`medtop` and `20000106`, `dpacat` and `wi`), never a code we were not given.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from newsreport.model.base import Count, Iri, Label, LanguageTag, LocalId, Model, Name, Span, Text
from newsreport.model.dates import PartialDate

Role = Label
"""What a thing is for, as the source names it: a NewsML-G2 QCode (`drol:summary`, `crol:editor`),
a schema.org term (`abstract`) or the source's own word."""

MEDIA_TYPE_PATTERN = r"^[a-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(;.*)?$"
"""The pattern of `MediaType`, for readers that check a value before handing it to the model."""
MediaType = Annotated[str, Field(pattern=MEDIA_TYPE_PATTERN)]
"""An IANA media type such as `image/jpeg` (RFC 6838)."""


class Headline(Model):
    """The report's headline, and who wrote it."""

    text: Text
    """The headline as published, or as written by the editor."""
    origin: Literal["source", "editorial"] = "source"
    """`source` if the article carries it; `editorial` if it was written for this report."""


class Dateline(Model):
    """The dateline as printed, and what it says."""

    text: Text
    """The dateline exactly as printed."""
    span: Span | None = None
    """Where it stands in the body, if the body carries it."""
    place: LocalId | None = None
    """The place it names: the id of a place participant."""
    date: PartialDate | None = None
    """The date it gives."""


class Wording(Model):
    """A text the source gives besides the body, in its language, with what it is for: a
    description, another headline, a copyright notice, an editorial note."""

    text: Text
    """The text as the source gives it (HTML entities and tags already turned into text)."""
    language: LanguageTag | None = None
    """Its language, when the source says (NewsML-G2 `xml:lang`, JSON-LD `@language`)."""
    role: Role | None = None
    """What it is for, as the source names it: `drol:summary`, `drol:teaser`, `abstract`,
    `hld:subHeadline`...; none for the plain kind (schema.org `description`, NewsML-G2
    `description` without `role`)."""


class Agent(Model):
    """Someone behind the report, not a participant in its events: its publisher, an author, a
    contributor, a copyright holder. At least one of `name`, `code` and `url` is given."""

    kind: Literal["person", "organization"] | None = None
    """Whether a person or an organization; unknown when the source does not say."""
    name: Label | None = None
    """The name as given by the source."""
    url: Iri | None = None
    """A page about the agent or its IRI (schema.org `url`, NewsML-G2 `uri`)."""
    code: Label | None = None
    """The source's code for the agent, as a NewsML-G2 QCode (`dpauser:hollmann.christian`, an
    editor's login, which is not a name)."""
    role: Role | None = None
    """Its part in the report: a NewsML-G2 role (`crol:editor`) or the schema.org property it
    came under (`editor`, `translator`); none for a plain author or contributor."""

    @model_validator(mode="after")
    def _identified(self) -> Agent:
        if self.name is None and self.code is None and self.url is None:
            raise ValueError("an agent needs a name, a code or a url")
        return self


class Concept(Model):
    """A term of a vocabulary, as the source gives it: its scheme and code, its URI, its name.
    At least one of `code`, `uri` and `name` is given."""

    scheme: Label | None = None
    """The vocabulary: the scheme alias of a NewsML-G2 QCode (`medtop`, `dpacat`, `genre`) or the
    scheme's URI (ninjs `scheme`)."""
    code: Label | None = None
    """The term's code within the scheme (`20000106`); `scheme:code` is its NewsML-G2 QCode."""
    uri: Iri | None = None
    """The term's URI, when the source gives it (`http://cv.iptc.org/newscodes/mediatopic/20000106`)."""
    name: Label | None = None
    """The term's name, as the source gives it."""
    language: LanguageTag | None = None
    """The language of `name`."""
    other_names: tuple[Name, ...] = ()
    """Its name in other languages, as the source gives them."""

    @model_validator(mode="after")
    def _identified(self) -> Concept:
        if self.code is None and self.uri is None and self.name is None:
            raise ValueError("a concept needs a code, a uri or a name")
        if self.code is not None and self.scheme is None:
            raise ValueError("a code needs the scheme it belongs to")
        return self


class Subject(Concept):
    """A topic the report is about (NewsML-G2 `subject`, ninjs `subjects`, schema.org `about`)."""

    kind: Role | None = None
    """What sort of subject, as the source says (NewsML-G2 `type`: `cpnat:abstract`,
    `dpatype:category`)."""
    rank: Count | None = None
    """Its rank among the subjects, 1 the most important (NewsML-G2 `rank`)."""


class Media(Model):
    """An image, video, audio or other media associated with the report (schema.org `image`,
    `video`, `associatedMedia`; NewsML-G2 remote content and associations; ninjs `associations`)."""

    kind: Literal["image", "video", "audio", "graphic", "other"] = "image"
    """What sort of media."""
    url: Iri | None = None
    """Where it is (schema.org `contentUrl` or `url`, NewsML-G2 `href`)."""
    media_type: MediaType | None = None
    """Its IANA media type (schema.org `encodingFormat`, NewsML-G2 `contenttype`)."""
    width: Count | None = None
    """Width in pixels."""
    height: Count | None = None
    """Height in pixels."""
    title: Label | None = None
    """Its title or headline."""
    caption: Text | None = None
    """The caption printed with it."""
    alt_text: Text | None = None
    """A text alternative for readers who cannot see it (HTML `alt`, NewsML-G2 `drol:alternative`)."""
    credit: Text | None = None
    """Its credit line (schema.org `creditText`, NewsML-G2 `creditline`)."""

    @model_validator(mode="after")
    def _something(self) -> Media:
        if self.url is None and self.caption is None and self.title is None:
            raise ValueError("a media item needs a url, a title or a caption")
        return self


class Rights(Model):
    """Who holds the copyright and on what terms the report may be used (NewsML-G2 `rightsInfo`,
    schema.org `copyrightHolder`, `copyrightNotice`, `usageInfo`, `license`; ninjs `copyrightholder`,
    `copyrightnotice`, `usageterms`)."""

    holder: Agent | None = None
    """The copyright holder."""
    notices: tuple[Wording, ...] = ()
    """The copyright notices, each in its language."""
    usage_terms: tuple[Wording, ...] = ()
    """The terms of use, each in its language."""
    license: Iri | None = None
    """The licence's URL (schema.org `license`)."""


class Link(Model):
    """A link to a related item or page (NewsML-G2 `link`, ninjs `links`); it has a `url`, an
    `item_id` or both."""

    url: Iri | None = None
    """Where the related item or page is (NewsML-G2 `href`)."""
    item_id: Label | None = None
    """The related item's id, as its provider gives it (NewsML-G2 `residref`: the item's guid,
    which need not be an IRI)."""
    rel: Role | None = None
    """How it is related, as the source names it (`irel:seeAlso`, `irel:previousVersion`)."""
    title: Label | None = None
    """Its title."""
    media_type: MediaType | None = None
    """Its IANA media type."""

    @model_validator(mode="after")
    def _somewhere(self) -> Link:
        if self.url is None and self.item_id is None:
            raise ValueError("a link needs a url or an item_id")
        return self


class Draft(Model):
    """The program that drafted a report's participants, statements and events from its text.

    A drafted report is a machine's reading for a person to check: every fact points at its words,
    but none has been checked. A report a person made or checked has no `drafted_by`.
    """

    software: Label
    """The drafting program, as a Python distribution and module: `newsreport.extract`."""
    version: Label
    """Its version, as the distribution gives it."""
    pipeline: Label | None = None
    """The language-processing pipeline it ran, with its version (`en_core_web_sm 3.8.0`), when
    it ran one; none for the built-in rules alone."""
