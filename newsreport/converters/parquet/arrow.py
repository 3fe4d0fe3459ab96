"""The Arrow type of each kind of column, the schema of each table, and which types of others'
files are read as ours (Polars writes large strings, pandas a null column, Spark nanoseconds)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pyarrow as pa

from newsreport.converters.parquet.fields import FIELDS, Field, Kind

TYPES: dict[Kind, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
    "list": pa.list_(pa.string()),
    "date": pa.date32(),
    "moment": pa.timestamp("us", tz="UTC"),
    "precision": pa.string(),
    "offset": pa.int16(),
}
"""How each kind of column is stored."""

AS_NUMBERS: dict[Kind, pa.DataType] = {"date": pa.int32(), "moment": pa.int64()}
"""What a date and a moment are read as: days and microseconds since 1970 (Python's `date` and
`datetime` would fail on a year 0000 partial date, or an instant past 9999 in UTC)."""


_PANDAS_DTYPES: dict[Kind, str] = {"integer": "Int64", "offset": "Int16", "boolean": "boolean"}
"""pandas' nullable types for integers and booleans that may be empty, which it would otherwise
read as floats (`12.0`, NaN) and objects."""


def schema_of(table: str) -> pa.Schema:
    """The Arrow schema of a table's part files, with the pandas metadata that has pandas read
    an integer or boolean column that may be empty as its nullable type (no other reader
    looks at it)."""
    nullable = [f for f in FIELDS[table] if not f.required and f.kind in _PANDAS_DTYPES]
    pandas = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [
            {
                "name": f.name,
                "field_name": f.name,
                "pandas_type": _PANDAS_DTYPES[f.kind].lower(),
                "numpy_type": _PANDAS_DTYPES[f.kind],
                "metadata": None,
            }
            for f in nullable
        ],
        "creator": {"library": "newsreport"},
    }
    fields = [pa.field(f.name, TYPES[f.kind], nullable=not f.required) for f in FIELDS[table]]
    return pa.schema(fields, metadata={"pandas": json.dumps(pandas)})


def _text(kind: pa.DataType) -> bool:
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind))


_FITS: dict[Kind, Callable[[pa.DataType], bool]] = {
    "string": _text,
    "precision": _text,
    "integer": pa.types.is_integer,
    "offset": pa.types.is_integer,
    "boolean": pa.types.is_boolean,
    "list": lambda t: bool(
        (pa.types.is_list(t) or pa.types.is_large_list(t)) and (_text(t.value_type) or pa.types.is_null(t.value_type))
    ),
    "date": pa.types.is_date,
    "moment": lambda t: bool(pa.types.is_timestamp(t) and t.tz is not None),
}

_NAMES: dict[Kind, str] = {
    "string": "a string",
    "precision": "a string",
    "integer": "an integer",
    "offset": "an integer",
    "boolean": "a boolean",
    "list": "a list of strings",
    "date": "a date",
    "moment": "a timestamp with a time zone (UTC)",
}


def type_problem(field: Field, found: pa.DataType) -> str | None:
    """What is wrong with a file's type for a column, if anything (an all-null column fits any)."""
    if pa.types.is_null(found) or _FITS[field.kind](found):
        return None
    return f"column {field.name!r} is {found}, not {_NAMES[field.kind]}"
