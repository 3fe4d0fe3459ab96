"""The body as NITF 3.6, the rendition people and agency systems read: blocks become `<p>` and
`<hl2>`, and each direct quote that lies whole inside one block is wrapped in `<q>` with its
speaker as `quote-source` and an `id` that the statement's `partMeta` points to."""

from __future__ import annotations

from newsreport.converters.newsml_g2.markup import Inner, Markup
from newsreport.model import Block, NewsReport, Span, Statement


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


def nitf(out: Markup, report: NewsReport, ids: dict[str, str]) -> None:
    """Write the `<nitf>` element for the report's body."""
    assert report.body is not None
    text = report.body.text
    speakers = {p.id: p.name for p in report.participants}
    quotes = sorted((s for s in report.statements if s.id in ids), key=lambda s: s.span.start)
    with out.element("nitf:nitf"), out.element("nitf:body"):
        with out.element("nitf:body.head"):
            with out.element("nitf:hedline"):
                out.leaf("nitf:hl1", (), report.headline.text)
            if report.dateline:
                out.leaf("nitf:dateline", (), report.dateline.text)
        with out.element("nitf:body.content"):
            for block in _blocks(report):
                inside = [q for q in quotes if block.span.start <= q.span.start and q.span.end <= block.span.end]
                tag = "nitf:hl2" if block.kind == "subheading" else "nitf:p"
                out.mixed(tag, (), _pieces(text, block.span, inside, ids, speakers))


def _blocks(report: NewsReport) -> tuple[Block, ...]:
    """The body's blocks; a body without any is one paragraph."""
    assert report.body is not None
    if report.body.blocks:
        return report.body.blocks
    return (Block(kind="paragraph", span=Span(start=0, end=len(report.body.text))),)


def _pieces(
    text: str, span: Span, quotes: list[Statement], ids: dict[str, str], speakers: dict[str, str]
) -> list[str | Inner]:
    """`text[span]` as pieces of text, with a `<q>` in place of each quote."""
    pieces: list[str | Inner] = []
    position = span.start
    for quote in quotes:
        pieces.append(text[position : quote.span.start])
        source = "; ".join(speakers[s] for s in quote.speakers) or None
        pieces.append(("nitf:q", [("id", ids[quote.id]), ("quote-source", source)], quote.text))
        position = quote.span.end
    pieces.append(text[position : span.end])
    return [piece for piece in pieces if piece]
