"""The tables of a CSV package: their columns, keys and links, and the Table Schema they publish.

Every report contributes rows to the same tables. Rows are keyed by `report_id` plus the
model's own local ids; a `position` column keeps the order of lists. A cell is a string, an
integer or a `;`-separated list of ids or codes (never of free text); an empty cell is null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsreport.model import MOMENT_PATTERN

LAYOUT_VERSION = "1.0"
LAYOUT_KEY = "x-newsreport-layout-version"
"""The descriptor key that holds `LAYOUT_VERSION`: the mark of a package this program wrote (only
such a package is ever replaced by a new one)."""
ID = r"^[A-Za-z_][A-Za-z0-9_.-]*$"
CODE = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
PRECISIONS = ["year", "month", "day"]


@dataclass(frozen=True)
class Column:
    """One column: its name, Table Schema type and constraints, and a description."""

    name: str
    description: str
    type: str = "string"  # string | integer | list
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    item_pattern: str | None = None  # for lists: what each item must match

    def schema(self) -> dict[str, Any]:
        spec: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.type == "integer":
            constraints["minimum"] = 0
        if self.type == "list":
            spec |= {"delimiter": ";", "itemType": "string"}
        if constraints:
            spec["constraints"] = constraints
        return spec


@dataclass(frozen=True)
class Table:
    """One table: its file stem, columns, primary key and always-filled foreign keys."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    links: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = field(default=())

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def schema(self) -> dict[str, Any]:
        foreign_keys = [{"fields": ["report_id"], "reference": {"resource": "reports", "fields": ["report_id"]}}]
        if self.name == "reports":
            foreign_keys = []
        foreign_keys += [
            {"fields": list(fields), "reference": {"resource": resource, "fields": list(target)}}
            for fields, resource, target in self.links
        ]
        schema: dict[str, Any] = {
            "fields": [c.schema() for c in self.columns],
            "primaryKey": list(self.key),
            "missingValues": [""],
        }
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        return schema


def _report() -> Column:
    return Column("report_id", "The report's id (an absolute IRI).", required=True)


def _id(name: str, what: str, required: bool = True) -> Column:
    return Column(name, what, required=required, pattern=ID)


def _position(what: str) -> Column:
    return Column("position", f"Order of the {what} within its report or list, from 0.", "integer", required=True)


def _span(prefix: str, what: str, required: bool = True) -> tuple[Column, Column]:
    return (
        Column(f"{prefix}start_char", f"Start of {what}: a code point offset into the body.", "integer", required),
        Column(f"{prefix}end_char", f"End of {what} (exclusive).", "integer", required),
    )


def _date(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        Column(
            f"{prefix}date",
            f"The {what}: ISO 8601 at reduced precision (2024, 2024-05, 2024-05-17).",
            pattern=PARTIAL_DATE,
        ),
        Column(f"{prefix}date_precision", f"Precision of {prefix}date.", enum=tuple(PRECISIONS)),
        Column(
            f"{prefix}date_inferred",
            "Parts of the date inferred rather than stated.",
            "list",
            item_pattern="^(year|month|day)$",
        ),
        Column(f"{prefix}date_note", "How the inferred parts were inferred."),
    )


_PARTICIPANT = (("report_id", "participant_id"), "participants", ("report_id", "participant_id"))

TABLES: tuple[Table, ...] = (
    Table(
        "reports",
        "One row per report.",
        (
            _report(),
            Column("headline", "The headline.", required=True),
            Column(
                "headline_origin",
                "source: from the article; editorial: written for this report.",
                required=True,
                enum=("source", "editorial"),
            ),
            Column("dateline", "The dateline as printed."),
            *_span("dateline_", "the dateline", required=False),
            _id("dateline_place_id", "The place the dateline names: a participant id.", required=False),
            *_date("dateline_", "dateline's date"),
            Column("published", "Publication date, or date-time with UTC offset.", pattern=MOMENT_PATTERN),
            Column("modified", "Last modification date, or date-time with UTC offset.", pattern=MOMENT_PATTERN),
            Column("language", "BCP 47 language tag of the body."),
            Column("url", "Where the report is published."),
            Column("publisher_kind", "person or organization, when known.", enum=("person", "organization")),
            Column("publisher_name", "The publisher's name."),
            Column("publisher_url", "A page about the publisher."),
            Column("body", "The exact text of the report; every span indexes into it."),
        ),
        ("report_id",),
    ),
    Table(
        "authors",
        "The report's authors, in byline order.",
        (
            _report(),
            _position("author"),
            Column("kind", "person or organization, when known.", enum=("person", "organization")),
            Column("name", "The author's name.", required=True),
            Column("url", "A page about the author."),
        ),
        ("report_id", "position"),
    ),
    Table(
        "blocks",
        "Paragraphs and subheadings of the body.",
        (
            _report(),
            _position("block"),
            Column("kind", "paragraph or subheading.", required=True, enum=("paragraph", "subheading")),
            *_span("", "the block"),
        ),
        ("report_id", "position"),
    ),
    Table(
        "participants",
        "Every person, organization and place a report names.",
        (
            _report(),
            _id("participant_id", "The participant's id within its report."),
            _position("participant"),
            Column("kind", "person, organization or place.", required=True, enum=("person", "organization", "place")),
            Column("name", "The name in its fullest form.", required=True),
            Column(
                "place_type",
                "For places: country, city, region, territory or other.",
                enum=("country", "city", "region", "territory", "other"),
            ),
            _id(
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
            _report(),
            _id("participant_id", "The participant."),
            _position("name"),
            Column("name", "The name.", required=True),
            Column("language", "BCP 47 tag of its language or script."),
        ),
        ("report_id", "participant_id", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "participant_identifiers",
        "External identifiers of participants (only certain ones).",
        (
            _report(),
            _id("participant_id", "The participant."),
            _position("identifier"),
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
            _report(),
            _id("participant_id", "The person."),
            _position("title"),
            Column("title", "The title as printed.", required=True),
            _id("organization_id", "The organization the title belongs to.", required=False),
        ),
        ("report_id", "participant_id", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "affiliations",
        "Organizations persons belong to.",
        (
            _report(),
            _id("participant_id", "The person."),
            _position("affiliation"),
            _id("organization_id", "The organization."),
        ),
        ("report_id", "participant_id", "position"),
        (_PARTICIPANT, (("report_id", "organization_id"), "participants", ("report_id", "participant_id"))),
    ),
    Table(
        "mentions",
        "Where the body names a participant or refers to an event.",
        (
            _report(),
            _id("subject_id", "The participant or event mentioned."),
            _position("mention"),
            *_span("", "the mention"),
        ),
        ("report_id", "subject_id", "position"),
    ),
    Table(
        "title_mentions",
        "Where the body prints a person's title.",
        (
            _report(),
            _id("participant_id", "The person."),
            Column("title_position", "The title's position.", "integer", required=True),
            _position("mention"),
            *_span("", "the mention"),
        ),
        ("report_id", "participant_id", "title_position", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "events",
        "The event each report covers, and its sub-events.",
        (
            _report(),
            _id("event_id", "The event's id within its report."),
            _position("event (depth first)"),
            _id("parent_event_id", "The event this one is part of; empty for the covered event.", required=False),
            Column("kind", "What kind of event: visit, press-conference, meeting, ...", required=True, pattern=CODE),
            Column("name", "A short descriptive name.", required=True),
            *_date("", "event's date"),
            _id("place_id", "Where it happened: a participant id.", required=False),
        ),
        ("report_id", "event_id"),
    ),
    Table(
        "referenced_events",
        "Earlier events the reports point to.",
        (
            _report(),
            _id("event_id", "The event's id within its report."),
            _position("referenced event"),
            Column("kind", "What kind of event.", required=True, pattern=CODE),
            Column("name", "A short descriptive name.", required=True),
            *_date("", "event's date"),
            _id("place_id", "Where it happened: a participant id.", required=False),
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
            _report(),
            _id("event_id", "The event."),
            _position("participation"),
            _id("participant_id", "The participant."),
            Column("role", "host, guest, speaker, ...", pattern=CODE),
        ),
        ("report_id", "event_id", "position"),
        (_PARTICIPANT,),
    ),
    Table(
        "statements",
        "Who said what: every statement of every report.",
        (
            _report(),
            _id("statement_id", "The statement's id within its report."),
            _position("statement"),
            Column("kind", "direct, partial or indirect.", required=True, enum=("direct", "partial", "indirect")),
            Column(
                "speaker_ids", "Who made it: participant ids (several for a joint statement).", "list", item_pattern=ID
            ),
            Column("text", "The words as printed.", required=True),
            *_span("", "the text"),
            Column("reporting_verb", "The verb that introduces it."),
            *_span("verb_", "the reporting verb", required=False),
            _id("event_id", "The event it was made at.", required=False),
            Column("about_ids", "Participants it is about.", "list", item_pattern=ID),
        ),
        ("report_id", "statement_id"),
    ),
)
"""Every table, in the order of `datapackage.json`."""

BY_NAME = {table.name: table for table in TABLES}
