"""Converting many reports: inputs split into units (`units`), converted in worker processes
(`work`), written in order to one output (`sinks`), all or nothing (`run`, `write_results`)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable

from newsreport.batch.sinks import Sink, file_name, sink_for
from newsreport.batch.units import Unit, units
from newsreport.batch.work import ENCODERS, Failure, Result, converted
from newsreport.converters import Format, ninjs
from newsreport.converters.text import Drafting
from newsreport.errors import LossError, LossWarning, ReadError, ReadWarning, UsageError


def run(
    units: Iterable[Unit],
    sink: Sink,
    jobs: int = 1,
    keep_going: bool = False,
    excel: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stopped: Callable[[], bool] = lambda: False,
    strict: bool = False,
    drafting: Drafting | None = None,
    ninjs_version: str = ninjs.VERSIONS[0],
) -> list[Failure]:
    """Convert every unit into `sink`; on a failure stop (default) or skip it (`keep_going`).

    Returns the failures skipped. A stop raises the failure as a `ReadError` and leaves no output.
    With `strict`, a report a reader could not map whole stops the run with a `LossError`, even
    with `keep_going`: the output would not hold all of the input.
    `stopped` is asked after each report, for a stop a signal handler asked for: the exception
    it raises can be lost (in an at-fork hook of a worker being started), a flag cannot.
    """
    results = converted(units, sink.encoder, jobs, excel, drafting, ninjs_version)
    return write_results(results, sink, keep_going, strict, progress, stopped)


def write_results(
    results: Iterable[Result],
    sink: Sink,
    keep_going: bool = False,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> list[Failure]:
    """Write converted `results` into `sink`, in order, and commit it: the half of `run` after
    the conversion, for an engine that converts elsewhere (`newsreport.cluster`).

    `keep_going`, `strict`, `progress` and `stopped` are `run`'s; a stop (or any exception,
    also one `results` raises) abandons the sink, so no output is left.
    """
    failures: list[Failure] = []
    try:
        with warnings.catch_warnings():
            if strict:  # what a reader could not map, here or in a worker, stops the run
                warnings.simplefilter("error", ReadWarning)
            for done, result in enumerate(results, start=1):
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
    except ReadWarning as lost:
        sink.abandon()
        raise LossError(f"{lost}; strict mode refuses to drop data") from None
    except BaseException:
        sink.abandon()
        raise
    return failures


def check_loss(fmt: Format, strict: bool = False) -> None:
    """Say that `fmt` keeps only part of a report: a `LossError` in strict mode, else a `LossWarning`."""
    if fmt.lossless:
        return
    message = f"{fmt.name} keeps only part of each report ({fmt.summary})"
    if strict:
        raise LossError(f"{message}; strict mode refuses to drop data")
    warnings.warn(message, LossWarning, stacklevel=2)


def ninjs_version(fmt: Format, asked: str | None) -> str:
    """The ninjs version to write: the one `asked` (refused unless ninjs can be written in it, and
    the output is ninjs), else the newest."""
    if asked is None:
        return ninjs.VERSIONS[0]
    if fmt.name != "ninjs":
        raise UsageError(f"a ninjs version is for ninjs output, not {fmt.name}")
    if asked not in ninjs.VERSIONS:
        raise UsageError(f"ninjs {asked} cannot be written: choose {', '.join(ninjs.VERSIONS)}")
    return asked


__all__ = [
    "ENCODERS",
    "Drafting",
    "Failure",
    "Result",
    "Sink",
    "Unit",
    "check_loss",
    "converted",
    "file_name",
    "ninjs_version",
    "run",
    "sink_for",
    "units",
    "write_results",
]
