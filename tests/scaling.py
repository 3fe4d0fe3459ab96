"""Reports N times the size of the example, and `growth`, for the checks that reading time grows
linearly.

`scaled(n)` repeats the example's body n times and, with each copy, its participants (ids
suffixed, references among them followed), its statements and its paragraphs, every span moved
to its copy of the text. The event and the referenced events stay single: statements of every
copy refer to them.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from typing import Any

from benchmarks.run import rate

from .conftest import EXAMPLES

_SEPARATOR = "\n\n"


def scaled(n: int) -> dict[str, Any]:
    """The example report as a dict, n times over."""
    report: dict[str, Any] = json.loads((EXAMPLES / "report.json").read_text())
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
    moved = _moved(participant, offset)
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
    moved = _moved(statement, offset)
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


def growth(work: Callable[[Any], object], small: Any, large: Any, repeat: int = 5) -> float:
    """How many times longer `work` takes on `large` than on `small`: about 4 for inputs 4x apart
    when the work is linear, 16 when it is quadratic. Each is the best of `repeat` runs, the two
    sizes taking turns, so a busy spell of the machine falls on both; each run is timed as the
    benchmarks time them: the garbage collector off, as in `timeit`, since its passes depend on
    everything the test session holds, not on the work."""
    work(small)  # warm up
    best_small = best_large = math.inf
    for _ in range(repeat):
        best_small = min(best_small, 1 / rate(1, lambda: work(small), 1))
        best_large = min(best_large, 1 / rate(1, lambda: work(large), 1))
    return best_large / best_small
