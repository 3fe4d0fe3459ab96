"""The persons, organizations and places an item's subjects (and its `located`) name, with the
local ids that link them, their identifiers (`sameAs` qcodes) and their kinds of place."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsreport.converters.local_ids import LocalIds
from newsreport.converters.newsml_g2.context import Context
from newsreport.converters.newsml_g2.xml import XML_LANG, child, child_names, children, nr, parse_spans, path, text_of
from newsreport.errors import ReadError
from newsreport.model import LOCAL_ID_PATTERN

Node = dict[str, Any]
KINDS = {
    "cpnat:person": "person",
    "cpnat:organisation": "organization",
    "cpnat:geoarea": "place",
    "cpnat:poi": "place",
}
"""The subject types that are participants (NewsML-G2 concept natures, any letter case)."""
_LOCAL_ID = re.compile(LOCAL_ID_PATTERN)
_SCHEME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_VALUE = re.compile(r"\S+")
_PLACE_TYPES = (
    ("region", re.compile(r"countryarea|statprov|region|province", re.IGNORECASE)),
    ("country", re.compile(r"country|iso3166", re.IGNORECASE)),
    ("city", re.compile(r"city|locality|town", re.IGNORECASE)),
)
"""A kind of place from the words of a concept's type (`loctyp:City`, `cptype:statprov`) or the
schemes of its QCodes (`dpacountry:1`, `iso3166-1a2:DE`), first match wins."""


class Subjects:
    """The participants of one item and the local ids of every subject (participants and events)."""

    def __init__(self, ctx: Context, asserts: dict[str, etree._Element]) -> None:
        self.ctx = ctx
        self.asserts = asserts  # literal or qcode -> the `assert` about it
        self.ids: dict[str, str] = {}  # subject key (literal, qcode or name) -> local id
        self.taken = LocalIds()
        self.extra_places: list[Node] = []  # places only `located` or an event names
        self.countries: dict[str, str] = {}  # qcode -> local id of an agency's country subjects
        self.place_names: dict[str, str] = {}  # name -> local id of an agency's first place subject so named

    def spans(self, element: etree._Element, attribute: str) -> list[dict[str, int]]:
        """The spans in one of our `nr:` attributes of an element."""
        try:
            return parse_spans(element.get(nr(attribute)))
        except ValueError as exc:
            raise ReadError(f"nr:{attribute}: {exc}", source=self.ctx.source, location=path(element)) from None

    def key(self, element: etree._Element) -> str:
        return element.get("literal") or element.get("qcode") or element.get("uri") or text_of(child(element, "name"))

    def new_id(self, key: str, name: str) -> str:
        """The local id for a subject: its literal when that is a valid id, else one made from its name."""
        if self.ctx.own or (_LOCAL_ID.match(key) and key not in self.taken):
            local_id = self.taken.claim(key)
        else:
            local_id = self.taken.from_name(name, "subject")
        self.ids[key] = local_id
        return local_id

    def ref(self, element: etree._Element) -> str:
        key = self.key(element)
        return self.ids.get(key, key)

    def name_of(self, subject: etree._Element) -> str | None:
        """A subject's name: its own `<name>`, else that of the `assert` about it (as AP sends them)."""
        for source in (subject, self.asserts.get(self.key(subject))):
            if source is None:
                continue
            name = next((n for n in children(source, "name") if n.get("role") != "nrname:other"), None)
            if name is not None and (self.ctx.own or text_of(name).strip()):
                if source is not subject:
                    self.ctx.coverage.take(name)
                return self.ctx.clean(text_of(name))
        return None

    def place_of(self, located: etree._Element) -> str | None:
        """The place participant a `located` (or an event's location) names, added if no subject names it."""
        key = self.key(located)
        if key in self.ids:
            self.ctx.coverage.take(located)
            return self.ids[key]
        name = self.ctx.clean(text_of(child(located, "name")))
        if not name:
            return None
        if not self.ctx.own and name in self.place_names and not located.get("qcode"):
            self.ctx.coverage.take(located, but=_others(located, {"name"}))
            return self.place_names[name]  # a place subject of the same name (APA's located Wien)
        local_id = self.new_id(key, name)
        place: Node = {"id": local_id, "kind": "place", "name": name, "identifiers": self.identifiers(located)}
        if not self.ctx.own:
            place["place_type"] = place_type(located)
        self.extra_places.append(place)
        self.ctx.coverage.take(located, but=_others(located, {"name", "sameas"}))
        return local_id

    def participant(self, subject: etree._Element, kind: str, local_id: str, name: str) -> Node:
        ctx = self.ctx
        names = children(subject, "name")
        other = [n for n in names if n.get("role") == "nrname:other"] if ctx.own else names[1:]
        data: Node = {
            "id": local_id,
            "kind": kind,
            "name": name,
            "other_names": [
                {"text": ctx.clean(text_of(n)), "language": ctx.language(n) if not ctx.own else n.get(XML_LANG)}
                for n in other
                if ctx.clean(text_of(n))
            ],
            "identifiers": self.identifiers(subject),
            "mentions": self.spans(subject, "spans"),
        }
        related = [(r.get("rel"), r) for r in children(subject, "related")]
        if kind == "place":
            data["place_type"] = subject.get(nr("placeType"), "other") if ctx.own else place_type(subject)
        if kind == "person":
            data["titles"] = [
                {
                    "text": text_of(child(r, "name")),
                    "organization": self.ref(r) if r.get("literal") else None,
                    "mentions": self.spans(r, "spans"),
                }
                for rel, r in related
                if rel == "nrrel:title"
            ]
            data["affiliations"] = [self.ref(r) for rel, r in related if rel == "nrrel:affiliation"]
        data["country"] = next((self.ref(r) for rel, r in related if rel == "nrrel:country"), None)
        mapped = {"name", "sameas"} | ({"related"} if ctx.own else set())
        ctx.coverage.take(subject, but=_others(subject, mapped))
        if not ctx.own and kind == "place" and data["place_type"] != "country":
            data["country"] = data["country"] or self.broader_country(subject)
        if not ctx.own:
            ctx.coverage.attributes(subject, ("type", "qcode", "literal"))
        return data

    def broader_country(self, subject: etree._Element) -> str | None:
        """The country an agency's subject lies in: a `broader` that names a country subject of
        the item (APA: Wien, broader Österreich, which has an ISO 3166 code)."""
        for broader in children(subject, "broader"):
            target = self.countries.get(broader.get("qcode") or "-")
            if target is not None:
                self.ctx.coverage.take(broader)
                return target
        return None

    def identifiers(self, subject: etree._Element) -> list[Node]:
        """The subject's own qcode (an agency's) and its `sameAs` qcodes, where the scheme is one
        the model takes (lower-case letters, digits and hyphens); others are named."""
        codes = [s.get("qcode") or "" for s in children(subject, "sameAs")]
        if not self.ctx.own:
            codes.insert(0, subject.get("qcode") or "")
        found = []
        for code in (c for c in codes if c):
            scheme, _, value = code.partition(":")
            certain = _SCHEME.fullmatch(scheme) and _VALUE.fullmatch(value)
            if scheme == "wikidata" and not re.fullmatch(r"Q[1-9][0-9]*", value):
                certain = None
            if self.ctx.own or certain:
                found.append({"scheme": scheme, "value": value})
            else:
                self.ctx.skipped.append(f"identifier {code!r}")
        return found


def place_type(concept: etree._Element) -> str:
    """What sort of place a concept is, from its type or the scheme of a code it has."""
    codes = [e.get("qcode") or "" for e in (concept, *children(concept, "sameAs"))]
    if any(code.startswith("iso3166") and "-" in code.partition(":")[2] for code in codes):
        return "region"  # an ISO 3166-2 subdivision (`DE-HE`), whatever scheme alias it is given
    kind = concept.get("type") or ""
    words = [] if kind.lower().startswith("cpnat:") else [kind.partition(":")[2] or kind]
    words += [(e.get("qcode") or "").partition(":")[0] for e in (concept, *children(concept, "sameAs"))]
    for place_type, pattern in _PLACE_TYPES:
        if any(pattern.search(word) for word in words):
            return place_type
    return "other"


def _others(element: etree._Element, mapped: set[str]) -> set[str]:
    """The names of an element's children other than `mapped`."""
    return child_names(element) - mapped
