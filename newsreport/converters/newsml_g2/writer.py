"""NewsReport → NewsML-G2 2.35 newsItem (power conformance), valid against IPTC's XSD.

Native elements carry everything they can: guid, dates, `located`, `creator`, `language`,
`headline`, `dateline`, participants and events as `subject`s (`cpnat:person`,
`cpnat:organisation`, `cpnat:geoArea`, `cpnat:event`) linked by `related` and identified by
`literal` (local ids), event dates in `assert/eventDetails`, statements as `partMeta` (role,
speakers as `infoSource`, text as `description`, topics as `subject`), and the body twice in
`contentSet`: as NITF with `<q>` around direct quotes, and as the exact text (`inlineData`),
which is what every span indexes. Our own namespace (`nr:`) adds only what has no native slot:
spans, kinds of place, inference marks and notes, a referenced event's relation, the headline's
origin, the reporting verb.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import BinaryIO

from lxml import etree

from newsreport.converters.newsml_g2.nitf import nitf, quote_ids
from newsreport.converters.newsml_g2.xml import (
    ID_SCHEME,
    IPTC_ALIASES,
    IPTC_CATALOG,
    NAR,
    NSMAP,
    SCHEMES,
    XML_LANG,
    nar,
    nr,
    spans_value,
)
from newsreport.model import (
    Agent,
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
_DATE_TYPES = {"year": "xs:gYear", "month": "xs:gYearMonth", "day": "xs:date"}


def write(report: NewsReport) -> bytes:
    """The report as a NewsML-G2 newsItem document."""
    return etree.tostring(item(report), xml_declaration=True, encoding="UTF-8", pretty_print=True)


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
    return etree.tostring(item(report, prefix=f"m{number}-"), encoding="unicode", pretty_print=True).encode()


def message_end() -> bytes:
    return b"  </itemSet>\n</newsMessage>\n"


def item(report: NewsReport, prefix: str = "") -> etree._Element:
    """The `<newsItem>` element for one report.

    `prefix` goes before every xs:ID (`partid`, the NITF `<q>` ids), which must be unique in
    the whole document: a newsMessage gives each item its own, recorded as `nr:idPrefix`.
    """
    root = etree.Element(
        nar("newsItem"),
        nsmap=NSMAP,
        guid=report.id,
        version="1",
        standard="NewsML-G2",
        standardversion="2.35",
        conformance="power",
    )
    if report.language:
        root.set(XML_LANG, report.language)
    if prefix:
        root.set(nr("idPrefix"), prefix)
    etree.SubElement(root, nar("catalogRef"), href=IPTC_CATALOG)
    catalog = etree.SubElement(root, nar("catalog"))
    schemes = dict(SCHEMES) | {
        i.scheme: f"{ID_SCHEME}{i.scheme}/"
        for p in report.participants
        for i in p.identifiers
        if i.scheme not in IPTC_ALIASES
    }
    for alias, uri in schemes.items():
        etree.SubElement(catalog, nar("scheme"), alias=alias, uri=uri)
    _item_meta(root, report)
    _content_meta(root, report)
    ids = {sid: prefix + qid for sid, qid in quote_ids(report).items()}
    names = {p.id: p.name for p in report.participants}
    for index, statement in enumerate(report.statements):
        part = etree.SubElement(root, nar("partMeta"), partid=prefix + statement.id, seq=str(index + 1))
        if statement.id in ids:
            part.set("contentrefs", ids[statement.id])
        part.set(nr("span"), spans_value([statement.span]))
        if statement.event:
            part.set(nr("event"), statement.event)
        etree.SubElement(part, nar("role"), qcode=f"nrstmt:{statement.kind}")
        for speaker in statement.speakers:
            source = etree.SubElement(part, nar("infoSource"), role="nrrel:speaker", literal=speaker)
            etree.SubElement(source, nar("name")).text = names[speaker]
        etree.SubElement(part, nar("description")).text = statement.text
        for topic in statement.about:
            etree.SubElement(part, nar("subject"), literal=topic)
        if statement.reporting_verb:
            verb = etree.SubElement(part, nr("reportingVerb"))
            verb.set(nr("span"), spans_value([statement.reporting_verb.span]))
            verb.text = statement.reporting_verb.text
    for event in (*report.events(), *report.referenced_events):
        if event.date:
            details = etree.SubElement(etree.SubElement(root, nar("assert"), literal=event.id), nar("eventDetails"))
            start = _partial_date(etree.SubElement(etree.SubElement(details, nar("dates")), nar("start")), event.date)
            start.text = event.date.value
            if event.date.note:
                etree.SubElement(details, nr("dateNote")).text = event.date.note
    if report.body:
        content = etree.SubElement(root, nar("contentSet"))
        etree.SubElement(content, nar("inlineXML"), contenttype="application/nitf+xml").append(nitf(report, ids))
        exact = etree.SubElement(content, nar("inlineData"), contenttype="text/plain")
        exact.set(nr("exact"), "true")
        if report.body.blocks:
            blocks = [
                f"{'h' if b.kind == 'subheading' else 'p'}:{b.span.start}-{b.span.end}" for b in report.body.blocks
            ]
            exact.set(nr("blocks"), " ".join(blocks))
        exact.text = report.body.text
    return root


def _item_meta(root: etree._Element, report: NewsReport) -> None:
    meta = etree.SubElement(root, nar("itemMeta"))
    etree.SubElement(meta, nar("itemClass"), qcode="ninat:text")
    if report.publisher:
        _party(etree.SubElement(meta, nar("provider")), report.publisher)
    else:
        etree.SubElement(meta, nar("provider"), literal="newsreport")
    etree.SubElement(meta, nar("versionCreated")).text = version_created(report)
    if isinstance(report.published, datetime):
        etree.SubElement(meta, nar("firstCreated")).text = report.published.isoformat()
    etree.SubElement(meta, nar("pubStatus"), qcode="stat:usable")
    if report.url:
        etree.SubElement(meta, nar("link"), rel="nrrel:webPage", href=report.url)


def version_created(report: NewsReport) -> str:
    """The item's `versionCreated`, which the XSD requires as a full date-time.

    The latest moment the report gives; a date alone becomes midnight with no zone (xs:dateTime
    allows it: local time, offset unknown); a report with no date at all gets the Unix epoch,
    the conventional "unknown". Our reader never reads it back as a report date.
    """
    moment = report.modified or report.published
    if isinstance(moment, datetime):
        return moment.isoformat()
    if isinstance(moment, date):
        return f"{moment.isoformat()}T00:00:00"
    return "1970-01-01T00:00:00Z"


def _content_meta(root: etree._Element, report: NewsReport) -> None:
    meta = etree.SubElement(root, nar("contentMeta"))
    if report.published:
        etree.SubElement(meta, nar("contentCreated")).text = report.published.isoformat()
    if report.modified:
        etree.SubElement(meta, nar("contentModified")).text = report.modified.isoformat()
    participants = {p.id: p for p in report.participants}
    if report.dateline and report.dateline.place:
        place = participants[report.dateline.place]
        located = etree.SubElement(meta, nar("located"), literal=place.id)
        etree.SubElement(located, nar("name")).text = place.name
    for author in report.authors:
        _party(etree.SubElement(meta, nar("creator")), author)
    if report.language:
        etree.SubElement(meta, nar("language"), tag=report.language)
    for participant in report.participants:
        _participant(etree.SubElement(meta, nar("subject")), participant)
    for event in report.events():
        _event(etree.SubElement(meta, nar("subject")), event)
    for referenced in report.referenced_events:
        _event(etree.SubElement(meta, nar("subject")), referenced)
    headline = etree.SubElement(meta, nar("headline"))
    headline.text = report.headline.text
    if report.headline.origin != "source":
        headline.set(nr("origin"), report.headline.origin)
    if report.dateline:
        dateline = etree.SubElement(meta, nar("dateline"))
        dateline.text = report.dateline.text
        if report.dateline.span:
            dateline.set(nr("span"), spans_value([report.dateline.span]))
        if report.dateline.date:
            d = report.dateline.date
            prop = etree.SubElement(meta, nar("contentMetaExtProperty"), rel="nrrel:datelineDate", value=d.value)
            prop.set("valuedatatype", _DATE_TYPES[d.precision])
            _partial_date(prop, d)
            if d.note:
                etree.SubElement(meta, nr("datelineDateNote")).text = d.note


def _partial_date(element: etree._Element, value: PartialDate) -> etree._Element:
    """Mark on `element` which parts of the date are inferred."""
    if value.inferred:
        element.set(nr("inferred"), " ".join(value.inferred))
    return element


def _party(element: etree._Element, agent: Agent) -> None:
    if agent.url:
        element.set("uri", agent.url)
    if agent.kind:
        element.set(nr("kind"), agent.kind)
    etree.SubElement(element, nar("name")).text = agent.name


def _participant(subject: etree._Element, p: _Participant) -> None:
    subject.set("type", _SUBJECT_TYPES[p.kind])
    subject.set("literal", p.id)
    if isinstance(p, Place):
        subject.set(nr("placeType"), p.place_type)
    if p.mentions:
        subject.set(nr("spans"), spans_value(p.mentions))
    etree.SubElement(subject, nar("name")).text = p.name
    for other in p.other_names:
        name = etree.SubElement(subject, nar("name"), role="nrname:other")
        if other.language:
            name.set(XML_LANG, other.language)
        name.text = other.text
    for identifier in p.identifiers:
        etree.SubElement(subject, nar("sameAs"), qcode=f"{identifier.scheme}:{identifier.value}")
    if isinstance(p, Person):
        for title in p.titles:
            related = etree.SubElement(subject, nar("related"), rel="nrrel:title")
            if title.organization:
                related.set("literal", title.organization)
            if title.mentions:
                related.set(nr("spans"), spans_value(title.mentions))
            etree.SubElement(related, nar("name")).text = title.text
        for org in p.affiliations:
            etree.SubElement(subject, nar("related"), rel="nrrel:affiliation", literal=org)
    country = getattr(p, "country", None)
    if country:
        etree.SubElement(subject, nar("related"), rel="nrrel:country", literal=country)


def _event(subject: etree._Element, event: _EventBase) -> None:
    subject.set("type", "cpnat:event")
    subject.set("literal", event.id)
    if isinstance(event, ReferencedEvent):
        subject.set(nr("relation"), event.relation)
    if event.mentions:
        subject.set(nr("spans"), spans_value(event.mentions))
    etree.SubElement(subject, nar("name")).text = event.name
    etree.SubElement(subject, nar("related"), rel="nrrel:kind", qcode=f"nrevent:{event.kind}")
    if event.place:
        etree.SubElement(subject, nar("related"), rel="nrrel:location", literal=event.place)
    for part in event.participations:
        rel = f"nrrole:{part.role}" if part.role else "nrrel:participant"
        etree.SubElement(subject, nar("related"), rel=rel, literal=part.participant)
    if isinstance(event, Event):
        for sub in event.sub_events:
            etree.SubElement(subject, nar("related"), rel="nrrel:subEvent", literal=sub.id)
    if isinstance(event, ReferencedEvent):
        for statement in event.cited_by:
            etree.SubElement(subject, nar("related"), rel="nrrel:citedBy", literal=statement)
