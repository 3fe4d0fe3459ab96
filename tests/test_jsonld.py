"""schema.org JSON-LD: lossless for our own graphs, standard for any JSON-LD processor, lenient for the web's."""

from __future__ import annotations

import copy
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from pyld import jsonld
from rdflib import RDF, Graph, URIRef
from rdflib.compare import isomorphic

from newsreport import NewsReport, ReadError, read, write
from newsreport.converters import FORMATS
from newsreport.converters.format import CheckOptions
from newsreport.errors import ReadWarning
from newsreport.model import Draft

from .conftest import EXAMPLES, ROOT
from .strategies import reports

WEB = ROOT / "tests" / "data" / "web"
SCHEMA = "http://schema.org/"
KNOWN_PENDING = {"Quotation", "Claim", "jobTitle", "creditText"}
"""Terms we use that release 30.0 still lists as pending (Claim and jobTitle's range are core at HEAD;
creditText, a statement's source words, is the one schema.org has)."""
PENDING_METADATA = {
    *("abstract", "creditText", "creativeWorkStatus", "copyrightNotice", "usageInfo"),
    *("DefinedTerm", "DefinedTermSet", "termCode", "inDefinedTermSet"),
}
"""Pending terms for the report's metadata (DefinedTerm is core at HEAD); each is the one schema.org has."""


@pytest.fixture(scope="module")
def schemaorg(shared: Path) -> Path:
    return shared / "vendor" / "schemaorg"


@pytest.fixture(scope="module")
def context(schemaorg: Path) -> dict[str, Any]:
    """schema.org's own context, from the vendored copy."""
    ctx: dict[str, Any] = json.loads((schemaorg / "schemaorgcontext.jsonld").read_bytes())
    return ctx


@pytest.fixture(scope="module")
def vocabulary(schemaorg: Path) -> dict[str, dict[str, Any]]:
    """Every term of the vendored vocabulary by local name."""
    graph = json.loads((schemaorg / "schemaorg-current-https.jsonld").read_bytes())["@graph"]
    return {node["@id"].removeprefix("schema:"): node for node in graph}


def test_example_jsonld_is_current(report: NewsReport) -> None:
    """examples/report.jsonld is what the writer makes of examples/report.json."""
    assert write(report, "jsonld") == (EXAMPLES / "report.jsonld").read_bytes()


def test_example_round_trip(report: NewsReport) -> None:
    """json → jsonld → json gives the same report."""
    assert read(write(report, "jsonld"), "jsonld") == report


@given(reports())
def test_generated_round_trip(generated: NewsReport) -> None:
    """Every generated report survives JSON-LD, and writing it again gives the same bytes."""
    data = write(generated, "jsonld")
    again = read(data, "jsonld")
    assert again == generated
    assert write(again, "jsonld") == data


def _with_vendored_context(doc: dict[str, Any], context: dict[str, Any]) -> dict[str, Any]:
    """The document with schema.org's context inlined, for rdflib, which cannot be given a loader."""
    inlined = copy.deepcopy(doc)
    inlined["@context"] = [context["@context"] if c == "https://schema.org" else c for c in doc["@context"]]
    return inlined


def _graphs(data: bytes, context: dict[str, Any]) -> tuple[Graph, Graph]:
    """The RDF of a document as pyld (with an offline loader) and rdflib each read it."""

    def loader(url: str, options: object = None) -> dict[str, Any]:
        assert url.rstrip("/") == "https://schema.org", f"tried to fetch {url}"
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": context}

    doc = json.loads(data)
    nquads = jsonld.to_rdf(doc, {"documentLoader": loader, "format": "application/n-quads"})
    by_pyld = Graph().parse(data=nquads, format="nquads")
    by_rdflib = Graph().parse(data=json.dumps(_with_vendored_context(doc, context)), format="json-ld")
    return by_pyld, by_rdflib


def test_pyld_and_rdflib_read_the_same_graph(report: NewsReport, context: dict[str, Any]) -> None:
    """Two independent JSON-LD processors, offline, get isomorphic graphs from our output."""
    by_pyld, by_rdflib = _graphs(write(report, "jsonld"), context)
    assert len(by_pyld) > 500
    assert isomorphic(by_pyld, by_rdflib)


def test_every_term_is_in_the_vocabulary(
    report: NewsReport, context: dict[str, Any], vocabulary: dict[str, Any]
) -> None:
    """Every schema.org type and property in our output exists; the pending ones are the known few."""
    graph, _ = _graphs(write(report, "jsonld"), context)
    used = {str(p) for p in graph.predicates()} | {str(o) for o in graph.objects(None, RDF.type)}
    schema_terms = {iri.removeprefix(SCHEMA) for iri in used if iri.startswith(SCHEMA)}
    assert schema_terms - vocabulary.keys() == set()
    pending = {
        t for t in schema_terms if vocabulary[t].get("schema:isPartOf", {}).get("@id") == "https://pending.schema.org"
    }
    assert pending <= KNOWN_PENDING
    others = {iri for iri in used if not iri.startswith(SCHEMA)}
    assert all(iri.startswith(("https://w3id.org/newsreport/ns#", str(RDF))) for iri in others), others


def test_statements_are_quotations_and_claims(report: NewsReport, context: dict[str, Any]) -> None:
    """Direct and partial quotes are Quotations, indirect statements Claims, each with its creator."""
    graph, _ = _graphs(write(report, "jsonld"), context)
    quotations = set(graph.subjects(RDF.type, URIRef(SCHEMA + "Quotation")))
    claims = set(graph.subjects(RDF.type, URIRef(SCHEMA + "Claim")))
    assert (len(quotations), len(claims)) == (3, 20)
    for statement in quotations | claims:
        assert graph.value(statement, URIRef(SCHEMA + "creator")) is not None


def test_google_recommended_properties(report: NewsReport) -> None:
    """headline, datePublished, dateModified and author (typed, named, with url) are there when known."""
    data = report.model_dump(mode="json", exclude_none=True)
    data["authors"] = [{"kind": "person", "name": "A. Writer", "url": "https://news.example/a"}]
    data["modified"] = "2025-02-04T09:00:00+03:30"
    article = json.loads(write(NewsReport.model_validate(data), "jsonld"))["@graph"][0]
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == report.headline.text
    assert article["datePublished"] == "2025-02-03"
    assert article["dateModified"] == "2025-02-04T09:00:00+03:30"
    assert article["author"] == [{"@type": "Person", "name": "A. Writer", "url": "https://news.example/a"}]


def test_output_is_byte_stable(report: NewsReport) -> None:
    """The same report always gives the same bytes, with absolute, deterministic @ids."""
    first, second = write(report, "jsonld"), write(report.model_copy(), "jsonld")
    assert first == second
    ids = [node["@id"] for node in json.loads(first)["@graph"]]
    assert all(i.startswith(report.id) for i in ids)
    assert len(ids) == len(set(ids))


def test_validate_accepts_example_and_flags_unknown_terms(schemaorg: Path, report: NewsReport) -> None:
    """validate checks terms against the vocabulary: ours pass, a misspelt one is named."""
    options = CheckOptions(schemaorg=schemaorg / "schemaorg-current-https.jsonld")
    data = write(report, "jsonld")
    assert FORMATS["jsonld"].problems(data, "r.jsonld", options) == []
    misspelt = data.replace(b'"inLanguage"', b'"inlanguage"', 1)
    problems = FORMATS["jsonld"].problems(misspelt, "r.jsonld", options)
    assert [p.message for p in problems] == [
        "unknown property 'http://schema.org/inlanguage': neither schema.org nor newsreport's"
    ]


# The web's JSON-LD -----------------------------------------------------------------------------

GOOD = {
    "plain-newsarticle.jsonld": (
        "Council approves new tram line after three-hour debate",
        "2025-03-14T08:00:00+01:00",
        ["Anna Berg"],
    ),
    "yoast-graph.jsonld": ("Budget passes narrowly", "2024-11-02T17:45:03Z", ["Sam Okafor"]),
    "top-level-array.json": ("Floods close the northern railway", "2025-01-09", ["Gazette staff"]),
    "no-context.json": ("Ten years of open data in the city", "2023-05-30T14:00:00+02:00", ["Data Desk"]),
    "vocab-without-slash.jsonld": ("Strike ends after talks", "2025-02-04T10:30:00Z", []),
    "page-several-blocks.html": (
        "Minister resigns over procurement report",
        "2025-06-21T06:30:00Z",
        ["Lena Vogt", "Tomás Ruiz"],
    ),
    "page-broken-and-good.html": ("Wildfire contained near the coast", "2025-08-02T18:00:00-07:00", ["Ray Chen"]),
    "page-mainentity.html": (
        "Election results live: counting under way",
        "2024-07-04T22:00:00+01:00",
        ["Politics Desk"],
    ),
}
BAD = {
    "page-syntax-error.html": "page-syntax-error.html: line 9: JSON-LD block 1 is not JSON: Expecting ',' delimiter",
    "page-no-article.html": "page-no-article.html: no NewsArticle or Article in the page (1 JSON-LD block(s))",
    "remote-context.jsonld": "remote-context.jsonld: refusing to fetch the remote context "
    "'https://vocab.example/news-context.jsonld' (newsreport works offline)",
    "not-an-article.jsonld": "not-an-article.jsonld: no NewsArticle or Article node in the document",
}


def _read_web(name: str) -> NewsReport:
    fmt = "html" if name.endswith(".html") else "jsonld"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        return FORMATS[fmt].read_one((WEB / name).read_bytes(), name)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_publisher_markup_reads(name: str) -> None:
    """Each publisher-style document gives its headline, date and authors."""
    headline, published, authors = GOOD[name]
    got = _read_web(name)
    assert got.headline.text == headline
    assert got.published is not None and got.published.isoformat().replace("+00:00", "Z") == published
    assert [a.name for a in got.authors] == authors


@pytest.mark.parametrize("name", sorted(BAD))
def test_unusable_documents_give_one_line_errors(name: str) -> None:
    """A document without a usable article is a one-line ReadError saying why."""
    with pytest.raises(ReadError) as caught:
        _read_web(name)
    assert str(caught.value) == BAD[name]
    assert "\n" not in str(caught.value)


def test_fixtures_are_all_tested() -> None:
    """Every web fixture is in one of the two tables."""
    assert sorted(p.name for p in WEB.iterdir() if p.is_file()) == sorted(GOOD | BAD)


def test_web_mapping_details() -> None:
    """Ids, publishers, places, events, titles and Wikidata ids map where the markup has them."""
    yoast = _read_web("yoast-graph.jsonld")
    assert yoast.id == "https://daily.example/politics/budget-vote/#article"
    assert yoast.url == "https://daily.example/politics/budget-vote/"
    assert yoast.publisher is not None and yoast.publisher.name == "The Daily Example"
    assert yoast.language == "en-US"
    herald = _read_web("vocab-without-slash.jsonld")
    assert herald.event is not None and herald.event.name == "Dock workers' strike"
    assert herald.event.date is not None and herald.event.date.value == "2025-01-20"
    people = {p.name: p for p in herald.participants}
    assert [i.value for i in people["Hamburg"].identifiers] == ["Q1055"]
    assert [i.value for i in people["Port Authority"].identifiers] == ["Q7231890"]
    eva = people["Eva Lindqvist"]
    assert eva.kind == "person" and [t.text for t in eva.titles] == ["Union spokeswoman"]
    gazette = _read_web("top-level-array.json")
    assert gazette.dateline is not None and gazette.dateline.text == "LYON, Jan. 9"
    place = next(p for p in gazette.participants if p.id == gazette.dateline.place)
    assert place.name == "Lyon" and place.kind == "place" and place.place_type == "city"


def test_unmapped_parts_are_warned_about() -> None:
    """What the model cannot hold is named in a ReadWarning, not dropped silently."""
    assert [s.name for s in _read_web("top-level-array.json").subjects] == ["Weather"]
    with pytest.warns(ReadWarning, match=r"not mapped: article publisher logo"):
        FORMATS["jsonld"].read_one((WEB / "plain-newsarticle.jsonld").read_bytes(), "a.jsonld")


RICH_METADATA: dict[str, Any] = {
    "alternative_headlines": [{"text": "Tehran talks", "language": "en", "role": "hld:short"}, {"text": "Kurz"}],
    "descriptions": [{"text": "Summary.", "language": "en"}, {"text": "Teaser.", "role": "drol:teaser"}],
    "subjects": [
        {"scheme": "medtop", "code": "20000106", "name": "politics", "language": "en", "kind": "cpnat:abstract"},
        {"uri": "http://cv.iptc.org/newscodes/mediatopic/11000000", "rank": 1},
    ],
    "keywords": ["Iran", "a, b"],
    "genres": [{"name": "Analysis"}, {"scheme": "genre", "code": "Interview"}],
    "sections": ["World"],
    "slugline": "Iran-Iraq",
    "urgency": 3,
    "signals": [{"scheme": "sig", "code": "correction"}],
    "editorial_notes": [{"text": "Corrects the date.", "role": "ednote"}],
    "media": [
        {"kind": "image", "url": "https://img.example/1.jpg", "media_type": "image/jpeg", "width": 800, "height": 600},
        {"kind": "graphic", "url": "https://img.example/2.png", "caption": "A map", "alt_text": "Map", "credit": "AP"},
        {"kind": "video", "title": "Clip", "url": "https://img.example/3.mp4"},
    ],
    "rights": {
        "holder": {"kind": "organization", "name": "IRNA", "code": "irna:agency", "role": "crol:holder"},
        "notices": [{"text": "© IRNA", "language": "en"}],
        "usage_terms": [{"text": "No archive use.", "role": "terms"}],
        "license": "https://creativecommons.org/licenses/by/4.0/",
    },
    "credit_line": "IRNA",
    "byline": "By Jane Doe in Tehran",
    "contributors": [{"kind": "person", "name": "John Roe", "role": "editor"}, {"code": "dpauser:x.y"}],
    "status": "usable",
    "embargoed_until": "2025-02-03T12:00:00+03:30",
    "version": 2,
    "first_created": "2025-02-03T09:00:00",
    "version_created": "2025-02-03T10:00:00Z",
    "links": [
        {"url": "https://news.example.org/b", "rel": "irel:seeAlso", "title": "Earlier", "media_type": "text/html"}
    ],
    "free_access": True,
}
"""Every metadata field of the model, filled."""


@pytest.fixture(scope="module")
def rich(example_data: dict[str, Any]) -> NewsReport:
    """The example report with every metadata field given."""
    return NewsReport.model_validate(example_data | RICH_METADATA)


def test_metadata_round_trips_natively(rich: NewsReport, schemaorg: Path) -> None:
    """Every metadata field reads back, under schema.org terms where there are some, and validates."""
    data = write(rich, "jsonld")
    assert read(data, "jsonld") == rich
    article = json.loads(data)["@graph"][0]
    assert article["description"] == [{"@value": "Summary.", "@language": "en"}, "Teaser."]
    assert article["nr:descriptionRoles"] == {"@list": ["", "drol:teaser"]}
    assert article["about"][1]["@type"] == "DefinedTerm"
    assert article["about"][1]["termCode"] == "20000106"
    assert article["about"][1]["inDefinedTermSet"] == {"@type": "DefinedTermSet", "name": "medtop"}
    assert article["genre"][0] == "Analysis"
    assert [m["position"] for m in article["image"]] == [1, 2]
    assert article["video"][0]["@type"] == "VideoObject"
    assert article["copyrightHolder"]["@type"] == "Role"
    assert article["isAccessibleForFree"] is True
    assert article["nr:editorialNote"] == ["Corrects the date."]
    options = CheckOptions(schemaorg=schemaorg / "schemaorg-current-https.jsonld")
    assert FORMATS["jsonld"].problems(data, "r.jsonld", options) == []


DRAFT = {"software": "newsreport.extract", "version": "0.5.0", "pipeline": "en_core_web_sm 3.8.0"}


def test_source_and_draft_are_native(report: NewsReport, schemaorg: Path, context: dict[str, Any]) -> None:
    """A statement's source words are its creditText (span in nr:creditTextSpan); the program that
    drafted the report is a SoftwareApplication under nr:draftedBy, its pipeline a softwareAddOn."""
    drafted = report.model_copy(update={"drafted_by": Draft.model_validate(DRAFT)})
    data = write(drafted, "jsonld")
    assert read(data, "jsonld") == drafted
    graph = json.loads(data)["@graph"]
    assert graph[0]["nr:draftedBy"] == {
        "@type": "SoftwareApplication",
        "name": "newsreport.extract",
        "softwareVersion": "0.5.0",
        "softwareAddOn": {"@type": "SoftwareApplication", "name": "en_core_web_sm 3.8.0"},
    }
    statements = {node["@id"].rpartition("#")[2]: node for node in graph if node["@type"] in ("Quotation", "Claim")}
    assert (statements["s4"]["creditText"], statements["s4"]["nr:creditTextSpan"]) == ("he", "char=748,750")
    assert "creditText" not in statements["s3"]  # "stressing": no words of its own name the speaker
    options = CheckOptions(schemaorg=schemaorg / "schemaorg-current-https.jsonld")
    assert FORMATS["jsonld"].problems(data, "r.jsonld", options) == []
    by_pyld, by_rdflib = _graphs(data, context)
    assert isomorphic(by_pyld, by_rdflib)
    assert (None, URIRef(SCHEMA + "softwareVersion"), None) in by_pyld
    broken = data.replace(b'"softwareVersion": "0.5.0"', b'"softwareVersion": 5')
    with pytest.raises(ReadError, match=r" nr:draftedBy: report \$\.drafted_by\.version"):
        read(broken, "jsonld")


def test_a_draft_without_pipeline_has_no_add_on(report: NewsReport) -> None:
    """The built-in rules alone give a SoftwareApplication with no softwareAddOn, read back as none."""
    drafted = report.model_copy(update={"drafted_by": Draft(software="newsreport.extract", version="0.5.0")})
    data = write(drafted, "jsonld")
    assert "softwareAddOn" not in json.loads(data)["@graph"][0]["nr:draftedBy"]
    assert read(data, "jsonld") == drafted


def test_metadata_terms_are_in_the_vocabulary(
    rich: NewsReport, context: dict[str, Any], vocabulary: dict[str, Any]
) -> None:
    """Both JSON-LD processors read the metadata; its schema.org terms exist, the pending ones known."""
    by_pyld, by_rdflib = _graphs(write(rich, "jsonld"), context)
    assert isomorphic(by_pyld, by_rdflib)
    used = {str(p) for p in by_pyld.predicates()} | {str(o) for o in by_pyld.objects(None, RDF.type)}
    schema_terms = {iri.removeprefix(SCHEMA) for iri in used if iri.startswith(SCHEMA)}
    assert schema_terms - vocabulary.keys() == set()
    pending = {
        t for t in schema_terms if vocabulary[t].get("schema:isPartOf", {}).get("@id") == "https://pending.schema.org"
    }
    assert pending <= KNOWN_PENDING | PENDING_METADATA
