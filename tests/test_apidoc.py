"""docs/api.md is what docs/apidoc.py generates from the code: the API reference cannot drift."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from types import ModuleType

import newsreport

from .conftest import ROOT

GENERATOR = ROOT / "docs" / "apidoc.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("apidoc", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_api_md_is_current() -> None:
    """docs/api.md is exactly what `python docs/apidoc.py` writes (run it after changing a docstring)."""
    expected = _generator().render()
    assert (ROOT / "docs" / "api.md").read_text(encoding="utf-8") == expected, "stale: run python docs/apidoc.py"


def test_api_md_documents_every_public_name() -> None:
    """Every name of `newsreport.__all__` has its heading, and every exported class its docstring."""
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### (\w+)$", text, flags=re.MULTILINE)
    assert set(newsreport.__all__) <= set(headings)
    assert len(headings) == len(set(headings))
    for name in newsreport.__all__:
        doc = getattr(newsreport, name).__doc__
        if isinstance(getattr(newsreport, name), type) and doc:
            assert doc.strip().splitlines()[0] in text, name
    for value_type in ("LocalId", "Iri", "Text", "Source"):  # named by fields and signatures
        assert value_type in headings


def test_check_mode_says_when_the_file_is_current() -> None:
    """`python docs/apidoc.py --check` exits 0 on the committed file."""
    done = subprocess.run([sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
