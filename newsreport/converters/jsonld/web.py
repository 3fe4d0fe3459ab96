"""The web's schema.org markup → NewsReport, as far as it maps.

Publishers put a NewsArticle (or Article, ReportageNewsArticle, BlogPosting, ...) in JSON-LD
files or in `<script type="application/ld+json">` blocks of their pages, in every shape JSON-LD
allows: `@graph` or not, arrays, nested nodes, `http://` or `https://` schema.org, the `type`
alias, names given as strings. Each block is expanded offline (`offline.py`) and its nodes are
gathered by `@id` (`nodes.py`), so all those shapes become one map of nodes; the article node
is then mapped field by field. What has no place in the model is named in one `ReadWarning`,
never dropped silently.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
import warnings
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import lxml.html
from pydantic import ValidationError

from newsreport.converters.dates import earlier, lenient_date, only_looks_like_a_date
from newsreport.converters.jsonld import offline
from newsreport.converters.jsonld.nodes import NodeMap
from newsreport.converters.local_ids import LocalIds
from newsreport.errors import ReadError, ReadWarning
from newsreport.jsontext import loads
from newsreport.model import IRI_PATTERN, LANGUAGE_PATTERN, NewsReport
from newsreport.problems import problems_from

Node = dict[str, Any]

ARTICLE_TYPES = {
    **dict.fromkeys(
        ("NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle"),
        3,
    ),
    **dict.fromkeys(("ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "Article"), 2),
    **dict.fromkeys(("BlogPosting", "LiveBlogPosting", "Report", "TechArticle", "SocialMediaPosting"), 1),
}
"""Types that can be the article, with a preference: news types first."""

ORGANIZATION_TYPES = {
    "Organization",
    "NewsMediaOrganization",
    "GovernmentOrganization",
    "Corporation",
    "NGO",
    "PoliticalParty",
    "EducationalOrganization",
    "CollegeOrUniversity",
    "MedicalOrganization",
    "SportsOrganization",
    "SportsTeam",
    "LocalBusiness",
    "OnlineBusiness",
    "ResearchOrganization",
    "Consortium",
}
PLACE_TYPES = {
    "Country": "country",
    "City": "city",
    "State": "region",
    "AdministrativeArea": "region",
    "Place": "other",
    "Continent": "other",
    "LandmarksOrHistoricalBuildings": "other",
    "TouristAttraction": "other",
    "CivicStructure": "other",
}
EVENT_TYPES = {"Event", "BusinessEvent", "SocialEvent", "PublicationEvent", "SportsEvent", "PoliticalEvent"}

MAPPED = {
    "headline",
    "name",
    "alternativeHeadline",
    "url",
    "mainEntityOfPage",
    "datePublished",
    "dateModified",
    "dateCreated",
    "inLanguage",
    "author",
    "creator",
    "publisher",
    "articleBody",
    "text",
    "dateline",
    "locationCreated",
    "about",
    "mentions",
}
"""Article properties the reader maps; any other one present is named in a warning."""

_IRI = re.compile(IRI_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_WIKIDATA = re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)$")
_SCRIPT_WRAPPERS = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/)|(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/)\s*$"
)


def read_web(doc: object, source: str) -> NewsReport:
    """The report a parsed JSON-LD document describes."""
    seed = json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()
    return _Mapper(_graph([doc], source), source, seed).report()


def read_html(data: bytes, source: str = "<input>") -> NewsReport:
    """The report the JSON-LD blocks of an HTML page describe (all blocks together)."""
    try:
        page = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ReadError(f"not an HTML page: {exc}", source=source, format="html") from None
    docs: list[object] = []
    broken: list[ReadError] = []
    duplicates: list[str] = []  # as browsers do, the last of two equal keys is read
    scripts = page.xpath("//script[@type]")
    blocks = [s for s in scripts if s.get("type", "").split(";")[0].strip().lower() == "application/ld+json"]
    for number, script in enumerate(blocks, start=1):
        text = _SCRIPT_WRAPPERS.sub("", script.text or "")

        def repeated(path: str, key: str, number: int = number) -> None:
            duplicates.append(f"JSON-LD block {number} {path}: duplicate key {key!r}, the last value read")

        try:
            docs.append(loads(text, source, strict=False, on_duplicate=repeated))
        except ReadError:
            broken.append(_syntax_error(text, number, script.sourceline, source))
    graph = _graph(docs, source)
    if not any(_article_rank(n) for n in graph.values()):
        if broken:
            raise broken[0]
        found = f"{len(blocks)} JSON-LD block(s)" if blocks else "no JSON-LD block"
        raise ReadError(f"no NewsArticle or Article in the page ({found})", source=source, format="html")
    for error in broken:
        warnings.warn(f"{error} (skipped)", ReadWarning, stacklevel=2)
    for duplicate in duplicates:
        warnings.warn(f"{source}: {duplicate}", ReadWarning, stacklevel=2)
    return _Mapper(graph, source, data).report()


def _syntax_error(text: str, number: int, first_line: int | None, source: str) -> ReadError:
    """Where and why a block is not JSON, as a line of the page."""
    try:
        json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        where = f"line {first_line + exc.lineno - 1}" if first_line else f"block {number}"
        return ReadError(f"JSON-LD block {number} is not JSON: {exc.msg}", source=source, location=where)
    except RecursionError:
        pass  # json's own limit: `loads` said so too
    where = f"line {first_line}" if first_line else f"block {number}"
    return ReadError(f"JSON-LD block {number} is nested too deeply", source=source, location=where)


def _graph(docs: Iterable[object], source: str) -> dict[str, Node]:
    """Every node of every document, by `@id`, with schema.org terms as bare local names."""
    graph = NodeMap()
    for doc in docs:
        try:
            graph.add(offline.expand(doc))
        except ValueError as exc:
            raise ReadError(str(exc), source=source, format="jsonld") from None
    return graph.nodes


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _is_calendar_date(match: re.Match[str]) -> bool:
    """Whether a reduced-precision date names a real month or day."""
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _article_rank(node: Node) -> int:
    return max((ARTICLE_TYPES.get(t, 0) for t in node["@type"]), default=0)


class _Mapper:
    def __init__(self, graph: dict[str, Node], source: str, seed: bytes) -> None:
        self.graph = graph
        self.source = source
        self.seed = seed
        self.skipped: list[str] = []
        self.ids: dict[str, str] = {}  # node @id -> local id
        self.taken = LocalIds()  # the local ids given
        self.participants: list[Node] = []
        self.events: list[tuple[bool, Node]] = []  # (named by `about`, event)

    def report(self) -> NewsReport:
        articles = [n for n in self.graph.values() if _article_rank(n)]
        if not articles:
            raise ReadError("no NewsArticle or Article node in the document", source=self.source, format="jsonld")
        a = max(articles, key=lambda n: (_article_rank(n), "articleBody" in n, "headline" in n))
        self.skipped += [
            f"{'/'.join(n['@type'])} {n['@id']} {self.text(n, 'headline') or ''!r} (a second article)"
            for n in articles
            if n is not a
        ]
        headline = self.text(a, "headline") or self.text(a, "name") or self.text(a, "alternativeHeadline")
        if headline is None:
            raise ReadError(
                "the article has no headline or name", source=self.source, location=a["@id"], format="jsonld"
            )
        data: Node = {
            "id": self.article_id(a),
            "headline": {"text": headline},
            **self.dates(a),
            "language": self.language(a),
            "url": self.iri(a, "url") or self.iri(a, "mainEntityOfPage"),
            "authors": [x for x in (self.agent(v) for v in self.values(a, "author", "creator")) if x],
        }
        publisher = next((x for x in (self.agent(v) for v in self.values(a, "publisher")) if x), None)
        data["publisher"] = publisher
        body = self.raw_text(a, "articleBody") or self.raw_text(a, "text")
        if body:
            data["body"] = {"text": body}
        dateline = self.text(a, "dateline")
        place = next(iter(self.values(a, "locationCreated")), None)
        place_id = self.participant(place) if place is not None else None
        if place is not None and place_id is None:
            self.skipped.append(
                f"locationCreated {place if isinstance(place, str) else place['@id']!r} (not a named place)"
            )
        if dateline:
            data["dateline"] = {"text": dateline, "place": place_id}
        for value in self.values(a, "about"):
            self.thing(value, main=True)
        for value in self.values(a, "mentions"):
            self.thing(value, main=False)
        # The first event the article is about is its event; any other is one it refers to.
        main = next((e for is_main, e in self.events if is_main), None)
        data["event"] = main
        data["referenced_events"] = [{**e, "relation": "related"} for _, e in self.events if e is not main]
        data["participants"] = self.participants
        unmapped = sorted(k for k in a if not k.startswith("@") and k not in MAPPED)
        self.skipped += [f"article {k}" for k in unmapped]
        if self.skipped:  # a value read twice is named once
            warnings.warn(
                f"{self.source}: not mapped: {', '.join(dict.fromkeys(self.skipped))}", ReadWarning, stacklevel=3
            )
        try:
            return NewsReport.model_validate(data)
        except ValidationError as exc:
            first = problems_from(exc, data)[0]
            raise ReadError(
                first.message, source=self.source, location=f"report {first.path}", format="jsonld"
            ) from None

    # Values -----------------------------------------------------------------------------------

    def values(self, node: Node, *props: str) -> list[Node | str]:
        """The values of `props`, a list's items among them: linked nodes resolved, literals as
        strings."""
        out: list[Node | str] = []
        for prop in props:
            for value in [item for v in node.get(prop, []) for item in v.get("@list", [v])]:
                if "@id" in value:
                    out.append(self.graph.get(value["@id"], {"@id": value["@id"], "@type": []}))
                elif isinstance(value.get("@value"), str):
                    out.append(value["@value"])
                elif isinstance(value.get("@value"), int | float):  # and booleans, spelled as in JSON
                    out.append(json.dumps(value["@value"]))
        return out

    def raw_text(self, node: Node, prop: str) -> str | None:
        """The first non-blank literal of `prop`, exactly as given; any other is named as not mapped."""
        first, *others = dict.fromkeys(v for v in self.values(node, prop) if isinstance(v, str) and v.strip()) or [None]
        self.skipped += [f"{prop} {other!r} (a second value)" for other in others]
        return first

    def text(self, node: Node, prop: str) -> str | None:
        """The first non-blank literal of `prop`, with surrounding white space removed."""
        value = self.raw_text(node, prop)
        return value.strip() if value is not None else None

    def iri(self, node: Node, prop: str) -> str | None:
        """The first absolute IRI among the values of `prop` (a link or a string)."""
        for value in self.values(node, prop):
            candidate = value if isinstance(value, str) else value["@id"]
            if _IRI.match(candidate.strip()) and not candidate.startswith("_:"):
                return candidate.strip()
        return None

    def article_id(self, a: Node) -> str:
        if not a["@id"].startswith("_:") and _IRI.match(a["@id"]):
            return str(a["@id"])
        found = self.iri(a, "url") or self.iri(a, "mainEntityOfPage")
        if found:
            return found
        digest = hashlib.sha256(self.seed).hexdigest()
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:sha256:' + digest)}"

    def dates(self, a: Node) -> Node:
        """The article's `published` and `modified`; a modification before publication is left out."""
        published = self.date(a, "datePublished") or self.date(a, "dateCreated")
        modified = self.date(a, "dateModified")
        if published and modified and earlier(modified, published):
            self.skipped.append(f"dateModified {modified.isoformat()} (before publication, {published.isoformat()})")
            modified = None
        return {"published": _iso(published), "modified": _iso(modified)}

    def date(self, node: Node, prop: str) -> date | None:
        raw = self.text(node, prop)
        if raw is None:
            return None
        parsed = None if only_looks_like_a_date(raw) else lenient_date(raw)
        if parsed is None:
            self.skipped.append(f"{prop} {raw!r} (not a date)")
            return None
        if not isinstance(parsed, datetime) and len(raw.strip()) > 10:
            self.skipped.append(f"the time of {prop} {raw!r} (no time zone)")
        return parsed

    def partial_date(self, node: Node, prop: str) -> Node | None:
        """A date at reduced precision (`2025`, `2025-01`, `2025-01-20`) as it is, or the day of
        a date-time with a warning that its time is left out (an event's date is a day)."""
        raw = self.text(node, prop)
        if raw is None:
            return None
        match = _PARTIAL_DATE.fullmatch(raw)
        if match and _is_calendar_date(match):
            return {"value": raw}
        moment = self.date(node, prop)
        if moment is None:
            return None
        if isinstance(moment, datetime):
            self.skipped.append(f"the time of {prop} {raw!r} (an event's date is a day)")
            moment = moment.date()
        return {"value": moment.isoformat()}

    def name(self, node: Node) -> str | None:
        """The first non-blank `name` on one line: a name holds no line breaks."""
        raw = self.raw_text(node, "name")
        return _one_line(raw) if raw is not None else None

    def language(self, a: Node) -> str | None:
        found = None
        for value in self.values(a, "inLanguage"):
            code = value if isinstance(value, str) else self.text(value, "alternateName") or self.text(value, "name")
            if found is None and code and _LANGUAGE.match(code.strip()):
                found = code.strip()
            elif code != found:
                self.skipped.append(f"inLanguage {code!r}")
        return found

    def agent(self, value: Node | str) -> Node | None:
        if isinstance(value, str):
            return {"name": _one_line(value)} if value.strip() else None
        name = self.name(value)
        if name is None:
            self.skipped.append("an author or publisher without a name")
            return None
        kind = "person" if "Person" in value["@type"] else None
        if kind is None and set(value["@type"]) & ORGANIZATION_TYPES:
            kind = "organization"
        return {"kind": kind, "name": name, "url": self.iri(value, "url")}

    # Participants and events ------------------------------------------------------------------

    def thing(self, value: Node | str, main: bool) -> None:
        """Map an `about` or `mentions` value to a participant or an event, if it is one."""
        if isinstance(value, str):
            self.skipped.append(f"{'about' if main else 'mentions'} {value!r} (a plain string)")
        elif set(value["@type"]) & EVENT_TYPES:
            self.event(value, main)
        elif self.participant(value) is None:
            self.skipped.append(f"{'about' if main else 'mentions'} {value['@type'] or 'node'} {value['@id']}")

    def participant(self, node: Node | str) -> str | None:
        """The local id of the participant `node` is, adding it on first sight; None if it is none."""
        if isinstance(node, str):
            return None
        if node["@id"] in self.ids:
            return self.ids[node["@id"]]
        types = set(node["@type"])
        name = self.name(node)
        if name is None:
            return None
        data: Node = {"name": name}
        if "Person" in types:
            data["kind"] = "person"
        elif types & ORGANIZATION_TYPES:
            data["kind"] = "organization"
        elif types & PLACE_TYPES.keys():
            data |= {"kind": "place", "place_type": next(PLACE_TYPES[t] for t in node["@type"] if t in PLACE_TYPES)}
        else:
            return None
        if data["kind"] == "person":
            data["titles"] = [
                {"text": _one_line(t)} for t in self.values(node, "jobTitle") if isinstance(t, str) and t.strip()
            ]
        wikidata = []  # one id may be linked twice (`http://.../entity/Q1`, `https://.../wiki/Q1`)
        for value in self.values(node, "sameAs"):
            match = _WIKIDATA.match(value if isinstance(value, str) else value["@id"])
            if match:
                wikidata.append(match[1])
        identifiers = [{"scheme": "wikidata", "value": q} for q in dict.fromkeys(wikidata)]
        local = self.taken.from_name(name, "item")
        self.ids[node["@id"]] = local
        self.participants.append({"id": local, **data, "identifiers": identifiers})
        return local

    def event(self, node: Node, main: bool) -> None:
        name = self.name(node)
        if name is None:
            self.skipped.append(f"{'about' if main else 'mentions'} {'/'.join(node['@type'])} {node['@id']} (no name)")
        if name is None or node["@id"] in self.ids:
            return
        local = self.taken.from_name(name, "item")
        self.ids[node["@id"]] = local
        location = next(iter(self.values(node, "location")), None)
        place = self.participant(location) if location is not None else None
        if location is not None and place is None:
            self.skipped.append(f"the location of {name!r} (not a named place)")
        event = {
            "id": local,
            "kind": "event",
            "name": name,
            "date": self.partial_date(node, "startDate"),
            "place": place,
        }
        self.events.append((main, event))
