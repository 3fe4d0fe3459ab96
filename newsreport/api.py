"""The Python API: read reports from files or bytes, write them in any format."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsreport import batch
from newsreport.batch import Drafting, Failure
from newsreport.converters import Format, format_for_path, get_format, ninjs, sniff
from newsreport.errors import UnknownFormatError
from newsreport.model import NewsReport

Source = bytes | str | os.PathLike[str]
"""Bytes of a document, or the path of a file (a `str` is always a path)."""


def read(source: Source, format: str | None = None) -> NewsReport:
    """The one report in `source`; the format comes from `format`, the file name or the content."""
    data, name = _load(source)
    return _format_of(source, data, format).read_one(data, name)


def read_all(path: str | os.PathLike[str], format: str | None = None) -> Iterator[NewsReport]:
    """The reports in a file or CSV package folder, one at a time (JSON Lines of any size streams)."""
    fmt = get_format(format) if format else format_for_path(path)
    if fmt.read_path is not None:
        yield from fmt.read_path(Path(path), str(path))
        return
    with Path(path).open("rb") as stream:
        yield from fmt.read_all(stream, str(path))


def write(report: NewsReport, format: str = "json", *, ninjs_version: str | None = None) -> bytes:
    """The report as a document in `format`; ninjs in `ninjs_version` (3.1, 2.2 or 1.6; default 3.1)."""
    fmt = get_format(format)
    if fmt.name == "ninjs" or ninjs_version is not None:
        return ninjs.write(report, batch.ninjs_version(fmt, ninjs_version))
    return fmt.write_one(report)


def _load(source: Source) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<bytes>"
    return Path(source).read_bytes(), os.fspath(source)


def _format_of(source: Source, data: bytes, format: str | None) -> Format:
    if format:
        return get_format(format)
    if isinstance(source, bytes):
        return sniff(data)
    return format_for_path(source)


def convert_many(
    inputs: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None,
    to: str,
    *,
    from_: str | None = None,
    jobs: int = 1,
    keep_going: bool = False,
    excel: bool = False,
    strict: bool = False,
    drafting: Drafting | None = None,
    ninjs_version: str | None = None,
) -> list[Failure]:
    """Convert files, folders, JSON Lines, newsMessages and CSV packages into one output.

    `output` is a file, a folder (a CSV package, or one file per report for a document format)
    or None for stdout. Reports stream through `jobs` processes in input order. A failing report
    stops the run with a `ReadError` and no output (or, with `keep_going`, is skipped and
    returned among the failures). With `strict`, a lossy format or input a reader cannot map
    whole raises `LossError` and writes nothing. Plain-text articles are drafted by the
    extractor with what `drafting` says they do not (their date, language, id); with
    `drafting.extract`, reports read from other formats are drafted from their bodies too.
    ninjs is written in `ninjs_version` (3.1, 2.2 or 1.6; default 3.1).
    """
    fmt = get_format(to)
    version = batch.ninjs_version(fmt, ninjs_version)
    batch.check_loss(fmt, strict)
    names = [str(name) for name in inputs]
    sink = batch.sink_for(fmt, os.fspath(output) if output is not None else None, excel=excel, inputs=names)
    units = batch.units(names, from_)
    return batch.run(
        units,
        sink,
        jobs=jobs,
        keep_going=keep_going,
        excel=excel,
        strict=strict,
        drafting=drafting,
        ninjs_version=version,
    )


def convert_reports(
    reports: Iterable[NewsReport], to: str, jobs: int = 1, *, ninjs_version: str | None = None
) -> Iterator[bytes]:
    """Each report as a document in `to`, encoded `jobs` processes at a time, in order: iterator in,
    iterator out; ninjs in `ninjs_version` (3.1, 2.2 or 1.6; default 3.1)."""
    packages = ("csv", "csv-flat", "parquet", "newsml-message")  # many reports per output, not one each
    if to not in batch.ENCODERS or to in packages:
        raise UnknownFormatError(to, sorted(n for n in batch.ENCODERS if n not in packages))
    version = batch.ninjs_version(get_format(to), ninjs_version)
    units = (batch.Unit(source=r.id, report=r) for r in reports)
    for result in batch.converted(units, to, jobs, ninjs_version=version):
        yield result.payload
