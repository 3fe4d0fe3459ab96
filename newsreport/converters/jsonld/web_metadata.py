"""The report's metadata from the web's article node: descriptions, keywords, genres, sections,
subjects, media, rights, contributors, status and free access, as publishers write them
(keywords as one comma-joined string, `isAccessibleForFree` as `"True"`, images as bare URLs,
sizes as `"600px"`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from newsreport.converters.jsonld.web_values import Node, Values, as_text, is_iri, iso, one_line
from newsreport.model.base import LANGUAGE_PATTERN

_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_MEDIA_TYPE = re.compile(r"^[a-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$")
_MEDIA = {"image": "image", "video": "video", "audio": "audio", "associatedMedia": "other"}
_MEDIA_KINDS = {"ImageObject": "image", "VideoObject": "video", "AudioObject": "audio"}
_STATUS = {"usable", "withheld", "canceled"}
_FREE = {"true": True, "false": False, "yes": True, "no": False}
_CONTRIBUTORS = {
    **{"contributor": None, "editor": "editor", "translator": "translator"},
    **{"sourceOrganization": "sourceOrganization", "provider": "provider"},
}
"""Properties naming others who had a part in the article, and the role each gives."""
_LINKS = ("isBasedOn", "relatedLink", "citation")
"""Properties linking related works by URL; the property is the link's `rel`."""
CONCEPT_TYPES = {"DefinedTerm", "CategoryCode", "Thing", "Intangible"}
"""Node types taken as a subject's or genre's term; others (persons, places, events) are participants."""

Agent = Callable[[Node | str, str], Node | None]
"""The mapper's reading of an author-like value, given how warnings name it."""


def metadata(v: Values, a: Node, agent: Agent) -> Node:
    """Every metadata field the article gives."""
    data: Node = {
        "alternative_headlines": wordings(v, a, "alternativeHeadline", None),
        "descriptions": wordings(v, a, "description", None) + wordings(v, a, "abstract", "abstract"),
        "keywords": list(dict.fromkeys(_keywords(v, a))),
        "genres": [c for c in (concept(v, g, "genre") for g in v.values(a, "genre")) if c],
        "sections": list(dict.fromkeys(one_line(as_text(s)) for s in _strings(v, a, "articleSection") if s.strip())),
        "credit_line": v.text(a, "creditText"),
        "first_created": iso(v.date(a, "dateCreated")),
        "media": [
            m for prop, kind in _MEDIA.items() for m in (media(v, x, kind, prop) for x in v.values(a, prop)) if m
        ],
        "contributors": [
            {**found, "role": role}
            for prop, role in _CONTRIBUTORS.items()
            for found in (agent(x, f"article {prop}") for x in v.values(a, prop))
            if found
        ],
        "free_access": _free(v, a),
        "version": _version(v, a),
        "status": _status(v, a),
        "rights": _rights(v, a, agent),
        "links": _links(v, a),
    }
    thumbnails = [m for x in v.values(a, "thumbnailUrl") if (m := media(v, x, "image", "thumbnailUrl"))]
    shown = {m["url"] for m in data["media"]}
    data["media"] += [m for m in thumbnails if m["url"] not in shown]
    return data


def _links(v: Values, a: Node) -> list[Node]:
    links = []
    for prop in _LINKS:
        for value in v.values(a, prop):
            url = v.absolute(value if isinstance(value, str) else value["@id"])
            if url is None and isinstance(value, str) and not value.strip():
                continue
            if url is None:
                v.skipped.append(f"{prop} {value if isinstance(value, str) else value['@id']!r} (no URL)")
                continue
            if isinstance(value, dict):
                v.visit(value, f"article {prop}")
                links.append({"url": url, "rel": prop, "title": v.name(value) or v.text(value, "headline")})
            else:
                links.append({"url": url, "rel": prop})
    return links


def wordings(v: Values, node: Node, prop: str, role: str | None) -> list[Node]:
    out = []
    for value in v.literals(node, prop):
        if isinstance(value, dict):
            v.skipped.append(f"{prop} {value['@id']} (a node, not a text)")
            continue
        text, language = value
        text = as_text(text).strip()
        if text:
            lang = language if language and _LANGUAGE.match(language) else None
            out.append({"text": text, "language": lang, "role": role})
    return list({w["text"]: w for w in out}.values())


def concept(v: Values, value: Node | str, prop: str) -> Node | None:
    """A genre or subject term: a name, a URL, or a DefinedTerm's code in its set."""
    if isinstance(value, str):
        value = one_line(value)
        if not value:
            return None
        return {"uri": value} if is_iri(value) else {"name": value}
    if value["@type"] and not set(value["@type"]) & CONCEPT_TYPES:
        return None
    v.visit(value, f"article {prop}")
    name = v.name(value)
    uri = v.iri(value, "url") or v.iri(value, "sameAs") or (value["@id"] if is_iri(value["@id"]) else None)
    code, scheme = v.text(value, "termCode"), _scheme(v, value)
    found: Node = {"name": name, "uri": uri}
    if code and scheme:
        found |= {"code": one_line(code), "scheme": scheme}
    elif code:
        v.skipped.append(f"{prop} termCode {code!r} (no inDefinedTermSet)")
    return found if any(found.values()) else None


def _scheme(v: Values, term: Node) -> str | None:
    for value in v.values(term, "inDefinedTermSet"):
        if isinstance(value, str):
            return one_line(value) or None
        v.visit(value, "article DefinedTermSet")
        return v.iri(value, "url") or (value["@id"] if is_iri(value["@id"]) else None) or v.name(value)
    return None


def media(v: Values, value: Node | str, kind: str, prop: str) -> Node | None:
    """An image, video, audio or other media object, or a bare URL of one."""
    if isinstance(value, str):
        url = v.absolute(value)
        if url or not value.strip():  # a blank value says nothing
            return {"kind": kind, "url": url} if url else None
        v.skipped.append(f"{prop} {value!r} (not an absolute URL)")
        return None
    v.visit(value, f"article {prop}")
    kind = next((_MEDIA_KINDS[t] for t in value["@type"] if t in _MEDIA_KINDS), kind)
    media_type = v.text(value, "encodingFormat")
    content, link = v.iri(value, "contentUrl"), v.iri(value, "url")
    if content and link and content != link:
        v.skipped.append(f"{prop} url {link!r} (besides contentUrl)")
    found: Node = {
        "kind": kind,
        "url": content or link or (value["@id"] if is_iri(value["@id"]) else None),
        "media_type": media_type if media_type and _MEDIA_TYPE.match(media_type) else None,
        "width": v.count(value, "width"),
        "height": v.count(value, "height"),
        "title": v.name(value),
        "caption": v.text(value, "caption"),
        "credit": v.text(value, "creditText"),
    }
    if media_type and not found["media_type"]:
        v.skipped.append(f"{prop} encodingFormat {media_type!r} (not a media type)")
    if not (found["url"] or found["caption"] or found["title"]):
        v.skipped.append(f"{prop} {value['@id']} (no URL, title or caption)")
        return None
    return found


def _keywords(v: Values, a: Node) -> list[str]:
    """Keywords, a comma-joined string split (as publishers write a list in one string)."""
    words = []
    for value in v.values(a, "keywords"):
        if isinstance(value, dict):
            v.visit(value, "article keywords")
            name = v.name(value)
            words += [name] if name else []
        else:
            words += [one_line(w) for w in as_text(value).split(",") if w.strip()]
    return words


def _strings(v: Values, node: Node, prop: str) -> list[str]:
    found = v.values(node, prop)
    v.skipped += [f"{prop} {x['@id']} (a node, not a text)" for x in found if isinstance(x, dict)]
    return [x for x in found if isinstance(x, str)]


def _free(v: Values, a: Node) -> bool | None:
    for value in _strings(v, a, "isAccessibleForFree"):
        if value.strip().lower() in _FREE:
            return _FREE[value.strip().lower()]
        v.skipped.append(f"isAccessibleForFree {value!r} (not true or false)")
    return None


def _version(v: Values, a: Node) -> int | None:
    for value in _strings(v, a, "version"):
        if value.strip().isdigit() and value.strip().isascii() and int(value) >= 1:
            return int(value)
        v.skipped.append(f"version {value!r} (not a version number)")
    return None


def _status(v: Values, a: Node) -> str | None:
    for value in _strings(v, a, "creativeWorkStatus"):
        if value.strip().lower() in _STATUS:
            return value.strip().lower()
        v.skipped.append(f"creativeWorkStatus {value!r} (not usable, withheld or canceled)")
    return None


def _rights(v: Values, a: Node, agent: Agent) -> Node | None:
    holder = next((x for x in (agent(h, "article copyrightHolder") for h in v.values(a, "copyrightHolder")) if x), None)
    licence = v.iri(a, "license")
    rights: dict[str, Any] = {
        "holder": holder,
        "notices": wordings(v, a, "copyrightNotice", None),
        "usage_terms": [],
        "license": licence,
    }
    for value in v.values(a, "usageInfo"):
        text = v.text(value, "text") if isinstance(value, dict) else None
        if isinstance(value, dict):
            v.visit(value, "article usageInfo")
        if text:
            rights["usage_terms"].append({"text": text})
        else:
            v.skipped.append(f"usageInfo {value if isinstance(value, str) else value['@id']!r} (no text)")
    return rights if any(rights.values()) else None
