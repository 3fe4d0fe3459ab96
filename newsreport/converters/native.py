"""Conversion between NewsReport and its own JSON: one report (`json`) or one per line (`jsonl`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from pydantic import ValidationError

from newsreport.converters.format import CheckOptions, Format
from newsreport.errors import ReadError
from newsreport.limits import limited_lines
from newsreport.model import NewsReport
from newsreport.problems import Problem, problems_from
from newsreport.schema import validate


def read(data: bytes, source: str = "<input>") -> NewsReport:
    """The report a JSON document holds."""
    return _parse(data, source, "json", line=None)


def write(report: NewsReport) -> bytes:
    """The report as indented JSON, fields in model order, unknown values left out."""
    return report.model_dump_json(exclude_none=True, indent=2).encode() + b"\n"


def read_lines(stream: BinaryIO, source: str = "<input>") -> Iterator[NewsReport]:
    """The reports of a JSON Lines stream, one at a time; blank lines are skipped."""
    for number, line in limited_lines(stream, source):
        if line.strip():
            yield _parse(line, source, "jsonl", line=number)


def write_lines(reports: Iterable[NewsReport], stream: BinaryIO) -> None:
    """Each report as one line of compact JSON."""
    for report in reports:
        stream.write(_line(report))


def _line(report: NewsReport) -> bytes:
    return report.model_dump_json(exclude_none=True).encode() + b"\n"


def check(data: bytes, source: str = "<input>", options: CheckOptions | None = None) -> list[Problem]:
    """Every problem of a JSON document: syntax, then JSON Schema, then the model's rules."""
    try:
        obj = load_json(data, source, "json", line=None)
    except ReadError as exc:
        return [Problem(exc.location, exc.message)]
    return validate(obj)


def check_lines(data: bytes, source: str = "<input>", options: CheckOptions | None = None) -> list[Problem]:
    """Every problem of a JSON Lines document, each located by line."""
    problems = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = load_json(line, source, "jsonl", line=number)
        except ReadError as exc:
            problems.append(Problem(exc.location, exc.message))
            continue
        problems += [Problem(f"line {number}: {p.path}", p.message) for p in validate(obj)]
    return problems


def parse_line(data: bytes, source: str, line: int) -> NewsReport:
    """The report on line `line` of a JSON Lines file."""
    return _parse(data, source, "jsonl", line)


def _parse(data: bytes, source: str, format: str, line: int | None) -> NewsReport:
    """Validate straight from bytes (fast); on failure, parse again to say where it went wrong."""
    try:
        return NewsReport.model_validate_json(data)
    except ValidationError:
        pass
    obj = load_json(data, source, format, line)
    prefix = f"line {line}: " if line is not None else ""
    try:
        return NewsReport.model_validate(obj)
    except ValidationError as exc:
        problems = problems_from(exc, obj)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        first = problems[0]
        raise ReadError(first.message + more, source=source, location=prefix + first.path, format=format) from None


def load_json(data: bytes, source: str, format: str, line: int | None = None) -> object:
    """Parse JSON, or raise a `ReadError` saying where it breaks (`line` numbers a JSON Lines line)."""
    try:
        return json.loads(data)
    except UnicodeDecodeError as exc:
        where = f"line {line}, byte {exc.start}" if line else f"byte {exc.start}"
        raise ReadError(f"not UTF-8: {exc.reason}", source=source, location=where, format=format) from None
    except json.JSONDecodeError as exc:
        where = f"line {line or exc.lineno}, column {exc.colno}"
        raise ReadError(f"invalid JSON: {exc.msg}", source=source, location=where, format=format) from None
    except RecursionError:
        where = f"line {line}" if line else ""
        raise ReadError("JSON nested too deeply", source=source, location=where, format=format) from None


JSON = Format(
    name="json",
    extensions=(".json",),
    media_type="application/json",
    summary="the model's own JSON, one report (what the JSON Schema describes)",
    read=read,
    write=write,
    check=check,
)
JSONL = Format(
    name="jsonl",
    extensions=(".jsonl", ".ndjson"),
    media_type="application/jsonl",
    summary="JSON Lines, one report per line: the batch format",
    read_stream=read_lines,
    write_stream=write_lines,
    check=check_lines,
)
