"""Reading what an item says about itself: its concepts (subjects, genres, signals), wordings
(headlines, descriptions, notes), agents (creators, contributors, copyright holder), rights,
links, status, version, item times and the program that drafted the report, as NewsML-G2
carries them natively."""

from __future__ import annotations

from typing import Any

from lxml import etree

from newsreport.converters.newsml_g2.context import MEDIA_TYPE, Context
from newsreport.converters.newsml_g2.xml import NR, child, child_names, children, local, nr, text_of

Node = dict[str, Any]

_STATUS = {"stat:usable": "usable", "stat:withheld": "withheld", "stat:canceled": "canceled"}
_CONCEPT_PARTS = ("name",)
"""The children of a concept that it maps; the rest (`sameAs`, `broader`, `related`...) stay to be named."""


def qcode_parts(qcode: str) -> tuple[str, str] | None:
    """A QCode's scheme alias and code (`medtop:20000106` → `medtop`, `20000106`)."""
    scheme, colon, code = qcode.partition(":")
    return (scheme, code) if colon and scheme and code else None


def wording(element: etree._Element, ctx: Context, language: str | None = None) -> Node | None:
    """A text with its language and role (a description, a note, another headline)."""
    text = ctx.clean(text_of(element))
    ctx.coverage.take(element)
    if not ctx.own:
        ctx.coverage.attributes(element, ("role", "lang"))
    if not text:
        return None
    return {"text": text, "language": ctx.language(element, language), "role": ctx.role(element)}


def concept(element: etree._Element, ctx: Context, subject: bool = False) -> Node | None:
    """A vocabulary term (a subject, a genre, a signal): its scheme and code from the QCode, URI
    and names as given; ours may carry a scheme or code that is no QCode in `nr:` attributes."""
    found: Node = {"uri": ctx.iri(element.get("uri"), "uri")}
    parts = qcode_parts(element.get("qcode") or "")
    if parts:
        found["scheme"], found["code"] = parts
    elif element.get("qcode"):
        ctx.skipped.append(f"qcode {element.get('qcode')!r} (no scheme alias)")
    if ctx.own:
        found["scheme"] = found.get("scheme") or element.get(nr("scheme"))
        found["code"] = found.get("code") or element.get(nr("code"))
    names = children(element, "name")
    main = [n for n in names if n.get("role") != "nrname:other"][:1] if ctx.own else names[:1]
    if main and ctx.clean(text_of(main[0])):
        found["name"], found["language"] = ctx.clean(text_of(main[0])), ctx.language(main[0])
    found["other_names"] = [
        {"text": ctx.clean(text_of(n)), "language": ctx.language(n)}
        for n in names
        if n not in main and ctx.clean(text_of(n))
    ]
    if subject:
        found["kind"] = ctx.role(element, "type") if ctx.own else element.get("type")
        rank = element.get("rank") or ""
        found["rank"] = int(rank) if rank.isascii() and rank.isdigit() else None
    if not (found.get("code") or found["uri"] or found.get("name")):
        what = element.get("literal") or local(element)
        ctx.skipped.append(f"<{etree.QName(element).localname}> {what} (no code, uri or name)")
        return None
    ctx.coverage.take(element, but=_unmapped_children(element))
    if not ctx.own:
        ctx.coverage.attributes(element, ("qcode", "uri", "type", "rank") if subject else ("qcode", "uri"))
    return found


def _unmapped_children(element: etree._Element) -> set[str]:
    return child_names(element) - set(_CONCEPT_PARTS)


def agent(element: etree._Element, ctx: Context) -> Node | None:
    """A party (creator, contributor, provider, copyright holder). A name that only repeats the
    code (an editor's login, `dpa-ad:semmelroch.anja` named `semmelroch.anja`) is no name."""
    name_element = child(element, "name")
    name = ctx.clean(text_of(name_element)) or None
    code = element.get("qcode") or element.get("literal") or (element.get(nr("code")) if ctx.own else None)
    if not ctx.own and name and code and name == code.partition(":")[2]:
        name = None
    found: Node = {
        "kind": element.get(nr("kind")),
        "name": name,
        "code": code,
        "url": ctx.iri(element.get("uri"), "uri"),
        "role": ctx.role(element),
    }
    if not (name or code or found["url"]):
        ctx.skipped.append(f"<{etree.QName(element).localname}> (no name, code or uri)")
        return None
    ctx.coverage.take(element, but=_unmapped_children(element))
    if not ctx.own:
        ctx.coverage.attributes(element, ("qcode", "literal", "uri", "role"))
    return found


def rights(item: etree._Element, ctx: Context) -> Node | None:
    """All `rightsInfo` blocks as one: the first copyright holder, every notice and term of use
    in its language (a block's `xml:lang` applies to what it holds)."""
    blocks = children(item, "rightsInfo")
    if not blocks:
        return None
    found: Node = {"holder": None, "notices": [], "usage_terms": [], "license": None}
    for block in blocks:
        ctx.coverage.enter(block)
        language = ctx.language(block)
        holder = child(block, "copyrightHolder")
        if holder is not None and found["holder"] is None:
            found["holder"] = agent(holder, ctx)
        for part, key in (("copyrightNotice", "notices"), ("usageTerms", "usage_terms")):
            found[key] += [w for w in (wording(e, ctx, language) for e in children(block, part)) if w]
        for link in children(block, "link"):
            if link.get("rel") == "nrrel:license" and found["license"] is None:
                found["license"] = ctx.iri(link.get("href"), "licence")
                ctx.coverage.take(link)
    return found


def links(item_meta: etree._Element | None, ctx: Context) -> list[Node]:
    """Links to related items (`href` and `residref`), with their relation, title and type."""
    found = []
    for link in children(item_meta, "link"):
        if link.get("rel") == "nrrel:webPage":
            continue
        url = ctx.iri(link.get("href"), "link") if link.get("href") else None
        item_id = ctx.clean(link.get("residref") or "") or None
        if url is None and item_id is None:
            continue
        media_type = link.get("contenttype")
        if media_type and not ctx.own and not MEDIA_TYPE.match(media_type):
            ctx.skipped.append(f"link contenttype {media_type!r}")
            media_type = None
        title = child(link, "title")
        found.append(
            {
                "url": url,
                "item_id": item_id,
                "rel": ctx.role(link, "rel"),
                "title": ctx.clean(text_of(title)) or None,
                "media_type": media_type,
            }
        )
        ctx.coverage.take(link, but=child_names(link) - {"title"})
        if not ctx.own:
            ctx.coverage.attributes(link, ("rel", "href", "residref", "contenttype"))
    return found


def status(item_meta: etree._Element | None, ctx: Context) -> str | None:
    element = child(item_meta, "pubStatus")
    if element is None:
        return None
    value = _STATUS.get(element.get("qcode") or "")
    if value is None:
        ctx.skipped.append(f"pubStatus {element.get('qcode')!r}")
    else:
        ctx.coverage.take(element)
    return value


def number(element: etree._Element | None, ctx: Context, low: int, high: int | None = None) -> int | None:
    """A whole number an element holds, in the range the model takes."""
    if element is None:
        return None
    text = text_of(element).strip()
    value = int(text) if text.isascii() and text.isdigit() else None
    if ctx.own or (value is not None and low <= value and (high is None or value <= high)):
        ctx.coverage.take(element)
        return value if value is not None else int(text)
    ctx.skipped.append(f"<{etree.QName(element).localname}> {text!r}")
    return None


def version(item: etree._Element, ctx: Context) -> int | None:
    text = (item.get("version") or "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit() and int(text) >= 1:
        return int(text)
    ctx.skipped.append(f"version {text!r}")
    return None


def texts(elements: list[etree._Element], ctx: Context) -> list[str]:
    """The texts of elements that each hold one label (keywords, our sections)."""
    found = []
    for element in elements:
        ctx.coverage.take(element)
        text = ctx.clean(text_of(element))
        if text:
            found.append(text)
    return found


def one_text(elements: list[etree._Element], ctx: Context) -> str | None:
    """The text of the first of elements that give one value (slugline, by-line, credit line);
    any further one is left to be named."""
    for element in elements:
        text = ctx.clean(text_of(element))
        if text:
            ctx.coverage.take(element)
            return text
    return None


def free_access(item_meta: etree._Element | None, ctx: Context) -> bool | None:
    for prop in children(item_meta, "itemMetaExtProperty"):
        if prop.get("rel") == "nrrel:freeAccess" and prop.get("value") in ("true", "false"):
            ctx.coverage.take(prop)
            return prop.get("value") == "true"
    return None


def drafted_by(item_meta: etree._Element | None, ctx: Context) -> Node | None:
    """The program that drafted the report: the `generator` of role `nrrel:draft`, with the
    pipeline it ran from the one of role `nrrel:draftPipeline`. Any other generator (the tool
    that wrote an agency's item) is left to be named."""
    generators = {g.get("role"): g for g in reversed(children(item_meta, "generator"))}
    draft = generators.get("nrrel:draft")
    if draft is None:
        return None
    pipeline = generators.get("nrrel:draftPipeline")
    ctx.places["$.drafted_by"] = draft
    ctx.coverage.take(draft)
    ctx.coverage.take(pipeline)
    return {
        "software": text_of(draft),
        "version": draft.get("versioninfo"),
        "pipeline": text_of(pipeline) if pipeline is not None else None,
    }


def media(meta: etree._Element | None, ctx: Context) -> list[Node]:
    """Our own `nr:media` elements."""
    found = []
    for element in children(meta, "media"):
        if etree.QName(element).namespace != NR:
            continue
        item: Node = {key: element.get(nr(key)) for key in ("kind", "url", "media_type")}
        for key in ("width", "height"):
            value = element.get(nr(key))
            item[key] = int(value) if value is not None else None
        for key, tag in (("title", "title"), ("caption", "caption"), ("alt_text", "altText"), ("credit", "credit")):
            inner = child(element, tag)
            item[key] = text_of(inner) if inner is not None else None
        ctx.coverage.take(element)
        found.append(item)
    return found
