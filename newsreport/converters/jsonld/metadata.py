"""The report's metadata in our JSON-LD, both ways: descriptions, subjects, media, rights, people
behind the report, status and links, each under its schema.org term where there is one.

- A text in a language is a value object `{"@value": ..., "@language": ...}`. Texts that carry a
  role (`drol:summary`) keep it in `nr:<property>Roles`, an `@list` of one role per value ("" for
  none), since a Text property's values cannot carry one.
- An agent with a role is given in schema.org's Role pattern, `{"@type": "Role", "roleName": ...,
  "<property>": agent}`; an agent's code is its `identifier`.
- Subjects are embedded DefinedTerms in `about` (termCode, inDefinedTermSet, url, name); genres are
  Text when a name is all they have, else DefinedTerms; signals are DefinedTerms under `nr:signal`.
- Media spread over `image`, `video`, `audio` and `associatedMedia` keep their order in `position`.
- The program that drafted the report is a SoftwareApplication (`name`, `softwareVersion`, the
  pipeline it ran as a `softwareAddOn`) under `nr:draftedBy`: schema.org has no property from a
  work to the software that made it.
- Editorial notes, the by-line, slugline, urgency, embargo, version time, subject ranks, alt texts
  and links have no schema.org term and are `nr:` terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from newsreport.converters.jsonld.terms import MEDIA_KIND
from newsreport.model import IRI_PATTERN, Agent, Concept, Media, NewsReport, Subject, Wording

Node = dict[str, Any]
Check = Callable[[Node, str, str], None]
"""The reader's check: names each property of a node that our writer does not put on its kind."""

_IRI = re.compile(IRI_PATTERN)

MEDIA_PROPERTIES = {"image": "ImageObject", "video": "VideoObject", "audio": "AudioObject", "other": "MediaObject"}
_MEDIA_PROPERTY = {"image": "image", "graphic": "image", "video": "video", "audio": "audio", "other": "associatedMedia"}
_MEDIA_TYPE = {"image": "ImageObject", "graphic": "ImageObject", "video": "VideoObject", "audio": "AudioObject"}
_MEDIA_KINDS = {"ImageObject": "image", "VideoObject": "video", "AudioObject": "audio", "MediaObject": "other"}
MEDIA_LISTS = ("image", "video", "audio", "associatedMedia")

_WORDINGS = {
    "alternative_headlines": "alternativeHeadline",
    "descriptions": "description",
    "editorial_notes": "nr:editorialNote",
}


def roles_of(prop: str) -> str:
    """The `nr:` property holding the roles of `prop`'s texts."""
    return f"nr:{prop.removeprefix('nr:')}Roles"


_TEXTS = {"byline": "nr:byline", "credit_line": "creditText", "slugline": "nr:slugline", "status": "creativeWorkStatus"}
_MOMENTS = {
    "first_created": "dateCreated",
    "version_created": "nr:versionCreated",
    "embargoed_until": "nr:embargoedUntil",
}
_PLAIN = {
    "version": "version",
    "urgency": "nr:urgency",
    "free_access": "isAccessibleForFree",
    "keywords": "keywords",
    "sections": "articleSection",
}
_LISTS = {"keywords", "sections"}
ARTICLE_PROPERTIES = frozenset(
    [
        *_WORDINGS.values(),
        *(roles_of(p) for p in [*_WORDINGS.values(), "copyrightNotice"]),
        *_TEXTS.values(),
        *_MOMENTS.values(),
        *_PLAIN.values(),
        *MEDIA_LISTS,
        *("contributor", "genre", "nr:signal", "copyrightHolder", "copyrightNotice", "usageInfo", "license"),
        *("nr:rightsGiven", "nr:link", "nr:draftedBy"),
    ]
)
"""The article properties this module writes and reads."""


# Writing ------------------------------------------------------------------------------------


def write_metadata(r: NewsReport) -> Node:
    """The article's metadata properties, in a fixed order."""
    node: Node = {}
    for field, prop in _WORDINGS.items():
        _put_wordings(node, prop, getattr(r, field))
    for field, prop in _TEXTS.items():
        _put(node, prop, getattr(r, field))
    for field, prop in _MOMENTS.items():
        value: date | None = getattr(r, field)
        _put(node, prop, value.isoformat() if value is not None else None)
    for field, prop in _PLAIN.items():
        value = getattr(r, field)
        _put(node, prop, list(value) if isinstance(value, tuple) else value)
    _put(node, "contributor", [agent_value(a, "contributor") for a in r.contributors])
    _put(node, "genre", [c.name if _only_named(c) else concept_node(c) for c in r.genres])
    _put(node, "nr:signal", [concept_node(c) for c in r.signals])
    for position, item in enumerate(r.media, start=1):
        node.setdefault(_MEDIA_PROPERTY[item.kind], []).append(_media_node(item, position))
    if r.rights:
        rights = r.rights
        if rights.holder:
            node["copyrightHolder"] = agent_value(rights.holder, "copyrightHolder")
        _put_wordings(node, "copyrightNotice", rights.notices)
        _put(node, "usageInfo", [_usage_node(w) for w in rights.usage_terms])
        _put(node, "license", rights.license)
        if not (rights.holder or rights.notices or rights.usage_terms or rights.license):
            node["nr:rightsGiven"] = True  # an empty Rights, which the model allows
    links = [
        _some(
            *(("url", link.url), ("identifier", link.item_id), ("nr:rel", link.rel)),
            *(("name", link.title), ("encodingFormat", link.media_type)),
        )
        for link in r.links
    ]
    _put(node, "nr:link", links)
    if r.drafted_by:
        draft = r.drafted_by
        software: Node = {"@type": "SoftwareApplication", "name": draft.software, "softwareVersion": draft.version}
        if draft.pipeline:
            software["softwareAddOn"] = {"@type": "SoftwareApplication", "name": draft.pipeline}
        node["nr:draftedBy"] = software
    return node


def subject_nodes(subjects: tuple[Subject, ...]) -> list[Node]:
    """The subjects as DefinedTerms, for the article's `about`."""
    nodes = []
    for s in subjects:
        node = concept_node(s)
        _put(node, "additionalType", s.kind)
        _put(node, "nr:rank", s.rank)
        nodes.append(node)
    return nodes


def concept_node(c: Concept) -> Node:
    node: Node = {"@type": "DefinedTerm"}
    if c.scheme is not None:
        scheme = c.scheme if _IRI.match(c.scheme) else {"@type": "DefinedTermSet", "name": c.scheme}
        node["inDefinedTermSet"] = scheme
    _put(node, "termCode", c.code)
    _put(node, "url", c.uri)
    if c.name is not None:
        node["name"] = text_value(c.name, c.language)
    _put(node, "alternateName", [text_value(n.text, n.language) for n in c.other_names])
    return node


def agent_value(agent: Agent, prop: str) -> Node:
    """An agent node; one with a role inside a Role node under the same `prop`."""
    node: Node = {"@type": "Person" if agent.kind == "person" else "Organization"} if agent.kind else {}
    node |= _some(("name", agent.name), ("url", agent.url), ("identifier", agent.code))
    if agent.role is not None:
        return {"@type": "Role", "roleName": agent.role, prop: node}
    return node


def text_value(text: str, language: str | None) -> object:
    """A text, as a value object with `@language` when its language is known."""
    return {"@value": text, "@language": language} if language else text


def _put_wordings(node: Node, prop: str, wordings: tuple[Wording, ...]) -> None:
    _put(node, prop, [text_value(w.text, w.language) for w in wordings])
    if any(w.role is not None for w in wordings):
        node[roles_of(prop)] = {"@list": [w.role or "" for w in wordings]}


def _usage_node(w: Wording) -> Node:
    return {"@type": "CreativeWork", "text": text_value(w.text, w.language)} | _some(("nr:role", w.role))


def _media_node(item: Media, position: int) -> Node:
    node: Node = {"@type": _MEDIA_TYPE.get(item.kind, "MediaObject")}
    if item.kind == "graphic":
        node["additionalType"] = MEDIA_KIND + "graphic"
    return node | _some(
        ("contentUrl", item.url),
        ("encodingFormat", item.media_type),
        ("width", item.width),
        ("height", item.height),
        ("name", item.title),
        ("caption", item.caption),
        ("nr:altText", item.alt_text),
        ("creditText", item.credit),
        ("position", position),
    )


def _only_named(c: Concept) -> bool:
    return c.name is not None and c.model_dump(exclude_defaults=True).keys() == {"name"}


def _some(*pairs: tuple[str, object]) -> Node:
    return {key: value for key, value in pairs if value is not None}


def _put(node: Node, key: str, value: object) -> None:
    if value is not None and value != []:
        node[key] = value


# Reading ------------------------------------------------------------------------------------


def read_metadata(a: Node, check: Check) -> Node:
    """The report's metadata fields from our article node."""
    at = a["@id"]
    data: Node = {field: _wordings(a, prop, check) for field, prop in _WORDINGS.items()}
    data |= {field: a.get(prop) for field, prop in (_TEXTS | _MOMENTS).items()}
    data |= {field: many(a, prop) if field in _LISTS else a.get(prop) for field, prop in _PLAIN.items()}
    data["contributors"] = [read_agent(v, "contributor", check, f"{at} contributor") for v in many(a, "contributor")]
    data["genres"] = [
        {"name": g} if isinstance(g, str) else read_concept(g, check, f"{at} genre") for g in many(a, "genre")
    ]
    data["signals"] = [read_concept(s, check, f"{at} nr:signal") for s in many(a, "nr:signal")]
    media = [item for prop in MEDIA_LISTS for item in many(a, prop)]
    data["media"] = [_read_media(m, check, f"{at} media") for m in sorted(media, key=lambda m: m["position"])]
    if any(p in a for p in ("copyrightHolder", "copyrightNotice", "usageInfo", "license", "nr:rightsGiven")):
        holder = a.get("copyrightHolder")
        data["rights"] = {
            "holder": read_agent(holder, "copyrightHolder", check, f"{at} copyrightHolder") if holder else None,
            "notices": _wordings(a, "copyrightNotice", check),
            "usage_terms": [_read_usage(u, check, f"{at} usageInfo") for u in many(a, "usageInfo")],
            "license": a.get("license"),
        }
    data["links"] = []
    for link in many(a, "nr:link"):
        check(link, "link", f"{at} nr:link")
        data["links"].append(
            {
                "url": link.get("url"),
                "item_id": link.get("identifier"),
                "rel": link.get("nr:rel"),
                "title": link.get("name"),
                "media_type": link.get("encodingFormat"),
            }
        )
    data["drafted_by"] = _read_draft(a["nr:draftedBy"], check, f"{at} nr:draftedBy") if "nr:draftedBy" in a else None
    return data


def _read_draft(node: Node, check: Check, where: str) -> Node:
    check(node, "software", where)
    add_on = node.get("softwareAddOn")
    if add_on is not None:
        check(add_on, "software add-on", f"{where} softwareAddOn")
    return {
        "software": node["name"],
        "version": node["softwareVersion"],
        "pipeline": add_on["name"] if add_on is not None else None,
    }


def read_subject(node: Node, check: Check, where: str) -> Node:
    check(node, "subject", where)
    return read_concept(node, lambda *_: None, where) | {
        "kind": node.get("additionalType"),
        "rank": node.get("nr:rank"),
    }


def read_concept(node: Node, check: Check, where: str) -> Node:
    check(node, "concept", where)
    scheme = node.get("inDefinedTermSet")
    if isinstance(scheme, dict):
        check(scheme, "DefinedTermSet", f"{where} inDefinedTermSet")
        scheme = scheme["name"]
    name, language = _text(node["name"], check, where) if "name" in node else (None, None)
    others = [_text(n, check, f"{where} alternateName") for n in many(node, "alternateName")]
    return {
        "scheme": scheme,
        "code": node.get("termCode"),
        "uri": node.get("url"),
        "name": name,
        "language": language,
        "other_names": [{"text": text, "language": lang} for text, lang in others],
    }


def read_agent(value: Node, prop: str, check: Check, where: str) -> Node:
    role = None
    if value.get("@type") == "Role":
        check(value, "agent role", where)
        role, value = value["roleName"], value[prop]
    check(value, "agent", where)
    kinds = {"Person": "person", "Organization": "organization"}
    return {
        "kind": kinds.get(value.get("@type", "")),
        "name": value.get("name"),
        "url": value.get("url"),
        "code": value.get("identifier"),
        "role": role,
    }


def _wordings(a: Node, prop: str, check: Check) -> list[Node]:
    values = many(a, prop)
    roles = a.get(roles_of(prop), {}).get("@list", [""] * len(values))
    if len(roles) != len(values):
        raise ValueError(f"{roles_of(prop)} gives {len(roles)} roles for {len(values)} values of {prop}")
    wordings = []
    for value, role in zip(values, roles, strict=True):
        text, language = _text(value, check, f"{a['@id']} {prop}")
        wordings.append({"text": text, "language": language, "role": role or None})
    return wordings


def _read_usage(node: Node, check: Check, where: str) -> Node:
    check(node, "usage", where)
    text, language = _text(node["text"], check, where)
    return {"text": text, "language": language, "role": node.get("nr:role")}


def _read_media(node: Node, check: Check, where: str) -> Node:
    check(node, "media", where)
    kind = _MEDIA_KINDS[node["@type"]]
    if node.get("additionalType") == MEDIA_KIND + "graphic":
        kind = "graphic"
    return {
        "kind": kind,
        "url": node.get("contentUrl"),
        "media_type": node.get("encodingFormat"),
        "width": node.get("width"),
        "height": node.get("height"),
        "title": node.get("name"),
        "caption": node.get("caption"),
        "alt_text": node.get("nr:altText"),
        "credit": node.get("creditText"),
    }


def _text(value: object, check: Check, where: str) -> tuple[Any, Any]:
    """A text and its language from a string or a value object."""
    if isinstance(value, dict):
        check(value, "name", where)
        return value["@value"], value.get("@language")
    return value, None


def many(node: Node, key: str) -> list[Any]:
    """A property's values as a list: absent is empty, a single value is a list of one."""
    value = node.get(key, [])
    return value if isinstance(value, list) else [value]
