"""A CSV package's cells as Parquet values, and back: the one place that knows both encodings.

Writing, a report's rows as `csv_.codec.rows` makes them (text cells) become typed values:
integers, booleans, lists of strings, a partial date as the days since 1970 of its first day, a
moment as microseconds since 1970 in UTC with its precision and offset. Reading, the values
become the very cells the CSV package would hold, so that the CSV package's checks and
decoding read them. An empty list and a missing one are one cell (empty), as in CSV.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from operator import itemgetter
from typing import cast

from newsreport.converters.csv_.codec import Row
from newsreport.converters.csv_.tableschema import PRECISIONS, Table
from newsreport.converters.parquet.fields import FIELDS, Field

_EPOCH = datetime(1970, 1, 1)
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_DAY_US = 86_400_000_000
_MINUTE_US = 60_000_000
_YEARS_400 = 146_097
"""Days in 400 Gregorian years: the shift that lets year 0000 (a valid partial date) through
Python's `date`, which starts at year 1."""


class CellError(ValueError):
    """A stored value that is not a cell of its column; `column` names it."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def stored(table: Table, rows: list[Row]) -> list[list[object]]:
    """CSV rows as the values of the table's Parquet columns (`FIELDS` order), column by column."""
    columns: list[list[object]] = []
    for field in FIELDS[table.name]:
        cells = list(map(itemgetter(field.name), rows)) if field.kind not in ("precision", "offset") else []
        if field.kind == "string":
            columns.append([cell or None for cell in cells])
        elif field.kind == "integer":
            columns.append([int(cell) if cell else None for cell in cells])
        elif field.kind == "boolean":
            columns.append([cell == "true" if cell else None for cell in cells])
        elif field.kind == "list":
            columns.append([cell.split(";") if cell else [] for cell in cells])
        elif field.kind == "date":
            columns.append([_days(cell) if cell else None for cell in cells])
        elif field.kind == "moment":
            moments = [_moment(cell) for cell in cells]
            columns += [[moment[i] for moment in moments] for i in range(3)]  # its precision and offset too
    return columns


def cells(table: Table, values: dict[str, object]) -> Row:
    """The CSV row of a Parquet row (dates as days, moments as microseconds, since 1970)."""
    row: Row = {}
    for field in FIELDS[table.name]:
        value = values[field.name]
        if field.kind in ("string", "integer"):
            row[field.name] = "" if value is None else str(value)
        elif field.kind == "boolean":
            row[field.name] = "" if value is None else "true" if value else "false"
        elif field.kind == "list":
            row[field.name] = _joined(field, value)
        elif field.kind == "date":
            row[field.name] = "" if value is None else _partial_date(field, value, values)
        elif field.kind == "moment":
            row[field.name] = _moment_cell(field, value, values)
    return row


def _days(cell: str) -> int:
    """Days since 1970 of the first day of a partial date (`2024`, `2024-05`, `2024-05-17`)."""
    year, month, day = ([int(part) for part in cell.split("-")] + [1, 1])[:3]
    if year == 0:
        return date(400, month, day).toordinal() - _YEARS_400 - _EPOCH_DAY
    return date(year, month, day).toordinal() - _EPOCH_DAY


def _partial_date(field: Field, days: object, values: dict[str, object]) -> str:
    """The partial date at the precision its row gives (the whole date if it gives none, which
    the CSV checks then refuse)."""
    ordinal = cast(int, days) + _EPOCH_DAY
    try:
        day = date.fromordinal(ordinal if ordinal >= 1 else ordinal + _YEARS_400)
    except (ValueError, OverflowError):
        raise CellError(field.name, f"{days} days from 1970 is not a date of years 0 to 9999") from None
    year = day.year if ordinal >= 1 else day.year - 400
    text = f"{year:04d}-{day.month:02d}-{day.day:02d}"
    precision = values.get(field.name.removesuffix("date") + "date_precision")
    if precision not in PRECISIONS:
        return text
    kept = PRECISIONS.index(str(precision)) + 1
    if any(part != "01" for part in text.split("-")[kept:]):
        raise CellError(field.name, f"{text} is more precise than its precision, {precision}")
    return "-".join(text.split("-")[:kept])


def _moment(cell: str) -> tuple[int | None, str | None, int | None]:
    """A moment's microseconds since 1970 in UTC, precision and offset in minutes."""
    if not cell:
        return None, None, None
    if "T" not in cell:
        return (date.fromisoformat(cell).toordinal() - _EPOCH_DAY) * _DAY_US, "day", None
    moment = datetime.fromisoformat(cell)
    offset = moment.utcoffset()
    local = (moment.replace(tzinfo=None) - _EPOCH) // timedelta(microseconds=1)
    if offset is None:
        return local, "time", None
    return local - offset // timedelta(microseconds=1), "time", offset // timedelta(minutes=1)


def _moment_cell(field: Field, micros: object, values: dict[str, object]) -> str:
    """The ISO 8601 text of a stored moment, as the model writes it."""
    precision, offset = values[f"{field.name}_precision"], values[f"{field.name}_offset"]
    if micros is None:
        if precision is not None or offset is not None:
            raise CellError(f"{field.name}_precision", f"a precision or offset without a {field.name}")
        return ""
    if precision not in ("day", "time"):
        raise CellError(f"{field.name}_precision", f"{precision!r} is not day or time")
    if offset is not None and not -1440 < cast(int, offset) < 1440:
        raise CellError(f"{field.name}_offset", f"{offset} minutes is not a UTC offset")
    minutes = 0 if offset is None else cast(int, offset)
    try:
        local = _EPOCH + timedelta(microseconds=cast(int, micros) + minutes * _MINUTE_US)
    except OverflowError:
        raise CellError(field.name, "not a moment of years 1 to 9999") from None
    if precision == "day":
        if offset is not None or local.time() != datetime.min.time():
            raise CellError(field.name, "a date alone (precision day) must be at 00:00 UTC, with no offset")
        return local.date().isoformat()
    if offset is None:
        return local.isoformat()
    return local.replace(tzinfo=timezone(timedelta(minutes=minutes))).isoformat()


def _joined(field: Field, items: object) -> str:
    """A list's items as a CSV cell; an item that would split or vanish there is refused."""
    if items is None:
        return ""
    texts = [str(item) if item is not None else "" for item in items] if isinstance(items, list) else []
    bad = next((text for text in texts if text == "" or ";" in text), None)
    if bad is not None:
        raise CellError(field.name, f"list item {bad!r} does not match {field.column.item_pattern}")
    return ";".join(texts)
