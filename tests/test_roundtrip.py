"""Every valid report survives every lossless format, and every pair of them, unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given

from newsreport import NewsReport

from .lossless import LOSSLESS, read_back, through, written
from .strategies import reports


def test_the_lossless_formats() -> None:
    """The lossless formats are the ones we claim: all but the flat export and the HTML reader."""
    assert LOSSLESS == ["csv", "json", "jsonl", "jsonld", "newsml-g2", "ninjs", "parquet"]


@pytest.mark.parametrize("a", LOSSLESS)
@given(report=reports())
def test_pairs(a: str, report: NewsReport) -> None:
    """For every b, the report written as a, read, written as b and read is the report. So is
    the report read from JSON, as most reports come: written as a, it gives the very bytes the
    report gave, so the rest of its way through a and b is the way just checked (readers and
    writers are functions of what they are given). Each report goes through every b: drawing it
    costs more than most of the conversions."""
    as_a = written(report, a)
    via_a = read_back(as_a, a)
    for b in LOSSLESS:
        assert through(via_a, b) == report, f"{a} then {b}"
    assert written(through(report, "json"), a) == as_a
