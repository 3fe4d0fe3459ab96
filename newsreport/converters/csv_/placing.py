"""Putting a finished package where it goes, whole: a folder, a `.zip`, or a device or FIFO.

Shared by the CSV and the Parquet package, which differ only in what a `Placing` takes: which
folders a package may replace (only an empty one or a package this program wrote, never
anything else), how the package is zipped, and how it takes the old package's modes.
"""

from __future__ import annotations

import errno
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from newsreport.files import is_stream, naming, real_path, temp_folder_beside, write_atomically
from newsreport.model import NewsReport


class Writer(Protocol):
    """A package writer: reports in (or as the batch's encoder made them, in a worker), then
    `close` finishes its folder, or `discard` closes what is open when the run failed."""

    def add(self, report: NewsReport) -> None: ...

    def add_encoded(self, encoded: Any) -> None: ...

    def close(self) -> None: ...

    def discard(self) -> None: ...


@dataclass(frozen=True)
class Placing:
    """How one format's packages are put in place."""

    check_replaceable: Callable[[Path], None]
    """Raises a `UsageError` unless a package may be written at the folder given."""
    zip_package: Callable[[Path, BinaryIO], None]
    """Writes a finished package folder to a stream as a zip."""
    keep_modes: Callable[[Path, Path], None]
    """Gives a new package folder the modes of the package it replaces (or new ones)."""

    def target(self, target: Path) -> Path:
        """Where a package for `target` goes: a device or FIFO as it is (a zip is written into
        it); otherwise the path with links followed, a folder only where `check_replaceable`
        allows."""
        if is_stream(target):
            return target
        target = real_path(target)
        if target.suffix.lower() != ".zip":
            self.check_replaceable(target)
        return target

    def publish(self, work: Path, target: Path) -> None:
        """Put a finished package folder at `target`: as it is, or zipped for a `.zip` target (or
        a device or FIFO, written into as a stream)."""
        if target.suffix.lower() == ".zip" or is_stream(target):
            write_atomically(target, lambda stream: self.zip_package(work, stream))
        else:
            with naming(target):
                self._replace(work, target)

    def write(self, reports: Iterable[NewsReport], target: Path, writer: Callable[[Path], Writer]) -> None:
        """Write a package folder (or a `.zip` of one) at `target`, all or nothing, with the
        writer `writer` makes for the folder it builds the package in."""
        target = self.target(target)
        work = work_folder_for(target)
        try:
            _fill(writer(work), reports)
            self.publish(work, target)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def write_zip(self, reports: Iterable[NewsReport], stream: BinaryIO, writer: Callable[[Path], Writer]) -> None:
        """Write a package as a zip to a stream (stdout)."""
        with tempfile.TemporaryDirectory() as work:
            _fill(writer(Path(work)), reports)
            self.zip_package(Path(work), stream)  # zipfile writes to unseekable streams too

    def _replace(self, new: Path, target: Path) -> None:
        """Put the finished package folder `new` at `target`, in place of what
        `check_replaceable` allows there, with the old package's modes.

        Writers of one target may race: each moves the package it finds aside to a name of its
        own and tries again until its own is in place, so the last to finish wins, whole. The
        names are never shared, so a crashed run's leftovers cannot block a later one; the
        packages moved aside are removed (put back, if this one failed to take their place).
        """
        self.keep_modes(new, target)
        moved: list[Path] = []
        placed = False
        try:
            while not placed:
                try:
                    new.rename(target)  # onto nothing, or an empty folder
                    placed = True
                except OSError as exc:
                    if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                        raise
                    self.check_replaceable(target)
                    aside = _move_aside(target)
                    moved += [aside] if aside is not None else []
        finally:
            for old in moved:
                if placed or not _put_back(old, target):
                    shutil.rmtree(old, ignore_errors=True)


def work_folder_for(target: Path | None) -> Path:
    """A new folder to build a package for `target` in: beside it, so that it moves into place in
    one rename, or in the temporary folder for a stream (None: stdout)."""
    if target is None or is_stream(target):
        return Path(tempfile.mkdtemp(prefix=".newsreport.", suffix=".part"))
    return temp_folder_beside(target)


def _fill(writer: Writer, reports: Iterable[NewsReport]) -> None:
    for report in reports:
        writer.add(report)
    writer.close()


def _move_aside(folder: Path) -> Path | None:
    """Rename `folder` to a new name of its own beside it (`.NAME.XXXX.old`), which it returns;
    None if another writer moved it first."""
    aside = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".old"))
    try:
        folder.rename(aside)  # onto the empty folder that reserved the name
    except FileNotFoundError:
        aside.rmdir()
        return None
    return aside


def _put_back(old: Path, target: Path) -> bool:
    """Put a package moved aside back at `target`, if nothing took its place there."""
    try:
        old.rename(target)
    except OSError:
        return False
    return True
