"""Reports N times the size of the example, for the benchmark's growth table and the tests that
check that cost grows linearly with a report.

`scaled(n)` repeats the example's body n times and, with each copy, its participants (ids
suffixed, references among them followed), its statements and its paragraphs, every span moved
to its copy of the text. The event and the referenced events stay single: statements of every
copy refer to them.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from benchmarks.archive import EXAMPLE

_SEPARATOR = "\n\n"


def scaled(n: int) -> dict[str, Any]:
    """The example report as a dict, n times over."""
    report: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    body = report["body"]
    text, blocks = body["text"], body["blocks"]
    participants, statements = report["participants"], report["statements"]
    for k in range(1, n):
        offset = k * (len(text) + len(_SEPARATOR))
        suffix = f"-{k}"
        body["blocks"] = [*body["blocks"], *(_moved(b, offset) for b in blocks)]
        report["participants"] = [*report["participants"], *(_participant(p, offset, suffix) for p in participants)]
        report["statements"] = [*report["statements"], *(_statement(s, offset, suffix) for s in statements)]
    body["text"] = _SEPARATOR.join([text] * n)
    return report


def _participant(participant: dict[str, Any], offset: int, suffix: str) -> dict[str, Any]:
    moved: dict[str, Any] = _moved(participant, offset)
    moved["id"] += suffix
    if moved.get("country"):
        moved["country"] += suffix
    if "affiliations" in moved:
        moved["affiliations"] = [a + suffix for a in moved["affiliations"]]
    for title in moved.get("titles", []):
        if title.get("organization"):
            title["organization"] += suffix
    return moved


def _statement(statement: dict[str, Any], offset: int, suffix: str) -> dict[str, Any]:
    moved: dict[str, Any] = _moved(statement, offset)
    moved["id"] += suffix
    moved["speakers"] = [s + suffix for s in moved["speakers"]]
    moved["about"] = [a + suffix for a in moved.get("about", [])]
    return moved


def _moved(node: Any, offset: int) -> Any:
    """A deep copy of `node` with every span `offset` code points further on."""
    node = copy.deepcopy(node)
    pending = [node]
    while pending:
        item = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        if isinstance(item, dict) and item.keys() == {"start", "end"}:
            item["start"] += offset
            item["end"] += offset
        pending.extend(c for c in children if isinstance(c, dict | list))
    return node
