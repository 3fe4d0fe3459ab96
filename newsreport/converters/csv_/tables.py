"""The tables of a CSV package: their columns, keys and links, and where each list of the model goes.

Every report contributes rows to the same tables. Rows are keyed by `report_id` plus the
model's own local ids, or plus a `position` that keeps the order of a list. A report's lists of
one shape share a table, told apart by its `field` column (`texts` holds descriptions,
alternative headlines, editorial notes, copyright notices and terms of use), so that a user
filters one column rather than unions files. A cell is a string, an integer, `true`/`false` or a
`;`-separated list of ids or codes (never of free text); an empty cell is null.

`layouts` says how the tables of earlier layouts map onto these, for reading old packages.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsreport.converters.csv_.tableschema import (
    CODE,
    ID,
    Column,
    Link,
    Table,
    agent_columns,
    field_of,
    iri,
    language,
    local_id,
    moment,
    partial_date,
    position,
    report_id,
    span,
)

LAYOUT_VERSION = "2.1"
LAYOUT_KEY = "x-newsreport-layout-version"
"""The descriptor key that holds `LAYOUT_VERSION`: the mark of a package this program wrote (only
such a package is ever replaced by a new one)."""


@dataclass(frozen=True)
class Part:
    """A list of the report kept as rows of a table: where it is in the model (`rights.notices`),
    the table, and the table's `field` value for it (none for a table of one list)."""

    path: tuple[str, ...]
    table: str
    field: str | None = None


PARTS: tuple[Part, ...] = (
    Part(("authors",), "agents", "author"),
    Part(("contributors",), "agents", "contributor"),
    Part(("alternative_headlines",), "texts", "alternative_headline"),
    Part(("descriptions",), "texts", "description"),
    Part(("editorial_notes",), "texts", "editorial_note"),
    Part(("rights", "notices"), "texts", "rights_notice"),
    Part(("rights", "usage_terms"), "texts", "rights_usage_terms"),
    Part(("keywords",), "tags", "keyword"),
    Part(("sections",), "tags", "section"),
    Part(("subjects",), "concepts", "subject"),
    Part(("genres",), "concepts", "genre"),
    Part(("signals",), "concepts", "signal"),
    Part(("media",), "media"),
    Part(("links",), "links"),
)
"""The report's metadata lists, in the order their rows are written."""


def _lists(table: str) -> tuple[str, ...]:
    """The `field` values of a table: the lists of the report it holds."""
    return tuple(part.field for part in PARTS if part.table == table and part.field)


_PARTICIPANT: Link = (("report_id", "participant_id"), "participants", ("report_id", "participant_id"))
_REPORT_LIST = ("report_id", "field", "position")

REPORTS = Table(
    "reports",
    "One row per report: its own single values.",
    (
        report_id(),
        Column("headline", "The headline.", required=True),
        Column(
            "headline_origin",
            "source: from the article; editorial: written for this report.",
            required=True,
            enum=("source", "editorial"),
        ),
        Column("dateline", "The dateline as printed."),
        *span("dateline_", "the dateline", required=False),
        local_id("dateline_place_id", "The place the dateline names: a participant id.", required=False),
        *partial_date("dateline_", "dateline's date"),
        moment("published", "When it was published"),
        moment("modified", "When its content was last modified (kept as the source says, even before published)"),
        moment("first_created", "When the first version of the item was created"),
        moment("version_created", "When this version of the item was created"),
        Column("version", "The item's version number, from 1.", "integer", minimum=1),
        Column(
            "status",
            "Whether the item may be published: withheld and canceled items must not be shown to readers.",
            enum=("usable", "withheld", "canceled"),
        ),
        moment("embargoed_until", "Not to be published before this moment"),
        language("language", "the body"),
        iri("url", "Where the report is published."),
        *agent_columns("publisher_", "the publisher"),
        Column("byline", "The by-line as printed."),
        Column("credit_line", "Who is credited for the item, as printed."),
        Column("slugline", "The newsroom's short name for the story."),
        Column("urgency", "How urgent the news is, 1 most urgent to 9.", "integer", minimum=1, maximum=9),
        Column("free_access", "Whether it is free to read; empty if not said.", "boolean"),
        Column(
            "rights",
            "true when the report carries rights information (even none of the parts below); "
            "its notices and terms of use are rows of texts.",
            "boolean",
        ),
        *agent_columns("rights_holder_", "the copyright holder"),
        iri("rights_license", "The licence's URL."),
        Column("body", "The exact text of the report; every span indexes into it."),
        Column(
            "body_origin",
            "source if the source gives the body as the report's text; extracted if a program took it "
            "from the page around the article (a draft).",
            enum=("source", "extracted"),
        ),
        Column(
            "drafted_by_software",
            "The program that drafted the report's participants, statements and events from its text "
            "(newsreport.extract): the report is a draft for a person to check. Empty for a checked report.",
        ),
        Column("drafted_by_version", "The drafting program's version."),
        Column("drafted_by_pipeline", "The language-processing pipeline it ran, with its version, if it ran one."),
    ),
    ("report_id",),
)

TABLES: tuple[Table, ...] = (
    REPORTS,
    Table(
        "agents",
        "Who wrote the reports (field author, in by-line order) and who else had a part (contributor).",
        (report_id(), field_of(_lists("agents"), "list"), position("agent"), *agent_columns("", "the agent")),
        _REPORT_LIST,
    ),
    Table(
        "texts",
        "Texts the reports carry besides the body, one per row; field says which kind.",
        (
            report_id(),
            field_of(_lists("texts"), "kind of text"),
            position("text"),
            Column("text", "The text as the source gives it.", required=True),
            language("language", "the text"),
            Column(
                "role", "What it is for, as the source names it (drol:summary, abstract...); empty for the plain kind."
            ),
        ),
        _REPORT_LIST,
    ),
    Table(
        "tags",
        "Free keywords and the sections the reports appear in, one per row.",
        (
            report_id(),
            field_of(_lists("tags"), "list"),
            position("tag"),
            Column("text", "The keyword or section name.", required=True),
        ),
        _REPORT_LIST,
    ),
    Table(
        "concepts",
        "Vocabulary terms: the subjects (topics) of the reports, their genres and their signals "
        "(a correction, an update), as the source gives them: scheme and code, URI, name.",
        (
            report_id(),
            field_of(_lists("concepts"), "list"),
            position("concept"),
            Column("scheme", "The vocabulary: a NewsML-G2 scheme alias (medtop, dpacat) or the scheme's URI."),
            Column("code", "The term's code within the scheme; scheme:code is its QCode."),
            iri("uri", "The term's URI."),
            Column("name", "The term's name."),
            language("language", "the name"),
            Column("kind", "For subjects: what sort of subject (cpnat:abstract...)."),
            Column("rank", "For subjects: its rank, 1 the most important.", "integer"),
        ),
        _REPORT_LIST,
    ),
    Table(
        "concept_names",
        "Names of the concepts in other languages.",
        (
            report_id(),
            field_of(_lists("concepts"), "list"),
            Column("concept_position", "The concept's position in its list.", "integer", required=True),
            position("name"),
            Column("name", "The name.", required=True),
            language("language", "the name"),
        ),
        ("report_id", "field", "concept_position", "position"),
        ((("report_id", "field", "concept_position"), "concepts", _REPORT_LIST),),
    ),
    Table(
        "media",
        "Images, videos and other media that go with the reports.",
        (
            report_id(),
            position("media item"),
            Column(
                "kind",
                "image, video, audio, graphic or other.",
                required=True,
                enum=("image", "video", "audio", "graphic", "other"),
            ),
            iri("url", "Where it is."),
            Column("media_type", "Its IANA media type (image/jpeg)."),
            Column("width", "Width in pixels.", "integer"),
            Column("height", "Height in pixels.", "integer"),
            Column("title", "Its title."),
            Column("caption", "The caption printed with it."),
            Column("alt_text", "A text alternative for readers who cannot see it."),
            Column("credit", "Its credit line."),
        ),
        ("report_id", "position"),
    ),
    Table(
        "links",
        "Related items and pages.",
        (
            report_id(),
            position("link"),
            iri("url", "Where the related item or page is."),
            Column("item_id", "The related item's id as its provider gives it (NewsML-G2 residref)."),
            Column("rel", "How it is related (irel:seeAlso...), as the source names it."),
            Column("title", "Its title."),
            Column("media_type", "Its IANA media type."),
        ),
        ("report_id", "position"),
    ),
    Table(
        "blocks",
        "Paragraphs and subheadings of the body.",
        (
            report_id(),
            position("block"),
            Column("kind", "paragraph or subheading.", required=True, enum=("paragraph", "subheading")),
            *span("", "the block"),
        ),
        ("report_id", "position"),
    ),
    Table(
        "participants",
        "Every person, organization and place a report names.",
        (
            report_id(),
            local_id("participant_id", "The participant's id within its report."),
            position("participant"),
            Column("kind", "person, organization or place.", required=True, enum=("person", "organization", "place")),
            Column("name", "The name in its fullest form.", required=True),
            Column(
                "place_type",
                "For places: country, city, region, territory or other.",
                enum=("country", "city", "region", "territory", "other"),
            ),
            local_id(
                "country_id",
                "The country a person acts for, an organization belongs to or a place lies in.",
                required=False,
            ),
        ),
        ("report_id", "participant_id"),
    ),
    Table(
        "participant_names",
        "Other names and spellings of participants.",
        (
            report_id(),
            local_id("participant_id", "The participant."),
            position("name"),
            Column("name", "The name.", required=True),
            language("language", "the name (or its script)"),
        ),
        ("report_id", "participant_id", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "participant_identifiers",
        "External identifiers of participants (only certain ones).",
        (
            report_id(),
            local_id("participant_id", "The participant."),
            position("identifier"),
            Column("scheme", "The scheme: wikidata, iso3166-1, ...", required=True, pattern=CODE),
            Column("value", "The identifier, e.g. Q794.", required=True),
        ),
        ("report_id", "participant_id", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "titles",
        "Titles and offices of persons, as printed.",
        (
            report_id(),
            local_id("participant_id", "The person."),
            position("title"),
            Column("title", "The title as printed.", required=True),
            local_id("organization_id", "The organization the title belongs to.", required=False),
        ),
        ("report_id", "participant_id", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "affiliations",
        "Organizations persons belong to.",
        (
            report_id(),
            local_id("participant_id", "The person."),
            position("affiliation"),
            local_id("organization_id", "The organization."),
        ),
        ("report_id", "participant_id", "position"),
        (_PARTICIPANT, (("report_id", "organization_id"), "participants", ("report_id", "participant_id"))),
    ),
    Table(
        "mentions",
        "Where the body names a participant or refers to an event.",
        (
            report_id(),
            local_id("subject_id", "The participant or event mentioned."),
            position("mention"),
            *span("", "the mention"),
        ),
        ("report_id", "subject_id", "position"),
    ),
    Table(
        "title_mentions",
        "Where the body prints a person's title.",
        (
            report_id(),
            local_id("participant_id", "The person."),
            Column("title_position", "The title's position.", "integer", required=True),
            position("mention"),
            *span("", "the mention"),
        ),
        ("report_id", "participant_id", "title_position", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "events",
        "The event each report covers, and its sub-events.",
        (
            report_id(),
            local_id("event_id", "The event's id within its report."),
            position("event (depth first)"),
            local_id("parent_event_id", "The event this one is part of; empty for the covered event.", required=False),
            Column("kind", "What kind of event: visit, press-conference, meeting, ...", required=True, pattern=CODE),
            Column("name", "A short descriptive name.", required=True),
            *partial_date("", "event's date"),
            local_id("place_id", "Where it happened: a participant id.", required=False),
        ),
        ("report_id", "event_id"),
    ),
    Table(
        "referenced_events",
        "Earlier events the reports point to.",
        (
            report_id(),
            local_id("event_id", "The event's id within its report."),
            position("referenced event"),
            Column("kind", "What kind of event.", required=True, pattern=CODE),
            Column("name", "A short descriptive name.", required=True),
            *partial_date("", "event's date"),
            local_id("place_id", "Where it happened: a participant id.", required=False),
            Column(
                "relation",
                "How it bears on the report's event.",
                required=True,
                enum=("background", "cause", "precedent", "follow-up", "related"),
            ),
            Column("cited_by", "Statements that refer to it: statement ids.", "list", item_pattern=ID),
        ),
        ("report_id", "event_id"),
    ),
    Table(
        "participations",
        "Who took part in which event, in what role (covered and referenced events alike).",
        (
            report_id(),
            local_id("event_id", "The event."),
            position("participation"),
            local_id("participant_id", "The participant."),
            Column("role", "host, guest, speaker, ...", pattern=CODE),
        ),
        ("report_id", "event_id", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "statements",
        "Who said what: every statement of every report.",
        (
            report_id(),
            local_id("statement_id", "The statement's id within its report."),
            position("statement"),
            Column("kind", "direct, partial or indirect.", required=True, enum=("direct", "partial", "indirect")),
            Column(
                "speaker_ids", "Who made it: participant ids (several for a joint statement).", "list", item_pattern=ID
            ),
            Column("text", "The words as printed.", required=True),
            *span("", "the text"),
            Column("reporting_verb", "The verb that introduces it."),
            *span("verb_", "the reporting verb", required=False),
            Column("source", "The words that name the speaker in this attribution, as printed (he, Trump)."),
            *span("source_", "the source words", required=False),
            local_id("event_id", "The event it was made at.", required=False),
            Column("about_ids", "Participants it is about.", "list", item_pattern=ID),
        ),
        ("report_id", "statement_id"),
    ),
)
"""Every table, in the order of `datapackage.json`."""

BY_NAME = {table.name: table for table in TABLES}
