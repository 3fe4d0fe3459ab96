"""The peers, extruct and trafilatura, run in their own venv (never the project's) as a worker: the
entry point with `--peer-answers`. That venv has no newsreport, so no module of this package
imports it when imported (only `measure.read_reports` does, when it reads a file)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .pages import MIN_TEXT, Found, article, id_index, node_found, nodes, strings


def peer_answers(folder: Path) -> None:
    """Run in the peers' venv: what extruct and trafilatura find on each page, as JSON on stdout."""
    import extruct  # type: ignore[import-not-found,unused-ignore]
    import trafilatura  # type: ignore[import-not-found,unused-ignore]

    answers: dict[str, dict[str, Found]] = {}
    for path in sorted([*folder.glob("*.html"), *folder.glob("*.htm")]):
        data = path.read_bytes()
        answers[path.name] = {}
        try:
            found = extruct.extract(data, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore")
            everything = [n for syntax in found.values() for n in nodes(syntax)]
            answers[path.name]["extruct"] = node_found(article(everything) or {}, "", id_index(everything))
        except Exception as exc:
            print(f"extruct, {path.name}: {exc!r}", file=sys.stderr)
        try:
            doc: Any = trafilatura.bare_extraction(data, with_metadata=True)
            got: dict[str, Any] = (doc.as_dict() if hasattr(doc, "as_dict") else doc) or {}
            answers[path.name]["trafilatura"] = {
                "converted": bool(got.get("title") or got.get("text")),
                "headline": got.get("title") or "",
                "keywords": strings(got.get("tags")),
                "descriptions": strings(got.get("description")),
                "images": strings(got.get("image")),
                "sections": strings(got.get("categories")),
                "languages": [],
                "text": (got.get("text") or "")[: MIN_TEXT * 2],
            }
        except Exception as exc:
            print(f"trafilatura, {path.name}: {exc!r}", file=sys.stderr)
    json.dump(answers, sys.stdout)


def start_peers(python: str, script: Path, folder: Path) -> subprocess.Popen[str]:
    """`script` (the entry point) run by the peers' `python` as the worker over `folder`."""
    command = [python, str(script), "--peer-answers", str(folder)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
