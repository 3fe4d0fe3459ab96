"""Parquet: bad packages are one-line errors naming the file, the row and the column; a folder
that is not ours is never replaced; without pyarrow, one line names the extra."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsreport import NewsReport, ReadError
from newsreport.converters.parquet import FORMAT
from newsreport.converters.parquet.reader import read_package
from newsreport.converters.parquet.writer import write_folder
from newsreport.errors import UsageError


@pytest.fixture
def package(report: NewsReport, tmp_path: Path) -> Path:
    folder = tmp_path / "report.parquet"
    write_folder([report], folder)
    return folder


def _error(folder: Path) -> str:
    with pytest.raises(ReadError) as caught:
        list(read_package(folder))
    message = str(caught.value)
    assert "\n" not in message
    return message.removeprefix(f"{folder}: ")


def _rewrite(folder: Path, table: str, change: Callable[[pa.Table], pa.Table]) -> None:
    part = folder / table / "part-00000.parquet"
    pq.write_table(change(pq.read_table(part)), part)


def _replaced(name: str, values: pa.Array[Any] | pa.ChunkedArray[Any]) -> Callable[[pa.Table], pa.Table]:
    def change(table: pa.Table) -> pa.Table:
        return table.set_column(table.schema.get_field_index(name), name, values)

    return change


def test_a_part_that_is_not_parquet(package: Path) -> None:
    (package / "statements" / "part-00000.parquet").write_bytes(b"report_id,statement_id\r\n")
    message = _error(package)
    assert message.startswith("statements/part-00000.parquet: not a readable Parquet file: ")


def test_a_missing_table(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text())
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "participants"]
    (package / "datapackage.json").write_text(json.dumps(descriptor))
    assert _error(package) == "datapackage.json: the descriptor has no table 'participants'"


def test_a_missing_part(package: Path) -> None:
    (package / "participants" / "part-00000.parquet").unlink()
    assert _error(package) == "participants/part-00000.parquet: no such file in the package"


def test_a_column_of_the_wrong_type(package: Path) -> None:
    starts = pq.read_table(package / "statements")["start_char"].cast(pa.string())
    _rewrite(package, "statements", _replaced("start_char", starts))
    assert _error(package) == "statements/part-00000.parquet: column 'start_char' is string, not an integer"


def test_a_naive_timestamp_is_not_a_moment(package: Path) -> None:
    naive = pq.read_table(package / "reports")["published"].cast(pa.timestamp("us"))
    _rewrite(package, "reports", _replaced("published", naive))
    assert _error(package) == (
        "reports/part-00000.parquet: column 'published' is timestamp[us], not a timestamp with a time zone (UTC)"
    )


def test_a_missing_column(package: Path) -> None:
    _rewrite(package, "statements", lambda t: t.drop_columns(["about_ids"]))
    assert _error(package) == "statements/part-00000.parquet:about_ids: missing column"


def test_an_extra_column(package: Path) -> None:
    _rewrite(package, "participants", lambda t: t.append_column("__index_level_0__", pa.array(range(len(t)))))
    assert _error(package) == "participants/part-00000.parquet:__index_level_0__: unexpected or repeated column"


def test_a_cell_the_table_refuses(package: Path) -> None:
    """The CSV package's checks run on every row, located in the part file."""
    _rewrite(package, "statements", _replaced("kind", pa.array(["shouted"] * 23)))
    assert _error(package) == (
        "statements/part-00000.parquet:1:kind: 'shouted' is not one of direct, partial, indirect"
    )


def test_a_list_item_that_would_split(package: Path) -> None:
    speakers = pa.array([["iran;iraq"]] * 23, pa.list_(pa.string()))
    _rewrite(package, "statements", _replaced("speaker_ids", speakers))
    assert _error(package) == (
        "statements/part-00000.parquet:1:speaker_ids: list item 'iran;iraq' does not match ^[A-Za-z_][A-Za-z0-9_.-]*$"
    )


def test_a_quote_that_is_not_in_the_body(package: Path) -> None:
    texts = pa.array(["invented words"] * 23)
    _rewrite(package, "statements", _replaced("text", texts))
    message = _error(package)
    assert message.startswith("statements/part-00000.parquet:1:text: the body has ")


def test_a_date_more_precise_than_its_precision(package: Path) -> None:
    def change(table: pa.Table) -> pa.Table:
        dates = pa.array([19_000] * len(table), pa.int32()).cast(pa.date32())
        return table.set_column(table.schema.get_field_index("date"), "date", dates)

    _rewrite(package, "referenced_events", change)
    assert _error(package) == (
        "referenced_events/part-00000.parquet:1:date: 2022-01-08 is more precise than its precision, month"
    )


def test_a_moment_without_a_precision(package: Path) -> None:
    _rewrite(package, "reports", _replaced("published_precision", pa.array([None], pa.string())))
    assert _error(package) == "reports/part-00000.parquet:1:published_precision: None is not day or time"


def test_a_date_alone_that_is_not_midnight(package: Path) -> None:
    moments = pa.array([1_738_540_800_000_001], pa.timestamp("us", tz="UTC"))
    _rewrite(package, "reports", _replaced("published", moments))
    assert _error(package) == (
        "reports/part-00000.parquet:1:published: a date alone (precision day) must be at 00:00 UTC, with no offset"
    )


def test_a_csv_package_is_not_read_as_parquet() -> None:
    csv_package = Path(__file__).parent.parent / "examples" / "report-csv"
    assert (
        _error(csv_package) == "datapackage.json: table 'reports' is 'csv', not parquet (a CSV package is read as csv)"
    )


def test_a_file_is_not_a_package(tmp_path: Path) -> None:
    (tmp_path / "x.parquet").write_bytes(b"PAR1")
    assert (
        _error(tmp_path / "x.parquet") == "not a Parquet package: give its folder, its datapackage.json or a .zip of it"
    )


def test_others_folders_are_not_replaced(report: NewsReport, package: Path, tmp_path: Path) -> None:
    (package / "statements" / "notes.txt").write_text("mine")
    with pytest.raises(
        UsageError, match=r"holds more than a Parquet package newsreport wrote \('statements/notes.txt'\)"
    ):
        write_folder([report], package)
    csv_package = tmp_path / "csv"
    csv_package.mkdir()
    (csv_package / "datapackage.json").write_text('{"x-newsreport-layout-version": "2.1", "resources": []}')
    (csv_package / "reports.csv").write_text("report_id\r\n")
    with pytest.raises(UsageError, match=r"\('reports.csv'\)"):
        write_folder([report], csv_package)
    (tmp_path / "file").write_text("mine")
    with pytest.raises(UsageError, match="exists and is not a folder"):
        write_folder([report], tmp_path / "file")


def test_our_package_is_replaced_whole(report: NewsReport, package: Path) -> None:
    other = report.model_copy(update={"id": "urn:example:2"})
    write_folder([report, other], package)
    assert list(read_package(package)) == [report, other]
    assert sorted(p.name for p in package.parent.iterdir()) == ["report.parquet"]


def test_a_failed_write_leaves_nothing(report: NewsReport, tmp_path: Path) -> None:
    def failing() -> Iterator[NewsReport]:
        yield report
        raise RuntimeError("the input broke")

    with pytest.raises(RuntimeError):
        write_folder(failing(), tmp_path / "x.parquet")
    assert list(tmp_path.iterdir()) == []


def test_without_pyarrow_one_line_names_the_extra(package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    expected = "the parquet format needs pyarrow, which is not installed: pip install 'newsreport[parquet]'"
    with pytest.raises(UsageError) as caught:
        FORMAT.write_path([], package)  # type: ignore[misc]
    assert str(caught.value) == expected
    with pytest.raises(UsageError, match=r"newsreport\[parquet\]"):
        FORMAT.read_path(package, str(package))  # type: ignore[misc]


def test_the_format_is_known_without_pyarrow() -> None:
    code = "import sys; sys.modules['pyarrow'] = None; import newsreport.converters.parquet as p; print(p.FORMAT.name)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "parquet\n"
