"""The published JSON Schema: current, well-formed, and agreeing with the model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsreport import NewsReport, json_schema, validate

from .cli import run
from .conftest import EXAMPLES, ROOT

PUBLISHED = ROOT / "schema" / "newsreport.schema.json"


def test_published_schema_is_current() -> None:
    """schema/newsreport.schema.json is byte for byte what `newsreport schema` prints."""
    printed = run("schema")
    assert printed.returncode == 0, printed.stderr
    regenerate = "regenerate with: newsreport schema -o schema/newsreport.schema.json"
    assert printed.stdout == PUBLISHED.read_bytes(), regenerate


def test_schema_is_draft_2020_12_with_id_and_version() -> None:
    """The schema declares its dialect, id and version, and is valid under its metaschema."""
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://") and schema["version"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_is_described() -> None:
    """Each property in the schema carries its field's docstring as description."""
    schema = json_schema()
    undocumented = [
        f"{name}.{prop}"
        for name, definition in [("NewsReport", schema), *schema["$defs"].items()]
        for prop, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undocumented == []


def test_validation_and_serialization_schemas_agree() -> None:
    """What the reader accepts is what the writer produces: both modes give one schema."""
    assert NewsReport.model_json_schema(mode="validation") == NewsReport.model_json_schema(mode="serialization")


def test_example_report_is_valid(example_data: dict[str, object]) -> None:
    """The example report passes the schema and the model's rules."""
    assert validate(example_data) == []
    jsonschema.Draft202012Validator(json_schema()).validate(example_data)


EXPECTED = {
    "unknown-speaker.json": ("$.statements[0].speakers[0]", "unknown participant 'spokesman'"),
    "quote-span-mismatch.json": ("$.statements[0].span", "the body has 'will meet again,\" ' at [51, 69)"),
    "impossible-date.json": ("$.referenced_events[0].date", "'2024-02-30' is not a day of the calendar"),
    "missing-headline.json": ("$.headline", "'headline' is a required property"),
}


@pytest.mark.parametrize("name", sorted(p.name for p in (EXAMPLES / "invalid").glob("*.json")))
def test_each_invalid_example_fails_with_its_own_message(name: str) -> None:
    """Every file in examples/invalid/ fails with exactly the problem it was written to show."""
    problems = validate(json.loads((EXAMPLES / "invalid" / name).read_bytes()))
    assert len(problems) == 1
    path, message = EXPECTED[name]
    assert problems[0].path == path
    assert message in problems[0].message


def test_invalid_examples_are_all_expected() -> None:
    """No invalid example goes untested."""
    assert sorted(p.name for p in Path(EXAMPLES / "invalid").glob("*.json")) == sorted(EXPECTED)
