"""What a Dask worker does with one partition: read its units as the local batch reads them and
convert them with the local batch's own `converted`, in this process, one partition at a time."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsreport.batch import Drafting, Unit, converted, units
from newsreport.batch.units import units_of_stream
from newsreport.batch.work import Result, read_unit
from newsreport.cluster import locations
from newsreport.cluster import portable as _portable  # noqa: F401  (our errors cross from here whole)
from newsreport.cluster.partitions import Lines, Partition
from newsreport.converters import format_for_path, get_format, ninjs
from newsreport.errors import NewsReportError
from newsreport.model import NewsReport


@dataclass(frozen=True)
class Job:
    """How to read and convert every partition of a run (sent to each worker with it)."""

    encoder: str
    from_: str | None = None
    excel: bool = False
    drafting: Drafting = field(default_factory=Drafting)
    ninjs_version: str = ninjs.VERSIONS[0]


@dataclass
class Converted:
    """A partition converted: its results in input order, then the error that stopped reading
    it, if any (an input that could not be opened or split, which stops a local run too)."""

    results: list[Result]
    error: NewsReportError | None = None


def convert_partition(job: Job, partition: Partition) -> Converted:
    """Read and convert one partition (on a worker)."""
    results: list[Result] = []
    try:
        results.extend(
            converted(units_of(partition, job.from_), job.encoder, 1, job.excel, job.drafting, job.ninjs_version)
        )
    except NewsReportError as error:
        return Converted(results, error)
    return Converted(results)


def encode_reports(job: Job, reports: Iterable[NewsReport]) -> Converted:
    """Encode reports already read (a partition of a bag) for the run's sink (on a worker)."""
    units = (Unit(source=report.id, report=report) for report in reports)
    return Converted(list(converted(units, job.encoder, 1, job.excel, job.drafting, job.ninjs_version)))


def read_partition(partition: Partition, from_: str | None = None) -> list[NewsReport]:
    """The reports of one partition (on a worker); a bad input raises its `ReadError`."""
    drafting = Drafting()
    return [unit.report or read_unit(unit, drafting) for unit in units_of(partition, from_)]


def units_of(partition: Partition, from_: str | None) -> Iterator[Unit]:
    """The units of a partition, as the local batch makes them from the same inputs."""
    if partition.lines is not None:
        yield from _units_of_lines(partition.lines)
    for name in partition.files:
        path = locations.local_path(name)
        if path is None:
            yield from _units_of_remote(name, from_)
        else:  # a CSV package folder among a folder's members is read as one package
            yield from units([path], from_ or ("csv" if Path(path).is_dir() else None))


def _units_of_lines(lines: Lines) -> Iterator[Unit]:
    """The lines of a run, numbered as in the whole file; blank ones skipped, as locally."""
    block = locations.read_range(lines.name, lines.start, lines.end)
    source = locations.source_name(lines.name)
    for number, line in enumerate(io.BytesIO(block), start=lines.first):
        if line.strip():
            yield Unit(f"{source}:{number}", "jsonl", line)


def _units_of_remote(name: str, from_: str | None) -> Iterator[Unit]:
    fmt = get_format(from_) if from_ else format_for_path(name)
    with locations.open_input(name) as stream:
        yield from units_of_stream(fmt, stream, name)
