"""The command line, run as users run it: `python -m newsreport`, exit codes, stdout and stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreport import FORMATS, NewsReport, read

from .cli import run
from .conftest import EXAMPLES

REPORT = str(EXAMPLES / "report.json")
KNOWN = ", ".join(sorted(FORMATS))


def test_validate_example_exits_0() -> None:
    """The example report is valid."""
    result = run("validate", REPORT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == f"{REPORT}: ok\n"


def test_validate_invalid_examples_exits_1_naming_paths() -> None:
    """Every invalid example is reported with its JSON path; one bad file makes the exit code 1."""
    invalid = sorted(str(p) for p in (EXAMPLES / "invalid").glob("*.json"))
    result = run("validate", REPORT, *invalid)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert lines[0] == f"{REPORT}: ok"
    assert [line.split(": ")[1] for line in lines[1:]] == [
        "$.referenced_events[0].date",
        "$.headline",
        "$.statements[0].span",
        "$.statements[0].speakers[0]",
    ]


def test_validate_json_output(tmp_path: Path) -> None:
    """--output-format json gives one machine-readable document."""
    result = run("validate", "--output-format", "json", str(EXAMPLES / "invalid" / "unknown-speaker.json"), REPORT)
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    assert doc["valid"] is False
    assert [f["valid"] for f in doc["files"]] == [False, True]
    assert doc["files"][0]["problems"] == [
        {"location": "$.statements[0].speakers[0]", "message": "unknown participant 'spokesman'"}
    ]


def test_syntax_error_exits_1_with_line_and_column(tmp_path: Path) -> None:
    """Invalid JSON syntax is reported with line and column, by validate and by convert."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "urn:x:1",\n "headline": }')
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert result.stdout.decode() == f"{bad}: line 2, column 14: invalid JSON: Expecting value\n"
    result = run("convert", str(bad), "--to", "jsonl")
    assert result.returncode == 1
    assert result.stderr.decode() == f"newsreport: error: {bad}: line 2, column 14: invalid JSON: Expecting value\n"
    assert result.stdout == b""


def test_validate_jsonl_locates_by_line(tmp_path: Path, report: NewsReport) -> None:
    """In a JSON Lines file, each problem names its line and JSON path."""
    good = (EXAMPLES / "report.json").read_bytes()
    line = json.dumps(json.loads(good)).encode()
    broken = line.replace(b'"language": "en"', b'"language": "english!"')
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(line + b"\n" + broken + b"\n")
    result = run("validate", str(batch))
    assert result.returncode == 1
    assert result.stdout.decode().startswith(f"{batch}: line 2: $.language: ")


def test_convert_to_jsonl_and_back_is_equal(tmp_path: Path, report: NewsReport) -> None:
    """json → jsonl → json through the command line gives an equal report and the same bytes."""
    to_jsonl = run("convert", REPORT, "--to", "jsonl")
    assert to_jsonl.returncode == 0, to_jsonl.stderr
    assert to_jsonl.stdout.count(b"\n") == 1
    back = run("convert", "-", "--from", "jsonl", "-o", str(tmp_path / "back.json"), stdin=to_jsonl.stdout)
    assert back.returncode == 0, back.stderr
    assert read(tmp_path / "back.json") == report
    assert (tmp_path / "back.json").read_bytes() == (EXAMPLES / "report.json").read_bytes()


def test_convert_reads_stdin_by_content() -> None:
    """With no --from, stdin's format is recognised from its content."""
    result = run("convert", "-", "--to", "jsonl", stdin=(EXAMPLES / "report.json").read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == read(EXAMPLES / "report.json").id


def test_many_inputs_into_one_jsonl(tmp_path: Path) -> None:
    """Several inputs stream into one JSON Lines output, in order."""
    out = tmp_path / "all.jsonl"
    result = run("convert", REPORT, REPORT, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().count(b"\n") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "missing.json", "--to", "jsonl"], "newsreport: error: missing.json: no such file\n"),
        (
            ["convert", REPORT, "--to", "yaml"],
            f"newsreport: error: unknown format 'yaml' (known: {KNOWN})\n",
        ),
        (["convert", REPORT], "newsreport: error: say which format to write with --to when writing to stdout\n"),
        (["validate", "missing.json"], "newsreport: error: missing.json: no such file\n"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    """A missing file, an unknown format or a missing --to is a usage error: exit 2, one line."""
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.decode() == message
    assert result.stdout == b""


def test_failed_convert_leaves_no_output(tmp_path: Path) -> None:
    """When a later input fails, the output file is not created, and an existing one is kept."""
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    out = tmp_path / "out.jsonl"
    result = run("convert", REPORT, str(bad), "-o", str(out))
    assert result.returncode == 1
    assert "bad.json: $.id: Field required [type=missing] (and 1 more)\n" in result.stderr.decode()
    assert not out.exists()
    out.write_bytes(b"previous\n")
    run("convert", REPORT, str(bad), "-o", str(out))
    assert out.read_bytes() == b"previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "out.jsonl"]


def test_convert_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    """Converting a file onto itself is refused and the file is untouched."""
    copy = tmp_path / "report.json"
    copy.write_bytes((EXAMPLES / "report.json").read_bytes())
    result = run("convert", str(copy), "-o", str(copy))
    assert result.returncode == 2
    assert "refusing to write over an input" in result.stderr.decode()
    assert copy.read_bytes() == (EXAMPLES / "report.json").read_bytes()


def test_schema_to_file_and_formats_list(tmp_path: Path) -> None:
    """`schema -o` writes the schema; `formats` lists every format with its extensions."""
    assert run("schema", "-o", str(tmp_path / "s.json")).returncode == 0
    assert json.loads((tmp_path / "s.json").read_bytes())["title"] == "NewsReport"
    listing = run("formats").stdout.decode().splitlines()
    assert [line.split()[0] for line in listing] == list(FORMATS)
    assert ".ndjson" in listing[1]


def test_no_arguments_shows_help() -> None:
    """Running with no arguments prints the commands."""
    result = run()
    assert b"convert" in result.stdout + result.stderr


def test_jsonld_round_trip_and_validate(tmp_path: Path, shared: Path) -> None:
    """json → jsonld → json through the CLI is lossless; validate checks JSON-LD against the vocabulary."""
    out = tmp_path / "r.jsonld"
    assert run("convert", REPORT, "-o", str(out)).returncode == 0
    back = run("convert", str(out), "--to", "json")
    assert back.returncode == 0, back.stderr
    assert back.stdout == (EXAMPLES / "report.json").read_bytes()
    vocabulary = shared / "vendor" / "schemaorg" / "schemaorg-current-https.jsonld"
    result = run("validate", "--schemaorg", str(vocabulary), str(out))
    assert (result.returncode, result.stdout.decode()) == (0, f"{out}: ok\n")
    out.write_bytes(out.read_bytes().replace(b'"Claim"', b'"Assertion"'))
    result = run("validate", "--schemaorg", str(vocabulary), str(out))
    assert result.returncode == 1
    assert "unknown type 'http://schema.org/Assertion'" in result.stdout.decode()


def test_web_markup_reads_with_warnings_on_stderr() -> None:
    """Web pages and publishers' JSON-LD convert; what could not be mapped is a warning on stderr."""
    web = EXAMPLES.parent / "tests" / "data" / "web"
    result = run("convert", str(web / "page-several-blocks.html"), "--to", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"]["text"] == "Minister resigns over procurement report"
    markup = web / "plain-newsarticle.jsonld"
    result = run("convert", str(markup), "--to", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode() == f"newsreport: warning: {markup}: not mapped: article publisher logo\n"
    assert [m["url"] for m in json.loads(result.stdout)["media"]] == [
        "https://example-news.test/img/1x1.jpg",
        "https://example-news.test/img/16x9.jpg",
    ]


def test_newsml_round_trip_and_validate(tmp_path: Path, shared: Path) -> None:
    """json → newsml-g2 → json through the CLI is lossless; validate takes the XSD by option or variable."""
    out = tmp_path / "r.xml"
    assert run("convert", REPORT, "-o", str(out)).returncode == 0
    assert out.read_bytes() == (EXAMPLES / "report.newsml.xml").read_bytes()
    back = run("convert", str(out), "--to", "json")
    assert (back.returncode, back.stdout) == (0, (EXAMPLES / "report.json").read_bytes())
    xsd = shared / "vendor" / "newsml-g2" / "newsml-g2_2.35-with-nitf-3.6.xsd"
    result = run("validate", "--newsml-xsd", str(xsd), str(out))
    assert (result.returncode, result.stdout.decode()) == (0, f"{out}: ok\n")
    out.write_bytes(out.read_bytes().replace(b"<itemClass", b"<itemclass", 1))
    result = run("validate", "--newsml-xsd", str(xsd), str(out))
    assert result.returncode == 1
    assert "itemclass" in result.stdout.decode()


def test_hostile_xml_exits_1_in_one_line(tmp_path: Path) -> None:
    """A DOCTYPE is refused with one line on stderr and exit code 1."""
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><newsItem>&a;</newsItem>')
    result = run("convert", str(bomb), "--to", "json")
    assert result.returncode == 1
    refusal = "a DOCTYPE is not allowed (entities and DTDs are refused)"
    assert result.stderr.decode() == f"newsreport: error: {bomb}: {refusal}\n"


def test_csv_package_through_the_cli(tmp_path: Path) -> None:
    """json → csv folder / zip → json, validate a package, --excel, and the flat export refused on input."""
    folder, archive, flat = tmp_path / "pkg", tmp_path / "pkg.zip", tmp_path / "quotes.csv"
    assert run("convert", REPORT, "--to", "csv", "-o", str(folder)).returncode == 0
    assert run("convert", REPORT, "--excel", "-o", str(archive)).returncode == 0
    for source in (folder, archive):
        back = run("convert", str(source), "--to", "json")
        assert (back.returncode, back.stdout) == (0, (EXAMPLES / "report.json").read_bytes()), back.stderr
    assert run("validate", str(folder)).stdout.decode() == f"{folder}: ok\n"
    assert run("convert", REPORT, "-o", str(flat)).returncode == 0
    refused = run("convert", str(flat), "--to", "json")
    assert refused.returncode == 1
    assert "csv-flat is an export format and cannot be read back" in refused.stderr.decode()
    wrong = run("convert", REPORT, "--excel", "--to", "jsonl")
    assert (wrong.returncode, wrong.stderr.decode()) == (
        2,
        "newsreport: error: --excel is for csv and csv-flat, not jsonl\n",
    )
