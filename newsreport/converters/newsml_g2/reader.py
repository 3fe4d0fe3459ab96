"""NewsML-G2 → NewsReport: our own items exactly, agency items leniently, in one pass.

Native elements are read the same way whoever wrote them; our `nr:` attributes and elements,
where present, add what the standard has no slot for. Agency files vary: elements in odd
order or letter case, missing optional parts, NITF or XHTML bodies, dates with `+0100`
offsets or stray white space. What cannot be mapped is named in one `ReadWarning`.
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

from newsreport.converters.dates import earlier, lenient_date, only_looks_like_a_date
from newsreport.converters.local_ids import LocalIds
from newsreport.converters.newsml_g2.xml import (
    NR,
    XML_LANG,
    child,
    children,
    local,
    nr,
    parse,
    parse_spans,
    path,
    text_of,
)
from newsreport.errors import ReadError, ReadWarning
from newsreport.limits import nesting_problem, read_limited
from newsreport.model import IRI_PATTERN, LANGUAGE_PATTERN, LOCAL_ID_PATTERN, NewsReport
from newsreport.problems import problems_from

Node = dict[str, Any]
_KINDS = {
    "cpnat:person": "person",
    "cpnat:organisation": "organization",
    "cpnat:geoarea": "place",
    "cpnat:poi": "place",
}
_LOCAL_ID = re.compile(LOCAL_ID_PATTERN)
_IRI = re.compile(IRI_PATTERN)
_PARTIAL_DATE = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?", re.ASCII | re.DOTALL)
"""A date at reduced precision, perhaps with a time (which an event's date leaves out)."""
_MAPPED = {
    "contentcreated",
    "contentmodified",
    "located",
    "creator",
    "language",
    "subject",
    "headline",
    "dateline",
    "contentmetaextproperty",
    "datelinedatenote",
}
_BLOCK_KINDS = {"p": "paragraph", "h": "subheading"}
"""The kinds of block in our `nr:blocks` tokens."""
_BLOCK_TAGS = {"p": "paragraph", "hl2": "subheading", "h2": "subheading", "h3": "subheading", "h4": "subheading"}


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
        return _Item(item, source).report()
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
        others = [local(e) for e in (item_set if item_set is not None else []) if local(e) not in ("newsitem", "")]
        if others:
            warnings.warn(
                f"{source}: skipped items that are not newsItems: {', '.join(others)}", ReadWarning, stacklevel=3
            )
        return items
    raise ReadError(f"the root element is <{name}>, not a newsItem or newsMessage", source=source, format="newsml-g2")


class _Item:
    def __init__(self, item: etree._Element, source: str) -> None:
        self.item = item
        self.source = source
        self.own = NR in item.nsmap.values()
        self.prefix = item.get(nr("idPrefix"), "")
        self.meta = child(item, "contentMeta")
        self.asserts: dict[str, etree._Element] = {}
        for assertion in reversed(children(item, "assert")):
            self.asserts[assertion.get("literal") or assertion.get("qcode") or ""] = assertion
        self.skipped: list[str] = []
        self.ids: dict[str, str] = {}  # subject key (literal, qcode or name) -> local id
        self.taken = LocalIds()  # the local ids in `ids`
        self.subjects: list[etree._Element] = []
        self.places: dict[str, etree._Element] = {}  # JSON path in the report -> the element it was read from

    def where(self, element: etree._Element) -> str:
        return path(element)

    def spans(self, element: etree._Element, attribute: str) -> list[dict[str, int]]:
        """The spans in one of our `nr:` attributes of an element."""
        try:
            return parse_spans(element.get(nr(attribute)))
        except ValueError as exc:
            raise ReadError(f"nr:{attribute}: {exc}", source=self.source, location=self.where(element)) from None

    def clean(self, text: str) -> str:
        """Our own text exactly; an agency's with its layout white space folded."""
        return text if self.own else " ".join(text.split())

    def report(self) -> NewsReport:
        meta = self.meta
        data: Node = {"id": self.guid(), "headline": self.headline()}
        data["published"], data["modified"] = self.dates()
        data["language"] = self.language()
        data["url"] = next(
            (
                link.get("href")
                for link in children(child(self.item, "itemMeta"), "link")
                if link.get("rel") == "nrrel:webPage"
            ),
            None,
        )
        data["authors"] = [self.party(c) for c in children(meta, "creator")] if meta is not None else []
        provider = child(child(self.item, "itemMeta"), "provider")
        if provider is not None and child(provider, "name") is not None:
            data["publisher"] = self.party(provider)
        participants, events = self.subjects_of(meta)
        data["dateline"] = self.dateline()
        data["event"], data["referenced_events"] = self.event_tree(events)
        data["participants"] = participants + self.extra_places  # places only `located` or an event names
        data["statements"] = self.statements()
        data["body"] = self.body()
        if meta is not None:
            self.skipped += [f"<{local(e)}>" for e in meta if isinstance(e.tag, str) and local(e) not in _MAPPED]
        if self.skipped:
            warnings.warn(f"{self.source}: not mapped: {', '.join(self.skipped)}", ReadWarning, stacklevel=4)
        try:
            return NewsReport.model_validate(data)
        except ValidationError as exc:
            first, *rest = problems_from(exc, data)
            more = f" (and {len(rest)} more)" if rest else ""
            location = f"{self.where(self.read_from(first.path))}: report {first.path}"
            raise ReadError(first.message + more, source=self.source, location=location, format="newsml-g2") from None

    def read_from(self, at: str) -> etree._Element:
        """The element that the report's part at JSON path `at` (or the nearest part holding
        it) was read from; the item itself if none is known."""
        while at not in self.places:
            shorter = re.sub(r"(\.\w+|\[\d+\])$", "", at)
            if shorter == at:
                break
            at = shorter
        return self.places.get(at, self.item)

    # Metadata ---------------------------------------------------------------------------------

    def guid(self) -> str:
        guid = (self.item.get("guid") or "").strip()
        if _IRI.match(guid):
            return guid
        if not guid:
            raise ReadError("the newsItem has no guid", source=self.source, location=self.where(self.item))
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsml-g2-guid:' + guid)}"

    def headline(self) -> Node:
        """The headline; an item without one gets the best stand-in it offers, marked `editorial`."""
        element = child(self.meta, "headline")
        if element is not None and (self.own or text_of(element).strip()):
            self.places["$.headline"] = element
            return {"text": self.clean(text_of(element)), "origin": element.get(nr("origin"), "source")}
        stand_ins = [
            ("the body's heading", self.find_body("hl1") or self.find_body("h1") or self.find_body("title")),
            ("the slugline", child(self.meta, "slugline")),
            ("the item's title", child(child(self.item, "itemMeta"), "title")),
            ("the description", child(self.meta, "description")),
        ]
        texts = ((what, " ".join(text_of(found).split())) for what, found in stand_ins)
        what, text = next(((what, text) for what, text in texts if text), ("", ""))
        if not text:
            names = [" ".join(text_of(child(e, "name")).split()) for e in self.inline_events()]
            what, text = ("the events' names", "; ".join(n for n in names if n)) if names else ("", "")
        if not text:
            what, text = "nothing (no headline, heading, slugline, title or description)", "Untitled news item"
        self.skipped.append(f"a headline (the report's is made from {what})")
        return {"text": text, "origin": "editorial"}

    def inline_events(self) -> list[etree._Element]:
        """Events listed in the content itself (an event-listing item's `events/event`)."""
        content_set = child(self.item, "contentSet")
        if content_set is None:
            return []
        return [e for e in content_set.iter() if isinstance(e.tag, str) and local(e) == "event"]

    def dates(self) -> tuple[str | None, str | None]:
        meta, item_meta = self.meta, child(self.item, "itemMeta")
        created = self.date(child(meta, "contentCreated"), "$.published")
        modified = self.date(child(meta, "contentModified"), "$.modified")
        if self.own:
            return created, modified
        created = created or self.date(child(item_meta, "firstCreated"), "$.published")
        modified = modified or self.date(child(item_meta, "versionCreated"), "$.modified")
        if created and modified and earlier(_moment(modified), _moment(created)):
            self.skipped.append(f"a modification date {modified} before publication {created}")
            modified = None
        return created, modified

    def date(self, element: etree._Element | None, at: str) -> str | None:
        """The date or date-time an element holds, as the report's part at JSON path `at`: our
        own exactly (the model judges it), an agency's in any spelling `lenient_date` knows."""
        if element is None or not text_of(element).strip():
            return None
        raw = text_of(element)
        parsed = None if self.own or only_looks_like_a_date(raw) else lenient_date(raw)
        name = etree.QName(element).localname
        if not self.own and parsed is None:
            self.skipped.append(f"<{name}> {raw.strip()!r} (not a date)")
            return None
        if not self.own and not isinstance(parsed, datetime) and len(raw.strip()) > 10:
            self.skipped.append(f"the time of <{name}> {raw.strip()!r} (no UTC offset, so only its day is kept)")
        self.places[at] = element
        return raw if parsed is None else parsed.isoformat()

    def language(self) -> str | None:
        element = child(self.meta, "language")
        tag = element.get("tag") if element is not None else self.item.get(XML_LANG)
        if tag and re.match(LANGUAGE_PATTERN, tag.strip()):
            return tag.strip()
        if tag:
            self.skipped.append(f"language {tag!r}")
        return None

    def party(self, element: etree._Element) -> Node:
        name = child(element, "name")
        text = self.clean(text_of(name)) if name is not None else element.get("literal") or element.get("qcode") or ""
        uri = element.get("uri")
        return {"kind": element.get(nr("kind")), "name": text, "url": uri if uri and _IRI.match(uri) else None}

    def dateline(self) -> Node | None:
        element = child(self.meta, "dateline")
        if element is None and not self.own:
            element = self.find_body("dateline")  # some agencies put it only in the NITF head
        located = child(self.meta, "located")
        place = self.place_of(located) if located is not None else None
        if element is None or not (self.own or text_of(element).strip()):
            return None
        self.places["$.dateline"] = element
        spans = self.spans(element, "span")
        date = None
        for prop in children(self.meta, "contentMetaExtProperty"):
            if prop.get("rel") == "nrrel:datelineDate":
                self.places["$.dateline.date"] = prop
                date = self.partial_date(prop.get("value", ""), prop, child(self.meta, "datelineDateNote"))
        return {"text": self.clean(text_of(element)), "span": spans[0] if spans else None, "place": place, "date": date}

    def place_of(self, located: etree._Element) -> str | None:
        """The place participant a `located` names, added if no subject names it."""
        key = self.key(located)
        if key in self.ids:
            return self.ids[key]
        name = self.clean(text_of(child(located, "name")))
        if not name:
            return None
        local_id = self.new_id(key, name)
        self.extra_places.append({"id": local_id, "kind": "place", "name": name})
        return local_id

    # Subjects ---------------------------------------------------------------------------------

    def key(self, element: etree._Element) -> str:
        return element.get("literal") or element.get("qcode") or element.get("uri") or text_of(child(element, "name"))

    def new_id(self, key: str, name: str) -> str:
        """The local id for a subject: its literal when that is a valid id, else one made from its name."""
        if self.own or (_LOCAL_ID.match(key) and key not in self.taken):
            local_id = self.taken.claim(key)
        else:
            local_id = self.taken.from_name(name, "subject")
        self.ids[key] = local_id
        return local_id

    def subjects_of(self, meta: etree._Element | None) -> tuple[list[Node], list[etree._Element]]:
        """Participants (in document order) and event subjects."""
        self.extra_places: list[Node] = []
        participants, events = [], []
        subjects = children(meta, "subject") if meta is not None else []
        for subject in subjects:
            kind = _KINDS.get((subject.get("type") or "").lower())
            is_event = (subject.get("type") or "").lower() == "cpnat:event"
            name = self.name_of(subject)
            if (kind is None and not is_event) or name is None:
                label = subject.get("qcode") or subject.get("literal") or text_of(child(subject, "name")).strip()
                why = "no name" if kind or is_event else subject.get("type") or "no type"
                self.skipped.append(f"subject {label} ({why})")
                continue
            local_id = self.new_id(self.key(subject), name)
            if kind is None:
                events.append(subject)
            else:
                participants.append((subject, kind, local_id, name))
        for number, (subject, *_) in enumerate(participants):
            self.places[f"$.participants[{number}]"] = subject
        return [self.participant(s, kind, local_id, name) for s, kind, local_id, name in participants], events

    def name_of(self, subject: etree._Element) -> str | None:
        """A subject's name: its own `<name>`, else that of the `assert` about it (as AP sends them)."""
        sources = [subject, self.asserts.get(self.key(subject))]
        for source in (s for s in sources if s is not None):
            name = next((n for n in children(source, "name") if n.get("role") != "nrname:other"), None)
            if name is not None and (self.own or text_of(name).strip()):
                return self.clean(text_of(name))
        return None

    def ref(self, element: etree._Element) -> str:
        return self.ids.get(self.key(element), self.key(element))

    def participant(self, subject: etree._Element, kind: str, local_id: str, name: str) -> Node:
        names = children(subject, "name")
        data: Node = {
            "id": local_id,
            "kind": kind,
            "name": name,
            "other_names": [
                {"text": text_of(n), "language": n.get(XML_LANG)} for n in names if n.get("role") == "nrname:other"
            ],
            "identifiers": self.identifiers(subject),
            "mentions": self.spans(subject, "spans"),
        }
        related = [(r.get("rel"), r) for r in children(subject, "related")]
        country = next((self.ref(r) for rel, r in related if rel == "nrrel:country"), None)
        if kind == "place":
            data["place_type"] = subject.get(nr("placeType"), "other")
        if kind == "person":
            data["titles"] = [
                {
                    "text": text_of(child(r, "name")),
                    "organization": self.ref(r) if r.get("literal") else None,
                    "mentions": self.spans(r, "spans"),
                }
                for rel, r in related
                if rel == "nrrel:title"
            ]
            data["affiliations"] = [self.ref(r) for rel, r in related if rel == "nrrel:affiliation"]
        data["country"] = country
        return data

    def identifiers(self, subject: etree._Element) -> list[Node]:
        codes = [s.get("qcode") or "" for s in children(subject, "sameAs")]
        if not self.own:
            codes.insert(0, subject.get("qcode") or "")
        found = []
        for code in codes:
            scheme, _, value = code.partition(":")
            if self.own or (scheme == "wikidata" and re.fullmatch(r"Q[1-9][0-9]*", value)):
                found.append({"scheme": scheme, "value": value})
        return found

    # Events -----------------------------------------------------------------------------------

    def event_tree(self, subjects: list[etree._Element]) -> tuple[Node | None, list[Node]]:
        """The report's event (with sub-events) and the referenced events."""
        by_id = {self.ids[self.key(s)]: s for s in subjects}
        # A referenced event says so (ours), or is any but the first (an agency's).
        is_referenced = [bool(s.get(nr("relation"))) or (not self.own and n > 0) for n, s in enumerate(subjects)]
        referenced = [s for s, yes in zip(subjects, is_referenced, strict=True) if yes]
        covered = [s for s, yes in zip(subjects, is_referenced, strict=True) if not yes]
        links = {self.ids[self.key(s)]: self.sub_event_links(s, by_id) for s in covered}
        subs = {sub for found in links.values() for sub in found}
        roots = [s for s in covered if self.ids[self.key(s)] not in subs]
        if len(roots) > 1:
            raise ReadError(
                "a second covered event (only one may be)", source=self.source, location=self.where(roots[1])
            )
        problem = nesting_problem(
            {e: list(found) for e, found in links.items()}, [self.ids[self.key(s)] for s in roots]
        )
        if problem:
            chain, what = problem
            raise ReadError(what, source=self.source, location=self.where(links[chain[-2]][chain[-1]]))
        main = self.event(roots[0], by_id, links, "$.event") if roots else None
        listed = [] if self.own else [e for e in (self.listed_event(e) for e in self.inline_events()) if e]
        referenced_events = [
            self.event(s, by_id, links, f"$.referenced_events[{n}]", referenced=True) for n, s in enumerate(referenced)
        ]
        return main, referenced_events + listed

    def sub_event_links(self, subject: etree._Element, by_id: dict[str, etree._Element]) -> dict[str, etree._Element]:
        """The sub-events a subject names, each with the `related` element that names it."""
        found: dict[str, etree._Element] = {}
        for related in children(subject, "related"):
            if related.get("rel") == "nrrel:subEvent":
                sub = self.ref(related)
                if sub not in by_id:
                    raise ReadError(f"no event subject {sub!r}", source=self.source, location=self.where(related))
                found.setdefault(sub, related)
        return found

    def listed_event(self, element: etree._Element) -> Node | None:
        """An event an event-listing item carries in its content, as a referenced event."""
        name = " ".join(text_of(child(element, "name")).split())
        if not name:
            return None
        details = child(element, "eventDetails")
        start = child(child(details, "dates"), "start")
        location = child(details, "location")
        place = self.place_of(location) if location is not None else None
        date = self.partial_date(text_of(start), start, None) if start is not None else None
        local_id = self.new_id(f"event:{name}", name)
        return {"id": local_id, "kind": "event", "name": name, "date": date, "place": place, "relation": "related"}

    def event(
        self,
        subject: etree._Element,
        by_id: dict[str, etree._Element],
        links: dict[str, dict[str, etree._Element]],
        at: str,
        referenced: bool = False,
    ) -> Node:
        """An event subject as model data at JSON path `at`, with its sub-events (their nesting
        was checked: no cycle, no deeper than the limit)."""
        self.places[at] = subject
        local_id = self.ids[self.key(subject)]
        related = [(r.get("rel") or "", r) for r in children(subject, "related")]
        kind = next((r.get("qcode", "").removeprefix("nrevent:") for rel, r in related if rel == "nrrel:kind"), "event")
        data: Node = {
            "id": local_id,
            "kind": kind,
            "name": self.name_of(subject),
            "date": self.event_date(subject, at),
            "place": next((self.ref(r) for rel, r in related if rel == "nrrel:location"), None),
            "participations": [
                {"participant": self.ref(r), "role": rel.removeprefix("nrrole:") if rel.startswith("nrrole:") else None}
                for rel, r in related
                if rel.startswith("nrrole:") or rel == "nrrel:participant"
            ],
            "mentions": self.spans(subject, "spans"),
        }
        if referenced:
            data["relation"] = subject.get(nr("relation"), "related")
            data["cited_by"] = [r.get("literal", "") for rel, r in related if rel == "nrrel:citedBy"]
        else:
            data["sub_events"] = [
                self.event(by_id[sub], by_id, links, f"{at}.sub_events[{n}]")
                for n, sub in enumerate(links.get(local_id, {}))
            ]
        return data

    def event_date(self, subject: etree._Element, at: str) -> Node | None:
        details = child(self.asserts.get(self.key(subject)), "eventDetails")
        start = child(child(details, "dates"), "start")
        if start is None:
            return None
        self.places[f"{at}.date"] = start
        return self.partial_date(text_of(start), start, child(details, "dateNote"))

    def partial_date(self, value: str, marked: etree._Element, note: etree._Element | None) -> Node | None:
        """A date at reduced precision: our own exactly (the model judges it), an agency's day,
        month or year (a time after it left out)."""
        match = None if self.own else _PARTIAL_DATE.fullmatch(value.strip())
        if match is None and not self.own:
            self.skipped.append(f"date {value.strip()!r}")
            return None
        inferred = (marked.get(nr("inferred")) or "").split()
        note_text = text_of(note) if note is not None else None
        return {"value": match[1] if match else value, "inferred": inferred, "note": note_text}

    # Statements and body ----------------------------------------------------------------------

    def prefixed(self, part_id: str) -> str:
        """A statement id without the prefix a newsMessage gave it to keep ids unique."""
        return part_id.removeprefix(self.prefix)

    def statements(self) -> list[Node]:
        found: list[Node] = []
        for part in children(self.item, "partMeta"):
            role_element = child(part, "role")
            role = role_element.get("qcode", "") if role_element is not None else ""
            if not role.startswith("nrstmt:"):
                self.skipped.append(f"partMeta {part.get('partid') or ''} (not a statement)")
                continue
            self.places[f"$.statements[{len(found)}]"] = part
            spans = self.spans(part, "span")
            verb = child(part, "reportingVerb")
            verb_spans = self.spans(verb, "span") if verb is not None else []
            found.append(
                {
                    "id": self.prefixed(part.get("partid", "")),
                    "kind": role.removeprefix("nrstmt:"),
                    "speakers": [self.ref(s) for s in children(part, "infoSource") if s.get("role") == "nrrel:speaker"],
                    "text": text_of(child(part, "description")),
                    "span": spans[0] if spans else None,
                    "reporting_verb": {"text": text_of(verb), "span": verb_spans[0]} if verb is not None else None,
                    "event": part.get(nr("event")),
                    "about": [self.ref(s) for s in children(part, "subject")],
                }
            )
        return found

    def find_body(self, name: str) -> etree._Element | None:
        content_set = child(self.item, "contentSet")
        if content_set is None:
            return None
        return next((e for e in content_set.iter() if isinstance(e.tag, str) and local(e) == name), None)

    def body(self) -> Node | None:
        content_set = child(self.item, "contentSet")
        if content_set is None:
            return None
        plain = next((d for d in children(content_set, "inlineData") if "text" in (d.get("contenttype") or "")), None)
        if plain is not None and (self.own or text_of(plain).strip()):
            self.places["$.body"] = plain
            blocks = []
            for token in (plain.get(nr("blocks")) or "").split():
                kind, _, span = token.partition(":")
                try:
                    spans = parse_spans(span) if kind in _BLOCK_KINDS else []
                except ValueError:
                    spans = []
                if len(spans) != 1:
                    problem = f"nr:blocks: {token!r} is not a block (p:START-END or h:START-END)"
                    raise ReadError(problem, source=self.source, location=self.where(plain), format="newsml-g2")
                blocks.append({"kind": _BLOCK_KINDS[kind], "span": spans[0]})
            return {"text": text_of(plain), "blocks": blocks}
        markup = next(iter(children(content_set, "inlineXML")), None)
        if markup is None:
            return None
        self.places["$.body"] = markup
        return _blocks_of(markup)


def _blocks_of(markup: etree._Element) -> Node | None:
    """The text and blocks of an NITF or XHTML body: each paragraph or subheading one block."""
    container = next(
        (e for e in markup.iter() if isinstance(e.tag, str) and local(e) in ("body.content", "body")), markup
    )
    pieces: list[tuple[str, str]] = []
    for element in container.iter():
        kind = _BLOCK_TAGS.get(local(element)) if isinstance(element.tag, str) else None
        if kind:
            text = " ".join(text_of(element).split())
            if text:
                pieces.append((kind, text))
    if not pieces:
        return None
    text, blocks = "", []
    for kind, piece in pieces:
        if text:
            text += "\n\n"
        blocks.append({"kind": kind, "span": {"start": len(text), "end": len(text) + len(piece)}})
        text += piece
    return {"text": text, "blocks": blocks}


def _moment(value: str) -> date:
    """An ISO date or date-time as the object it names."""
    return date.fromisoformat(value) if len(value) <= 10 else datetime.fromisoformat(value)
