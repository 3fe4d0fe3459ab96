"""Any text at all drafts into a valid report: the extractor's rules may miss, never break.

Texts are drawn from the pieces news is made of (names, titles, quote marks of every style,
reporting verbs, dates, dashes, line breaks) in any order, and from arbitrary characters.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreport import NewsReport, extract
from newsreport.converters import FORMATS

_PIECES = [
    "WASHINGTON (AP) — ", "TEHRAN – ", "date 2025-02-03 BERLIN – ", "Mr. ", "Sen. Bernie Sanders", "Clinton",
    "Hillary Clinton", "the Iraqi parliament speaker", "Iranian Parliament Speaker Mohammad Baqer Qalibaf",
    "he", "she", "They", "said", "says", "told reporters", "according to", "added", "stressing", ":",
    "“", "”", '"', "'", "''", "‘", "’", "«", "»", "„", "“", "―", "—", "-", ",", ".", "?", "!", "(", ")",
    " ", " ", " ", "\n", "\n\n", "\u00a0", "on Monday", "in May", "last year", "Oct. 12, 2024", "2016",
    "that", "the visit to Tehran", "the election", "Iran", "Iraq", "Iranian", "U.S.", "Gov.", "al-",
    "We will win", "It is done", "é", "字", "🙂",
]  # fmt: skip

_XML_SAFE = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff",
)
newsy = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=80).map("".join)
anything = st.text(_XML_SAFE, min_size=1, max_size=300)
dates = st.none() | st.dates().map(str)


def _valid_draft(text: str, published: str | None) -> NewsReport:
    report = extract(text, published=published)
    assert report.body is not None and report.body.text == text
    assert report.drafted_by is not None
    for s in report.statements:
        assert text[s.span.start : s.span.end] == s.text
    return report


@given(text=newsy.filter(str.strip), published=dates)
def test_news_like_text_drafts_into_a_valid_report(text: str, published: str | None) -> None:
    _valid_draft(text, published)


@given(text=anything.filter(str.strip))
def test_any_text_drafts_into_a_valid_report(text: str) -> None:
    _valid_draft(text, None)


@given(text=newsy.filter(str.strip))
def test_a_draft_of_any_text_reads_back_from_newsml_g2_and_csv(text: str) -> None:
    import io

    report = _valid_draft(text, "2025-02-03")
    for name in ("newsml-g2", "csv", "jsonld"):
        out = io.BytesIO()
        FORMATS[name].write_all([report], out)
        (back,) = FORMATS[name].read_all(io.BytesIO(out.getvalue()), f"<{name}>")
        assert back == report
