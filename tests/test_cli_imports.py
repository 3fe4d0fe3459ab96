"""A command imports what it needs when it needs it: a format's converter is imported when the
format is used, jsonschema only to validate, rich only for a progress bar, multiprocessing only
for a worker pool. Each case runs in a fresh interpreter and reports `sys.modules`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES

_PROBE = """
import json, sys
from newsreport.cli import main
sys.argv = ["newsreport", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as stop:
    code = stop.code
sys.stderr.write(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

_CONVERTERS = ("csv_", "jsonld", "newsml_g2", "ninjs")


def _modules_after(*args: str) -> set[str]:
    """The modules imported by running the command line with `args` (in a new interpreter)."""
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args)], capture_output=True, timeout=60)
    answer = json.loads(done.stderr.decode().splitlines()[-1])
    assert answer["code"] in (0, None), done.stderr
    return set(answer["modules"])


def _converter_code(modules: set[str]) -> set[str]:
    """Which converter packages have code imported beyond their `__init__`."""
    return {name for name in _CONVERTERS for m in modules if m.startswith(f"newsreport.converters.{name}.")}


def test_formats_imports_no_converter_code() -> None:
    """Listing the formats knows them all and imports none of their readers or writers."""
    modules = _modules_after("formats")
    assert _converter_code(modules) == set()
    assert not {"jsonschema", "lxml", "rich", "pyld", "concurrent.futures.process"} & modules


def test_converting_to_newsml_g2_imports_only_its_writer(tmp_path: Path) -> None:
    """JSON to NewsML-G2 imports the NewsML-G2 writer and nothing of JSON-LD, CSV or ninjs."""
    out = tmp_path / "x.xml"
    modules = _modules_after("convert", str(EXAMPLES / "report.json"), "--to", "newsml-g2", "-o", str(out))
    assert out.read_bytes().startswith(b"<?xml")
    assert _converter_code(modules) == {"newsml_g2"}
    assert "newsreport.converters.newsml_g2.writer" in modules
    assert not {"jsonschema", "rich", "pyld", "concurrent.futures.process"} & modules


@pytest.mark.parametrize(("to", "package"), [("jsonld", "jsonld"), ("csv", "csv_"), ("ninjs", "ninjs")])
def test_each_target_imports_its_own_converter(tmp_path: Path, to: str, package: str) -> None:
    """Each target imports its own converter code, and none imports jsonschema or pyld."""
    out = tmp_path / ("pkg.zip" if to == "csv" else "x.json")
    modules = _modules_after("convert", str(EXAMPLES / "report.json"), "--to", to, "-o", str(out))
    assert out.exists()
    assert package in _converter_code(modules)
    assert not {"jsonschema", "pyld"} & modules


def test_validate_imports_jsonschema() -> None:
    """Validating a report checks it against the JSON Schema, so that command imports jsonschema."""
    assert "jsonschema" in _modules_after("validate", str(EXAMPLES / "report.json"))
