"""Every valid report survives every lossless format, and every pair of them, unchanged."""

from __future__ import annotations

import io
import itertools

import pytest
from hypothesis import given

from newsreport import NewsReport
from newsreport.converters import FORMATS

from .strategies import reports

LOSSLESS = sorted(name for name, fmt in FORMATS.items() if fmt.lossless and fmt.readable and fmt.writable)
PAIRS = list(itertools.product(LOSSLESS, repeat=2))


def _through(report: NewsReport, name: str) -> NewsReport:
    fmt = FORMATS[name]
    out = io.BytesIO()
    fmt.write_all([report], out)
    (back,) = fmt.read_all(io.BytesIO(out.getvalue()), f"<{name}>")
    return back


def test_the_lossless_formats() -> None:
    """The lossless formats are the ones we claim: all but the flat export and the HTML reader."""
    assert LOSSLESS == ["csv", "json", "jsonl", "jsonld", "newsml-g2", "ninjs", "parquet"]


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
@given(report=reports())
def test_pairs(a: str, b: str, report: NewsReport) -> None:
    """a → b → a and json → a → b → json both give the report back."""
    assert _through(_through(report, a), b) == report
    assert _through(_through(_through(report, "json"), a), b) == report
