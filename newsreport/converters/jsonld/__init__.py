"""Conversion between NewsReport and schema.org JSON-LD (NewsArticle graphs).

Writing is strict and lossless (`writer.py`); reading takes our own graphs exactly
(`reader.py`) and the web's NewsArticle markup, in JSON-LD files (`web.py`) or HTML pages
(`page.py`), as best it can.
"""

from __future__ import annotations

from newsreport.converters.format import Format
from newsreport.converters.jsonld.check import check
from newsreport.converters.jsonld.page import read_html
from newsreport.converters.jsonld.reader import read
from newsreport.converters.jsonld.writer import write

HTML = Format(
    name="html",
    extensions=(".html", ".htm"),
    media_type="text/html",
    summary="a web page's schema.org JSON-LD blocks (read only)",
    read=read_html,
)
FORMAT = Format(
    name="jsonld",
    extensions=(".jsonld",),
    media_type="application/ld+json",
    summary="schema.org NewsArticle JSON-LD (reads web pages' markup too)",
    read=read,
    write=write,
    check=check,
)

__all__ = ["FORMAT", "HTML", "read", "read_html", "write"]
