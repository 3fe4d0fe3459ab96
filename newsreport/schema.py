"""The published JSON Schema of a report, and validation of data against schema and model.

`json_schema()` is what `schema/newsreport.schema.json` holds and `newsreport schema` prints.
`validate()` checks parsed JSON first against that schema (as any other JSON Schema user
would) and then against the model's own rules, returning every problem rather than raising.
jsonschema is imported on the first validation: converting does not need it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from newsreport.model import NewsReport, event_depth_problem
from newsreport.problems import Problem, problems_from

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.exceptions import ValidationError as SchemaError

SCHEMA_VERSION = "1.0.0"
SCHEMA_ID = "https://w3id.org/newsreport/schema/1.0/newsreport.schema.json"


@cache
def json_schema() -> dict[str, Any]:
    """The report's JSON Schema (Draft 2020-12), generated from the model."""
    generated = NewsReport.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        **generated,
    }


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


def validate(data: object) -> list[Problem]:
    """Every problem of `data` (parsed JSON) as a report; an empty list if it is valid.

    Schema problems come first; the model's rules (references, spans, dates) are checked only
    when the data fits the schema, since they presuppose its shape. Sub-events nested too deep
    are refused before either looks, as both would recurse through them.
    """
    too_deep = event_depth_problem(data.get("event")) if isinstance(data, dict) else None
    if too_deep:
        return [too_deep]
    problems = [_from_schema_error(e) for e in _validator().iter_errors(data)]
    if problems:
        return problems
    try:
        NewsReport.model_validate(data)
    except ValidationError as exc:
        return problems_from(exc, data)
    return []


@cache
def _branch_relevance() -> Callable[[SchemaError], Any]:
    """Among a failed `anyOf`'s branches, one whose type the value has (`"20250203"` is a string
    but not a date) says more than one whose type it has not (it is not `null` either)."""
    from jsonschema.exceptions import WEAK_MATCHES, by_relevance

    return by_relevance(weak=WEAK_MATCHES | {"type"})


def _from_schema_error(error: SchemaError) -> Problem:
    """The most specific reason behind a schema error: for a failed `anyOf`/`oneOf`, the branch
    that got deepest into the data (the one the data was meant to match), recursively."""
    from jsonschema.exceptions import best_match

    while error.context:
        deepest = max(len(e.absolute_path) for e in error.context)
        error = best_match((e for e in error.context if len(e.absolute_path) == deepest), key=_branch_relevance())
    path, message = error.json_path, _shortened(error)
    required, instance = error.validator_value, error.instance
    if error.validator == "required" and isinstance(required, list) and isinstance(instance, dict):
        # jsonschema places a missing property at its parent; name the property itself.
        missing = next(p for p in required if p not in instance and repr(p) in error.message)
        path = f"{path}.{missing}"
    return Problem(path, message)


_SHOWN = 80
"""How much of the value in question a message quotes, at most."""


def _shortened(error: SchemaError) -> str:
    """The error's message, quoting at most the start of a long value (jsonschema quotes it
    whole: a body of megabytes, or a value nested hundreds deep)."""
    shown = repr(error.instance)
    if len(shown) > _SHOWN and error.message.startswith(shown):
        return f"{shown[:_SHOWN]}… {error.message[len(shown) :].lstrip()}"
    return error.message
