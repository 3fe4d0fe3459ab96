"""Hostile and broken inputs: each a one-line ReadError with its place, exit code 1, no traceback,
quickly, and nothing written or read outside the test's own folder."""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newsreport import ReadError, read, write
from newsreport.converters import FORMATS

from .cli import run
from .conftest import EXAMPLES

XML_HEAD = b'<?xml version="1.0"?>\n'
NAR = b'xmlns="http://iptc.org/std/nar/2006-10-01/"'
LIMIT = "300000"
"""The document size limit in these tests: above the deepest input, far below the default."""


def _deep_json(depth: int) -> bytes:
    return b'{"id": "urn:x:1", "headline": ' + b"[" * depth + b"]" * depth + b"}"


def _deep_xml(depth: int) -> bytes:
    return XML_HEAD + b"<newsItem " + NAR + b' guid="urn:x:1">' + b"<a>" * depth + b"</a>" * depth + b"</newsItem>"


def _report_json() -> bytes:
    return (EXAMPLES / "report.json").read_bytes()


def _ninjs_with_extension(patch: str) -> bytes:
    """A ninjs item of our own whose extension holds `patch` (a JSON text)."""
    extension = {"role": "newsreport", "contentType": "application/merge-patch+json", "value": patch}
    item = {"uri": "urn:x:1", "headlines": [{"value": "A"}], "bodies": [{"value": "Text."}, extension]}
    return json.dumps(item).encode()


CASES: dict[str, tuple[str, str, Callable[[Path], bytes], str]] = {
    # name: (file name, format, content, what the error says)
    "empty json": ("e.json", "json", lambda d: b"", "invalid JSON"),
    "truncated json": ("t.json", "json", lambda d: _report_json()[:500], "invalid JSON"),
    "binary": ("b.json", "json", lambda d: bytes(range(256)) * 4, "invalid JSON"),
    "invalid utf-8": ("u.json", "json", lambda d: _report_json().replace(b"Tehran", b"Teh\xffran", 1), "not UTF-8"),
    "nested 100,000 deep": ("n.json", "json", lambda d: _deep_json(100_000), "nested too deeply"),
    "number for a string": (
        "s.json",
        "json",
        lambda d: _report_json().replace(b'"language": "en"', b'"language": 5'),
        "$.language",
    ),
    "line break in a key": (
        "k.json",
        "json",
        lambda d: _report_json().replace(b'"reporting_verb"', b'"report\\ng_verb"', 1),
        "report\\ng_verb: Extra inputs are not permitted",
    ),
    "line break in a tag": (
        "t.jsonl",
        "jsonl",
        lambda d: json.dumps(json.loads(_report_json())).encode().replace(b'"kind": "person"', b'"kind": "pers\\n"', 1),
        "Input tag 'pers\\n' found",
    ),
    "over the size limit": ("big.json", "json", lambda d: _report_json() + b" " * 300_000, "over the limit"),
    "jsonl bad line": ("l.jsonl", "jsonl", lambda d: b'{"id": "urn:x:1"}\n', "line 1"),
    "jsonld nested deep": ("n.jsonld", "jsonld", lambda d: _deep_json(50_000), "nested too deeply"),
    "ninjs not an object": ("a.ninjs", "ninjs", lambda d: b"[1, 2]", "not an object"),
    "ninjs nested deep": ("n.ninjs", "ninjs", lambda d: b'{"uri": "urn:x:1", "headlines": ' + b"[" * 60_000, "nested"),
    "ninjs without headline": ("h.ninjs", "ninjs", lambda d: b'{"uri": "urn:x:1", "headlines": [{}]}', "headlines"),
    "ninjs extension not json": ("x.ninjs", "ninjs", lambda d: _ninjs_with_extension("{"), "bodies[1].value"),
    "ninjs extension the model refuses": (
        "m.ninjs",
        "ninjs",
        lambda d: _ninjs_with_extension('{"statements": [{"id": "s1", "kind": "direct"}]}'),
        "bodies[1].value: $.statements[0]",
    ),
    "empty xml": ("e.xml", "newsml-g2", lambda d: b"", "not well-formed XML"),
    "doctype": ("d.xml", "newsml-g2", lambda d: XML_HEAD + b"<!DOCTYPE n><newsItem/>", "DOCTYPE is not allowed"),
    "billion laughs": (
        "bl.xml",
        "newsml-g2",
        lambda d: (
            XML_HEAD
            + b'<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            + b"<newsItem>&b;</newsItem>"
        ),
        "DOCTYPE is not allowed",
    ),
    "external entity (file)": (
        "x.xml",
        "newsml-g2",
        lambda d: (
            XML_HEAD + f'<!DOCTYPE n [<!ENTITY s SYSTEM "file://{d}/secret.txt">]><newsItem>&s;</newsItem>'.encode()
        ),
        "DOCTYPE is not allowed",
    ),
    "external entity (url)": (
        "u.xml",
        "newsml-g2",
        lambda d: XML_HEAD + b'<!DOCTYPE n [<!ENTITY s SYSTEM "http://127.0.0.1:9/x">]><newsItem>&s;</newsItem>',
        "DOCTYPE is not allowed",
    ),
    "xinclude": (
        "xi.xml",
        "newsml-g2",
        lambda d: (
            XML_HEAD
            + b"<newsItem "
            + NAR
            + b' xmlns:xi="http://www.w3.org/2001/XInclude">'
            + f'<xi:include href="{d}/secret.txt" parse="text"/></newsItem>'.encode()
        ),
        "has no guid",
    ),
    "processing instruction": (
        "pi.xml",
        "newsml-g2",
        lambda d: XML_HEAD + b'<?xml-stylesheet href="http://127.0.0.1:9/x.xsl"?><newsItem ' + NAR + b"/>",
        "has no guid",
    ),
    "deep xml": ("deep.xml", "newsml-g2", lambda d: _deep_xml(30_000), "not well-formed XML"),
    "not xml root": ("r.xml", "newsml-g2", lambda d: XML_HEAD + b"<html/>", "not a newsItem or newsMessage"),
}


def _snapshot(folder: Path, own: Path) -> set[tuple[str, int]]:
    """Every entry beside the test's own folder, with its modification time."""
    return {(str(p), p.lstat().st_mtime_ns) for p in folder.iterdir() if p != own}


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP SECRET")
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_through_the_reader(
    case: str, tmp_path: Path, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader raises one located ReadError, quickly, leaking nothing it should not have read."""
    monkeypatch.setenv("NEWSREPORT_MAX_DOCUMENT_BYTES", LIMIT)
    name, fmt, content, says = CASES[case]
    data = content(tmp_path)
    started = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        list(FORMATS[fmt].read_all(io.BytesIO(data), name))
    assert time.perf_counter() - started < 5
    message = str(caught.value)
    assert says in message and "\n" not in message and message.startswith(name)
    assert "TOP SECRET" not in message


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_through_the_cli(case: str, tmp_path: Path, secret: Path) -> None:
    """The command line exits 1 with one line, no traceback, no output file, nothing changed around it."""
    name, fmt, content, says = CASES[case]
    path = tmp_path / name
    path.write_bytes(content(tmp_path))
    around = _snapshot(tmp_path.parent, tmp_path)
    out = tmp_path / "out.jsonl"
    result = run("convert", path, "--from", fmt, "-o", out, env={"NEWSREPORT_MAX_DOCUMENT_BYTES": LIMIT})
    assert result.returncode == 1, result.stderr
    stderr = result.stderr.decode()
    assert stderr.count("\n") == 1 and stderr.startswith("newsreport: error: ") and says in stderr
    assert "Traceback" not in stderr and "TOP SECRET" not in stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "secret.txt"])
    assert _snapshot(tmp_path.parent, tmp_path) == around


# CSV packages -----------------------------------------------------------------------------------


def _package(tmp_path: Path) -> Path:
    folder = tmp_path / "pkg"
    FORMATS["csv"].write_path([read(EXAMPLES / "report.json")], folder)  # type: ignore[misc]
    return folder


def _edit(path: Path, change: Callable[[bytes], bytes]) -> None:
    path.write_bytes(change(path.read_bytes()))


CSV_CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "ragged row": (
        lambda p: _edit(p / "participants.csv", lambda b: b.replace(b",person,", b",person,extra,", 1)),
        "participants.csv:2:",
    ),
    "nul byte": (lambda p: _edit(p / "agents.csv", lambda b: b + b"a\x00b\r\n"), "agents.csv:2"),
    "field over the limit": (
        lambda p: _edit(p / "reports.csv", lambda b: b.replace(b"date 2025-02-03 TEHRAN", b"x" * 30_000, 1)),
        "reports.csv:",
    ),
    "duplicate key": (
        lambda p: _edit(p / "blocks.csv", lambda b: b + b.splitlines(keepends=True)[1]),
        "blocks.csv:15:position: duplicate key",
    ),
    "unescaped formula in an escaping package": (
        lambda p: (
            _edit(
                p / "datapackage.json",
                lambda b: b.replace(b'"resources"', b'"x-newsreport-formula-escape": "\'", "resources"', 1),
            ),
            _edit(p / "participants.csv", lambda b: b.replace(b"Mohammad Baqer Qalibaf", b"=HYPERLINK(1)", 1)),
        ),
        "participants.csv:2:name: a cell a spreadsheet would run as a formula",
    ),
}


@pytest.mark.parametrize("case", sorted(CSV_CASES))
def test_broken_csv_packages(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each broken package gives one ReadError located at file:row(:column)."""
    folder = _package(tmp_path)
    monkeypatch.setenv("NEWSREPORT_MAX_DOCUMENT_BYTES", "20000")
    change, where = CSV_CASES[case]
    change(folder)
    with pytest.raises(ReadError) as caught:
        list(FORMATS["csv"].read_path(folder, "pkg"))  # type: ignore[misc]
    assert f"pkg: {where}" in str(caught.value)


def _zip_with(tmp_path: Path, name: str, data: bytes = b"x", mode: int | None = None, deflate: bool = False) -> Path:
    archive = tmp_path / "p.zip"
    folder = _package(tmp_path)
    with zipfile.ZipFile(archive, "w") as z:
        for file in sorted(folder.iterdir()):
            z.write(file, file.name)
        info = zipfile.ZipInfo(name)
        if mode is not None:
            info.external_attr = mode << 16
        if deflate:
            info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    return archive


ZIP_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "dot-dot path": (
        lambda d: _zip_with(d, "../escape.csv"),
        "zip entry '../escape.csv': the path leaves the package folder",
    ),
    "absolute path": (
        lambda d: _zip_with(d, "/tmp/escape.csv"),
        "zip entry '/tmp/escape.csv': the path leaves the package folder",
    ),
    "symlink": (
        lambda d: _zip_with(d, "link.csv", b"/etc/passwd", mode=0o120777),
        "zip entry 'link.csv': symbolic links are not allowed",
    ),
    "high compression ratio": (
        lambda d: _zip_with(d, "bomb.csv", b"\0" * 20_000_000, deflate=True),
        "zip entry 'bomb.csv': compressed too highly to be data (a zip bomb?)",
    ),
}


@pytest.mark.parametrize("case", sorted(ZIP_CASES))
def test_hostile_zips(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Zips with escaping paths, links or bombs are refused before anything is read or written."""
    monkeypatch.setenv("NEWSREPORT_MAX_DOCUMENT_BYTES", "10000000")  # a bomb unzips beyond the document limit
    make, says = ZIP_CASES[case]
    archive = make(tmp_path)
    around = _snapshot(tmp_path.parent, tmp_path)
    with pytest.raises(ReadError) as caught:
        list(FORMATS["csv"].read_path(archive, "p.zip"))  # type: ignore[misc]
    assert str(caught.value) == f"p.zip: {says}"
    assert _snapshot(tmp_path.parent, tmp_path) == around


def test_formula_cells_are_plain_data_by_default(tmp_path: Path) -> None:
    """Without the escape, a cell starting with = is text like any other, never evaluated."""
    report = read(EXAMPLES / "report.json")
    data = report.model_dump(mode="json", exclude_none=True)
    data["headline"]["text"] = '=cmd|" /C calc"!A0'
    tricky = type(report).model_validate(data)
    folder = tmp_path / "pkg"
    FORMATS["csv"].write_path([tricky], folder)  # type: ignore[misc]
    assert list(FORMATS["csv"].read_path(folder, "p")) == [tricky]  # type: ignore[misc]


def test_convert_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    """An output that is one of the inputs is refused before anything is written."""
    copy = tmp_path / "r.jsonl"
    copy.write_bytes(write(read(EXAMPLES / "report.json"), "jsonl"))
    before = copy.read_bytes()
    result = run("convert", copy, "-o", copy)
    assert result.returncode == 2 and b"refusing to write over an input" in result.stderr
    assert copy.read_bytes() == before
