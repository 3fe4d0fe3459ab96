"""The canonical model of a news report: its shape and field-level rules, no I/O, no formats.

A `NewsReport` holds the report's metadata and body, its `event` (with sub-events), its
`participants` (persons, organizations, places), its `statements` and its `referenced_events`.
Objects refer to each other by local id (`"qalibaf"`); every span is `[start, end)` in Unicode
code points of `body.text`. Rules that span several objects (references resolve, quotes match
the body, ids are unique) live in `newsreport.invariants` and run whenever a report is built,
so a report that validates converts to every format.

One module per part: `base` (value types, spans, names), `dates`, `metadata` (headline,
dateline, agents, subjects, media, rights, links), `participants`, `events`, `statements` and
`report`; every name is importable from here.
"""

from newsreport.model.base import (
    IRI_PATTERN,
    LANGUAGE_PATTERN,
    LOCAL_ID_PATTERN,
    Code,
    Count,
    Excerpt,
    Identifier,
    Iri,
    Label,
    LanguageTag,
    LocalId,
    Model,
    Name,
    Span,
    Text,
)
from newsreport.model.dates import MOMENT_PATTERN, DatePart, Moment, PartialDate
from newsreport.model.events import Event, Participation, ReferencedEvent, _EventBase, event_depth_problem
from newsreport.model.metadata import (
    MEDIA_TYPE_PATTERN,
    Agent,
    Concept,
    Dateline,
    Draft,
    Headline,
    Link,
    Media,
    MediaType,
    Rights,
    Role,
    Subject,
    Wording,
)
from newsreport.model.participants import Organization, Participant, Person, Place, Title, _Participant
from newsreport.model.report import Block, Body, NewsReport
from newsreport.model.statements import Statement

__all__ = [
    "IRI_PATTERN",
    "LANGUAGE_PATTERN",
    "LOCAL_ID_PATTERN",
    "MEDIA_TYPE_PATTERN",
    "MOMENT_PATTERN",
    "Agent",
    "Block",
    "Body",
    "Code",
    "Concept",
    "Count",
    "DatePart",
    "Dateline",
    "Draft",
    "Event",
    "Excerpt",
    "Headline",
    "Identifier",
    "Iri",
    "Label",
    "LanguageTag",
    "Link",
    "LocalId",
    "Media",
    "MediaType",
    "Model",
    "Moment",
    "Name",
    "NewsReport",
    "Organization",
    "PartialDate",
    "Participant",
    "Participation",
    "Person",
    "Place",
    "ReferencedEvent",
    "Rights",
    "Role",
    "Span",
    "Statement",
    "Subject",
    "Text",
    "Title",
    "Wording",
    "_EventBase",
    "_Participant",
    "event_depth_problem",
]
