"""Our own JSON-LD → NewsReport, read structurally by `@id`: exact, and fast (no RDF step).

A document is ours when its `@context` is exactly the one our writer puts; everything else goes
to the lenient reader in `web.py`.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from newsreport.converters.jsonld.terms import (
    BLOCK_TYPES,
    CONTEXT,
    EVENT_KIND,
    PARTIAL_QUOTATION,
    PLACE_KIND,
    PLACE_TYPES,
    parse_span,
)
from newsreport.converters.jsonld.web import read_web
from newsreport.converters.native import load_json
from newsreport.errors import ReadError
from newsreport.model import NewsReport
from newsreport.problems import problems_from

Node = dict[str, Any]
_BLOCK_KINDS = {v: k for k, v in BLOCK_TYPES.items()}
_PLACE_TYPES = {v: k for k, v in PLACE_TYPES.items() if v != "AdministrativeArea"} | {"Place": "other"}


def read(data: bytes, source: str = "<input>") -> NewsReport:
    """The report a JSON-LD document holds: ours exactly, anyone else's as far as it maps."""
    doc = load_json(data, source, "jsonld")
    if isinstance(doc, dict) and doc.get("@context") == CONTEXT and "@graph" in doc:
        return read_own(doc, source)
    return read_web(doc, source)


def read_own(doc: Node, source: str) -> NewsReport:
    """The report a document written by our writer holds."""
    reader: _Reader | None = None
    try:
        reader = _Reader(doc)
        data = reader.report()
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        where = reader.at if reader else "@graph"
        raise ReadError(f"not a newsreport graph: {detail}", source=source, location=where, format="jsonld") from None
    try:
        return NewsReport.model_validate(data)
    except ValidationError as exc:
        first, *rest = problems_from(exc, data)
        more = f" (and {len(rest)} more)" if rest else ""
        raise ReadError(first.message + more, source=source, location=f"report {first.path}", format="jsonld") from None


class _Reader:
    def __init__(self, doc: Node) -> None:
        graph = doc["@graph"]
        self.article: Node = graph[0]
        self.nodes: dict[str, Node] = {node["@id"]: node for node in graph}
        self.prefix = self.article["@id"] + "#"
        self.at = "@graph[0]"

    def local(self, ref: Node) -> str:
        iri = ref["@id"]
        if not iri.startswith(self.prefix):
            raise ValueError(f"{iri!r} is not a node of this report")
        return str(iri[len(self.prefix) :])

    def node(self, ref: Node) -> Node:
        self.at = ref["@id"]
        return self.nodes[ref["@id"]]

    def report(self) -> Node:
        a = self.article
        self.at = a["@id"]
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
            "publisher": _agent(a["publisher"]) if "publisher" in a else None,
            "authors": [_agent(x) for x in _many(a, "author")],
        }
        if "articleBody" in a:
            blocks = a.get("nr:blocks", {}).get("@list", [])
            data["body"] = {
                "text": a["articleBody"],
                "blocks": [{"kind": _BLOCK_KINDS[b["@type"]], "span": parse_span(b["nr:textSpan"])} for b in blocks],
            }
        mentioned = [self.node(ref) for ref in _many(a, "mentions")]
        data["participants"] = [self.participant(n) for n in mentioned if n["@type"] != "Event"]
        data["referenced_events"] = [self.referenced_event(n) for n in mentioned if n["@type"] == "Event"]
        data["statements"] = [self.statement(self.node(ref)) for ref in _many(a, "hasPart")]
        if "about" in a:
            data["event"] = self.event(self.node(a["about"]))
        return data

    def _event_common(self, node: Node) -> Node:
        participations = []
        for attendee in _many(node, "attendee"):
            if attendee.get("@type") == "Role":
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
        data = self._event_common(node)
        data["sub_events"] = [self.event(self.node(ref)) for ref in _many(node, "subEvent")]
        return data

    def referenced_event(self, node: Node) -> Node:
        data = self._event_common(node)
        data["relation"] = node["nr:relation"]
        data["cited_by"] = [self.local(ref) for ref in _many(node, "subjectOf")]
        return data

    def participant(self, node: Node) -> Node:
        data: Node = {
            "id": self.local(node),
            "name": node["name"],
            "other_names": [_name(n) for n in _many(node, "alternateName")],
            "identifiers": [{"scheme": i["propertyID"], "value": i["value"]} for i in _many(node, "identifier")],
            "mentions": [parse_span(s) for s in _many(node, "nr:textSpan")],
        }
        kind = node["@type"]
        if kind == "Person":
            data |= {"kind": "person", "country": self._optional_ref(node, "nationality")}
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
        if node["@type"] == "Claim":
            kind = "indirect"
        else:
            kind = "partial" if node.get("additionalType") == PARTIAL_QUOTATION else "direct"
        verb = None
        if "nr:reportingVerb" in node:
            verb = {"text": node["nr:reportingVerb"], "span": parse_span(node["nr:reportingVerbSpan"])}
        return {
            "id": self.local(node),
            "kind": kind,
            "speakers": [self.local(ref) for ref in _many(node, "creator")],
            "text": node["text"],
            "span": parse_span(node["nr:textSpan"]),
            "reporting_verb": verb,
            "event": self._optional_ref(node, "recordedAt"),
            "about": [self.local(ref) for ref in _many(node, "about")],
        }

    def _optional_ref(self, node: Node, key: str) -> str | None:
        return self.local(node[key]) if key in node else None


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


def _agent(node: Node) -> Node:
    kinds = {"Person": "person", "Organization": "organization"}
    return {"kind": kinds.get(node.get("@type", "")), "name": node["name"], "url": node.get("url")}


def _name(value: object) -> Node:
    if isinstance(value, dict):
        return {"text": value["@value"], "language": value.get("@language")}
    return {"text": value}
