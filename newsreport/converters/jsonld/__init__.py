"""Conversion between NewsReport and schema.org JSON-LD (NewsArticle graphs).

Writing is strict and lossless (`writer.py`); reading takes our own graphs exactly
(`reader.py`) and the web's NewsArticle markup, in JSON-LD files (`web.py`) or HTML pages
(`page.py`), as best it can. Each is imported on first use (`deferred`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsreport.converters.format import Format, deferred

if TYPE_CHECKING:
    from newsreport.converters.jsonld.page import read_html
    from newsreport.converters.jsonld.reader import read
    from newsreport.converters.jsonld.writer import write
else:
    read_html = deferred("newsreport.converters.jsonld.page", "read_html")
    read = deferred("newsreport.converters.jsonld.reader", "read")
    write = deferred("newsreport.converters.jsonld.writer", "write")

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
    check=deferred("newsreport.converters.jsonld.check", "check"),
)

__all__ = ["FORMAT", "HTML", "read", "read_html", "write"]
