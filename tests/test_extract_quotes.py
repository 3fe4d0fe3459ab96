"""Pairing quote marks: every style, nesting, apostrophes and quotes over paragraphs."""

from __future__ import annotations

import pytest

from newsreport.extraction.blocks import find_blocks
from newsreport.extraction.quotes import find_quotes


def _quoted(text: str) -> list[str]:
    return [text[quote.start : quote.end] for quote in find_quotes(text, find_blocks(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win the vote" today.', ["we will win the vote"]),
        ("He said \u201cwe will win the vote\u201d today.", ["we will win the vote"]),
        ("Il a dit \u00abnous gagnerons le vote\u00bb hier.", ["nous gagnerons le vote"]),
        ("Er sagte \u201ewir gewinnen die Wahl\u201c heute.", ["wir gewinnen die Wahl"]),
        ("He said \u2018we will win the vote\u2019 today.", ["we will win the vote"]),
        ("''We will win the vote,'' Mr. Smith said.", ["We will win the vote"]),
        ("\u201dWe will win the vote,\u201d she said.", ["We will win the vote"]),
    ],
    ids=["straight", "curly", "guillemets", "german", "single", "nyt-apostrophes", "mistyped-opener"],
)
def test_each_quote_style(text: str, expected: list[str]) -> None:
    """Each mark style pairs into one quotation, without its marks or its trailing comma."""
    assert _quoted(text) == expected


def test_apostrophes_are_not_marks() -> None:
    """`Clinton’s`, `don't` and a plural possessive are no quotation."""
    assert _quoted("Clinton\u2019s aide said they don't know the voters' views.") == []


def test_nested_quote_stays_inside() -> None:
    """A single-quoted phrase inside a double quotation is part of it, not a quotation of its own."""
    text = "\u201cThey called it \u2018a disgrace\u2019 at the time,\u201d he said."
    assert _quoted(text) == ["They called it \u2018a disgrace\u2019 at the time"]


def test_quote_over_paragraphs_is_one_quotation() -> None:
    """Paragraphs that open with a mark and never close continue the quotation to its last mark."""
    text = "She said: \u201cFirst part of it.\n\n\u201cSecond part.\n\n\u201cLast part.\u201d\n\nAfter."
    quotes = find_quotes(text, find_blocks(text))
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end] == "First part of it.\n\n\u201cSecond part.\n\n\u201cLast part."
    assert quotes[0].paragraphs == 3


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    """A quotation never closed, followed by an ordinary paragraph, ends where its paragraph ends."""
    text = '"We will not go back, he said.\n\nThe crowd left.'
    assert _quoted(text) == ["We will not go back, he said."]


def test_seed_article_quotes(article: str) -> None:
    """The seed article's two direct quotes and its quoted `very deep`."""
    assert _quoted(article) == [
        "We are committed to enhancing political and economic relations, which play a crucial role in fostering"
        " regional peace and stability among both Arab and non-Arab Muslim countries",
        "very deep",
        "No one should be allowed to disrupt regional security and stability",
    ]


def test_mark_between_spaces_opens_when_none_is_open() -> None:
    """`He says, ” there are...”`: a closing mark typed with spaces around it opens the quote."""
    assert _quoted("He says, \u201d there are a lot of people.\u201d") == ["there are a lot of people."]


def test_empty_quote_is_no_quotation() -> None:
    """`""` and `" ,"` quote nothing."""
    assert _quoted('He typed "" and " ," then "left early" at noon.') == ["left early"]


def test_double_quote_nested_in_a_double_quote() -> None:
    """`"... what he calls "hell" than ..."`: an opening mark whose next two marks close nests."""
    text = "\u201cI would rather live in what he calls \u201chell\u201d than live with him.\u201d \u2015 A Reader"
    quotes = find_quotes(text, find_blocks(text))
    assert [text[quote.start : quote.end] for quote in quotes] == [
        "I would rather live in what he calls \u201chell\u201d than live with him."
    ]
