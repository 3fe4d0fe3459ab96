"""What a page carries, measured on the source: decoded as browsers do, its JSON-LD blocks parsed
leniently, and its `<html lang>`; also `Found`, what a reader found, in the same terms for the
source, newsreport and the peers (whose worker uses `node_found`)."""

from __future__ import annotations

import codecs
import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from .newsml import Element

ARTICLE_TYPES = frozenset(
    (
        *("Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle"),
        *("OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "SatiricalArticle", "BlogPosting"),
        *("LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Report", "ScholarlyArticle"),
        *("MedicalScholarlyArticle", "TechArticle", "APIReference", "AdvertiserContentArticle"),
    )
)
"""schema.org's Article and its subtypes."""
MIN_TEXT = 200
"""Characters of text a page needs for its article text to count as extracted (a paragraph)."""


def decode_page(data: bytes) -> str:
    """The page's text as issue 12 says browsers decode it: a BOM; else a `<meta charset>` in the
    head if it says UTF-8; else strict UTF-8 (a page that decodes as UTF-8 is UTF-8, whatever a
    legacy declaration says); else the declared charset, else windows-1252."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    end = data.lower().find(b"</head>")
    declared = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", data[: end if end > 0 else 65536], re.I)
    name = "cp1252"
    if declared:
        with contextlib.suppress(LookupError):
            name = codecs.lookup(declared[1].decode("ascii")).name
        if name.startswith("utf-") or name in ("latin-1", "iso8859-1", "ascii"):
            name = "utf-8" if name.startswith("utf-") else "cp1252"  # as the HTML standard maps them
    if name == "utf-8":
        return data.decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(name, "replace")


_JSON_NOISE = re.compile(r'"(?:\\.|[^"\\])*"|//[^\n]*|/\*.*?\*/|,(?=\s*[}\]])', re.S)


def lenient_json(block: str) -> Any:
    """A JSON-LD block as lenient parsers read it: comments, trailing commas, CDATA wrappers."""
    block = re.sub(r"^\s*(<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(-->|//\s*\]\]>|\]\]>)\s*$", "", block.strip())
    try:
        return json.loads(block, strict=False)
    except ValueError:
        cleaned = _JSON_NOISE.sub(lambda m: m[0] if m[0].startswith('"') else "", block)
        try:
            return json.loads(cleaned, strict=False)
        except ValueError:
            return None


def nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD node in a parsed block, nested ones and `@graph`s included."""
    if isinstance(value, list):
        for each in value:
            yield from nodes(each)
    elif isinstance(value, dict):
        yield value
        for each in value.values():
            yield from nodes(each)


def types(node: dict[str, Any]) -> set[str]:
    declared = node.get("@type", [])
    listed = declared if isinstance(declared, list) else [declared]
    return {re.split(r"[/:#]", t)[-1] for t in listed if isinstance(t, str) and t}


def articles(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Article-typed nodes with a headline, NewsArticle and its subtypes first."""
    headed = [n for n in found if types(n) & ARTICLE_TYPES and given(n.get("headline"))]
    return sorted(headed, key=lambda n: not any("NewsArticle" in t for t in types(n)))


def article(found: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The page's article: the first NewsArticle with a headline, else the first Article."""
    return next(iter(articles(found)), None)


def given(value: Any) -> bool:
    """Whether a JSON-LD value says something: a non-blank string, a node or list with one."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(given(v) for v in value)
    if isinstance(value, dict):
        return any(given(value.get(k)) for k in ("url", "contentUrl", "@id", "@value", "name"))
    return value is not None


def string_of(value: Any) -> str:
    while isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or ""
    return value if isinstance(value, str) else ""


Found = dict[str, Any]
"""What a reader found on a page, the same keys for the source, newsreport and the peers:
`converted` (bool), `headline` and `text` (str), `keywords`, `descriptions`, `images`, `sections`
and `languages` (lists of str)."""


def strings(value: Any) -> list[str]:
    """The texts a JSON-LD value gives: a string, a node's `@value` or `name`, each of a list."""
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def urls(value: Any, index: dict[str, dict[str, Any]]) -> list[str]:
    """The URLs a JSON-LD image value gives: a string, a node's `url`, `contentUrl` or `@id`, or
    those of the node an `@id` refers to (Yoast's `{"@id": ".../#primaryimage"}`); only what
    looks like a URL (no caption, no template code)."""
    if isinstance(value, list):
        return [u for v in value for u in urls(v, index)]
    if isinstance(value, dict):
        target = index.get(value.get("@id") or "", {}) if set(value) <= {"@id", "@type"} else value
        value = target.get("url") or target.get("contentUrl") or value.get("@id")
    return [u for u in strings(value) if re.fullmatch(r"[^\s<>\"]+", u) and "/" in u]


def id_index(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The nodes of a page by `@id`, the fullest first, to follow references."""
    index: dict[str, dict[str, Any]] = {}
    for node in sorted(found, key=len, reverse=True):
        if isinstance(node.get("@id"), str):
            index.setdefault(node["@id"], node)
    return index


def node_found(node: dict[str, Any], lang: str = "", index: dict[str, dict[str, Any]] | None = None) -> Found:
    """What an Article node (and the page's `<html lang>`, if read) says; `index` resolves `@id`s."""
    language = node.get("inLanguage")
    if isinstance(language, dict):  # a schema.org Language: its code is the alternateName
        language = language.get("alternateName") or language.get("name")
    return {
        "converted": bool(node),
        "headline": string_of(node.get("headline")),
        "keywords": strings(node.get("keywords")),
        "descriptions": strings(node.get("description")) + strings(node.get("abstract")),
        "images": urls(node.get("image"), index or {}),
        "sections": strings(node.get("articleSection")),
        "languages": strings(language) + ([lang] if lang else []),
        "text": "",
    }


@dataclass
class Page:
    """What a page's own markup carries."""

    name: str
    node: dict[str, Any] = field(default_factory=dict)
    """The first Article-typed node with a headline; empty if there is none."""
    found: Found = field(default_factory=lambda: node_found({}))
    others: list[Found] = field(default_factory=list)
    """What the page's other articles say: a reader may take one of them."""
    broken: int = 0
    """JSON-LD blocks that are not JSON even to a lenient parser."""


def page_source(path: Path) -> Page:
    page = Page(path.name)
    try:
        root = etree.fromstring(decode_page(path.read_bytes()), etree.HTMLParser(no_network=True))
    except (etree.LxmlError, ValueError):
        return page
    if root is None:
        return page
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    scripts = root.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")
    blocks = [lenient_json(s.text or "") for s in scripts if isinstance(s, Element)]
    found = [n for block in blocks for n in nodes(block)]
    index = id_index(found)
    page.node, *others = articles(found) or [{}]
    page.found = node_found(page.node, lang, index) if page.node else page.found
    page.others = [node_found(other, lang, index) for other in others]
    page.broken = sum(block is None for block in blocks)
    return page
