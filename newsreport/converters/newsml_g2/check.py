"""Checking a NewsML-G2 document: the XSD when given, the links the XSD cannot check, the report.

libxml2 does not check that `xs:IDREFS` (`partMeta/@contentrefs`) resolve, and nothing in the
XSD ties a qcode to a declared scheme or a `literal` link to the subject it names; the checks
here do, for every item of a newsItem or newsMessage.
"""

from __future__ import annotations

import io
import warnings
from functools import cache
from pathlib import Path

from lxml import etree

from newsreport.converters.format import CheckOptions
from newsreport.converters.newsml_g2.reader import read_items
from newsreport.converters.newsml_g2.xml import (
    IPTC_ALIASES,
    IPTC_CATALOG,
    NAR,
    NR,
    PathNames,
    child,
    children,
    local,
    nr,
    parse,
)
from newsreport.errors import ReadError, ReadWarning
from newsreport.problems import Problem

_QCODE_ATTRIBUTES = ("qcode", "type", "rel", "role")


def check(data: bytes, source: str, options: CheckOptions) -> list[Problem]:
    """Every problem of a NewsML-G2 document."""
    try:
        root = parse(data, source)
    except ReadError as exc:
        return [Problem(exc.location, exc.message)]
    problems = xsd_problems(root, options.newsml_xsd) if options.newsml_xsd else []
    items = [root] if local(root) == "newsitem" else root.iter(f"{{{NAR}}}newsItem")
    for item in items:
        problems += integrity_problems(item)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReadWarning)
            for _ in read_items(io.BytesIO(data), source):
                pass
    except ReadError as exc:
        problems.append(Problem(exc.location, exc.message))
    return problems


@cache
def _schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def xsd_problems(root: etree._Element, xsd: Path) -> list[Problem]:
    """What the XSD finds wrong, each at its line."""
    schema = _schema(xsd)
    if schema.validate(root):
        return []
    return [Problem(f"line {e.line}", e.message) for e in schema.error_log]


def integrity_problems(item: etree._Element) -> list[Problem]:
    """Links in one newsItem that point nowhere."""
    problems = []
    path = PathNames()  # names many problems among siblings in linear time
    ids = {e.get("id") for e in item.iter() if e.get("id")} | {e.get("partid") for e in item.iter() if e.get("partid")}
    for part in children(item, "partMeta"):
        for ref in (part.get("contentrefs") or "").split():
            if ref not in ids:
                problems.append(Problem(path(part), f"contentrefs {ref!r} names no element of the item"))
    declared = {s.get("alias") for catalog in children(item, "catalog") for s in children(catalog, "scheme")}
    catalogs = {ref.get("href") for ref in children(item, "catalogRef")}
    # Aliases can be checked where every catalog is in view: ours (IPTC's aliases that we use,
    # plus our inline catalog), or an item with inline catalogs only. Another catalogRef, IPTC's
    # own included, declares aliases we cannot see offline.
    if catalogs <= {IPTC_CATALOG} and (NR in item.nsmap.values() or not catalogs):
        known = declared | (IPTC_ALIASES if catalogs else set())
        for element in item.iter(f"{{{NAR}}}*"):
            for attribute in _QCODE_ATTRIBUTES:
                for code in (element.get(attribute) or "").split():
                    alias = code.partition(":")[0]
                    if ":" in code and alias not in known:
                        where = f"{path(element)}/@{attribute}"
                        problems.append(Problem(where, f"scheme alias {alias!r} of {code!r} is not declared"))
    meta = child(item, "contentMeta")
    subjects = {s.get("literal") for s in children(meta, "subject") if s.get("literal")}
    statements = {p.get("partid", "").removeprefix(item.get(nr("idPrefix"), "")) for p in children(item, "partMeta")}
    links = [
        *(r for s in children(meta, "subject") for r in children(s, "related")),
        *children(item, "assert"),
        *(e for p in children(item, "partMeta") for e in (*children(p, "subject"), *children(p, "infoSource"))),
    ]
    for element in links:
        literal = element.get("literal")
        targets = statements if element.get("rel") == "nrrel:citedBy" else subjects
        if literal and literal not in targets:
            problems.append(Problem(path(element), f"literal {literal!r} names no subject of the item"))
    for part in children(item, "partMeta"):
        event = part.get(nr("event"))
        if event and event not in subjects:
            problems.append(Problem(path(part), f"nr:event {event!r} names no subject of the item"))
    return problems
