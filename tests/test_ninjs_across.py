"""Others' ninjs through NewsML-G2 and JSON-LD and back: everything the ninjs reader mapped is kept,
and the ninjs written at the end says what the first reading said."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import pytest

from newsreport import NewsReport
from newsreport.converters import FORMATS

DATA = Path(__file__).parent / "data" / "ninjs"
OURS = sorted(DATA.glob("*.json"))


def _read(name: str, data: bytes) -> NewsReport:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (report,) = FORMATS[name].read_all(io.BytesIO(data), f"<{name}>")
    return report


def _across(path: Path, middle: str) -> None:
    first = _read("ninjs", path.read_bytes())
    back = _read(middle, FORMATS[middle].write_one(first))
    assert back == first
    again = _read("ninjs", FORMATS["ninjs"].write_one(back))
    assert again == first
    # What the third-party document said natively is said natively again, not only in our extension.
    native = {k: v for k, v in json.loads(FORMATS["ninjs"].write_one(again)).items() if k != "bodies"}
    assert native["headlines"][0]["value"] == first.headline.text


@pytest.mark.parametrize("middle", ["newsml-g2", "jsonld"])
@pytest.mark.parametrize("path", OURS, ids=[p.name for p in OURS])
def test_our_fixtures_across(path: Path, middle: str) -> None:
    _across(path, middle)


@pytest.mark.parametrize("middle", ["newsml-g2", "jsonld"])
def test_iptc_examples_across(shared: Path, middle: str) -> None:
    examples = sorted((shared / "vendor" / "ninjs" / "examples-1.4").glob("*.json"))
    assert examples
    for path in examples:
        _across(path, middle)


def test_a_repeated_key_is_read_as_json_reads_it_and_named() -> None:
    data = b'{"uri": "urn:x:1", "headlines": [{"value": "First"}, {"value": "x", "value": "Second"}]}'
    with pytest.warns(UserWarning, match=r"repeated keys, the last kept: \$\.headlines\[1\]\.value"):
        report = FORMATS["ninjs"].read_one(data, "<r>")
    assert [h.text for h in report.alternative_headlines] == ["Second"]
