"""An HTML page → NewsReport: its JSON-LD blocks mapped by `web.py`, with what the page itself
says where the markup is silent.

The page is decoded as browsers decode it (`decoding.py`); its blocks are read leniently
(`lenient_json.py`); its language is the article's `inLanguage`, else `<html lang>`, else
`og:locale` or the `content-language` meta tag; an article without `articleBody` gets the page's
main text (`extraction.py`), with a warning saying so.
"""

from __future__ import annotations

import json
import re
import warnings

import lxml.html
from lxml import etree

from newsreport.converters.jsonld import extraction
from newsreport.converters.jsonld.decoding import decode_html
from newsreport.converters.jsonld.lenient_json import loads_lenient
from newsreport.converters.jsonld.web import Page, article_rank, graph_of, map_article
from newsreport.errors import ReadError, ReadWarning
from newsreport.jsontext import loads
from newsreport.model import NewsReport

_SCRIPT_WRAPPERS = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/)|(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/)\s*$"
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def read_html(data: bytes, source: str = "<input>") -> NewsReport:
    """The report the JSON-LD blocks of an HTML page describe (all blocks together)."""
    text, _ = decode_html(data)
    try:
        page = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text) or "<html></html>")
    except (ValueError, etree.ParserError) as exc:
        raise ReadError(f"not an HTML page: {exc}", source=source, format="html") from None
    docs: list[object] = []
    broken: list[ReadError] = []
    notes: list[str] = []  # as browsers do, the last of two equal keys is read
    scripts = page.xpath("//script[@type]")
    blocks = [s for s in scripts if s.get("type", "").split(";")[0].strip().lower() == "application/ld+json"]
    for number, script in enumerate(blocks, start=1):
        block = _SCRIPT_WRAPPERS.sub("", script.text or "")

        def repeated(path: str, key: str, number: int = number) -> None:
            notes.append(f"JSON-LD block {number} {path}: duplicate key {key!r}, the last value read")

        try:
            doc, mended = loads_lenient(block, lambda t: loads(t, source, strict=False, on_duplicate=repeated))
        except ReadError:
            broken.append(_syntax_error(block, number, script.sourceline, source))
            continue
        docs.append(doc)
        if mended:
            notes.append(f"JSON-LD block {number} is not JSON: read as mended (comments, commas or quotes)")
    graph = graph_of(docs, source)
    if not any(article_rank(n) for n in graph.values()):
        if broken:
            raise broken[0]
        found = f"{len(blocks)} JSON-LD block(s)" if blocks else "no JSON-LD block"
        raise ReadError(f"no NewsArticle or Article in the page ({found})", source=source, format="html")
    for error in broken:
        warnings.warn(f"{error} (skipped)", ReadWarning, stacklevel=2)
    for note in notes:
        warnings.warn(f"{source}: {note}", ReadWarning, stacklevel=2)
    facts = Page(language=_page_language(page), main_text=lambda: _main_text(text, source))
    return map_article(graph, source, data, facts)


def _page_language(page: lxml.html.HtmlElement) -> str | None:
    """The page's language: `<html lang>`, else og:locale, else a content-language meta tag."""
    candidates = [page.get("lang"), page.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in page.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").lower()
        if key in ("og:locale", "content-language"):
            candidates.append(meta.get("content"))
    for candidate in candidates:
        if candidate and candidate.strip():
            return candidate.strip().split(",")[0].strip().replace("_", "-")
    return None


def _main_text(page: str, source: str) -> str | None:
    """The page's main text, or None with a warning naming the extra when it is not installed."""
    if not extraction.available():
        warnings.warn(
            f"{source}: the article has no articleBody, and its text was not taken from the page: "
            f"install newsreport[{extraction.EXTRA}] for that",
            ReadWarning,
            stacklevel=4,
        )
        return None
    return extraction.main_text(page)


def _syntax_error(text: str, number: int, first_line: int | None, source: str) -> ReadError:
    """Where and why a block is not JSON, as a line of the page."""
    try:
        json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        where = f"line {first_line + exc.lineno - 1}" if first_line else f"block {number}"
        return ReadError(f"JSON-LD block {number} is not JSON: {exc.msg}", source=source, location=where)
    except RecursionError:
        pass  # json's own limit: `loads` said so too
    where = f"line {first_line}" if first_line else f"block {number}"
    return ReadError(f"JSON-LD block {number} is nested too deeply", source=source, location=where)
