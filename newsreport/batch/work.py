"""Converting units in worker processes, `jobs` at a time, results back in input order.

A bounded window of chunks is in flight, so memory stays flat however long the input; results
come back in input order, so `jobs=2` writes the same bytes as `jobs=1`.
"""

from __future__ import annotations

import collections
import gc
import itertools
import signal
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsreport.batch.units import Unit
from newsreport.converters import FORMATS, ninjs
from newsreport.converters.format import deferred
from newsreport.converters.native import parse_line
from newsreport.converters.text import Drafting
from newsreport.converters.text import read as read_text
from newsreport.errors import NewsReportError, ReadError, ReadWarning
from newsreport.model import NewsReport

if TYPE_CHECKING:
    from concurrent.futures import Future

    from newsreport.converters.csv_.codec import rows as csv_rows
    from newsreport.converters.csv_.flat import flat_rows
    from newsreport.converters.csv_.writer import encode as encode_csv
    from newsreport.converters.csv_.writer import escape_formula
    from newsreport.converters.newsml_g2.writer import version_created
    from newsreport.converters.newsml_g2.writer import write_item as newsml_item
else:  # the encoders' code, imported by the first report encoded so
    csv_rows = deferred("newsreport.converters.csv_.codec", "rows")
    flat_rows = deferred("newsreport.converters.csv_.flat", "flat_rows")
    encode_csv = deferred("newsreport.converters.csv_.writer", "encode")
    escape_formula = deferred("newsreport.converters.csv_.writer", "escape_formula")
    version_created = deferred("newsreport.converters.newsml_g2.writer", "version_created")
    newsml_item = deferred("newsreport.converters.newsml_g2.writer", "write_item")

CHUNK = 32
"""Units per task sent to a worker: enough to amortise the hand-over, few enough to stay fair."""


@dataclass(frozen=True)
class Failure:
    """A report that could not be converted, and why (one line)."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class Result:
    """A unit converted: the encoded report and its id, or why it failed; what the reader warned."""

    payload: Any = None
    report_id: str = ""
    source: str = ""
    failure: Failure | None = None
    warnings: list[str] = field(default_factory=list)
    size: int = 0  # bytes of input this result used up, for progress


@dataclass(frozen=True)
class _Task:
    """What a worker does with each unit: the target's encoder, how to draft and how to write."""

    encoder: str
    excel: bool = False
    drafting: Drafting = field(default_factory=Drafting)
    ninjs_version: str = ninjs.VERSIONS[0]


def _convert(task: _Task, numbered: list[tuple[int, Unit]]) -> list[Result]:
    """Read and encode a chunk of units (in a worker process)."""
    return [_convert_one(task, number, unit) for number, unit in numbered]


def _convert_one(task: _Task, number: int, unit: Unit) -> Result:
    result = _encoded(task, number, unit)
    result.source, result.size = unit.source, len(unit.data)
    return result


def _encoded(task: _Task, number: int, unit: Unit) -> Result:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReadWarning)
        try:
            report = task.drafting.into(unit.report or read_unit(unit, task.drafting))
            payload = ENCODERS[task.encoder](report, number, task)
        except ReadError as exc:
            where = f"{exc.location}: " if exc.location else ""
            return Result(failure=Failure(exc.source, where + exc.message))
        except NewsReportError as exc:
            return Result(failure=Failure(unit.source, str(exc)))
    return Result(payload, report.id, warnings=[str(w.message) for w in caught])


def read_unit(unit: Unit, drafting: Drafting) -> NewsReport:
    """The report a unit of raw bytes holds (a text drafted as `drafting` says); a `ReadError` if none."""
    if unit.format == "text":
        return read_text(unit.data, unit.source, drafting)
    if unit.format == "jsonl":
        source, _, line = unit.source.rpartition(":")
        return parse_line(unit.data, source, int(line))
    return FORMATS[unit.format].read_one(unit.data, unit.source)


ENCODERS: dict[str, Callable[[NewsReport, int, _Task], Any]] = {
    "json": lambda r, n, t: FORMATS["json"].write_one(r),
    "jsonld": lambda r, n, t: FORMATS["jsonld"].write_one(r),
    "newsml-g2": lambda r, n, t: FORMATS["newsml-g2"].write_one(r),
    "ninjs": lambda r, n, t: ninjs.write(r, t.ninjs_version),
    "jsonl": lambda r, n, t: FORMATS["jsonl"].write_one(r),
    # A newsMessage item, and for the first report also the item alone, in case it stays alone.
    "newsml-message": lambda r, n, t: (
        version_created(r),
        newsml_item(r, n),
        FORMATS["newsml-g2"].write_one(r) if n == 1 else b"",
    ),
    "csv": lambda r, n, t: encode_csv(csv_rows(r), t.excel),
    "parquet": lambda r, n, t: csv_rows(r),  # typed by the sink, which writes the row groups
    "csv-flat": lambda r, n, t: [[escape_formula(c) for c in row] if t.excel else row for row in flat_rows(r)],
}
"""How a worker encodes a report for each kind of sink (names, so tasks pickle)."""


def converted(
    units: Iterable[Unit],
    encoder: str,
    jobs: int = 1,
    excel: bool = False,
    drafting: Drafting | None = None,
    ninjs_version: str = ninjs.VERSIONS[0],
) -> Iterator[Result]:
    """Every unit converted, in input order, `jobs` processes at a time (1: in this process);
    texts drafted, and other reports too if asked, as `drafting` says."""
    task = _Task(encoder, excel, drafting or Drafting(), ninjs_version)
    numbered = enumerate(units, start=1)
    first = list(itertools.islice(numbered, CHUNK))
    if jobs <= 1 or len(first) < CHUNK:  # a single chunk is not worth starting processes for
        for number, unit in itertools.chain(first, numbered):
            yield _convert_one(task, number, unit)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing, only for a pool

    window: collections.deque[Future[list[Result]]] = collections.deque()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started)
    try:
        # Workers are forked at the first task. Frozen, what they inherit is left out of their
        # garbage collections: they neither scan it nor, by touching it, copy its memory pages.
        gc.freeze()
        try:
            window.append(pool.submit(_convert, task, first))
        finally:
            gc.unfreeze()
        while True:
            while len(window) < jobs * 4:
                chunk = list(itertools.islice(numbered, CHUNK))
                if not chunk:
                    break
                window.append(pool.submit(_convert, task, chunk))
            if not window:
                return
            yield from window.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)  # on a stop, chunks not yet started are dropped


def _worker_started() -> None:
    """Workers leave Ctrl-C and termination to the main process, which stops them in order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
