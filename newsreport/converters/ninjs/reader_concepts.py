"""ninjs subjects, genres, people, organisations, places and events, as the model's concepts,
participants and events: each entry checked on its own, a bad one named and left out."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from newsreport.converters.local_ids import LocalIds
from newsreport.model import Concept, Subject
from newsreport.model.base import LOCAL_ID_PATTERN

Node = dict[str, Any]

IPTC_SCHEMES = {"mediatopic": "medtop", "subjectcode": "subj", "genre": "genre", "scene": "scene"}
"""The scheme aliases IPTC gives its own NewsCodes in its catalog
(http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml): the vocabulary
`http://cv.iptc.org/newscodes/mediatopic/` is `medtop`, and so on."""
_IPTC_CV = re.compile(r"^https?://cv\.iptc\.org/newscodes/(?P<cv>[a-z]+)/(?P<code>[^/\s]+)$")
_LOCAL_ID = re.compile(LOCAL_ID_PATTERN)
_QCODE = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9_.-]*):(?P<code>\S+)$")
_CODE_SCHEME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_WIKIDATA = re.compile(r"^https?://www\.wikidata\.org/(?:entity|wiki)/(?P<q>Q[1-9][0-9]*)$")
_RELATIONS = {"background", "cause", "precedent", "follow-up", "related"}
KINDS = {"people": "person", "organisations": "organization", "places": "place"}


class Concepts:
    """Reads the concept lists of one document; `skipped` collects what it could not map."""

    def __init__(self, skipped: list[str]) -> None:
        self.skipped = skipped
        self.ids = LocalIds()

    def skip(self, path: str, why: str) -> None:
        self.skipped.append(f"{path} ({why})")

    def entries(self, value: Any, path: str) -> list[tuple[str, Node]]:
        """The objects of a ninjs array, each with its path; anything else named."""
        if not isinstance(value, list):
            self.skip(path, "not an array")
            return []
        found = []
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                found.append((f"{path}[{i}]", entry))
            else:
                self.skip(f"{path}[{i}]", "not an object")
        return found

    def text(self, entry: Node, key: str, path: str) -> str | None:
        """A non-empty string property, else None (named unless absent)."""
        value = entry.get(key)
        if value is None or (isinstance(value, str) and value.strip()):
            return value.strip() if isinstance(value, str) else None
        self.skip(f"{path}.{key}", "not a non-empty string")
        return None

    def others(self, entry: Node, path: str, mapped: set[str]) -> None:
        for key in entry:
            if key not in mapped:
                self.skip(f"{path}.{key}", "not mapped")

    def checked(self, model: type[BaseModel], data: Node, path: str) -> Node | None:
        """`data` if the model takes it, else None with the model's first complaint named."""
        try:
            model.model_validate(data)
        except ValidationError as exc:
            self.skip(path, exc.errors(include_url=False)[0]["msg"])
            return None
        return data

    def concepts(self, value: Any, path: str, subjects: bool) -> list[Node]:
        """`subjects` or `genres`: name, uri, literal (a QCode gives scheme and code), rel (kind)."""
        found = []
        for where, entry in self.entries(value, path):
            data: Node = {"name": self.text(entry, "name", where), "uri": self.text(entry, "uri", where)}
            literal = self.text(entry, "literal", where)
            scheme_code = _scheme_code(literal, data["uri"])
            if scheme_code:
                data["scheme"], data["code"] = scheme_code
            elif literal:
                self.skip(f"{where}.literal", "not a QCode (scheme:code)")
            mapped = {"name", "uri", "literal"}
            if subjects:
                data["kind"] = self.text(entry, "rel", where)
                mapped.add("rel")
            self.others(entry, where, mapped)
            data = {k: v for k, v in data.items() if v is not None}
            kept = self.checked(Subject if subjects else Concept, data, where)
            if kept:
                found.append(kept)
        return found

    def participants(self, value: Any, key: str) -> list[Node]:
        """`people`, `organisations` or `places`: name, and identifiers from uri and literal."""
        found = []
        for where, entry in self.entries(value, key):
            name = self.text(entry, "name", where)
            if name is None:
                self.skip(where, "no name")
                continue
            identifiers = [i for i in (_uri_identifier(self.text(entry, "uri", where)),) if i]
            literal = self.text(entry, "literal", where)
            qcode = _QCODE.match(literal or "")
            if qcode and _CODE_SCHEME.match(qcode["scheme"]):
                identifiers.append({"scheme": qcode["scheme"], "value": qcode["code"]})
            elif literal:
                self.skip(f"{where}.literal", "not a QCode with a lower-case scheme")
            self.others(entry, where, {"name", "uri", "literal"})
            kind = KINDS[key]
            data = {"id": self.ids.from_name(name, kind), "kind": kind, "name": name, "identifiers": identifiers}
            found.append(data)
        return found

    def events(self, value: Any) -> tuple[Node | None, list[Node]]:
        """`events`: the first without a relation word as `rel` is the report's event, the others
        referenced events (rel their relation; `related` when it names none)."""
        event: Node | None = None
        referenced: list[Node] = []
        for where, entry in self.entries(value, "events"):
            name = self.text(entry, "name", where)
            if name is None:
                self.skip(where, "no name")
                continue
            rel = self.text(entry, "rel", where)
            self.others(entry, where, {"name", "rel", "id"})
            data: Node = {"id": self._event_id(entry, name, where), "kind": "event", "name": name}
            if rel is None and event is None:
                event = data
            elif rel in _RELATIONS:
                referenced.append({**data, "relation": rel})
            else:
                if rel is not None:
                    self.skip(f"{where}.rel", f"{rel!r} is none of {sorted(_RELATIONS)}")
                referenced.append({**data, "relation": "related"})
        return event, referenced

    def _event_id(self, entry: Node, name: str, where: str) -> str:
        """The event's own `id` (3.x) when it can be a local id not yet taken, else one from its name."""
        given = entry.get("id")
        if isinstance(given, str) and _LOCAL_ID.fullmatch(given) and len(given) <= 200 and given not in self.ids:
            return self.ids.claim(given)
        if given is not None:
            self.skip(f"{where}.id", "not a local id, or taken")
        return self.ids.from_name(name, "event")


def _scheme_code(literal: str | None, uri: str | None) -> tuple[str, str] | None:
    qcode = _QCODE.match(literal or "")
    if qcode:
        return qcode["scheme"], qcode["code"]
    cv = _IPTC_CV.match(uri or "")
    if cv and cv["cv"] in IPTC_SCHEMES:
        return IPTC_SCHEMES[cv["cv"]], cv["code"]
    return None


def _uri_identifier(uri: str | None) -> Node | None:
    """An identifier from a participant's uri: a Wikidata entity is `wikidata` Q..., any other
    absolute http(s) IRI is kept whole under the scheme `uri`."""
    if uri is None:
        return None
    wikidata = _WIKIDATA.match(uri)
    if wikidata:
        return {"scheme": "wikidata", "value": wikidata["q"]}
    if re.match(r"^https?://\S+$", uri):
        return {"scheme": "uri", "value": uri}
    return None
