"""Outputs under misuse: what is at the target (a folder of the user's, a device, a FIFO, a
link, an input), failures at every stage, and runs racing for one target. Nothing the user did
not name is changed or removed; nothing half-written remains; what is replaced keeps its mode."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import newsreport
from benchmarks.archive import varied
from newsreport import NewsReport, read, write
from newsreport.converters.csv_.writer import write_folder
from newsreport.errors import UsageError

from . import cli
from .conftest import EXAMPLES

REPORT = str(EXAMPLES / "report.json")
PACKAGE = EXAMPLES / "report-csv"


def run(*args: str, cwd: Path | None = None, limit: int | None = None) -> subprocess.CompletedProcess[bytes]:
    """The CLI; `limit` caps the size of any file it writes (EFBIG past it, as a full disk)."""
    return cli.run(*args, cwd=cwd, preexec_fn=None if limit is None else lambda: _limit_file_size(limit))


def _limit_file_size(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def tree(folder: Path) -> dict[str, bytes | None]:
    """Everything under `folder`: file contents by relative path, None for a folder."""
    return {
        str(p.relative_to(folder)): (None if p.is_dir() and not p.is_symlink() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if not p.is_symlink() or p.exists()
    }


def error(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode()


@pytest.fixture
def reports() -> list[NewsReport]:
    return list(varied(3))


@pytest.fixture
def archive(tmp_path: Path, reports: list[NewsReport]) -> Path:
    path = tmp_path / "in" / "archive.jsonl"
    path.parent.mkdir()
    path.write_bytes(b"".join(write(r, "jsonl") for r in reports))
    return path


# 1. A folder is replaced only when it holds nothing but a package this program wrote.


@pytest.mark.parametrize(
    "fill",
    [
        lambda d: [(d / "datapackage.json").write_text("{}"), (d / ".git").mkdir(), (d / "data").mkdir()],
        lambda d: [shutil.copytree(PACKAGE, d, dirs_exist_ok=True), (d / "notes.txt").write_text("mine")],
        lambda d: [shutil.copytree(PACKAGE, d, dirs_exist_ok=True), (d / "sub").mkdir()],
        lambda d: (d / "datapackage.json").write_text('{"resources": []}'),
    ],
    ids=["project-folder", "package-and-a-note", "package-and-a-folder", "someone-elses-descriptor"],
)
def test_a_folder_holding_more_than_our_package_is_refused(tmp_path: Path, fill: Callable[[Path], object]) -> None:
    """`-o DIR --to csv` on a folder with anything but a package this program wrote: exit 2, one
    line naming the folder and what else is there, the folder untouched, nothing beside it."""
    folder = tmp_path / "project"
    folder.mkdir()
    fill(folder)
    before = tree(tmp_path)
    result = run("convert", REPORT, "-o", str(folder), "--to", "csv")
    assert error(result).startswith(f"newsreport: error: {folder}: holds more than a CSV package newsreport wrote (")
    assert error(result).endswith("); refusing to replace it\n") and error(result).count("\n") == 1
    assert tree(tmp_path) == before
    assert result.returncode == 2


def test_our_package_is_replaced_whole(tmp_path: Path, reports: list[NewsReport], archive: Path) -> None:
    """A folder holding only a package this program wrote is replaced by the new one, no debris."""
    folder = tmp_path / "pkg"
    shutil.copytree(PACKAGE, folder)
    result = run("convert", str(archive), "-o", str(folder), "--to", "csv")
    assert result.returncode == 0, result.stderr
    assert list(newsreport.read_all(folder)) == reports
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "pkg"]


def test_a_package_is_not_written_over_its_own_input(tmp_path: Path) -> None:
    """`convert pkg/datapackage.json -o pkg --to csv` (or `pkg/x.json -o pkg`) is refused: the
    output replaces the folder its input is in."""
    folder = tmp_path / "pkg"
    shutil.copytree(PACKAGE, folder)
    shutil.copy(REPORT, folder / "mine.json")
    before = tree(tmp_path)
    for source in (folder / "datapackage.json", folder / "mine.json"):
        result = run("convert", str(source), "-o", str(folder), "--to", "csv")
        assert error(result) == f"newsreport: error: {folder}: refusing to write over an input\n"
        assert result.returncode == 2
    assert tree(tmp_path) == before


def test_an_existing_file_is_not_replaced_by_a_folder(tmp_path: Path) -> None:
    """A CSV package folder at a regular file, or one file per report in it: refused, exit 2."""
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    refused = run("convert", REPORT, "-o", str(notes), "--to", "csv")
    assert error(refused) == (
        f"newsreport: error: {notes}: exists and is not a folder; refusing to replace it with a CSV package\n"
    )
    assert refused.returncode == 2
    refused = run("convert", REPORT, "-o", f"{notes}/", "--to", "json")
    assert error(refused) == (
        f"newsreport: error: {notes}: exists and is not a folder, so it cannot hold one file per report\n"
    )
    assert refused.returncode == 2
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"] and notes.read_text() == "mine"


def test_a_file_format_is_not_written_over_a_folder(tmp_path: Path) -> None:
    """JSON Lines or a flat CSV at an existing folder: refused, the folder untouched."""
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "keep.txt").write_text("mine")
    for to in ("jsonl", "csv-flat"):
        result = run("convert", REPORT, "-o", str(tmp_path / "dir"), "--to", to)
        assert error(result).splitlines()[-1] == (
            f"newsreport: error: {tmp_path / 'dir'}: names a folder, and {to} is written to one file"
        )
        assert result.returncode == 2
    assert tree(tmp_path) == {"dir": None, "dir/keep.txt": b"mine"}


# 2. Devices, FIFOs and links to them are written into, never replaced.


def test_dev_null_stays_a_device() -> None:
    """`-o /dev/null` (and a link to it) writes into the device; it is not replaced by a file."""
    for to in ("json", "jsonl", "csv", "newsml-g2", "csv-flat"):
        result = run("convert", REPORT, "-o", "/dev/null", "--to", to)
        assert result.returncode == 0, result.stderr
        assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_stdout_by_name_is_written_into() -> None:
    """`-o /dev/stdout` or `-o /proc/self/fd/1` (here a pipe) is stdout: the output arrives there."""
    expected = run("convert", REPORT, "--to", "jsonl").stdout
    for name in ("/dev/stdout", "/proc/self/fd/1"):
        result = run("convert", REPORT, "-o", name, "--to", "jsonl")
        assert (result.returncode, result.stdout) == (0, expected), result.stderr


def _read_fifo(fifo: Path, into: list[bytes]) -> threading.Thread:
    def drain() -> None:
        with fifo.open("rb") as stream:
            into.append(stream.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    return reader


@pytest.mark.parametrize("to", ["json", "jsonl", "newsml-g2", "csv"])
@pytest.mark.parametrize("linked", [False, True])
def test_a_fifo_is_written_as_a_stream(tmp_path: Path, to: str, linked: bool) -> None:
    """`-o FIFO` (or a link to one) sends the output down the FIFO, which stays a FIFO; a CSV
    package goes as its zip, as on stdout."""
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    target = fifo
    if linked:
        target = tmp_path / "link"
        target.symlink_to(fifo)
    received: list[bytes] = []
    reader = _read_fifo(fifo, received)
    result = run("convert", REPORT, "-o", str(target), "--to", to)
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and (not linked or target.is_symlink())
    assert {p.name for p in tmp_path.iterdir()} == {"p", target.name}
    if to == "csv":
        archive = tmp_path / "got.zip"
        archive.write_bytes(received[0])
        assert list(newsreport.read_all(archive)) == [read(EXAMPLES / "report.json")]
    else:
        assert received == [run("convert", REPORT, "--to", to).stdout]


# 4. A folder as input reads the CSV packages inside it.


def test_packages_inside_an_input_folder_are_read(tmp_path: Path, reports: list[NewsReport]) -> None:
    """A folder with a package folder, a zipped package and a JSON file gives every report, in
    the order of their names."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_folder(reports[:2], folder / "a-package")
    write_folder(reports[2:], folder / "b.zip")
    (folder / "c.json").write_bytes(write(read(EXAMPLES / "report.json"), "json"))
    out = tmp_path / "all.jsonl"
    result = run("convert", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert list(newsreport.read_all(out)) == [*reports, read(EXAMPLES / "report.json")]


def test_reports_beside_a_package_are_read_too(tmp_path: Path, reports: list[NewsReport]) -> None:
    """A folder that is a package and also holds other reports (a file, a sub-folder): the
    package first, then the rest by name; nothing is passed over."""
    folder = tmp_path / "pkg"
    write_folder(reports[:1], folder)
    (folder / "extra.jsonl").write_bytes(write(reports[1], "jsonl"))
    (folder / "more").mkdir()
    (folder / "more" / "r.json").write_bytes(write(reports[2], "json"))
    out = tmp_path / "all.jsonl"
    result = run("convert", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert list(newsreport.read_all(out)) == reports


# 5. Nothing remains of a failed run, and the message names the output.


def test_a_zip_output_leaves_nothing_beside_it(tmp_path: Path, archive: Path, reports: list[NewsReport]) -> None:
    """A `.zip` package is all that a run leaves: no unzipped copy beside it."""
    out = tmp_path / "out" / "pkg.zip"
    out.parent.mkdir()
    result = run("convert", str(archive), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.parent.iterdir()] == ["pkg.zip"]
    assert list(newsreport.read_all(out)) == reports


OUTPUTS = [
    ("jsonl", "out.jsonl"),
    ("json", "out.json"),
    ("newsml-g2", "out.xml"),
    ("csv-flat", "out.csv"),
    ("csv", "out"),
    ("csv", "out.zip"),
    ("jsonld", "out/"),
]


@pytest.mark.parametrize(("to", "name"), OUTPUTS)
@pytest.mark.parametrize("bad_at", ["first", "last"])
def test_a_failed_run_leaves_nothing(tmp_path: Path, to: str, name: str, bad_at: str) -> None:
    """A bad report first or last: exit 1, and no output, no temporary file, no empty folder."""
    bad = tmp_path / "in" / "bad.json"
    bad.parent.mkdir()
    bad.write_text("{}")
    inputs = [str(bad), REPORT] if bad_at == "first" else [REPORT, str(bad)]
    if to == "json":
        inputs = [str(bad)]
    result = run("convert", *inputs, "-o", f"{tmp_path}/{name}", "--to", to)
    assert result.returncode == 1
    assert "bad.json: $.id: Field required" in error(result)
    assert [p.name for p in tmp_path.iterdir()] == ["in"]


@pytest.mark.parametrize(("to", "name"), OUTPUTS)
def test_a_full_disk_names_the_output_and_leaves_nothing(tmp_path: Path, to: str, name: str) -> None:
    """No room for the output (EFBIG past a file size limit, as ENOSPC on a full disk): one line
    naming the output, exit 1, nothing left behind."""
    out = f"{tmp_path}/{name}"
    result = run("convert", REPORT, "-o", str(out), "--to", to, limit=2000)
    assert error(result).splitlines()[-1] == f"newsreport: error: {Path(out)}: cannot write: File too large"
    assert result.returncode == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("to", "name"), [("jsonld", "out/"), ("csv", "out"), ("csv", "out.zip")])
def test_a_stopped_folder_or_package_run_leaves_nothing(tmp_path: Path, to: str, name: str) -> None:
    """SIGTERM while a folder or a package is being written (reports come down a pipe that stays
    open): exit 143 and nothing left, not even an empty folder."""
    command = [sys.executable, "-m", "newsreport", "convert", "-", "-o", f"{tmp_path}/{name}", "--to", to]
    process = subprocess.Popen([*command, "--jobs", "1"], stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None
    process.stdin.write(b"".join(write(r, "jsonl") for r in varied(200)))
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".part") and any(p.iterdir()) for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline, "nothing was written in a minute"
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    with contextlib.suppress(BrokenPipeError):
        process.stdin.close()
    assert process.stderr is not None
    with process.stderr:
        errors = process.stderr.read()
    process.wait(60)
    assert errors.decode() == "newsreport: stopped by SIGTERM; nothing was written\n"
    assert process.returncode == 143
    assert list(tmp_path.iterdir()) == []


def test_no_sink_makes_anything_before_it_commits(tmp_path: Path) -> None:
    """A folder output appears only at commit: one abandoned leaves no trace (so a refused run,
    such as a read-only format as output, never leaves an empty folder)."""
    from newsreport import batch
    from newsreport.converters import FORMATS

    for to, name in OUTPUTS:
        sink = batch.sink_for(FORMATS[to], f"{tmp_path}/{name}")
        assert not (tmp_path / name).exists(), to
        sink.abandon()
        assert list(tmp_path.iterdir()) == [], to


# 6. An output inside an input folder, or nameless, is refused.


def test_an_output_inside_an_input_folder_is_refused(tmp_path: Path, archive: Path) -> None:
    """Writing into the folder being read would read the output back: refused, nothing written."""
    folder = archive.parent
    for out, to in ((folder / "out", "jsonld"), (folder / "pkg", "csv"), (folder / "new", "json")):
        result = run("convert", str(folder), "-o", f"{out}/", "--to", to)
        assert error(result) == (
            f"newsreport: error: {out}/: inside the input folder {folder}, so the run would read its own output back\n"
        )
        assert result.returncode == 2
    assert [p.name for p in folder.iterdir()] == ["archive.jsonl"]


def test_an_empty_output_name_is_refused(tmp_path: Path) -> None:
    """`-o ''` is not the current folder: refused, nothing written there."""
    result = run("convert", REPORT, "-o", "", "--to", "json", cwd=tmp_path)
    assert (
        error(result) == "newsreport: error: the output name is empty: name a file or folder with -o, or - for stdout\n"
    )
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(UsageError):
        newsreport.convert_many([REPORT], "", "jsonld")


def test_an_input_under_another_name_is_not_written_over(tmp_path: Path) -> None:
    """An output that is an input through a symbolic or a hard link: refused, the input kept."""
    source = tmp_path / "r.jsonl"
    source.write_bytes(write(read(EXAMPLES / "report.json"), "jsonl"))
    (tmp_path / "soft.jsonl").symlink_to(source)
    os.link(source, tmp_path / "hard.jsonl")
    before = tree(tmp_path)
    for name in ("soft.jsonl", "hard.jsonl"):
        result = run("convert", str(source), "-o", str(tmp_path / name))
        assert error(result) == f"newsreport: error: {tmp_path / name}: refusing to write over an input\n"
        assert result.returncode == 2
    assert tree(tmp_path) == before


def test_an_output_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    """No folder to write in: one line saying so, exit 2, no folder made."""
    for to, name in OUTPUTS:
        out = f"{tmp_path}/missing/{name}"
        result = run("convert", REPORT, "-o", str(out), "--to", to)
        assert error(result).splitlines()[-1] == (
            f"newsreport: error: {out}: there is no folder {tmp_path / 'missing'} to write it in"
        )
        assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


# Links as outputs: the file or folder they name is written, the link stays.


@pytest.mark.parametrize(
    ("to", "name"), [("jsonl", "out.jsonl"), ("json", "out.json"), ("csv", "out.zip"), ("csv", "pkg")]
)
def test_a_link_output_writes_what_it_names(tmp_path: Path, to: str, name: str) -> None:
    """`-o LINK` writes the file (or package folder) the link points to, even one not there yet
    (a dangling link), and leaves the link a link."""
    real = tmp_path / "real" / name
    real.parent.mkdir()
    link = tmp_path / f"link-{name}"
    link.symlink_to(real)
    for _ in range(2):  # a dangling link, then a link to the first run's output
        result = run("convert", REPORT, "-o", str(link), "--to", to)
        assert result.returncode == 0, result.stderr
        assert link.is_symlink() and link.resolve() == real
        assert list(newsreport.read_all(real, to)) == [read(EXAMPLES / "report.json")]
    assert sorted(p.name for p in tmp_path.iterdir()) == [link.name, "real"]
    assert [p.name for p in real.parent.iterdir()] == [name]


# 7. What is replaced keeps its mode and owner.


@pytest.mark.parametrize(
    ("to", "name"),
    [("jsonl", "out.jsonl"), ("json", "out.json"), ("newsml-g2", "out.xml"), ("csv-flat", "o.csv"), ("csv", "o.zip")],
)
def test_a_replaced_file_keeps_its_mode_and_owner(tmp_path: Path, to: str, name: str) -> None:
    """0600 stays 0600 (and the owner stays, where we may set it)."""
    out = tmp_path / name
    out.write_bytes(b"old")
    out.chmod(0o600)
    owner = _give_away(out)
    result = run("convert", REPORT, "-o", str(out), "--to", to)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() != b"old"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert (out.stat().st_uid, out.stat().st_gid) == owner


def test_a_replaced_package_keeps_its_modes_and_owner(tmp_path: Path) -> None:
    """A package folder written over keeps the folder's mode and gives its files the old descriptor's."""
    folder = tmp_path / "pkg"
    shutil.copytree(PACKAGE, folder)
    folder.chmod(0o700)
    for file in folder.iterdir():
        file.chmod(0o600)
    owner = _give_away(folder)
    assert run("convert", REPORT, "-o", str(folder), "--to", "csv").returncode == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(f.stat().st_mode) for f in folder.iterdir()} == {0o600}
    assert (folder.stat().st_uid, folder.stat().st_gid) == owner


def test_a_replaced_file_in_a_folder_keeps_its_mode(tmp_path: Path) -> None:
    """One file per report: a file written over keeps its mode; the folder is left as it is."""
    folder = tmp_path / "out"
    assert run("convert", REPORT, "-o", f"{folder}/", "--to", "json").returncode == 0
    (written,) = folder.iterdir()
    written.chmod(0o600)
    folder.chmod(0o750)
    assert run("convert", REPORT, "-o", f"{folder}/", "--to", "json").returncode == 0
    assert [p.name for p in folder.iterdir()] == [written.name]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750


def _give_away(path: Path) -> tuple[int, int]:
    """Make someone else own `path` when we are root (else it stays ours); the owner it has."""
    if os.geteuid() == 0:
        os.chown(path, 4321, 4321)
    return path.stat().st_uid, path.stat().st_gid


# 8. Writers racing for one target.


@pytest.mark.parametrize("name", ["pkg", "pkg.zip", "out.jsonl"])
def test_concurrent_writes_leave_one_complete_output(tmp_path: Path, name: str) -> None:
    """Ten runs writing one package (or file) at once: all succeed, the result is one complete
    output, nothing else is left, and a later run still succeeds."""
    out = tmp_path / name
    command = [
        sys.executable,
        "-m",
        "newsreport",
        "convert",
        REPORT,
        "-o",
        str(out),
        "--to",
        "jsonl" if name.endswith("l") else "csv",
    ]
    processes = [subprocess.Popen(command, stderr=subprocess.PIPE) for _ in range(10)]
    errors = [p.communicate(timeout=120)[1] for p in processes]
    assert [p.returncode for p in processes] == [0] * 10, errors
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert list(newsreport.read_all(out)) == [read(EXAMPLES / "report.json")]
    assert run(*command[3:]).returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_crashed_runs_leftovers_do_not_block_later_runs(tmp_path: Path) -> None:
    """What a killed run can leave beside a package (its own unique names) never stops the next
    run, and the next run leaves those alone (they are not its own)."""
    folder = tmp_path / "pkg"
    shutil.copytree(PACKAGE, folder)
    for leftover in (".pkg.old", ".pkg.k1l2.old", ".pkg.k1l2.part"):
        shutil.copytree(PACKAGE, tmp_path / leftover)
    result = run("convert", REPORT, "-o", str(folder), "--to", "csv")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.k1l2.old", ".pkg.k1l2.part", ".pkg.old", "pkg"]
    assert list(newsreport.read_all(folder)) == [read(EXAMPLES / "report.json")]


def test_the_api_refuses_what_the_cli_refuses(tmp_path: Path, archive: Path) -> None:
    """convert_many checks its output as the command line does: inside an input folder, or a
    folder of someone else's, is a UsageError and nothing is written."""
    with pytest.raises(UsageError, match="so the run would read its own output back"):
        newsreport.convert_many([archive.parent], archive.parent / "out.jsonl", "jsonl")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match=r"holds more than a CSV package newsreport wrote \('notes.txt'\)"):
        newsreport.convert_many([archive], tmp_path / "mine", "csv")
    assert tree(tmp_path) == {
        "in": None,
        "in/archive.jsonl": archive.read_bytes(),
        "mine": None,
        "mine/notes.txt": b"mine",
    }
