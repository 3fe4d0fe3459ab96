"""ninjs versions: the declared version, 1.x / 2.x to and from the 3.x shape, the schema check."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsreport.converters.format import CheckOptions
from newsreport.converters.ninjs.check import check, schema_problems
from newsreport.converters.ninjs.versions import from_v3, to_v3, version_of

# A 3.x document saying what 2.2 and 1.6 can say too (written by hand).
DOC3: dict[str, Any] = {
    "uri": "http://news.example/items/1",
    "type": "text",
    "standard": {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"},
    "version": "2",
    "firstCreated": "2024-05-01T08:00:00Z",
    "versionCreated": "2024-05-01T09:30:00+02:00",
    "contentCreated": "2024-05-01T07:00:00Z",
    "embargoedUntil": "2024-05-02T00:00:00Z",
    "pubStatus": "usable",
    "urgency": 3,
    "language": "en",
    "headlines": [{"value": "Main headline"}, {"value": "Short one", "role": "short"}, {"value": "T", "role": "text"}],
    "descriptions": [{"value": "Summary", "contentType": "text/plain"}, {"value": "Use it", "role": "usage"}],
    "bodies": [
        {"contentType": "text/plain", "value": "Body text.", "charCount": 10, "wordCount": 2},
        {"contentType": "text/html", "value": "<p>Body text.</p>"},
        {"role": "newsreport", "contentType": "application/merge-patch+json", "value": "{}"},
    ],
    "by": "A. Writer",
    "slugline": "slug",
    "located": "Paris",
    "edNote": "Note",
    "copyrightHolder": "News Co",
    "copyrightNotice": "(c) News Co",
    "usageTerms": "Free",
    "subjects": [
        {"name": "Politics", "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000", "literal": "11000000"}
    ],
    "people": [{"name": "Jane Roe", "rel": "about", "contactInfo": [{"address": {"postalCode": "75001"}}]}],
    "digitalSourceType": {"uri": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"},
    "places": [{"name": "Paris", "geoJSON": {"type": "Point", "coordinates": [2.35, 48.85]}}],
    "organisations": [{"name": "Acme", "symbols": [{"symbol": "ACM", "exchange": "XNYS"}]}],
    "altIds": [{"role": "wire", "value": "W-1"}],
    "associations": [
        {
            "name": "media-1",
            "uri": "http://news.example/pictures/1",
            "type": "picture",
            "renditions": [{"name": "original", "href": "http://news.example/p1.jpg", "contentType": "image/jpeg"}],
        }
    ],
}

# What 2.2 cannot say: dropped on the way out.
ONLY_3 = {"eventDetails": {"dates": {"startDate": "2024-05-01T08:00:00Z"}}, "events": [{"name": "Summit", "id": "e1"}]}


def names(value: Any) -> set[str]:
    """Every property name at any depth (GeoJSON values left out)."""
    found: set[str] = set()
    if isinstance(value, list):
        for entry in value:
            found |= names(entry)
    elif isinstance(value, dict):
        for key, entry in value.items():
            found.add(key)
            if key != "geoJSON":
                found |= names(entry)
    return found


@pytest.fixture(scope="session")
def schemas(shared: Path) -> tuple[Path, ...]:
    """IPTC's three schemas, vendored in ../shared."""
    return tuple(shared / "vendor" / "ninjs" / f"ninjs-schema_{v}.json" for v in ("3.1", "2.2", "1.6"))


@pytest.fixture(scope="session")
def names_3(schemas: tuple[Path, ...]) -> set[str]:
    """Every property name the 3.1 schema defines."""
    text = schemas[0].read_text()
    schema = json.loads(text)
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.update(node.get("properties", {}))
            for entry in node.values():
                walk(entry)
        elif isinstance(node, list):
            for entry in node:
                walk(entry)

    walk(schema)
    return found


@pytest.mark.parametrize(
    ("doc", "version"),
    [
        ({"standard": {"name": "ninjs", "version": "3.1"}}, "3.1"),
        ({"standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"}}, "2.2"),
        ({"$standard": {"version": "1.4"}}, "1.4"),
        ({"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json#"}, "1.6"),
        ({"uri": "u", "versionCreated": "x"}, "3"),
        ({"uri": "u", "versioncreated": "x", "headlines": []}, "2"),
        ({"uri": "u", "headline": "x", "body_text": "y"}, "1"),
        ({"uri": "u", "subject": []}, "1"),
        ({"uri": "u", "headlines": []}, "3"),
        ({"standard": "not an object", "uri": 3}, "3"),
    ],
)
def test_version_of(doc: dict[str, Any], version: str) -> None:
    """The declared version wins; without one, the shape gives the major version."""
    assert version_of(doc) == version


@pytest.mark.parametrize("version", ["3.1", "2.2", "1.6"])
def test_round_trip(version: str) -> None:
    """What a version can say comes back from it unchanged, and the input is not changed."""
    doc = copy.deepcopy(DOC3)
    if version == "1.6":
        # 1.6 has no content type for headlines or descriptions: the typed description goes.
        doc["descriptions"] = [{"value": "Use it", "role": "usage"}]
    before = copy.deepcopy(doc)
    assert to_v3(from_v3(doc, version), version) == doc
    assert doc == before


def test_drops_in_1_6() -> None:
    """What 1.6 cannot say is dropped: a taken name, an untyped roleless body, a lone uri."""
    doc = {
        "headlines": [{"value": "A"}, {"value": "B"}],
        "bodies": [
            {"value": "x"},
            {"value": "y", "role": "text"},
            {"value": "z", "role": "print", "contentType": "text/html"},
        ],
        "people": [{"name": "P", "uri": "http://people.example/p"}],
        "trustIndicators": [{"role": "http://trust.example/r", "href": "http://trust.example/1"}],
    }
    assert from_v3(doc, "1.6") == {
        "headline": "A",
        "body_print": "z",
        "person": [{"name": "P"}],
        "trustindicator": [{"href": "http://trust.example/1"}],
    }


def test_drops_in_2_2() -> None:
    """What 2.2 cannot say (eventDetails, an event's id) is dropped."""
    out = from_v3({**DOC3, **ONLY_3}, "2.2")
    assert "eventdetails" not in out
    assert out["events"] == [{"name": "Summit"}]
    assert out["embargoed"] == DOC3["embargoedUntil"]


def test_2_2_by_hand() -> None:
    """A 2.2 document written by hand normalises to the expected 3.x dict."""
    doc2 = {
        "uri": "http://news.example/2",
        "versioncreated": "2024-05-01T09:30:00Z",
        "embargoed": "2024-05-02T00:00:00Z",
        "pubstatus": "usable",
        "headlines": [{"value": "H", "contenttype": "text/plain"}],
        "bodies": [{"value": "B", "contenttype": "text/plain", "charcount": 1}],
        "people": [{"name": "P", "contactinfo": [{"address": {"postalcode": "75001"}}]}],
        "places": [{"name": "X", "geojson": {"type": "Point", "coordinates": [1, 2], "bbox": "kept as is"}}],
        "rightsinfo": {"linkedrights": "http://rights.example/1"},
        "associations": [{"name": "a", "versioncreated": "2024-05-01T09:30:00Z", "renditions": [{"sizeinbytes": 5}]}],
        "mystery": {"contenttype": 1},
    }
    assert to_v3(doc2, "2.2") == {
        "uri": "http://news.example/2",
        "versionCreated": "2024-05-01T09:30:00Z",
        "embargoedUntil": "2024-05-02T00:00:00Z",
        "pubStatus": "usable",
        "headlines": [{"value": "H", "contentType": "text/plain"}],
        "bodies": [{"value": "B", "contentType": "text/plain", "charCount": 1}],
        "people": [{"name": "P", "contactInfo": [{"address": {"postalCode": "75001"}}]}],
        "places": [{"name": "X", "geoJSON": {"type": "Point", "coordinates": [1, 2], "bbox": "kept as is"}}],
        "rightsInfo": {"linkedRights": "http://rights.example/1"},
        "associations": [{"name": "a", "versionCreated": "2024-05-01T09:30:00Z", "renditions": [{"sizeInBytes": 5}]}],
        "mystery": {"contentType": 1},
    }


def test_1_6_by_hand() -> None:
    """A 1.6 document written by hand normalises to the expected 3.x dict."""
    doc1 = {
        "$standard": {"name": "ninjs", "version": "1.6"},
        "uri": "http://news.example/3",
        "headline": "Main",
        "headline_short": "Short",
        "body_text": "Text.",
        "body_html": "<p>Text.</p>",
        "body_xhtml": "<p>Text.</p>",
        "body_print": "Print text",
        "body_newsreport": "{}",
        "charcount": 5,
        "wordcount": 1,
        "description_text": "Summary",
        "description_usage": "Use it",
        "byline": "A. Writer",
        "subject": [{"name": "Politics", "scheme": "http://cv.iptc.org/newscodes/mediatopic/", "code": "11000000"}],
        "person": [{"name": "Jane", "code": "j1", "scheme": "no-slash"}],
        "place": [{"name": "Paris", "geometry_geojson": {"type": "Point", "coordinates": [2, 48]}}],
        "infosource": [{"name": "Wire", "rel": "source"}],
        "altids": {"wire": "W-1"},
        "renditions": {"original": {"href": "http://news.example/p.jpg", "mimetype": "image/jpeg"}},
        "associations": {"mainpic": {"headline": "Pic", "byline": "Photographer"}},
        "mimetype": "text/plain",
        "subjects": "wrong-typed and unknown in 1.x: passed on",
        "person_extra": 1,
    }
    assert to_v3(doc1, "1.6") == {
        "standard": {"name": "ninjs", "version": "1.6"},
        "uri": "http://news.example/3",
        "headlines": [{"value": "Main"}, {"role": "short", "value": "Short"}],
        "bodies": [
            {"contentType": "text/plain", "value": "Text.", "charCount": 5, "wordCount": 1},
            {"contentType": "text/html", "value": "<p>Text.</p>"},
            {"contentType": "application/xhtml+xml", "value": "<p>Text.</p>"},
            {"role": "print", "value": "Print text"},
            {"role": "newsreport", "contentType": "application/merge-patch+json", "value": "{}"},
        ],
        "descriptions": [{"contentType": "text/plain", "value": "Summary"}, {"role": "usage", "value": "Use it"}],
        "by": "A. Writer",
        "subjects": "wrong-typed and unknown in 1.x: passed on",
        "people": [{"name": "Jane", "literal": "j1", "scheme": "no-slash"}],
        "places": [{"name": "Paris", "geoJSON": {"type": "Point", "coordinates": [2, 48]}}],
        "infoSources": [{"name": "Wire", "role": "source"}],
        "altIds": [{"role": "wire", "value": "W-1"}],
        "renditions": [{"name": "original", "href": "http://news.example/p.jpg", "contentType": "image/jpeg"}],
        "associations": [{"name": "mainpic", "headlines": [{"value": "Pic"}], "by": "Photographer"}],
        "mimetype": "text/plain",
        "person_extra": 1,
    }


def test_1_6_subject_uri() -> None:
    """A 1.x scheme ending in / joined with its code gives the concept's uri."""
    doc = to_v3({"subject": [{"scheme": "http://cv.iptc.org/newscodes/mediatopic/", "code": "11000000"}]}, "1.6")
    assert doc["subjects"] == [{"uri": "http://cv.iptc.org/newscodes/mediatopic/11000000", "literal": "11000000"}]


@pytest.mark.parametrize("version", ["1.6", "2.2"])
@pytest.mark.parametrize(
    "hostile",
    [
        {"associations": [1, None, {"renditions": "x"}]},
        {"associations": {"a": 1}, "renditions": {"r": None}, "altids": {"k": [1]}},
        {"headline": None, "body_text": 3, "person": [None, 1, "x"], "bodies": [None]},
        {"headlines": [None, {"role": 3, "value": "x"}], "people": [{"uri": 1, "literal": 2}]},
    ],
)
def test_wrong_types_pass_through(version: str, hostile: dict[str, Any]) -> None:
    """Wrong-typed values never raise, either way."""
    to_v3(hostile, version)
    from_v3(hostile, version)


@pytest.mark.parametrize("version", ["1.6", "2.2"])
def test_deep_nesting_passes_through(version: str) -> None:
    """A document nested deeper than can be walked comes back as it is, without an exception."""
    doc: dict[str, Any] = {}
    inner = doc
    for _ in range(5000):
        inner["associations"] = [{}]
        inner = inner["associations"][0]
    assert to_v3(doc, version) == doc
    assert from_v3(doc, version) == doc


def test_iptc_1_4_examples(shared: Path, names_3: set[str]) -> None:
    """Each IPTC 1.4 example normalises to 3.1 names, but for the few 3.x does not know."""
    unknown = {"mimetype", "code", "scheme"}  # 1.x names with no 3.x place (the reader names them)
    folder = shared / "vendor" / "ninjs" / "examples-1.4"
    files = sorted(folder.glob("*.json"))
    assert files
    for path in files:
        doc = json.loads(path.read_bytes())
        assert isinstance(doc, dict), path.name
        doc3 = to_v3(doc, version_of(doc))
        assert version_of(doc).startswith("1"), path.name
        assert names(doc3) <= names_3 | unknown, (path.name, names(doc3) - names_3)


def test_schema_3_1_valid(schemas: tuple[Path, ...]) -> None:
    """A valid 3.1 document, with a GeoJSON place resolved offline, has no schema problem."""
    assert schema_problems(DOC3, schemas) == []


def test_schema_3_1_problems_at_their_paths(schemas: tuple[Path, ...]) -> None:
    """A wrong type, a bad date-time and an unknown property are problems at their paths."""
    doc = {**DOC3, "bogus": 1, "versionCreated": "2024-05-01", "headlines": [{"value": 3}]}
    problems = {p.path: p.message for p in schema_problems(doc, schemas)}
    assert set(problems) == {"$.bogus", "$.versionCreated", "$.headlines[0].value"}
    assert "3.1 schema" in problems["$.bogus"]


def test_schema_2_2(schemas: tuple[Path, ...]) -> None:
    """A 2.2 document is checked against 2.2, and what from_v3 writes for 2.2 is valid."""
    doc2 = from_v3(DOC3, "2.2")
    doc2["standard"] = {"name": "ninjs", "version": "2.2"}
    assert schema_problems(doc2, schemas) == []
    problems = schema_problems({**doc2, "pubstatus": 3}, schemas)
    assert problems
    assert {(p.path, "2.2 schema" in p.message) for p in problems} == {("$.pubstatus", True)}


def test_schema_1_x(schemas: tuple[Path, ...]) -> None:
    """1.6 output is valid; a 1.4 document is checked against the 1.6 schema, and says so."""
    doc1 = from_v3(DOC3, "1.6")
    doc1["$standard"] = {"name": "ninjs", "version": "1.6"}
    assert schema_problems(doc1, schemas) == []
    problems = schema_problems({"$standard": {"version": "1.4"}, "uri": "not a uri", "bogus": 1}, schemas)
    assert [(p.path, bool(re.search("1.6 schema", p.message))) for p in problems] == [
        ("$.bogus", True),
        ("$.uri", True),
    ]


def test_no_schema_for_the_line(schemas: tuple[Path, ...]) -> None:
    """Without a schema of the document's line, there is no schema problem to report."""
    assert schema_problems({"$standard": {"version": "1.4"}, "bogus": 1}, schemas[:2]) == []


@pytest.mark.parametrize(("data", "path"), [(b"{not json", None), (b"[1, 2]", "$")])
def test_check_not_a_document(data: bytes, path: str | None) -> None:
    """Not JSON, or JSON that is not an object: one problem."""
    problems = check(data, "x.json", CheckOptions())
    assert len(problems) == 1
    if path:
        assert problems[0].path == path


def test_check_schema_then_reader(schemas: tuple[Path, ...]) -> None:
    """check() gives the schema's problems, then the reader's (once the format's reader exists)."""
    try:
        from newsreport.converters.ninjs import read  # noqa: F401
    except ImportError:
        pytest.skip("newsreport.converters.ninjs.read is not there yet")
    data = json.dumps({**DOC3, "bogus": 1}).encode()
    problems = check(data, "x.json", CheckOptions(ninjs_schemas=schemas))
    assert "$.bogus" in [p.path for p in problems]
    assert check(data, "x.json", CheckOptions()) == [p for p in problems if "schema)" not in p.message]
