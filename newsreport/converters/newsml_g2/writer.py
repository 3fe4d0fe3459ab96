"""NewsReport → NewsML-G2 2.35 newsItem (power conformance), valid against IPTC's XSD.

Native elements carry everything they can: guid and `version`, item times (`versionCreated`,
`firstCreated`, `embargoed`), `pubStatus`, the program that drafted the report as a `generator`
(role `nrrel:draft`, its version as `versioninfo`; the pipeline it ran as a second one, role
`nrrel:draftPipeline`), `edNote`, `signal`, `link`s, `rightsInfo`; content
times, `urgency`, `located`, `creator` and `contributor`, `language`, `genre`, `keyword`, topics
as `subject`s with their QCodes and names (see `described`), `slugline`, `headline`s, `dateline`,
`by`, `creditline`, `description`s; participants and events as `subject`s (`cpnat:person`,
`cpnat:organisation`, `cpnat:geoArea`, `cpnat:event`) linked by `related` and identified by
`literal` (local ids), event dates in `assert/eventDetails`, statements as `partMeta` (role,
speakers as `infoSource`, text as `description`, topics as `subject`), and the body twice in
`contentSet`: as NITF with `<q>` around direct quotes, and as the exact text (`inlineData`),
which is what every span indexes. Our own namespace (`nr:`) adds only what has no native slot:
spans, kinds of place, inference marks and notes, a referenced event's relation, the headline's
origin, the reporting verb and the words naming the speaker (`nr:source`), sections, media, a
credit line with line breaks, free access (an `itemMetaExtProperty`), a value that is no QCode
where one is wanted, and marks on what the XSD makes us write though the report lacks it
(`nr:derived` on a made-up `versionCreated`, `nr:day` on a day written as midnight).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import BinaryIO

from newsreport.converters.newsml_g2 import described
from newsreport.converters.newsml_g2.described import Aliases
from newsreport.converters.newsml_g2.markup import Markup
from newsreport.converters.newsml_g2.nitf import nitf, quote_ids
from newsreport.converters.newsml_g2.xml import (
    ID_SCHEME,
    IPTC_ALIASES,
    IPTC_CATALOG,
    NAR,
    NSMAP,
    SCHEMES,
    span_value,
    spans_value,
)
from newsreport.errors import WriteError
from newsreport.limits import max_document_bytes
from newsreport.model import (
    Event,
    NewsReport,
    PartialDate,
    Person,
    Place,
    ReferencedEvent,
    _EventBase,
    _Participant,
)

_SUBJECT_TYPES = {"person": "cpnat:person", "organization": "cpnat:organisation", "place": "cpnat:geoArea"}
_ONE_LINE = re.compile(r"[\S ]*")
"""What a g2normalizedString takes (`creditline`): no tab or line break."""
_DATE_TYPES = {"year": "xs:gYear", "month": "xs:gYearMonth", "day": "xs:date"}
_NAMESPACES = [(f"xmlns:{prefix}" if prefix else "xmlns", uri) for prefix, uri in NSMAP.items()]


def write(report: NewsReport) -> bytes:
    """The report as a NewsML-G2 newsItem document; one larger than reading takes (the body is
    in it twice) is a `WriteError`, never a file the reader refuses."""
    return _readable(("<?xml version='1.0' encoding='UTF-8'?>\n" + item(report)).encode())


def _readable(document: bytes) -> bytes:
    """`document`, if it is within the size that reading takes (a newsMessage is read an item at
    a time, so each item is held to it); else a `WriteError`."""
    limit = max_document_bytes()
    if len(document) > limit:
        message = f"the newsItem would be {len(document):,} bytes, over the limit of {limit:,} that reading takes"
        raise WriteError(f"{message} (NEWSREPORT_MAX_DOCUMENT_BYTES)")
    return document


def write_message(reports: Iterable[NewsReport], stream: BinaryIO) -> None:
    """Many reports as one newsMessage, written one item at a time (no report: nothing is written).

    The header's `sent` is the first item's `versionCreated`, so the same reports always give
    the same bytes.
    """
    count = 0
    for count, report in enumerate(reports, start=1):
        if count == 1:
            stream.write(message_start(version_created(report)))
        stream.write(write_item(report, count))
    if count:
        stream.write(message_end())


def message_start(sent: str) -> bytes:
    """The start of a newsMessage, up to its first item."""
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        f'<newsMessage xmlns="{NAR}">\n  <header>\n    <sent>{sent}</sent>\n  </header>\n  <itemSet>\n'
    ).encode()


def write_item(report: NewsReport, number: int) -> bytes:
    """The `number`th item of a newsMessage, its ids prefixed `m<number>-` to stay unique."""
    return _readable(item(report, prefix=f"m{number}-").encode())


def message_end() -> bytes:
    return b"  </itemSet>\n</newsMessage>\n"


def item(report: NewsReport, prefix: str = "") -> str:
    """The `<newsItem>` element for one report, as text.

    `prefix` goes before every xs:ID (`partid`, the NITF `<q>` ids), which must be unique in
    the whole document: a newsMessage gives each item its own, recorded as `nr:idPrefix`.
    """
    aliases = Aliases()
    out = Markup()
    out.indent = "  "
    if report.rights:
        described.rights_info(out, aliases, report.rights)
    _item_meta(out, aliases, report)
    _content_meta(out, aliases, report)
    ids = {sid: prefix + qid for sid, qid in quote_ids(report).items()}
    names = {p.id: p.name for p in report.participants}
    for index, statement in enumerate(report.statements):
        part = [
            ("partid", prefix + statement.id),
            ("seq", str(index + 1)),
            ("contentrefs", ids.get(statement.id)),
            ("nr:span", span_value(statement.span)),
            ("nr:event", statement.event),
        ]
        with out.element("partMeta", part):
            out.leaf("role", [("qcode", f"nrstmt:{statement.kind}")])
            for speaker in statement.speakers:
                with out.element("infoSource", [("role", "nrrel:speaker"), ("literal", speaker)]):
                    out.leaf("name", (), names[speaker])
            out.leaf("description", (), statement.text)
            for topic in statement.about:
                out.leaf("subject", [("literal", topic)])
            if statement.source:
                source = statement.source
                out.leaf("nr:source", [("nr:span", span_value(source.span))], source.text)
            if statement.reporting_verb:
                verb = statement.reporting_verb
                out.leaf("nr:reportingVerb", [("nr:span", span_value(verb.span))], verb.text)
    for event in (*report.events(), *report.referenced_events):
        if event.date:
            with out.element("assert", [("literal", event.id)]), out.element("eventDetails"):
                with out.element("dates"):
                    out.leaf("start", _inferred(event.date), event.date.value)
                if event.date.note:
                    out.leaf("nr:dateNote", (), event.date.note)
    if report.body:
        with out.element("contentSet"):
            with out.element("inlineXML", [("contenttype", "application/nitf+xml")]):
                nitf(out, report, ids)
            blocks = [
                f"{'h' if b.kind == 'subheading' else 'p'}:{b.span.start}-{b.span.end}" for b in report.body.blocks
            ]
            origin = report.body.origin if report.body.origin != "source" else None
            exact = [
                *(("contenttype", "text/plain"), ("nr:exact", "true")),
                *(("nr:blocks", " ".join(blocks) or None), ("nr:origin", origin)),
            ]
            out.leaf("inlineData", exact, report.body.text)
    inner = out.parts
    out = Markup()
    root = [
        *_NAMESPACES,
        ("guid", report.id),
        ("version", str(report.version) if report.version is not None else None),
        ("standard", "NewsML-G2"),
        ("standardversion", "2.35"),
        ("conformance", "power"),
        ("xml:lang", report.language),
        ("nr:idPrefix", prefix or None),
    ]
    with out.element("newsItem", root):
        out.leaf("catalogRef", [("href", IPTC_CATALOG)])
        identifiers = {i.scheme for p in report.participants for i in p.identifiers}
        own = {alias: f"{ID_SCHEME}{alias}/" for alias in sorted(identifiers | aliases.used)}
        schemes = dict(SCHEMES) | {alias: uri for alias, uri in own.items() if alias not in IPTC_ALIASES | set(SCHEMES)}
        with out.element("catalog"):
            for alias, uri in schemes.items():
                out.leaf("scheme", [("alias", alias), ("uri", uri)])
        out.parts += inner
    return out.getvalue()


def _item_meta(out: Markup, aliases: Aliases, report: NewsReport) -> None:
    with out.element("itemMeta"):
        out.leaf("itemClass", [("qcode", "ninat:text")])
        if report.publisher:
            described.agent(out, aliases, "provider", report.publisher)
        else:
            out.leaf("provider", [("literal", "newsreport")])
        if report.version_created is not None:
            described.moment_leaf(out, "versionCreated", report.version_created)
        else:
            out.leaf("versionCreated", [("nr:derived", "true")], version_created(report))
        described.moment_leaf(out, "firstCreated", report.first_created)
        described.moment_leaf(out, "embargoed", report.embargoed_until)
        if report.status:
            out.leaf("pubStatus", [("qcode", f"stat:{report.status}")])
        if report.drafted_by:
            draft = report.drafted_by
            out.leaf("generator", [("role", "nrrel:draft"), ("versioninfo", draft.version)], draft.software)
            if draft.pipeline:
                out.leaf("generator", [("role", "nrrel:draftPipeline")], draft.pipeline)
        described.item_meta_extras(out, aliases, report)


def version_created(report: NewsReport) -> str:
    """The item's `versionCreated`, which the XSD requires as a full date-time.

    The report's own if it has one; else the latest moment the report gives (a date alone
    becomes midnight with no zone: xs:dateTime allows it, local time, offset unknown); a report
    with no date at all gets the Unix epoch, the conventional "unknown". Only the first is read
    back as the report's `version_created` (the others are marked `nr:derived`).
    """
    moment = report.version_created or report.modified or report.published
    if isinstance(moment, datetime):
        return moment.isoformat()
    if isinstance(moment, date):
        return f"{moment.isoformat()}T00:00:00"
    return "1970-01-01T00:00:00Z"


def _content_meta(out: Markup, aliases: Aliases, report: NewsReport) -> None:
    with out.element("contentMeta"):
        if report.urgency is not None:
            out.leaf("urgency", (), str(report.urgency))
        if report.published:
            out.leaf("contentCreated", (), report.published.isoformat())
        if report.modified:
            out.leaf("contentModified", (), report.modified.isoformat())
        if report.dateline and report.dateline.place:
            place = next(p for p in report.participants if p.id == report.dateline.place)
            with out.element("located", [("literal", place.id)]):
                out.leaf("name", (), place.name)
        for author in report.authors:
            described.agent(out, aliases, "creator", author)
        for contributor in report.contributors:
            described.agent(out, aliases, "contributor", contributor)
        if report.language:
            out.leaf("language", [("tag", report.language)])
        described.descriptive(out, aliases, report)
        for participant in report.participants:
            _participant(out, participant)
        for event in (*report.events(), *report.referenced_events):
            _event(out, event)
        origin = report.headline.origin if report.headline.origin != "source" else None
        out.leaf("headline", [("nr:origin", origin)], report.headline.text)
        for alternative in report.alternative_headlines:
            described.wording(out, aliases, "headline", alternative)
        if report.dateline:
            span = span_value(report.dateline.span) if report.dateline.span else None
            out.leaf("dateline", [("nr:span", span)], report.dateline.text)
        if report.byline is not None:
            out.leaf("by", (), report.byline)
        if report.credit_line is not None and _ONE_LINE.fullmatch(report.credit_line):
            out.leaf("creditline", (), report.credit_line)
        for description in report.descriptions:
            described.wording(out, aliases, "description", description)
        if report.dateline and report.dateline.date:
            d = report.dateline.date
            prop = [
                ("rel", "nrrel:datelineDate"),
                ("value", d.value),
                ("valuedatatype", _DATE_TYPES[d.precision]),
                *_inferred(d),
            ]
            out.leaf("contentMetaExtProperty", prop)
            if d.note:
                out.leaf("nr:datelineDateNote", (), d.note)
        if report.credit_line is not None and not _ONE_LINE.fullmatch(report.credit_line):
            out.leaf("nr:creditline", (), report.credit_line)  # the native one takes no line break or tab
        for section in report.sections:
            out.leaf("nr:section", (), section)
        for item in report.media:
            described.media(out, item)


def _inferred(value: PartialDate) -> list[tuple[str, str | None]]:
    """The attribute that marks which parts of a date are inferred, if any are."""
    return [("nr:inferred", " ".join(value.inferred) or None)]


def _participant(out: Markup, p: _Participant) -> None:
    subject = [
        ("type", _SUBJECT_TYPES[p.kind]),
        ("literal", p.id),
        ("nr:placeType", p.place_type if isinstance(p, Place) else None),
        ("nr:spans", spans_value(p.mentions) or None),
    ]
    with out.element("subject", subject):
        out.leaf("name", (), p.name)
        for other in p.other_names:
            out.leaf("name", [("role", "nrname:other"), ("xml:lang", other.language)], other.text)
        for identifier in p.identifiers:
            out.leaf("sameAs", [("qcode", f"{identifier.scheme}:{identifier.value}")])
        if isinstance(p, Person):
            for title in p.titles:
                related = [
                    ("rel", "nrrel:title"),
                    ("literal", title.organization),
                    ("nr:spans", spans_value(title.mentions) or None),
                ]
                with out.element("related", related):
                    out.leaf("name", (), title.text)
            for org in p.affiliations:
                out.leaf("related", [("rel", "nrrel:affiliation"), ("literal", org)])
        country = getattr(p, "country", None)
        if country:
            out.leaf("related", [("rel", "nrrel:country"), ("literal", country)])


def _event(out: Markup, event: _EventBase) -> None:
    subject = [
        ("type", "cpnat:event"),
        ("literal", event.id),
        ("nr:relation", event.relation if isinstance(event, ReferencedEvent) else None),
        ("nr:spans", spans_value(event.mentions) or None),
    ]
    with out.element("subject", subject):
        out.leaf("name", (), event.name)
        out.leaf("related", [("rel", "nrrel:kind"), ("qcode", f"nrevent:{event.kind}")])
        if event.place:
            out.leaf("related", [("rel", "nrrel:location"), ("literal", event.place)])
        for part in event.participations:
            rel = f"nrrole:{part.role}" if part.role else "nrrel:participant"
            out.leaf("related", [("rel", rel), ("literal", part.participant)])
        if isinstance(event, Event):
            for sub in event.sub_events:
                out.leaf("related", [("rel", "nrrel:subEvent"), ("literal", sub.id)])
        if isinstance(event, ReferencedEvent):
            for statement in event.cited_by:
                out.leaf("related", [("rel", "nrrel:citedBy"), ("literal", statement)])
