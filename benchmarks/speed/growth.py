"""Cost per copy of the example as the report grows 1x, 10x and 100x (`benchmarks.scaled`).

Each size handles about the same volume of text (100 reports of 1x, 10 of 10x, one of 100x), the
sizes taking turns in each round, so that a busy spell of the machine falls on all of them. Linear
work costs the same per copy at every size; the target is at most 1.5x at 100x what it is at 1x.
"""

from __future__ import annotations

import functools
import math
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

from benchmarks.scaled import scaled
from benchmarks.speed.results import Growth
from benchmarks.speed.timing import each, seconds
from newsreport.converters import FORMATS
from newsreport.converters.csv_ import read_package
from newsreport.converters.csv_.writer import PackageWriter
from newsreport.model import NewsReport

SIZES = (1, 10, 100)
DOCUMENTS = ("json", "jsonl", "jsonld", "newsml-g2", "ninjs")


def measure(volume: int = 100, repeat: int = 5) -> list[Growth]:
    """Every converter's write and read, at each size in `SIZES`."""
    reports = {size: NewsReport.model_validate(scaled(size)) for size in SIZES}
    with warnings.catch_warnings(), tempfile.TemporaryDirectory() as work:
        warnings.simplefilter("ignore")
        jobs: dict[str, dict[int, Callable[[], object]]] = {}
        for name in DOCUMENTS:
            fmt = FORMATS[name]
            for size, report in reports.items():
                copies = [report] * max(1, volume // size)
                docs = [fmt.write_one(r) for r in copies]
                jobs.setdefault(f"{name} write", {})[size] = each(fmt.write_one, copies)
                jobs.setdefault(f"{name} read", {})[size] = each(fmt.read_one, docs)
        for size, report in reports.items():
            # One package holds many reports, each with its own id.
            copies = [report.model_copy(update={"id": f"{report.id}-{k}"}) for k in range(max(1, volume // size))]
            package = _package(copies, work)
            jobs.setdefault("csv write", {})[size] = functools.partial(_package, copies, work)
            jobs.setdefault("csv read", {})[size] = functools.partial(_read, package)
        return [_growth(name, by_size, volume, repeat) for name, by_size in jobs.items()]


def _package(reports: list[NewsReport], work: str) -> Path:
    """A new package of `reports` in a new folder under `work`."""
    folder = Path(tempfile.mkdtemp(dir=work))
    writer = PackageWriter(folder)
    for r in reports:
        writer.add(r)
    writer.close()
    return folder


def _read(package: Path) -> list[NewsReport]:
    return list(read_package(package))


def _growth(converter: str, by_size: dict[int, Callable[[], object]], volume: int, repeat: int) -> Growth:
    best = dict.fromkeys(by_size, math.inf)
    for work in by_size.values():
        work()  # warm up
    for _ in range(repeat):
        for size, work in by_size.items():
            best[size] = min(best[size], seconds(work))
    return Growth(converter, {size: best[size] / (max(1, volume // size) * size) for size in by_size})
