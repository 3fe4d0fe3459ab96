"""The body as NITF 3.6, the rendition people and agency systems read: blocks become `<p>` and
`<hl2>`, and each direct quote that lies whole inside one block is wrapped in `<q>` with its
speaker as `quote-source` and an `id` that the statement's `partMeta` points to."""

from __future__ import annotations

import bisect

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
    find = _BlockFinder(_blocks(report))
    ids: dict[str, str] = {}
    covered: list[tuple[int, int]] = []  # the spans given a <q>, in text order (they never overlap)
    n = 0
    for s in report.statements:
        if s.kind != "direct" or find.block(s.span) is None:
            continue
        after = bisect.bisect_left(covered, (s.span.end,))  # the first covered span starting at or after s ends
        if after and covered[after - 1][1] > s.span.start:  # the one before it is the only one that can overlap
            continue
        n += 1
        while f"q{n}" in taken:
            n += 1
        ids[s.id] = f"q{n}"
        covered.insert(after, (s.span.start, s.span.end))
    return ids


def nitf(out: Markup, report: NewsReport, ids: dict[str, str]) -> None:
    """Write the `<nitf>` element for the report's body."""
    assert report.body is not None
    text = report.body.text
    speakers = {p.id: p.name for p in report.participants}
    blocks = _blocks(report)
    find = _BlockFinder(blocks)
    inside: dict[int, list[Statement]] = {}
    for quote in sorted((s for s in report.statements if s.id in ids), key=lambda s: s.span.start):
        number = find.block(quote.span)
        assert number is not None  # quote_ids gives a <q> only to a quote inside a block
        inside.setdefault(number, []).append(quote)
    with out.element("nitf:nitf"), out.element("nitf:body"):
        with out.element("nitf:body.head"):
            with out.element("nitf:hedline"):
                out.leaf("nitf:hl1", (), report.headline.text)
            if report.dateline:
                out.leaf("nitf:dateline", (), report.dateline.text)
        with out.element("nitf:body.content"):
            for number, block in enumerate(blocks):
                tag = "nitf:hl2" if block.kind == "subheading" else "nitf:p"
                out.mixed(tag, (), _pieces(text, block.span, inside.get(number, []), ids, speakers))


def _blocks(report: NewsReport) -> tuple[Block, ...]:
    """The body's blocks; a body without any is one paragraph."""
    assert report.body is not None
    if report.body.blocks:
        return report.body.blocks
    return (Block(kind="paragraph", span=Span(start=0, end=len(report.body.text))),)


class _BlockFinder:
    """Which block holds a span, found by bisection (blocks are in text order and never overlap)."""

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.blocks = blocks
        self.starts = [b.span.start for b in blocks]

    def block(self, span: Span) -> int | None:
        """The number of the block that holds `span` whole, if one does.

        Only the last block starting at or before the span can: every earlier one ends before
        that block starts."""
        number = bisect.bisect_right(self.starts, span.start) - 1
        if number >= 0 and span.end <= self.blocks[number].span.end:
            return number
        return None


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
