"""The JSON-LD and HTML readers under misuse: dates that are not dates, repeated nodes and keys,
second articles, unmapped terms, sub-event loops and chains, and inputs whose reading time would
grow faster than their size. Each case checks the exit code, the one line on stderr and that
nothing was written."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsreport import NewsReport, write
from newsreport.converters import FORMATS
from newsreport.errors import ReadWarning

from .conftest import EXAMPLES

COMMAND = [sys.executable, "-m", "newsreport"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *args], capture_output=True, timeout=120, cwd=cwd)


def own_graph() -> dict[str, Any]:
    """The example report as our writer writes it, parsed."""
    report = NewsReport.model_validate_json((EXAMPLES / "report.json").read_bytes())
    return dict(json.loads(write(report, "jsonld")))


def web_article(**properties: object) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Budget passes", **properties}


def html_page(*blocks: object) -> bytes:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(b)}</script>\n' for b in blocks)
    return f"<html><head>{scripts}</head><body></body></html>".encode()


# Work that grows with the input -------------------------------------------------------------


def _growth(read: Callable[[bytes], object], make: Callable[[int], bytes], n: int) -> float:
    """How many times longer reading `make(4 * n)` takes than `make(n)` (the best of three each).

    The garbage collector is off while timing: its passes depend on everything the process holds
    (here the whole test session), not on the reader, and add their own noise to small inputs.
    """

    def best(data: bytes) -> float:
        times = []
        for _ in range(3):
            gc.disable()
            start = time.perf_counter()
            read(data)
            times.append(time.perf_counter() - start)
            gc.enable()
        return min(times)

    small, large = make(n), make(4 * n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        read(small)  # warm up
        return best(large) / best(small)


def _people(n: int) -> list[dict[str, Any]]:
    return [
        {"@type": "Person", "name": f"Person {i}", "sameAs": f"http://www.wikidata.org/entity/Q{i + 1}"}
        for i in range(n)
    ]


def _web_mentions(n: int) -> bytes:
    return json.dumps(web_article(mentions=_people(n), about=[{"@type": "Person", "name": "Alike"}] * n)).encode()


def _html_blocks(n: int) -> bytes:
    """A page of one article and `n` blocks beside it, each a person the article mentions by `@id`."""
    people = [{"@id": f"https://people.example/{i}", **p} for i, p in enumerate(_people(n))]
    article = web_article(mentions=[{"@id": p["@id"]} for p in people])
    return html_page(article, *({"@context": "https://schema.org", **p} for p in people))


def _own_report(n: int) -> bytes:
    """Our JSON-LD of a report with `n` participants, each saying one thing."""
    body = "".join(f"P{i} said x{i}. " for i in range(n))
    participants, statements, at = [], [], 0
    for i in range(n):
        name, said = f"P{i}", f"x{i}"
        participants.append(
            {"id": f"p{i}", "kind": "person", "name": name, "mentions": [{"start": at, "end": at + len(name)}]}
        )
        start = at + len(name) + len(" said ")
        statements.append(
            {
                "id": f"s{i}",
                "kind": "indirect",
                "speakers": [f"p{i}"],
                "text": said,
                "span": {"start": start, "end": start + len(said)},
            }
        )
        at += len(f"P{i} said x{i}. ")
    report = NewsReport.model_validate(
        {
            "id": "urn:x:many",
            "headline": {"text": "Many"},
            "body": {"text": body},
            "participants": participants,
            "statements": statements,
        }
    )
    return write(report, "jsonld")


def test_reading_web_jsonld_grows_linearly() -> None:
    """10,000 `mentions` took a minute (pyld's flatten compares each value with all before it)."""
    assert _growth(lambda data: FORMATS["jsonld"].read_one(data, "a.jsonld"), _web_mentions, 1000) < 6


def test_reading_html_grows_linearly() -> None:
    assert _growth(lambda data: FORMATS["html"].read_one(data, "a.html"), _html_blocks, 1000) < 6


def test_reading_our_jsonld_grows_linearly() -> None:
    assert _growth(lambda data: FORMATS["jsonld"].read_one(data, "a.jsonld"), _own_report, 500) < 6
