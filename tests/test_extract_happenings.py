"""Dated happenings: a date phrase beside a clause's verb is an event of the draft."""

from __future__ import annotations

from newsreport import NewsReport, extract

TEXT = (
    "BOSTON (AP) — Shares of the company plunged 20% on Thursday after the indictment was unsealed "
    "in February.\n\n"
    "\u201cWe will fight this,\u201d Jane Roe said Friday.\n\n"
    "The board is due to meet on Monday."
)


def _draft() -> NewsReport:
    return extract(TEXT, published="2025-03-08", language="en")  # a Saturday


def _by_mention(report: NewsReport) -> dict[str, tuple[str, str, str]]:
    return {
        TEXT[m.start : m.end]: (e.kind, e.date.value if e.date else "", e.relation)
        for e in report.referenced_events
        for m in e.mentions
    }


def test_a_date_beside_a_verb_is_a_dated_happening() -> None:
    found = _by_mention(_draft())
    assert found["plunged 20% on Thursday"] == ("occurrence", "2025-03-06", "related")
    assert found["unsealed in February"] == ("occurrence", "2025-02", "background")


def test_a_dated_reporting_verb_is_the_statement_event_and_the_statement_is_made_at_it() -> None:
    report = _draft()
    (said,) = [e for e in report.referenced_events if e.kind == "statement"]
    assert (TEXT[said.mentions[0].start : said.mentions[0].end], said.date and said.date.value) == (
        "said Friday",
        "2025-03-07",
    )
    (quote,) = [s for s in report.statements if s.kind == "direct"]
    assert quote.event == said.id and said.cited_by == (quote.id,)
    assert [p.role for p in said.participations] == ["speaker"] * len(quote.speakers)


def test_inferred_parts_keep_their_note() -> None:
    for event in _draft().referenced_events:
        assert event.date is not None
        assert not event.date.inferred or event.date.note


def test_a_date_with_no_verb_beside_it_makes_no_happening() -> None:
    assert "on Monday" not in " ".join(_by_mention(_draft()))
    assert extract("The vote on Monday.", published="2025-03-08").referenced_events == ()


def test_without_a_publication_date_nothing_is_resolved_from_the_calendar() -> None:
    assert [e for e in extract(TEXT).referenced_events if e.kind in ("occurrence", "statement")] == []
