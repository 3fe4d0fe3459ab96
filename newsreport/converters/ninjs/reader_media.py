"""ninjs associations: pictures, graphics, video and audio as the model's media (the best
rendition gives url, type and size), texts as links."""

from __future__ import annotations

from typing import Any

from newsreport.converters.ninjs.reader_concepts import Concepts
from newsreport.model import Link, Media

Node = dict[str, Any]
_KINDS = {"picture": "image", "graphic": "graphic", "video": "video", "audio": "audio"}
_BEST_NAMES = ("original", "baseImage", "highRes")
_RENDITION_KEYS = {"name", "href", "contentType", "width", "height"}


def associations(value: Any, reader: Concepts) -> tuple[list[Node], list[Node]]:
    """The media and the links of an `associations` array."""
    media: list[Node] = []
    links: list[Node] = []
    for where, entry in reader.entries(value, "associations"):
        kind = entry.get("type")
        if kind == "text":
            link = {
                "url": reader.text(entry, "uri", where),
                "rel": reader.text(entry, "rel", where) or reader.text(entry, "name", where),
                "title": _first_value(entry, "headlines", where, reader),
            }
            reader.others(entry, where, {"type", "uri", "rel", "name", "headlines"})
            kept = reader.checked(Link, {k: v for k, v in link.items() if v is not None}, where)
            if kept:
                links.append(kept)
        elif isinstance(kind, str) and kind in _KINDS:
            item = _media(entry, where, reader)
            item["kind"] = _KINDS[kind]
            kept = reader.checked(Media, {k: v for k, v in item.items() if v is not None}, where)
            if kept:
                media.append(kept)
        else:
            reader.skip(where, f"an association of type {kind!r}")
    return media, links


def _media(entry: Node, where: str, reader: Concepts) -> Node:
    rendition = _best_rendition(entry.get("renditions"), f"{where}.renditions", reader)
    holder = entry.get("copyrightHolder")
    holder_name = holder.get("name") if isinstance(holder, dict) else holder
    credit = (
        reader.text(entry, "by", where)
        or reader.text(entry, "copyrightNotice", where)
        or (holder_name.strip() if isinstance(holder_name, str) and holder_name.strip() else None)
    )
    item: Node = {
        "url": rendition.get("href") or reader.text(entry, "uri", where),
        "media_type": rendition.get("contentType"),
        "width": rendition.get("width"),
        "height": rendition.get("height"),
        "title": _first_value(entry, "headlines", where, reader),
        "caption": _first_value(entry, "descriptions", where, reader) or _first_value(entry, "bodies", where, reader),
        "credit": credit,
    }
    mapped = {"type", "uri", "name", "renditions", "headlines", "descriptions", "bodies"}
    reader.others(entry, where, mapped | {"by", "copyrightNotice", "copyrightHolder"})
    return item


def _best_rendition(value: Any, path: str, reader: Concepts) -> Node:
    """The rendition named original/baseImage/highRes, else the widest, with only the values of
    the right type; the others are named as not mapped."""
    if value is None:
        return {}
    renditions = reader.entries(value, path)
    good = [(where, r) for where, r in renditions if isinstance(r.get("href"), str) and r["href"].strip()]
    if not good:
        return {}
    named = [pair for pair in good if pair[1].get("name") in _BEST_NAMES]
    widest = max(good, key=lambda pair: _count(pair[1].get("width")) or 0)
    where, best = named[0] if named else widest
    for other, _ in renditions:
        if other != where:
            reader.skip(other, "a rendition other than the best")
    reader.others(best, where, _RENDITION_KEYS)
    found: Node = {
        "href": best["href"].strip(),
        "width": _count(best.get("width")),
        "height": _count(best.get("height")),
    }
    if isinstance(best.get("contentType"), str):
        found["contentType"] = best["contentType"]
    return found


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _first_value(entry: Node, key: str, where: str, reader: Concepts) -> str | None:
    """The first `value` of a Wording array (headlines, descriptions, bodies); the rest named."""
    if key not in entry:
        return None
    for path, wording in reader.entries(entry[key], f"{where}.{key}"):
        text = reader.text(wording, "value", path)
        if text:
            return text
    return None
