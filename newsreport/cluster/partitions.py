"""Splitting inputs into partitions, on the client: runs of JSON Lines lines and groups of whole
files, each of at most a fixed number of reports (and bytes), numbered in input order.

Only places are planned here (a file's name, a byte range and the number of its first line),
never reports: workers read their partition themselves, so the client sends no data. To place
JSON Lines runs the client reads each JSON Lines input once, line by line, as the local batch
does (and refuses an over-long line the same way); nothing is kept but the offsets.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsreport.batch.units import folder_members
from newsreport.cluster import locations
from newsreport.converters import format_for_path, get_format
from newsreport.limits import limited_lines

REPORTS = 1_000
"""Reports per partition by default: a worker holds one partition's input and output at a time."""
BYTES = 64 * 1024 * 1024
"""Input bytes at most per JSON Lines partition, however short its reports."""


@dataclass(frozen=True)
class Lines:
    """A run of lines of one JSON Lines input: the bytes `[start, end)`, whose first line is
    line `first` of the file."""

    name: str
    start: int
    end: int
    first: int


@dataclass(frozen=True)
class Partition:
    """The `number`th partition of a run: whole files (one report each, or a newsMessage, or a
    CSV package), or a run of JSON Lines."""

    number: int
    files: tuple[str, ...] = ()
    lines: Lines | None = None


def plan(
    inputs: Iterable[str], from_: str | None = None, reports: int = REPORTS, max_bytes: int = BYTES
) -> Iterator[Partition]:
    """The partitions of `inputs`, in the order the local batch reads them; lazily, so the plan
    runs only as far ahead as the run submits."""
    numbers = itertools.count()
    files: list[str] = []
    for name in inputs:
        for member in _members(name, from_):
            if _is_json_lines(member, from_):
                if files:
                    yield Partition(next(numbers), files=tuple(files))
                    files = []
                for run in _runs(member, reports, max_bytes):
                    yield Partition(next(numbers), lines=run)
                continue
            files.append(member)
            if len(files) >= reports:
                yield Partition(next(numbers), files=tuple(files))
                files = []
    if files:
        yield Partition(next(numbers), files=tuple(files))


def _members(name: str, from_: str | None) -> Iterator[str]:
    """The files an input stands for, as `batch.units.units` walks it: a folder's members (with
    no `--from`), else the input itself."""
    if from_ or not locations.is_folder(name):
        yield name
        return
    path = locations.local_path(name)
    if path is None:
        yield from locations.remote_members(name)
    else:
        yield from (str(member) for member in folder_members(Path(path)))


def _is_json_lines(name: str, from_: str | None) -> bool:
    fmt = get_format(from_) if from_ else format_for_path(locations.local_path(name) or name)
    return fmt.name == "jsonl"


def _runs(name: str, reports: int, max_bytes: int) -> Iterator[Lines]:
    """Runs of `reports` non-blank lines (fewer if they pass `max_bytes`)."""
    start, first, count, offset = 0, 1, 0, 0
    with locations.open_input(name) as stream:
        for number, line in limited_lines(stream, locations.source_name(name)):
            offset += len(line)
            count += bool(line.strip())
            if count >= reports or offset - start >= max_bytes:
                yield Lines(name, start, offset, first)
                start, first, count = offset, number + 1, 0
    if count:
        yield Lines(name, start, offset, first)
