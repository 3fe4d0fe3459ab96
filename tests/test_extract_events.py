"""The event a text covers and the earlier events it refers to (extract.events)."""

from __future__ import annotations

import datetime
import re

from newsreport import NewsReport
from newsreport.extraction.blocks import find_blocks
from newsreport.extraction.events import find_events
from newsreport.extraction.found import FoundDateline, FoundEvents
from newsreport.model import PartialDate, Participant, Person, Place, ReferencedEvent, Span, Statement

THURSDAY = datetime.date(2025, 2, 6)


def _cast(text: str, persons: dict[str, str], places: dict[str, str] | None = None) -> tuple[Participant, ...]:
    """Participants named by `id: printed name`, with a mention wherever the name is printed."""

    def spans(words: str) -> tuple[Span, ...]:
        return tuple(Span(start=m.start(), end=m.end()) for m in re.finditer(re.escape(words), text))

    cast: list[Participant] = [Person(id=i, name=n, mentions=spans(n)) for i, n in persons.items()]
    cast += [Place(id=i, name=n, place_type="city", mentions=spans(n)) for i, n in (places or {}).items()]
    return tuple(cast)


def _events(
    text: str,
    published: datetime.date | None = THURSDAY,
    cast: tuple[Participant, ...] = (),
    statements: tuple[Statement, ...] = (),
    dateline: FoundDateline | None = None,
) -> FoundEvents:
    return find_events(text, find_blocks(text), published, dateline, cast, statements)


LEAD = "The council met on Thursday.\n\nIt voted on the budget.\n\nThe vote was close.\n\n"


def test_visit_referenced_with_owner_place_and_citing_statement() -> None:
    """`X's visit to Y in May`: a visit, X its guest, at Y, May of the year before, cited by the statement."""
    text = LEAD + "He praised deals signed during Anna Berg’s visit to Paris in May, officials said."
    statement = Statement(
        id="s1",
        kind="indirect",
        speakers=(),
        text=text[len(LEAD) + 3 : text.index(",")],
        span=Span(start=len(LEAD) + 3, end=text.index(",")),
    )
    found = _events(text, cast=_cast(text, {"berg": "Anna Berg"}, {"paris": "Paris"}), statements=(statement,))
    (visit,) = found.referenced
    assert visit.kind == "visit"
    assert visit.date is not None
    assert (visit.date.value, visit.date.inferred) == ("2024-05", ("year",))
    assert visit.place == "paris"
    assert [(p.participant, p.role) for p in visit.participations] == [("berg", "guest")]
    assert visit.mentions[0].of(text) == "Anna Berg’s visit to Paris in May"
    assert visit.name == "Anna Berg’s visit to Paris"
    assert visit.cited_by == ("s1",)


def test_assuming_office_owned_by_the_subject() -> None:
    """`X ... since assuming office in October 2024`: X holds the office; the date is stated."""
    text = LEAD + "It is Omar Said’s first trip abroad since assuming office in October 2024."
    (office,) = _events(text, cast=_cast(text, {"said": "Omar Said"})).referenced
    assert office.kind == "assumption-of-office"
    assert office.date is not None
    assert (office.date.value, office.date.inferred) == ("2024-10", ())
    assert office.mentions[0].of(text) == "assuming office in October 2024"
    assert [(p.participant, p.role) for p in office.participations] == [("said", "office-holder")]


def test_date_before_its_event() -> None:
    """`the 2016 election`, `last year's summit`: the date stands before the event's word."""
    text = LEAD + "Unlike the 2016 election, last year’s summit drew crowds. The 1979 Islamic Revolution did too."
    found = {e.kind: e for e in _events(text).referenced}
    assert found["election"].date == PartialDate(value="2016")
    assert found["election"].mentions[0].of(text) == "2016 election"
    summit = found["summit"].date
    assert summit is not None
    assert (summit.value, summit.inferred) == ("2024", ("year",))
    assert found["summit"].name == "last year’s summit"
    assert found["revolution"].date == PartialDate(value="1979")


def test_recent_day_outside_the_lead_is_referenced() -> None:
    """`the debate on Monday` after the lead is an earlier event, dated the Monday before."""
    (debate,) = _events(LEAD + "Critics recalled the debate on Monday.").referenced
    assert debate.date is not None
    assert debate.date.value == "2025-02-03"
    assert debate.date.note is not None


def test_coming_and_undated_events_are_not_referenced() -> None:
    """A visit the text says will come, and a visit without a date, are no earlier events."""
    text = LEAD + "She will visit Rome in May. Her visit to Oslo was a success."
    assert _events(text).referenced == ()


def test_without_publication_date_only_stated_dates() -> None:
    """Without a publication date, `in May` dates nothing; `in October 2024` still does."""
    text = LEAD + "The visit in May followed the summit in October 2024."
    assert [e.kind for e in _events(text, published=None).referenced] == ["summit"]


def test_covered_event_from_dateline_and_lead() -> None:
    """The lead's meeting is the news: its place the dateline's, its date `on Monday`, its persons named."""
    text = "OSLO – Anna Berg met Omar Said on Monday.\n\nThey spoke for an hour.\n\nNo deal was made."
    dateline = FoundDateline(start=0, end=4, place=(0, 4), date="2025-02-03", agency=None)
    cast = _cast(text, {"berg": "Anna Berg", "said": "Omar Said"}, {"oslo": "OSLO"})
    event = _events(text, cast=cast, dateline=dateline).event
    assert event is not None
    assert (event.kind, event.place) == ("meeting", "oslo")
    assert event.date is not None
    assert event.date.value == "2025-02-03"
    assert event.date.note == 'The text says "on Monday"; the dateline date, 2025-02-03, is a Monday.'
    assert {(p.participant, p.role) for p in event.participations} == {("berg", "participant"), ("said", "participant")}
    assert [m.of(text) for m in event.mentions] == ["met"]


def test_visit_with_host_and_parts() -> None:
    """A visit in the lead, host and guest from `hosted`, its press conference and meeting as sub-events."""
    text = (
        "Anna Berg hosted Omar Said at a press conference in Oslo on Monday.\n\n"
        "It is Omar Said’s first visit abroad.\n\n"
        "Later, Omar Said had a meeting with Ivo Lund."
    )
    cast = _cast(text, {"berg": "Anna Berg", "said": "Omar Said", "lund": "Ivo Lund"}, {"oslo": "Oslo"})
    event = _events(text, datetime.date(2025, 2, 3), cast=cast).event
    assert event is not None
    assert event.kind == "visit"
    assert event.name == "Omar Said's visit"
    assert {(p.participant, p.role) for p in event.participations} == {("berg", "host"), ("said", "guest")}
    conference, meeting = event.sub_events
    assert (conference.kind, conference.place) == ("press-conference", "oslo")
    assert conference.date is not None
    assert conference.date.value == "2025-02-03"
    assert meeting.kind == "meeting"
    assert {(p.participant, p.role) for p in meeting.participations} == {("said", "guest"), ("lund", "participant")}


def test_no_event_words() -> None:
    """A text naming no event has no event and no earlier ones."""
    assert _events("Prices rose.\n\nThey fell in May.") == FoundEvents(None, ())


def test_ids_unique_and_names_on_one_line() -> None:
    """Two earlier visits get two ids; every name is one line."""
    text = LEAD + "The visit in\nMay and the visit in March 2024 mattered."
    found = _events(text)
    assert len({e.id for e in found.referenced}) == len(found.referenced) == 2
    assert all("\n" not in e.name for e in found.referenced)


def _inside(found: ReferencedEvent, key: ReferencedEvent) -> bool:
    return key.mentions[0].start <= found.mentions[0].start and found.mentions[0].end <= key.mentions[0].end


def test_seed_article(report: NewsReport) -> None:
    """The seed article, with the key's participants and statements as input: the key's two earlier
    events with their dates, each mention inside the key's, and the covered visit at Tehran."""
    assert report.body is not None
    text = report.body.text
    dateline = FoundDateline(start=1, end=23, place=(17, 23), date="2025-02-03", agency=None)
    found = find_events(
        text, find_blocks(text), datetime.date(2025, 2, 3), dateline, report.participants, report.statements
    )
    by_value = {e.date.value: e for e in found.referenced if e.date}
    key = {e.date.value: e for e in report.referenced_events if e.date}
    assert by_value["2024-10"].date == key["2024-10"].date
    assert by_value["2024-05"].date is not None
    assert by_value["2024-05"].date.inferred == ("year",)
    for value in ("2024-10", "2024-05"):
        assert by_value[value].kind == key[value].kind
        assert _inside(by_value[value], key[value])
    assert by_value["2024-05"].cited_by == ("s10",)
    assert found.event is not None
    assert (found.event.kind, found.event.place) == ("visit", "tehran")
    conference = next(e for e in found.event.sub_events if e.kind == "press-conference")
    assert report.event is not None
    assert conference.date == report.event.sub_events[0].date


def test_subject_of_a_verb_within_its_clause() -> None:
    """A verb's subject is found in its clause or across a relative `who`, not across another clause."""
    text = (
        LEAD
        + "Omar Said, who took office in 2019, praised Anna Berg. Ivo Lund beat Anna Berg, debated Omar Said in 2020."
    )
    found = {
        e.kind: e
        for e in _events(
            text, cast=_cast(text, {"said": "Omar Said", "berg": "Anna Berg", "lund": "Ivo Lund"})
        ).referenced
    }
    assert [(p.participant, p.role) for p in found["assumption-of-office"].participations] == [
        ("said", "office-holder")
    ]
    assert found["assumption-of-office"].name == "Omar Said took office"
    assert [p.participant for p in found["debate"].participations] == ["said"]


AGENCY = (
    "TEHRAN – The foreign minister Ali Nouri met Omani officials on Monday.\n\n"
    "The talks came after Nouri's visit to Baghdad last month.\n\n"
    "They spoke of little else.\n\n"
    "Nouri, who was appointed in August, condemned the killing of Sami Dara in Tehran on July 31. "
    "He recalled the October 7 attack, the war in Gaza since October 2023 and the 2024 presidential election. "
    "Last year's summit in Riyadh failed."
)


def test_agency_style_background() -> None:
    """An agency item's earlier events, each with the date the words give and what is inferred."""
    cast = _cast(AGENCY, {"nouri": "Nouri", "dara": "Sami Dara"}, {"tehran": "Tehran", "baghdad": "Baghdad"})
    dateline = FoundDateline(start=0, end=6, place=(0, 6), date=None, agency=None)
    found = _events(AGENCY, datetime.date(2025, 2, 5), cast=cast, dateline=dateline)
    got = {
        e.id: (e.kind, e.date.value if e.date else None, e.date.inferred if e.date else ()) for e in found.referenced
    }
    assert got == {
        "nouri-visit": ("visit", "2025-01", ("year", "month")),
        "nouri-appointment": ("appointment", "2024-08", ("year",)),
        "killing-2024-07-31": ("killing", "2024-07-31", ("year",)),
        "attack-2024-10-07": ("attack", "2024-10-07", ("year",)),
        "war-2023-10": ("war", "2023-10", ()),
        "election-2024": ("election", "2024", ()),
        "summit-2024": ("summit", "2024", ("year",)),
    }
    killing = next(e for e in found.referenced if e.kind == "killing")
    assert killing.name == "killing of Sami Dara in Tehran"
    assert [(p.participant, p.role) for p in killing.participations] == [("dara", "participant")]
    assert found.event is not None
    assert (found.event.kind, found.event.place) == ("meeting", "tehran")
    assert found.event.date is not None
    assert found.event.date.value == "2025-02-03"


def test_one_event_named_twice() -> None:
    """Two mentions of the same kind of event on the same day are one event with two mentions."""
    text = LEAD + "He said so in an interview on Saturday. In the interview on Saturday, he smiled."
    (interview,) = _events(text).referenced
    assert [m.of(text) for m in interview.mentions] == ["interview on Saturday", "interview on Saturday"]


def test_a_date_after_a_full_stop_is_not_the_event_before_it() -> None:
    """`... at the convention. As of Wednesday, ...`: the sentence ends between them."""
    assert _events(LEAD + "They met at the convention. As of Wednesday, no one had left.").referenced == ()


def test_event_ids_differ_from_participant_ids() -> None:
    """Ids are unique across a report, so an event never takes a participant's id."""
    text = "Anna Berg met Omar Said.\n\nThey talked.\n\nThat was all."
    event = _events(text, cast=_cast(text, {"meeting": "Anna Berg"})).event
    assert event is not None
    assert event.id == "meeting-2"


def test_seed_events_validate_in_the_report(report: NewsReport) -> None:
    """The key with its events replaced by the drafted ones is still a valid report (ids unique,
    references resolve, spans inside the body)."""
    assert report.body is not None
    text = report.body.text
    dateline = FoundDateline(start=1, end=23, place=(17, 23), date="2025-02-03", agency=None)
    found = find_events(
        text, find_blocks(text), datetime.date(2025, 2, 3), dateline, report.participants, report.statements
    )
    data = report.model_dump(mode="json")
    data["event"] = found.event.model_dump(mode="json") if found.event else None
    data["referenced_events"] = [e.model_dump(mode="json") for e in found.referenced]
    data["statements"] = [{**s, "event": None} for s in data["statements"]]  # the key's event ids
    NewsReport.model_validate(data)


def test_background_words_in_the_lead_are_not_the_news() -> None:
    """A lead that mentions a war and a visit covers the visit."""
    text = "Amid the war, Anna Berg began a visit to Oslo.\n\nShe smiled.\n\nThat was all."
    event = _events(text, cast=_cast(text, {"berg": "Anna Berg"}, {"oslo": "Oslo"})).event
    assert event is not None
    assert (event.kind, event.place) == ("visit", "oslo")


def test_date_then_verb_is_no_event() -> None:
    """`in 2014 were killing`: an auxiliary verb stands between, so the date is not the event's."""
    assert _events(LEAD + "Veterans in 2014 were killing time.").referenced == ()
