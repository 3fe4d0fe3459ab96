"""Where converted reports go: a batch file, a newsMessage, a CSV package, a folder of files, one
document. Every sink writes to a temporary place and commits only when the whole run succeeded."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsreport.batch.targets import output_path
from newsreport.batch.work import Result
from newsreport.converters import Format
from newsreport.converters.format import deferred
from newsreport.errors import ReadError, UsageError, WriteError
from newsreport.files import (
    is_stream,
    keep_mode,
    naming,
    publish,
    real_path,
    temp_file_beside,
    temp_folder_beside,
    write_bytes_atomically,
)

if TYPE_CHECKING:
    from newsreport.converters.csv_.placing import Placing, Writer
    from newsreport.converters.newsml_g2.writer import message_end, message_start
else:  # the writers of the formats converted to, imported by the first sink that needs them
    message_end = deferred("newsreport.converters.newsml_g2.writer", "message_end")
    message_start = deferred("newsreport.converters.newsml_g2.writer", "message_start")


class Sink:
    """Where converted reports go; `commit` makes the output appear, `abandon` removes all trace.

    A failure to write (a full disk) is a `WriteError` naming the output, `target`.
    """

    encoder = "json"
    target: object = "<stdout>"

    def add(self, result: Result) -> None:
        with naming(self.target):
            self._add(result)

    def commit(self) -> None:
        """Make the output visible: nothing is at the output path before this."""
        with naming(self.target):
            self._commit()

    def abandon(self) -> None:
        """Remove everything written so far."""

    def _add(self, result: Result) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError


class _StreamSink(Sink):
    """One batch file (JSON Lines, a newsMessage, a flat CSV), written to a temporary file first
    (or straight into stdout, a device or a FIFO)."""

    def __init__(self, out: Path | None, encoder: str) -> None:
        self.encoder = encoder
        self.temp: Path | None = None
        self.stream: BinaryIO
        if out is None:
            self.stream = sys.stdout.buffer
        else:
            self.target = out
            with naming(out):
                if is_stream(out):
                    self.stream = out.open("wb")
                else:
                    self.out = real_path(out)
                    self.temp = temp_file_beside(self.out)
                    self.stream = self.temp.open("wb")
        self.count = 0
        self.first: tuple[str, bytes, bytes] | None = None
        if encoder == "csv-flat":
            self.text = io.TextIOWrapper(self.stream, encoding="utf-8", newline="", write_through=True)
            import csv

            self.csv = csv.writer(self.text)
            from newsreport.converters.csv_.flat import HEADER

            self.csv.writerow(HEADER)

    def _add(self, result: Result) -> None:
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

    def _commit(self) -> None:
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
        if self.stream is not sys.stdout.buffer:
            self.stream.close()
        if self.temp is not None:
            publish(self.temp, self.out)

    def abandon(self) -> None:
        if self.stream is not sys.stdout.buffer:
            with contextlib.suppress(OSError):
                self.stream.close()
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)


class _PackageSink(Sink):
    """A package (CSV or Parquet), written into a temporary folder and moved into place (or
    zipped to stdout) at the end, as its format's `Placing` says."""

    def __init__(self, out: Path | None, encoder: str, placing: Placing, writer: Callable[[Path], Writer]) -> None:
        from newsreport.converters.csv_.placing import work_folder_for

        self.encoder, self.placing = encoder, placing
        self.out = placing.target(out) if out is not None else None
        self.target = out if out is not None else "<stdout>"
        with naming(self.target):
            self.work = work_folder_for(self.out)
        self.writer = writer(self.work)

    def _add(self, result: Result) -> None:
        self.writer.add_encoded(result.payload)

    def _commit(self) -> None:
        self.writer.close()
        if self.out is None:
            self.placing.zip_package(self.work, sys.stdout.buffer)
        else:
            self.placing.publish(self.work, self.out)
        shutil.rmtree(self.work, ignore_errors=True)

    def abandon(self) -> None:
        self.writer.discard()
        shutil.rmtree(self.work, ignore_errors=True)


class _FolderSink(Sink):
    """One file per report in a folder, named after the report's id; files appear only at the end.

    The files are written into a temporary folder: beside a new output folder, which it becomes at
    the end, or inside an existing one, whose files it joins then (taking the mode and owner of
    the files they replace). Nothing is kept per report (the folder itself lists what was
    written), so memory stays flat for a million files; a second report with the same id is
    refused, not written over the first.
    """

    def __init__(self, out: Path, fmt: Format) -> None:
        self.target = out
        self.out = real_path(out)
        self.encoder = fmt.name
        self.extension = fmt.extensions[-1]
        if self.out.exists() and not self.out.is_dir():
            raise UsageError(f"{out}: exists and is not a folder, so it cannot hold one file per report")
        with naming(out):
            if self.out.is_dir():
                self.work = Path(tempfile.mkdtemp(prefix=".newsreport.", suffix=".part", dir=self.out))
            else:
                self.work = temp_folder_beside(self.out)

    def _add(self, result: Result) -> None:
        name = file_name(result.report_id, self.extension)
        try:
            with (self.work / name).open("xb") as file:
                file.write(result.payload)
        except FileExistsError:
            raise ReadError(
                f"report {result.report_id!r} appears twice: its file {name} is already written", source=result.source
            ) from None

    def _commit(self) -> None:
        if self.work.parent != self.out:
            keep_mode(self.work, self.out)
            try:
                self.work.rename(self.out)  # onto nothing, or a folder made empty meanwhile
                return
            except OSError as exc:
                if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                    raise
        with os.scandir(self.work) as entries:  # not iterdir: it lists the whole folder first
            for entry in entries:
                publish(Path(entry.path), self.out / entry.name)
        shutil.rmtree(self.work, ignore_errors=True)

    def abandon(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


class _DocumentSink(Sink):
    """One report as one document (a file written atomically, or stdout)."""

    def __init__(self, out: Path | None, fmt: Format) -> None:
        self.out, self.fmt, self.encoder = out, fmt, fmt.name
        self.target = out if out is not None else "<stdout>"
        self.payload: bytes | None = None

    def _add(self, result: Result) -> None:
        if self.payload is not None:
            raise WriteError(
                f"{self.fmt.name} holds one report and there are more: write to a folder (-o DIR/) "
                "or to a batch format (.jsonl, a NewsML-G2 newsMessage, a CSV package)"
            )
        self.payload = result.payload

    def _commit(self) -> None:
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


def sink_for(fmt: Format, output: str | Path | None, excel: bool = False, inputs: Iterable[str | Path] = ()) -> Sink:
    """The sink that writes `fmt` to `output`: a file, a folder (an existing one, or a name
    ending in `/`), or None for stdout. Refused (a `UsageError`) where it would destroy what the
    user did not name, or write where the run reads (`inputs`)."""
    if fmt.name == "parquet":
        from newsreport.converters.parquet.extra import require

        require()  # before anything is made, the one line naming the extra
    out = None if output is None else output_path(output, inputs, whole_folder=fmt.name in ("csv", "parquet"))
    if fmt.name == "csv":
        from newsreport.converters.csv_ import writer as csv_writer

        return _PackageSink(out, "csv", csv_writer.PLACING, lambda work: csv_writer.PackageWriter(work, excel=excel))
    if fmt.name == "parquet":
        from newsreport.converters.parquet import placing, writer

        return _PackageSink(out, "parquet", placing.PLACING, writer.PackageWriter)
    if out is not None and (out.is_dir() or str(output).endswith(("/", "\\"))):
        if fmt.name in ("jsonl", "csv-flat"):
            raise UsageError(f"{output}: names a folder, and {fmt.name} is written to one file")
        return _FolderSink(out, fmt)
    if fmt.name in ("jsonl", "csv-flat"):
        return _StreamSink(out, fmt.name)
    if fmt.name == "newsml-g2":
        return _StreamSink(out, "newsml-message")
    return _DocumentSink(out, fmt)
