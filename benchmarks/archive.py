"""An archive of N varied reports made from the example, for benchmarks and batch tests.

Each variant has its own id, headline and date and keeps a different subset of the example's
statements, so reports differ in size and content the way a real archive's do.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from newsreport import NewsReport, read

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "report.json"


def varied(n: int, base: NewsReport | None = None) -> Iterator[NewsReport]:
    """`n` valid reports, variant `k` reproducible from `k` alone."""
    for variant in variants(n, base):
        yield NewsReport.model_validate(variant)


def variants(n: int, base: NewsReport | None = None) -> Iterator[dict[str, Any]]:
    """The reports of `varied` as JSON-ready dicts, without the cost of building the models."""
    report = base or read(EXAMPLE)
    data = report.model_dump(mode="json", exclude_none=True)
    cited = {s for e in data["referenced_events"] for s in e.get("cited_by", [])}
    for k in range(n):
        rng = random.Random(k)
        kept = [s for s in data["statements"] if s["id"] in cited or rng.random() > 0.3]
        yield {
            **data,
            "id": f"urn:newsreport:archive:{k}",
            "headline": {**data["headline"], "text": f"{data['headline']['text']} ({k})"},
            "published": (date(2025, 2, 3) + timedelta(days=k % 3650)).isoformat(),
            "statements": kept,
        }
