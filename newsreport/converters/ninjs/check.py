"""Checking a ninjs document: its JSON, IPTC's schema of the version it declares, the report.

The schema comes from the files the user gives (`CheckOptions.ninjs_schemas`), each known by
the version in its `$id`. A document is checked against the schema of its own version, else
against the newest given schema of its major line (a 1.4 document against 1.6: the 1.x schemas
only added properties), and each problem names the schema used. Without a schema of its line a
document is checked as far as newsreport can by itself: by the reader, as every document is.

Validation is offline: GeoJSON's `$ref` is answered by a permissive local stub and any other
remote reference is refused. jsonschema checks the `date`, `time`, `email`, `ipv4`, `ipv6`,
`regex` and `uuid` formats by itself; ninjs leans on `uri` and `date-time`, which need extra
packages, so these two are checked here (an absolute URI without spaces; an RFC 3339 date-time
with its offset).
"""

from __future__ import annotations

import json
import re
import warnings
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import FormatChecker
from jsonschema.exceptions import ValidationError
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource, Unresolvable
from referencing.jsonschema import DRAFT202012

from newsreport.converters.format import CheckOptions
from newsreport.converters.ninjs.versions import version_of
from newsreport.errors import ReadError, ReadWarning, UsageError
from newsreport.jsontext import loads
from newsreport.problems import Problem

GEOJSON = "https://geojson.org/schema/GeoJSON.json"
_SCHEMA_ID = re.compile(r"ninjs-schema_(\d+)\.(\d+)\.json")
_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S*")

FORMATS = FormatChecker()


@FORMATS.checks("date-time")
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.upper())
    except ValueError:
        return False
    return True


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.fullmatch(value))


def check(data: bytes, source: str, options: CheckOptions) -> list[Problem]:
    """Every problem of a ninjs document: its JSON, its version's schema, the report it gives."""
    try:
        doc = loads(data, source, format="ninjs")
    except ReadError as exc:
        return [Problem(exc.location, exc.message)]
    if not isinstance(doc, dict):
        return [Problem("$", "not a ninjs document: the JSON is not an object")]
    problems = schema_problems(doc, options.ninjs_schemas)
    from newsreport.converters.ninjs import read  # here: the package's front module imports ours

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReadWarning)
            read(data, source)
    except ReadError as exc:
        problems.append(Problem(exc.location, exc.message))
    return problems


def schema_problems(doc: dict[str, Any], schema_files: tuple[Path, ...]) -> list[Problem]:
    """Where `doc` breaks the given schema of its version (none given for its line: none)."""
    schema = _schema_for(version_of(doc), schema_files)
    if schema is None:
        return []
    name, contents = schema
    validator = validator_for(contents)(contents, registry=_REGISTRY, format_checker=FORMATS)
    try:
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
        return [problem for error in errors for problem in _problems(error, name)]
    except Unresolvable as exc:
        return [Problem("$", f"ninjs {name} schema: cannot resolve {exc} offline")]
    except RecursionError:
        return [Problem("$", f"ninjs {name} schema: the document is nested too deeply to check")]


def _schema_for(version: str, files: tuple[Path, ...]) -> tuple[str, dict[str, Any]] | None:
    """(its version, the schema) for `version`: the same version, else its line's newest."""
    wanted = version.split(".")
    candidates = []
    for path in files:
        major, minor, contents = load_schema(path)
        if major == wanted[0]:
            exact = len(wanted) > 1 and minor == wanted[1]
            candidates.append((exact, int(minor), f"{major}.{minor}", contents))
    if not candidates:
        return None
    _, _, name, contents = max(candidates, key=lambda c: (c[0], c[1]))
    return name, contents


@cache
def load_schema(path: Path) -> tuple[str, str, dict[str, Any]]:
    """(major, minor, contents) of a ninjs schema file, the version read from its `$id`."""
    try:
        contents = json.loads(path.read_bytes())
        found = _SCHEMA_ID.search(contents["$id"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"{path}: not a ninjs schema: {exc}") from None
    if not isinstance(contents, dict) or found is None:
        raise UsageError(f"{path}: not a ninjs schema (no ninjs-schema_X.Y.json in its $id)")
    return found.group(1), found.group(2), contents


def _refuse(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]  # nothing is fetched


_REGISTRY: Registry[Any] = Registry(retrieve=_refuse).with_resource(  # type: ignore[call-arg]
    GEOJSON, DRAFT202012.create_resource({"$id": GEOJSON, "type": "object"})
)


def _problems(error: ValidationError, schema: str) -> list[Problem]:
    """One problem per property not allowed (at its own path), else one for the error."""
    where = _path(error)
    names = _not_allowed(error)
    if names:
        return [Problem(f"{where}.{name}", f"property not allowed here (ninjs {schema} schema)") for name in names]
    return [Problem(where, f"{_message(error)} (ninjs {schema} schema)")]


def _not_allowed(error: ValidationError) -> list[str]:
    """The properties an `additionalProperties` / `unevaluatedProperties` error is about."""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        patterns = error.schema.get("patternProperties", {}) if isinstance(error.schema, dict) else {}
        return [
            str(key)
            for key in error.instance
            if key not in known and not any(re.search(pattern, str(key)) for pattern in patterns)
        ]
    unexpected = _UNEXPECTED.search(error.message)
    if error.validator == "unevaluatedProperties" and unexpected:
        return re.findall(r"'((?:[^'\\]|\\.)*)'", unexpected.group(1))
    return []


_UNEXPECTED = re.compile(r"\((.*) (?:was|were) unexpected\)$")


def _path(error: ValidationError) -> str:
    path = "$"
    for step in error.absolute_path:
        path += f"[{step}]" if isinstance(step, int) else f".{step}"
    return path


def _message(error: ValidationError) -> str:
    line = error.message.splitlines()[0] if error.message else str(error.validator)
    return line if len(line) <= 200 else line[:199] + "…"
