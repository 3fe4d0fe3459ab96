"""The model reads strictly, and `convert` and `validate` agree on every document (issue #11).

Dates are ISO 8601 text only (no Unix time in digits, no number, no boolean, no sub-second
digit the model cannot keep); integers are JSON integers; a repeated key in an object is
refused with its place; sub-events nest at most `MAX_EVENT_DEPTH` deep; and reading time grows
linearly with the report.
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsreport.converters import native
from newsreport.limits import MAX_EVENT_DEPTH
from newsreport.model import NewsReport
from newsreport.schema import json_schema, validate

from .cli import run
from .conftest import EXAMPLES
from .scaling import growth, scaled

EXAMPLE: dict[str, Any] = json.loads((EXAMPLES / "report.json").read_text())


def changed(path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    """The example with the value at `path` replaced (or added)."""
    doc = copy.deepcopy(EXAMPLE)
    node: Any = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return doc


def files(tmp_path: Path, doc_text: str) -> Iterator[tuple[Path, str]]:
    """The document as a JSON file and as line 2 of a JSON Lines file, with the place prefix."""
    single = tmp_path / "in.json"
    single.write_text(doc_text)
    yield single, ""
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps(EXAMPLE) + "\n" + doc_text.replace("\n", " ") + "\n")
    yield lines, "line 2: "


def assert_refused_by_both(tmp_path: Path, doc_text: str, where: str, what: str) -> None:
    """`convert` and `validate` both refuse the document in one line naming the file, the
    place and the reason, as a JSON file and in a JSON Lines file; nothing is written. (The
    reason `validate` gives may be the JSON Schema's words for it.)"""
    for source, prefix in files(tmp_path, doc_text):
        before = source.read_bytes()
        out = tmp_path / "out.jsonld"
        converted = run("convert", str(source), "-o", str(out), "--to", "jsonld")
        assert converted.returncode == 1, converted.stderr
        message = converted.stderr.decode()
        assert message.count("\n") == 1 and "Traceback" not in message, message
        assert f"{source}: {prefix}{where}" in message and what in message, message
        assert not out.exists() and source.read_bytes() == before
        checked = run("validate", str(source))
        assert checked.returncode == 1, checked.stdout + checked.stderr
        report = checked.stdout.decode()
        assert checked.stderr == b"" and f"{source}: {prefix}{where}" in report, report


DATE_PLACES = [
    ("published",),
    ("modified",),
    ("first_created",),
    ("version_created",),
    ("embargoed_until",),
]
ARABIC_INDIC_2024 = "\u0662\u0660\u0662\u0664"
PARTIAL_DATE_PLACES = [
    ("dateline", "date", "value"),
    ("event", "sub_events", 0, "date", "value"),
    ("referenced_events", 0, "date", "value"),
]


@pytest.mark.parametrize("value", ["20250203", "2025-02-03T10:00:00.1234567Z"])
def test_published_must_be_iso_text(tmp_path: Path, value: object) -> None:
    """Digits were read as Unix time ("20250203" was 1970-08-23), numbers too, and digits
    beyond microseconds were cut; each is refused with its path."""
    doc = changed(("published",), value)
    assert_refused_by_both(tmp_path, json.dumps(doc), "$.published", "ISO 8601")


@pytest.mark.parametrize("place", DATE_PLACES)
@pytest.mark.parametrize(
    "value",
    [
        *("20250203", "99999999999", 1738540800, 1738540800.5, False),
        *("2025-02-03 10:00:00Z", "2025-02-03T10:00Z", "2025-02-03T00:00", "2025-02-03T10:00:00.1234567Z"),
        *("2025-02-03\n", "2025-02-03T10:00:00+01:00\n"),
    ],
)
def test_every_date_refuses_what_is_not_iso_8601(place: tuple[str, ...], value: object) -> None:
    doc = changed(place, value)
    assert_both_refuse(doc)


@pytest.mark.parametrize("place", PARTIAL_DATE_PLACES)
@pytest.mark.parametrize(
    "value", [2024, "2024-5", "\u0662\u0660\u0662\u0664", "\uff12\uff10\uff12\uff14-05", True, "20240517"]
)
def test_every_partial_date_refuses_what_is_not_iso_8601(place: tuple[str | int, ...], value: object) -> None:
    """Partial dates too: other digits than ASCII (Arabic-Indic, full-width) were accepted."""
    assert_both_refuse(changed(place, value))


def assert_both_refuse(doc: dict[str, Any]) -> None:
    text = json.dumps(doc).encode()
    assert native.check(text, "in.json"), "validate accepted it"
    with pytest.raises(native.ReadError):
        native.read(text, "in.json")


@pytest.mark.parametrize(
    "value",
    [
        "2025-02-03T10:00:00+01:00",
        "2025-02-03T10:00:00.123456Z",
        "2025-02-03T10:00:00.5-05:30",
        "2025-02-03",
    ],
)
def test_iso_dates_are_read_by_both(value: str) -> None:
    text = json.dumps(changed(("published",), value)).encode()
    assert native.check(text, "in.json") == []
    report = native.read(text, "in.json")
    assert report.published is not None and report.published.isoformat().startswith(value[:19])


def test_dates_given_from_python_still_work() -> None:
    moment = datetime(2025, 2, 3, 10, tzinfo=UTC)
    report = NewsReport.model_validate({**EXAMPLE, "published": moment, "modified": date(2025, 2, 4)})
    assert report.published == moment and report.modified == date(2025, 2, 4)
    assert NewsReport.model_validate({**EXAMPLE, "published": "2025-02-03"}).published == date(2025, 2, 3)


@pytest.mark.parametrize("value", ["2", True, 2.0, 2.5, None, -1])
def test_span_ends_are_json_integers_for_both(tmp_path: Path, value: object) -> None:
    """`"end": "2"` and `"end": true` passed convert and not validate."""
    doc = changed(("statements", 0, "span", "end"), value)
    assert_both_refuse(doc)


def test_span_end_as_text_refused_through_the_cli(tmp_path: Path) -> None:
    doc = changed(("statements", 0, "span", "end"), "150")
    assert_refused_by_both(tmp_path, json.dumps(doc), "$.statements[0].span.end", "integer")


def test_the_json_schema_refuses_digits_as_dates() -> None:
    """The published schema says the same as the model, for users of any JSON Schema validator."""
    checker = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())
    for value in ("20250203", "2025-02-03T10:00:00.1234567Z", "2025-02-03 10:00:00Z"):
        assert not checker.is_valid(changed(("published",), value)), value
    for value in (ARABIC_INDIC_2024, "20240517"):
        assert not checker.is_valid(changed(("dateline", "date", "value"), value)), value
    assert checker.is_valid(changed(("published",), "2025-02-03T10:00:00.123+01:00"))


def _mutations() -> Iterator[tuple[str, dict[str, Any]]]:
    """The example with each scalar of a few kinds of place replaced by values of other types."""
    replacements: list[object] = ["7", "", 7, 7.0, True, None, [], {}, "2025-02-03", "20250203"]
    places: list[tuple[str | int, ...]] = [
        ("id",),
        ("published",),
        ("modified",),
        ("language",),
        ("headline", "text"),
        ("headline", "origin"),
        ("dateline", "span", "start"),
        ("dateline", "date", "value"),
        ("dateline", "date", "inferred"),
        ("body", "blocks", 0, "span", "end"),
        ("body", "blocks", 0, "kind"),
        ("participants", 0, "kind"),
        ("participants", 0, "mentions", 0, "start"),
        ("participants", 0, "titles"),
        ("participants", 0, "other_names"),
        ("participants", 0, "identifiers"),
        ("statements", 0, "kind"),
        ("statements", 0, "speakers"),
        ("statements", 0, "speakers", 0),
        ("statements", 0, "reporting_verb", "span", "start"),
        ("event", "sub_events", 0, "date", "inferred", 0),
        ("event", "sub_events", 0, "sub_events"),
        ("referenced_events", 0, "relation"),
        ("referenced_events", 0, "cited_by"),
    ]
    for place in places:
        for value in replacements:
            yield f"{place}={value!r}", changed(place, value)


@pytest.mark.parametrize(("name", "doc"), list(_mutations()))
def test_convert_and_validate_agree(name: str, doc: dict[str, Any]) -> None:
    """Whatever one path accepts, the others do: `validate` (JSON Schema, then the model on
    parsed JSON, as the other readers build it) and `convert` (the model on JSON text), for a
    JSON file and a line of JSON Lines."""
    text = json.dumps(doc).encode()
    lines = json.dumps(EXAMPLE).encode() + b"\n" + text + b"\n"
    try:
        native.read(text, "in.json")
        read = True
    except native.ReadError:
        read = False
    try:
        list(native.read_lines(io.BytesIO(lines), "in.jsonl"))
        assert read
    except native.ReadError:
        assert not read
    assert (native.check(text, "in.json") == []) == read
    assert (native.check_lines(lines, "in.jsonl") == []) == read
    assert (validate(doc) == []) == read


DUPLICATES = [
    ('{"id": "urn:x:1", "id": "urn:x:2"', "$.id", "'id'"),
    ('{"statements": [], "body": {"text": "a", "text": "b"}', "$.body.text", "'text'"),
]


@pytest.mark.parametrize(("head", "where", "key"), DUPLICATES)
def test_duplicate_keys_refused_with_their_place(tmp_path: Path, head: str, where: str, key: str) -> None:
    """The last of two equal keys used to win without a word."""
    rest = json.dumps({k: v for k, v in EXAMPLE.items() if k not in ("id", "body", "statements")})[1:]
    text = f"{head}, {rest}"
    assert_refused_by_both(tmp_path, text, where, f"duplicate key {key}")


def _chain(depth: int) -> str:
    """The example whose event is a chain of `depth` events, each the only sub-event of the last."""
    doc = {k: v for k, v in EXAMPLE.items() if k not in ("statements", "referenced_events")}
    doc["event"] = "@"
    head = "".join(f'{{"id": "e{i}", "kind": "visit", "name": "x", "sub_events": [' for i in range(1, depth))
    tail = f'{{"id": "e{depth}", "kind": "visit", "name": "x"}}' + "]}" * (depth - 1)
    return json.dumps(doc).replace('"@"', head + tail)


def test_events_nest_up_to_the_limit() -> None:
    report = native.read(_chain(MAX_EVENT_DEPTH).encode(), "in.json")
    assert len(report.events()) == MAX_EVENT_DEPTH
    assert native.check(_chain(MAX_EVENT_DEPTH).encode(), "in.json") == []


@pytest.mark.parametrize("depth", [MAX_EVENT_DEPTH + 1, 300])
def test_events_nested_deeper_than_the_limit_refused(tmp_path: Path, depth: int) -> None:
    """300 deep gave a traceback in validate (RecursionError in jsonschema)."""
    where = "$.event" + ".sub_events[0]" * MAX_EVENT_DEPTH
    assert_refused_by_both(tmp_path, _chain(depth), where, "MAX_EVENT_DEPTH")


def test_a_chain_of_2000_sub_events_is_one_line(tmp_path: Path) -> None:
    assert_refused_by_both(tmp_path, _chain(2000), "", "nested too deeply")


def _json(n: int) -> bytes:
    return json.dumps(scaled(n)).encode()


def _json_lines(n: int) -> bytes:
    return b"".join(_json(n) + b"\n" for _ in range(3))


READERS: dict[str, tuple[Callable[[bytes], object], Callable[[int], bytes], int]] = {
    "json read": (lambda d: native.read(d, "in.json"), _json, 10),
    "json validate": (lambda d: native.check(d, "in.json"), _json, 3),
    "jsonl read": (lambda d: list(native.read_lines(io.BytesIO(d), "in.jsonl")), _json_lines, 10),
    "jsonl validate": (lambda d: native.check_lines(d, "in.jsonl"), _json_lines, 2),
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_reading_time_grows_linearly(name: str) -> None:
    """4 times the statements, participants and body (the invariants' work too) take well
    under 8 times as long."""
    work, document, n = READERS[name]
    assert growth(work, document(n), document(4 * n)) < 6


@pytest.mark.parametrize(
    ("value", "what"),
    [
        ("NaN", "NaN is not a JSON value"),
        ("-Infinity", "-Infinity is not"),
        ("1" * 5000, "a number of more than 4,300 digits"),
    ],
)
def test_what_python_reads_but_json_has_not_is_refused(tmp_path: Path, value: str, what: str) -> None:
    """NaN and Infinity were read (and refused later for their type); a number of 5,000 digits
    was a ValueError traceback in both convert and validate."""
    text = json.dumps(changed(("statements", 0, "span", "end"), "@")).replace('"@"', value)
    assert_refused_by_both(tmp_path, text, "", f"invalid JSON: {what}")


def test_validate_quotes_at_most_the_start_of_a_long_value() -> None:
    """jsonschema quotes the value in question whole: a body, or a list nested 900 deep."""
    for value in (["x" * 100_000], json.loads("[" * 900 + "]" * 900)):
        (problem,) = validate(changed(("published",), value))
        assert problem.path == "$.published" and len(problem.message) < 200, problem
        assert problem.message.endswith("… is not of type 'string'")


@pytest.mark.parametrize(
    ("suffix", "fmt", "old", "new", "where"),
    [
        (".jsonld", "jsonld", '"datePublished": "2025-02-03"', '"datePublished": "20250203"', "datePublished"),
        (".xml", "newsml-g2", "<contentCreated>2025-02-03<", "<contentCreated>20250203<", "contentCreated"),
    ],
)
def test_our_jsonld_and_newsml_dates_are_iso_text(
    tmp_path: Path, suffix: str, fmt: str, old: str, new: str, where: str
) -> None:
    """Our own JSON-LD and NewsML-G2 hand their dates to the model as written: digits are refused
    there too (they were 1970-08-23)."""
    source = tmp_path / f"in{suffix}"
    assert run("convert", str(EXAMPLES / "report.json"), "-o", str(source), "--to", fmt).returncode == 0
    text = source.read_text()
    assert old in text
    source.write_text(text.replace(old, new))
    converted = run("convert", str(source), "--to", "json")
    message = converted.stderr.decode()
    assert converted.returncode == 1 and converted.stdout == b"" and message.count("\n") == 1, message
    assert where in message and "$.published: not an ISO 8601 date" in message, message
    checked = run("validate", str(source))
    assert checked.returncode == 1 and "$.published: not an ISO 8601 date" in checked.stdout.decode()


def test_a_python_datetime_without_offset_stays_a_local_time_not_its_day() -> None:
    """A naive midnight became a date without a word (pydantic's date branch took it); now a
    local time is kept, and kept as a time."""
    report = NewsReport.model_validate({**EXAMPLE, "published": datetime(2025, 2, 3)})
    assert report.published == datetime(2025, 2, 3) and isinstance(report.published, datetime)
    assert report.model_dump(mode="json")["published"] == "2025-02-03T00:00:00"
