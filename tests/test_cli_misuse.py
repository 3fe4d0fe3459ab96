"""The command line under misuse: formats it cannot write or read, closed standard streams, a
closed pipe downstream, `--strict`, `--version`. Each case checks the exit code, the one line
on stderr and what is left on disk."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest

import newsreport

from . import cli
from .cli import COMMAND
from .conftest import EXAMPLES

REPORT = str(EXAMPLES / "report.json")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return cli.run(*args, cwd=cwd, env={"COLUMNS": "400"})  # help text on one line per option


def shell(line: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run `newsreport` through bash, for redirections such as `>&-` that close a stream."""
    command = " ".join([*COMMAND, line])
    return subprocess.run(["bash", "-c", command], capture_output=True, timeout=120, cwd=cwd)


def lines(data: bytes) -> list[str]:
    return data.decode().splitlines()


@pytest.mark.parametrize("target", ["-", "d/", "page.html"])
def test_a_read_only_format_cannot_be_the_output(tmp_path: Path, target: str) -> None:
    """`--to html` is a usage error (exit 2), one line, and nothing is created."""
    result = run("convert", REPORT, "--to", "html", "-o", target, cwd=tmp_path)
    assert result.returncode == 2
    assert lines(result.stderr) == [
        "newsreport: error: html cannot be written, only read; "
        "--to takes csv, csv-flat, json, jsonl, jsonld, newsml-g2, ninjs, parquet"
    ]
    assert list(tmp_path.iterdir()) == []


def test_an_export_format_cannot_be_the_input(tmp_path: Path) -> None:
    """`--from csv-flat` is a usage error for convert and validate alike."""
    flat = tmp_path / "flat.csv"
    flat.write_bytes(b"id\n")
    for command in (("convert", str(flat), "--to", "json"), ("validate", str(flat))):
        result = run(*command, "--from", "csv-flat")
        assert result.returncode == 2
        assert lines(result.stderr) == [
            "newsreport: error: csv-flat cannot be read, only written; "
            "--from takes csv, html, json, jsonl, jsonld, newsml-g2, ninjs, parquet, text"
        ]


def test_help_lists_only_what_each_option_takes() -> None:
    """--from lists the readable formats, --to the writable ones."""
    text = " ".join(run("convert", "--help").stdout.decode().split())
    assert "Input format: csv, html, json, jsonl, jsonld, newsml-g2, ninjs, parquet, text (" in text
    assert "Output format: csv, csv-flat, json, jsonl, jsonld, newsml-g2, ninjs, parquet (" in text


def test_version() -> None:
    """`newsreport --version` prints the package's version."""
    result = run("--version")
    assert result.returncode == 0
    assert lines(result.stdout) == [f"newsreport {newsreport.__version__}"]


@pytest.mark.parametrize(
    ("line", "stream"),
    [
        (f"convert {REPORT} --to jsonld >&-", "stdout"),
        (f"validate {REPORT} >&-", "stdout"),
        ("formats >&-", "stdout"),
        ("convert - --from json --to jsonld <&-", "stdin"),
    ],
)
def test_a_closed_stream_is_an_error_naming_it(tmp_path: Path, line: str, stream: str) -> None:
    """Output to a closed stdout, or input from a closed stdin, fails with one line (not a
    traceback, not output silently lost)."""
    result = shell(line, tmp_path)
    assert result.returncode == 1
    [line] = lines(result.stderr)
    assert line.startswith(f"newsreport: error: <{stream}>: ")
    assert line.endswith("closed when newsreport started")
    assert list(tmp_path.iterdir()) == []


def test_a_closed_stderr_leaves_the_output_intact(tmp_path: Path) -> None:
    """With stderr closed, the file written is exactly what a normal run writes: no message
    lands in it (the output file would otherwise take descriptor 2)."""
    assert shell(f"convert {REPORT} -o normal.jsonld", tmp_path).returncode == 0
    assert shell(f"convert {REPORT} -o closed.jsonld 2>&-", tmp_path).returncode == 0
    assert (tmp_path / "closed.jsonld").read_bytes() == (tmp_path / "normal.jsonld").read_bytes()
    failed = shell(f"convert {EXAMPLES / 'invalid' / 'unknown-speaker.json'} -o bad.jsonld 2>&-", tmp_path)
    assert failed.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["closed.jsonld", "normal.jsonld"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_pipe_downstream_ends_the_run_quietly(tmp_path: Path, jobs: str) -> None:
    """`convert ... | head -c 10`: no message, the exit code a shell gives a tool stopped by
    SIGPIPE, and no temporary file."""
    inputs = [REPORT] * 40  # over a megabyte of JSON Lines: more than a pipe holds
    process = subprocess.Popen(
        [*COMMAND, "convert", *inputs, "--to", "jsonl", "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdout is not None and process.stderr is not None
    with process.stdout, process.stderr:
        assert process.stdout.read(10) == b'{"id":"urn'
        process.stdout.close()
        assert process.wait(timeout=120) == 141
        assert process.stderr.read() == b""
    assert list(tmp_path.iterdir()) == []


def test_strict_refuses_a_lossy_format(tmp_path: Path) -> None:
    """csv-flat drops most of a report: a warning without --strict, exit 3 and no file with it."""
    loose = run("convert", REPORT, "-o", "flat.csv", cwd=tmp_path)
    assert loose.returncode == 0
    assert lines(loose.stderr) == [
        "newsreport: warning: csv-flat keeps only part of each report (one row per statement, for spreadsheets; "
        "lossy, so read the csv package instead)"
    ]
    strict = run("convert", REPORT, "-o", "strict.csv", "--strict", cwd=tmp_path)
    assert strict.returncode == 3
    assert lines(strict.stderr)[-1].endswith("; strict mode refuses to drop data")
    assert [p.name for p in tmp_path.iterdir()] == ["flat.csv"]


def test_strict_refuses_input_a_reader_cannot_map(tmp_path: Path) -> None:
    """A page with a property the web reader does not map converts with a warning; with
    --strict (even with --keep-going) nothing is written and the exit code is 3."""
    page = tmp_path / "page.jsonld"
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": "https://news.example/a",
        "headline": "A headline",
        "articleBody": "Some text.",
        "nr:notInAnyVocabulary": "x",
        "accessModeSufficient": "textual",
    }
    page.write_text(json.dumps(article))
    loose = run("convert", str(page), "-o", "loose.json", cwd=tmp_path)
    assert loose.returncode == 0
    assert any(line.startswith("newsreport: warning: ") for line in lines(loose.stderr))
    for extra in ([], ["--keep-going"]):
        strict = run("convert", str(page), "-o", "strict.json", "--strict", *extra, cwd=tmp_path)
        assert strict.returncode == 3
        [line] = lines(strict.stderr)
        assert line.startswith(f"newsreport: error: {page}: not mapped: ")
        assert line.endswith("; strict mode refuses to drop data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loose.json", "page.jsonld"]


def test_a_zip_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    """A CSV package on stdout is binary: refused when stdout is a terminal (as gzip does)."""
    leader, follower = pty.openpty()
    try:
        command = [*COMMAND, "convert", REPORT, "--to", "csv"]
        result = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, cwd=tmp_path, timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert lines(result.stderr) == [
        "newsreport: error: a CSV package on stdout is a zip, not for a terminal: name a file (-o x.zip) or pipe it"
    ]
    assert list(tmp_path.iterdir()) == []


def test_validate_checks_a_folder_as_convert_reads_it(tmp_path: Path) -> None:
    """`validate DIR/` checks every file convert would read in it and the CSV packages in it
    (it used to say `datapackage.json: no such file`); a folder with nothing to read is a usage error."""
    shutil.copytree(EXAMPLES / "report-csv", tmp_path / "package")
    (tmp_path / "report.json").write_bytes((EXAMPLES / "report.json").read_bytes())
    (tmp_path / "z-bad.json").write_bytes((EXAMPLES / "invalid" / "unknown-speaker.json").read_bytes())
    (tmp_path / "notes.md").write_text("not a report")
    result = run("validate", f"{tmp_path}/")
    assert result.returncode == 1
    assert lines(result.stdout) == [
        f"{tmp_path / 'package'}: ok",
        f"{tmp_path / 'report.json'}: ok",
        f"{tmp_path / 'z-bad.json'}: $.statements[0].speakers[0]: unknown participant 'spokesman'",
    ]
    (tmp_path / "empty").mkdir()
    empty = run("validate", str(tmp_path / "empty"))
    assert empty.returncode == 2
    assert lines(empty.stderr) == [
        f"newsreport: error: {tmp_path / 'empty'}: "
        "a folder with no file of a format newsreport reads, and no CSV package"
    ]


def test_a_full_disk_under_stdout_is_an_error_even_unbuffered(tmp_path: Path) -> None:
    """With PYTHONUNBUFFERED a raw stdout wrote part of the output and said nothing (exit 0):
    now a file size limit on the redirected stdout is an error naming <stdout>."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = " ".join([*COMMAND, "convert", REPORT, "--to", "jsonl"])
    result = subprocess.run(
        ["bash", "-c", f"ulimit -f 2; {command} > out.jsonl"], capture_output=True, cwd=tmp_path, env=env, timeout=60
    )
    assert result.returncode == 1
    assert lines(result.stderr) == ["newsreport: error: <stdout>: cannot write: File too large"]


def test_stdin_with_a_byte_order_mark_is_sniffed(tmp_path: Path) -> None:
    """A UTF-8 byte order mark before a NewsML-G2 document on stdin: its format is still known
    (it was 'unknown format', exit 2, while the same file by name was read)."""
    item = (EXAMPLES / "report.newsml.xml").read_bytes()
    result = cli.run("convert", "-", "--to", "json", stdin=b"\xef\xbb\xbf" + item)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads((EXAMPLES / "report.json").read_bytes())
