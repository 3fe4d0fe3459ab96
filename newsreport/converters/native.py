"""Conversion between NewsReport and its own JSON: one report (`json`) or one per line (`jsonl`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from pydantic import ValidationError

from newsreport.converters.format import CheckOptions, Format
from newsreport.errors import ReadError
from newsreport.jsontext import loads
from newsreport.limits import limited_lines
from newsreport.model import NewsReport
from newsreport.problems import Problem, problems_from
from newsreport.schema import validate


def read(data: bytes, source: str = "<input>") -> NewsReport:
    """The report a JSON document holds."""
    return _parse(data, source, "json", line=None)


def write(report: NewsReport) -> bytes:
    """The report as indented JSON, fields in model order, unknown values left out."""
    return _json(report, indent=2) + b"\n"


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
    return _json(report, indent=None) + b"\n"


def _json(report: NewsReport, indent: int | None) -> bytes:
    """What `model_dump_json` gives, as the bytes pydantic makes (it decodes them to a `str`)."""
    return report.__pydantic_serializer__.to_json(report, indent=indent, exclude_none=True)


def check(data: bytes, source: str = "<input>", options: CheckOptions | None = None) -> list[Problem]:
    """Every problem of a JSON document: syntax, then JSON Schema, then the model's rules."""
    try:
        obj = loads(data, source, format="json")
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
            obj = loads(line, source, format="jsonl", line=number)
        except ReadError as exc:
            problems.append(Problem(exc.location, exc.message))
            continue
        problems += [Problem(f"line {number}: {p.path}", p.message) for p in validate(obj)]
    return problems


def parse_line(data: bytes, source: str, line: int) -> NewsReport:
    """The report on line `line` of a JSON Lines file."""
    return _parse(data, source, "jsonl", line)


def _parse(data: bytes, source: str, format: str, line: int | None) -> NewsReport:
    """Check the text is JSON without a repeated key (pydantic's parser keeps the last without a
    word) and validate the value that gives. Validating the parsed value costs less than
    validating the text again, and it is the value a failure's place is found in."""
    obj = loads(data, source, format=format, line=line)
    try:
        return NewsReport.model_validate(obj)
    except ValidationError as exc:
        problems = problems_from(exc, obj)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        first = problems[0]
        prefix = f"line {line}: " if line is not None else ""
        raise ReadError(
            first.message + more + _ninjs_hint(obj), source=source, location=prefix + first.path, format=format
        ) from None


def _ninjs_hint(obj: object) -> str:
    """ninjs files are `.json` too: a document with ninjs' `uri` and none of our `id` is named as one."""
    if isinstance(obj, dict) and "uri" in obj and "id" not in obj:
        return " (it looks like ninjs: read it with --from ninjs)"
    return ""


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
