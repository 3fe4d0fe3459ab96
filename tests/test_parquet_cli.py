"""The parquet format from the command line: `-o x.parquet`, `--to parquet -o dir/`, a zip on
stdout, a package folder as input, batches on two workers, and the one line without pyarrow."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pyarrow.parquet as pq

from .cli import run
from .conftest import EXAMPLES

REPORT = str(EXAMPLES / "report.json")


def _example() -> object:
    return json.loads((EXAMPLES / "report.json").read_bytes())


def test_a_parquet_folder_is_written_and_read_back(tmp_path: Path) -> None:
    """`-o x.parquet` writes the package; `convert x.parquet` reads it as one package."""
    assert run("convert", REPORT, "-o", "x.parquet", cwd=tmp_path).returncode == 0
    statements = pq.read_table(tmp_path / "x.parquet" / "statements")
    assert statements.num_rows == 23
    assert (tmp_path / "x.parquet" / "datapackage.json").is_file()
    done = run("convert", "x.parquet", "-o", "back.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "back.json").read_bytes()) == _example()


def test_a_folder_of_parts_is_known_as_parquet_without_its_name(tmp_path: Path) -> None:
    assert run("convert", REPORT, "--to", "parquet", "-o", "out/", cwd=tmp_path).returncode == 0
    done = run("convert", "out", "--to", "jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == [_example()]


def test_a_package_on_stdout_is_a_zip_of_it(tmp_path: Path) -> None:
    done = run("convert", REPORT, "--to", "parquet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    names = zipfile.ZipFile(io.BytesIO(done.stdout)).namelist()
    assert "datapackage.json" in names and "statements/part-00000.parquet" in names


def test_a_package_inside_a_folder_is_one_input(tmp_path: Path) -> None:
    """A folder holding a report and a Parquet package reads two reports, not the part files."""
    (tmp_path / "in").mkdir()
    assert run("convert", REPORT, "-o", "in/a.parquet", cwd=tmp_path).returncode == 0
    other = (EXAMPLES / "report.json").read_bytes().replace(b'"id": "', b'"id": "x', 1)
    (tmp_path / "in" / "b.json").write_bytes(other)
    done = run("convert", "in", "--to", "jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2


def test_two_workers_write_what_one_writes(tmp_path: Path) -> None:
    lines = [json.dumps(_example() | {"id": f"urn:newsreport:test:{n}"}) for n in range(40)]  # type: ignore[operator]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    for jobs in ("1", "2"):
        done = run("convert", "many.jsonl", "-o", f"j{jobs}.parquet", "--jobs", jobs, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    for table in ("reports", "statements", "participants"):
        one, two = (pq.read_table(tmp_path / f"j{jobs}.parquet" / table) for jobs in ("1", "2"))
        assert one.num_rows == two.num_rows > 0
        assert one.equals(two)


def test_without_pyarrow_one_line_and_nothing_made(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None; sys.argv = ['newsreport', *sys.argv[1:]]\n"
        "from newsreport.cli import main; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "convert", REPORT, "-o", "x.parquet"], capture_output=True, cwd=tmp_path
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "newsreport: error: the parquet format needs pyarrow, which is not installed: pip install 'newsreport[parquet]'"
    ]
    assert list(tmp_path.iterdir()) == []
