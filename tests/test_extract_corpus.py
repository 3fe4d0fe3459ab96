"""The extractor over real articles written by others (`../shared/`; the tests skip without it):
every draft is a valid report whose body is the text, and survives every lossless format.

Quality is measured in `benchmarks/extract`, never here: these tests only ask that no real text
breaks the extractor or a converter.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest

from newsreport import NewsReport, extract, extract_into
from newsreport.converters import FORMATS
from newsreport.errors import ReadError, ReadWarning

from .lossless import LOSSLESS, through


@pytest.fixture(scope="module")
def polnear(shared: Path) -> list[Path]:
    folder = shared / "data" / "polnear" / "dev" / "text"
    if not folder.is_dir():
        pytest.skip(f"no PolNeAR dev split at {folder}")
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="module")
def drafts(polnear: list[Path]) -> list[tuple[str, NewsReport]]:
    """Each dev article drafted with the date its file name gives (`publisher_YYYY-MM-DD_slug`)."""
    return [
        (
            path.read_text(encoding="utf-8"),
            extract(path.read_text(encoding="utf-8"), published=path.name.split("_")[1], language="en"),
        )
        for path in polnear
    ]


def test_every_article_drafts_into_a_report_whose_body_is_its_text(drafts: list[tuple[str, NewsReport]]) -> None:
    assert len(drafts) > 80
    for text, report in drafts:
        assert report.body is not None and report.body.text == text
        assert report.drafted_by is not None
    assert sum(len(report.statements) for _, report in drafts) > 1000
    assert sum(len(report.participants) for _, report in drafts) > 500


@pytest.mark.parametrize("name", LOSSLESS)
def test_every_draft_survives_every_lossless_format(drafts: list[tuple[str, NewsReport]], name: str) -> None:
    for _, report in drafts:
        assert through(report, name) == report


@pytest.fixture(scope="module")
def agency_items(shared: Path) -> list[NewsReport]:
    """The agency items of the NewsML-G2 corpus that have a body."""
    folder = shared / "corpus" / "newsml-g2"
    if not folder.is_dir():
        pytest.skip(f"no NewsML-G2 corpus at {folder}")
    reports = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        for path in sorted(folder.glob("*.xml")):
            try:
                reports += FORMATS["newsml-g2"].read_all(io.BytesIO(path.read_bytes()), path.name)
            except ReadError:
                continue  # package and concept items: the corpus tests name them
    return [report for report in reports if report.body is not None and not report.statements]


def test_extract_drafts_agency_items_and_keeps_what_they_say(agency_items: list[NewsReport]) -> None:
    """The item's metadata, participants (by id, kind and name) and event stay; the draft adds
    statements, mentions and participants of its own."""
    assert len(agency_items) > 50
    drafted = [extract_into(report) for report in agency_items]
    assert sum(bool(report.statements) for report in drafted) > len(drafted) // 4
    drafted_parts = ("participants", "statements", "event", "referenced_events", "dateline", "drafted_by")
    for item, draft in zip(agency_items, drafted, strict=True):
        assert draft.drafted_by is not None
        assert draft.model_dump(exclude=set(drafted_parts)) == item.model_dump(exclude=set(drafted_parts))
        assert draft.dateline == item.dateline or item.dateline is None
        names = {p.id: (p.kind, p.name) for p in draft.participants}
        assert all(names[p.id] == (p.kind, p.name) for p in item.participants)
        assert item.event is None or draft.event == item.event
        assert set(item.referenced_events) <= set(draft.referenced_events)
        assert through(draft, "newsml-g2") == draft
