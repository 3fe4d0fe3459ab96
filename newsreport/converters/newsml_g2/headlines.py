"""The headline of an item, and its other headlines and descriptions: from contentMeta first,
then from what the body prints (an XHTML `h1`, an NITF `hl1`, an abstract or teaser)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from newsreport.converters.newsml_g2.content import Story, folded
from newsreport.converters.newsml_g2.context import Context
from newsreport.converters.newsml_g2.events import inline_events
from newsreport.converters.newsml_g2.metadata import wording
from newsreport.converters.newsml_g2.xml import child, children, nr, text_of

Node = dict[str, Any]


def main_headline(ctx: Context, meta: etree._Element | None) -> etree._Element | None:
    """The first headline without a role: the others are alternative headlines."""
    for element in children(meta, "headline"):
        roleless = element.get("role") is None and element.get(nr("role")) is None
        if roleless and (ctx.own or text_of(element).strip()):
            return element
    return None


def headline(ctx: Context, item_meta: etree._Element | None, meta: etree._Element | None, story: Story) -> Node:
    """The headline; an item without one gets the one its body prints, else the best
    stand-in it offers, marked `editorial`."""
    element = main_headline(ctx, meta)
    if element is not None:
        ctx.places["$.headline"] = element
        ctx.coverage.take(element)
        return {"text": ctx.clean(text_of(element)), "origin": element.get(nr("origin"), "source")}
    if story.heading:
        return {"text": story.heading, "origin": "source"}
    stand_ins = [
        ("the body's title", story.titles[0] if story.titles else ""),
        ("the slugline", folded(child(meta, "slugline"))),
        ("the item's title", folded(child(item_meta, "title"))),
        ("the description", folded(child(meta, "description"))),
    ]
    what, text = next(((what, text) for what, text in stand_ins if text), ("", ""))
    if not text:
        names = [folded(child(e, "name")) for e in inline_events(ctx.item)]
        what, text = ("the events' names", "; ".join(n for n in names if n)) if names else ("", "")
    if not text:
        what, text = "nothing (no headline, heading, slugline, title or description)", "Untitled news item"
    ctx.skipped.append(f"a headline (the report's is made from {what})")
    return {"text": text, "origin": "editorial"}


def alternative_headlines(
    ctx: Context, item_meta: etree._Element | None, meta: etree._Element | None, headline: str, story: Story
) -> list[Node]:
    """Headlines with a role, further ones, and those the body prints that differ from the headline."""
    main = main_headline(ctx, meta)
    found = [wording(e, ctx) for e in children(meta, "headline") if e is not main]
    wordings = [w for w in found if w]
    for title in children(item_meta, "title"):  # the item's title, as agencies use it
        given = wording(title, ctx)
        if given and given["text"] != headline and all(w["text"] != given["text"] for w in wordings):
            wordings.append(given)
    for text in (story.heading, *story.titles):
        if text and text != headline and all(w["text"] != text for w in wordings):
            wordings.append({"text": text})
    return wordings


def descriptions(ctx: Context, meta: etree._Element | None, story: Story) -> list[Node]:
    """The item's descriptions, and the abstract or teaser its body prints if it differs."""
    found = [wording(e, ctx) for e in children(meta, "description")]
    wordings = [w for w in found if w]
    for text in story.descriptions:
        if all(w["text"] != text for w in wordings):
            wordings.append({"text": text})
    return wordings
