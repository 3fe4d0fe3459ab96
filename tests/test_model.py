"""The model's rules: what a valid report may and may not hold, and where a problem is reported."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from newsreport import NewsReport, validate
from newsreport.model import PartialDate

BODY = 'TEHRAN – Talks went well, the speaker said. "We agree," he added.'


def _minimal() -> dict[str, Any]:
    start = BODY.index("We agree")
    return {
        "id": "urn:example:1",
        "headline": {"text": "Talks went well"},
        "body": {"text": BODY, "blocks": [{"kind": "paragraph", "span": {"start": 0, "end": len(BODY)}}]},
        "participants": [
            {"id": "speaker", "kind": "person", "name": "The speaker", "affiliations": ["parl"], "country": "iran"},
            {"id": "parl", "kind": "organization", "name": "Parliament"},
            {"id": "iran", "kind": "place", "place_type": "country", "name": "Iran"},
            {"id": "tehran", "kind": "place", "place_type": "city", "name": "Tehran", "country": "iran"},
        ],
        "event": {"id": "talks", "kind": "meeting", "name": "Talks", "place": "tehran"},
        "statements": [
            {
                "id": "s1",
                "kind": "direct",
                "speakers": ["speaker"],
                "text": "We agree",
                "span": {"start": start, "end": start + 8},
                "event": "talks",
            }
        ],
    }


def _with(path: str, value: object) -> dict[str, Any]:
    """The minimal report with the value at a dotted path replaced (`None` deletes it)."""
    data = _minimal()
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    node: Any = data
    for step in parents:
        node = node[step]
    if value is None:
        del node[last]
    else:
        node[last] = copy.deepcopy(value)
    return data


def test_minimal_report_is_valid() -> None:
    """The base case of the table below is itself valid."""
    assert validate(_minimal()) == []
    NewsReport.model_validate(_minimal())


BROKEN = [
    ("statements.0.speakers", ["nobody"], "$.statements[0].speakers[0]", "unknown participant 'nobody'"),
    ("statements.0.speakers", ["parl", "tehran"], None, None),  # organizations and places may speak
    ("statements.0.event", "party", "$.statements[0].event", "unknown event 'party'"),
    ("statements.0.about", ["ghost"], "$.statements[0].about[0]", "unknown participant 'ghost'"),
    ("statements.0.span", {"start": 3, "end": 11}, "$.statements[0].span", "the body has"),
    ("statements.0.span", {"start": 60, "end": 99}, "$.statements[0].span", "runs past the body's end"),
    ("statements.0.span", {"start": 9, "end": 4}, "$.statements[0].span", "before its start"),
    ("statements.0.kind", "hearsay", "$.statements[0].kind", "is not one of"),
    ("participants.0.affiliations", ["iran"], "$.participants[0].affiliations[0]", "is a place, not an organization"),
    ("participants.0.country", "tehran", "$.participants[0].country", "is a city, not a country"),
    ("participants.3.country", "tehran", "$.participants[3].country", "cannot lie in itself"),
    ("statements.0.id", "speaker", "$.statements[0].id", "duplicate id 'speaker' (first at $.participants[0].id)"),
    (
        "event.sub_events",
        [{"id": "talks", "kind": "meeting", "name": "Sub-talks"}],
        "$.event.sub_events[0].id",
        "duplicate id 'talks' (first at $.event.id)",
    ),
    ("event.place", "parl", "$.event.place", "is a organization, not a place"),
    ("event.date", {"value": "2025-13"}, "$.event.date", "has no month 13"),
    ("event.date", {"value": "2023-02-29"}, "$.event.date", "not a day of the calendar"),
    ("event.date", {"value": "2024-02-29"}, None, None),
    ("event.date", {"value": "May 2024"}, "$.event.date.value", "does not match"),
    ("event.date", {"value": "2024", "inferred": ["month"], "note": "x"}, "$.event.date", "has no such part"),
    ("event.date", {"value": "2024-05", "inferred": ["year"]}, "$.event.date", "needs a note"),
    (
        "body.blocks",
        [{"kind": "paragraph", "span": {"start": 5, "end": 9}}, {"kind": "paragraph", "span": {"start": 7, "end": 12}}],
        "$.body.blocks[1].span",
        "inside the block before it",
    ),
    ("headline", None, "$.headline", "'headline' is a required property"),
    ("headline.text", "", "$.headline.text", "should be non-empty"),
    ("headline.text", "bell\x07", "$.headline.text", "does not match"),
    ("id", "not an iri", "$.id", "does not match"),
    ("published", "2025-02-03T10:00:00", None, None),  # a local time, as the source gave it
    ("published", "2025-02-30T10:00:00", "$.published", "not a day and time of the calendar"),
    ("published", "2025-02-03T10:00:00+25:00", "$.published", "not a day and time of the calendar"),
    ("published", "2025-02-03 10:00:00", "$.published", "does not match"),
    ("modified", "2025-02-01", None, None),  # before published: kept as the source says
    ("urgency", 0, "$.urgency", "less than the minimum of 1"),
    ("urgency", 10, "$.urgency", "greater than the maximum of 9"),
    ("urgency", "3", "$.urgency", "is not of type 'integer'"),
    ("version", 0, "$.version", "less than the minimum of 1"),
    ("free_access", "true", "$.free_access", "is not of type 'boolean'"),
    ("status", "published", "$.status", "is not one of"),
    ("authors", [{"kind": "person"}], "$.authors[0]", "an agent needs a name, a code or a url"),
    ("authors", [{"code": "dpauser:hollmann.christian"}], None, None),
    ("subjects", [{"code": "20000106"}], "$.subjects[0]", "a code needs the scheme it belongs to"),
    ("subjects", [{"scheme": "medtop"}], "$.subjects[0]", "a concept needs a code, a uri or a name"),
    ("subjects", [{"scheme": "medtop", "code": "20000106", "rank": 1}], None, None),
    ("media", [{"kind": "image", "width": 640}], "$.media[0]", "needs a url, a title or a caption"),
    ("media", [{"url": "https://example.org/a.jpg", "media_type": "jpeg"}], "$.media[0].media_type", "does not match"),
    ("keywords", [""], "$.keywords[0]", "should be non-empty"),
    ("links", [{"rel": "irel:seeAlso"}], "$.links[0]", "a link needs a url or an item_id"),
    ("links", [{"item_id": "STT 123456"}], None, None),  # an agency's guid need not be an IRI
    ("extra", 1, "$", "Additional properties are not allowed ('extra' was unexpected)"),
    (
        "participants.0.identifiers",
        [{"scheme": "wikidata", "value": "42"}],
        "$.participants[0].identifiers[0]",
        "not a Wikidata item id",
    ),
]


@pytest.mark.parametrize(("path", "value", "where", "message"), BROKEN)
def test_each_rule_reports_its_place(path: str, value: object, where: str | None, message: str | None) -> None:
    """Breaking one rule gives one problem at its JSON path; allowed variants give none."""
    problems = validate(_with(path, value))
    if where is None:
        assert problems == []
        return
    assert [p.path for p in problems] == [where]
    assert message is not None and message in problems[0].message


def test_building_an_invalid_report_raises() -> None:
    """The rules run on every build, not only in validate()."""
    with pytest.raises(ValidationError, match="unknown participant 'nobody'"):
        NewsReport.model_validate(_with("statements.0.speakers", ["nobody"]))


def test_local_times_stay_local() -> None:
    """A date-time without an offset is kept as the source wrote it, neither cut to the day nor
    placed in a zone we do not know."""
    report = NewsReport.model_validate(_with("published", "2025-02-03T00:00:00"))
    assert report.model_dump(mode="json")["published"] == "2025-02-03T00:00:00"
    assert report.published is not None and report.published.tzinfo is None  # type: ignore[union-attr]


def test_a_span_needs_a_body() -> None:
    """Spans point into the body, so a report without one can have none."""
    data = _with("body", None)
    assert [p.path for p in validate(data)] == ["$.statements[0].span"]


def test_models_are_frozen() -> None:
    """Reports cannot be changed in place; `model_copy(update=...)` makes a new one."""
    report = NewsReport.model_validate(_minimal())
    with pytest.raises(ValidationError):
        report.headline = report.headline  # type: ignore[misc]


def test_partial_date_precision() -> None:
    """A partial date knows its parts and its precision."""
    assert PartialDate(value="2024").precision == "year"
    assert PartialDate(value="2024-05").parts == ("year", "month")
    assert PartialDate(value="2024-05-17").precision == "day"
