"""The flat export: one row per statement, everything a spreadsheet needs without joins (lossy)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO

from newsreport.converters.csv_.writer import escape_formula
from newsreport.model import NewsReport, Person, _EventBase

HEADER = [
    "report_id",
    "report_published",
    "report_headline",
    "report_url",
    "report_status",
    "report_drafted_by",
    "statement_id",
    "statement_position",
    "kind",
    "speaker_ids",
    "speaker_names",
    "speaker_kinds",
    "speaker_titles",
    "source",
    "reporting_verb",
    "text",
    "start_char",
    "end_char",
    "event_id",
    "event_name",
    "event_date",
    "event_place",
]
"""Columns of the flat export; several speakers of a joint statement are joined with `; `.
`report_status` is there because a `withheld` or `canceled` report's statements must not reach
readers, and a spreadsheet user filtering rows would not know it otherwise; `report_drafted_by`
(`newsreport.extract 0.5.0`, then `; ` and the pipeline if one ran) because a drafted report's
statements are a program's reading, not checked ones. `source` holds the words that name the
speaker as printed ("he"), beside the speakers' names."""


def write_flat(reports: Iterable[NewsReport], stream: BinaryIO, excel: bool = False) -> None:
    """One CSV row per statement of every report, under one header."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig" if excel else "utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(HEADER)
    for report in reports:
        for row in flat_rows(report):
            writer.writerow([escape_formula(cell) for cell in row] if excel else row)
    text.detach()


def flat_rows(report: NewsReport) -> list[list[str]]:
    """The report's rows of the flat export."""
    return list(_rows(report))


def _rows(report: NewsReport) -> Iterable[list[str]]:
    people = {p.id: p for p in report.participants}
    events: dict[str, _EventBase] = {e.id: e for e in (*report.events(), *report.referenced_events)}
    draft = report.drafted_by
    drafted_by = "; ".join(filter(None, [f"{draft.software} {draft.version}", draft.pipeline])) if draft else ""
    for position, s in enumerate(report.statements):
        speakers = [people[i] for i in s.speakers]
        titles = [p.titles[0].text if isinstance(p, Person) and p.titles else "" for p in speakers]
        event = events.get(s.event) if s.event else None
        place = people[event.place].name if event and event.place else ""
        yield [
            report.id,
            report.published.isoformat() if report.published else "",
            report.headline.text,
            report.url or "",
            report.status or "",
            drafted_by,
            s.id,
            str(position),
            s.kind,
            ";".join(s.speakers),
            "; ".join(p.name for p in speakers),
            "; ".join(p.kind for p in speakers),
            "; ".join(titles),
            s.source.text if s.source else "",
            s.reporting_verb.text if s.reporting_verb else "",
            s.text,
            str(s.span.start),
            str(s.span.end),
            event.id if event else "",
            event.name if event else "",
            event.date.value if event and event.date else "",
            place,
        ]


__all__ = ["HEADER", "flat_rows", "write_flat"]
