"""The body as NITF 3.6, the rendition people and agency systems read: blocks become `<p>` and
`<hl2>`, and each direct quote that lies whole inside one block is wrapped in `<q>` with its
speaker as `quote-source` and an `id` that the statement's `partMeta` points to."""

from __future__ import annotations

from lxml import etree

from newsreport.converters.newsml_g2.xml import NITF
from newsreport.model import Block, NewsReport, Span, Statement


def _tag(name: str) -> str:
    return f"{{{NITF}}}{name}"


def quote_ids(report: NewsReport) -> dict[str, str]:
    """The NITF `id` of each direct quote that gets a `<q>`, by statement id.

    Ids are `q1`, `q2`, ..., skipping any that a statement id (a `partid` in the same
    document, and so in the same xs:ID space) already uses.
    """
    if report.body is None:
        return {}
    taken = {s.id for s in report.statements}
    blocks = _blocks(report)
    ids: dict[str, str] = {}
    covered: list[Span] = []
    n = 0
    for s in report.statements:
        inside = any(b.span.start <= s.span.start and s.span.end <= b.span.end for b in blocks)
        overlaps = any(s.span.start < c.end and c.start < s.span.end for c in covered)
        if s.kind != "direct" or not inside or overlaps:
            continue
        n += 1
        while f"q{n}" in taken:
            n += 1
        ids[s.id] = f"q{n}"
        covered.append(s.span)
    return ids


def nitf(report: NewsReport, ids: dict[str, str]) -> etree._Element:
    """The `<nitf>` element for the report's body."""
    assert report.body is not None
    text = report.body.text
    root = etree.Element(_tag("nitf"))
    body = etree.SubElement(root, _tag("body"))
    head = etree.SubElement(body, _tag("body.head"))
    hedline = etree.SubElement(head, _tag("hedline"))
    etree.SubElement(hedline, _tag("hl1")).text = report.headline.text
    if report.dateline:
        etree.SubElement(head, _tag("dateline")).text = report.dateline.text
    content = etree.SubElement(body, _tag("body.content"))
    speakers = {p.id: p.name for p in report.participants}
    quotes = sorted((s for s in report.statements if s.id in ids), key=lambda s: s.span.start)
    for block in _blocks(report):
        element = etree.SubElement(content, _tag("hl2" if block.kind == "subheading" else "p"))
        inside = [q for q in quotes if block.span.start <= q.span.start and q.span.end <= block.span.end]
        _fill(element, text, block.span, inside, ids, speakers)
    return root


def _blocks(report: NewsReport) -> tuple[Block, ...]:
    """The body's blocks; a body without any is one paragraph."""
    assert report.body is not None
    if report.body.blocks:
        return report.body.blocks
    return (Block(kind="paragraph", span=Span(start=0, end=len(report.body.text))),)


def _fill(
    element: etree._Element,
    text: str,
    span: Span,
    quotes: list[Statement],
    ids: dict[str, str],
    speakers: dict[str, str],
) -> None:
    """Put `text[span]` into `element`, with a `<q>` around each quote."""
    position = span.start
    last: etree._Element | None = None
    for quote in quotes:
        _append(element, last, text[position : quote.span.start])
        q = etree.SubElement(element, _tag("q"), id=ids[quote.id])
        names = [speakers[s] for s in quote.speakers]
        if names:
            q.set("quote-source", "; ".join(names))
        q.text = quote.text
        last, position = q, quote.span.end
    _append(element, last, text[position : span.end])


def _append(element: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        element.text = (element.text or "") + text
    else:
        last.tail = (last.tail or "") + text
