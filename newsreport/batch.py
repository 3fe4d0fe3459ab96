"""Converting many reports: inputs split into units, converted in worker processes, written in order.

The main process only splits inputs (a file, a JSON Lines line, a newsMessage item) and writes
results; reading, validating and writing each report happen in the workers, `jobs` at a time,
with a bounded number of units in flight so memory stays flat however long the input. Results
come back in input order, so `jobs=2` writes the same bytes as `jobs=1`. Every sink writes to a
temporary place and commits only when the whole run succeeded.
"""

from __future__ import annotations

import collections
import hashlib
import io
import itertools
import os
import re
import shutil
import signal
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from newsreport.converters import FORMATS, Format, format_for_path, get_format, sniff
from newsreport.converters.csv_.codec import rows as csv_rows
from newsreport.converters.csv_.flat import HEADER as FLAT_HEADER
from newsreport.converters.csv_.flat import flat_rows
from newsreport.converters.csv_.writer import PackageWriter, escape_formula, publish_folder, zip_folder
from newsreport.converters.csv_.writer import encode as encode_csv
from newsreport.converters.native import parse_line
from newsreport.converters.newsml_g2.writer import message_end, message_start, version_created
from newsreport.converters.newsml_g2.writer import write_item as newsml_item
from newsreport.errors import NewsReportError, ReadError, ReadWarning, WriteError
from newsreport.files import publish, write_bytes_atomically
from newsreport.limits import limited_lines, read_limited
from newsreport.model import NewsReport

CHUNK = 32
"""Units per task sent to a worker: enough to amortise the hand-over, few enough to stay fair."""


@dataclass(frozen=True)
class Unit:
    """One report to convert: raw bytes in an input format (or a report already read), and where it came from."""

    source: str
    format: str = ""
    data: bytes = b""
    report: NewsReport | None = None


@dataclass(frozen=True)
class Failure:
    """A report that could not be converted, and why (one line)."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class _Result:
    payload: Any = None
    report_id: str = ""
    source: str = ""
    failure: Failure | None = None
    warnings: list[str] = field(default_factory=list)
    size: int = 0  # bytes of input this result used up, for progress


# Splitting inputs ---------------------------------------------------------------------------------


def units(inputs: Iterable[str | Path], from_: str | None = None, stdin: BinaryIO | None = None) -> Iterator[Unit]:
    """The units of every input, in order: files, folders (recursively), JSON Lines, newsMessages, CSV packages."""
    for name in inputs:
        if str(name) == "-":
            yield from _units_of_stdin(stdin or sys.stdin.buffer, from_)
            continue
        path = Path(name)
        if path.is_dir() and not (path / "datapackage.json").exists() and not from_:
            for file in sorted(p for p in path.rglob("*") if p.is_file() and _readable_name(p)):
                yield from _units_of_file(file, None)
        else:
            yield from _units_of_file(path, from_)


def _readable_name(path: Path) -> bool:
    try:
        return format_for_path(path).readable and path.name != "datapackage.json"
    except NewsReportError:
        return False


def _units_of_file(path: Path, from_: str | None) -> Iterator[Unit]:
    fmt = get_format(from_) if from_ else format_for_path(path)
    if fmt.read_path is not None:
        for report in fmt.read_path(path, str(path)):
            yield Unit(str(path), report=report)
    elif fmt.name == "jsonl":
        with path.open("rb") as stream:
            yield from _lines_of(stream, str(path))
    else:
        with path.open("rb") as stream:
            yield from _units_of(fmt, read_limited(stream, str(path)), str(path))


def _units_of_stdin(stream: BinaryIO, from_: str | None) -> Iterator[Unit]:
    """Standard input: JSON Lines streamed a line at a time, any other format read whole.

    With no `--from`, the format is guessed from the first MiB, which is then read again.
    """
    head = stream.read(_SNIFF_BYTES)
    fmt = get_format(from_) if from_ else sniff(head)
    whole = io.BufferedReader(_Prefixed(head, stream))
    if fmt.name == "jsonl":
        yield from _lines_of(whole, "<stdin>")
    else:
        yield from _units_of(fmt, read_limited(whole, "<stdin>"), "<stdin>")


_SNIFF_BYTES = 1024 * 1024


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read: `head`, then the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head, self.stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            data, self.head = self.head[: len(buffer)], self.head[len(buffer) :]
        else:
            data = memoryview(self.stream.read(len(buffer)))
        buffer[: len(data)] = data
        return len(data)


def _lines_of(stream: BinaryIO, source: str) -> Iterator[Unit]:
    for number, line in limited_lines(stream, source):
        if line.strip():
            yield Unit(f"{source}:{number}", "jsonl", line)


def _units_of(fmt: Format, data: bytes, source: str) -> Iterator[Unit]:
    if fmt.name == "jsonl":
        yield from _lines_of(io.BytesIO(data), source)
    elif fmt.name == "newsml-g2" and re.search(rb"<(\w+:)?newsMessage\b", data[:4096]):
        yield from _message_items(data, source)
    elif fmt.read_path is not None:
        for report in fmt.read_all(io.BytesIO(data), source):
            yield Unit(source, report=report)
    else:
        yield Unit(source, fmt.name, data)


def _message_items(data: bytes, source: str) -> Iterator[Unit]:
    """Each newsItem of a newsMessage as a document of its own, namespaces kept."""
    from newsreport.converters.newsml_g2.xml import NAR, parse

    root = parse(data, source)
    for number, item in enumerate(root.iter(f"{{{NAR}}}newsItem"), start=1):
        yield Unit(f"{source}:item {number}", "newsml-g2", etree.tostring(item))


# Converting ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Task:
    """What a worker does with each unit: the target's encoder and the unit's number in the run."""

    encoder: str
    excel: bool = False


def _convert(task: _Task, numbered: list[tuple[int, Unit]]) -> list[_Result]:
    """Read and encode a chunk of units (in a worker process)."""
    return [_convert_one(task, number, unit) for number, unit in numbered]


def _convert_one(task: _Task, number: int, unit: Unit) -> _Result:
    result = _encoded(task, number, unit)
    result.source, result.size = unit.source, len(unit.data)
    return result


def _encoded(task: _Task, number: int, unit: Unit) -> _Result:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReadWarning)
        try:
            report = unit.report or _read(unit)
            payload = ENCODERS[task.encoder](report, number, task.excel)
        except ReadError as exc:
            where = f"{exc.location}: " if exc.location else ""
            return _Result(failure=Failure(exc.source, where + exc.message))
        except NewsReportError as exc:
            return _Result(failure=Failure(unit.source, str(exc)))
    return _Result(payload, report.id, warnings=[str(w.message) for w in caught])


def _read(unit: Unit) -> NewsReport:
    if unit.format == "jsonl":
        source, _, line = unit.source.rpartition(":")
        return parse_line(unit.data, source, int(line))
    return FORMATS[unit.format].read_one(unit.data, unit.source)


ENCODERS: dict[str, Callable[[NewsReport, int, bool], Any]] = {
    "json": lambda r, n, x: FORMATS["json"].write_one(r),
    "jsonld": lambda r, n, x: FORMATS["jsonld"].write_one(r),
    "newsml-g2": lambda r, n, x: FORMATS["newsml-g2"].write_one(r),
    "jsonl": lambda r, n, x: FORMATS["jsonl"].write_one(r),
    # A newsMessage item, and for the first report also the item alone, in case it stays alone.
    "newsml-message": lambda r, n, x: (
        version_created(r),
        newsml_item(r, n),
        FORMATS["newsml-g2"].write_one(r) if n == 1 else b"",
    ),
    "csv": lambda r, n, x: encode_csv(csv_rows(r), x),
    "csv-flat": lambda r, n, x: [[escape_formula(c) for c in row] if x else row for row in flat_rows(r)],
}
"""How a worker encodes a report for each kind of sink (names, so tasks pickle)."""


def converted(units: Iterable[Unit], encoder: str, jobs: int = 1, excel: bool = False) -> Iterator[_Result]:
    """Every unit converted, in input order, `jobs` processes at a time (1: in this process)."""
    task = _Task(encoder, excel)
    numbered = enumerate(units, start=1)
    first = list(itertools.islice(numbered, CHUNK))
    if jobs <= 1 or len(first) < CHUNK:  # a single chunk is not worth starting processes for
        for number, unit in itertools.chain(first, numbered):
            yield _convert_one(task, number, unit)
        return
    window: collections.deque[Future[list[_Result]]] = collections.deque()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started)
    try:
        window.append(pool.submit(_convert, task, first))
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


# Sinks --------------------------------------------------------------------------------------------


class Sink:
    """Where converted reports go; `commit` makes the output appear, `abandon` removes all trace."""

    encoder = "json"

    def add(self, result: _Result) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make the output visible: nothing is at the output path before this."""

    def abandon(self) -> None:
        """Remove everything written so far."""


class _StreamSink(Sink):
    """One batch file (JSON Lines, a newsMessage, a flat CSV), written to a temporary file first."""

    def __init__(self, out: Path | None, encoder: str) -> None:
        self.encoder = encoder
        self.out = out
        self.stream: BinaryIO
        if out is None:
            self.stream = sys.stdout.buffer
        else:
            self.temp = Path(tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")[1])
            self.stream = self.temp.open("wb")
        self.count = 0
        self.first: tuple[str, bytes, bytes] | None = None
        if encoder == "csv-flat":
            self.text = io.TextIOWrapper(self.stream, encoding="utf-8", newline="", write_through=True)
            import csv

            self.csv = csv.writer(self.text)
            self.csv.writerow(FLAT_HEADER)

    def add(self, result: _Result) -> None:
        self.count += 1
        if self.encoder == "newsml-message":
            # One report is a newsItem; a second one turns the output into a newsMessage.
            if self.count == 1:
                self.first = result.payload
                return
            if self.count == 2:
                assert self.first is not None
                self.stream.write(message_start(self.first[0]) + self.first[1])
            self.stream.write(result.payload[1])
        elif self.encoder == "csv-flat":
            self.csv.writerows(result.payload)
        else:
            self.stream.write(result.payload)

    def commit(self) -> None:
        if self.encoder == "newsml-message" and self.count == 0:
            raise WriteError("there is no report to write as newsml-g2")
        if self.encoder == "newsml-message" and self.count == 1:
            assert self.first is not None
            self.stream.write(self.first[2])
        elif self.encoder == "newsml-message" and self.count:
            self.stream.write(message_end())
        if self.encoder == "csv-flat":
            self.text.detach()
        self.stream.flush()
        if self.out is not None:
            self.stream.close()
            publish(self.temp, self.out)

    def abandon(self) -> None:
        if self.out is not None:
            self.stream.close()
            self.temp.unlink(missing_ok=True)


class _PackageSink(Sink):
    """A CSV package, written into a temporary folder and moved into place at the end."""

    encoder = "csv"

    def __init__(self, out: Path | None, excel: bool) -> None:
        self.out = out.resolve() if out is not None else None
        place = {"prefix": f".{self.out.name}.", "dir": self.out.parent} if self.out is not None else {}
        self.work = Path(tempfile.mkdtemp(suffix=".part", **place))  # type: ignore[call-overload]
        self.writer = PackageWriter(self.work, excel=excel)

    def add(self, result: _Result) -> None:
        self.writer.add_encoded(result.payload)

    def commit(self) -> None:
        self.writer.close()
        if self.out is None:
            zip_folder(self.work, sys.stdout.buffer)  # a zip on stdout
            shutil.rmtree(self.work)
        else:
            publish_folder(self.work, self.out)

    def abandon(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


class _FolderSink(Sink):
    """One file per report in a folder, named after the report's id; files appear only at the end.

    Nothing is kept per report (the folder itself lists what was written), so memory stays flat
    for a million files; a second report with the same id is refused, not written over the first.
    """

    def __init__(self, out: Path, fmt: Format) -> None:
        self.out = out
        self.encoder = fmt.name
        self.extension = fmt.extensions[-1]
        out.mkdir(parents=True, exist_ok=True)
        self.work = Path(tempfile.mkdtemp(prefix=".newsreport.", suffix=".part", dir=out))

    def add(self, result: _Result) -> None:
        name = file_name(result.report_id, self.extension)
        try:
            with (self.work / name).open("xb") as file:
                file.write(result.payload)
        except FileExistsError:
            raise ReadError(
                f"report {result.report_id!r} appears twice: its file {name} is already written", source=result.source
            ) from None

    def commit(self) -> None:
        with os.scandir(self.work) as entries:  # not iterdir: it lists the whole folder first
            for entry in entries:
                Path(entry.path).replace(self.out / entry.name)
        shutil.rmtree(self.work, ignore_errors=True)

    def abandon(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


class _DocumentSink(Sink):
    """One report as one document (a file written atomically, or stdout)."""

    def __init__(self, out: Path | None, fmt: Format) -> None:
        self.out, self.fmt, self.encoder = out, fmt, fmt.name
        self.payload: bytes | None = None

    def add(self, result: _Result) -> None:
        if self.payload is not None:
            raise WriteError(
                f"{self.fmt.name} holds one report and there are more: write to a folder (-o DIR/) "
                "or to a batch format (.jsonl, a NewsML-G2 newsMessage, a CSV package)"
            )
        self.payload = result.payload

    def commit(self) -> None:
        if self.payload is None:
            raise WriteError(f"there is no report to write as {self.fmt.name}")
        data = self.payload
        if self.out is None:
            sys.stdout.buffer.write(data)
        else:
            write_bytes_atomically(self.out, data)


def file_name(report_id: str, extension: str) -> str:
    """A file name for a report: readable from its id, unique by a short hash of it."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", report_id.split(":", 1)[-1]).strip("-")[:60] or "report"
    return f"{slug}-{hashlib.sha256(report_id.encode()).hexdigest()[:10]}{extension}"


def sink_for(fmt: Format, output: str | Path | None, excel: bool = False) -> Sink:
    """The sink that writes `fmt` to `output`: a file, a folder (an existing one, or a name
    ending in `/`), or None for stdout."""
    out = Path(output) if output is not None else None
    folder = out is not None and (out.is_dir() or str(output).endswith(("/", "\\")))
    if fmt.name == "csv":
        return _PackageSink(out, excel)
    if fmt.name in ("jsonl", "csv-flat"):
        return _StreamSink(out, fmt.name)
    if folder:
        assert out is not None
        return _FolderSink(out, fmt)
    if fmt.name == "newsml-g2":
        return _StreamSink(out, "newsml-message")
    return _DocumentSink(out, fmt)


# Running ------------------------------------------------------------------------------------------


def run(
    units: Iterable[Unit],
    sink: Sink,
    jobs: int = 1,
    keep_going: bool = False,
    excel: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> list[Failure]:
    """Convert every unit into `sink`; on a failure stop (default) or skip it (`keep_going`).

    Returns the failures skipped. A stop raises the failure as a `ReadError` and leaves no output.
    `stopped` is asked after each report, for a stop a signal handler asked for: the exception
    it raises can be lost (in an at-fork hook of a worker being started), a flag cannot.
    """
    failures: list[Failure] = []
    try:
        for done, result in enumerate(converted(units, sink.encoder, jobs, excel), start=1):
            if stopped():
                raise KeyboardInterrupt
            for message in result.warnings:
                warnings.warn(message, ReadWarning, stacklevel=2)
            try:
                if result.failure is not None:
                    raise ReadError(result.failure.message, source=result.failure.source)
                sink.add(result)
            except ReadError as exc:
                if not keep_going:
                    raise
                failures.append(Failure(exc.source, exc.message))
            if progress:
                progress(done, result.size)
        sink.commit()
    except BaseException:
        sink.abandon()
        raise
    return failures
