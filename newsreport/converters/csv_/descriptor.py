"""The package descriptor (`datapackage.json`): what every package this program writes says
about itself, and a CSV package's resources."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from newsreport.converters.csv_.tables import LAYOUT_KEY, LAYOUT_VERSION, TABLES


def package_descriptor(resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The Frictionless Data Package (v2) descriptor of a package of `resources` (a CSV or a
    Parquet package), marked with the layout version as this program's."""
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "newsreport",
        "title": "News reports: who said what, when, at which event",
        LAYOUT_KEY: LAYOUT_VERSION,
        "resources": resources,
    }


def write_descriptor(folder: Path, descriptor: dict[str, Any]) -> None:
    """Write `descriptor` as the folder's `datapackage.json`."""
    text = _indented(json.dumps(descriptor, ensure_ascii=False))
    (folder / "datapackage.json").write_text(text, encoding="utf-8")


@functools.lru_cache(maxsize=16)
def _indented(compact: str) -> str:
    """The descriptor in `compact` JSON, indented. Indenting runs in Python, not in the json
    module's C encoder, and took 27 ms for the tables' schemas (most of writing a package of one
    report); the descriptors of a run's packages are mostly the same, so each is indented once."""
    return json.dumps(json.loads(compact), indent=2, ensure_ascii=False) + "\n"


def descriptor_of(files: dict[str, list[str]], encoding: str, excel: bool) -> dict[str, Any]:
    """The descriptor of a CSV package whose tables are in `files` (a table of one part names
    its file, one of more lists them)."""
    descriptor = package_descriptor(
        [
            {
                "name": table.name,
                "type": "table",
                "path": files[table.name][0] if len(files[table.name]) == 1 else files[table.name],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": encoding,
                "description": table.description,
                "dialect": {
                    "header": True,
                    "delimiter": ",",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "lineTerminator": "\r\n",
                    "skipInitialSpace": False,
                },
                "schema": table.schema(),
            }
            for table in TABLES
        ]
    )
    if excel:
        descriptor["x-newsreport-formula-escape"] = "'"
    return descriptor
