"""NewsReport → schema.org JSON-LD: one `@graph`, a node per thing, linked by absolute `@id`s.

The article is a NewsArticle; the event and its sub-events are Events; participants are Persons,
Organizations and Places; direct and partial quotes are Quotations, indirect statements are
Claims (reported content is not a verbatim quotation); referenced events are Events the article
`mentions`. Roles use schema.org's Role pattern. The words that name a statement's speaker are
its `creditText` (the text crediting the quotation to its creator). Only spans, inference marks, the headline's
origin, the dateline's date and a referenced event's relation need `nr:` terms; the report's
metadata (descriptions, subjects, media, rights...) is written by `metadata.py`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from newsreport.converters.jsonld.metadata import agent_value, subject_nodes, write_metadata
from newsreport.converters.jsonld.terms import (
    BLOCK_TYPES,
    CONTEXT,
    EVENT_KIND,
    PARTIAL_QUOTATION,
    PLACE_KIND,
    PLACE_TYPES,
    span_value,
    span_values,
)
from newsreport.model import (
    Event,
    Name,
    NewsReport,
    Organization,
    PartialDate,
    Person,
    Place,
    ReferencedEvent,
    Statement,
    _EventBase,
    _Participant,
)

Node = dict[str, Any]


def write(report: NewsReport) -> bytes:
    """The report as a JSON-LD document: the same report always gives the same bytes."""
    return f"{_HEAD}{_graph(_Graph(report).nodes())}\n]}}\n".encode()


_HEAD = f'{{"@context": {json.dumps(CONTEXT)},\n"@graph": [\n'
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_MARK = "\x00"
_MARKED = f", {_ENCODE(_MARK)}, "
"""What the encoder writes between two nodes with `_MARK` between them: the string "\\u0000" as
an item of a list, which no value of ours is (our texts refuse control characters)."""


def _graph(nodes: list[Node]) -> str:
    """The nodes as JSON, a line each. One encoder call for the whole list, with `_MARK` between
    the nodes to turn into line breaks, costs less than a call per node; if a node held the mark
    itself, each is encoded on its own."""
    marked: list[object] = [_MARK] * (2 * len(nodes) - 1)
    marked[::2] = nodes
    text = _ENCODE(marked)
    if text.count(_MARKED) != len(nodes) - 1:
        return ",\n".join(map(_ENCODE, nodes))
    return text[1:-1].replace(_MARKED, ",\n")


class _Graph:
    def __init__(self, report: NewsReport) -> None:
        self.report = report
        self.prefix = f"{report.id}#"
        """What a local id is put after to be an `@id`."""

    def ref(self, local_id: str) -> Node:
        return {"@id": self.prefix + local_id}

    def refs(self, local_ids: tuple[str, ...]) -> list[Node]:
        prefix = self.prefix
        return [{"@id": prefix + i} for i in local_ids]

    def nodes(self) -> list[Node]:
        r = self.report
        return [
            self.article(),
            *(self.event(e) for e in r.events()),
            *(self.participant(p) for p in r.participants),
            *(self.statement(i, s) for i, s in enumerate(r.statements)),
            *(self.referenced_event(e) for e in r.referenced_events),
        ]

    def article(self) -> Node:
        r = self.report
        node: Node = {"@id": r.id, "@type": "NewsArticle", "headline": r.headline.text}
        if r.headline.origin != "source":
            node["nr:headlineOrigin"] = r.headline.origin
        if r.dateline:
            node["dateline"] = r.dateline.text
            if r.dateline.span:
                node["nr:datelineSpan"] = span_value(r.dateline.span)
            if r.dateline.place:
                node["locationCreated"] = self.ref(r.dateline.place)
            node |= _partial_date("nr:datelineDate", r.dateline.date)
        _put(node, "datePublished", _iso(r.published))
        _put(node, "dateModified", _iso(r.modified))
        _put(node, "inLanguage", r.language)
        _put(node, "url", r.url)
        if r.publisher:
            node["publisher"] = agent_value(r.publisher, "publisher")
        _put(node, "author", [agent_value(a, "author") for a in r.authors])
        if r.body:
            node["articleBody"] = r.body.text
            if r.body.origin != "source":
                node["nr:bodyOrigin"] = r.body.origin
            blocks = [{"@type": BLOCK_TYPES[b.kind], "nr:textSpan": span_value(b.span)} for b in r.body.blocks]
            if blocks:
                node["nr:blocks"] = {"@list": blocks}
        about = ([self.ref(r.event.id)] if r.event else []) + subject_nodes(r.subjects)
        _put(node, "about", about)
        mentioned = [p.id for p in r.participants] + [e.id for e in r.referenced_events]
        _put(node, "mentions", self.refs(tuple(mentioned)))
        _put(node, "hasPart", self.refs(tuple(s.id for s in r.statements)))
        return node | write_metadata(r)

    def _event_common(self, event: _EventBase) -> Node:
        node: Node = {
            "@id": self.prefix + event.id,
            "@type": "Event",
            "additionalType": EVENT_KIND + event.kind,
            "name": event.name,
        }
        node |= _partial_date("startDate", event.date)
        if event.place:
            node["location"] = self.ref(event.place)
        attendees = [
            {"@type": "Role", "roleName": p.role, "attendee": self.ref(p.participant)}
            if p.role
            else self.ref(p.participant)
            for p in event.participations
        ]
        _put(node, "attendee", attendees)
        _put(node, "nr:textSpan", span_values(event.mentions))
        return node

    def event(self, event: Event) -> Node:
        node = self._event_common(event)
        _put(node, "subEvent", self.refs(tuple(e.id for e in event.sub_events)))
        return node

    def referenced_event(self, event: ReferencedEvent) -> Node:
        node = self._event_common(event)
        node["nr:relation"] = event.relation
        _put(node, "subjectOf", self.refs(event.cited_by))
        return node

    def participant(self, p: Person | Organization | Place) -> Node:
        node: Node = {"@id": self.prefix + p.id, "@type": _participant_type(p), "name": p.name}
        if isinstance(p, Place) and p.place_type in ("region", "territory"):
            node["additionalType"] = PLACE_KIND + p.place_type
        if p.other_names:
            node["alternateName"] = [_name(n) for n in p.other_names]
        if p.identifiers:
            node["identifier"] = [
                {"@type": "PropertyValue", "propertyID": i.scheme, "value": i.value} for i in p.identifiers
            ]
            _put(
                node,
                "sameAs",
                [f"http://www.wikidata.org/entity/{i.value}" for i in p.identifiers if i.scheme == "wikidata"],
            )
        if isinstance(p, Person) and (p.titles or p.affiliations):
            _put(node, "jobTitle", [t.text for t in p.titles])
            _put(node, "memberOf", [self.title(t.text, t.organization, t.mentions) for t in p.titles])
            _put(node, "affiliation", self.refs(p.affiliations))
        if p.country:
            node[_COUNTRY_PROPERTY[p.kind]] = self.ref(p.country)
        _put(node, "nr:textSpan", span_values(p.mentions))
        return node

    def title(self, text: str, organization: str | None, mentions: tuple[Any, ...]) -> Node:
        role: Node = {"@type": "OrganizationRole", "roleName": text}
        if organization:
            role["memberOf"] = self.ref(organization)
        _put(role, "nr:textSpan", span_values(mentions))
        return role

    def statement(self, index: int, s: Statement) -> Node:
        node: Node = {"@id": self.prefix + s.id, "@type": "Claim" if s.kind == "indirect" else "Quotation"}
        if s.kind == "partial":
            node["additionalType"] = PARTIAL_QUOTATION
        node["text"] = s.text
        node["nr:textSpan"] = span_value(s.span)
        _put(node, "creator", self.refs(s.speakers))
        if s.reporting_verb:
            node["nr:reportingVerb"] = s.reporting_verb.text
            node["nr:reportingVerbSpan"] = span_value(s.reporting_verb.span)
        if s.source:
            node["creditText"] = s.source.text
            node["nr:creditTextSpan"] = span_value(s.source.span)
        if s.event:
            node["recordedAt"] = self.ref(s.event)
        _put(node, "about", self.refs(s.about))
        node["isPartOf"] = {"@id": self.report.id}
        node["position"] = index + 1
        return node


_COUNTRY_PROPERTY = {"person": "nationality", "organization": "location", "place": "containedInPlace"}
"""Where each kind of participant names its country."""


def _participant_type(p: _Participant) -> str:
    if isinstance(p, Place):
        return PLACE_TYPES.get(p.place_type, "Place")
    return "Person" if isinstance(p, Person) else "Organization"


def _partial_date(prop: str, value: PartialDate | None) -> Node:
    """A partial date as plain ISO 8601 under `prop`, with `nr:` marks for what is inferred."""
    if value is None:
        return {}
    local = prop.removeprefix("nr:")
    node: Node = {prop: value.value}
    if value.inferred:
        node[f"nr:{local}Inferred"] = list(value.inferred)
    if value.note:
        node[f"nr:{local}Note"] = value.note
    return node


def _name(name: Name) -> object:
    return {"@value": name.text, "@language": name.language} if name.language else name.text


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _put(node: Node, key: str, value: object) -> None:
    """Set `key` unless the value is empty: absent and empty read back the same."""
    if value is not None and value != []:
        node[key] = value
