"""ninjs through the command line and the Python API: the version asked for reaches every writer
(one process or many), misuse is one line, and ninjs named `.json` or piped in is recognised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsreport
from newsreport import NewsReport, UsageError

from .cli import run
from .conftest import EXAMPLES


def declared(doc: dict[str, object]) -> object:
    """The version a ninjs document declares: `standard` from 2.0 on, `$standard` in 1.x."""
    standard = doc.get("standard", doc.get("$standard"))
    assert isinstance(standard, dict)
    return standard["version"]


@pytest.mark.parametrize("version", ["3.1", "2.2", "1.6"])
def test_the_version_asked_for_is_written(version: str, tmp_path: Path) -> None:
    out = tmp_path / "report.ninjs.json"
    done = run("convert", str(EXAMPLES / "report.json"), "-o", str(out), "--ninjs-version", version)
    assert done.returncode == 0, done.stderr
    assert declared(json.loads(out.read_bytes())) == version
    back = run("convert", str(out), "--to", "json")
    assert back.returncode == 0, back.stderr
    assert NewsReport.model_validate_json(back.stdout) == newsreport.read(EXAMPLES / "report.json")


def test_without_a_version_ninjs_is_3_1() -> None:
    done = run("convert", str(EXAMPLES / "report.json"), "--to", "ninjs")
    assert done.returncode == 0, done.stderr
    assert declared(json.loads(done.stdout)) == "3.1"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--to", "jsonld", "--ninjs-version", "2.2"], "not jsonld"),
        (["--to", "ninjs", "--ninjs-version", "2.0"], "3.1, 2.2, 1.6"),
    ],
)
def test_a_version_that_cannot_be_written_is_refused(args: list[str], says: str) -> None:
    done = run("convert", str(EXAMPLES / "report.json"), *args)
    assert done.returncode == 2
    message = done.stderr.decode()
    assert says in message and message.count("\n") == 1 and not done.stdout


def test_the_version_reaches_the_worker_processes(tmp_path: Path) -> None:
    """Enough reports for --jobs 2 to start workers: every file they write is ninjs 1.6."""
    example = newsreport.read(EXAMPLES / "report.json")
    lines = tmp_path / "many.jsonl"
    lines.write_bytes(
        b"".join(newsreport.write(example.model_copy(update={"id": f"urn:x:{n}"}), "jsonl") for n in range(40))
    )
    out = tmp_path / "out"
    done = run("convert", str(lines), "-o", f"{out}/", "--to", "ninjs", "--ninjs-version", "1.6", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    files = sorted(out.iterdir())
    assert len(files) == 40
    assert {declared(json.loads(f.read_bytes())) for f in files} == {"1.6"}
    assert all(f.name.endswith(".ninjs.json") for f in files)


def test_ninjs_on_stdin_is_recognised() -> None:
    document = newsreport.write(newsreport.read(EXAMPLES / "report.json"), "ninjs")
    done = run("convert", "-", "--to", "json", stdin=document)
    assert done.returncode == 0, done.stderr
    assert NewsReport.model_validate_json(done.stdout) == newsreport.read(EXAMPLES / "report.json")


def test_ninjs_named_json_is_named_in_the_error(tmp_path: Path) -> None:
    """A `.json` file is read as our own JSON; ninjs in one gets an error that says to use --from ninjs."""
    path = tmp_path / "item.json"
    path.write_bytes(newsreport.write(newsreport.read(EXAMPLES / "report.json"), "ninjs"))
    done = run("convert", str(path), "--to", "jsonl")
    assert done.returncode == 1
    assert "--from ninjs" in done.stderr.decode()
    assert run("convert", str(path), "--from", "ninjs", "--to", "jsonl").returncode == 0


def test_the_api_writes_each_version(report: NewsReport) -> None:
    for version in ("3.1", "2.2", "1.6"):
        document = newsreport.write(report, "ninjs", ninjs_version=version)
        assert declared(json.loads(document)) == version
        assert newsreport.read(document, format="ninjs") == report
    with pytest.raises(UsageError, match="not json"):
        newsreport.write(report, "json", ninjs_version="2.2")
    (document,) = newsreport.convert_reports([report], "ninjs", ninjs_version="1.6")
    assert declared(json.loads(document)) == "1.6"


def test_validate_checks_the_declared_versions_schema(shared: Path, tmp_path: Path) -> None:
    """Each version written is valid against IPTC's schema of that version; a wrong document is
    named at its places, against the schema it declares."""
    schemas = [f"--ninjs-schema={shared}/vendor/ninjs/ninjs-schema_{v}.json" for v in ("3.1", "2.2", "1.6")]
    report = newsreport.read(EXAMPLES / "report.json")
    files = []
    for version in ("3.1", "2.2", "1.6"):
        path = tmp_path / f"r{version}.ninjs"
        path.write_bytes(newsreport.write(report, "ninjs", ninjs_version=version))
        files.append(str(path))
    done = run("validate", *files, *schemas)
    assert done.returncode == 0, done.stdout
    assert done.stdout.decode().count(": ok\n") == 3
    wrong = tmp_path / "wrong.ninjs"
    wrong.write_text(
        '{"uri": "urn:x:1", "headlines": [{"value": "A"}], "bogus": 1, "urgency": "x",'
        ' "standard": {"name": "ninjs", "version": "2.2"}}'
    )
    done = run("validate", str(wrong), *schemas)
    assert done.returncode == 1
    lines = done.stdout.decode().splitlines()
    assert any(line.startswith(f"{wrong}: $.bogus") and "2.2" in line for line in lines)
    assert any(line.startswith(f"{wrong}: $.urgency") for line in lines)


def test_a_missing_schema_file_is_a_usage_error(tmp_path: Path) -> None:
    done = run("validate", str(EXAMPLES / "report.json"), "--ninjs-schema", str(tmp_path / "none.json"))
    assert done.returncode == 2 and "no such file" in done.stderr.decode()
