"""The ninjs versions: which one a document declares, and 1.x / 2.x to and from the 3.x shape.

The reader and the writer work in the 3.x shape only (camelCase, arrays of objects); this
module moves a document between that shape and the older lines, derived from comparing IPTC's
schemas 3.1, 2.2 and 1.6 property by property:

- 2.x -> 3.x renames keys, at every depth (associations are whole items, contact details sit
  inside people, places, ...): the lower-case names become camelCase (`altids` -> `altIds`,
  `contenttype` -> `contentType`, `geojson` -> `geoJSON`, ...) and `embargoed` becomes
  `embargoedUntil`. A GeoJSON value is not GeoJSON's business here and is left as it is.
- 1.x -> 3.x also changes shapes, for the item and each association: `headline` and
  `headline_<x>` -> `headlines`, `body_<x>` -> `bodies` and `description_<x>` -> `descriptions`
  (`_text`, `_html`, `_xhtml` give the content type, `body_newsreport` is our extension, any
  other suffix becomes the role), the singular arrays (`person`, `subject`, ...) -> plurals,
  `byline` -> `by`, `$standard` -> `standard`, objects keyed by name (`associations`,
  `renditions`, `altids`) -> arrays, an entry's `scheme` + `code` -> `uri` (the two joined when
  the scheme ends in `/` or `#`, the NewsML-G2 way) and `literal` (the code), a place's
  `geometry_geojson` -> `geoJSON`, an info source's `rel` -> `role`, a rendition's `mimetype`
  -> `contentType`, top-level `charcount` / `wordcount` -> the plain-text body's counts.

Anything else passes through unchanged (the reader names it in a warning), and a value of the
wrong type is passed on as it is for the reader to refuse (so is a document nested too deeply
to walk): these functions never raise and never change their input.

`from_v3` writes the 3.x shape in 2.2 or 1.6 and drops what the target cannot say (the
writer's extension carries it):

| target | dropped                                                                         |
|--------|---------------------------------------------------------------------------------|
| 2.2    | `eventDetails`, `plannedCoverage`; `associations[].rel`; `events[].id`;           |
|        | renditions' `aspectRatio`, `bitrate`, `frameRate`, `poi`, `scanType`,            |
|        | `transportProtocol`, `videoCodec`                                               |
| 1.6    | all the 2.2 drops, and: the content types of headlines and of entries with a    |
|        | role; a headline, description or body whose 1.x name (`headline_<role>`,      |
|        | `body_text`, ...) is taken already, or that has no role and no text / HTML /     |
|        | XHTML type, or whose role is not an `[A-Za-z0-9_]+` name (nor, but for a        |
|        | headline, `text`, `html` or `xhtml`, which name content types in 1.x);          |
|        | bodies' counts except the plain-text body's (1.x counts it at the top); an       |
|        | entry's `uri` unless it is a scheme ending in `/` or `#` followed by the entry's |
|        | `literal`; a trust indicator's `role` (1.6 has no room for it); unnamed         |
|        | associations and renditions, roleless alternative ids                           |

Versions (`version_of`): the declared version string as the document gives it ("1.4", "2.0",
"3.1"), from `standard.version` (`$standard.version` in 1.x), else from a schema URL naming
`ninjs-schema_X.Y.json` (`standard.schema`, `$schema`, `$id`); without a declaration, the shape
gives a major version only: "3", "2" or "1" (a document that could be either 2.x or 3.x, such
as one with only `uri` and `headlines`, is taken as 3.x, the current line). `to_v3` and
`from_v3` go by the major version, so the writer's "3.1", "2.2" and "1.6" pass straight through.
"""

from __future__ import annotations

import re
from typing import Any

_CAMEL_NAMES = [
    "altIds",
    "aspectRatio",
    "charCount",
    "contactInfo",
    "contentCreated",
    "contentType",
    "copyrightHolder",
    "copyrightNotice",
    "digitalSourceType",
    "edNote",
    "encodedRights",
    "endDate",
    "eventDetails",
    "eventStatus",
    "exclAudience",
    "expectedDuration",
    "expectedEndDate",
    "expectedStartDate",
    "firstCreated",
    "frameRate",
    "geoJSON",
    "infoSources",
    "itemCount",
    "langId",
    "linkedRights",
    "plannedCoverage",
    "plannedCoverageStatus",
    "postalCode",
    "pubStatus",
    "rangeFrom",
    "rangeTo",
    "recurrenceDates",
    "recurrenceRules",
    "representationType",
    "rightsInfo",
    "scanType",
    "sizeInBytes",
    "startDate",
    "symbolType",
    "transportProtocol",
    "trustIndicators",
    "usageTerms",
    "versionCreated",
    "videoCodec",
    "wordCount",
]
_TO_3 = {name.lower(): name for name in _CAMEL_NAMES} | {"embargoed": "embargoedUntil"}
_TO_2 = {new: old for old, new in _TO_3.items()}

_DROP_IN_2 = {
    "": {"eventdetails", "plannedcoverage"},
    "associations": {"eventdetails", "plannedcoverage", "rel"},
    "events": {"id"},
    "renditions": {"aspectratio", "bitrate", "framerate", "poi", "scantype"} | {"transportprotocol", "videocodec"},
}
_OPAQUE = {"geojson", "geoJSON"}

_SINGULAR = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "subject": "subjects",
    "genre": "genres",
    "event": "events",
    "object": "objects",
    "infosource": "infosources",
    "trustindicator": "trustindicators",
}
_PLURAL = {plural: singular for singular, plural in _SINGULAR.items()}
_SUFFIX_TYPES = {"text": "text/plain", "html": "text/html", "xhtml": "application/xhtml+xml"}
_TYPE_SUFFIXES = {kind: suffix for suffix, kind in _SUFFIX_TYPES.items()}
_EXTENSION = {"role": "newsreport", "contenttype": "application/merge-patch+json"}
_SUFFIX = re.compile(r"[A-Za-z0-9_]+")
_SCHEMA_URL = re.compile(r"ninjs-schema_(\d+\.\d+)\.json")


def version_of(doc: dict[str, Any]) -> str:
    """The version `doc` declares ("1.4", "3.1", ...), else its major version by shape."""
    for key in ("standard", "$standard"):
        standard = doc.get(key)
        if isinstance(standard, dict):
            version = standard.get("version")
            if isinstance(version, str) and re.fullmatch(r"\d+(\.\d+)*", version):
                return version
            schema = _schema_version(standard.get("schema"))
            if schema:
                return schema
    for key in ("$schema", "$id"):
        schema = _schema_version(doc.get(key))
        if schema:
            return schema
    return _shape_version(doc)


def _schema_version(url: Any) -> str | None:
    found = _SCHEMA_URL.search(url) if isinstance(url, str) else None
    return found.group(1) if found else None


def _shape_version(doc: dict[str, Any]) -> str:
    if any(key in _TO_2 for key in doc):
        return "3"
    if "$standard" in doc or any(key in _SINGULAR or key == "byline" for key in doc):
        return "1"
    if any(re.match(r"(headline|body|description)(_|$)", key) for key in doc):
        return "1"
    if any(isinstance(doc.get(key), dict) for key in ("associations", "renditions", "altids")):
        return "1"
    if any(key in _TO_3 for key in doc):
        return "2"
    return "3"


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def to_v3(doc: dict[str, Any], version: str) -> dict[str, Any]:
    """`doc`, of the given version, in the 3.x names and shapes (a new dict)."""
    major = _major(version)
    if major not in ("1", "2"):
        return dict(doc)
    try:
        renamed = _rename(_item_1_to_2(doc) if major == "1" else doc, _TO_3)
    except RecursionError:
        return dict(doc)  # nested too deeply to walk: passed on for the reader to refuse
    return renamed if isinstance(renamed, dict) else dict(doc)


def from_v3(doc3: dict[str, Any], version: str) -> dict[str, Any]:
    """The 3.x-shaped `doc3` in the shape of `version` (2.x or 1.x), a new dict."""
    major = _major(version)
    if major not in ("1", "2"):
        return dict(doc3)
    try:
        doc = _rename(doc3, _TO_2, drops=True)
        return _item_2_to_1(doc) if major == "1" else doc
    except RecursionError:
        return dict(doc3)


def _rename(value: Any, names: dict[str, str], *, drops: bool = False, parent: str = "") -> Any:
    """`value` with its keys renamed at every depth (and, going down, 2.2's drops made)."""
    if isinstance(value, list):
        return [_rename(entry, names, drops=drops, parent=parent) for entry in value]
    if not isinstance(value, dict):
        return value
    dropped = _DROP_IN_2.get(parent, set()) if drops else set()
    out: dict[str, Any] = {}
    for key, entry in value.items():
        new: str = names.get(key) or key
        if new in dropped:
            continue
        if key in _OPAQUE:
            out[new] = entry
        else:
            out[new] = _rename(entry, names, drops=drops, parent=new)
    return out


# --- 1.x -> 2.x (lower-case names, the 2.x shapes) ------------------------------------------


def _item_1_to_2(doc: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    texts: dict[str, list[dict[str, Any]]] = {"headlines": [], "descriptions": [], "bodies": []}
    for key, value in doc.items():
        prefix, _, suffix = key.partition("_")
        if key == "headline" and isinstance(value, str):
            texts["headlines"].insert(0, {"value": value})
        elif prefix in ("headline", "description", "body") and suffix and isinstance(value, str):
            texts[_TEXTS[prefix]].append(_text_entry(prefix, suffix, value))
        elif key == "$standard":
            out["standard"] = value
        elif key == "byline":
            out["by"] = value
        elif key == "representationtype" and value in _REPRESENTATION_1:
            out[key] = _REPRESENTATION_1[value]
        elif key in _SINGULAR and isinstance(value, list):
            out[_SINGULAR[key]] = [_entry_1_to_2(key, entry) for entry in value]
        elif key in ("associations", "renditions", "altids") and isinstance(value, dict):
            out[key] = _unkey(key, value)
        else:
            out[key] = value
    _counts_onto_text(out, texts["bodies"])
    for key, entries in texts.items():
        if entries and key not in out:
            out[key] = entries
    return out


_TEXTS = {"headline": "headlines", "description": "descriptions", "body": "bodies"}
_REPRESENTATION_1 = {"complete": "full", "incomplete": "partial"}
"""1.x says `complete`/`incomplete` where 2.0 on say `full`/`partial`."""
_REPRESENTATION_2 = {new: old for old, new in _REPRESENTATION_1.items()}


def _text_entry(prefix: str, suffix: str, value: str) -> dict[str, Any]:
    if prefix == "body" and suffix == "newsreport":
        return {**_EXTENSION, "value": value}
    if prefix != "headline" and suffix in _SUFFIX_TYPES:
        return {"contenttype": _SUFFIX_TYPES[suffix], "value": value}
    return {"role": suffix, "value": value}


def _counts_onto_text(out: dict[str, Any], bodies: list[dict[str, Any]]) -> None:
    """1.x counts the plain-text body at the top; 2.x and 3.x count each body."""
    text = next((body for body in bodies if body.get("contenttype") == "text/plain"), None)
    if text is None:
        return
    for key in ("charcount", "wordcount"):
        if key in out:
            text[key] = out.pop(key)


def _unkey(key: str, value: dict[str, Any]) -> Any:
    if key == "altids":
        return [{"role": role, "value": id_} for role, id_ in value.items()]
    if not all(isinstance(entry, dict) for entry in value.values()):
        return value
    if key == "associations":
        return [{"name": name, **_item_1_to_2(entry)} for name, entry in value.items()]
    return [
        {"name": name, **{("contenttype" if k == "mimetype" else k): v for k, v in entry.items()}}
        for name, entry in value.items()
    ]


def _entry_1_to_2(key: str, entry: Any) -> Any:
    if not isinstance(entry, dict):
        return entry
    out = dict(entry)
    code, scheme = out.get("code"), out.get("scheme")
    if isinstance(code, str) and key != "trustindicator":
        del out["code"]
        out["literal"] = code
        if isinstance(scheme, str) and scheme.endswith(("/", "#")):
            del out["scheme"]
            out["uri"] = scheme + code
    if key == "infosource" and "rel" in out:
        out["role"] = out.pop("rel")
    if "geometry_geojson" in out:
        out["geojson"] = out.pop("geometry_geojson")
    return out


# --- 2.x -> 1.x ------------------------------------------------------------------------------

_NAMED = {"code", "name", "scheme"}
_CONTACT = _NAMED | {"rel", "contactinfo"}
_ENTRY_KEYS_1 = {  # what each 1.6 array's entries hold (besides a place's geometry_<x>)
    "events": _NAMED | {"rel"},
    "objects": _NAMED | {"rel"},
    "genres": _NAMED,
    "infosources": _CONTACT,
    "organisations": _CONTACT | {"symbols"},
    "people": _CONTACT,
    "places": _CONTACT,
    "subjects": _NAMED | {"rel", "confidence", "creator", "relevance"},
    "trustindicators": {"code", "href", "scheme", "title"},
}


def _item_2_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in doc.items():
        if key in _TEXTS.values() and isinstance(value, list):
            out.update(_texts_2_to_1(key, value))
        elif key == "standard":
            out["$standard"] = value
        elif key == "by":
            out["byline"] = value
        elif key == "representationtype" and value in _REPRESENTATION_2:
            out[key] = _REPRESENTATION_2[value]
        elif key in _PLURAL and isinstance(value, list):
            out[_PLURAL[key]] = [_entry_2_to_1(key, entry) for entry in value]
        elif key in ("associations", "renditions", "altids") and isinstance(value, list):
            out[key] = _key(key, value)
        else:
            out[key] = value
    return out


def _texts_2_to_1(key: str, entries: list[Any]) -> dict[str, Any]:
    """headlines / descriptions / bodies as 1.x properties, each name taken once."""
    prefix = {v: k for k, v in _TEXTS.items()}[key]
    out: dict[str, Any] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), str):
            continue
        name = _text_name(prefix, entry)
        if name is None or name in out:
            continue
        out[name] = entry["value"]
        if name == "body_text":
            out.update({k: entry[k] for k in ("charcount", "wordcount") if k in entry})
    return out


def _text_name(prefix: str, entry: dict[str, Any]) -> str | None:
    role, kind = entry.get("role"), entry.get("contenttype")
    if prefix == "body" and role == _EXTENSION["role"] and kind == _EXTENSION["contenttype"]:
        return "body_newsreport"
    if role is None:
        if prefix == "headline":
            return "headline"
        suffix = _TYPE_SUFFIXES.get(kind) if isinstance(kind, str) else None
        return f"{prefix}_{suffix}" if suffix else None
    if isinstance(role, str) and _SUFFIX.fullmatch(role) and (prefix == "headline" or role not in _SUFFIX_TYPES):
        return f"{prefix}_{role}"
    return None


def _entry_2_to_1(key: str, entry: Any) -> Any:
    if not isinstance(entry, dict):
        return entry
    entry = dict(entry)
    if key == "infosources" and "role" in entry:
        entry["rel"] = entry.pop("role")
    if "geojson" in entry:
        entry["geometry_geojson"] = entry.pop("geojson")
    literal, uri = entry.pop("literal", None), entry.pop("uri", None)
    if isinstance(literal, str):
        entry["code"] = literal
        scheme = uri[: -len(literal)] if isinstance(uri, str) and uri.endswith(literal) else ""
        if scheme.endswith(("/", "#")):
            entry["scheme"] = scheme
    kept = _ENTRY_KEYS_1[key]
    return {k: v for k, v in entry.items() if k in kept or (key == "places" and k.startswith("geometry_"))}


def _key(key: str, entries: list[Any]) -> Any:
    """An array of named entries as 1.x's object keyed by name (unnamed ones dropped)."""
    if key == "altids":
        return {e["role"]: e["value"] for e in entries if isinstance(e, dict) and isinstance(e.get("role"), str)}
    out: dict[str, Any] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        rest = {k: v for k, v in entry.items() if k != "name"}
        if key == "associations":
            out.setdefault(entry["name"], _item_2_to_1(rest))
        else:
            out.setdefault(entry["name"], {("mimetype" if k == "contenttype" else k): v for k, v in rest.items()})
    return out
