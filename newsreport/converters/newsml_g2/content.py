"""An agency item's contentSet: the rendition that carries the story, read as text and blocks,
with what its markup says besides (heading, by-line, abstract or teaser), and its media.

Agencies send the story several times: dpa as XHTML and as hard-wrapped plain-text renditions
(a headline block, a teaser, the text at about 70 columns), others as NITF or XHTML alone. The
story is the rendition with the most text in its blocks, XML first (its paragraphs are marked);
plain text only when no XML rendition carries any. The other renditions are left to be named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from newsreport.converters.newsml_g2.context import MEDIA_TYPE
from newsreport.converters.newsml_g2.coverage import Coverage
from newsreport.converters.newsml_g2.xml import child, children, local, text_of
from newsreport.model import IRI_PATTERN

Node = dict[str, Any]

_PARAGRAPHS = {"p", "li", "dd", "dt", "blockquote", "pre", "address"}
_SUBHEADINGS = {"h2", "h3", "h4", "h5", "h6", "hl2"}
_CONTAINERS = {"div", "section", "article", "main", "block", "body.content", "ul", "ol", "dl", "tbody", "thead"}
_IRI = re.compile(IRI_PATTERN)


@dataclass
class Story:
    """What the chosen rendition carries: the body, and the metadata its markup gives."""

    body: Node | None = None
    heading: str | None = None
    """The headline the markup prints (XHTML `h1`, NITF `hl1`)."""
    titles: list[str] = field(default_factory=list)
    """Other headlines: the XHTML `title`, subtitles (`h2` right after `h1`, NITF `hl2` in `hedline`)."""
    byline: str | None = None
    dateline: str | None = None
    descriptions: list[str] = field(default_factory=list)
    """NITF `abstract`, XHTML `p.teaser`."""
    genre: str | None = None
    keywords: list[str] = field(default_factory=list)
    topics: list[tuple[str, str]] = field(default_factory=list)
    """The QCodes and names of the topics and places dpa's XHTML slugline lists."""
    published: str | None = None
    """The publication time dpa's XHTML header prints (`time.publicationDate/@data-datetime`)."""
    size: int = 0


def folded(element: etree._Element | None) -> str:
    """An element's text with its layout white space folded."""
    return " ".join(text_of(element).split())


def story(content_set: etree._Element, coverage: Coverage) -> Story:
    """The story of an agency item's contentSet; the elements read are marked in `coverage`."""
    coverage.enter(content_set)
    best: tuple[Story, Coverage] | None = None
    for markup in children(content_set, "inlineXML"):
        seen = Coverage()
        found = _markup(markup, seen)
        if found.body is not None and (best is None or found.size > best[0].size):
            best = (found, seen)
    if best is None:
        for plain in children(content_set, "inlineData"):
            seen = Coverage()
            found = _plain(plain, seen)
            if found.body is not None and (best is None or found.size > best[0].size):
                best = (found, seen)
    if best is None:  # no story text: the markup may still print a headline (APA's h1 and h2)
        for markup in children(content_set, "inlineXML"):
            seen = Coverage()
            found = _markup(markup, seen)
            if found.heading or found.titles or found.descriptions:
                best = (found, seen)
                break
    if best is None:
        return Story()
    coverage.merge(best[1])
    return best[0]


def _plain(data: etree._Element, coverage: Coverage) -> Story:
    """A plain-text rendition: paragraphs are separated by blank lines; lines within one are joined."""
    if "text" not in (data.get("contenttype") or "text/plain"):
        return Story()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text_of(data))]
    coverage.take(data)
    return _with_body(Story(), [("paragraph", p) for p in paragraphs if p])


def _markup(markup: etree._Element, coverage: Coverage) -> Story:
    """An NITF or XHTML rendition."""
    coverage.enter(markup)
    found = Story()
    root = next((e for e in markup if isinstance(e.tag, str)), None)
    if root is None:
        return found
    head = next((e for e in root.iter() if isinstance(e.tag, str) and local(e) == "body.head"), None)
    content = next((e for e in root.iter() if isinstance(e.tag, str) and local(e) == "body.content"), None)
    for element in [*_ancestors_within(head, markup), *_ancestors_within(content, markup)]:
        coverage.enter(element)
    if content is None:
        content = next((e for e in root.iter() if isinstance(e.tag, str) and local(e) == "body"), root)
        for element in _ancestors_within(content, markup):
            coverage.enter(element)
        _xhtml_head(root, found, coverage)
    if head is not None:
        _nitf_head(head, found, coverage)
    pieces: list[tuple[str, str]] = []
    _blocks(content, found, pieces, coverage)
    return _with_body(found, pieces)


def _ancestors_within(element: etree._Element | None, top: etree._Element) -> list[etree._Element]:
    found = []
    while element is not None and element is not top:
        found.append(element)
        element = element.getparent()
    return found


def _xhtml_head(root: etree._Element, found: Story, coverage: Coverage) -> None:
    """The XHTML `head`: its `title` is another headline; `meta` says nothing about the story."""
    head = child(root, "head")
    if head is None:
        return
    coverage.enter(head)
    for element in head:
        if not isinstance(element.tag, str):
            continue
        if local(element) == "title" and folded(element):
            found.titles.append(folded(element))
            coverage.take(element)
        elif local(element) == "meta" and element.get("charset"):
            coverage.take(element)  # the encoding, already applied by the parser


def _nitf_head(head: etree._Element, found: Story, coverage: Coverage) -> None:
    """NITF `body.head`: headline and subtitles, by-line, abstract, dateline."""
    for element in head:
        name = local(element)
        if name == "hedline":
            coverage.enter(element)
            for line in element:
                if local(line) == "hl1" and found.heading is None:
                    found.heading = folded(line) or None
                    coverage.take(line)
                elif local(line) == "hl2" and folded(line):
                    found.titles.append(folded(line))
                    coverage.take(line)
        elif name == "byline" and folded(element) and found.byline is None:
            found.byline = folded(element)
            coverage.take(element)
        elif name == "abstract" and folded(element):
            found.descriptions.append(folded(element))
            coverage.take(element)
        elif name == "dateline" and folded(element):
            found.dateline = folded(element)
            coverage.take(element)


def _blocks(container: etree._Element, found: Story, pieces: list[tuple[str, str]], coverage: Coverage) -> None:
    """The blocks of an XHTML or NITF container, in order; what is neither a block nor holds
    blocks (figures, embeds, scripts) is left to be named."""
    coverage.enter(container)
    for element in container:
        if not isinstance(element.tag, str):
            continue
        name, classes = local(element), (element.get("class") or "").split()
        text = folded(element)
        if name == "header":
            _header(element, found, coverage)
        elif name == "h1" or (name == "hl1" and found.heading is None):
            if found.heading is None:
                found.heading = text or None
            elif text:
                found.titles.append(text)
            coverage.take(element)
        elif name == "h2" and found.heading is not None and not pieces and text:
            found.titles.append(text)  # a subtitle right under the headline (APA)
            coverage.take(element)
        elif name == "p" and "teaser" in classes and text:
            found.descriptions.append(text)
            coverage.take(element)
        elif name == "p" and "byline" in classes and text and found.byline is None:
            found.byline = text
            coverage.take(element)
        elif name in _PARAGRAPHS or name in _SUBHEADINGS:
            if text:
                pieces.append(("subheading" if name in _SUBHEADINGS else "paragraph", text))
            coverage.take(element)
        elif name == "tr":
            cells = [folded(cell) for cell in element if local(cell) in ("td", "th")]
            if any(cells):
                pieces.append(("paragraph", "\t".join(cells)))
            coverage.take(element)
        elif name in _CONTAINERS or name == "table":
            _blocks(element, found, pieces, coverage)
        elif name == "br":
            coverage.take(element)


def _header(header: etree._Element, found: Story, coverage: Coverage) -> None:
    """dpa's XHTML `header`: headline, by-line, genre, and the slugline's keywords."""
    coverage.enter(header)
    for element in header:
        if not isinstance(element.tag, str):
            continue
        name, classes, text = local(element), (element.get("class") or "").split(), folded(element)
        if name == "h1" and text:
            found.heading = found.heading or text
            coverage.take(element)
        elif name in _SUBHEADINGS and text:
            found.titles.append(text)  # a kicker or subtitle
            coverage.take(element)
        elif name == "time" and "publicationDate" in classes and element.get("data-datetime"):
            found.published = element.get("data-datetime")
            coverage.take(element)
        elif name == "p" and "byline" in classes and text:
            found.byline = found.byline or text
            coverage.take(element)
        elif name == "p" and "genre" in classes and text:
            found.genre = text
            coverage.take(element)
        elif name == "ul" and "slugline" in classes:
            coverage.enter(element)
            for item in element:
                kinds, qcode = (item.get("class") or "").split(), item.get("data-qcode")
                if "keyword" in kinds and folded(item):
                    found.keywords.append(folded(item))
                    coverage.take(item)
                elif qcode and folded(item):
                    found.topics.append((qcode, folded(item)))
                    coverage.take(item)


def _with_body(found: Story, pieces: list[tuple[str, str]]) -> Story:
    if not pieces:
        return found
    text, blocks = "", []
    for kind, piece in pieces:
        if text:
            text += "\n\n"
        blocks.append({"kind": kind, "span": {"start": len(text), "end": len(text) + len(piece)}})
        text += piece
    found.body = {"text": text, "blocks": blocks}
    found.size = len(text)
    return found


def media(content_set: etree._Element | None, coverage: Coverage) -> list[Node]:
    """The remote renditions of an item (its pictures, videos, audio) as media."""
    found = []
    for remote in children(content_set, "remoteContent"):
        url = remote.get("href") or ""
        if not _IRI.match(url):
            continue
        media_type = remote.get("contenttype") or ""
        kind = media_type.partition("/")[0]
        item: Node = {
            "kind": kind if kind in ("image", "video", "audio") else "other",
            "url": url,
            "media_type": media_type if MEDIA_TYPE.match(media_type) else None,
        }
        for dimension in ("width", "height"):
            value = remote.get(dimension) or ""
            item[dimension] = int(value) if value.isascii() and value.isdigit() else None
        coverage.take(remote)
        found.append(item)
    return found
