"""Checking a JSON-LD document: syntax, offline expansion, schema.org's vocabulary, the report."""

from __future__ import annotations

import json
import warnings
from functools import cache
from pathlib import Path
from typing import Any

from newsreport.converters.format import CheckOptions
from newsreport.converters.jsonld import offline
from newsreport.converters.jsonld.reader import read
from newsreport.converters.jsonld.terms import NR, NR_TERMS
from newsreport.errors import ReadError, ReadWarning, UsageError
from newsreport.jsontext import loads
from newsreport.problems import Problem

_SCHEMA = ("http://schema.org/", "https://schema.org/")


def check(data: bytes, source: str, options: CheckOptions) -> list[Problem]:
    """Every problem of a JSON-LD document, from its syntax to the report it maps to."""
    try:
        doc = loads(data, source, format="jsonld")
        expanded = offline.expand(doc)
    except (ReadError, ValueError) as exc:
        return [_as_problem(exc)]
    problems = vocabulary_problems(expanded, options.schemaorg) if options.schemaorg else []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReadWarning)
            read(data, source)
    except ReadError as exc:
        problems.append(_as_problem(exc))
    return problems


def vocabulary_problems(expanded: list[dict[str, Any]], vocabulary_file: Path) -> list[Problem]:
    """Every type and property of an expanded document that schema.org's vocabulary (or ours) lacks."""
    classes, properties = load_vocabulary(vocabulary_file)
    problems = []
    for where, iri, is_type in _terms(expanded, "$"):
        if iri.startswith(NR):
            known = iri in NR_TERMS
        elif iri.startswith(_SCHEMA):
            name = iri.split("/", 3)[3]
            known = name in (classes if is_type else properties)
        else:
            known = False
        if not known:
            kind = "type" if is_type else "property"
            problems.append(Problem(where, f"unknown {kind} {iri!r}: neither schema.org nor newsreport's"))
    return problems


@cache
def load_vocabulary(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The class names and the property names a schema.org vocabulary file defines."""
    classes, properties = set(), set()
    try:
        for node in json.loads(path.read_bytes())["@graph"]:
            types = node.get("@type", [])
            types = types if isinstance(types, list) else [types]
            name = node["@id"].removeprefix("schema:")
            if "rdf:Property" in types:
                properties.add(name)
            elif "rdfs:Class" in types or any(t.startswith("schema:") for t in types):
                classes.add(name)  # classes, and enumeration members used as values of @type
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        detail = f"no {exc}" if isinstance(exc, KeyError) else str(exc) or type(exc).__name__
        raise UsageError(f"{path}: not a schema.org vocabulary (schemaorg-current-https.jsonld): {detail}") from None
    return frozenset(classes), frozenset(properties)


def _terms(value: object, path: str) -> list[tuple[str, str, bool]]:
    """(place, IRI, is a type) for every type and property in an expanded document."""
    found: list[tuple[str, str, bool]] = []
    if isinstance(value, list):
        for i, item in enumerate(value):
            found += _terms(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        where = value.get("@id", path)
        types = value.get("@type", [])  # a list on nodes; on a typed literal, a datatype (not checked)
        if isinstance(types, list):
            found += [(where, t, True) for t in types]
        for key, item in value.items():
            if not key.startswith("@"):
                found.append((where, key, False))
            if key in ("@list", "@graph") or not key.startswith("@"):
                found += _terms(item, f"{path}.{key}")
    return found


def _as_problem(exc: Exception) -> Problem:
    if isinstance(exc, ReadError):
        return Problem(exc.location, exc.message)
    return Problem("", str(exc))
