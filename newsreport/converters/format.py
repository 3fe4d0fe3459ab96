"""The `Format` record: a format's name, file extensions and its reader and writer.

A converter package names its functions with `deferred`, so that knowing a format (its name,
extensions and summary, for `formats`, `--help` and choosing a format by a file's name) does not
import its converter: a NewsML-G2 conversion never imports the JSON-LD or CSV code.
"""

from __future__ import annotations

import importlib
import io
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from newsreport.errors import ReadError, WriteError
from newsreport.limits import check_size, read_limited
from newsreport.problems import Problem

if TYPE_CHECKING:
    from newsreport.model import NewsReport


class _Deferred:
    """A function of a module imported on the function's first call."""

    __slots__ = ("_function", "module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name
        self._function: Callable[..., Any] | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._function is None:
            self._function = getattr(importlib.import_module(self.module), self.name)
        return self._function(*args, **kwargs)

    def __reduce__(self) -> tuple[type[_Deferred], tuple[str, str]]:
        return _Deferred, (self.module, self.name)  # pickled by name, as a function is

    def __repr__(self) -> str:
        return f"<deferred {self.module}.{self.name}>"


def deferred(module: str, name: str) -> Any:
    """The function `module.name`, imported when it is first called.

    Typed `Any`: a package binds it under `if not TYPE_CHECKING`, beside the real import for the
    type checker, so callers keep the function's own signature.
    """
    return _Deferred(module, name)


@dataclass(frozen=True)
class CheckOptions:
    """Where the official schemas are, for checks against a format's own standard.

    Without them a format is checked as far as newsreport can by itself; with them, also
    against the standard (the schema.org vocabulary, the NewsML-G2 XSD).
    """

    schemaorg: Path | None = None
    """schema.org's vocabulary file (`schemaorg-current-https.jsonld`)."""
    newsml_xsd: Path | None = None
    """The NewsML-G2 XSD (or a driver schema that imports it)."""
    ninjs_schemas: tuple[Path, ...] = ()
    """IPTC's ninjs schema files (`ninjs-schema_3.1.json`, ...); each one's version from its `$id`."""


@dataclass(frozen=True)
class Format:
    """A format and its converter functions.

    A document format gives `read`/`write` for one report per document; a stream format (JSON
    Lines, a NewsML-G2 newsMessage) gives `read_stream`/`write_stream` for any number of reports;
    a format that lives in a folder (a CSV package) also gives `read_path`/`write_path`. The
    methods below serve all kinds the same way.
    """

    name: str
    extensions: tuple[str, ...]
    media_type: str
    summary: str
    read: Callable[[bytes, str], NewsReport] | None = None
    write: Callable[[NewsReport], bytes] | None = None
    read_stream: Callable[[BinaryIO, str], Iterator[NewsReport]] | None = None
    write_stream: Callable[[Iterable[NewsReport], BinaryIO], None] | None = None
    read_path: Callable[[Path, str], Iterator[NewsReport]] | None = None
    write_path: Callable[[Iterable[NewsReport], Path], None] | None = None
    check: Callable[[bytes, str, CheckOptions], list[Problem]] | None = None
    lossless: bool = True

    @property
    def readable(self) -> bool:
        """Whether newsreport can read this format."""
        return self.read is not None or self.read_stream is not None

    @property
    def writable(self) -> bool:
        """Whether newsreport can write this format."""
        return self.write is not None or self.write_stream is not None

    @property
    def holds_many(self) -> bool:
        """Whether one file of this format can hold many reports."""
        return self.write_stream is not None

    def problems(self, data: bytes, source: str = "<input>", options: CheckOptions | None = None) -> list[Problem]:
        """Everything wrong with a document of this format: its own checks if it has them,
        else whatever stops it from being read."""
        if self.check is not None:
            return self.check(data, source, options or CheckOptions())
        try:
            for _ in self.read_all(io.BytesIO(data), source):
                pass
        except ReadError as exc:
            return [Problem(exc.location, exc.message)]
        return []

    def problems_at(self, path: Path, source: str, options: CheckOptions | None = None) -> list[Problem]:
        """Everything wrong with the file or folder at `path`."""
        if self.read_path is None:
            with path.open("rb") as stream:
                return self.problems(read_limited(stream, source), source, options)
        try:
            for _ in self.read_path(path, source):
                pass
        except ReadError as exc:
            return [Problem(exc.location, exc.message)]
        return []

    def read_one(self, data: bytes, source: str = "<input>") -> NewsReport:
        """The one report `data` holds."""
        check_size(len(data), source)
        if self.read is not None:
            return self.read(data, source)
        reports = list(self.read_all(io.BytesIO(data), source))
        if len(reports) != 1:
            raise ReadError(f"holds {len(reports)} reports, not one", source=source, format=self.name)
        return reports[0]

    def read_all(self, stream: BinaryIO, source: str = "<input>") -> Iterator[NewsReport]:
        """The reports `stream` holds, one at a time."""
        if self.read_stream is not None:
            return self.read_stream(stream, source)
        if self.read is None:
            message = f"{self.name} is an export format and cannot be read back ({self.summary})"
            raise ReadError(message, source=source, format=self.name)
        return iter((self.read(read_limited(stream, source), source),))

    def write_one(self, report: NewsReport) -> bytes:
        """The document for one report."""
        if self.write is not None:
            return self.write(report)
        out = io.BytesIO()
        self.write_all((report,), out)
        return out.getvalue()

    def write_all(self, reports: Iterable[NewsReport], stream: BinaryIO) -> None:
        """Write `reports` to `stream`.

        A format with both writers writes one report as a document and more as a stream (one
        NewsML-G2 newsItem, or a newsMessage); a document format takes exactly one.
        """
        iterator = iter(reports)
        head = list(itertools.islice(iterator, 2))
        if self.write is not None and len(head) == 1:
            stream.write(self.write(head[0]))
        elif self.write_stream is not None:
            self.write_stream(itertools.chain(head, iterator), stream)
        elif self.write is None:
            raise WriteError(f"{self.name} is read only")
        else:
            raise WriteError(f"{self.name} holds exactly one report; write many to a stream format or a directory")
