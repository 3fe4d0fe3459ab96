"""CSV: a Frictionless data package that pandas, R and spreadsheets open, and that reads back losslessly."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from frictionless import Package
from hypothesis import given
from hypothesis import strategies as st

import newsreport
from newsreport import NewsReport, ReadError
from newsreport.converters import FORMATS
from newsreport.converters.csv_ import EXCEL
from newsreport.converters.csv_.codec import rows
from newsreport.converters.csv_.flat import HEADER
from newsreport.converters.csv_.lines import _cell_problem, _row_test
from newsreport.converters.csv_.tables import BY_NAME, LAYOUT_VERSION
from newsreport.converters.csv_.tableschema import Column
from newsreport.converters.csv_.writer import write_folder
from newsreport.model import Draft

from .conftest import EXAMPLES
from .strategies import reports

DATA = Path(__file__).parent / "data"

CSV = FORMATS["csv"]


def _frictionless_errors(folder: Path) -> list[tuple[str, str, str]]:
    report = Package(str(folder / "datapackage.json")).validate()
    return [(task.name, error.type, error.note) for task in report.tasks for error in task.errors]


def _written(tmp_path: Path, reports: list[NewsReport], **options: Any) -> Path:
    folder = tmp_path / "package"
    write_folder(reports, folder, **options)
    return folder


def test_example_package_is_current(report: NewsReport, tmp_path: Path) -> None:
    """examples/report-csv/ is, file for file, what the writer makes of examples/report.json."""
    folder = _written(tmp_path, [report])
    expected = sorted(p.name for p in (EXAMPLES / "report-csv").iterdir())
    assert sorted(p.name for p in folder.iterdir()) == expected
    for name in expected:
        assert (folder / name).read_bytes() == (EXAMPLES / "report-csv" / name).read_bytes(), name


def test_example_round_trip_and_frictionless(report: NewsReport, tmp_path: Path) -> None:
    """json → csv → json is equal, and frictionless-py finds nothing wrong with the package."""
    folder = _written(tmp_path, [report])
    assert list(CSV.read_path(folder, "p")) == [report]  # type: ignore[misc]
    assert _frictionless_errors(folder) == []


def _tricky() -> NewsReport:
    """A report with every character and value that trips CSV tools up."""
    body = '👍🏽 He said: "We ""never"", ever, give up,\nnot NA, not None." — محمد باقر قالیباف\r\nNA'
    quote = 'We ""never"", ever, give up,\nnot NA, not None.'
    start = body.index(quote)
    return NewsReport.model_validate(
        {
            "id": "urn:example:tricky",
            "headline": {"text": "None"},
            "language": "fa",
            "body": {"text": body},
            "participants": [
                {
                    "id": "NA",
                    "kind": "person",
                    "name": "محمد باقر قالیباف",
                    "other_names": [{"text": "None", "language": "en"}],
                },
                {"id": "None", "kind": "place", "place_type": "country", "name": "NA"},
            ],
            "statements": [
                {
                    "id": "s1",
                    "kind": "direct",
                    "speakers": ["NA"],
                    "text": quote,
                    "span": {"start": start, "end": start + len(quote)},
                    "about": ["None"],
                }
            ],
        }
    )


def test_tricky_values_round_trip(tmp_path: Path) -> None:
    """Quotes in quotes, commas, newlines, right-to-left names, an emoji before a span, NA and None survive."""
    tricky = _tricky()
    folder = _written(tmp_path, [tricky])
    assert list(CSV.read_path(folder, "p")) == [tricky]  # type: ignore[misc]
    assert _frictionless_errors(folder) == []


@given(many=st.lists(reports(), min_size=1, max_size=3, unique_by=lambda r: r.id), excel=st.booleans())
def test_generated_round_trip(many: list[NewsReport], excel: bool, tmp_path: Path) -> None:
    """Generated reports, several to a package, read back equal, plain or in the --excel profile."""
    target = tmp_path / f"p-{excel}-{abs(hash(tuple(r.id for r in many)))}.zip"
    write_folder(many, target, excel=excel)
    assert list(CSV.read_path(target, "p")) == many  # type: ignore[misc]
    for report in many:  # the CSV writer writes a row's values: its keys must be the columns, in order
        for table, table_rows in rows(report).items():
            assert {tuple(row) for row in table_rows} == {tuple(BY_NAME[table].header)}, table


@given(many=st.lists(reports(), min_size=2, max_size=3, unique_by=lambda r: r.id))
def test_frictionless_accepts_generated_packages(many: list[NewsReport], tmp_path: Path) -> None:
    """frictionless-py validates packages of generated reports, split into parts, with no error."""
    folder = tmp_path / f"p{abs(hash(tuple(r.id for r in many)))}"
    write_folder(many, folder, shard_rows=2)
    assert _frictionless_errors(folder) == []
    assert list(CSV.read_path(folder, "p")) == many  # type: ignore[misc]


def test_frictionless_is_told_the_dialect(tmp_path: Path) -> None:
    """Reports (found by the test above) on which frictionless, left to guess, read cells with
    `skipInitialSpace` and lost a headline of two spaces: the descriptor says the whole dialect."""
    many = list(newsreport.read_all(DATA / "frictionless-sniffs-initial-space.jsonl"))
    folder = tmp_path / "p"
    write_folder(many, folder, shard_rows=2)
    assert _frictionless_errors(folder) == []


def test_big_tables_split_into_parts(report: NewsReport, tmp_path: Path) -> None:
    """Past the row limit a table continues in numbered parts under one resource, never splitting a
    report's rows, and reads back in order."""
    folder = _written(tmp_path, [report, report.model_copy(update={"id": "urn:example:2"})], shard_rows=10)
    resources = {r["name"]: r["path"] for r in json.loads((folder / "datapackage.json").read_text())["resources"]}
    assert resources["statements"] == ["statements-00001.csv", "statements-00002.csv"]
    assert (folder / "statements-00002.csv").read_text().count("urn:example:2") == 23
    assert resources["reports"] == "reports.csv"
    assert [r.id for r in CSV.read_path(folder, "p")] == [report.id, "urn:example:2"]  # type: ignore[misc]
    assert _frictionless_errors(folder) == []


def test_statements_load_in_csv_and_pandas(report: NewsReport) -> None:
    """The example's statements table is exactly the report's statements, to Python's csv and to pandas."""
    path = EXAMPLES / "report-csv" / "statements.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["text"] for r in rows] == [s.text for s in report.statements]
    frame = pd.read_csv(path)
    assert len(frame) == len(report.statements) == 23
    assert list(frame["text"]) == [s.text for s in report.statements]
    assert list(frame["speaker_ids"]) == [";".join(s.speakers) for s in report.statements]


def test_excel_profile(tmp_path: Path) -> None:
    """--excel adds a BOM and escapes formula-like cells with a quote, which the reader removes."""
    data = _tricky().model_dump(mode="json", exclude_none=True)
    data["headline"]["text"] = "=HYPERLINK(1)"
    data["participants"][1]["name"] = "'quoted"
    tricky = NewsReport.model_validate(data)
    folder = _written(tmp_path, [tricky], excel=True)
    raw = (folder / "reports.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"'=HYPERLINK(1)" in raw
    assert b"''quoted" in (folder / "participants.csv").read_bytes()
    assert list(CSV.read_path(folder, "p")) == [tricky]  # type: ignore[misc]
    assert _frictionless_errors(folder) == []


def test_flat_export(report: NewsReport) -> None:
    """The flat export has one row per statement with speaker, event and report, and cannot be read back."""
    out = io.BytesIO()
    FORMATS["csv-flat"].write_all([report], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
    assert list(rows[0]) == HEADER and len(rows) == 23
    quote = next(r for r in rows if r["kind"] == "direct")
    assert (quote["speaker_names"], quote["speaker_kinds"], quote["speaker_titles"]) == (
        "Mohammad Baqer Qalibaf",
        "person",
        "Iranian Parliament Speaker",
    )
    assert (quote["event_name"], quote["report_published"]) == (
        "Mahmoud al-Mashhadani's official visit to Tehran",
        "2025-02-03",
    )
    assert rows[0]["speaker_names"] == "Iran; Iraq" and rows[0]["event_date"] == "2025-02-03"
    assert rows[0]["report_status"] == ""
    with pytest.raises(ReadError, match="csv-flat is an export format and cannot be read back"):
        FORMATS["csv-flat"].read_one(out.getvalue())


def _broken(tmp_path: Path, report: NewsReport, table: str, change: Any) -> Path:
    folder = _written(tmp_path, [report])
    path = folder / f"{table}.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return folder


def _drop(rows: list[list[str]], column: str) -> None:
    index = rows[0].index(column)
    for row in rows:
        del row[index]


def _cell(rows: list[list[str]], row: int, column: str, value: str) -> None:
    rows[row][rows[0].index(column)] = value


BROKEN = {
    "missing column": (
        "statements",
        lambda rows: _drop(rows, "text"),
        "statements.csv:1:text: missing column",
    ),
    "dangling speaker": (
        "statements",
        lambda rows: _cell(rows, 5, "speaker_ids", "qalibaf;nobody"),
        "statements.csv:6:speaker_ids: no participant 'nobody' in this report",
    ),
    "bad date": (
        "referenced_events",
        lambda rows: _cell(rows, 2, "date", "2024-13"),
        "referenced_events.csv:3:date: '2024-13' does not match",
    ),
    "impossible day": (
        "events",
        lambda rows: _cell(rows, 2, "date", "2025-02-30"),
        "events.csv:3:date: '2025-02-30' is not a day of the calendar",
    ),
    "quote off the body": (
        "statements",
        lambda rows: _cell(rows, 4, "start_char", "569"),
        "statements.csv:5:text: the body has",
    ),
    "ragged row": (
        "participants",
        lambda rows: rows[3].append("extra"),
        "participants.csv:4: has 8 cells, the header 7",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_packages_fail_with_a_location(case: str, report: NewsReport, tmp_path: Path) -> None:
    """Each broken package fails at file:row:column with what is wrong there."""
    table, change, message = BROKEN[case]
    folder = _broken(tmp_path, report, table, change)
    with pytest.raises(ReadError) as caught:
        list(CSV.read_path(folder, "pkg"))  # type: ignore[misc]
    assert f"pkg: {message}" in str(caught.value)


@pytest.mark.parametrize("entry", ["../evil.csv", "/etc/evil.csv"])
def test_zip_entry_leaving_the_folder_is_refused(entry: str, report: NewsReport, tmp_path: Path) -> None:
    """A zip whose entry path leaves the target folder is refused before anything is read."""
    archive = tmp_path / "p.zip"
    write_folder([report], archive)
    with zipfile.ZipFile(archive, "a") as z:
        z.writestr(entry, "x")
    with pytest.raises(ReadError) as caught:
        list(CSV.read_path(archive, "p.zip"))  # type: ignore[misc]
    assert str(caught.value) == f"p.zip: zip entry {entry!r}: the path leaves the package folder"
    assert not (tmp_path.parent / "evil.csv").exists()


def test_rows_out_of_report_order_are_refused(report: NewsReport, tmp_path: Path) -> None:
    """Rows grouped out of the reports' order are an error, not a silent mix-up."""
    second = report.model_copy(update={"id": "urn:example:2"})
    folder = _written(tmp_path, [report, second])
    path = folder / "blocks.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(lines[0] + "".join(lines[14:]) + "".join(lines[1:14]), encoding="utf-8")
    with pytest.raises(ReadError, match="keep rows in the reports' order"):
        list(CSV.read_path(folder, "p"))  # type: ignore[misc]


def test_package_zip_and_descriptor_paths_read_alike(report: NewsReport, tmp_path: Path) -> None:
    """A package reads the same from its folder, its datapackage.json and a zip of it."""
    folder = _written(tmp_path, [report])
    shutil.make_archive(str(tmp_path / "z"), "zip", folder)
    for path in (folder, folder / "datapackage.json", tmp_path / "z.zip"):
        assert list(CSV.read_path(path, "p")) == [report]  # type: ignore[misc]


def test_excel_profile_is_a_variant_of_both_csv_formats() -> None:
    assert set(EXCEL) == {"csv", "csv-flat"}


def test_a_package_of_layout_1_0_still_reads() -> None:
    """A package written before layout 2.0 (its authors in authors.csv, no tables for subjects,
    media, rights...) reads as the report it was written from."""
    expected = NewsReport.model_validate_json((DATA / "csv-layout-1.0.json").read_text())
    assert list(CSV.read_path(DATA / "csv-layout-1.0", "p")) == [expected]  # type: ignore[misc]


def test_a_package_of_layout_2_0_still_reads() -> None:
    """A package written before layout 2.1 (no source columns on statements, no drafted_by columns
    on reports) reads as the report it was written from: no source words, not a draft."""
    expected = NewsReport.model_validate_json((DATA / "csv-layout-2.0.json").read_text())
    (got,) = CSV.read_path(DATA / "csv-layout-2.0", "p")  # type: ignore[misc]
    assert got == expected
    assert got.drafted_by is None
    assert got.statements[0].source is None


DRAFT = {"software": "newsreport.extract", "version": "0.5.0", "pipeline": "en_core_web_sm 3.8.0"}


def test_source_and_draft_have_their_columns(report: NewsReport, tmp_path: Path) -> None:
    """A statement's source words are its source, source_start_char and source_end_char cells;
    the drafting program is the report's drafted_by_software, _version and _pipeline cells."""
    drafted = report.model_copy(update={"drafted_by": Draft.model_validate(DRAFT)})
    folder = _written(tmp_path, [drafted])
    assert list(CSV.read_path(folder, "p")) == [drafted]  # type: ignore[misc]
    reports_frame = _frame(folder, "reports")
    assert reports_frame.loc[0, ["drafted_by_software", "drafted_by_version", "drafted_by_pipeline"]].tolist() == [
        "newsreport.extract",
        "0.5.0",
        "en_core_web_sm 3.8.0",
    ]
    statements = _frame(folder, "statements").set_index("statement_id")
    assert statements.loc["s4", ["source", "source_start_char", "source_end_char"]].tolist() == ["he", "748", "750"]
    assert statements.loc["s3", ["source", "source_start_char"]].isna().all()  # "stressing": no words of its own
    assert _frictionless_errors(folder) == []


def test_a_source_that_is_not_at_its_span_fails_at_its_cell(report: NewsReport, tmp_path: Path) -> None:
    """Source words the body does not hold at their span are refused at the row's source cell."""
    message = _edited(tmp_path, report, "statements", lambda rows: _cell(rows, 4, "source", "she"))
    assert message.startswith("pkg: statements.csv:5:source: the body has 'he' at [748, 750), not this text")


def test_flat_export_marks_a_draft_and_gives_the_source() -> None:
    """The flat export names the drafting program on every row of a draft, and each statement's source words."""
    data = _tricky().model_dump(mode="json", exclude_none=True)
    data["statements"][0]["source"] = {"text": "He", "span": {"start": 3, "end": 5}}
    out = io.BytesIO()
    FORMATS["csv-flat"].write_all([NewsReport.model_validate(data | {"drafted_by": DRAFT})], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue().decode()))
    assert row["report_drafted_by"] == "newsreport.extract 0.5.0; en_core_web_sm 3.8.0"
    assert row["source"] == "He"


def _metadata() -> NewsReport:
    return NewsReport.model_validate_json((DATA / "csv" / "metadata.json").read_text())


def _frame(folder: Path, table: str) -> pd.DataFrame:
    """A table read as the README tells pandas users to."""
    return pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False, na_values=[""])


def test_every_metadata_field_has_its_place(tmp_path: Path) -> None:
    """Subjects, texts, agents, tags, media, links, rights and the single values each land in
    their table and column, read back equal, and frictionless finds the package valid."""
    report = _metadata()
    folder = _written(tmp_path, [report])
    assert list(CSV.read_path(folder, "p")) == [report]  # type: ignore[misc]
    assert _frictionless_errors(folder) == []
    reports = _frame(folder, "reports").iloc[0]
    assert (reports["slugline"], reports["urgency"], reports["status"], reports["free_access"]) == (
        "IRAN-IRAQ/VISIT",
        "4",
        "withheld",
        "false",
    )
    assert (reports["published"], reports["rights"], reports["rights_holder_name"]) == (
        "2025-02-03T10:00:00",
        "true",
        "Example News",
    )
    concepts = _frame(folder, "concepts")
    subjects = concepts[concepts["field"] == "subject"]
    assert list(subjects["name"]) == ["diplomacy", "Iran; Iraq, relations"]
    assert list(concepts["field"]) == ["subject", "subject", "genre", "signal"]
    assert list(_frame(folder, "concept_names")["name"]) == ["Diplomatie"]
    texts = _frame(folder, "texts")
    assert list(texts["field"]) == [
        "alternative_headline",
        "description",
        "description",
        "editorial_note",
        "rights_notice",
        "rights_usage_terms",
    ]
    assert texts["text"][1] == 'The speaker met the president; "a, b"; and more.'
    agents = _frame(folder, "agents")
    assert list(zip(agents["field"], agents["name"].fillna(""), strict=True)) == [
        ("author", "Jane Doe"),
        ("author", ""),
        ("contributor", "John Roe"),
    ]
    tags = _frame(folder, "tags")
    assert list(tags[tags["field"] == "keyword"]["text"]) == ["Tehran", "Iraq; Iran"]
    assert list(_frame(folder, "media")["kind"]) == ["image", "video"]
    assert list(_frame(folder, "links")["rel"]) == ["irel:previousVersion"]


def _edited(tmp_path: Path, report: NewsReport, table: str, change: Any) -> str:
    """The read error of the report's package with one table changed."""
    folder = _broken(tmp_path, report, table, change)
    with pytest.raises(ReadError) as caught:
        list(CSV.read_path(folder, "pkg"))  # type: ignore[misc]
    return str(caught.value)


METADATA_BROKEN = {
    "urgency out of range": (
        "reports",
        lambda rows: _cell(rows, 1, "urgency", "10"),
        "reports.csv:2:urgency: '10' is not from 1 to 9",
    ),
    "boolean spelt otherwise": (
        "reports",
        lambda rows: _cell(rows, 1, "free_access", "yes"),
        "reports.csv:2:free_access: 'yes' is not true or false",
    ),
    "local time with a bad clock": (
        "reports",
        lambda rows: _cell(rows, 1, "first_created", "2025-02-03T10:00"),
        "reports.csv:2:first_created: '2025-02-03T10:00' does not match",
    ),
    "rights parts without rights": (
        "reports",
        lambda rows: _cell(rows, 1, "rights", ""),
        "reports.csv:2:rights_holder_kind: rights information in a report whose rights column is not true",
    ),
    "a name of no concept": (
        "concept_names",
        lambda rows: _cell(rows, 1, "concept_position", "7"),
        "concept_names.csv:2:concept_position: no such concept",
    ),
    "a field of another table": (
        "texts",
        lambda rows: _cell(rows, 1, "field", "keyword"),
        "texts.csv:2:field: 'keyword' is not one of alternative_headline, description",
    ),
    "a subject's kind on a genre": (
        "concepts",
        lambda rows: _cell(rows, 3, "kind", "cpnat:abstract"),
        "concepts.csv:4:kind: report $.genres[0].kind:",
    ),
    "a code without its scheme": (
        "concepts",
        lambda rows: _cell(rows, 1, "scheme", ""),
        "concepts.csv:2: report $.subjects[0]: a code needs the scheme it belongs to",
    ),
    "an agent of nothing but a kind": (
        "agents",
        lambda rows: [_cell(rows, 3, column, "") for column in ("name", "role")],
        "agents.csv:4: report $.contributors[0]: an agent needs a name, a code or a url",
    ),
    "a media type that is not one": (
        "media",
        lambda rows: _cell(rows, 1, "media_type", "jpeg"),
        "media.csv:2:media_type: report $.media[0].media_type:",
    ),
}


@pytest.mark.parametrize("case", sorted(METADATA_BROKEN))
def test_broken_metadata_fails_at_its_cell(case: str, tmp_path: Path) -> None:
    """A bad value in the new tables and columns is named at its file, row and column."""
    table, change, message = METADATA_BROKEN[case]
    assert f"pkg: {message}" in _edited(tmp_path, _metadata(), table, change)


def test_a_layout_this_program_does_not_know_is_refused(report: NewsReport, tmp_path: Path) -> None:
    """A package of a later layout is refused by name, not read as if it were this one."""
    folder = _written(tmp_path, [report])
    descriptor = folder / "datapackage.json"
    descriptor.write_text(descriptor.read_text().replace(f'"{LAYOUT_VERSION}"', '"3.0"', 1))
    with pytest.raises(ReadError) as caught:
        list(CSV.read_path(folder, "pkg"))  # type: ignore[misc]
    assert str(caught.value) == (
        "pkg: datapackage.json: x-newsreport-layout-version '3.0' is not a layout this program reads (1.0, 2.0, 2.1)"
    )


def test_flat_export_says_a_report_is_withheld() -> None:
    """A withheld report's statements carry its status, so a spreadsheet user can leave them out."""
    data = _tricky().model_dump(mode="json", exclude_none=True) | {"status": "withheld"}
    out = io.BytesIO()
    FORMATS["csv-flat"].write_all([NewsReport.model_validate(data)], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue().decode()))
    assert row["report_status"] == "withheld"


def test_a_position_written_with_leading_zeros_is_the_same_position(tmp_path: Path) -> None:
    """`00` in concept_position names the concept at position 0, as `0` does (a spreadsheet may
    pad numbers): the name stays with its concept."""
    report = _metadata()
    folder = _broken(tmp_path, report, "concept_names", lambda rows: _cell(rows, 1, "concept_position", "00"))
    assert list(CSV.read_path(folder, "p")) == [report]  # type: ignore[misc]


_PROBES = [
    *("", "\n", "0", "05", "-1", "\uff11", "9" * 4301, "true", "True", "yes", "direct", "hearsay", "place"),
    *("p1", "p1;p2", "p1;", ";p1", "p 1", "urn:x:y", "urn:x\ny", "urn:x:y\n", "a\nb", "year;month", "year;"),
    *("2024", "2024-05", "2024-13", "2024-05-01T10:00:00Z", "2024-05-01 10:00", "en", "en-GB", "e"),
]
"""Cells to put in every column: right for some, wrong for others, some with the separator
that the fast row test joins cells with."""


def test_the_row_test_agrees_with_the_cell_checks(report: NewsReport) -> None:
    """A row passes the one-call test exactly when no cell of it has a problem, whatever a cell
    holds: each probe in each column of a written row of every table."""
    data = report.model_dump(mode="json")
    data["participants"][0] |= {
        "other_names": [{"text": "Rashid", "language": "en"}],
        "identifiers": [{"scheme": "example", "value": "p-1"}],
    }
    written = rows(NewsReport.model_validate(data)) | rows(_metadata())
    assert set(written) == set(BY_NAME)
    for name, table_rows in written.items():
        base = table_rows[0]
        columns = BY_NAME[name].columns
        fits = _row_test(columns)
        assert fits(base), name
        for column in columns:
            for probe in _PROBES:
                row = base | {column.name: probe}
                expected = all(_cell_problem(c, row[c.name]) is None for c in columns)
                assert fits(row) == expected, (name, column.name, probe)


def test_the_row_test_is_not_fooled_by_a_cell_holding_its_separator() -> None:
    """Were a rule to admit the separator, a cell holding one could shift the others (here `b`'s
    into `a`), so such a row fails the test, to be checked cell by cell."""
    columns = (Column("a", "free text", pattern="^[^;]*$"), Column("b", "an x", required=True, pattern="^x$"))
    assert _row_test(columns)({"a": "", "b": "x"})
    assert not _row_test(columns)({"a": "", "b": "\nx"})
