"""The dateline at the head of a text: its words, place, printed date and agency."""

from __future__ import annotations

import re

import pytest

from newsreport import NewsReport
from newsreport.extraction.dateline import find_dateline
from newsreport.extraction.found import FoundBlock


def _blocks(text: str) -> tuple[FoundBlock, ...]:
    """Paragraphs split on blank lines, as `find_blocks` gives them (without its subheadings)."""
    return tuple(FoundBlock("paragraph", m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\n))*", text))


@pytest.mark.parametrize(
    ("text", "dateline", "place", "date", "agency"),
    [
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP)", "WASHINGTON", None, "AP"),
        ("TEHRAN – Iran said on Monday it would talk.", "TEHRAN", "TEHRAN", None, None),
        ("MIDWAY ATOLL - Seventy years ago the battle began.", "MIDWAY ATOLL", "MIDWAY ATOLL", None, None),
        ("NEW YORK, Sept. 12 (Reuters) - Stocks rose.", "NEW YORK, Sept. 12 (Reuters)", "NEW YORK", None, "Reuters"),
        (
            "NEW YORK, Sept. 12, 2016 (Reuters) - Stocks rose.",
            "NEW YORK, Sept. 12, 2016 (Reuters)",
            "NEW YORK",
            "2016-09-12",
            "Reuters",
        ),
        (
            "BERLIN, 3. Februar (dpa) - Die Regierung hat beschlossen.",
            "BERLIN, 3. Februar (dpa)",
            "BERLIN",
            None,
            "dpa",
        ),
        ("RENO, Nev. (AP) — Voters lined up early.", "RENO, Nev. (AP)", "RENO", None, "AP"),
        ("MANCHESTER, N.H. -- The candidates met.", "MANCHESTER, N.H.", "MANCHESTER", None, None),
        ("Cleveland (AFP) – The delegates cheered.", "Cleveland (AFP)", "Cleveland", None, "AFP"),
        ("date 2025-02-03 TEHRAN – Two speakers met.", "date 2025-02-03 TEHRAN", "TEHRAN", "2025-02-03", None),
    ],
)
def test_dateline_forms(text: str, dateline: str, place: str, date: str | None, agency: str | None) -> None:
    """Each form gives its words without the dash, its place, a full date only, and its agency."""
    found = find_dateline(text, _blocks(text))
    assert found is not None
    assert text[found.start : found.end] == dateline
    assert found.place is not None and text[found.place[0] : found.place[1]] == place
    assert found.date == date
    assert (text[found.agency[0] : found.agency[1]] if found.agency else None) == agency


@pytest.mark.parametrize(
    "text",
    [
        "The president said on Monday that the talks - long stalled - would resume.",
        "EXCLUSIVE – Trump Campaign Plans New Ads\n\nThe campaign will spend more.",
        "Fiorina Pushed Ahead - and Won\n\nShe won the debate.",
        "HUFFPOLLSTER VIA EMAIL! - You can receive this update every morning.",
        "Iran and Iraq have reaffirmed their ties.",
    ],
)
def test_no_dateline(text: str) -> None:
    """An ordinary sentence, a headline, a label before a dash: no dateline."""
    assert find_dateline(text, _blocks(text)) is None


def test_dateline_after_a_headline() -> None:
    """The dateline opens the first paragraph after the headline."""
    text = "Senate passes the budget\n\nWASHINGTON — The Senate passed the budget."
    found = find_dateline(text, _blocks(text))
    assert found is not None and text[found.start : found.end] == "WASHINGTON"


def test_seed_dateline(article: str, report: NewsReport) -> None:
    """The seed article's dateline is the key's: text, span and date."""
    found = find_dateline(article, _blocks(article))
    key = report.dateline
    assert found is not None and key is not None and key.span is not None and key.date is not None
    assert article[found.start : found.end] == key.text
    assert (found.start, found.end) == (key.span.start, key.span.end)
    assert found.date == key.date.value
    assert found.place is not None and article[found.place[0] : found.place[1]] == "TEHRAN"
