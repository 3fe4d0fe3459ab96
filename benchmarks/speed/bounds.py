"""The least a converter can cost, next to the same floor as its row (issue 15).

A reader built on the model cannot cost less than parsing its input and validating the report
it holds; these rows time exactly those steps and nothing else, on the same reports, taking
turns with the row's floor. Where such a bound is above a row's target, the target is out of
reach of any reader that validates into the model, however its own mapping is written.

The JSON-LD writer's row is an estimate, not a bound: the cheapest Python pass over what it
writes (a copy of every value of the finished nodes), then the dump. A writer that builds the
nodes in Python touches each value at least once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from benchmarks.archive import varied
from benchmarks.speed.floors import TARGETS, dumps, iptc_reader, iptc_sample
from benchmarks.speed.results import Ratio
from benchmarks.speed.timing import each, side_by_side
from newsreport.converters import FORMATS
from newsreport.jsontext import loads
from newsreport.model import NewsReport


def measure(n: int, repeat: int = 3) -> list[Ratio]:
    """Each bound over `n` varied reports, as a ratio to its row's floor."""
    reports = list(varied(n))
    return list(_bounds(reports, repeat))


def _bounds(reports: list[NewsReport], repeat: int) -> Iterator[Ratio]:
    n = len(reports)
    validate = NewsReport.model_validate
    dicts = [r.model_dump(mode="json", exclude_none=True) for r in reports]

    def bound(row: str, what: str, least: Callable[[], object], floor: Callable[[], object]) -> Ratio:
        least_s, floor_s = side_by_side(least, floor, repeat)
        return Ratio(row, what, n, least_s, floor_s, TARGETS[row])

    texts = [FORMATS["json"].write_one(r) for r in reports]
    json_floor = each(json.loads, texts)
    yield bound("json read", "json.loads + model_validate", each(lambda t: validate(json.loads(t)), texts), json_floor)
    yield bound("json read", "model_validate_json", each(NewsReport.model_validate_json, texts), json_floor)
    duplicate_checked = each(lambda t: validate(loads(t, "bound")), texts)
    yield bound("json read", "loads (duplicate keys) + validate", duplicate_checked, json_floor)

    # A JSON-LD document holds the report in another shape; the bound parses the document and
    # validates the report's own dict, which is what the reader's mapping hands the model.
    documents = [FORMATS["jsonld"].write_one(r) for r in reports]
    pairs = list(zip(documents, dicts, strict=True))

    def parsed_and_validated(pair: tuple[bytes, dict[str, Any]]) -> object:
        loads(pair[0], "bound", on_duplicate=_ignore)
        return validate(pair[1])

    yield bound(
        "jsonld read", "loads (dup. keys) + validate", each(parsed_and_validated, pairs), each(json.loads, documents)
    )
    nodes = [json.loads(d) for d in documents]
    yield bound("jsonld write", "copy of its nodes + json.dumps", each(_copied_and_dumped, nodes), each(dumps, nodes))

    items = [FORMATS["newsml-g2"].write_one(r) for r in reports]
    xml_pairs = list(zip(items, dicts, strict=True))

    def xml_parsed_and_validated(pair: tuple[bytes, dict[str, Any]]) -> object:
        etree.fromstring(pair[0])
        return validate(pair[1])

    least = each(xml_parsed_and_validated, xml_pairs)
    yield bound("newsml-g2 read", "lxml fromstring + validate", least, each(etree.fromstring, items))
    theirs = iptc_reader()
    if theirs is not None:  # how many times faster than IPTC's reader, on the same tenth of the files
        sample = iptc_sample(xml_pairs)
        their_s, least_s = side_by_side(
            each(theirs, [item for item, _ in sample]), each(xml_parsed_and_validated, sample), repeat
        )
        row = "newsml-g2 read vs IPTC"
        yield Ratio(row, "lxml fromstring + validate", len(sample), least_s, their_s, TARGETS[row], faster=True)


def _ignore(path: str, key: str) -> None:
    """A duplicate key is not what is timed (the documents have none)."""


def _copied_and_dumped(tree: object) -> str:
    return dumps(_copy(tree))


def _copy(value: Any) -> Any:
    if type(value) is dict:
        return {key: _copy(item) for key, item in value.items()}
    if type(value) is list:
        return [_copy(item) for item in value]
    return value
