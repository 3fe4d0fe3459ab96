"""The rows of one table of a package, read as a stream across its parts, each cell checked.

A row is checked against its table's columns (type, required, enum, pattern, a partial date
against its precision) as it is read; what needs the other rows of its report is `checks`'s.
Rows are counted as a spreadsheet does: the header is row 1. A table's rules are compiled once
into one test of a whole row that runs in C (`_row_test`); only a row that fails it is checked
cell by cell again, for the message.
"""

from __future__ import annotations

import csv
import io
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from newsreport.converters.csv_.codec import Row
from newsreport.converters.csv_.layouts import Source
from newsreport.converters.csv_.package import DAMAGED_ZIP, Package
from newsreport.converters.csv_.tables import BY_NAME
from newsreport.converters.csv_.tableschema import BOOLEANS, MAX_DIGITS, PRECISIONS, Column
from newsreport.converters.csv_.writer import FORMULA_TRIGGERS
from newsreport.errors import ReadError


@dataclass
class Line:
    """A checked row, and where it was read."""

    file: str
    number: int
    row: Row


class Lines:
    """The checked rows of one table, across its parts, with one row of look-ahead.

    `source` says where the package's layout keeps the table: its rows come from that resource's
    files, and the columns the layout lacks get the cells it gives.
    """

    def __init__(self, package: Package, table: str, source: Source, files: list[str], unescape: bool) -> None:
        self.package, self.table, self.source, self.unescape = package, BY_NAME[table], source, unescape
        self._fits = _row_test(self.table.columns)
        self._dated = [prefix for prefix in ("", "dateline_") if f"{prefix}date" in self.table.header]
        self.rows = self._read(files)
        self.next: Line | None = None
        self.done = False

    def __iter__(self) -> Iterator[Line]:
        return self.rows

    def peek(self) -> Line | None:
        if self.next is None and not self.done:
            self.next = next(self.rows, None)
            self.done = self.next is None
        return self.next

    def take(self, rid: str, seen: set[str]) -> list[Line]:
        """The rows of report `rid`, which come next; a row of an earlier report is out of order."""
        taken = []
        line = self.peek()
        while line is not None and line.row["report_id"] == rid:
            taken.append(line)
            line = next(self.rows, None)
        self.next, self.done = line, line is None
        if line is not None and line.row["report_id"] in seen:
            raise out_of_order(line, rid, self.package.source)
        return taken

    def later_row_of(self, rid: str) -> Line | None:
        """The first row of report `rid` further on, if any (a problem further on ends the search)."""
        try:
            return next((line for line in self.rows if line.row["report_id"] == rid), None)
        except ReadError:
            return None

    def _read(self, files: list[str]) -> Iterator[Line]:
        for name in files:
            with self.package.open(name) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")  # csv splits the records
                reader = csv.reader(text, strict=True)
                number = 0
                try:
                    header = next(reader, None)
                    number = 1
                    columns = self._header(name, header)
                    width, fits = len(columns), self._fits
                    plain = not (self.unescape or self.source.filled or self._dated)
                    for number, cells in enumerate(reader, start=2):
                        row = dict(zip(columns, cells, strict=False))  # a short or long row: `_row` says so
                        if not (plain and len(cells) == width and fits(row)):  # else taken as it is
                            row = self._row(name, number, columns, cells)
                        yield Line(name, number, row)
                except csv.Error as exc:
                    raise ReadError(
                        f"not valid CSV: {exc}", source=self.package.source, location=f"{name}:{number + 1}"
                    ) from None
                except UnicodeDecodeError as exc:
                    raise ReadError(
                        f"not UTF-8: {exc.reason}", source=self.package.source, location=f"{name}:{number + 1}"
                    ) from None
                except DAMAGED_ZIP as exc:
                    raise ReadError(f"a damaged zip entry: {exc}", source=self.package.source, location=name) from None

    def _header(self, name: str, header: list[str] | None) -> list[str]:
        expected = self.source.header(self.table.name)
        if header is None:
            raise ReadError(
                "the file is empty: a header row is required", source=self.package.source, location=f"{name}:1"
            )
        missing = [c for c in expected if c not in header]
        if missing:
            raise ReadError("missing column", source=self.package.source, location=f"{name}:1:{missing[0]}")
        extra = [c for c in header if c not in expected]
        if extra or len(header) != len(set(header)):
            what = extra[0] if extra else next(c for c in header if header.count(c) > 1)
            raise ReadError("unexpected or repeated column", source=self.package.source, location=f"{name}:1:{what}")
        return header

    def _row(self, name: str, number: int, columns: list[str], cells: list[str]) -> Row:
        """A row read with care: its cells counted, unescaped, filled in from the layout and
        checked, each problem raised at its cell (`_read` takes a row that needs none of it)."""
        if len(cells) != len(columns):
            raise ReadError(
                f"has {len(cells)} cells, the header {len(columns)}",
                source=self.package.source,
                location=f"{name}:{number}",
            )
        if self.unescape:
            for header, cell in zip(columns, cells, strict=True):
                if cell.startswith(FORMULA_TRIGGERS) and not cell.startswith("'"):
                    message = "a cell a spreadsheet would run as a formula, unescaped in a package that escapes them"
                    raise ReadError(message, source=self.package.source, location=f"{name}:{number}:{header}")
            cells = [c[1:] if c.startswith("'") and c[1:].startswith(FORMULA_TRIGGERS) else c for c in cells]
        row = dict(zip(columns, cells, strict=True))
        if self.source.filled:
            row |= self.source.filled
        if not self._fits(row):
            for column in self.table.columns:
                problem = _cell_problem(column, row[column.name])
                if problem:
                    raise ReadError(problem, source=self.package.source, location=f"{name}:{number}:{column.name}")
        for prefix in self._dated:
            problem = _date_problem(row, prefix)
            if problem:
                raise ReadError(problem, source=self.package.source, location=f"{name}:{number}:{prefix}date")
        return row


_SEPARATOR = "\n"
"""Joins the cells of a row that one expression tests. A cell holding one could shift the cells
after it, so only cells that hold one fewer than their number (none each) are matched; a row with
one in such a cell fails the test, to be checked cell by cell. No rule today admits one: every
pattern leaves white space out."""


def _row_test(columns: Sequence[Column]) -> Callable[[Row], bool]:
    """A test true only of rows in which `_cell_problem` finds nothing wrong with any cell, and
    of all of them but a row with the separator in a cell the expression tests.

    The cells whose rule an expression states are joined and matched at once, one C-level call
    where a call per cell cost three times as much; required free text must not be empty; the
    rest (an integer with a maximum) is tested cell by cell.
    """
    rules: list[str] = []
    names: list[str] = []
    required: list[str] = []
    others: list[Column] = []
    for column in columns:
        rule = _rule(column)
        if rule is not None:
            rules.append(rule)
            names.append(column.name)
        elif column.type in ("string", "list") and not (column.enum or column.pattern or column.item_pattern):
            required += [column.name] if column.required else []
        else:
            others.append(column)
    match = re.compile(_SEPARATOR.join(rules), re.ASCII).fullmatch
    cells = operator.itemgetter(*names) if len(names) > 1 else lambda row: [row[name] for name in names]
    separators = len(names) - 1

    def fits(row: Row) -> bool:
        joined = _SEPARATOR.join(cells(row))
        matched = joined.count(_SEPARATOR) == separators and match(joined) is not None
        return matched and all(map(row.__getitem__, required))

    if not others:
        return fits
    return lambda row: fits(row) and all(_cell_problem(column, row[column.name]) is None for column in others)


def _rule(column: Column) -> str | None:
    """An expression of exactly the cells `_cell_problem` finds nothing wrong with, if one says it
    (a pattern must be anchored at both ends, which the expression drops)."""
    rules = (column.type, bool(column.enum), bool(column.pattern), bool(column.item_pattern))
    pattern = column.pattern or column.item_pattern or ""
    anchored = pattern.startswith("^") and pattern.endswith("$")
    if column.type == "integer" and column.minimum == 0 and column.maximum is None:
        rule = f"[0-9]{{1,{MAX_DIGITS}}}"
    elif rules == ("boolean", False, False, False):
        rule = "|".join(map(re.escape, BOOLEANS))
    elif rules == ("string", True, False, False):
        rule = "|".join(map(re.escape, column.enum))
    elif rules == ("string", False, True, False) and anchored:
        rule = pattern[1:-1]
    elif rules == ("list", False, False, True) and anchored:
        rule = f"(?:{pattern[1:-1]})(?:;(?:{pattern[1:-1]}))*"
    else:
        return None
    return f"(?:{rule})" if column.required else f"(?:{rule}|)"


def out_of_order(line: Line, after: str, source: str) -> ReadError:
    """The error for a row of a report that comes after the rows of report `after`."""
    earlier = line.row["report_id"]
    message = f"a row of report {earlier!r} after those of {after!r}: keep rows in the reports' order"
    return ReadError(message, source=source, location=f"{line.file}:{line.number}:report_id")


def _cell_problem(column: Column, cell: str) -> str | None:
    if not cell:
        return "a value is required" if column.required else None
    if column.type == "integer":
        return _integer_problem(column, cell)
    if column.type == "boolean" and cell not in BOOLEANS:
        return f"{cell!r} is not {' or '.join(BOOLEANS)}"
    if column.enum and cell not in column.enum:
        return f"{cell!r} is not one of {', '.join(column.enum)}"
    if column.pattern and not re.fullmatch(column.pattern, cell, re.ASCII):
        return f"{cell!r} does not match {column.pattern}"
    if column.item_pattern:
        bad = next((item for item in cell.split(";") if not re.fullmatch(column.item_pattern, item, re.ASCII)), None)
        if bad is not None:
            return f"list item {bad!r} does not match {column.item_pattern}"
    return None


def _integer_problem(column: Column, cell: str) -> str | None:
    least = column.minimum
    if not (cell.isascii() and cell.isdigit()):
        return f"{cell!r} is not a whole number of {least} or more"
    if len(cell) > MAX_DIGITS:
        return f"a number of {len(cell):,} digits (more than {MAX_DIGITS:,})"
    if column.maximum is not None and not least <= int(cell) <= column.maximum:
        return f"{cell!r} is not from {least} to {column.maximum}"
    if int(cell) < least:
        return f"{cell!r} is less than {least}"
    return None


def _date_problem(row: Row, prefix: str) -> str | None:
    value, precision = row[f"{prefix}date"], row[f"{prefix}date_precision"]
    if not value:
        return "a date precision without a date" if precision else None
    parts = value.count("-") + 1
    if precision != PRECISIONS[parts - 1]:
        actual = PRECISIONS[parts - 1]
        return f"{value!r} is precise to the {actual}, but {prefix}date_precision says {precision or 'nothing'}"
    if parts == 3:
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a day of the calendar"
    return None
