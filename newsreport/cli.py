"""The `newsreport` command: options, files and streams, messages and exit codes; nothing else.

Exit codes: 0 success; 1 invalid data (a read, write or validation failure); 2 usage (a bad
option, an unknown format, a missing file); 3 a lossy write refused by `--strict`.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from pydantic import TypeAdapter, ValidationError

from newsreport import __version__, batch, streams
from newsreport.batch.units import folder_members
from newsreport.converters import FORMATS, Format, csv_, format_for_path, get_format, ninjs, sniff
from newsreport.converters.format import CheckOptions
from newsreport.errors import (
    LossError,
    LossWarning,
    NewsReportError,
    ReadWarning,
    UnknownFormatError,
    UsageError,
    one_line,
)
from newsreport.files import write_bytes_atomically
from newsreport.limits import read_limited
from newsreport.model import Iri, LanguageTag, Moment
from newsreport.problems import Problem
from newsreport.schema import json_schema

app = typer.Typer(
    name="newsreport",
    help="Convert news reports between formats, validate them, print their JSON Schema.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def _print_version(asked: bool) -> None:
    if asked:
        typer.echo(f"newsreport {__version__}")
        raise typer.Exit


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Convert news reports between formats, validate them, print their JSON Schema."""


EXIT_CODES: list[tuple[type[Exception], int]] = [
    (UsageError, 2),
    (UnknownFormatError, 2),
    (LossError, 3),
    (NewsReportError, 1),
    (OSError, 1),
]
"""Exit code by error class; the first class the error is an instance of wins."""

_READABLE = ", ".join(sorted(name for name, fmt in FORMATS.items() if fmt.readable))
_WRITABLE = ", ".join(sorted(name for name, fmt in FORMATS.items() if fmt.writable))
FromOption = Annotated[
    str | None,
    typer.Option("--from", "-f", help=f"Input format: {_READABLE} (default: from the file name or content)."),
]


@contextmanager
def _reported() -> Iterator[None]:
    """Turn our errors into one line on stderr and the exit code `EXIT_CODES` gives; print what
    readers warned about (what they could not map) as `warning:` lines."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", ReadWarning)
        warnings.simplefilter("always", LossWarning)
        warnings.showwarning = _print_warning  # as they come, so an error that follows comes last
        try:
            yield
        except BrokenPipeError:
            raise typer.Exit(streams.end_at_closed_pipe()) from None
        except (NewsReportError, OSError) as exc:
            typer.echo(_error_line(exc), err=True)
            raise typer.Exit(_exit_code(exc)) from None
        except BaseException:
            if not _STOPPED_BY:
                raise
            # Whatever the signal interrupted (even a worker pool starting), the output is gone.
            typer.echo(f"newsreport: stopped by {_STOPPED_BY[0].name}; nothing was written", err=True)
            raise typer.Exit(128 + _STOPPED_BY[0]) from None


def _print_warning(message: Warning | str, *args: object, **kwargs: object) -> None:
    typer.echo(f"newsreport: warning: {one_line(str(message))}", err=True)


def _error_line(exc: NewsReportError | OSError) -> str:
    if isinstance(exc, OSError):
        message = f"{exc.filename}: {exc.strerror}" if exc.filename is not None else str(exc.strerror or exc)
    else:
        message = str(exc)
    return f"newsreport: error: {one_line(message)}"


def _exit_code(exc: Exception) -> int:
    return next(code for cls, code in EXIT_CODES if isinstance(exc, cls))


@dataclass(frozen=True)
class _Input:
    """A file (or stdin) to validate, and its format."""

    label: str
    format: Format
    path: Path | None = None
    data: bytes = b""

    @classmethod
    def of(cls, name: str, from_: str | None) -> _Input:
        if name == "-":
            data = read_limited(sys.stdin.buffer, "<stdin>")
            return cls("<stdin>", _readable(get_format(from_) if from_ else sniff(data)), data=data)
        path = Path(name)
        if not path.exists():
            raise UsageError(f"{name}: no such file")
        return cls(name, _readable(get_format(from_) if from_ else format_for_path(path)), path=path)

    def problems(self, options: CheckOptions) -> list[Problem]:
        if self.path is not None:
            return self.format.problems_at(self.path, self.label, options)
        return self.format.problems(self.data, self.label, options)


@app.command()
def convert(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="Files or folders to read; - for stdin.")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="File, or folder (DIR/) for one file per report; - or none for stdout."),
    ] = None,
    from_: FromOption = None,
    to: Annotated[
        str | None,
        typer.Option("--to", "-t", help=f"Output format: {_WRITABLE} (default: from the output name)."),
    ] = None,
    excel: Annotated[
        bool,
        typer.Option(help="CSV for spreadsheets: a BOM, and cells a spreadsheet would run as formulas escaped with '."),
    ] = False,
    ninjs_version: Annotated[
        str | None,
        typer.Option(help=f"The ninjs version to write: {', '.join(ninjs.VERSIONS)} (default: {ninjs.VERSIONS[0]})."),
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = None,
    keep_going: Annotated[
        bool, typer.Option(help="Skip reports that fail, list them at the end and exit 1, instead of stopping.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(help="Write nothing and exit 3 if data would be lost: a lossy format, input a reader cannot map."),
    ] = False,
    extract: Annotated[
        bool,
        typer.Option(
            help="Draft participants, statements and events from the body of reports that have none "
            "(web pages, JSON-LD, NewsML-G2); plain-text articles are always drafted."
        ),
    ] = False,
    published: Annotated[
        str | None,
        typer.Option(help="For texts that do not say: when they were published (2025-02-03; ISO 8601)."),
    ] = None,
    language: Annotated[
        str | None, typer.Option(help="For texts that do not say: their language (BCP 47: en, pt-BR).")
    ] = None,
    report_id: Annotated[
        str | None,
        typer.Option("--id", help="For one text: the report's IRI (default: a UUID made from the text)."),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            help="Convert on a Dask cluster: a scheduler's address (tcp://host:8786), or local for one on this "
            "machine of --jobs worker processes; inputs and -o may then be fsspec URLs (s3://, gcs://, file://). "
            "Needs: pip install 'newsreport[dask]'."
        ),
    ] = None,
) -> None:
    """Convert reports from one format to another: one file, or whole batches in parallel."""
    with _reported():
        drafting = _drafting(extract, published, language, report_id, inputs)
        out = None if output in (None, "-") else Path(output)
        target = _output_format(to, output if out is not None else None)
        if from_:
            _readable(get_format(from_))
        batch.check_loss(target, strict)
        if jobs is not None and jobs < 1:
            raise UsageError("--jobs must be 1 or more")
        if excel and target.name not in csv_.EXCEL:
            raise UsageError(f"--excel is for csv and csv-flat, not {target.name}")
        version = batch.ninjs_version(target, ninjs_version)
        if out is None and target.name in ("csv", "parquet") and sys.stdout.isatty():
            kind = "CSV" if target.name == "csv" else "Parquet"
            raise UsageError(
                f"a {kind} package on stdout is a zip, not for a terminal: name a file (-o x.zip) or pipe it"
            )
        if cluster is not None:
            _convert_on_cluster(
                inputs,
                output if out is not None else None,
                target,
                cluster,
                from_=from_,
                jobs=jobs,
                keep_going=keep_going,
                excel=excel,
                strict=strict,
                drafting=drafting,
                ninjs_version=ninjs_version,  # checked again there, for the Python API's callers
            )
            return
        for name in inputs:
            if name != "-" and not Path(name).exists():
                raise UsageError(f"{name}: no such file")
        sink = batch.sink_for(target, output if out is not None else None, excel=excel, inputs=inputs)
        with _progress(inputs) as progress:
            failures = batch.run(
                batch.units(inputs, from_),
                sink,
                jobs=jobs or os.cpu_count() or 1,
                keep_going=keep_going,
                excel=excel,
                progress=progress,
                stopped=lambda: bool(_STOPPED_BY),
                strict=strict,
                drafting=drafting,
                ninjs_version=version,
            )
        _report_skipped(failures)


def _report_skipped(failures: list[batch.Failure]) -> None:
    """List the reports `--keep-going` skipped, and exit 1 if there are any."""
    for failure in failures:
        typer.echo(f"newsreport: skipped: {failure}", err=True)
    if failures:
        typer.echo(f"newsreport: {len(failures)} report(s) skipped", err=True)
        raise typer.Exit(1)


def _convert_on_cluster(
    inputs: list[str],
    output: str | None,
    target: Format,
    cluster: str,
    *,
    from_: str | None,
    jobs: int | None,
    keep_going: bool,
    excel: bool,
    strict: bool,
    drafting: batch.Drafting | None,
    ninjs_version: str | None,
) -> None:
    """`convert --cluster`: the same run, with the conversion on a Dask cluster's workers."""
    from newsreport.cluster import convert_on_cluster

    with _progress(inputs) as progress:
        failures = convert_on_cluster(
            inputs,
            output,
            target.name,
            cluster=cluster,
            from_=from_,
            workers=jobs,
            keep_going=keep_going,
            excel=excel,
            strict=strict,
            drafting=drafting,
            ninjs_version=ninjs_version,
            progress=progress,
            stopped=lambda: bool(_STOPPED_BY),
        )
    _report_skipped(failures)


@contextmanager
def _progress(inputs: list[str]) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when it is a terminal (reports, rate, time left by bytes read)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    paths = [Path(name) for name in inputs if name != "-"]
    sizes = [p.stat().st_size for p in paths if p.is_file()]
    total = sum(sizes) if len(sizes) == len(inputs) else None
    columns = (TextColumn("{task.fields[reports]} reports"), BarColumn(), TextColumn("{task.fields[rate]}"))
    with Progress(*columns, TimeRemainingColumn(), transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("convert", total=total, reports=0, rate="")
        started = time.monotonic()

        def advance(done: int, size: int) -> None:
            rate = done / max(time.monotonic() - started, 1e-9)
            bar.update(task, advance=size, reports=done, rate=f"{rate:,.0f} reports/s")

        yield advance


@dataclass(frozen=True)
class _Checked:
    file: str
    format: str
    problems: list[Problem]


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Files to check; - for stdin.")],
    from_: FromOption = None,
    output_format: Annotated[
        Literal["text", "json"], typer.Option("--output-format", help="text: one line per problem; json: one document.")
    ] = "text",
    schemaorg: Annotated[
        Path | None,
        typer.Option(
            envvar="NEWSREPORT_SCHEMAORG",
            help="schema.org's vocabulary file (schemaorg-current-https.jsonld): check JSON-LD terms against it.",
        ),
    ] = None,
    newsml_xsd: Annotated[
        Path | None,
        typer.Option(
            envvar="NEWSREPORT_NEWSML_XSD",
            help="The NewsML-G2 XSD (or a driver that imports it with NITF): check NewsML-G2 files against it.",
        ),
    ] = None,
    ninjs_schema: Annotated[
        list[Path] | None,
        typer.Option(
            help="IPTC's ninjs schema files (ninjs-schema_3.1.json, _2.2, _1.6; repeatable): check ninjs "
            "against the schema of the version each document declares.",
        ),
    ] = None,
) -> None:
    """Check files against the JSON Schema, the model's rules and their format's own standard."""
    with _reported():
        options = CheckOptions(
            schemaorg=_existing(schemaorg),
            newsml_xsd=_existing(newsml_xsd),
            ninjs_schemas=tuple(path for path in map(_existing, ninjs_schema or []) if path is not None),
        )
        inputs = [_Input.of(name, from_) for given in files for name in _files_to_check(given, from_)]
        checked = [_Checked(source.label, source.format.name, source.problems(options)) for source in inputs]
    if output_format == "json":
        typer.echo(json.dumps(_json_report(checked), indent=2, ensure_ascii=False))
    else:
        for c in checked:
            for p in c.problems:
                typer.echo(one_line(f"{c.file}: {p}" if p.path else f"{c.file}: {p.message}"))
            if not c.problems:
                typer.echo(f"{c.file}: ok")
    if any(c.problems for c in checked):
        raise typer.Exit(1)


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Print the JSON Schema of a report (Draft 2020-12)."""
    text = (json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n").encode()
    if output is None:
        sys.stdout.buffer.write(text)
        return
    with _reported():
        write_bytes_atomically(output, text)


@app.command()
def formats() -> None:
    """List the formats, their file extensions and what they can do."""
    for fmt in FORMATS.values():
        modes = " ".join(m for m, able in (("read", fmt.readable), ("write", fmt.writable)) if able)
        typer.echo(f"{fmt.name:<10} {modes:<11} {' '.join(fmt.extensions):<22} {fmt.summary}")


def main() -> None:
    """Run the command line (the `newsreport` console script)."""
    for stop in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(stop) is not signal.SIG_IGN:  # a shell's background job ignores Ctrl-C
            signal.signal(stop, _stopped)
    streams.buffer_stdout()
    streams.guard_closed()
    try:
        try:
            app(prog_name="newsreport", standalone_mode=True)
        finally:
            sys.stdout.flush()  # here, not at exit, where a closed pipe could not be answered
    except BrokenPipeError:
        sys.exit(streams.end_at_closed_pipe())
    except OSError as exc:  # a closed stdout, written to outside a command's own error handling
        typer.echo(_error_line(exc), err=True)
        sys.exit(_exit_code(exc))


_STOPPED_BY: list[signal.Signals] = []


def _stopped(signum: int, frame: object) -> None:
    """Ctrl-C, a `kill` or a scheduler's stop: unwind, so every temporary output is removed.
    (Python's default for SIGTERM is to die on the spot, leaving them.)"""
    _STOPPED_BY.append(signal.Signals(signum))
    raise KeyboardInterrupt


def _files_to_check(name: str, from_: str | None) -> list[str]:
    """A folder stands for what `convert` would read in it: its files, and the CSV packages in it."""
    if name == "-" or from_ or not Path(name).is_dir():
        return [name]
    members = [str(path) for path in folder_members(Path(name))]
    if not members:
        raise UsageError(f"{name}: a folder with no file of a format newsreport reads, and no CSV package")
    return members


def _drafting(
    extract: bool, published: str | None, language: str | None, report_id: str | None, inputs: list[str]
) -> batch.Drafting:
    """The drafting options, each checked as the model would check it, so a bad one is a usage
    error before anything is read."""
    checks: tuple[tuple[str, str | None, TypeAdapter[Any]], ...] = (
        ("--published", published, TypeAdapter(Moment)),
        ("--language", language, TypeAdapter(LanguageTag)),
        ("--id", report_id, TypeAdapter(Iri)),
    )
    for option, value, adapter in checks:
        if value is not None:
            try:
                adapter.validate_python(value)
            except ValidationError as exc:
                reason = exc.errors(include_url=False)[0]["msg"].removeprefix("Value error, ")
                raise UsageError(f"{option} {value!r}: {reason}") from None
    if report_id is not None and (len(inputs) != 1 or Path(inputs[0]).is_dir()):
        raise UsageError("--id names one report: give one input file")
    return batch.Drafting(published=published, language=language, id=report_id, extract=extract)


def _existing(path: Path | None) -> Path | None:
    if path is not None and not path.is_file():
        raise UsageError(f"{path}: no such file")
    return path


def _output_format(to: str | None, output: str | None) -> Format:
    if to:
        return _writable(get_format(to))
    if output is None:
        raise UsageError("say which format to write with --to when writing to stdout")
    out = Path(output)
    if output.endswith(("/", "\\")) or (out.is_dir() and not (out / "datapackage.json").exists()):
        raise UsageError(f"{output}: say which format to write into the folder with --to")
    return _writable(format_for_path(out))


def _readable(fmt: Format) -> Format:
    if not fmt.readable:
        raise UsageError(f"{fmt.name} cannot be read, only written; --from takes {_READABLE}")
    return fmt


def _writable(fmt: Format) -> Format:
    if not fmt.writable:
        raise UsageError(f"{fmt.name} cannot be written, only read; --to takes {_WRITABLE}")
    return fmt


def _json_report(checked: list[_Checked]) -> dict[str, object]:
    return {
        "valid": not any(c.problems for c in checked),
        "files": [
            {
                "file": c.file,
                "format": c.format,
                "valid": not c.problems,
                "problems": [{"location": p.path, "message": p.message} for p in c.problems],
            }
            for c in checked
        ],
    }
