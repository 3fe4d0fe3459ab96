"""NewsML-G2 and CSV packages under misuse: sub-event cycles and chains, dates that are not
dates, integers in other digits, repeated positions, rows out of order, documents at the size
limits, and reading time that grows with the input. Each through the command line: the exit
code, the one-line message naming the file and the place, and nothing written."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newsreport import FORMATS, NewsReport, read, write

from .cli import run
from .conftest import EXAMPLES
from .scaling import growth

REPORT = EXAMPLES / "report.json"
AGENCY = Path(__file__).parent / "data" / "newsml" / "nitf-blocks.xml"


def _refused(result: subprocess.CompletedProcess[bytes], *, says: str) -> None:
    """Exit 1 with one line on stderr that contains `says`."""
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert says in stderr, stderr


def _convert_refused(tmp_path: Path, source: Path, says: str) -> None:
    """`convert SOURCE -o out.json` fails with `says`, writes nothing and leaves the input as it was."""
    before = _contents(source)
    out = tmp_path / "out.json"
    _refused(run("convert", source, "-o", out), says=says)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source.name])
    assert _contents(source) == before


def _contents(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


# NewsML-G2 ------------------------------------------------------------------------------------


def _our_item() -> str:
    return write(read(REPORT), "newsml-g2").decode()


def _xml(tmp_path: Path, text: str, name: str = "in.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


VISIT_SUB_EVENTS = (
    '<related rel="nrrel:subEvent" literal="press-conference"/>\n'
    '      <related rel="nrrel:subEvent" literal="judiciary-meeting"/>'
)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            lambda x: x.replace(
                VISIT_SUB_EVENTS, VISIT_SUB_EVENTS + '\n      <related rel="nrrel:subEvent" literal="visit"/>'
            ),
            "in.xml: /newsItem/contentMeta/subject[19]/related[7]: a sub-event cycle: visit > visit",
        ),
        (
            lambda x: x.replace(
                '<subject type="cpnat:event" literal="press-conference" nr:spans="184-200">\n'
                "      <name>Press conference of Qalibaf and Mashhadani in Tehran</name>",
                '<subject type="cpnat:event" literal="press-conference" nr:spans="184-200">\n'
                "      <name>Press conference of Qalibaf and Mashhadani in Tehran</name>\n"
                '      <related rel="nrrel:subEvent" literal="visit"/>',
            ),
            "in.xml: /newsItem/contentMeta/subject[20]/related[1]: a sub-event cycle: visit > press-conference > visit",
        ),
    ],
    ids=["itself", "a loop of two"],
)
def test_newsml_sub_event_cycle_is_a_read_error(tmp_path: Path, change: Callable[[str], str], says: str) -> None:
    source = _xml(tmp_path, change(_our_item()))
    _convert_refused(tmp_path, source, says)


def _chain_item(length: int) -> str:
    """A newsItem whose covered event has a chain of `length` sub-events, one inside the other."""
    subjects = "".join(
        f'<subject type="cpnat:event" literal="e{i}"><name>Event {i}</name>'
        + (f'<related rel="nrrel:subEvent" literal="e{i + 1}"/>' if i < length else "")
        + "</subject>"
        for i in range(length + 1)
    )
    return (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:nr="https://w3id.org/newsreport/ns#"'
        ' guid="urn:x:chain"><contentMeta>' + subjects + "<headline>Chain</headline></contentMeta></newsItem>"
    )


def test_newsml_sub_event_chain_deeper_than_the_limit_is_a_read_error(tmp_path: Path) -> None:
    source = _xml(tmp_path, _chain_item(2000))
    _convert_refused(
        tmp_path,
        source,
        "in.xml: /newsItem/contentMeta/subject[100]/related: sub-events nest deeper than 100 (MAX_EVENT_DEPTH)",
    )


def test_newsml_sub_event_chain_at_the_limit_is_read(tmp_path: Path) -> None:
    source = _xml(tmp_path, _chain_item(99))
    result = run("convert", source, "--to", "json")
    assert result.returncode == 0, result.stderr
    event = json.loads(result.stdout)["event"]
    depth = 1
    while event["sub_events"]:
        (event,) = event["sub_events"]
        depth += 1
    assert depth == 100


def test_newsml_sub_event_naming_no_event_is_a_read_error(tmp_path: Path) -> None:
    item = _our_item().replace('literal="judiciary-meeting"/>', 'literal="nowhere"/>')
    source = _xml(tmp_path, item)
    _convert_refused(
        tmp_path, source, "in.xml: /newsItem/contentMeta/subject[19]/related[6]: no event subject 'nowhere'"
    )


def test_newsml_second_covered_event_is_a_read_error(tmp_path: Path) -> None:
    """Our own item with two events that are neither referenced nor sub-events: not dropped."""
    item = _our_item().replace(VISIT_SUB_EVENTS, '<related rel="nrrel:subEvent" literal="press-conference"/>')
    source = _xml(tmp_path, item)
    _convert_refused(
        tmp_path, source, "in.xml: /newsItem/contentMeta/subject[21]: a second covered event (only one may be)"
    )


@pytest.mark.parametrize("value", ["20250203", "99999999999", "1738540800"])
def test_newsml_own_digit_date_is_refused_at_its_element(tmp_path: Path, value: str) -> None:
    item = _our_item().replace(
        "<contentCreated>2025-02-03</contentCreated>", f"<contentCreated>{value}</contentCreated>"
    )
    source = _xml(tmp_path, item)
    _convert_refused(tmp_path, source, "in.xml: /newsItem/contentMeta/contentCreated: report $.published")


def test_newsml_own_event_date_digits_refused_at_its_element(tmp_path: Path) -> None:
    item = _our_item().replace(">2025-02-03</start>", ">20250203</start>", 1)
    source = _xml(tmp_path, item)
    _convert_refused(
        tmp_path, source, "in.xml: /newsItem/assert[1]/eventDetails/dates/start: report $.event.sub_events[0].date"
    )


def _agency(tmp_path: Path, change: Callable[[str], str]) -> Path:
    return _xml(tmp_path, change(AGENCY.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "value",
    ["20240525", "99999999999", "1716667800", "2024-05-25T21:10:00.1234567+01:00", "\uff12\uff10\uff12\uff14-05-25"],
)
def test_newsml_agency_date_that_is_not_one_is_left_out_with_a_warning(tmp_path: Path, value: str) -> None:
    """An agency's contentCreated that is not a date (digits only, more than microseconds, other
    digits) is named in a warning and left out; firstCreated and versionCreated are not used
    instead of it when they too are not dates, and nothing is read as Unix time."""
    source = _agency(
        tmp_path,
        lambda x: x.replace(
            "<contentCreated>2024-05-25T21:10:00+01:00</contentCreated>", f"<contentCreated>{value}</contentCreated>"
        ).replace(
            "<versionCreated>2024-05-25T21:40:00+01:00</versionCreated>", f"<versionCreated>{value}</versionCreated>"
        ),
    )
    result = run("convert", source, "--to", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report.get("published") is None and report.get("modified") is None
    stderr = result.stderr.decode()
    assert f"<contentCreated> {value!r} (not a date)" in stderr, stderr
    assert f"<versionCreated> {value!r} (not a date)" in stderr, stderr


@pytest.mark.parametrize("value", ["20240525", "1716658200", "٢٠٢٤-05-25"])
def test_newsml_agency_event_date_that_is_not_one_is_left_out(tmp_path: Path, value: str) -> None:
    source = _agency(
        tmp_path, lambda x: x.replace("<start>2024-05-25T17:30:00+01:00</start>", f"<start>{value}</start>")
    )
    result = run("convert", source, "--to", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["event"].get("date") is None
    assert f"date {value!r}" in result.stderr.decode()


def test_newsml_agency_spellings_of_dates_are_still_read(tmp_path: Path) -> None:
    source = _agency(
        tmp_path,
        lambda x: x.replace("2024-05-25T21:10:00+01:00", " 2024-05-25 21:10:00+0100 ").replace(
            "<start>2024-05-25T17:30:00+01:00</start>", "<start>2024-05-25T17:30:00+01:00</start>"
        ),
    )
    result = run("convert", source, "--to", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["published"] == "2024-05-25T21:10:00+01:00"
    assert report["event"]["date"]["value"] == "2024-05-25"


# Size limits shared by writers and readers ----------------------------------------------------


def _big_body_report(tmp_path: Path, extra: int) -> Path:
    """The example report with a paragraph of `extra` characters of one letter after its body."""
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    start = len(data["body"]["text"]) + 2
    data["body"]["text"] += "\n\n" + "a" * extra
    data["body"]["blocks"].append({"kind": "paragraph", "span": {"start": start, "end": start + extra}})
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("to", "name"), [("newsml-g2", "big.xml"), ("csv", "big.zip")])
def test_a_body_over_ten_million_characters_is_read_back(tmp_path: Path, to: str, name: str) -> None:
    """libxml2's 10,000,000-byte text node limit and the zip's compression ratio refused what
    the writers wrote; now what they write is read back under the default limits."""
    source = _big_body_report(tmp_path, 10_000_001)
    written = tmp_path / name
    result = run("convert", source, "--to", to, "-o", written)
    assert result.returncode == 0, result.stderr
    back = tmp_path / "back.json"
    result = run("convert", written, "-o", back)
    assert result.returncode == 0, result.stderr
    assert read(back) == read(source)


def _package_zip(tmp_path: Path, extra: dict[str, bytes]) -> Path:
    folder = tmp_path / "pkg"
    assert run("convert", REPORT, "-o", f"{folder}/", "--to", "csv").returncode == 0
    archive = tmp_path / "p.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(folder / "datapackage.json", "datapackage.json")
        for file in sorted(folder.iterdir()):
            if file.name != "datapackage.json":
                z.write(file, file.name)
        for entry, data in extra.items():
            z.writestr(entry, data)
    shutil.rmtree(folder)
    return archive


def test_a_zip_entry_beyond_the_document_limit_compressed_like_a_bomb_is_refused(tmp_path: Path) -> None:
    archive = _package_zip(tmp_path, {"bomb.csv": b"\0" * 3_000_000})
    result = run("convert", archive, "-o", tmp_path / "out.json", env={"NEWSREPORT_MAX_DOCUMENT_BYTES": "2000000"})
    _refused(result, says="p.zip: zip entry 'bomb.csv': compressed too highly to be data (a zip bomb?)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.zip"]


def test_a_zip_bomb_spread_over_many_entries_is_refused(tmp_path: Path) -> None:
    archive = _package_zip(tmp_path, {f"bomb{i}.csv": b"\0" * 1_000_000 for i in range(4)})
    result = run("convert", archive, "-o", tmp_path / "out.json", env={"NEWSREPORT_MAX_DOCUMENT_BYTES": "2000000"})
    _refused(result, says="p.zip: compressed too highly to be data (a zip bomb?)")


def test_a_highly_compressible_entry_within_the_limit_is_read(tmp_path: Path) -> None:
    archive = _package_zip(tmp_path, {"notes.csv": b"\0" * 1_500_000})
    result = run("convert", archive, "--to", "json", env={"NEWSREPORT_MAX_DOCUMENT_BYTES": "2000000"})
    assert result.returncode == 0, result.stderr


def test_xml_nested_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    depth = 300
    item = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1">' + "<a>" * depth + "</a>" * depth
    source = _xml(tmp_path, item + "</newsItem>")
    _convert_refused(tmp_path, source, "in.xml: line 1: elements nest deeper than 256 (MAX_XML_DEPTH)")


def test_utf16_billion_laughs_is_refused(tmp_path: Path) -> None:
    """A DOCTYPE in UTF-16, which a byte pattern does not see, is still refused."""
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1">&c;</newsItem>'
    )
    source = tmp_path / "in.xml"
    source.write_bytes(text.encode("utf-16"))
    _convert_refused(tmp_path, source, "in.xml: a DOCTYPE is not allowed")


# CSV packages ---------------------------------------------------------------------------------


def _package(tmp_path: Path, reports: list[NewsReport] | None = None) -> Path:
    folder = tmp_path / "pkg"
    FORMATS["csv"].write_path(reports or [read(REPORT)], folder)  # type: ignore[misc]
    return folder


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def _edit_cell(folder: Path, table: str, row: int, column: str, value: str) -> None:
    """Set one cell (rows counted as a spreadsheet does: the header is row 1)."""
    path = folder / f"{table}.csv"
    rows = _rows(path)
    rows[row - 1][rows[0].index(column)] = value
    _write_rows(path, rows)


@pytest.mark.parametrize("cell", ["٥٦", "\uff15\uff16", "²", "+5", " 5", "5.0", "1_000", "-1", "0x5"])
def test_csv_integer_in_other_digits_is_refused(tmp_path: Path, cell: str) -> None:
    folder = _package(tmp_path)
    _edit_cell(folder, "statements", 2, "start_char", cell)
    _convert_refused(tmp_path, folder, f"pkg: statements.csv:2:start_char: {cell!r} is not a whole number of 0 or more")


def test_csv_integer_of_more_digits_than_python_reads_is_refused(tmp_path: Path) -> None:
    """A position of 5,000 digits was a ValueError traceback (int() takes at most 4,300)."""
    folder = _package(tmp_path)
    _edit_cell(folder, "blocks", 2, "position", "9" * 5000)
    _convert_refused(tmp_path, folder, "pkg: blocks.csv:2:position: a number of 5,000 digits (more than 4,300)")


@pytest.mark.parametrize("path", ["5", "null", '["texts.csv", 5]', "[]"])
def test_csv_resource_path_that_is_no_file_name_is_refused(tmp_path: Path, path: str) -> None:
    """A path that is not a name or a list of names was a TypeError, or a table read as empty."""
    folder = _package(tmp_path)
    descriptor = folder / "datapackage.json"
    descriptor.write_text(descriptor.read_text().replace('"path": "texts.csv"', f'"path": {path}', 1))
    says = "pkg: datapackage.json: resource 'texts': its path is not a file name or a list of them"
    _convert_refused(tmp_path, folder, says)


@pytest.mark.parametrize(
    ("table", "row"), [("participants", 3), ("statements", 5), ("events", 3), ("referenced_events", 3)]
)
def test_csv_position_repeated_in_a_list_is_refused(tmp_path: Path, table: str, row: int) -> None:
    folder = _package(tmp_path)
    _edit_cell(folder, table, row, "position", "0")
    _convert_refused(tmp_path, folder, f"pkg: {table}.csv:{row}:position: position 0 is taken by row 2 of this list")


def test_csv_position_repeated_in_a_keyed_list_is_refused(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    _edit_cell(folder, "blocks", 3, "position", "00")
    _convert_refused(tmp_path, folder, "pkg: blocks.csv:3:position: position 0 is taken by row 2 of this list")


@pytest.mark.parametrize("value", ["٢٠٢٥-٠٢-٠٣", "2025-02-03T10:00:00.1234567+00:00", "20250203"])
def test_csv_published_that_is_not_an_iso_date_is_refused_at_its_cell(tmp_path: Path, value: str) -> None:
    folder = _package(tmp_path)
    _edit_cell(folder, "reports", 2, "published", value)
    _convert_refused(tmp_path, folder, "pkg: reports.csv:2:published:")


def test_csv_event_date_in_other_digits_is_refused(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    _edit_cell(folder, "events", 3, "date", "٢٠٢٥-٠٢-٠٣")
    _convert_refused(tmp_path, folder, "pkg: events.csv:3:date: '٢٠٢٥-٠٢-٠٣' does not match")


@pytest.mark.parametrize(
    ("row", "parent", "says"),
    [
        (2, "visit", "events.csv:2:parent_event_id: a sub-event cycle: visit > visit"),
        (2, "press-conference", "events.csv:2:parent_event_id: a sub-event cycle: visit > press-conference > visit"),
    ],
    ids=["itself", "a loop of two"],
)
def test_csv_event_parent_cycle_is_a_read_error(tmp_path: Path, row: int, parent: str, says: str) -> None:
    folder = _package(tmp_path)
    _edit_cell(folder, "events", row, "parent_event_id", parent)
    _convert_refused(tmp_path, folder, f"pkg: {says}")


def test_csv_second_covered_event_is_a_read_error(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    _edit_cell(folder, "events", 4, "parent_event_id", "")
    _convert_refused(tmp_path, folder, "pkg: events.csv:4:parent_event_id: a second covered event (only one may be)")


def test_csv_event_chain_deeper_than_the_limit_is_a_read_error(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    path = folder / "events.csv"
    header, first, *_ = path.read_text(encoding="utf-8").splitlines()
    rid = first.split(",")[0]
    rows = [f"{rid},e{i},{i},{f'e{i - 1}' if i else ''},visit,Event {i},,,,," for i in range(2000)]
    path.write_text("\r\n".join([header, *rows]) + "\r\n", encoding="utf-8")
    for table in ("participations", "mentions"):
        lines = (folder / f"{table}.csv").read_text(encoding="utf-8").splitlines()
        (folder / f"{table}.csv").write_text(lines[0] + "\r\n", encoding="utf-8")
    statements = folder / "statements.csv"
    _blank_column(statements, "event_id")
    _convert_refused(
        tmp_path, folder, "pkg: events.csv:102:parent_event_id: sub-events nest deeper than 100 (MAX_EVENT_DEPTH)"
    )


def _blank_column(path: Path, column: str) -> None:
    rows = _rows(path)
    index = rows[0].index(column)
    _write_rows(path, [rows[0], *([*row[:index], "", *row[index + 1 :]] for row in rows[1:])])


def test_csv_rows_out_of_order_are_blamed_where_they_are(tmp_path: Path) -> None:
    """Statements of the first report after those of the second: the message names the first
    misplaced statement row, not the referenced event whose `cited_by` no longer resolves."""
    first = read(REPORT)
    second = first.model_copy(update={"id": "urn:x:second"})
    folder = _package(tmp_path, [first, second])
    header, *rows = _rows(folder / "statements.csv")
    half = len(rows) // 2
    _write_rows(folder / "statements.csv", [header, *rows[half:], *rows[:half]])
    _convert_refused(
        tmp_path,
        folder,
        f"pkg: statements.csv:{half + 2}:report_id: a row of report {first.id!r} after those of 'urn:x:second'",
    )


# Reading time grows with the input, not faster ----------------------------------------------


def _report_of_size(n: int) -> NewsReport:
    """A report with `n` participants and `n` direct quotes, one paragraph each."""
    paragraphs, participants, statements, blocks = [], [], [], []
    start = 0
    for i in range(n):
        quote = f"Quote number {i} is here"
        paragraph = f'Person {i} said "{quote}" today.'
        at = start + paragraph.index(quote)
        participants.append(
            {
                "id": f"p{i}",
                "kind": "person",
                "name": f"Person {i}",
                "mentions": [{"start": start, "end": start + len(f"Person {i}")}],
            }
        )
        statements.append(
            {
                "id": f"s{i}",
                "kind": "direct",
                "speakers": [f"p{i}"],
                "text": quote,
                "span": {"start": at, "end": at + len(quote)},
            }
        )
        blocks.append({"kind": "paragraph", "span": {"start": start, "end": start + len(paragraph)}})
        paragraphs.append(paragraph)
        start += len(paragraph) + 2
    return NewsReport.model_validate(
        {
            "id": f"urn:x:size-{n}",
            "headline": {"text": "Many voices"},
            "body": {"text": "\n\n".join(paragraphs), "blocks": blocks},
            "participants": participants,
            "statements": statements,
            "event": {
                "id": "e",
                "kind": "meeting",
                "name": "A meeting",
                "participations": [{"participant": f"p{i}"} for i in range(n)],
            },
        }
    )


def _newsml_item(n: int) -> bytes:
    return write(_report_of_size(n), "newsml-g2")


def _newsml_message(n: int) -> bytes:
    out = io.BytesIO()
    FORMATS["newsml-g2"].write_stream([read(REPORT).model_copy(update={"id": f"urn:x:{i}"}) for i in range(n)], out)  # type: ignore[misc]
    return out.getvalue()


def _newsml_with_bad_links(n: int) -> bytes:
    """A newsItem with `n` subjects, each with a scheme alias no catalog declares."""
    subjects = "".join(f'<subject type="zz:person" literal="p{i}"><name>P</name></subject>' for i in range(n))
    return (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:nr="https://w3id.org/newsreport/ns#"'
        f' guid="urn:x:1"><contentMeta>{subjects}<headline>H</headline></contentMeta></newsItem>'
    ).encode()


def _csv_zip(reports: list[NewsReport]) -> bytes:
    out = io.BytesIO()
    FORMATS["csv"].write_stream(reports, out)  # type: ignore[misc]
    return out.getvalue()


def _read_stream(name: str) -> Callable[[object], object]:
    def work(data: object) -> object:
        assert isinstance(data, bytes)
        return list(FORMATS[name].read_stream(io.BytesIO(data), "in"))  # type: ignore[misc]

    return work


@pytest.mark.parametrize(
    ("case", "make", "work", "small"),
    [
        ("newsml-g2 item: read", _newsml_item, _read_stream("newsml-g2"), 500),
        ("newsml-g2 item: write", _report_of_size, lambda r: write(r, "newsml-g2"), 500),  # type: ignore[arg-type]
        ("newsml-g2 message: read", _newsml_message, _read_stream("newsml-g2"), 20),
        (
            "newsml-g2 validate, a problem per subject",
            _newsml_with_bad_links,
            lambda data: FORMATS["newsml-g2"].problems(data, "in"),  # type: ignore[arg-type]
            1000,
        ),
        (
            "csv, many reports: read",
            lambda n: _csv_zip([read(REPORT).model_copy(update={"id": f"urn:x:{i}"}) for i in range(n)]),
            _read_stream("csv"),
            20,
        ),
        ("csv, one big report: read", lambda n: _csv_zip([_report_of_size(n)]), _read_stream("csv"), 500),
        ("csv, one big report: write", lambda n: [_report_of_size(n)], _csv_zip, 500),  # type: ignore[arg-type]
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_time_grows_linearly(
    case: str, make: Callable[[int], object], work: Callable[[object], object], small: int
) -> None:
    """A 4x larger input takes well under 8x the time (quadratic work would take 16x)."""
    assert growth(work, make(small), make(4 * small)) < 8, case


def test_a_newsitem_larger_than_reading_takes_is_not_written(tmp_path: Path) -> None:
    """The body is in a newsItem twice: a report whose JSON is within the limit can make a
    newsItem over it, which is refused rather than written for the reader to refuse."""
    source = _big_body_report(tmp_path, 100_000)
    out = tmp_path / "out.xml"
    result = run("convert", source, "--to", "newsml-g2", "-o", out, env={"NEWSREPORT_MAX_DOCUMENT_BYTES": "150000"})
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "over the limit of 150,000 that reading takes (NEWSREPORT_MAX_DOCUMENT_BYTES)" in stderr, stderr
    assert stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.json"]


def test_a_newsmessage_item_larger_than_reading_takes_is_not_written(tmp_path: Path) -> None:
    """A newsMessage is read an item at a time, each within the limit: an item over it is
    refused when written (it was written, and reading the message back failed at item 2)."""
    source = _big_body_report(tmp_path, 100_000)
    out = tmp_path / "out.xml"
    limit = {"NEWSREPORT_MAX_DOCUMENT_BYTES": "150000"}
    result = run("convert", REPORT, source, "--to", "newsml-g2", "-o", out, env=limit)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "over the limit of 150,000 that reading takes (NEWSREPORT_MAX_DOCUMENT_BYTES)" in stderr, stderr
    assert stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.json"]


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('nr:span="1-23"', 'nr:span="\u0661-23"', "/newsItem/contentMeta/dateline: nr:span: '\u0661-23' is not a span"),
        ('nr:spans="357-385"', 'nr:spans="+357-385"', "/newsItem/contentMeta/subject[19]: nr:spans: '+357-385' is not"),
        ('nr:blocks="p:', 'nr:blocks="x:', "/newsItem/contentSet/inlineData: nr:blocks: 'x:"),
    ],
    ids=["other digits", "a sign", "a block kind"],
)
def test_newsml_spans_only_in_ascii_digits(tmp_path: Path, old: str, new: str, says: str) -> None:
    """Our span attributes were read with int(), which takes signs, spaces and any script's
    digits; a block of an unknown kind became a paragraph."""
    item = _our_item()
    assert old in item
    source = _xml(tmp_path, item.replace(old, new, 1))
    _convert_refused(tmp_path, source, f"in.xml: {says}")


def test_csv_event_parent_that_is_a_referenced_event_is_a_read_error(tmp_path: Path) -> None:
    folder = _package(tmp_path)
    _edit_cell(folder, "events", 3, "parent_event_id", "rashid-visit")
    _convert_refused(
        tmp_path, folder, "pkg: events.csv:3:parent_event_id: no event 'rashid-visit' in events.csv for this report"
    )


def test_a_zip_entry_twice_is_refused(tmp_path: Path) -> None:
    """zipfile reads the last of two entries of one name: the first would be lost unseen."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        archive = _package_zip(tmp_path, {"reports.csv": b"report_id\n"})
    _refused(run("convert", archive, "-o", tmp_path / "out.json"), says="p.zip: zip entry 'reports.csv': appears twice")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.zip"]


def test_newsml_agency_time_without_offset_is_kept_as_a_local_time(tmp_path: Path) -> None:
    """It was cut to its day; ISO 8601 and the XSD allow a local time, and so does the model."""
    source = _agency(tmp_path, lambda x: x.replace("2024-05-25T21:10:00+01:00", "2024-05-25T21:10:00"))
    result = run("convert", source, "--to", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["published"] == "2024-05-25T21:10:00"
    assert "contentCreated" not in result.stderr.decode()


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda b: b"[" * 100_000 + b"]" * 100_000, "pkg: datapackage.json: JSON nested too deeply"),
        (
            lambda b: b.replace(b'"resources"', b'"name": "x", "resources"', 1),
            "pkg: datapackage.json: $.name: duplicate key",
        ),
    ],
    ids=["nested deep", "a key twice"],
)
def test_csv_descriptor_misuse_is_a_read_error(tmp_path: Path, change: Callable[[bytes], bytes], says: str) -> None:
    """json.load raised RecursionError on a deep descriptor, and kept the last of two keys."""
    folder = _package(tmp_path)
    descriptor = folder / "datapackage.json"
    descriptor.write_bytes(change(descriptor.read_bytes()))
    _convert_refused(tmp_path, folder, says)


def test_csv_model_error_names_the_row_and_column_it_was_read_from(tmp_path: Path) -> None:
    """A rule only the model checks (a country must be a place) was blamed on the report's row."""
    folder = _package(tmp_path)
    _edit_cell(folder, "participants", 3, "country_id", "qalibaf")
    _convert_refused(
        tmp_path,
        folder,
        "pkg: participants.csv:3:country_id: report $.participants[1].country: 'qalibaf' is a person, not a place",
    )
