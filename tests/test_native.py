"""The model's own JSON and JSON Lines: lossless, and precise about broken input."""

from __future__ import annotations

import io

import pytest

from newsreport import FORMATS, NewsReport, ReadError, read, read_all, write
from newsreport.converters import format_for_path, get_format, sniff
from newsreport.errors import UnknownFormatError, WriteError

from .conftest import EXAMPLES


@pytest.mark.parametrize("name", ["json", "jsonl"])
def test_round_trip_is_equal(report: NewsReport, name: str) -> None:
    """Writing and reading back gives an equal report, and the same bytes again."""
    data = write(report, name)
    again = read(data, name)
    assert again == report
    assert write(again, name) == data


def test_example_file_is_what_the_writer_writes(report: NewsReport) -> None:
    """examples/report.json is in canonical form: reading and writing it changes no byte."""
    assert write(report, "json") == (EXAMPLES / "report.json").read_bytes()


def test_jsonl_streams_many_reports(report: NewsReport, tmp_path: object) -> None:
    """A JSON Lines file holds one report per line and reads back in order."""
    others = [report.model_copy(update={"id": f"urn:example:{i}"}) for i in range(3)]
    out = io.BytesIO()
    FORMATS["jsonl"].write_all(others, out)
    assert out.getvalue().count(b"\n") == 3
    assert list(FORMATS["jsonl"].read_all(io.BytesIO(out.getvalue()))) == others


def test_read_all_from_a_path(report: NewsReport, tmp_path: object) -> None:
    """read_all() streams the reports of a file named by path."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "two.jsonl"
    path.write_bytes(write(report, "jsonl") * 2)
    assert [r.id for r in read_all(path)] == [report.id] * 2


def test_json_holds_exactly_one_report(report: NewsReport) -> None:
    """Writing two reports to a one-report format is refused, not silently truncated."""
    with pytest.raises(WriteError, match="exactly one report"):
        FORMATS["json"].write_all([report, report], io.BytesIO())


def test_syntax_error_names_line_and_column() -> None:
    """Broken JSON gives the line and column where it breaks."""
    with pytest.raises(ReadError) as caught:
        read(b'{\n  "id": "urn:x:1",\n  "headline": }\n', "json")
    assert str(caught.value) == "<bytes>: line 3, column 15: invalid JSON: Expecting value"


def test_jsonl_error_names_the_line_and_path(report: NewsReport) -> None:
    """A bad report in a JSON Lines stream is located by line number and JSON path."""
    good = write(report, "jsonl")
    bad = good.replace(b'"speakers":["qalibaf"]', b'"speakers":["ghost"]', 1)
    with pytest.raises(ReadError) as caught:
        list(FORMATS["jsonl"].read_all(io.BytesIO(good + bad), "batch.jsonl"))
    assert str(caught.value).startswith("batch.jsonl: line 2: $.statements[1].speakers[0]: unknown participant")


def test_not_utf8_is_a_read_error() -> None:
    """Bytes that are not UTF-8 are refused with their offset."""
    with pytest.raises(ReadError, match="not UTF-8"):
        read(b'{"id": "\xff"}', "json")


def test_formats_are_found_by_name_extension_and_content() -> None:
    """Names, aliases, extensions and content all lead to the right format."""
    assert get_format("NDJSON").name == "jsonl"
    assert format_for_path("a/b.ndjson").name == "jsonl"
    assert format_for_path("report.json").name == "json"
    assert sniff(b'{"a": 1}\n{"a": 2}\n').name == "jsonl"
    assert sniff(b'{\n  "a": 1\n}\n').name == "json"
    with pytest.raises(
        UnknownFormatError,
        match=r"unknown format '\.md' \(known: csv, csv-flat, html, json, jsonl, jsonld, newsml-g2, ninjs, parquet, "
        r"text\)",
    ):
        format_for_path("notes.md")
    assert format_for_path("article.txt").name == "text"
