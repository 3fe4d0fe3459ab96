"""The README's Python snippets run, in order, as a user would run them: so the README cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT

README = ROOT / "README.md"


def python_blocks(markdown: str) -> list[tuple[int, str]]:
    """The ```python code blocks of `markdown`, in order, each with the number of its first line."""
    return [
        (markdown.count("\n", 0, found.start(1)) + 1, found[1])
        for found in re.finditer(r"^```python\n(.*?)^```$", markdown, flags=re.DOTALL | re.MULTILINE)
    ]


def test_the_readme_has_python_snippets() -> None:
    """The README shows the Python API in snippets, under "Use it from Python"."""
    text = README.read_text(encoding="utf-8")
    assert "## Use it from Python" in text
    assert len(python_blocks(text)) >= 5


def test_the_readme_snippets_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block runs, one after another in one namespace, in an empty folder; a
    failure's traceback points at the README's own line."""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for line, block in python_blocks(README.read_text(encoding="utf-8")):
        exec(compile("\n" * (line - 1) + block, str(README), "exec"), namespace)
