"""Every valid report survives every lossless format, and every pair of them, unchanged."""

from __future__ import annotations

import io

import pytest
from hypothesis import given

from newsreport import NewsReport
from newsreport.converters import FORMATS

from .strategies import reports

LOSSLESS = sorted(name for name, fmt in FORMATS.items() if fmt.lossless and fmt.readable and fmt.writable)


def _written(report: NewsReport, name: str) -> bytes:
    out = io.BytesIO()
    FORMATS[name].write_all([report], out)
    return out.getvalue()


def _read(data: bytes, name: str) -> NewsReport:
    (back,) = FORMATS[name].read_all(io.BytesIO(data), f"<{name}>")
    return back


def _through(report: NewsReport, name: str) -> NewsReport:
    return _read(_written(report, name), name)


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
    as_a = _written(report, a)
    via_a = _read(as_a, a)
    for b in LOSSLESS:
        assert _through(via_a, b) == report, f"{a} then {b}"
    assert _written(_through(report, "json"), a) == as_a
