"""The package descriptor (`datapackage.json`) of a Parquet package: the CSV package's, with
each resource's format, files and Table Schema types as Parquet stores them."""

from __future__ import annotations

from typing import Any

from newsreport.converters.csv_.descriptor import package_descriptor
from newsreport.converters.csv_.tables import TABLES
from newsreport.converters.csv_.tableschema import Table
from newsreport.converters.parquet.arrow import TYPES
from newsreport.converters.parquet.fields import FIELDS, MOMENT_PRECISIONS, Field

MEDIA_TYPE = "application/vnd.apache.parquet"
FORMAT = "parquet"
"""Every resource's `format`: what tells this package from a CSV package with the same tables."""

_TABLE_SCHEMA_TYPES = {"date": "date", "moment": "datetime", "precision": "string", "offset": "integer"}


def descriptor_of(files: dict[str, list[str]]) -> dict[str, Any]:
    """The Data Package (v2) descriptor of a package whose tables are in `files`."""
    return package_descriptor(
        [
            {
                "name": table.name,
                "type": "table",
                "path": files[table.name],
                "format": FORMAT,
                "mediatype": MEDIA_TYPE,
                "description": table.description,
                "schema": _schema(table),
            }
            for table in TABLES
        ]
    )


def _schema(table: Table) -> dict[str, Any]:
    schema = table.schema()
    del schema["missingValues"]  # Parquet has nulls
    schema["fields"] = [_field(f) for f in FIELDS[table.name]]
    return schema


def _field(field: Field) -> dict[str, Any]:
    """A column as a Table Schema field, with its Arrow type."""
    if field.kind == "precision":
        constraints: dict[str, Any] = {"enum": list(MOMENT_PRECISIONS)}
    elif field.kind == "offset":
        constraints = {"minimum": -1439, "maximum": 1439}
    else:
        constraints = dict(field.column.schema().get("constraints", {}))
    if field.kind in ("date", "moment"):
        constraints.pop("pattern")  # a pattern of the text, which Parquet does not store
    spec: dict[str, Any] = {
        "name": field.name,
        "type": _TABLE_SCHEMA_TYPES.get(field.kind, field.kind),
        "description": field.description,
        "x-arrow-type": str(TYPES[field.kind]),
    }
    if field.kind == "list":
        spec["itemType"] = "string"
    if constraints:
        spec["constraints"] = constraints
    return spec
