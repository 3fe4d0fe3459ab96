"""The native ninjs 3.1 document of a report: what ninjs itself can say, per the mapping.

Properties come in the mapping's order (uri, type, representationType, standard, version, the
dates, ...), as IPTC's guidelines list them. A value is written only where the 3.1 schema takes
it: a date-time only from a Moment with a full time and an offset (ninjs `date-time`), a URI
only when it is ASCII (ninjs `uri` is RFC 3986, our ids are IRIs), an association only with
the `name` and `uri` the schema requires. Everything else travels in the extension
(`newsreport.converters.ninjs.patch`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newsreport.model import NewsReport
from newsreport.model.base import Identifier
from newsreport.model.dates import Moment
from newsreport.model.metadata import Concept, Media

SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
_MEDIA_TYPES = {"image": "picture", "video": "video", "audio": "audio", "graphic": "graphic"}


def native(report: NewsReport) -> dict[str, Any]:
    """The ninjs 3.1 document (3.x shape) of everything ninjs says natively."""
    doc: dict[str, Any] = {"uri": report.id} if _uri(report.id) else {}
    doc |= {"type": "text", "representationType": "full"}
    doc["standard"] = {"name": "ninjs", "version": "3.1", "schema": SCHEMA}
    if report.version is not None:
        doc["version"] = str(report.version)
    for key, moment in (
        ("firstCreated", report.first_created),
        ("versionCreated", report.version_created),
        ("contentCreated", report.published),
        ("embargoedUntil", report.embargoed_until),
    ):
        if _date_time(moment):
            doc[key] = moment.isoformat()  # type: ignore[union-attr]
    _put(doc, "pubStatus", report.status)
    _put(doc, "urgency", report.urgency)
    _put(doc, "language", report.language)
    headlines = [{"value": report.headline.text, "contentType": "text/plain"}]
    headlines += [_wording(w) for w in report.alternative_headlines]
    doc["headlines"] = headlines
    _put(doc, "descriptions", [_wording(w) for w in report.descriptions])
    if report.body is not None:
        text = report.body.text
        doc["bodies"] = [
            {"contentType": "text/plain", "value": text, "charCount": len(text), "wordCount": len(text.split())}
        ]
    _put(doc, "by", report.byline)
    _put(doc, "slugline", report.slugline)
    _put(doc, "located", _located(report))
    if report.editorial_notes:
        doc["edNote"] = report.editorial_notes[0].text
    _rights(doc, report)
    _put(doc, "subjects", [_concept(s, rel=s.kind) for s in report.subjects])
    _put(doc, "genres", [_concept(g, rel=None) for g in report.genres if g.name is not None])
    for key, kind in (("people", "person"), ("organisations", "organization"), ("places", "place")):
        _put(doc, key, [_named(p.name, p.identifiers) for p in report.participants if p.kind == kind])
    events = [{"id": report.event.id, "name": report.event.name}] if report.event else []
    events += [{"id": e.id, "name": e.name, "rel": e.relation} for e in report.referenced_events]
    _put(doc, "events", events)
    _put(doc, "associations", [a for n, m in enumerate(report.media, 1) if (a := _association(m, n))])
    return doc


def _put(doc: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != []:
        doc[key] = value


def _uri(value: str | None) -> bool:
    return value is not None and value.isascii()


def _date_time(moment: Moment | None) -> bool:
    return isinstance(moment, datetime) and moment.utcoffset() is not None


def _wording(wording: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"role": wording.role} if wording.role else {}
    return entry | {"contentType": "text/plain", "value": wording.text}


def _located(report: NewsReport) -> str | None:
    place = report.dateline.place if report.dateline else None
    return next((p.name for p in report.participants if p.id == place), None)


def _rights(doc: dict[str, Any], report: NewsReport) -> None:
    rights = report.rights
    if rights is None:
        return
    if rights.holder is not None:
        _put(doc, "copyrightHolder", rights.holder.name)
    if rights.notices:
        doc["copyrightNotice"] = rights.notices[0].text
    if rights.usage_terms:
        doc["usageTerms"] = rights.usage_terms[0].text
    if _uri(rights.license):
        doc["rightsInfo"] = {"linkedRights": rights.license}


def _concept(concept: Concept, rel: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    _put(entry, "name", concept.name)
    _put(entry, "rel", rel)
    if _uri(concept.uri):
        entry["uri"] = concept.uri
    if concept.scheme is not None and concept.code is not None:
        entry["literal"] = f"{concept.scheme}:{concept.code}"
    return entry


def _named(name: str, identifiers: tuple[Identifier, ...]) -> dict[str, Any]:
    uri = next(
        (i.value for i in identifiers if i.value.startswith(("http://", "https://")) and i.value.isascii()), None
    )
    return {"name": name, "uri": uri} if uri else {"name": name}


def _association(media: Media, number: int) -> dict[str, Any] | None:
    """The association of a media item; none without an ASCII url (the schema requires `uri`)."""
    if not _uri(media.url):
        return None
    entry: dict[str, Any] = {"name": f"media-{number}", "uri": media.url}
    _put(entry, "type", _MEDIA_TYPES.get(media.kind))
    if media.title is not None:
        entry["headlines"] = [{"contentType": "text/plain", "value": media.title}]
    if media.caption is not None:
        entry["descriptions"] = [{"role": "caption", "contentType": "text/plain", "value": media.caption}]
    _put(entry, "copyrightNotice", media.credit)
    rendition: dict[str, Any] = {"name": "original", "href": media.url}
    _put(rendition, "contentType", media.media_type)
    _put(rendition, "width", media.width)
    _put(rendition, "height", media.height)
    entry["renditions"] = [rendition]
    return entry
