"""ninjs bodies: the report's text from a text/plain body, else from an HTML or XHTML one, read
into text and paragraphs by the NewsML-G2 reader's own XHTML reading."""

from __future__ import annotations

from typing import Any

from lxml import etree

from newsreport.converters.newsml_g2.content import story
from newsreport.converters.newsml_g2.coverage import Coverage
from newsreport.converters.ninjs.reader_concepts import Concepts

Node = dict[str, Any]
_MARKUP = ("text/html", "application/xhtml+xml")
EXTENSION_ROLE = "newsreport"
"""The role of the body that carries our extension; patch.py reads it, not this module."""


def body(value: Any, reader: Concepts) -> Node | None:
    """The report's body from a `bodies` array: the first text/plain entry, else the first HTML
    or XHTML one that has text; every other entry is named."""
    entries = [
        (where, entry, entry.get("contentType") or "text/plain")
        for where, entry in reader.entries(value, "bodies")
        if entry.get("role") != EXTENSION_ROLE
    ]
    chosen: Node | None = None
    chosen_path = ""
    for kind in ("text/plain", *_MARKUP):
        for where, entry, content_type in entries:
            if chosen is None and content_type == kind and isinstance(entry.get("value"), str):
                chosen = _plain(entry["value"]) if kind == "text/plain" else _markup(entry["value"], kind)
                if chosen is not None:
                    chosen_path = where
                    reader.others(entry, where, {"value", "contentType", "role", "charCount", "wordCount"})
    for where, _, content_type in entries:
        if chosen is None or where != chosen_path:
            reader.skip(where, f"a body ({content_type}) other than the one read")
    return chosen


def _plain(text: str) -> Node | None:
    return {"text": text} if text.strip() else None


def _markup(text: str, content_type: str) -> Node | None:
    """Text and blocks of an HTML or XHTML body, parsed without network or entities."""
    try:
        data = text.encode()
    except UnicodeEncodeError:  # a lone surrogate, which JSON can spell and no parser reads
        return None
    root: etree._Element | None = None
    if content_type == "application/xhtml+xml":
        xml = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        try:
            root = etree.fromstring(data, xml)
        except etree.XMLSyntaxError:
            root = None
    if root is None:
        html = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True)
        try:
            root = etree.fromstring(data, html) if text.strip() else None
        except etree.LxmlError:
            root = None
    if root is None:
        return None
    content_set = etree.Element("contentSet")
    etree.SubElement(content_set, "inlineXML").append(root)
    found = story(content_set, Coverage()).body
    if found is None:  # text with inline markup only, no paragraphs (Business Wire's body_xhtml)
        return _plain(" ".join("".join(root.itertext()).split()))
    return {**found, "origin": "source"}
