"""Our own JSON-LD → NewsReport, read structurally by `@id`: exact, and fast (no RDF step).

A document is ours when its `@context` is exactly the one our writer puts; everything else goes
to the lenient reader in `web.py`. Ours are read strictly: a repeated key or node is refused
with its place, a sub-event loop or a chain deeper than `MAX_EVENT_DEPTH` too, and every
property, node or object we do not write is named in a `ReadWarning`.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from pydantic import ValidationError

from newsreport.converters.jsonld.metadata import ARTICLE_PROPERTIES, read_agent, read_metadata, read_subject
from newsreport.converters.jsonld.terms import (
    BLOCK_TYPES,
    CONTEXT,
    EVENT_KIND,
    PARTIAL_QUOTATION,
    PLACE_KIND,
    PLACE_TYPES,
    PROPERTIES,
    parse_span,
)
from newsreport.converters.jsonld.web import read_web
from newsreport.errors import ReadError, ReadWarning
from newsreport.jsontext import loads
from newsreport.limits import nesting_problem
from newsreport.model import NewsReport
from newsreport.problems import problems_from

Node = dict[str, Any]
_BLOCK_KINDS = {v: k for k, v in BLOCK_TYPES.items()}
_PLACE_TYPES = {v: k for k, v in PLACE_TYPES.items() if v != "AdministrativeArea"} | {"Place": "other"}
_ARTICLE = PROPERTIES["article"] | ARTICLE_PROPERTIES


def read(data: bytes, source: str = "<input>") -> NewsReport:
    """The report a JSON-LD document holds: ours exactly, anyone else's as far as it maps."""
    duplicates: list[tuple[str, str]] = []
    doc = loads(data, source, format="jsonld", on_duplicate=lambda path, key: duplicates.append((path, key)))
    if isinstance(doc, dict) and doc.get("@context") == CONTEXT and "@graph" in doc:
        if duplicates:
            path, key = duplicates[0]
            raise ReadError(f"duplicate key {key!r}", source=source, location=path, format="jsonld")
        return read_own(doc, source)
    for path, key in duplicates:
        warnings.warn(f"{source}: {path}: duplicate key {key!r}, the last value read", ReadWarning, stacklevel=2)
    return read_web(doc, source)


def read_own(doc: Node, source: str) -> NewsReport:
    """The report a document written by our writer holds."""
    reader = _Reader(source)
    try:
        reader.index(doc["@graph"])
        data = reader.report()
    except ReadError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ReadError(
            f"not a newsreport graph: {detail}", source=source, location=reader.at, format="jsonld"
        ) from None
    reader.warn_unmapped()
    try:
        return NewsReport.model_validate(data)
    except ValidationError as exc:
        first, *rest = problems_from(exc, data)
        more = f" (and {len(rest)} more)" if rest else ""
        location = f"{reader.read_from(first.path, data)}: report {first.path}"
        raise ReadError(first.message + more, source=source, location=location, format="jsonld") from None


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.at = "@graph"
        self.nodes: dict[str, Node] = {}
        self.unread: dict[str, int] = {}  # @id -> its place in the graph, for the nodes no link has reached yet
        self.unmapped: list[str] = []

    def index(self, graph: list[Node]) -> None:
        """Every node by `@id`; a second node with an `@id` is refused, as it would replace the first.
        Where a node is (`self.at`) is spelled out only for an error."""
        self.graph = graph
        nodes, where = self.nodes, self.unread
        number = -1
        try:
            for number, node in enumerate(graph):
                iri = node["@id"]
                if type(iri) is not str:
                    _iri(node)  # raises
                if iri in where:
                    message = f"a second node {iri!r} (the first is @graph[{where[iri]}])"
                    raise ReadError(message, source=self.source, location=f"@graph[{number}]", format="jsonld")
                where[iri] = number
                nodes[iri] = node
        except Exception:
            if number >= 0:
                self.at = f"@graph[{number}]"
            raise
        self.article = graph[0]
        self.prefix = self.article["@id"] + "#"
        self.unread.pop(self.article["@id"])

    def read_from(self, at: str, data: Node) -> str:
        """The node (and property) that the report's part at JSON path `at`, or the nearest part
        holding it, was read from (`data` is what was read)."""
        places = self.places(data)
        while at not in places:
            shorter = re.sub(r"(\.\w+|\[\d+\])$", "", at)
            if shorter == at:
                return str(self.article["@id"])
            at = shorter
        return places[at]

    def places(self, data: Node) -> dict[str, str]:
        """JSON path in the report → the node (and property) it was read from; worked out only
        for a report the model refuses, from the local ids read (a node's `@id` is the prefix and
        its local id)."""
        article = self.article["@id"]
        places = {field: f"{article} {prop}" for field, prop in _ARTICLE_FIELDS.items()}
        for field in ("participants", "referenced_events", "statements"):
            for number, item in enumerate(data[field]):
                places[f"$.{field}[{number}]"] = f"{self.prefix}{item['id']}"
        for number, event in enumerate(data["referenced_events"]):
            places[f"$.referenced_events[{number}].date"] = f"{self.prefix}{event['id']} startDate"
        events = [("$.event", data["event"])] if "event" in data else []
        while events:
            at, event = events.pop()
            iri = self.prefix + event["id"]
            places |= {at: iri, f"{at}.date": f"{iri} startDate"}
            events += [(f"{at}.sub_events[{n}]", sub) for n, sub in enumerate(event["sub_events"])]
        return places

    def check(self, node: Node, kind: str, where: str = "") -> None:
        """Note each property of `node` that our writer does not put on a `kind` (a node without
        `where` is a node of the graph)."""
        known = _ARTICLE if kind == "article" else PROPERTIES[kind]
        if not known.issuperset(node):
            place = where or node.get("@id", self.at)
            self.unmapped += [f"{place} {key}" for key in node if key not in known]

    def warn_unmapped(self) -> None:
        """One warning naming every property and node the report leaves out."""
        graph = self.graph
        lost = self.unmapped + [
            f"node {iri} @graph[{number}] ({graph[number].get('@type', 'no type')}), linked from nothing read"
            for iri, number in self.unread.items()
        ]
        if lost:
            warnings.warn(f"{self.source}: not mapped: {', '.join(lost)}", ReadWarning, stacklevel=4)

    def local(self, ref: Node) -> str:
        iri = _iri(ref)
        if not iri.startswith(self.prefix):
            raise ValueError(f"{iri!r} is not a node of this report")
        return str(iri[len(self.prefix) :])

    def node(self, ref: Node, holder: Node) -> Node:
        """The node a link of `holder` points to (a bad link is `holder`'s error)."""
        self.at = holder["@id"]
        self.at = _iri(ref)
        self.unread.pop(self.at, None)
        return self.nodes[self.at]

    def report(self) -> Node:
        a = self.article
        self.at = a["@id"]
        self.check(a, "article")
        data: Node = {
            "id": a["@id"],
            "headline": {"text": a["headline"], "origin": a.get("nr:headlineOrigin", "source")},
        }
        if "dateline" in a:
            data["dateline"] = {
                "text": a["dateline"],
                "span": _span(a.get("nr:datelineSpan")),
                "place": self.local(a["locationCreated"]) if "locationCreated" in a else None,
                "date": _partial_date(a, "nr:datelineDate"),
            }
        data |= {
            "published": a.get("datePublished"),
            "modified": a.get("dateModified"),
            "language": a.get("inLanguage"),
            "url": a.get("url"),
            "publisher": self.agent(a["publisher"], "publisher") if "publisher" in a else None,
            "authors": [self.agent(x, "author") for x in _many(a, "author")],
        }
        data |= read_metadata(a, self.check)
        if "articleBody" in a:
            blocks = a.get("nr:blocks", {}).get("@list", [])
            for block in blocks:
                self.check(block, "block", f"{a['@id']} nr:blocks")
            data["body"] = {
                "text": a["articleBody"],
                "blocks": [{"kind": _BLOCK_KINDS[b["@type"]], "span": parse_span(b["nr:textSpan"])} for b in blocks],
                "origin": a.get("nr:bodyOrigin", "source"),
            }
        mentioned = [self.node(ref, a) for ref in _many(a, "mentions")]
        data["participants"] = [self.participant(n) for n in mentioned if n["@type"] != "Event"]
        data["referenced_events"] = [self.referenced_event(n) for n in mentioned if n["@type"] == "Event"]
        data["statements"] = [self.statement(self.node(ref, a)) for ref in _many(a, "hasPart")]
        about = _many(a, "about")
        data["subjects"] = [read_subject(s, self.check, f"{a['@id']} about") for s in about if "@type" in s]
        events = [ref for ref in about if "@type" not in ref]
        if len(events) > 1:
            raise ValueError(f"the article is about {len(events)} events; ours are about one")
        if events:
            self.check_nesting(events[0])
            data["event"] = self.event(self.node(events[0], a))
        return data

    def check_nesting(self, covered: Node) -> None:
        """Refuse a sub-event that loops back or a chain deeper than `MAX_EVENT_DEPTH`, which the
        event's reading would otherwise follow until the stack is exhausted."""
        sub_events = {
            self.short(iri): [self.short(ref["@id"]) for ref in _many(node, "subEvent")]
            for iri, node in self.nodes.items()
            if "subEvent" in node
        }
        problem = nesting_problem(sub_events, [self.short(covered["@id"])])
        if problem is not None:
            chain, message = problem
            where = f"{self.prefix}{chain[-2]} subEvent"
            raise ReadError(message, source=self.source, location=where, format="jsonld")

    def short(self, iri: str) -> str:
        """A node's local id if it has one, else its `@id`."""
        return iri.removeprefix(self.prefix)

    def agent(self, node: Node, prop: str) -> Node:
        return read_agent(node, prop, self.check, f"{self.article['@id']} {prop}")

    def _event_common(self, node: Node, kind: str) -> Node:
        self.check(node, kind)
        participations = []
        for attendee in _many(node, "attendee"):
            if attendee.get("@type") == "Role":
                self.check(attendee, "Role", f"{node['@id']} attendee")
                participations.append({"participant": self.local(attendee["attendee"]), "role": attendee["roleName"]})
            else:
                participations.append({"participant": self.local(attendee)})
        return {
            "id": self.local(node),
            "kind": node["additionalType"].removeprefix(EVENT_KIND),
            "name": node["name"],
            "date": _partial_date(node, "startDate"),
            "place": self.local(node["location"]) if "location" in node else None,
            "participations": participations,
            "mentions": [parse_span(s) for s in _many(node, "nr:textSpan")],
        }

    def event(self, node: Node) -> Node:
        """The event `node` is, with its sub-events."""
        data = self._event_common(node, "event")
        data["sub_events"] = [self.event(self.node(ref, node)) for ref in _many(node, "subEvent")]
        return data

    def referenced_event(self, node: Node) -> Node:
        data = self._event_common(node, "referenced event")
        data["relation"] = node["nr:relation"]
        data["cited_by"] = [self.local(ref) for ref in _many(node, "subjectOf")]
        return data

    def participant(self, node: Node) -> Node:
        kind = node["@type"]
        self.check(node, kind if kind in ("Person", "Organization") else "place")
        for name in _many(node, "alternateName"):
            if isinstance(name, dict):
                self.check(name, "name", f"{node['@id']} alternateName")
        for identifier in _many(node, "identifier"):
            self.check(identifier, "PropertyValue", f"{node['@id']} identifier")
        data: Node = {
            "id": self.local(node),
            "name": node["name"],
            "other_names": [_name(n) for n in _many(node, "alternateName")],
            "identifiers": [{"scheme": i["propertyID"], "value": i["value"]} for i in _many(node, "identifier")],
            "mentions": [parse_span(s) for s in _many(node, "nr:textSpan")],
        }
        if kind == "Person":
            data |= {"kind": "person", "country": self._optional_ref(node, "nationality")}
            for role in _many(node, "memberOf"):
                self.check(role, "OrganizationRole", f"{node['@id']} memberOf")
            data["titles"] = [
                {
                    "text": role["roleName"],
                    "organization": self.local(role["memberOf"]) if "memberOf" in role else None,
                    "mentions": [parse_span(s) for s in _many(role, "nr:textSpan")],
                }
                for role in _many(node, "memberOf")
            ]
            data["affiliations"] = [self.local(ref) for ref in _many(node, "affiliation")]
        elif kind == "Organization":
            data |= {"kind": "organization", "country": self._optional_ref(node, "location")}
        else:
            place_type = node["additionalType"].removeprefix(PLACE_KIND) if "additionalType" in node else None
            data |= {
                "kind": "place",
                "place_type": place_type or _PLACE_TYPES[kind],
                "country": self._optional_ref(node, "containedInPlace"),
            }
        return data

    def statement(self, node: Node) -> Node:
        self.check(node, "statement")
        if node["@type"] == "Claim":
            kind = "indirect"
        else:
            kind = "partial" if node.get("additionalType") == PARTIAL_QUOTATION else "direct"
        verb = None
        if "nr:reportingVerb" in node:
            verb = {"text": node["nr:reportingVerb"], "span": parse_span(node["nr:reportingVerbSpan"])}
        source = None
        if "creditText" in node:
            source = {"text": node["creditText"], "span": parse_span(node["nr:creditTextSpan"])}
        return {
            "id": self.local(node),
            "kind": kind,
            "speakers": [self.local(ref) for ref in _many(node, "creator")],
            "text": node["text"],
            "span": parse_span(node["nr:textSpan"]),
            "reporting_verb": verb,
            "source": source,
            "event": self._optional_ref(node, "recordedAt"),
            "about": [self.local(ref) for ref in _many(node, "about")],
        }

    def _optional_ref(self, node: Node, key: str) -> str | None:
        return self.local(node[key]) if key in node else None


_ARTICLE_FIELDS = {
    "$.headline": "headline",
    "$.dateline": "dateline",
    "$.dateline.date": "nr:datelineDate",
    "$.published": "datePublished",
    "$.modified": "dateModified",
    "$.language": "inLanguage",
    "$.url": "url",
    "$.publisher": "publisher",
    "$.authors": "author",
    "$.body": "articleBody",
    "$.drafted_by": "nr:draftedBy",
}
"""Where in the article each of the report's own fields is read from."""


def _iri(ref: Node) -> str:
    """The `@id` of a node or a link to one."""
    iri = ref["@id"]
    if not isinstance(iri, str):
        raise ValueError(f"{iri!r} is not an @id")
    return iri


def _many(node: Node, key: str) -> list[Any]:
    """A property's values as a list: absent is empty, a single value is a list of one."""
    value = node.get(key, [])
    return value if isinstance(value, list) else [value]


def _span(value: object) -> dict[str, int] | None:
    return parse_span(value) if value is not None else None


def _partial_date(node: Node, prop: str) -> Node | None:
    if prop not in node:
        return None
    local = prop.removeprefix("nr:")
    return {
        "value": node[prop],
        "inferred": _many(node, f"nr:{local}Inferred"),
        "note": node.get(f"nr:{local}Note"),
    }


def _name(value: object) -> Node:
    if isinstance(value, dict):
        return {"text": value["@value"], "language": value.get("@language")}
    return {"text": value}
