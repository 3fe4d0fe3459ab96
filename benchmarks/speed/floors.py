"""Each converter next to the library it stands on, on the same data in the same run (issue 15).

Floors: `json.loads`/`json.dumps` (same layout and characters as our output) for the native
formats, JSON-LD and ninjs; lxml's `fromstring`/`tostring` on the same NewsML-G2 documents;
`csv.reader` over the package's files plus `model_validate` of the same reports, and `csv.writer`
of the same rows into files. IPTC's `newsmlg2` reading the same NewsML-G2 files is a peer, not a
floor: that row says how many times faster ours is.
"""

from __future__ import annotations

import csv
import json
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from lxml import etree

from benchmarks.archive import varied
from benchmarks.speed.results import Ratio
from benchmarks.speed.timing import each, side_by_side
from newsreport.converters import FORMATS
from newsreport.converters.csv_ import read_package
from newsreport.converters.csv_.writer import PackageWriter
from newsreport.model import NewsReport

TARGETS = {
    "json read": 2.0,
    "jsonl read": 2.0,
    "json write": 0.9,
    "jsonl write": 0.9,
    "jsonld read": 3.0,
    "jsonld write": 1.4,
    "newsml-g2 read": 5.0,
    "newsml-g2 write": 4.0,
    "csv read": 2.0,
    "csv write": 2.0,
    "newsml-g2 read vs IPTC": 30.0,
}
"""Issue 15's targets; ninjs is new and has none."""

T = TypeVar("T")

_JSON = ("json", "jsonl", "jsonld", "ninjs")
"""The formats whose floor is the json module. Its floor is the C encoder, compact, whatever the
layout we write: `json.dumps` with an indent falls back to a pure Python encoder several times
slower, which would flatter an indented writer."""


def dumps(tree: object) -> str:
    return json.dumps(tree, ensure_ascii=False)


def measure(n: int, repeat: int = 3) -> list[Ratio]:
    """Every row, over `n` varied reports."""
    reports = list(varied(n))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what a reader warns about is not what is timed here
        return list(_rows(reports, repeat))


def _rows(reports: list[NewsReport], repeat: int) -> Iterator[Ratio]:
    n = len(reports)

    def ratio(row: str, floor: str, ours: Callable[[], object], base: Callable[[], object]) -> Ratio:
        ours_s, floor_s = side_by_side(ours, base, repeat)
        return Ratio(row, floor, n, ours_s, floor_s, TARGETS.get(row))

    dicts = [r.model_dump(mode="json", exclude_none=True) for r in reports]
    for name in _JSON:
        fmt = FORMATS[name]
        docs = [fmt.write_one(r) for r in reports]
        # The floor of a write is dumping what the document holds: for our own JSON the report's
        # dict, for JSON-LD its nodes and for ninjs its document, as json.loads gives them back.
        trees: list[Any] = dicts if name in ("json", "jsonl") else [json.loads(d) for d in docs]
        yield ratio(f"{name} read", "json.loads", each(fmt.read_one, docs), each(json.loads, docs))
        yield ratio(f"{name} write", "json.dumps", each(fmt.write_one, reports), each(dumps, trees))
    newsml = FORMATS["newsml-g2"]
    xml = [newsml.write_one(r) for r in reports]
    elements = [etree.fromstring(d) for d in xml]
    yield ratio("newsml-g2 read", "lxml fromstring", each(newsml.read_one, xml), each(etree.fromstring, xml))
    yield ratio("newsml-g2 write", "lxml tostring", each(newsml.write_one, reports), each(etree.tostring, elements))
    yield from _csv(reports, dicts, repeat)
    yield from _iptc(iptc_sample(xml))


def _csv(reports: list[NewsReport], dicts: list[dict[str, object]], repeat: int) -> Iterator[Ratio]:
    n = len(reports)
    with tempfile.TemporaryDirectory() as work:

        def folder() -> Path:
            return Path(tempfile.mkdtemp(dir=work))

        def write_ours() -> None:
            writer = PackageWriter(folder())
            for r in reports:
                writer.add(r)
            writer.close()

        package = folder()
        writer = PackageWriter(package)
        for r in reports:
            writer.add(r)
        writer.close()
        tables = sorted(package.glob("*.csv"))
        rows = {t.name: _rows_of(t) for t in tables}

        def write_floor() -> None:
            out = folder()
            for name, table_rows in rows.items():
                with (out / name).open("w", encoding="utf-8", newline="") as stream:
                    csv.writer(stream).writerows(table_rows)

        def read_floor() -> None:
            for table in tables:
                _rows_of(table)
            for d in dicts:
                NewsReport.model_validate(d)

        ours_s, floor_s = side_by_side(write_ours, write_floor, repeat)
        yield Ratio("csv write", "csv.writer of the same rows", n, ours_s, floor_s, TARGETS["csv write"])
        ours_s, floor_s = side_by_side(lambda: list(read_package(package)), read_floor, repeat)
        yield Ratio("csv read", "csv.reader + model_validate", n, ours_s, floor_s, TARGETS["csv read"])


def _rows_of(table: Path) -> list[list[str]]:
    with table.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def iptc_sample(items: list[T]) -> list[T]:
    """IPTC's reader is about 20 reports a second: its rows take a tenth of the reports."""
    return items[: max(1, len(items) // 10)]


def iptc_reader() -> Callable[[bytes], object] | None:
    """IPTC's `newsmlg2` reading one document, or None without the test extra (which installs it)."""
    try:
        import NewsMLG2  # type: ignore[import-untyped]
    except ImportError:
        return None
    return lambda document: NewsMLG2.NewsMLG2Document(document).get_item()


def _iptc(sample: list[bytes]) -> Iterator[Ratio]:
    """Ours next to IPTC's reader on the sample, the best of three runs each, as every other row."""
    theirs = iptc_reader()
    if theirs is None:
        return
    theirs_s, ours_s = side_by_side(each(theirs, sample), each(FORMATS["newsml-g2"].read_one, sample))
    target = TARGETS["newsml-g2 read vs IPTC"]
    yield Ratio("newsml-g2 read vs IPTC", "newsmlg2 (IPTC)", len(sample), ours_s, theirs_s, target, faster=True)
