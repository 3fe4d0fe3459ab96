"""Parquet: the CSV package's tables as Parquet datasets that read back losslessly, and that
pandas and DuckDB read with their default calls, typed."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given

from newsreport import NewsReport
from newsreport.converters.csv_.tables import TABLES
from newsreport.converters.csv_.writer import write_folder as write_csv
from newsreport.converters.parquet import FORMAT
from newsreport.converters.parquet.reader import read_package
from newsreport.converters.parquet.writer import write_folder

from .strategies import reports

WHO_SAID_WHAT = """
SELECT s.statement_id, p.name AS speaker, s.kind, s.text
FROM (SELECT *, unnest(speaker_ids) AS speaker_id FROM read_parquet('{folder}/statements/*.parquet')) AS s
JOIN read_parquet('{folder}/participants/*.parquet') AS p
  ON p.report_id = s.report_id AND p.participant_id = s.speaker_id
ORDER BY s.report_id, s.position, p.position
"""
"""The README's query: every statement with the name of each of its speakers."""


@pytest.fixture(scope="module")
def package(report: NewsReport, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet") / "report.parquet"
    write_folder([report], folder)
    return folder


def test_the_example_round_trips(report: NewsReport, package: Path) -> None:
    assert list(read_package(package)) == [report]
    assert list(read_package(package / "datapackage.json")) == [report]


def test_a_zip_on_a_stream_round_trips(report: NewsReport) -> None:
    out = io.BytesIO()
    FORMAT.write_all([report, report.model_copy(update={"id": "urn:example:2"})], out)
    back = list(FORMAT.read_all(io.BytesIO(out.getvalue()), "<stdin>"))
    assert back == [report, report.model_copy(update={"id": "urn:example:2"})]


@given(report=reports())
def test_generated_reports_round_trip(tmp_path_factory: pytest.TempPathFactory, report: NewsReport) -> None:
    folder = tmp_path_factory.mktemp("generated") / "x.parquet"
    write_folder([report], folder)
    assert list(read_package(folder)) == [report]


def test_many_reports_in_many_parts_round_trip(report: NewsReport, tmp_path: Path) -> None:
    """Parts of a few rows each: a report's rows stay in one part, and parts read in order."""
    many = [report.model_copy(update={"id": f"urn:example:{i}"}) for i in range(5)]
    write_folder(many, tmp_path / "x.parquet", part_rows=30)
    descriptor = json.loads((tmp_path / "x.parquet" / "datapackage.json").read_text())
    parts = {r["name"]: r["path"] for r in descriptor["resources"]}
    assert parts["statements"] == [f"statements/part-{i:05d}.parquet" for i in range(3)]
    assert pq.ParquetFile(tmp_path / "x.parquet" / "statements" / "part-00001.parquet").metadata.num_rows == 46
    assert list(read_package(tmp_path / "x.parquet")) == many


def test_a_csv_package_through_parquet_is_the_same_csv_package(tmp_path: Path) -> None:
    example = Path(__file__).parent.parent / "examples" / "report-csv"
    from newsreport.converters.csv_.reader import read_package as read_csv

    write_folder(read_csv(example), tmp_path / "x.parquet")
    write_csv(read_package(tmp_path / "x.parquet"), tmp_path / "back")
    assert sorted(p.name for p in (tmp_path / "back").iterdir()) == sorted(p.name for p in example.iterdir())
    for file in example.iterdir():
        assert (tmp_path / "back" / file.name).read_bytes() == file.read_bytes(), file.name


def test_every_table_is_a_dataset_pandas_and_duckdb_read(package: Path) -> None:
    for table in TABLES:
        frame = pd.read_parquet(package / table.name)
        assert list(frame.columns[: len(table.key)]) == list(table.key) or table.name == "reports"
        rows = duckdb.execute(f"SELECT count(*) FROM read_parquet('{package}/{table.name}/*.parquet')").fetchall()
        assert rows == [(len(frame),)], table.name


def test_pandas_reads_real_types(package: Path) -> None:
    statements = pd.read_parquet(package / "statements")
    assert statements["position"].dtype == "int64"
    assert statements["start_char"].dtype == "int64"
    assert list(statements["speaker_ids"][0]) == ["iran", "iraq"]
    reports = pd.read_parquet(package / "reports")
    assert str(reports["published"].dtype) == "datetime64[us, UTC]"
    assert reports["published"][0] == pd.Timestamp("2025-02-03", tz="UTC")
    assert reports["published_precision"][0] == "day"
    assert reports["dateline_date"][0] == dt.date(2025, 2, 3)
    assert (str(reports["urgency"].dtype), str(reports["free_access"].dtype)) == ("Int64", "boolean")
    assert str(statements["verb_start_char"].dtype) == "Int64"  # an integer that may be empty: not a float
    events = pd.read_parquet(package / "referenced_events").set_index("event_id")
    assert events["date"].map(type).eq(dt.date).all()
    may = events[events["date_precision"] == "month"].iloc[-1]
    assert (may["date"], list(may["date_inferred"])) == (dt.date(2024, 5, 1), ["year"])


def test_duckdb_reads_real_types(package: Path) -> None:
    def types(table: str) -> dict[str, str]:
        described = duckdb.execute(f"DESCRIBE SELECT * FROM read_parquet('{package}/{table}/*.parquet')").fetchall()
        return {name: kind for name, kind, *_ in described}

    statements, reports, events = types("statements"), types("reports"), types("referenced_events")
    assert (statements["position"], statements["start_char"], statements["speaker_ids"]) == (
        "BIGINT",
        "BIGINT",
        "VARCHAR[]",
    )
    assert (reports["published"], reports["dateline_date"], reports["free_access"], reports["published_offset"]) == (
        "TIMESTAMP WITH TIME ZONE",
        "DATE",
        "BOOLEAN",
        "SMALLINT",
    )
    assert events["date"] == "DATE"


def test_who_said_what_in_duckdb(report: NewsReport, package: Path) -> None:
    names = {p.id: p.name for p in report.participants}
    expected = [(s.id, names[speaker], s.kind, s.text) for s in report.statements for speaker in s.speakers]
    assert duckdb.execute(WHO_SAID_WHAT.format(folder=package)).fetchall() == expected
    assert expected[:2] == [("s1", "Iran", "indirect", expected[0][3]), ("s1", "Iraq", "indirect", expected[0][3])]


def test_moments_keep_their_offset_and_local_times(report: NewsReport, tmp_path: Path) -> None:
    """A date, a local date-time and one with an offset are three different things, kept apart."""
    moments = {
        "published": "2025-02-03T10:00:00+03:30",
        "modified": "2025-02-03T10:00:00",
        "first_created": "2025-02-03",
        "version_created": "2025-02-03T00:00:00.000001-09:00",
        "embargoed_until": "9999-12-31T23:00:00-12:00",
    }
    changed = NewsReport.model_validate(report.model_dump(mode="json") | moments)
    write_folder([changed], tmp_path / "x.parquet")
    (back,) = read_package(tmp_path / "x.parquet")
    assert {name: getattr(back, name).isoformat() for name in moments} == {
        **moments,
        "version_created": "2025-02-03T00:00:00.000001-09:00",
    }
    reports = pq.read_table(tmp_path / "x.parquet" / "reports")
    row = reports.drop_columns(["embargoed_until"]).to_pylist()[0]  # in UTC, it is in the year 10000
    assert row["published"] == dt.datetime(2025, 2, 3, 6, 30, tzinfo=dt.UTC)
    assert (row["published_precision"], row["published_offset"]) == ("time", 210)
    assert (row["modified_precision"], row["modified_offset"]) == ("time", None)
    assert (row["first_created_precision"], row["first_created_offset"]) == ("day", None)


def test_a_year_0000_partial_date_round_trips(report: NewsReport, tmp_path: Path) -> None:
    data = report.model_dump(mode="json")
    data["referenced_events"][0]["date"] = {"value": "0000-02"}
    changed = NewsReport.model_validate(data)
    write_folder([changed], tmp_path / "x.parquet")
    assert list(read_package(tmp_path / "x.parquet")) == [changed]


def test_the_descriptor_describes_the_parquet_columns(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text())
    statements = next(r for r in descriptor["resources"] if r["name"] == "statements")
    assert (statements["format"], statements["mediatype"]) == ("parquet", "application/vnd.apache.parquet")
    fields = {f["name"]: f for f in statements["schema"]["fields"]}
    assert fields["speaker_ids"]["type"] == "list" and fields["speaker_ids"]["x-arrow-type"] == "list<item: string>"
    assert fields["start_char"]["type"] == "integer"
    reports = next(r for r in descriptor["resources"] if r["name"] == "reports")
    fields = {f["name"]: f for f in reports["schema"]["fields"]}
    assert fields["published"]["type"] == "datetime" and "pattern" not in fields["published"].get("constraints", {})
    assert fields["published_offset"]["type"] == "integer"
    assert fields["dateline_date"]["type"] == "date"
    assert pq.ParquetFile(package / "statements" / "part-00000.parquet").metadata.row_group(0).column(
        0
    ).compression == ("ZSTD")
