"""The ninjs writer: every document valid against its version's schema, our reports read back exactly."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from newsreport import NewsReport
from newsreport.converters import ninjs
from newsreport.converters.ninjs import patch
from newsreport.converters.ninjs.check import FORMATS, GEOJSON
from newsreport.errors import ReadError, UsageError

from .strategies import reports

_GEOJSON = Registry().with_resource(GEOJSON, Resource.from_contents({"type": "object"}, DRAFT202012))


def _validator(shared: Path, version: str) -> Any:
    schema = json.loads((shared / "vendor" / "ninjs" / f"ninjs-schema_{version}.json").read_bytes())
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=_GEOJSON, format_checker=FORMATS)


def _read(data: bytes) -> NewsReport:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ninjs.read(data)


@pytest.mark.parametrize("version", ninjs.VERSIONS)
def test_example_valid_and_exact(shared: Path, report: NewsReport, version: str) -> None:
    """The example written in each version validates against that version's schema and reads back equal."""
    out = ninjs.write(report, version)
    assert out.endswith(b"}\n")
    errors = [e.message for e in _validator(shared, version).iter_errors(json.loads(out))]
    assert errors == []
    assert _read(out) == report


@pytest.mark.parametrize("version", ninjs.VERSIONS)
@given(generated=reports())
def test_generated_valid_and_exact(shared: Path, version: str, generated: NewsReport) -> None:
    """Generated reports validate and come back exactly, in each version."""
    out = ninjs.write(generated, version)
    errors = [e.message for e in _validator(shared, version).iter_errors(json.loads(out))]
    assert errors == []
    assert _read(out) == generated


def test_native_values(report: NewsReport, example_data: dict[str, Any]) -> None:
    """The headline, people and located of the example are written natively; a date-only published is not."""
    doc = json.loads(ninjs.write(report))
    headline = example_data["headline"]
    assert isinstance(headline, dict)
    assert doc["headlines"][0] == {"value": headline["text"], "contentType": "text/plain"}
    people = [p["name"] for p in example_data["participants"] if p["kind"] == "person"]  # type: ignore[attr-defined]
    assert [p["name"] for p in doc["people"]] == people
    assert example_data["published"] == "2025-02-03" and "contentCreated" not in doc  # a date is not a date-time
    assert list(doc)[:4] == ["uri", "type", "representationType", "standard"]


def test_subjects_and_associations(report: NewsReport) -> None:
    """Subjects get literal QCode and uri; media with a url become associations with name and uri."""
    data = report.model_dump(mode="json", exclude_none=True)
    data["published"] = "2025-02-03T10:00:00+03:30"
    data["subjects"] = [
        {
            "scheme": "medtop",
            "code": "11000000",
            "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000",
            "name": "politics",
        }
    ]
    data["media"] = [{"url": "https://example.org/a.jpg", "media_type": "image/jpeg", "caption": "A"}]
    doc = json.loads(ninjs.write(NewsReport.model_validate(data)))
    assert doc["contentCreated"] == "2025-02-03T10:00:00+03:30"
    assert doc["subjects"] == [{"name": "politics", "uri": data["subjects"][0]["uri"], "literal": "medtop:11000000"}]
    (assoc,) = doc["associations"]
    assert assoc["name"] == "media-1" and assoc["uri"] == "https://example.org/a.jpg"
    assert assoc["renditions"] == [
        {"name": "original", "href": "https://example.org/a.jpg", "contentType": "image/jpeg"}
    ]


def test_no_extension_when_native_says_all() -> None:
    """A report with nothing beyond what ninjs says natively gets no extension body."""
    plain = NewsReport.model_validate({"id": "urn:x:1", "headline": {"text": "H"}, "language": "en"})
    doc = json.loads(ninjs.write(plain))
    assert all(b.get("role") != "newsreport" for b in doc.get("bodies", []))
    assert _read(ninjs.write(plain)) == plain


def test_unsupported_version(report: NewsReport) -> None:
    """An unknown version is a usage error naming the versions."""
    with pytest.raises(UsageError, match=r"3\.1, 2\.2, 1\.6"):
        ninjs.write(report, "2.0")


def test_bad_extension(report: NewsReport) -> None:
    """A malformed extension is one ReadError naming the bodies entry."""
    doc = json.loads(ninjs.write(report))
    index = next(n for n, b in enumerate(doc["bodies"]) if b.get("role") == "newsreport")
    doc["bodies"][index]["value"] = '{"headline": 3}'
    with pytest.raises(ReadError, match=rf"bodies\[{index}\]\.value"):
        _read(json.dumps(doc).encode())
    with pytest.raises(ReadError, match="not an object"):
        ninjs.read(b"[]")


def test_merge_patch() -> None:
    """diff and apply are inverse; arrays are replaced whole, removed keys become null."""
    a = {"x": 1, "y": {"z": [1, 2], "w": 1}, "gone": True}
    b = {"x": 1, "y": {"z": [1]}, "new": "n"}
    d = patch.diff(a, b)
    assert d == {"gone": None, "y": {"z": [1], "w": None}, "new": "n"}
    assert patch.apply(a, d) == b
