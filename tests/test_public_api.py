"""The public Python API and the built wheel."""

from __future__ import annotations

import types
import zipfile
from pathlib import Path

import newsreport

from .conftest import EXAMPLES, ROOT


def test_all_is_sorted_and_complete() -> None:
    """`__all__` lists every public name, sorted, and each one exists."""
    assert newsreport.__all__ == sorted(newsreport.__all__)
    public = {name for name in dir(newsreport) if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(newsreport, name), types.ModuleType)}
    assert public - modules == set(newsreport.__all__)


def test_api_reads_paths_and_bytes() -> None:
    """read() takes a path or bytes, and write() gives bytes in any format."""
    from_path = newsreport.read(EXAMPLES / "report.json")
    from_bytes = newsreport.read((EXAMPLES / "report.json").read_bytes())
    assert from_path == from_bytes
    assert newsreport.read(newsreport.write(from_path, "jsonl"), format="jsonl") == from_path
    assert newsreport.validate(from_path.model_dump(mode="json", exclude_none=True)) == []


def test_wheel_has_only_the_newsreport_package(tmp_path: Path) -> None:
    """The built wheel puts one top-level name, `newsreport`, into site-packages."""
    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if ".dist-info/" not in name}
    assert top_level == {"newsreport"}
    assert "newsreport/py.typed" in names
    assert "newsreport/converters/native.py" in names
    lexicons = sorted((ROOT / "newsreport" / "extraction" / "lexicons").glob("*.tsv"))
    assert lexicons  # the extractor reads them at import: they must ship
    assert {f"newsreport/extraction/lexicons/{path.name}" for path in lexicons} <= set(names)


def test_read_all_reads_packages_by_folder(tmp_path: Path) -> None:
    """read_all() takes a CSV package folder as well as files."""
    report = newsreport.read(EXAMPLES / "report.json")
    newsreport.convert_many([EXAMPLES / "report.json"], tmp_path / "pkg", "csv")
    assert list(newsreport.read_all(tmp_path / "pkg")) == [report]
