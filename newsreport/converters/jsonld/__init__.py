"""Conversion between NewsReport and schema.org JSON-LD (NewsArticle graphs).

Writing is strict and lossless (`writer.py`); reading takes our own graphs exactly
(`reader.py`) and the web's NewsArticle markup, in JSON-LD files or HTML pages, as best it can
(`web.py`).
"""

from __future__ import annotations

from newsreport.converters.format import Format
from newsreport.converters.jsonld.reader import read_own
from newsreport.converters.jsonld.terms import CONTEXT
from newsreport.converters.jsonld.writer import write
from newsreport.converters.native import load_json
from newsreport.model import NewsReport


def read(data: bytes, source: str = "<input>") -> NewsReport:
    """The report a JSON-LD document holds: ours exactly, anyone else's as far as it maps."""
    doc = load_json(data, source, "jsonld")
    if isinstance(doc, dict) and doc.get("@context") == CONTEXT and "@graph" in doc:
        return read_own(doc, source)
    from newsreport.converters.jsonld.web import read_web

    return read_web(doc, source)


FORMAT = Format(
    name="jsonld",
    extensions=(".jsonld",),
    media_type="application/ld+json",
    summary="schema.org NewsArticle JSON-LD (reads web pages' markup too)",
    read=read,
    write=write,
)

__all__ = ["FORMAT", "read", "write"]
