"""NewsML-G2 → NewsReport: our own items exactly, agency items leniently, in one pass.

Native elements are read the same way whoever wrote them; our `nr:` attributes and elements,
where present, add what the standard has no slot for. Agency files vary: elements in odd
order or letter case, missing optional parts, NITF or XHTML bodies among plain-text
renditions, dates with `+0100` offsets or stray white space. Every element the reader does not
map is named in one `ReadWarning` (see `coverage`): nothing is dropped without a word.
"""

from __future__ import annotations

import re
import uuid
import warnings
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

from lxml import etree
from pydantic import ValidationError

from newsreport.converters.dates import earlier
from newsreport.converters.newsml_g2 import content, headlines, metadata
from newsreport.converters.newsml_g2.context import Context
from newsreport.converters.newsml_g2.coverage import named
from newsreport.converters.newsml_g2.events import Events
from newsreport.converters.newsml_g2.participants import KINDS, Subjects, place_type
from newsreport.converters.newsml_g2.statements import statements
from newsreport.converters.newsml_g2.xml import (
    NR,
    child,
    children,
    indexed,
    local,
    nr,
    parse,
    parse_spans,
    path,
    text_of,
)
from newsreport.errors import ReadError, ReadWarning
from newsreport.limits import read_limited
from newsreport.model import IRI_PATTERN, LANGUAGE_PATTERN, NewsReport
from newsreport.problems import problems_from

Node = dict[str, Any]
_IRI = re.compile(IRI_PATTERN)
_BLOCK_KINDS = {"p": "paragraph", "h": "subheading"}
"""The kinds of block in our `nr:blocks` tokens."""


def read(data: bytes, source: str = "<input>") -> NewsReport:
    """The report of a document holding one newsItem (alone or in a newsMessage)."""
    items = _items(parse(data, source), source)
    if len(items) != 1:
        raise ReadError(f"holds {len(items)} news items, not one", source=source, format="newsml-g2")
    return _report_of(items[0], source)


def read_items(stream: BinaryIO, source: str = "<input>") -> Iterator[NewsReport]:
    """The reports of every newsItem in a document, in order."""
    for item in _items(parse(read_limited(stream, source), source), source):
        yield _report_of(item, source)


def _report_of(item: etree._Element, source: str) -> NewsReport:
    """The report of one newsItem; markup too damaged to map is a ReadError, not a crash."""
    try:
        with indexed():
            return ItemReader(item, source).report()
    except ReadError:
        raise
    except (ValueError, IndexError, KeyError, TypeError, AttributeError) as exc:
        raise ReadError(f"cannot be mapped: {exc!r}", source=source, location=path(item), format="newsml-g2") from None


def _items(root: etree._Element, source: str) -> list[etree._Element]:
    name = local(root)
    if name == "newsitem":
        return [root]
    if name == "newsmessage":
        item_set = child(root, "itemSet")
        items = children(item_set, "newsItem") if item_set is not None else []
        others = [etree.QName(e).localname for e in items_in(item_set) if local(e) != "newsitem"]
        if others:
            message = f"{source}: skipped items that are not newsItems: {', '.join(others)}"
            warnings.warn(message, ReadWarning, stacklevel=3)
        return items
    raise ReadError(f"the root element is <{name}>, not a newsItem or newsMessage", source=source, format="newsml-g2")


def items_in(item_set: etree._Element | None) -> list[etree._Element]:
    """The elements of an itemSet."""
    return [] if item_set is None else [e for e in item_set if isinstance(e.tag, str)]


class ItemReader:
    """One newsItem being read into report data."""

    def __init__(self, item: etree._Element, source: str) -> None:
        self.ctx = Context(item, source)
        self.item = item
        self.prefix = item.get(nr("idPrefix"), "")
        self.meta = child(item, "contentMeta")
        self.item_meta = child(item, "itemMeta")
        asserts: dict[str, etree._Element] = {}
        for assertion in reversed(children(item, "assert")):
            asserts[assertion.get("literal") or assertion.get("qcode") or ""] = assertion
        self.subjects = Subjects(self.ctx, asserts)
        self.events = Events(self.ctx, self.subjects)

    def report(self) -> NewsReport:
        ctx, meta, item_meta = self.ctx, self.meta, self.item_meta
        for element in (self.item, meta, item_meta):
            ctx.coverage.enter(element)
        for element in (*children(self.item, "catalogRef"), *children(self.item, "catalog")):
            ctx.coverage.take(element)  # the schemes of the qcodes, which are kept as given
        item_class = child(item_meta, "itemClass")
        if item_class is not None and (ctx.own or item_class.get("qcode") == "ninat:text"):
            ctx.coverage.take(item_class)
        story = self.story()
        data: Node = {"id": self.guid(), "headline": headlines.headline(ctx, item_meta, meta, story)}
        data |= self.dates(story)
        text = data["headline"]["text"]
        data["alternative_headlines"] = headlines.alternative_headlines(ctx, item_meta, meta, text, story)
        data["language"] = self.language()
        data["url"] = self.web_page()
        data["version"] = metadata.version(self.item, ctx)
        data["status"] = metadata.status(item_meta, ctx)
        data["publisher"] = self.publisher()
        data["authors"] = self.agents("creator")
        data["contributors"] = self.agents("contributor")
        data["byline"] = metadata.one_text(children(meta, "by"), ctx)
        if story.byline and data["byline"] is None:
            data["byline"] = story.byline
        elif story.byline and story.byline != data["byline"]:
            ctx.skipped.append(f"a second by-line {story.byline!r}")
        credit_lines = [e for e in children(meta, "creditline") if etree.QName(e).namespace != NR]
        data["credit_line"] = metadata.one_text(credit_lines + self.own_elements(meta, "creditline"), ctx)
        data["slugline"] = metadata.one_text(children(meta, "slugline"), ctx)
        data["urgency"] = metadata.number(child(meta, "urgency"), ctx, 1, 9)
        data["descriptions"] = headlines.descriptions(ctx, meta, story)
        data["genres"] = [g for g in (metadata.concept(e, ctx) for e in children(meta, "genre")) if g]
        if not data["genres"] and story.genre:
            data["genres"] = [{"name": story.genre}]
        keywords = metadata.texts(children(meta, "keyword"), ctx)
        data["keywords"] = keywords + [k for k in dict.fromkeys(story.keywords) if k not in keywords]
        data["sections"] = metadata.texts(self.own_elements(meta, "section"), ctx)
        data["signals"] = [s for s in (metadata.concept(e, ctx) for e in children(item_meta, "signal")) if s]
        notes = (metadata.wording(e, ctx) for e in children(item_meta, "edNote"))
        data["editorial_notes"] = [n for n in notes if n]
        data["rights"] = metadata.rights(self.item, ctx)
        data["links"] = metadata.links(item_meta, ctx)
        data["free_access"] = metadata.free_access(item_meta, ctx)
        data["drafted_by"] = metadata.drafted_by(item_meta, ctx)
        data["media"] = metadata.media(meta, ctx) + content.media(child(self.item, "contentSet"), ctx.coverage)
        participants, events, subjects = self.classify()
        data["subjects"] = subjects + self.slugline_topics(story)
        data["dateline"] = self.dateline(story)
        data["event"], data["referenced_events"] = self.events.event_tree(events)
        data["participants"] = participants + self.subjects.extra_places
        data["statements"] = statements(ctx, self.subjects, self.prefix)
        data["body"] = story.body
        if not ctx.own and data["dateline"] and story.body:
            data["dateline"]["span"] = _printed_at(data["dateline"]["text"], story.body)
        unmapped = ctx.coverage.unmapped(self.item)
        if unmapped:
            ctx.skipped.append(named(unmapped))
        if ctx.skipped:
            warnings.warn(f"{ctx.source}: not mapped: {', '.join(ctx.skipped)}", ReadWarning, stacklevel=4)
        if ctx.notes:
            warnings.warn(f"{ctx.source}: {'; '.join(ctx.notes)}", ReadWarning, stacklevel=4)
        try:
            return NewsReport.model_validate(data)
        except ValidationError as exc:
            first, *rest = problems_from(exc, data)
            more = f" (and {len(rest)} more)" if rest else ""
            location = f"{path(self.read_from(first.path))}: report {first.path}"
            raise ReadError(first.message + more, source=ctx.source, location=location, format="newsml-g2") from None

    def read_from(self, at: str) -> etree._Element:
        """The element that the report's part at JSON path `at` (or the nearest part holding
        it) was read from; the item itself if none is known."""
        places = self.ctx.places
        while at not in places:
            shorter = re.sub(r"(\.\w+|\[\d+\])$", "", at)
            if shorter == at:
                break
            at = shorter
        return places.get(at, self.item)

    def own_elements(self, parent: etree._Element | None, name: str) -> list[etree._Element]:
        """Our `nr:` children of `parent` called `name`."""
        return [e for e in children(parent, name) if etree.QName(e).namespace == NR]

    # Metadata ---------------------------------------------------------------------------------

    def guid(self) -> str:
        guid = (self.item.get("guid") or "").strip()
        if _IRI.match(guid):
            return guid
        if not guid:
            raise ReadError("the newsItem has no guid", source=self.ctx.source, location=path(self.item))
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsml-g2-guid:' + guid)}"

    def dates(self, story: content.Story) -> Node:
        """Content and item times; an agency's item times stand in for missing content times."""
        ctx, meta, item_meta = self.ctx, self.meta, self.item_meta
        found = {
            "published": ctx.moment(child(meta, "contentCreated"), "$.published"),
            "modified": ctx.moment(child(meta, "contentModified"), "$.modified"),
            "first_created": ctx.moment(child(item_meta, "firstCreated"), "$.first_created"),
            "embargoed_until": ctx.moment(child(item_meta, "embargoed"), "$.embargoed_until"),
        }
        version_created = child(item_meta, "versionCreated")
        found["version_created"] = ctx.moment(version_created, "$.version_created")
        if ctx.own:
            if version_created is not None and version_created.get(nr("derived")) == "true":
                found["version_created"] = None  # the writer made it up from the report's dates
            return found
        printed = ctx.moment_text(story.published) if story.published else None
        if printed and found["published"] and printed != found["published"]:
            ctx.skipped.append(f"the printed publication time {story.published!r}")
        found["published"] = found["published"] or found["first_created"] or printed
        found["modified"] = found["modified"] or found["version_created"]
        created, modified = found["published"], found["modified"]
        if created and modified and earlier(_moment(modified), _moment(created)):
            ctx.notes.append(f"kept a modification date {modified} that is before publication {created}")
        return found

    def language(self) -> str | None:
        element = child(self.meta, "language")
        tag = element.get("tag") if element is not None else self.item.get("{http://www.w3.org/XML/1998/namespace}lang")
        self.ctx.coverage.take(element)
        if tag and re.match(LANGUAGE_PATTERN, tag.strip()):
            return tag.strip()
        if tag:
            self.ctx.skipped.append(f"language {tag!r}")
        return None

    def web_page(self) -> str | None:
        for link in children(self.item_meta, "link"):
            if link.get("rel") == "nrrel:webPage":
                self.ctx.coverage.take(link)
                return link.get("href")
        return None

    def publisher(self) -> Node | None:
        provider = child(self.item_meta, "provider")
        if provider is None:
            return None
        if self.ctx.own and provider.get("literal") == "newsreport" and child(provider, "name") is None:
            self.ctx.coverage.take(provider)  # what the writer puts when no publisher is known
            return None
        return metadata.agent(provider, self.ctx)

    def agents(self, tag: str) -> list[Node]:
        found = (metadata.agent(e, self.ctx) for e in children(self.meta, tag))
        return [a for a in found if a]

    def classify(self) -> tuple[list[Node], list[etree._Element], list[Node]]:
        """Participants (in document order), event subjects, and the other subjects (topics).
        Ours are participants or events when they carry a `literal` (their local id); an
        agency's by their type."""
        ctx = self.ctx
        participants: list[tuple[etree._Element, str, str, str]] = []
        events: list[etree._Element] = []
        topics: list[Node] = []
        for subject in children(self.meta, "subject"):
            subject_type = (subject.get("type") or "").lower()
            kind = KINDS.get(subject_type)
            is_event = subject_type == "cpnat:event"
            name = self.subjects.name_of(subject) if kind or is_event else None
            if (ctx.own and subject.get("literal") is None) or (not ctx.own and name is None):
                ctx.places[f"$.subjects[{len(topics)}]"] = subject
                topic = metadata.concept(subject, ctx, subject=True)
                if topic:
                    topics.append(topic)
                continue
            if name is None:  # ours, with a local id but of no kind we write
                ctx.skipped.append(f"subject {subject.get('literal')} ({subject.get('type') or 'no type'})")
                continue
            local_id = self.subjects.new_id(self.subjects.key(subject), name)
            if kind is None:
                events.append(subject)
            else:
                participants.append((subject, kind, local_id, name))
                if not ctx.own and kind == "place":
                    self.subjects.place_names.setdefault(name, local_id)
                if not ctx.own and kind == "place" and subject.get("qcode") and place_type(subject) == "country":
                    self.subjects.countries[subject.get("qcode") or ""] = local_id
        for number, (subject, *_) in enumerate(participants):
            ctx.places[f"$.participants[{number}]"] = subject
        found = [self.subjects.participant(s, kind, local_id, name) for s, kind, local_id, name in participants]
        return found, events, topics

    def slugline_topics(self, story: content.Story) -> list[Node]:
        """The topics dpa's XHTML slugline lists that no subject of the item gives."""
        given = {s.get("qcode") for s in children(self.meta, "subject")}
        found = []
        for qcode, name in dict.fromkeys(story.topics):
            parts = metadata.qcode_parts(qcode)
            if qcode not in given and parts:
                found.append({"scheme": parts[0], "code": parts[1], "name": name})
        return found

    def dateline(self, story: content.Story) -> Node | None:
        ctx, meta = self.ctx, self.meta
        element = child(meta, "dateline")
        located = child(meta, "located")
        place = self.subjects.place_of(located) if located is not None else None  # a place it names, at least
        printed = element is not None and (ctx.own or text_of(element).strip())
        if not printed:  # some agencies put it only in the NITF head
            return {"text": story.dateline, "place": place} if story.dateline else None
        assert element is not None
        ctx.places["$.dateline"] = element
        ctx.coverage.take(element)
        spans = self.subjects.spans(element, "span")
        date = None
        for prop in children(meta, "contentMetaExtProperty"):
            if prop.get("rel") == "nrrel:datelineDate":
                ctx.places["$.dateline.date"] = prop
                note = child(meta, "datelineDateNote")
                ctx.coverage.take(prop)
                ctx.coverage.take(note)
                date = self.events.partial_date(prop.get("value", ""), prop, note)
        return {"text": ctx.clean(text_of(element)), "span": spans[0] if spans else None, "place": place, "date": date}

    # Body -------------------------------------------------------------------------------------

    def story(self) -> content.Story:
        """The body: ours exactly from the plain-text rendition (the NITF one mirrors it), an
        agency's from the rendition that carries the story."""
        content_set = child(self.item, "contentSet")
        if content_set is None:
            return content.Story()
        if not self.ctx.own:
            return content.story(content_set, self.ctx.coverage)
        self.ctx.coverage.take(content_set)
        plain = next((d for d in children(content_set, "inlineData") if "text" in (d.get("contenttype") or "")), None)
        if plain is None:
            return content.Story()
        self.ctx.places["$.body"] = plain
        blocks = []
        for token in (plain.get(nr("blocks")) or "").split():
            kind, _, span = token.partition(":")
            try:
                spans = parse_spans(span) if kind in _BLOCK_KINDS else []
            except ValueError:
                spans = []
            if len(spans) != 1:
                problem = f"nr:blocks: {token!r} is not a block (p:START-END or h:START-END)"
                raise ReadError(problem, source=self.ctx.source, location=path(plain), format="newsml-g2")
            blocks.append({"kind": _BLOCK_KINDS[kind], "span": spans[0]})
        origin = plain.get(nr("origin"), "source")
        return content.Story(body={"text": text_of(plain), "blocks": blocks, "origin": origin})


def _printed_at(dateline: str, body: Node) -> Node | None:
    """Where an agency's dateline stands in its body: at the start of a block, if one opens with it."""
    for block in body["blocks"]:
        start = block["span"]["start"]
        if body["text"].startswith(dateline, start):
            return {"start": start, "end": start + len(dateline)}
    return None


def _moment(value: str) -> date:
    """An ISO date or date-time as the object it names."""
    return date.fromisoformat(value) if len(value) <= 10 else datetime.fromisoformat(value)
