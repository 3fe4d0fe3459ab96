"""read_native: a report from a ninjs document in the 3.x shape, lenient, every loss named."""

from __future__ import annotations

import contextlib
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreport.converters.ninjs.reader import read_native
from newsreport.errors import ReadError, ReadWarning
from newsreport.model import NewsReport

DATA = Path(__file__).parent / "data" / "ninjs"


def _load(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return doc


def _read(doc: dict[str, Any]) -> tuple[NewsReport, str]:
    """The report and the text of its warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = read_native(doc, "test.json")
    return report, " ".join(str(w.message) for w in caught if issubclass(w.category, ReadWarning))


def test_ap_like_reads_to_its_values() -> None:
    """An AP-like item: headline, plain body preferred, dates, subjects, participants, picture, link."""
    report, warned = _read(_load("ap-like-3.json"))
    assert report.id == "http://example.com/ap-like/item/0001"
    assert report.headline.text == "Portville opens its new harbor bridge"
    assert [(h.text, h.role) for h in report.alternative_headlines] == [("Harbor bridge opens", "short")]
    assert report.body is not None and report.body.text.startswith("Portville opened its bridge on Wednesday.\n\n")
    assert report.version == 3 and report.urgency == 3 and report.status == "usable"
    assert report.version_created is not None and report.version_created.isoformat() == "2026-03-04T09:15:00+00:00"
    assert report.published is not None and report.published.isoformat() == "2026-03-04T07:55:00+00:00"
    assert report.dateline is not None and report.dateline.text == "PORTVILLE"
    assert [(s.scheme, s.code, s.kind) for s in report.subjects] == [
        ("medtop", "20000763", "about"),
        ("exampletopic", "harbors", None),
    ]
    assert [(p.kind, p.name) for p in report.participants] == [
        ("person", "Alex Example"),
        ("organization", "Portville Harbor Authority"),
        ("place", "Portville"),
    ]
    assert report.participants[1].identifiers[0].value == "pha"
    (picture,) = report.media
    assert picture.url == "http://example.com/ap-like/photo/0001/main.jpg"
    assert (picture.width, picture.height, picture.media_type) == (1800, 1200, "image/jpeg")
    assert picture.caption == "The new bridge at dawn on Wednesday."
    assert picture.credit == "Example Photographer"
    assert [(link.url, link.rel) for link in report.links] == [("http://example.com/ap-like/item/0000", "related")]
    assert "trustIndicators" in warned and "$schema" not in warned
    assert "bodies[0]" in warned and "associations[0].renditions[0]" in warned


def test_dpa_like_xhtml_body_rights_and_event() -> None:
    """A dpa-like item: an XHTML body into paragraphs and a subheading, rights, note, genre, event."""
    report, warned = _read(_load("dpa-like-3.json"))
    assert report.body is not None
    assert report.body.text == "Beispielstadt hat die Brücke eröffnet.\n\nVerkehr\n\nDer Verkehr fließt."
    assert [b.kind for b in report.body.blocks] == ["paragraph", "subheading", "paragraph"]
    assert report.rights is not None and report.rights.holder is not None
    assert report.rights.holder.name == "Example Agency"
    assert report.rights.notices[0].text == "(c) 2026 Example Agency"
    assert report.rights.usage_terms[0].text == "Only for example subscribers."
    assert report.editorial_notes[0].text == "Fixture for tests, not a real item."
    assert (report.subjects[0].scheme, report.subjects[0].code) == ("medtop", "20000763")
    assert (report.genres[0].scheme, report.genres[0].code) == ("exgenre", "meldung")
    assert report.event is not None and report.event.name == "Eröffnung der Hafenbrücke"
    assert warned == ""


def test_ntb_like_html_body_base_image_and_bad_date() -> None:
    """An NTB-like item: HTML body, the rendition named baseImage, a date that is not ISO named."""
    report, warned = _read(_load("ntb-like-3.json"))
    assert report.body is not None and report.body.text == "Broen ble åpnet onsdag.\n\nMange gikk over."
    assert report.version_created is None
    (picture,) = report.media
    assert picture.url == "http://example.com/ntb-like/photo/full.jpg" and picture.width == 3000
    assert picture.credit == "Example Foto"
    for named in ("versionCreated (not an ISO 8601", "bodies[1]", "altIds"):
        assert named in warned


@pytest.mark.parametrize(
    ("doc", "location"),
    [
        ({"headlines": [{"value": "A"}]}, "uri"),
        ({"uri": "http://example.com/x"}, "headlines"),
        ({"uri": "not an iri", "headlines": [{"value": "A"}]}, "id"),
        ({"uri": "http://example.com/x", "headlines": [{"value": ""}]}, "headlines"),
    ],
)
def test_no_uri_or_headline_is_one_read_error(doc: dict[str, Any], location: str) -> None:
    """Without a usable uri or headline the document gives one ReadError naming the place."""
    with pytest.raises(ReadError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read_native(doc, "test.json")
    assert caught.value.location == location and "\n" not in str(caught.value)


_WRONG = [None, "", 0, -1, True, 1.5, "x", [], {}, [None], [1], [{}], [{"value": None}], {"a": [[[]]]}]
_BASE = {"uri": "http://example.com/x", "headlines": [{"value": "A headline"}]}
_KEYS = [
    "uri", "type", "version", "firstCreated", "versionCreated", "contentCreated", "embargoedUntil", "pubStatus",
    "urgency", "language", "headlines", "descriptions", "bodies", "by", "slugline", "located", "edNote",
    "copyrightHolder", "copyrightNotice", "usageTerms", "rightsInfo", "subjects", "genres", "people",
    "organisations", "places", "events", "associations", "standard", "altIds",
]  # fmt: skip


def _survives(doc: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.suppress(ReadError):
            read_native(doc, "test.json")


@pytest.mark.parametrize("key", _KEYS)
def test_every_property_with_a_wrong_type(key: str) -> None:
    """Each property given each wrong type gives a report or a ReadError, never another exception."""
    for wrong in _WRONG:
        _survives({**_BASE, key: wrong})
        _survives({**_BASE, "associations": [{"type": "picture", key: wrong, "renditions": [{key: wrong}]}]})
        _survives({**_BASE, "subjects": [{"name": "n", key: wrong}]})


def test_ten_thousand_subjects_and_deep_nesting() -> None:
    """Ten thousand subjects are read; a deeply nested value is named, not followed."""
    deep: Any = []
    for _ in range(5000):
        deep = [deep]
    subjects = [{"name": f"topic {i}", "literal": f"ex:{i}"} for i in range(10_000)]
    report, _ = _read({**_BASE, "subjects": subjects, "objects": deep})
    assert len(report.subjects) == 10_000


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from([*_KEYS, "value", "name"]), inner),
    max_leaves=20,
)


@given(st.dictionaries(st.sampled_from(_KEYS), _JSON, max_size=8))
def test_any_json_values(extra: dict[str, Any]) -> None:
    """Arbitrary JSON under the known property names: a report or a ReadError."""
    _survives({**_BASE, **extra})
    _survives(extra)


def test_iptc_1_4_examples(shared: Path) -> None:
    """IPTC's 1.4 examples, through versions.to_v3, read to their headline, body, dates, subjects, people, pictures."""
    versions = pytest.importorskip("newsreport.converters.ninjs.versions")
    for path in sorted((shared / "vendor" / "ninjs" / "examples-1.4").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        for doc in raw if isinstance(raw, list) else [raw]:
            report, _ = _read(versions.to_v3(doc, versions.version_of(doc)))
            if isinstance(doc.get("headline"), str):
                assert report.headline.text == doc["headline"].strip(), path.name
            if doc.get("body_text") or doc.get("body_xhtml"):
                assert report.body is not None, path.name
            if doc.get("versioncreated"):
                assert report.version_created is not None, path.name
            if doc.get("subject"):
                assert report.subjects, path.name
            if doc.get("person"):
                assert any(p.kind == "person" for p in report.participants), path.name
            if any(a.get("type") == "picture" for a in (doc.get("associations") or {}).values()):
                assert report.media, path.name


@pytest.mark.parametrize("content_type", ["text/html", "application/xhtml+xml", "text/plain"])
@pytest.mark.parametrize(
    "value",
    [
        "\ud800",
        "<p>\ud800</p>",
        "<div>" * 10_000 + "x",
        "\x00<p>a</p>",
        "<!DOCTYPE x [<!ENTITY a 'b'>]><p>&a;</p>",
        " ",
    ],
)
def test_hostile_bodies(content_type: str, value: str) -> None:
    """Lone surrogates, deep markup, NULs, entities: the body is read or named, never a traceback."""
    report, _ = _read({**_BASE, "bodies": [{"contentType": content_type, "value": value}]})
    if content_type != "text/plain":  # an entity is never expanded
        assert report.body is None or report.body.text != "b"


def test_tt_like_2_2_through_to_v3() -> None:
    """A TT-like ninjs 2.2 item, given the 3.x shape by versions.to_v3, reads to its values."""
    versions = pytest.importorskip("newsreport.converters.ninjs.versions")
    doc = _load("tt-like-2.json")
    report, _ = _read(versions.to_v3(doc, versions.version_of(doc)))
    assert report.headline.text == "Ny bro invigd i Exempelstad"
    assert report.body is not None and report.body.text == "Bron invigdes på onsdagen."
    assert report.first_created is not None and report.first_created.isoformat() == "2026-03-04T11:40:00+01:00"
    assert (report.subjects[0].scheme, report.subjects[0].code) == ("medtop", "20000763")
    assert report.participants[0].identifiers[0].value == "Q1"
    assert report.media[0].url == "http://example.com/tt-like/photo.jpg" and report.media[0].height == 1600
