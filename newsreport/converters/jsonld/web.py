"""The web's schema.org markup → NewsReport, as far as it maps.

Publishers put a NewsArticle (or Article, ReportageNewsArticle, BlogPosting, ...) in JSON-LD
files or in `<script type="application/ld+json">` blocks of their pages, in every shape JSON-LD
allows: `@graph` or not, arrays, nested nodes, `http://` or `https://` schema.org, the `type`
alias, names given as strings. Each block is expanded offline (`offline.py`) and its nodes are
gathered by `@id` (`nodes.py`), so all those shapes become one map of nodes; the article node
is then mapped field by field: here its headline, dates, language, people, places and events,
in `web_metadata.py` the rest, through the value readers of `web_values.py`, which note every
property read. Every property of the article, and of each node it uses, that was not read or
could not be used is named in one `ReadWarning`, never dropped silently. HTML pages come
through `page.py`.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from newsreport.converters.dates import earlier
from newsreport.converters.jsonld import offline
from newsreport.converters.jsonld.extraction import paragraphs
from newsreport.converters.jsonld.nodes import NodeMap
from newsreport.converters.jsonld.web_metadata import CONCEPT_TYPES, concept, metadata
from newsreport.converters.jsonld.web_values import Values, is_iri, iso, one_line
from newsreport.converters.local_ids import LocalIds
from newsreport.errors import ReadError, ReadWarning
from newsreport.model import LANGUAGE_PATTERN, NewsReport
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

_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_WIKIDATA = re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)$")


@dataclass(frozen=True)
class Page:
    """What an HTML page says besides its markup."""

    language: str | None = None
    """`<html lang>` (or og:locale, content-language), for an article without `inLanguage`."""
    main_text: Callable[[], str | None] = field(default=lambda: None)
    """The page's main text, found when asked for (an article without `articleBody`)."""


def read_web(doc: object, source: str) -> NewsReport:
    """The report a parsed JSON-LD document describes."""
    seed = json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()
    return map_article(graph_of([doc], source), source, seed, Page())


def map_article(graph: dict[str, Node], source: str, seed: bytes, page: Page) -> NewsReport:
    """The report the article of `graph` describes; `seed` makes its id when it has none."""
    return _Mapper(graph, source, seed, page).report()


def graph_of(docs: Iterable[object], source: str) -> dict[str, Node]:
    """Every node of every document, by `@id`, with schema.org terms as bare local names."""
    graph = NodeMap()
    for doc in docs:
        try:
            graph.add(offline.expand(doc))
        except ValueError as exc:
            raise ReadError(str(exc), source=source, format="jsonld") from None
    return graph.nodes


def article_rank(node: Node) -> int:
    return max((ARTICLE_TYPES.get(t, 0) for t in node["@type"]), default=0)


class _Mapper(Values):
    def __init__(self, graph: dict[str, Node], source: str, seed: bytes, page: Page) -> None:
        super().__init__(graph)
        self.source = source
        self.seed = seed
        self.page = page
        self.ids: dict[str, str] = {}  # node @id -> local id
        self.taken = LocalIds()  # the local ids given
        self.participants: list[Node] = []
        self.subjects: list[Node] = []
        self.events: list[tuple[bool, Node]] = []  # (named by `about`, event)

    def report(self) -> NewsReport:
        articles = [n for n in self.graph.values() if article_rank(n)]
        if not articles:
            raise ReadError("no NewsArticle or Article node in the document", source=self.source, format="jsonld")
        a = max(articles, key=lambda n: (article_rank(n), "articleBody" in n, "headline" in n))
        self.visit(a, "article")
        self.base = self.iri(a, "url") or self.iri(a, "mainEntityOfPage")
        self.base = self.base or (a["@id"] if is_iri(a["@id"]) else None)
        self.skipped += [
            f"{'/'.join(n['@type'])} {n['@id']} {self.text(n, 'headline') or ''!r} (a second article)"
            for n in articles
            if n is not a
        ]
        titles = [self.text(a, prop) for prop in ("headline", "name", "alternativeHeadline")]
        headline = next((one_line(t) for t in titles if t), None)
        if headline is None:
            raise ReadError(
                "the article has no headline or name", source=self.source, location=a["@id"], format="jsonld"
            )
        if titles[0] and titles[1] and one_line(titles[1]) != headline:
            self.skipped.append(f"article name {titles[1]!r} (a second title)")
        data: Node = {
            "id": self.article_id(a),
            "headline": {"text": headline},
            **self.dates(a),
            "language": self.language(a),
            "url": self.url(a),
            "authors": [x for x in (self.agent(v, "article author") for v in self.values(a, "author", "creator")) if x],
        }
        publisher = next(
            (x for x in (self.agent(v, "article publisher") for v in self.values(a, "publisher")) if x), None
        )
        data["publisher"] = publisher
        data |= metadata(self, a, self.agent)
        if not (titles[0] or titles[1]):  # the alternative headline stands in for the headline
            alternatives = data["alternative_headlines"]
            data["alternative_headlines"] = [w for w in alternatives if one_line(w["text"]) != headline]
        data["body"] = self.body(a)
        dateline = self.text(a, "dateline")
        place = next(iter(self.values(a, "locationCreated")), None)
        place_id = self.participant(place, "article locationCreated") if place is not None else None
        if place is not None and place_id is None:
            self.skipped.append(
                f"locationCreated {place if isinstance(place, str) else place['@id']!r} (not a named place)"
            )
        if dateline:
            data["dateline"] = {"text": dateline, "place": place_id}
        for value in self.values(a, "contentLocation", "spatialCoverage"):
            blank = isinstance(value, str) and not value.strip()
            if not blank and self.participant(value, "article contentLocation") is None:
                shown = value if isinstance(value, str) else value["@id"]
                self.skipped.append(f"contentLocation {shown!r} (not a named place)")
        for value in self.values(a, "about"):
            self.thing(value, main=True)
        for value in self.values(a, "mentions"):
            self.thing(value, main=False)
        # The first event the article is about is its event; any other is one it refers to.
        main = next((e for is_main, e in self.events if is_main), None)
        data["event"] = main
        data["referenced_events"] = [{**e, "relation": "related"} for _, e in self.events if e is not main]
        data["participants"] = self.participants
        data["subjects"] = list({json.dumps(s, sort_keys=True): s for s in self.subjects}.values())
        self.skipped += self.unread()
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

    def body(self, a: Node) -> Node | None:
        """The article's text: `articleBody` (or `text`) exactly, else the page's main text, with a
        warning that it was taken from the page, not from the markup."""
        body = self.raw_text(a, "articleBody") or self.raw_text(a, "text")
        if body and body.strip():
            return {"text": body}
        extracted = self.page.main_text()
        if extracted is None:
            return None
        warnings.warn(
            f"{self.source}: the article has no articleBody: its text is the page's main text, "
            "as the extraction library found it",
            ReadWarning,
            stacklevel=4,
        )
        return {"text": extracted, "blocks": paragraphs(extracted), "origin": "extracted"}

    def url(self, a: Node) -> str | None:
        """The article's `url`, else its `mainEntityOfPage`; the page named when it is another one."""
        url, page = self.iri(a, "url"), self.iri(a, "mainEntityOfPage")
        if url and page and page != url:
            self.skipped.append(f"mainEntityOfPage {page!r} (another URL than url)")
        return url or page

    def article_id(self, a: Node) -> str:
        if is_iri(a["@id"]):
            return str(a["@id"])
        found = self.iri(a, "url") or self.iri(a, "mainEntityOfPage")
        if found:
            return found
        digest = hashlib.sha256(self.seed).hexdigest()
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:sha256:' + digest)}"

    def dates(self, a: Node) -> Node:
        """The article's `published` and `modified` as the source gives them; a modification
        before publication is kept, with a warning."""
        published = self.date(a, "datePublished")
        modified = self.date(a, "dateModified")
        if published and modified and earlier(modified, published):
            warnings.warn(
                f"{self.source}: dateModified {modified.isoformat()} is before datePublished "
                f"{published.isoformat()} (kept as the page gives them)",
                ReadWarning,
                stacklevel=4,
            )
        return {"published": iso(published), "modified": iso(modified)}

    def language(self, a: Node) -> str | None:
        found = None
        for value in self.values(a, "inLanguage"):
            if isinstance(value, dict):
                self.visit(value, "article inLanguage")
                code = self.text(value, "alternateName") or self.text(value, "name")
            else:
                code = value
            code = code.strip().replace("_", "-") if code else code
            if found is None and code and _LANGUAGE.match(code):
                found = code
            elif code != found:
                self.skipped.append(f"inLanguage {code!r}")
        if found is None and self.page.language and _LANGUAGE.match(self.page.language):
            found = self.page.language
        return found

    def agent(self, value: Node | str, label: str) -> Node | None:
        if isinstance(value, str):
            return {"name": one_line(value)} if value.strip() else None
        self.visit(value, label)
        name = self.name(value)
        url = self.iri(value, "url")
        if name is None and url is None:
            self.skipped.append(f"{label} {value['@id']} (no name)")
            return None
        kind = "person" if "Person" in value["@type"] else None
        if kind is None and set(value["@type"]) & ORGANIZATION_TYPES:
            kind = "organization"
        return {"kind": kind, "name": name, "url": url}

    # Participants, events and subjects --------------------------------------------------------

    def thing(self, value: Node | str, main: bool) -> None:
        """Map an `about` or `mentions` value to a participant, an event or a subject."""
        prop = "about" if main else "mentions"
        if isinstance(value, dict) and set(value["@type"]) & EVENT_TYPES:
            self.event(value, main)
        elif isinstance(value, dict) and self.participant(value, f"article {prop}") is not None:
            pass
        elif main and (isinstance(value, str) or not value["@type"] or set(value["@type"]) & CONCEPT_TYPES):
            found = concept(self, value, prop)  # a topic: what the article is about, not all it mentions
            if found is not None:
                self.subjects.append(found)
        elif isinstance(value, str):
            self.skipped.append(f"{prop} {value!r} (a plain string)")
        else:
            self.skipped.append(f"{prop} {'/'.join(value['@type'])} {value['@id']}")

    def participant(self, node: Node | str, label: str) -> str | None:
        """The local id of the participant `node` is, adding it on first sight; None if it is none.
        A string is a participant only where a place is meant (a place's name, as pages give
        `contentLocation`)."""
        if isinstance(node, str):
            text = one_line(node)
            if not text or not label.endswith(("locationCreated", "contentLocation")):
                return None
            node = {"@id": f"_:place {text}", "@type": ["Place"], "name": [{"@value": text}]}
        if node["@id"] in self.ids:
            return self.ids[node["@id"]]
        types = set(node["@type"])
        data: Node = {}
        if "Person" in types:
            data["kind"] = "person"
        elif types & ORGANIZATION_TYPES:
            data["kind"] = "organization"
        elif types & PLACE_TYPES.keys():
            data |= {"kind": "place", "place_type": next(PLACE_TYPES[t] for t in node["@type"] if t in PLACE_TYPES)}
        else:
            return None
        self.visit(node, label)
        name = self.name(node)
        if name is None:
            return None
        data["name"] = name
        if data["kind"] == "person":
            data["titles"] = [
                {"text": one_line(t)} for t in self.values(node, "jobTitle") if isinstance(t, str) and t.strip()
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
        label = f"article {'about' if main else 'mentions'}"
        name = self.name(node)
        if name is None:
            self.skipped.append(f"{label.removeprefix('article ')} {'/'.join(node['@type'])} {node['@id']} (no name)")
        if name is None or node["@id"] in self.ids:
            return
        self.visit(node, label)
        local = self.taken.from_name(name, "item")
        self.ids[node["@id"]] = local
        location = next(iter(self.values(node, "location")), None)
        place = self.participant(location, f"{label} location") if location is not None else None
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
