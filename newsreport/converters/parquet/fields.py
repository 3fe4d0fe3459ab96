"""The Parquet columns of each table: the CSV package's columns, each with the kind of value it
holds, and beside each moment the two columns that keep what an instant alone loses.

The tables and their columns are the CSV package's (`csv_.tables`); only how a value is stored
differs. A partial date (`2024-05`) is a date (its first day) beside the `date_precision` column
the table has already. A moment (`published`) is a UTC instant, with `published_precision` (day:
a date alone; time: a date-time) and `published_offset` (the source's UTC offset in minutes;
empty for a local time) beside it, so that `2025-02-03`, `2025-02-03T10:00:00` and
`2025-02-03T10:00:00+03:30` each come back as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsreport.converters.csv_.tables import TABLES
from newsreport.converters.csv_.tableschema import PARTIAL_DATE, Column, Table
from newsreport.model import MOMENT_PATTERN

Kind = Literal["string", "integer", "boolean", "list", "date", "moment", "precision", "offset"]
"""What a Parquet column holds: a CSV column's type, a partial date, a moment, or a moment's
precision or offset."""

MOMENT_PRECISIONS = ("day", "time")


@dataclass(frozen=True)
class Field:
    """A Parquet column: its name, kind, description, and the CSV column it stores (for a
    moment's precision and offset: the moment's)."""

    name: str
    kind: Kind
    description: str
    column: Column

    @property
    def required(self) -> bool:
        return self.column.required and self.kind not in ("precision", "offset")


def kind_of(column: Column) -> Kind:
    """How a CSV column's values are stored: dates and moments are told by their pattern."""
    if column.pattern == PARTIAL_DATE:
        return "date"
    if column.pattern == MOMENT_PATTERN:
        return "moment"
    return column.type


def fields_of(table: Table) -> tuple[Field, ...]:
    """The Parquet columns of a table, in order."""
    fields: list[Field] = []
    for column in table.columns:
        kind = kind_of(column)
        fields.append(Field(column.name, kind, column.description, column))
        if kind == "moment":
            fields += [
                Field(
                    f"{column.name}_precision",
                    "precision",
                    f"day if {column.name} is a date alone (at 00:00 UTC), time if it is a date-time.",
                    column,
                ),
                Field(
                    f"{column.name}_offset",
                    "offset",
                    f"The UTC offset {column.name} was given with, in minutes east; "
                    "empty for a date or a local time (its clock time is stored as if in UTC).",
                    column,
                ),
            ]
    return tuple(fields)


FIELDS: dict[str, tuple[Field, ...]] = {table.name: fields_of(table) for table in TABLES}
"""The Parquet columns of every table, by table name."""
