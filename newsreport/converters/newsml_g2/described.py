"""Writing what a report says about itself, natively where NewsML-G2 has a home for it:
concepts (`subject`, `genre`, `signal`) with their QCodes, URIs and names; wordings
(`headline`, `description`, `edNote`, `copyrightNotice`, `usageTerms`) with language and role;
agents (`creator`, `contributor`, `provider`, `copyrightHolder`); `rightsInfo`; `link`s.

A value that is no QCode where the standard wants one (a role in plain words, a scheme given as
a URI, a code with a space) goes in the same-named `nr:` attribute instead, so it is kept as
the source gave it and the item stays valid. Every scheme alias used is recorded, to be
declared in the item's catalog.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from newsreport.converters.newsml_g2.markup import Attributes, Markup
from newsreport.model import Agent, Concept, Link, Media, NewsReport, Subject, Wording
from newsreport.model.metadata import Rights

_QCODE = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*):\S+")
"""A QCode whose alias can be declared in a catalog (an XML NCName) and whose code has no space."""


class Aliases:
    """The scheme aliases of the QCodes written in one item."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def qcode(self, name: str, value: str | None, many: bool = False) -> list[tuple[str, str | None]]:
        """`value` as the QCode attribute `name` (a list of QCodes if `many`), or as our `nr:`
        attribute of that name when it is none."""
        if value is None:
            return []
        tokens = value.split(" ") if many else [value]
        matches = [_QCODE.fullmatch(token) for token in tokens]
        if all(matches):
            self.used.update(m[1] for m in matches if m)
            return [(name, value)]
        return [(f"nr:{name}", value)]


def moment_leaf(out: Markup, tag: str, moment: date | None, attributes: Attributes = ()) -> None:
    """A moment as an element the XSD types xs:dateTime: a day alone is written as midnight,
    marked `nr:day` so it reads back as the day."""
    if moment is None:
        return
    if isinstance(moment, datetime):
        out.leaf(tag, attributes, moment.isoformat())
    else:
        out.leaf(tag, [*attributes, ("nr:day", "true")], f"{moment.isoformat()}T00:00:00")


def wording(out: Markup, aliases: Aliases, tag: str, value: Wording) -> None:
    out.leaf(tag, [*aliases.qcode("role", value.role, many=True), ("xml:lang", value.language)], value.text)


def concept(out: Markup, aliases: Aliases, tag: str, value: Concept) -> None:
    """A concept: `scheme:code` as its QCode when it is one, else `nr:scheme` and `nr:code`."""
    qcode = f"{value.scheme}:{value.code}" if value.code is not None else None
    attributes: list[tuple[str, str | None]] = []
    if qcode is not None and _QCODE.fullmatch(qcode) and ":" not in (value.scheme or ""):
        attributes += aliases.qcode("qcode", qcode)
    else:
        attributes += [("nr:scheme", value.scheme), ("nr:code", value.code)]
    attributes.append(("uri", value.uri))
    if isinstance(value, Subject):
        attributes += aliases.qcode("type", value.kind)
        attributes.append(("rank", str(value.rank) if value.rank is not None else None))
    with_names = value.name is not None or value.other_names
    if not with_names:
        out.leaf(tag, attributes)
        return
    with out.element(tag, attributes):
        if value.name is not None:
            out.leaf("name", [("xml:lang", value.language)], value.name)
        for other in value.other_names:
            out.leaf("name", [("role", "nrname:other"), ("xml:lang", other.language)], other.text)


def agent(out: Markup, aliases: Aliases, tag: str, value: Agent) -> None:
    """A party: its code as a QCode (or a `literal`, our local code), its URI, role and name.
    Only creators and contributors have a native `role`."""
    code = aliases.qcode("qcode", value.code)
    if code and code[0][0] != "qcode":
        code = [("literal", value.code)]
    native = tag in ("creator", "contributor")
    role = aliases.qcode("role", value.role, many=True) if native else [("nr:role", value.role)]
    attributes = [*code, ("uri", value.url), *role, ("nr:kind", value.kind)]
    if value.name is None:
        out.leaf(tag, attributes)
        return
    with out.element(tag, attributes):
        out.leaf("name", (), value.name)


def rights_info(out: Markup, aliases: Aliases, rights: Rights) -> None:
    if not (rights.holder or rights.notices or rights.usage_terms or rights.license):
        out.leaf("rightsInfo")
        return
    with out.element("rightsInfo"):
        if rights.holder:
            agent(out, aliases, "copyrightHolder", rights.holder)
        for notice in rights.notices:
            out.leaf("copyrightNotice", [("xml:lang", notice.language), ("nr:role", notice.role)], notice.text)
        for terms in rights.usage_terms:
            out.leaf("usageTerms", [("xml:lang", terms.language), ("nr:role", terms.role)], terms.text)
        if rights.license:
            out.leaf("link", [("rel", "nrrel:license"), ("href", rights.license)])


def link(out: Markup, aliases: Aliases, value: Link) -> None:
    attributes = [
        *aliases.qcode("rel", value.rel),
        *(("href", value.url), ("residref", value.item_id), ("contenttype", value.media_type)),
    ]
    if value.title is None:
        out.leaf("link", attributes)
        return
    with out.element("link", attributes):
        out.leaf("title", (), value.title)


def media(out: Markup, value: Media) -> None:
    """A media item in our namespace (a newsItem has no native home for associated media)."""
    attributes = [
        ("nr:kind", value.kind),
        ("nr:url", value.url),
        ("nr:media_type", value.media_type),
        ("nr:width", str(value.width) if value.width is not None else None),
        ("nr:height", str(value.height) if value.height is not None else None),
    ]
    texts = [("nr:title", value.title), ("nr:caption", value.caption), ("nr:altText", value.alt_text)]
    texts.append(("nr:credit", value.credit))
    if all(text is None for _, text in texts):
        out.leaf("nr:media", attributes)
        return
    with out.element("nr:media", attributes):
        for tag, text in texts:
            if text is not None:
                out.leaf(tag, (), text)


def item_meta_extras(out: Markup, aliases: Aliases, report: NewsReport) -> None:
    """What itemMeta carries after the times and status: notes, signals, links, free access."""
    for note in report.editorial_notes:
        wording(out, aliases, "edNote", note)
    for signal in report.signals:
        concept(out, aliases, "signal", signal)
    if report.url:
        out.leaf("link", [("rel", "nrrel:webPage"), ("href", report.url)])
    for related in report.links:
        link(out, aliases, related)
    if report.free_access is not None:
        value = "true" if report.free_access else "false"
        prop = [("rel", "nrrel:freeAccess"), ("value", value), ("valuedatatype", "xs:boolean")]
        out.leaf("itemMetaExtProperty", prop)


def descriptive(out: Markup, aliases: Aliases, report: NewsReport) -> None:
    """contentMeta's descriptive properties besides subjects, headline and dateline."""
    for genre in report.genres:
        concept(out, aliases, "genre", genre)
    for keyword in report.keywords:
        out.leaf("keyword", (), keyword)
    for subject in report.subjects:
        concept(out, aliases, "subject", subject)
    if report.slugline is not None:
        out.leaf("slugline", (), report.slugline)
