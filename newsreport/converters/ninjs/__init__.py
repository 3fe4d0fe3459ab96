"""Conversion between NewsReport and IPTC ninjs (3.1; 2.2 and 1.6 written too, 1.x to 3.x read).

What ninjs cannot say travels in one extra `bodies` entry, role `newsreport`, content type
`application/merge-patch+json` (in 1.6 `body_newsreport`): ninjs 2.x and 3.x close every object
(`unevaluatedProperties` / `additionalProperties` false), so a bodies entry with its own role and
a registered media type is the one place the schema leaves open, and consumers that pick a body
by content type (`text/plain`, `text/html`) are unaffected. It holds the merge patch
(`patch.py`) from the report the native document reads back as to the report itself.

IPTC registers no media type for ninjs; the format says `application/json`.

The reader, writer and checker modules are imported when a document is first read, written or
checked, so that knowing the format (and its versions, for `--ninjs-version`) costs nothing.
"""

from __future__ import annotations

import json
import warnings
from typing import TYPE_CHECKING, Any

from newsreport.converters.format import Format, deferred
from newsreport.errors import ReadError, ReadWarning, UsageError

if TYPE_CHECKING:
    from newsreport.model import NewsReport

VERSIONS = ("3.1", "2.2", "1.6")
"""The versions written, newest (the default) first."""
ROLE = "newsreport"
MERGE_PATCH = "application/merge-patch+json"


def _dump(report: NewsReport) -> dict[str, Any]:
    dumped: dict[str, Any] = report.model_dump(mode="json", exclude_none=True)
    return dumped


def write(report: NewsReport, version: str = "3.1") -> bytes:
    """The report as a ninjs document of `version`, with the extension when it needs one."""
    if version not in VERSIONS:
        raise UsageError(f"ninjs version {version!r} is not written (versions: {', '.join(VERSIONS)})")
    from newsreport.converters.ninjs import patch
    from newsreport.converters.ninjs.versions import from_v3, to_v3
    from newsreport.converters.ninjs.writer import SCHEMA, native

    doc3 = native(report)
    # The document declares the version it is written in (the reader's version_of trusts it).
    doc3["standard"] = {"name": "ninjs", "version": version, "schema": SCHEMA.replace("3.1", version)}
    seen = _native_reading(to_v3(from_v3(doc3, version), version))
    difference = patch.diff(seen, _dump(report))
    if difference:
        text = json.dumps(difference, ensure_ascii=False, separators=(",", ":"))
        doc3.setdefault("bodies", []).append({"role": ROLE, "contentType": MERGE_PATCH, "value": text})
    doc = from_v3(doc3, version)
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def read(data: bytes, source: str = "<input>") -> NewsReport:
    """The report a ninjs document holds: exactly ours, everyone else's leniently."""
    from pydantic import ValidationError

    from newsreport.converters.ninjs import patch
    from newsreport.converters.ninjs.reader import read_native
    from newsreport.converters.ninjs.versions import to_v3, version_of
    from newsreport.jsontext import loads
    from newsreport.model import NewsReport
    from newsreport.problems import problems_from

    repeated: list[str] = []  # others' files repeat keys (one of IPTC's 1.4 examples does): JSON keeps the last
    doc = loads(data, source, format="ninjs", on_duplicate=lambda path, key: repeated.append(path))
    if repeated:
        warnings.warn(f"{source}: repeated keys, the last kept: {', '.join(repeated)}", ReadWarning, stacklevel=2)
    if not isinstance(doc, dict):
        raise ReadError("not a ninjs document: the JSON is not an object", source=source, location="$", format="ninjs")
    doc3 = to_v3(doc, version_of(doc))
    extension, where = _take_extension(doc3, source)
    if extension is None:
        return read_native(doc3, source)
    try:
        difference = loads(extension, source, format="ninjs")
    except ReadError as exc:
        raise ReadError(exc.message, source=source, location=f"{where}: {exc.location}", format="ninjs") from None
    if not isinstance(difference, dict):
        raise ReadError("the extension is not a JSON object", source=source, location=where, format="ninjs")
    patched = patch.apply(_native_reading(doc3), difference)
    try:
        return NewsReport.model_validate(patched)
    except ValidationError as exc:
        first = problems_from(exc, patched)[0]
        raise ReadError(first.message, source=source, location=f"{where}: {first.path}", format="ninjs") from None


def _native_reading(doc3: dict[str, Any]) -> dict[str, Any]:
    """What the native properties of one of our documents say, the base of its extension: nothing
    where they cannot make a report (a headline of white space only, which the reader refuses
    in others' documents), so that the extension then holds the whole report."""
    from newsreport.converters.ninjs.reader import read_native

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _dump(read_native(doc3, "<own>"))
        except ReadError:
            return {}


def _take_extension(doc3: dict[str, Any], source: str) -> tuple[str | None, str]:
    """The extension's text and place, taken out of `doc3`'s bodies."""
    bodies = doc3.get("bodies")
    if not isinstance(bodies, list):
        return None, ""
    for n, body in enumerate(bodies):
        if isinstance(body, dict) and body.get("role") == ROLE and body.get("contentType") == MERGE_PATCH:
            where = f"bodies[{n}].value"
            value = body.get("value")
            if not isinstance(value, str):
                raise ReadError("the extension is not a JSON text", source=source, location=where, format="ninjs")
            doc3["bodies"] = bodies[:n] + bodies[n + 1 :]
            return value, where
    return None, ""


FORMAT = Format(
    name="ninjs",
    extensions=(".ninjs", ".ninjs.json"),  # the last names the files of a folder
    media_type="application/json",
    summary="IPTC ninjs 3.1 (writes 2.2 and 1.6 too; reads 1.x to 3.x)",
    read=read,
    write=write,
    check=deferred("newsreport.converters.ninjs.check", "check"),
)

__all__ = ["FORMAT", "VERSIONS", "read", "write"]
