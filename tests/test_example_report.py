"""The example report against the article text it was written from."""

from __future__ import annotations

import re
from pathlib import Path

from newsreport import NewsReport

from .conftest import EXAMPLES


def test_article_is_a_byte_exact_copy(shared: Path) -> None:
    """examples/article.txt is the shared article, byte for byte."""
    original = (shared / "article" / "tehran-2025-02-03.txt").read_bytes()
    assert (EXAMPLES / "article.txt").read_bytes() == original


def test_body_is_the_article(report: NewsReport, article: str) -> None:
    """The body is the article unchanged: a leading space, no final newline."""
    assert report.body is not None
    assert report.body.text == article
    assert article.startswith(" date 2025-02-03 TEHRAN")
    assert not article.endswith("\n")


def test_blocks_are_the_paragraphs_and_the_subheading(report: NewsReport, article: str) -> None:
    """Each non-empty line is one block; the one line without a full stop is the subheading."""
    assert report.body is not None
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)]
    assert [(b.span.start, b.span.end) for b in report.body.blocks] == lines
    subheadings = [b.span.of(article) for b in report.body.blocks if b.kind == "subheading"]
    assert subheadings == ["Iran judiciary chief commends Iraq’s support for Palestinian cause"]


def test_every_statement_span_holds_its_text(report: NewsReport, article: str) -> None:
    """Each statement's span, and its reporting verb's, hold exactly the printed words."""
    for s in report.statements:
        assert article[s.span.start : s.span.end] == s.text, s.id
        assert s.reporting_verb is not None
        verb = s.reporting_verb
        assert article[verb.span.start : verb.span.end] == verb.text, s.id


def test_statements_follow_the_text(report: NewsReport) -> None:
    """Statements are listed in the order the text gives them."""
    starts = [s.span.start for s in report.statements]
    assert starts == sorted(starts)


def _quoted_passages(article: str) -> list[str]:
    """Every passage between straight double quotes, without a trailing comma."""
    return [m.group(1).rstrip(",") for m in re.finditer(r'"([^"]+)"', article)]


def test_every_quoted_passage_is_a_statement(report: NewsReport, article: str) -> None:
    """All three quoted passages of the text are statements: two direct quotes and one partial."""
    quoted = {s.text: s.kind for s in report.statements if s.kind != "indirect"}
    assert quoted == {
        passage: ("partial" if len(passage.split()) < 4 else "direct") for passage in _quoted_passages(article)
    }
    assert len(quoted) == 3


def test_direct_quotes_belong_to_the_right_speakers(report: NewsReport, article: str) -> None:
    """Qalibaf says the first quote ("he said" after it), Mashhadani the second ("he stressed")."""
    direct = [s for s in report.statements if s.kind == "direct"]
    assert [s.speakers for s in direct] == [("qalibaf",), ("mashhadani",)]
    first, second = direct
    assert article[first.span.end :].startswith('," he said')
    assert article[second.span.end :].startswith('," he stressed')
    names = {p.id: p.name for p in report.participants}
    assert names["qalibaf"] == "Mohammad Baqer Qalibaf"
    assert names["mashhadani"] == "Mahmoud al-Mashhadani"
    # The paragraph of each quote names its speaker and no other person.
    for quote, surname in ((first, "Qalibaf"), (second, "Iraqi parliament speaker")):
        paragraph = _paragraph_of(report, quote.span.start)
        assert surname in paragraph


def test_each_attribution_names_its_speaker_in_its_source(report: NewsReport, article: str) -> None:
    """Every statement whose attribution has words naming the speaker carries them as its source,
    at their place: before the verb, or after the quote ("he said"); a participle clause
    ("stressing", "adding") has none of its own. The report is checked by hand: no drafting program."""
    assert report.drafted_by is None
    sources = {s.id: s.source for s in report.statements}
    assert [i for i, source in sources.items() if source is None] == ["s3", "s6", "s15", "s17", "s23"]
    for s in report.statements:
        if s.source is None:
            assert s.reporting_verb is not None and s.reporting_verb.text.endswith("ing"), s.id
            continue
        assert article[s.source.span.start : s.source.span.end] == s.source.text, s.id
        assert s.reporting_verb is not None
        after_quote = s.source.span.start > s.span.end
        assert after_quote == (s.kind == "direct"), s.id
        if not after_quote:
            assert s.source.span.end <= s.reporting_verb.span.start, s.id
    texts = {i: source.text for i, source in sources.items() if source is not None}
    assert (texts["s1"], texts["s4"], texts["s5"]) == ("Iran and Iraq", "he", "The Iranian parliament speaker")


def _paragraph_of(report: NewsReport, offset: int) -> str:
    assert report.body is not None
    block = next(b for b in report.body.blocks if b.span.start <= offset < b.span.end)
    return block.span.of(report.body.text)


def test_speakers_are_named_where_they_speak(report: NewsReport) -> None:
    """Each statement's paragraph, or one before it, mentions its speaker."""
    assert report.body is not None
    for s in report.statements:
        participants = {p.id: p for p in report.participants}
        block_starts = [b.span.start for b in report.body.blocks if b.span.start <= s.span.start]
        window_start = block_starts[-3] if len(block_starts) >= 3 else 0
        for speaker in s.speakers:
            assert any(window_start <= m.start <= s.span.start for m in participants[speaker].mentions), s.id


def test_about_names_participants_mentioned_in_the_statement(report: NewsReport) -> None:
    """A statement is about the participants whose mentions lie inside it."""
    participants = {p.id: p for p in report.participants}
    for s in report.statements:
        for pid in s.about:
            assert any(s.span.start <= m.start and m.end <= s.span.end for m in participants[pid].mentions)


def test_referenced_events_carry_partial_dates(report: NewsReport, article: str) -> None:
    """ "October 2024" is a stated year-month; "in May" is a month whose year, 2024, is inferred."""
    dates = {e.id: e.date for e in report.referenced_events}
    office, visit = dates["mashhadani-takes-office"], dates["rashid-visit"]
    assert office is not None and visit is not None
    assert (office.value, office.precision, office.inferred) == ("2024-10", "month", ())
    assert (visit.value, visit.precision, visit.inferred) == ("2024-05", "month", ("year",))
    assert visit.note is not None and "May" in visit.note
    mentions = {e.id: [m.of(article) for m in e.mentions] for e in report.referenced_events}
    assert "October 2024" in mentions["mashhadani-takes-office"][0]
    assert mentions["rashid-visit"][0].endswith("in May")
    assert "2024" not in mentions["rashid-visit"][0]


def test_rashid_visit_is_cited_by_the_statement_that_names_it(report: NewsReport) -> None:
    """The statement about the agreements signed during Rashid's visit cites that visit."""
    visit = next(e for e in report.referenced_events if e.id == "rashid-visit")
    (citing,) = visit.cited_by
    statement = next(s for s in report.statements if s.id == citing)
    assert "Abdul Latif Rashid’s visit to Tehran in May" in statement.text


def test_participant_mentions_name_them(report: NewsReport, article: str) -> None:
    """Every mention of a person holds part of the person's name."""
    for p in report.participants:
        if p.kind == "person":
            for m in p.mentions:
                assert m.of(article) in p.name, (p.id, m.of(article))


def test_every_named_person_is_a_participant(report: NewsReport, article: str) -> None:
    """The four people the article names are participants, with their titles as printed."""
    titles = {p.name: [t.text for t in p.titles] for p in report.participants if p.kind == "person"}
    assert titles == {
        "Mohammad Baqer Qalibaf": ["Iranian Parliament Speaker"],
        "Mahmoud al-Mashhadani": ["Iraqi parliament speaker"],
        "Abdul Latif Rashid": ["Iraqi President"],
        "Gholam-Hossein Mohseni-Ejei": ["Judiciary Chief", "Hojjat al-Islam"],
    }
    for name in titles:
        assert name in article


def test_event_has_the_press_conference_and_the_meeting(report: NewsReport) -> None:
    """The visit is one event with two parts: the press conference and the judiciary meeting."""
    assert report.event is not None
    assert report.event.kind == "visit"
    assert [e.kind for e in report.event.sub_events] == ["press-conference", "meeting"]
    press = report.event.sub_events[0]
    assert press.date is not None and press.date.value == "2025-02-03" and press.date.inferred


def test_headline_is_marked_editorial(report: NewsReport, article: str) -> None:
    """The article has no headline, so ours is marked as the editor's."""
    assert report.headline.origin == "editorial"
    assert report.headline.text not in article


def test_no_identifiers_or_bylines_are_invented(report: NewsReport) -> None:
    """The article gives no author, publisher, URL or external identifier, so the report has none."""
    assert report.authors == () and report.publisher is None and report.url is None
    assert all(not p.identifiers for p in report.participants)
