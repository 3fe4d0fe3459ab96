"""A report from a ninjs document in the 3.x shape (versions.to_v3 gives older ones that shape):
every property of the native mapping read leniently, everything else named in one ReadWarning."""

from __future__ import annotations

import warnings
from typing import Any

from pydantic import ValidationError

from newsreport.converters.dates import lenient_date, only_looks_like_a_date
from newsreport.converters.ninjs.reader_bodies import body
from newsreport.converters.ninjs.reader_concepts import KINDS, Concepts
from newsreport.converters.ninjs.reader_media import associations
from newsreport.errors import ReadError, ReadWarning
from newsreport.model import NewsReport

Node = dict[str, Any]
_DATES = {
    "firstCreated": "first_created",
    "versionCreated": "version_created",
    "contentCreated": "published",
    "embargoedUntil": "embargoed_until",
}
_TEXTS = {"language": "language", "by": "byline", "slugline": "slugline", "pubStatus": "status"}
_SILENT = {"representationType", "type", "$schema"}
"""Dropped by the mapping's rule: every item type gives a report, the representation is ours to
judge, and `$schema` declares the version, which versions.py reads."""
_MUST = ("id", "headline")


def read_native(doc3: dict[str, Any], source: str) -> NewsReport:
    """The report a 3.x-shaped ninjs document gives; a `ReadError` only without a uri or a headline."""
    if not isinstance(doc3, dict):
        raise ReadError("a ninjs document is a JSON object", source=source, location="$", format="ninjs")
    skipped: list[str] = []
    reader = Concepts(skipped)
    data = _read(doc3, reader)
    for key, location in (("id", "uri"), ("headline", "headlines")):
        if key not in data:
            raise ReadError(f"no usable {location}", source=source, location=location, format="ninjs")
    report = _validated(data, skipped, source)
    if skipped:
        warnings.warn(f"{source}: not mapped: {', '.join(dict.fromkeys(skipped))}", ReadWarning, stacklevel=2)
    return report


def _read(doc: Node, reader: Concepts) -> Node:
    data: Node = {}
    handled = {*_DATES, *_TEXTS, *_SILENT, *KINDS}
    for key, value in doc.items():
        if value is None:
            reader.skip(key, "null")
        elif key in _DATES:
            moment = _moment(value, key, reader)
            if moment:
                data[_DATES[key]] = moment
        elif key in _TEXTS:
            text = reader.text(doc, key, "$")
            if text:
                data[_TEXTS[key]] = text
        elif key == "type" and value not in ("text", "picture", "graphic", "video", "audio", "composite", "component"):
            reader.skip("type", f"unknown type {value!r}")
        elif key in KINDS:
            data.setdefault("participants", []).extend(reader.participants(value, key))
        elif key not in handled and not _one(doc, key, value, data, reader):
            reader.skip(key, "not mapped")
    return data


def _one(doc: Node, key: str, value: Any, data: Node, reader: Concepts) -> bool:
    """Reads one of the other mapped properties into `data`; False if `key` is none of them."""
    if key == "uri":
        data["id"] = reader.text(doc, "uri", "$")
    elif key == "headlines":
        _headlines(value, data, reader)
    elif key == "descriptions":
        data["descriptions"] = _wordings(value, "descriptions", reader)
    elif key == "bodies":
        data["body"] = body(value, reader)
    elif key == "version":
        _version(value, data, reader)
    elif key == "urgency":
        if isinstance(value, int) and not isinstance(value, bool):
            data["urgency"] = value
        else:
            reader.skip("urgency", "not an integer")
    elif key == "located":
        text = reader.text(doc, "located", "$")
        if text:
            data["dateline"] = {"text": text}
    elif key == "edNote":
        text = reader.text(doc, "edNote", "$")
        if text:
            data["editorial_notes"] = [{"text": text}]
    elif key in ("copyrightHolder", "copyrightNotice", "usageTerms", "rightsInfo"):
        _rights(doc, key, data.setdefault("rights", {}), reader)
    elif key in ("subjects", "genres"):
        data[key] = reader.concepts(value, key, subjects=key == "subjects")
    elif key == "events":
        data["event"], data["referenced_events"] = reader.events(value)
    elif key == "associations":
        data["media"], data["links"] = associations(value, reader)
    elif key == "standard":
        if not isinstance(value, dict):
            reader.skip("standard", "not an object")
    else:
        return False
    return True


def _headlines(value: Any, data: Node, reader: Concepts) -> None:
    """The first headline without a role (or role `main`) is the headline, the others alternatives."""
    others = []
    for wording in _wordings(value, "headlines", reader):
        if "headline" not in data and wording.get("role") in (None, "main"):
            data["headline"] = {"text": wording["text"]}
        else:
            others.append(wording)
    data["alternative_headlines"] = others


def _wordings(value: Any, path: str, reader: Concepts) -> list[Node]:
    found = []
    for where, entry in reader.entries(value, path):
        text = reader.text(entry, "value", where)
        if text is None:
            reader.skip(where, "no value")
            continue
        content_type = entry.get("contentType")
        if content_type not in (None, "text/plain"):
            reader.skip(f"{where}.contentType", f"{content_type!r} is not text/plain")
        wording = {
            "text": text,
            "role": reader.text(entry, "role", where),
            "language": reader.text(entry, "lang", where),
        }
        reader.others(entry, where, {"value", "role", "contentType", "lang"})
        found.append({k: v for k, v in wording.items() if v is not None})
    return found


def _moment(value: Any, key: str, reader: Concepts) -> str | None:
    """An ISO 8601 date-time in the spellings agencies use; anything else named, never guessed."""
    if not isinstance(value, str) or only_looks_like_a_date(value):
        reader.skip(key, "not an ISO 8601 date-time")
        return None
    moment = lenient_date(value)
    if moment is None:
        reader.skip(key, "not an ISO 8601 date-time")
        return None
    return moment.isoformat()


def _version(value: Any, data: Node, reader: Concepts) -> None:
    if isinstance(value, str) and value.isascii() and value.isdigit() and int(value) >= 1:
        data["version"] = int(value)
    elif isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        data["version"] = value
    else:
        reader.skip("version", "not a version number from 1")


def _rights(doc: Node, key: str, rights: Node, reader: Concepts) -> None:
    value = doc[key]
    if key == "copyrightHolder":
        name = value.get("name") if isinstance(value, dict) else value
        if isinstance(name, str) and name.strip():
            rights["holder"] = {"name": name.strip()}
        else:
            reader.skip(key, "no name")
        if isinstance(value, dict):
            reader.others(value, key, {"name"})
    elif key == "rightsInfo":
        license = value.get("linkedRights") if isinstance(value, dict) else None
        if isinstance(license, str) and license.strip():
            rights["license"] = license.strip()
        else:
            reader.skip(f"{key}.linkedRights", "not a uri")
        if isinstance(value, dict):
            reader.others(value, key, {"linkedRights"})
    else:
        text = reader.text(doc, key, "$")
        if text:
            rights["notices" if key == "copyrightNotice" else "usage_terms"] = [{"text": text}]


def _validated(data: Node, skipped: list[str], source: str) -> NewsReport:
    """The report, leaving out each top-level value the model refuses (named), until it takes it."""
    data = {k: v for k, v in data.items() if v not in (None, [], {})}
    while True:
        try:
            return NewsReport.model_validate(data)
        except ValidationError as exc:
            refused = {str(e["loc"][0]): e["msg"] for e in exc.errors(include_url=False) if e["loc"]}
            if not refused or set(refused) & set(_MUST) or not set(refused) <= set(data):
                where, why = next(iter(refused.items()), ("$", exc.errors(include_url=False)[0]["msg"]))
                raise ReadError(why, source=source, location=where, format="ninjs") from None
            for key, why in refused.items():
                skipped.append(f"{key} ({why})")
                del data[key]
