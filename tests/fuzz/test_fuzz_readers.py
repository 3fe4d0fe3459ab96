"""Fuzzing every reader: random bytes and mutated valid documents either read or raise ReadError.

Runs briefly in the normal test run. To fuzz one reader for a set time, without hypothesis:
`python -m tests.fuzz.run csv --seconds 600`. Each crash found goes into tests/data/fuzz/ as a
regression case for `test_former_crashes`.
"""

from __future__ import annotations

import io
import warnings
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsreport import NewsReport, ReadError, read, write
from newsreport.converters import FORMATS
from newsreport.errors import ReadWarning
from tests.conftest import EXAMPLES

settings.register_profile(
    "fuzz",
    max_examples=10_000_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

READERS = ["json", "jsonl", "jsonld", "html", "newsml-g2", "ninjs", "csv"]


@cache
def _seed(fmt: str) -> bytes:
    """A valid document of the format, to mutate."""
    report = read(EXAMPLES / "report.json")
    if fmt == "html":
        return b'<html><head><script type="application/ld+json">' + write(report, "jsonld") + b"</script></head></html>"
    out = io.BytesIO()
    FORMATS[fmt].write_all([report], out)
    return out.getvalue()


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> bytes:
    """The seed with a few bytes flipped, cut, inserted or duplicated."""
    data = bytearray(_seed(fmt))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate", "repeat"]))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif action == "insert":
            data[at:at] = draw(
                st.binary(min_size=1, max_size=16) | st.sampled_from([b"<", b'"', b"{", b"]]>", b"\x00", b"&#0;"])
            )
        elif action == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
    return bytes(data)


def _read(fmt: str, data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        try:
            for report in FORMATS[fmt].read_all(io.BytesIO(data), "fuzz"):
                assert isinstance(report, NewsReport)
        except ReadError as exc:
            assert "\n" not in str(exc), "errors are one line"


CRASHES = sorted((EXAMPLES.parent / "tests" / "data" / "fuzz").glob("*"))
"""Inputs that once crashed a reader, named `<reader>-<what>.<ext>`."""


@pytest.mark.parametrize("path", CRASHES, ids=[p.name for p in CRASHES])
def test_former_crashes(path: Path) -> None:
    """Every input the fuzzers found a crash with now gives a ReadError."""
    fmt = next(name for name in sorted(READERS, key=len, reverse=True) if path.name.startswith(name + "-"))
    with pytest.raises(ReadError):
        _read_strictly(fmt, path.read_bytes())


def _read_strictly(fmt: str, data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        list(FORMATS[fmt].read_all(io.BytesIO(data), "fuzz"))


@pytest.mark.parametrize("fmt", READERS)
@given(data=st.binary(max_size=512))
def test_random_bytes(fmt: str, data: bytes) -> None:
    """Any bytes at all: a report or a ReadError, nothing else."""
    _read(fmt, data)


@pytest.mark.parametrize("fmt", READERS)
@given(data=st.data())
@example(data=None)  # the seed itself
def test_mutated_documents(fmt: str, data: st.DataObject | None) -> None:
    """Valid documents with a few bytes broken: a report or a ReadError, nothing else."""
    _read(fmt, _seed(fmt) if data is None else data.draw(mutated(fmt)))
