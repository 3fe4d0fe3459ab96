"""Write `docs/api.md`, the reference of every name `newsreport` exports, from the code's docstrings.

    python docs/apidoc.py           write docs/api.md
    python docs/apidoc.py --check   exit 1 if docs/api.md is not what this script writes

`tests/test_apidoc.py` fails when the file is stale. Names come in the groups below, each with its
signature or fields and its docstring; the value types the fields and signatures use (`LocalId`,
`Iri`, ...) follow at the end, so every type the reference names is explained in it.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import itertools
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ForwardRef

import pydantic

import newsreport
from newsreport.model import Model

API_MD = Path(__file__).with_name("api.md")

GROUPS: dict[str, list[str]] = {
    "Reading, writing, converting": [
        "read",
        "read_all",
        "write",
        "convert_many",
        "convert_reports",
        "FORMATS",
        "Format",
        "Failure",
        "Drafting",
    ],
    "Checking": ["validate", "json_schema", "Problem"],
    "Drafting a report from its text": ["extract", "extract_into"],
    "The report": ["NewsReport", "Headline", "Dateline", "Body", "Block", "Span", "Excerpt"],
    "Participants": ["Participant", "Person", "Organization", "Place", "Title", "Name", "Identifier"],
    "Events and statements": ["Event", "ReferencedEvent", "Participation", "Statement"],
    "Dates": ["Moment", "PartialDate", "DatePart"],
    "Metadata": ["Agent", "Wording", "Concept", "Subject", "Media", "Rights", "Link", "Draft"],
    "Errors and warnings": [
        "NewsReportError",
        "ReadError",
        "UnknownFormatError",
        "UsageError",
        "WriteError",
        "LossError",
        "LossWarning",
        "ReadWarning",
    ],
}
"""Every name of `newsreport.__all__`, once, in the order a reader meets them."""

ALIAS_MODULES = (
    "newsreport.api",
    "newsreport.converters",
    "newsreport.model.base",
    "newsreport.model.dates",
    "newsreport.model.metadata",
    "newsreport.model.participants",
)
"""The modules whose documented assignments (`LocalId = ...` and its docstring) the reference shows."""


# Signatures go in plain ``` fences: they are not statements to run, and ruff would reformat a
# ```python block of docs/api.md (quotes, line length) into text this script does not write.


class _Shown(str):
    """An annotation's text, shown by `inspect` as written rather than quoted."""

    def __repr__(self) -> str:
        return str(self)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _doc(thing: object) -> str:
    return inspect.cleandoc(thing.__doc__ or "") if isinstance(thing.__doc__, str) else ""


def _documented_assignments(source: str) -> Iterator[tuple[str, str, str]]:
    """(name, what it is, docstring) of each assignment in `source` followed by a string."""
    body = ast.parse(textwrap.dedent(source)).body
    if len(body) == 1 and isinstance(body[0], ast.ClassDef):
        body = body[0].body
    for statement, after in itertools.pairwise(body):
        if not (isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)):
            continue
        if isinstance(after.value.value, str) and isinstance(statement, ast.Assign | ast.AnnAssign):
            target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
            if isinstance(target, ast.Name):
                yield target.id, _shape(target.id, statement), inspect.cleandoc(after.value.value)


def _shape(name: str, statement: ast.Assign | ast.AnnAssign) -> str:
    """`NAME: type` for an annotated assignment, else `Name = value`, an `Annotated` cut to its type."""
    if isinstance(statement, ast.AnnAssign):
        return f"{name}: {ast.unparse(statement.annotation)}"
    value = statement.value
    if isinstance(value, ast.Subscript) and ast.unparse(value.value) == "Annotated":
        inner = value.slice.elts[0] if isinstance(value.slice, ast.Tuple) else value.slice
        return f"{name} = Annotated[{ast.unparse(inner)}, ...]"
    return f"{name} = {ast.unparse(value)}"


def _aliases() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for module in ALIAS_MODULES:
        for name, shape, doc in _documented_assignments(inspect.getsource(importlib.import_module(module))):
            found.setdefault(name, (shape, doc))
    return found


def _signature(name: str, function: Callable[..., Any]) -> str:
    signature = inspect.signature(function)
    parameters = [
        p.replace(annotation=_Shown(p.annotation)) if isinstance(p.annotation, str) else p
        for p in signature.parameters.values()
    ]
    returned = signature.return_annotation
    shown = signature.replace(
        parameters=parameters, return_annotation=_Shown(returned) if isinstance(returned, str) else returned
    )
    return f"{name}{shown}"


def _annotation(cls: type, field: str) -> str:
    for klass in cls.__mro__:
        if field in vars(klass).get("__annotations__", {}):
            written = klass.__annotations__[field]
            if isinstance(written, ForwardRef):  # a NamedTuple's annotation, kept as written
                written = written.__forward_arg__
            return written if isinstance(written, str) else inspect.formatannotation(written)
    raise LookupError(f"{cls.__name__}.{field} has no annotation")


def _field_line(name: str, annotation: str, default: object, doc: str) -> str:
    default_text = "required" if default is dataclasses.MISSING else f"default `{default!r}`"
    return f"- `{name}`: `{annotation}`, {default_text}." + (f" {_one_line(doc)}" if doc else "")


def _fields(cls: type) -> list[str]:
    if issubclass(cls, pydantic.BaseModel):
        return [
            _field_line(
                name,
                _annotation(cls, name),
                dataclasses.MISSING if field.is_required() else field.default,
                field.description or "",
            )
            for name, field in cls.model_fields.items()
        ]
    docs = {name: doc for name, _, doc in _documented_assignments(inspect.getsource(cls))}
    if dataclasses.is_dataclass(cls):
        return [
            _field_line(f.name, _annotation(cls, f.name), f.default, docs.get(f.name, ""))
            for f in dataclasses.fields(cls)
        ]
    if issubclass(cls, tuple) and hasattr(cls, "_fields"):  # a NamedTuple
        return [_field_line(f, _annotation(cls, f), dataclasses.MISSING, docs.get(f, "")) for f in cls._fields]
    return []


def _members(cls: type) -> list[str]:
    """The public methods and properties `cls` itself defines, each with its docstring."""
    lines: list[str] = []
    for name, member in vars(cls).items():
        if name.startswith("_") or not _doc(member):
            continue
        if isinstance(member, property):
            lines += [f"- property `{name}`: {_one_line(_doc(member))}", ""]
        elif isinstance(member, classmethod | staticmethod) or inspect.isfunction(member):
            shown = _signature(name, getattr(cls, name)).replace("(self, ", "(").replace("(self)", "()")
            lines += [f"- `{shown}`", "", textwrap.indent(_doc(member), "  "), ""]
    return lines


def _bases(cls: type) -> str:
    shown = [b.__name__ for b in cls.__bases__ if not b.__name__.startswith("_") and b.__name__ not in _UNSHOWN]
    return f"({', '.join(shown)})" if shown else ""


_UNSHOWN = ("Model", "object", "tuple")
"""Bases not worth naming: every model class is a `Model`, and `Problem` a named tuple."""


def _entry(name: str, value: object, aliases: dict[str, tuple[str, str]]) -> list[str]:
    if inspect.isclass(value):
        kind = "warning" if issubclass(value, Warning) else "exception" if issubclass(value, BaseException) else "class"
        lines = [f"### {name}", "", f"{kind} `{name}{_bases(value)}`", "", _doc(value), ""]
        if issubclass(value, BaseException) and "__init__" in vars(value):
            lines += ["```", _signature(name, value), "```", ""]
        fields = _fields(value)
        if fields:
            lines += ["Fields:", "", *fields, ""]
        members = _members(value)
        if members:
            lines += ["Methods and properties:", "", *members]
        return lines
    if name in aliases:  # a constant or a type alias (callable as `Annotated` is, but no function)
        shape, doc = aliases[name]
        return [f"### {name}", "", "```", shape, "```", "", doc, ""]
    if not callable(value):
        raise SystemExit(f"{name} has no docstring: give its assignment one, in a module of ALIAS_MODULES")
    return [f"### {name}", "", "```", _signature(name, value), "```", "", _doc(value), ""]


def _value_types(text: str, aliases: dict[str, tuple[str, str]]) -> list[str]:
    """The aliases `text` names (and those they name), which `newsreport` does not export."""
    exported = set(newsreport.__all__)
    seen: set[str] = set()
    pending = [word for word in re.findall(r"`[^`]*`", text) for word in re.findall(r"[A-Za-z_]\w*", word)]
    while pending:
        word = pending.pop()
        if word in aliases and word not in exported and word not in seen:
            seen.add(word)
            pending += re.findall(r"[A-Za-z_]\w*", aliases[word][0].split("=", 1)[-1])
    lines: list[str] = []
    for word in sorted(seen):
        shape, doc = aliases[word]
        lines += [f"### {word}", "", "```", shape, "```", "", doc, ""]
    return lines


def render() -> str:
    """The text of `docs/api.md`."""
    placed = [name for names in GROUPS.values() for name in names]
    if sorted(placed) != sorted(newsreport.__all__):
        missing, extra = set(newsreport.__all__) - set(placed), set(placed) - set(newsreport.__all__)
        raise SystemExit(
            f"GROUPS and newsreport.__all__ differ: not placed {sorted(missing)}, not exported {sorted(extra)}"
        )
    aliases = _aliases()
    lines = [
        "# API reference",
        "",
        "<!-- Generated by `python docs/apidoc.py` from the docstrings; do not edit by hand. -->",
        "",
        "Every name `newsreport` exports (`from newsreport import ...`), with its docstring;",
        "`newsreport.__version__` is the installed version. Every model class is a frozen pydantic v2",
        "model that refuses unknown fields; each list is stored as a tuple (a list is accepted).",
        "Each one also has this method:",
        "",
        "```",
        _signature("replace", Model.replace).replace("(self, ", "("),
        "```",
        "",
        _doc(Model.replace),
        "",
    ]
    for title, names in GROUPS.items():
        lines += [f"## {title}", ""]
        for name in names:
            lines += _entry(name, getattr(newsreport, name), aliases)
    value_types = _value_types("\n".join(lines), aliases)
    lines += [
        "## Value types",
        "",
        "The types that the fields and signatures above name and `newsreport` does not export",
        "(import them from `newsreport.model`, `Source` from `newsreport.api`); a constrained type",
        "is its base type with a rule that validation checks.",
        "",
        *value_types,
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if argv == ["--check"]:
        current = API_MD.read_text(encoding="utf-8") if API_MD.exists() else ""
        if current != text:
            print(f"{API_MD} is stale: run python docs/apidoc.py", file=sys.stderr)
            return 1
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    API_MD.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
