"""The pieces a table is described with: columns, tables and their Frictionless Table Schema.

`tables` lists the package's tables with these; the reader checks cells against the same
`Column`s, so what the descriptor promises and what the reader enforces cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from newsreport.model import IRI_PATTERN, LANGUAGE_PATTERN, MOMENT_PATTERN

MAX_DIGITS = 4300
"""The most digits an integer cell may have: Python's limit for turning text into an integer
(`sys.int_info.default_max_str_digits`), past which `int()` raises."""

BOOLEANS = ("true", "false")
"""How a boolean cell is written: nothing else is one."""
ID = r"^[A-Za-z_][A-Za-z0-9_.-]*$"
CODE = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
PRECISIONS = ["year", "month", "day"]
AGENT_KINDS = ("person", "organization")


@dataclass(frozen=True)
class Column:
    """One column: its name, Table Schema type and constraints, and a description."""

    name: str
    description: str
    type: Literal["string", "integer", "boolean", "list"] = "string"
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    item_pattern: str | None = None
    """For lists: what each item must match."""
    minimum: int = 0
    """For integers: the least value."""
    maximum: int | None = None
    """For integers: the greatest value, if any."""

    def schema(self) -> dict[str, Any]:
        """The column as a Table Schema field."""
        spec: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.type == "integer":
            constraints["minimum"] = self.minimum
            if self.maximum is not None:
                constraints["maximum"] = self.maximum
        if self.type == "boolean":
            spec |= {"trueValues": [BOOLEANS[0]], "falseValues": [BOOLEANS[1]]}
        if self.type == "list":
            spec |= {"delimiter": ";", "itemType": "string"}
        if constraints:
            spec["constraints"] = constraints
        return spec


Link = tuple[tuple[str, ...], str, tuple[str, ...]]
"""A foreign key: (columns, the table they point to, its columns)."""


@dataclass(frozen=True)
class Table:
    """One table: its file stem, columns, primary key and always-filled foreign keys (every
    table but `reports` also points at its report)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    links: tuple[Link, ...] = field(default=())

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def schema(self) -> dict[str, Any]:
        """The table's Table Schema."""
        links = self.links if self.name == "reports" else ((("report_id",), "reports", ("report_id",)), *self.links)
        schema: dict[str, Any] = {
            "fields": [c.schema() for c in self.columns],
            "primaryKey": list(self.key),
            "missingValues": [""],
        }
        if links:
            schema["foreignKeys"] = [
                {"fields": list(fields), "reference": {"resource": resource, "fields": list(target)}}
                for fields, resource, target in links
            ]
        return schema


# The columns the tables share ---------------------------------------------------------------


def report_id() -> Column:
    """The column every table starts with."""
    return Column("report_id", "The report's id (an absolute IRI).", required=True, pattern=IRI_PATTERN)


def local_id(name: str, what: str, required: bool = True) -> Column:
    return Column(name, what, required=required, pattern=ID)


def position(what: str) -> Column:
    return Column("position", f"Order of the {what} within its report or list, from 0.", "integer", required=True)


def field_of(lists: tuple[str, ...], what: str) -> Column:
    """The column telling which of the report's lists a row belongs to."""
    return Column("field", f"Which {what} of the report the row is: {', '.join(lists)}.", required=True, enum=lists)


def iri(name: str, what: str, required: bool = False) -> Column:
    return Column(name, what, required=required, pattern=IRI_PATTERN)


def language(name: str, what: str) -> Column:
    return Column(name, f"BCP 47 language tag of {what}.", pattern=LANGUAGE_PATTERN)


def moment(name: str, what: str) -> Column:
    return Column(
        name, f"{what}: a date, or a date-time with a UTC offset or without (a local time).", pattern=MOMENT_PATTERN
    )


def span(prefix: str, what: str, required: bool = True) -> tuple[Column, Column]:
    return (
        Column(f"{prefix}start_char", f"Start of {what}: a code point offset into the body.", "integer", required),
        Column(f"{prefix}end_char", f"End of {what} (exclusive).", "integer", required),
    )


def partial_date(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(
            f"{prefix}date",
            f"The {what}: ISO 8601 at reduced precision (2024, 2024-05, 2024-05-17).",
            pattern=PARTIAL_DATE,
        ),
        Column(f"{prefix}date_precision", f"Precision of {prefix}date.", enum=tuple(PRECISIONS)),
        Column(
            f"{prefix}date_inferred",
            "Parts of the date inferred rather than stated.",
            "list",
            item_pattern="^(year|month|day)$",
        ),
        Column(f"{prefix}date_note", "How the inferred parts were inferred."),
    )


def agent_columns(prefix: str, what: str) -> tuple[Column, ...]:
    """The columns of an agent (the publisher, an author...): at least one of name, url and code."""
    return (
        Column(f"{prefix}kind", f"Whether {what} is a person or an organization, when known.", enum=AGENT_KINDS),
        Column(f"{prefix}name", f"The name of {what}."),
        iri(f"{prefix}url", f"A page about {what}, or its IRI."),
        Column(f"{prefix}code", f"The source's code for {what} (a NewsML-G2 QCode such as an editor's login)."),
        Column(f"{prefix}role", f"The part {what} had (crol:editor, translator...), as the source names it."),
    )
