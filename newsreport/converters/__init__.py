"""The registry of formats: each converter module's `Format`, listed literally.

Importing the registry imports only the converter packages' `__init__` modules, which name their
reader, writer and checker with `format.deferred`: the code of a format is imported when it is
first used, so a command pays only for the formats it converts. A new format (`parquet`) is one
more package imported here and one more entry, `parquet.FORMAT`, in the tuple below; its
`__init__` should defer its functions the same way (and so its optional dependency: `pyarrow`
is then imported only when a Parquet table is read or written).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePath

from newsreport.converters import csv_, jsonld, native, newsml_g2, ninjs, parquet, text
from newsreport.converters.format import Format
from newsreport.errors import UnknownFormatError

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        native.JSON,
        native.JSONL,
        jsonld.FORMAT,
        newsml_g2.FORMAT,
        ninjs.FORMAT,
        csv_.FORMAT,
        csv_.FLAT,
        parquet.FORMAT,
        jsonld.HTML,
        text.FORMAT,
    )
}
"""Every format newsreport knows, by name."""

ALIASES: dict[str, str] = {"ndjson": "jsonl", "newsml": "newsml-g2", "json-ld": "jsonld"}
"""Other names a format answers to."""


def get_format(name: str) -> Format:
    """The format called `name` (or one of its aliases)."""
    key = name.lower()
    found = FORMATS.get(ALIASES.get(key, key))
    if found is None:
        raise UnknownFormatError(name, sorted(FORMATS))
    return found


def format_for_path(path: str | os.PathLike[str]) -> Format:
    """The format a file name's extension says; the longest matching extension wins."""
    if Path(path).is_dir():  # a package: Parquet if named so or holding part files, else CSV
        parquet = PurePath(path).name.lower().endswith(".parquet") or any(Path(path).glob("*/part-*.parquet"))
        return FORMATS["parquet" if parquet else "csv"]
    name = PurePath(path).name.lower()
    matches = [(len(ext), f) for f in FORMATS.values() for ext in f.extensions if name.endswith(ext)]
    if not matches:
        raise UnknownFormatError(PurePath(path).suffix or name, sorted(FORMATS), hint="; name it with --from/--to")
    return max(matches, key=lambda match: match[0])[1]


def sniff(data: bytes) -> Format:
    """The format a document's first bytes suggest, for input with no name (stdin)."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte order mark says nothing of the format
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        if b'"@context"' in data[:4096]:
            return FORMATS["jsonld"]
        if head == b"{" and looks_like_ninjs(data):
            return FORMATS["ninjs"]
        # Pretty JSON indents its inner lines; JSON Lines starts every line with '{'.
        return FORMATS["jsonl"] if b"\n{" in data.strip() else FORMATS["json"]
    if head == b"<" and re.search(rb"<(\w+:)?(newsItem|newsMessage)\b", data[:8192]):
        return FORMATS["newsml-g2"]
    if head == b"<" and re.match(rb"\s*(<!--.*?-->\s*)*<(!doctype html|html)", data[:4096], re.IGNORECASE | re.DOTALL):
        return FORMATS["html"]
    raise UnknownFormatError("<unnamed input>", sorted(FORMATS), hint="; name it with --from")


def looks_like_ninjs(data: bytes) -> bool:
    """Whether `data` is one JSON object with ninjs' required `uri` and not our own `id`."""
    try:
        doc = json.loads(data)
    except ValueError:
        return False
    return isinstance(doc, dict) and "uri" in doc and "id" not in doc


__all__ = ["ALIASES", "FORMATS", "Format", "format_for_path", "get_format", "sniff"]
