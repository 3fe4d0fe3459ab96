"""The vocabulary our JSON-LD uses beyond plain schema.org terms, and how values are spelled."""

from __future__ import annotations

import re

from newsreport.model import Span

NR = "https://w3id.org/newsreport/ns#"
"""The project namespace, for the few things schema.org cannot say."""

CONTEXT: list[object] = ["https://schema.org", {"nr": NR}]
"""The context of every document we write; finding it exactly marks a document as ours."""

PARTIAL_QUOTATION = NR + "PartialQuotation"
"""`additionalType` of a Quotation that is quoted words inside reported speech."""

EVENT_KIND = "https://w3id.org/newsreport/cv/eventkind/"
"""Base of the `additionalType` IRIs that carry an event's kind (`.../press-conference`)."""

PLACE_KIND = "https://w3id.org/newsreport/cv/placetype/"
"""Base of the `additionalType` IRIs that tell a region from a territory (both AdministrativeArea)."""

PLACE_TYPES = {"country": "Country", "city": "City", "region": "AdministrativeArea", "territory": "AdministrativeArea"}
"""schema.org type by place type; any other place is a plain `Place`."""

MEDIA_KIND = "https://w3id.org/newsreport/cv/mediakind/"
"""Base of the `additionalType` IRI that tells a graphic from a photo (both ImageObject)."""

BLOCK_TYPES = {"paragraph": "nr:Paragraph", "subheading": "nr:Subheading"}

NR_TERMS = frozenset(
    NR + name
    for name in (
        "Paragraph",
        "Subheading",
        "PartialQuotation",
        "blocks",
        "bodyOrigin",
        "datelineDate",
        "datelineDateInferred",
        "datelineDateNote",
        "datelineSpan",
        "headlineOrigin",
        "relation",
        "reportingVerb",
        "reportingVerbSpan",
        "creditTextSpan",
        "draftedBy",
        "startDateInferred",
        "startDateNote",
        "textSpan",
        # the report's metadata (metadata.py)
        "alternativeHeadlineRoles",
        "descriptionRoles",
        "editorialNote",
        "editorialNoteRoles",
        "copyrightNoticeRoles",
        "byline",
        "slugline",
        "urgency",
        "versionCreated",
        "embargoedUntil",
        "signal",
        "rank",
        "role",
        "altText",
        "rightsGiven",
        "link",
        "rel",
    )
)
"""Every `nr:` term we write; validation flags any other."""

_SPAN = re.compile(r"^char=(\d+),(\d+)$")


def span_value(span: Span) -> str:
    """A span as an RFC 5147 text fragment, `char=START,END` (one string keeps the order)."""
    return f"char={span.start},{span.end}"


def span_values(spans: tuple[Span, ...]) -> list[str]:
    """`span_value` of each span (one call for a whole list: a report has hundreds)."""
    return [f"char={span.start},{span.end}" for span in spans]


def parse_span(value: object) -> dict[str, int]:
    """The span a `char=START,END` value names."""
    if type(value) is str and value.startswith("char="):  # what our writer writes, without a regex
        start, _, end = value[5:].partition(",")
        if start.isdecimal() and end.isdecimal():  # the digits `\d` takes
            return {"start": int(start), "end": int(end)}
    match = _SPAN.match(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"{value!r} is not a text span (char=START,END)")
    return {"start": int(match[1]), "end": int(match[2])}


_CONCEPT = {"@type", "inDefinedTermSet", "termCode", "url", "name", "alternateName"}
_EVENT = {"@id", "@type", "additionalType", "name", "startDate", "nr:startDateInferred", "nr:startDateNote"}
_PARTICIPANT = {"@id", "@type", "name", "additionalType", "alternateName", "identifier", "sameAs", "nr:textSpan"}
PROPERTIES: dict[str, frozenset[str]] = {
    kind: frozenset(properties)
    for kind, properties in {
        "article": {
            *("@id", "@type", "headline", "nr:headlineOrigin", "datePublished", "dateModified", "inLanguage", "url"),
            *("dateline", "nr:datelineSpan", "locationCreated", "nr:datelineDate"),
            *("nr:datelineDateInferred", "nr:datelineDateNote", "publisher", "author", "articleBody", "nr:blocks"),
            "nr:bodyOrigin",
            *("about", "mentions", "hasPart"),
        },
        "event": {*_EVENT, "location", "attendee", "nr:textSpan", "subEvent"},
        "referenced event": {*_EVENT, "location", "attendee", "nr:textSpan", "nr:relation", "subjectOf"},
        "Person": {*_PARTICIPANT, "jobTitle", "memberOf", "affiliation", "nationality"},
        "Organization": {*_PARTICIPANT, "location"},
        "place": {*_PARTICIPANT, "containedInPlace"},
        "statement": {
            *("@id", "@type", "additionalType", "text", "nr:textSpan", "creator", "nr:reportingVerb"),
            *("nr:reportingVerbSpan", "creditText", "nr:creditTextSpan", "recordedAt", "about", "isPartOf"),
            "position",
        },
        "agent": {"@type", "name", "url", "identifier"},
        "software": {"@type", "name", "softwareVersion", "softwareAddOn"},
        "software add-on": {"@type", "name"},
        "agent role": {"@type", "roleName", "author", "publisher", "contributor", "copyrightHolder"},
        "concept": _CONCEPT,
        "subject": {*_CONCEPT, "additionalType", "nr:rank"},
        "DefinedTermSet": {"@type", "name"},
        "media": {"@type", "additionalType", "contentUrl", "encodingFormat", "width", "height", "name", "caption"}
        | {"nr:altText", "creditText", "position"},
        "usage": {"@type", "text", "nr:role"},
        "link": {"url", "identifier", "nr:rel", "name", "encodingFormat"},
        "Role": {"@type", "roleName", "attendee"},
        "OrganizationRole": {"@type", "roleName", "memberOf", "nr:textSpan"},
        "PropertyValue": {"@type", "propertyID", "value"},
        "block": {"@type", "nr:textSpan"},
        "name": {"@value", "@language"},
    }.items()
}
"""The properties our writer puts on each kind of node (and object inside one); the reader of
our graphs names any other in a warning, since it would otherwise vanish."""
