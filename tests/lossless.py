"""The formats that give every report back unchanged, and a report's way through one of them."""

from __future__ import annotations

import io

from newsreport import NewsReport
from newsreport.converters import FORMATS

LOSSLESS = sorted(name for name, fmt in FORMATS.items() if fmt.lossless and fmt.readable and fmt.writable)


def written(report: NewsReport, name: str) -> bytes:
    """The report as format `name` writes it."""
    out = io.BytesIO()
    FORMATS[name].write_all([report], out)
    return out.getvalue()


def read_back(data: bytes, name: str) -> NewsReport:
    """The one report that `data`, in format `name`, holds."""
    (back,) = FORMATS[name].read_all(io.BytesIO(data), f"<{name}>")
    return back


def through(report: NewsReport, name: str) -> NewsReport:
    """The report written as format `name` and read back."""
    return read_back(written(report, name), name)


__all__ = ["LOSSLESS", "read_back", "through", "written"]
