"""Problems found in a report, each with the JSON path of its place.

Two sources produce them: the cross-object invariants (`newsreport.invariants`) and pydantic's
field validation, whose error locations are turned into JSON paths here.
"""

from __future__ import annotations

from typing import NamedTuple

from pydantic import ValidationError


class Problem(NamedTuple):
    """One thing wrong with a report: where (a JSON path such as `$.statements[3].span`) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InvariantError(ValueError):
    """A report breaks one or more invariants; `problems` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


def problems_from(error: ValidationError, data: object) -> list[Problem]:
    """The problems a pydantic `ValidationError` describes, located in the `data` it rejected."""
    problems: list[Problem] = []
    for detail in error.errors(include_url=False):
        cause = detail.get("ctx", {}).get("error")
        if isinstance(cause, InvariantError):
            problems.extend(cause.problems)
            continue
        message = f"{detail['msg'].removeprefix('Value error, ')} [type={detail['type']}]"
        path = json_path(detail["loc"], data, missing=detail["type"] == "missing")
        if problems and problems[-1].path == path:
            # One value failing each branch of a union: one problem, naming every reason.
            message = f"{problems.pop().message}; or {message}"
        problems.append(Problem(path, message))
    return problems


def json_path(loc: tuple[int | str, ...], data: object, missing: bool = False) -> str:
    """Turn a pydantic location into a JSON path through `data`.

    Pydantic puts union branch names (`person`, `datetime`) into locations; they are not keys of
    the data, so the path keeps only the steps the data has, plus the field itself when the
    error is that a field is `missing`.
    """
    path, node = "$", data
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            path, node = f"{path}.{step}", node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            path, node = f"{path}[{step}]", node[step]
    if missing and loc:
        path += f".{loc[-1]}"
    return path
