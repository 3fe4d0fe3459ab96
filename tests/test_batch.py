"""Batches: many inputs, one output, in parallel, in order, all or nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsreport
from benchmarks.archive import varied
from newsreport import NewsReport, ReadError, read, write
from newsreport.converters import FORMATS

from .cli import run

N = 70  # more than two chunks, so --jobs 2 really runs in two processes


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[NewsReport]]:
    """A JSON Lines archive of N varied reports."""
    reports = list(varied(N))
    path = tmp_path_factory.mktemp("archive") / "archive.jsonl"
    path.write_bytes(b"".join(write(r, "jsonl") for r in reports))
    return path, reports


def test_batch_equals_one_at_a_time(archive: tuple[Path, list[NewsReport]], tmp_path: Path) -> None:
    """A batch into a folder gives, report for report, what converting each alone gives."""
    path, reports = archive
    folder = tmp_path / "out"
    result = run("convert", str(path), "--to", "jsonld", "-o", f"{folder}/", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(files) == N
    from newsreport.batch import file_name

    for report in reports:
        assert files[file_name(report.id, ".jsonld")] == write(report, "jsonld")


@pytest.mark.parametrize(
    ("to", "suffix"), [("newsml-g2", ".xml"), ("csv", ".zip"), ("jsonl", ".jsonl"), ("csv-flat", ".csv")]
)
def test_two_jobs_write_the_same_bytes_as_one(
    archive: tuple[Path, list[NewsReport]], tmp_path: Path, to: str, suffix: str
) -> None:
    """--jobs 2 and --jobs 1 give byte-identical batch outputs, which read back to the same reports."""
    path, reports = archive
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}{suffix}"
        result = run("convert", str(path), "--to", to, "-o", str(out), "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    if FORMATS[to].readable:
        assert list(newsreport.read_all(tmp_path / f"out-1{suffix}", to)) == reports


def _with_bad_line(archive: tuple[Path, list[NewsReport]], tmp_path: Path) -> Path:
    path, _ = archive
    lines = path.read_bytes().splitlines(keepends=True)
    lines[40] = lines[40].replace(b'"speakers":["qalibaf"]', b'"speakers":["nobody"]', 1)
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"".join(lines))
    return bad


def test_a_failing_report_stops_the_batch_with_no_output(
    archive: tuple[Path, list[NewsReport]], tmp_path: Path
) -> None:
    """By default the run stops at the bad report, names it, and leaves no output behind."""
    bad = _with_bad_line(archive, tmp_path)
    for out in (tmp_path / "o.xml", tmp_path / "pkg.zip", tmp_path / "folder/"):
        result = run(
            "convert",
            str(bad),
            "--to",
            FORMATS["csv"].name if "pkg" in str(out) else "newsml-g2",
            "-o",
            str(out),
            "--jobs",
            "2",
        )
        assert result.returncode == 1
        assert f"{bad}: line 41: $.statements" in result.stderr.decode()
        assert "unknown participant 'nobody'" in result.stderr.decode()
        assert not Path(str(out).rstrip("/")).exists() or not any(Path(str(out)).iterdir())
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("folder")) == ["bad.jsonl"]


def test_keep_going_skips_lists_and_exits_1(archive: tuple[Path, list[NewsReport]], tmp_path: Path) -> None:
    """--keep-going writes every good report, lists the bad one at the end and exits 1."""
    bad = _with_bad_line(archive, tmp_path)
    out = tmp_path / "good.jsonl"
    result = run("convert", str(bad), "-o", str(out), "--jobs", "2", "--keep-going")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[-2].startswith(f"newsreport: skipped: {bad}: line 41: $.statements")
    assert result.stderr.decode().splitlines()[-1] == "newsreport: 1 report(s) skipped"
    assert out.read_bytes().count(b"\n") == N - 1


def test_a_repeated_report_id_is_not_written_over_in_a_folder(
    archive: tuple[Path, list[NewsReport]], tmp_path: Path
) -> None:
    """Two reports with one id would share a file: the second is refused (or skipped), never
    written over the first."""
    path, reports = archive
    lines = path.read_bytes().splitlines(keepends=True)
    twice = tmp_path / "twice.jsonl"
    twice.write_bytes(b"".join(lines[:3]) + lines[1].replace(b"(1)", b"(1, again)"))
    out = tmp_path / "out"
    stopped = run("convert", str(twice), "--to", "json", "-o", f"{out}/")
    assert stopped.returncode == 1
    assert f"{twice}:4: report 'urn:newsreport:archive:1' appears twice" in stopped.stderr.decode()
    assert not out.exists()  # not even an empty folder
    skipped = run("convert", str(twice), "--to", "json", "-o", f"{out}/", "--keep-going")
    assert skipped.returncode == 1 and "1 report(s) skipped" in skipped.stderr.decode()
    assert {read(p).headline.text for p in out.iterdir()} == {r.headline.text for r in reports[:3]}


@pytest.mark.parametrize("named", [True, False])
def test_json_lines_on_stdin_stream(archive: tuple[Path, list[NewsReport]], named: bool) -> None:
    """JSON Lines on stdin are read a line at a time: an archive far over the size limit for one
    document converts (its format named or guessed), while one line over it is refused."""
    path, reports = archive
    data = path.read_bytes()
    env = {"NEWSREPORT_MAX_DOCUMENT_BYTES": str(len(data) // 20)}
    command = ["convert", "-", *(["--from", "jsonl"] if named else []), "--to", "jsonl"]
    done = run(*command, stdin=data, env=env)
    assert done.returncode == 0, done.stderr
    assert [read(line, "json") for line in done.stdout.splitlines()] == reports
    long_line = data.replace(b"\n", b" ", 25)  # the first 26 reports on one line
    done = run(*command, stdin=long_line, env=env)
    assert done.returncode == 1 and not done.stdout
    assert b"<stdin>: line 1: " in done.stderr and b"over the limit" in done.stderr


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_stopped_run_leaves_nothing(
    archive: tuple[Path, list[NewsReport]], tmp_path: Path, stop: signal.Signals
) -> None:
    """Ctrl-C or a kill in the middle of a batch (reports already written to the temporary file):
    one line, exit 128 + the signal, no output and no temporary file left."""
    path, _ = archive
    command = [sys.executable, "-m", "newsreport", "convert", *[str(path)] * 20, "-o", str(tmp_path / "all.jsonl")]
    # As from a terminal: a background job (such as this test may be) starts with Ctrl-C ignored.
    interactive = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
    process = subprocess.Popen(command, stderr=subprocess.PIPE, preexec_fn=interactive)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".part") and p.stat().st_size for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline, "no report was written in a minute"
        time.sleep(0.01)
    process.send_signal(stop)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 128 + stop
    assert errors.decode().splitlines() == [f"newsreport: stopped by {stop.name}; nothing was written"]
    assert list(tmp_path.iterdir()) == []


def test_folders_and_news_messages_as_input(archive: tuple[Path, list[NewsReport]], tmp_path: Path) -> None:
    """A folder is read recursively by extension (a name of no format is passed over; a `.txt` is
    an article, see test_text_format); a newsMessage is split into its items."""
    _, reports = archive
    tree = tmp_path / "tree" / "deeper"
    tree.mkdir(parents=True)
    (tmp_path / "tree" / "a.json").write_bytes(write(reports[0], "json"))
    (tree / "b.jsonld").write_bytes(write(reports[1], "jsonld"))
    (tree / "notes.md").write_text("not a report")
    message = tmp_path / "m.xml"
    newsreport.convert_many([tmp_path / "tree"], message, "newsml-g2")
    assert list(newsreport.read_all(message, "newsml-g2")) == reports[:2]
    again = tmp_path / "again.jsonl"
    newsreport.convert_many([message], again, "jsonl", jobs=2)
    assert list(newsreport.read_all(again)) == reports[:2]


def test_python_api(archive: tuple[Path, list[NewsReport]], tmp_path: Path) -> None:
    """convert_reports: reports in, documents out, in order; convert_many raises on a bad input."""
    _, reports = archive
    documents = list(newsreport.convert_reports(iter(reports), "json", jobs=2))
    assert [read(d, "json") for d in documents] == reports
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    with pytest.raises(ReadError, match=r"bad.json: \$.id: Field required"):
        newsreport.convert_many([bad], tmp_path / "out.jsonl", "jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_outputs_get_ordinary_permissions(archive: tuple[Path, list[NewsReport]], tmp_path: Path) -> None:
    """Outputs written through private temporary files end up with the permissions of any new file."""

    path, _ = archive
    umask = os.umask(0)
    os.umask(umask)
    for to, out in (("jsonl", tmp_path / "a.jsonl"), ("csv", tmp_path / "pkg"), ("newsml-g2", tmp_path / "m.xml")):
        assert run("convert", str(path), "--to", to, "-o", str(out), "--jobs", "1").returncode == 0
        expected = (0o777 if out.is_dir() else 0o666) & ~umask
        assert out.stat().st_mode & 0o777 == expected, to


def test_no_report_is_no_document(tmp_path: Path) -> None:
    """An empty input gives an empty JSON Lines file, but no JSON or NewsML-G2 document at all."""
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert run("convert", str(empty), "-o", str(tmp_path / "out.jsonl")).returncode == 0
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    for to in ("json", "newsml-g2"):
        result = run("convert", str(empty), "--to", to, "-o", str(tmp_path / "out.doc"))
        assert (result.returncode, result.stderr.decode()) == (
            1,
            f"newsreport: error: there is no report to write as {to}\n",
        )
        assert not (tmp_path / "out.doc").exists()
