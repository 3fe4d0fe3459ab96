"""How much of what the corpus carries newsreport keeps, field by field, next to extruct and trafilatura.

    .venv/bin/python benchmarks/corpus_coverage.py [--shared ../shared] [--peers /tmp/peers/bin/python]

For each row of issue 12's table it counts the files in `../shared/corpus/` that carry a field,
measured on the source itself (XPath over the XML by local name; the pages' JSON-LD blocks parsed
leniently here and their `<html lang>`), never by asking newsreport, and how many of those the
report newsreport reads keeps (public API, one report per newsItem). With `--peers`, the given
Python (a throwaway venv with extruct and trafilatura, never the project's) runs this file as a
worker over the pages and says what the peers keep of the same pages. Offline; a minute or two.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import html
import json
import re
import socket
import subprocess
import sys
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from newsreport import NewsReport

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_TYPES = frozenset(
    (
        *("Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle"),
        *("OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "SatiricalArticle", "BlogPosting"),
        *("LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Report", "ScholarlyArticle"),
        *("MedicalScholarlyArticle", "TechArticle", "APIReference", "AdvertiserContentArticle"),
    )
)
"""schema.org's Article and its subtypes."""
MOJIBAKE = re.compile(
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u2122]"
    "|â€|Â[\u00a0-\u00bf]|[ÐÑ][\u0080-\u00bf]"
)
"""UTF-8 read as Latin-1 or windows-1252: `Ã©`, `â€™`, `Â `, Cyrillic `Ð¿`."""
MIN_TEXT = 200
"""Characters of text a page needs for its article text to count as extracted (a paragraph)."""
NOT_TOPICS = {"cpnat:person", "cpnat:organisation", "cpnat:geoArea", "cpnat:poi", "cpnat:event"}
"""Subject types that are participants or events, not topics."""
PLACE_TYPES = {"cpnat:geoArea", "cpnat:poi"}
Element = etree._Element


# --- NewsML-G2 sources, read by local name -------------------------------------------------


def kids(element: Element | None, steps: str) -> list[Element]:
    """The elements `steps` (`contentMeta/subject`; `//p` for descendants) leads to, by local name."""
    if element is None:
        return []
    parts = steps.split("/")
    expr = "." + "".join("/" if part == "" else f"/*[local-name()='{part}']" for part in parts)
    return [e for e in element.xpath(expr.replace("///", "//")) if isinstance(e, Element)]


def text(element: Element) -> str:
    """The element's text with white space folded."""
    return " ".join("".join(element.itertext()).split())


def texts(item: Element, steps: str) -> list[str]:
    return [t for t in (text(e) for e in kids(item, steps)) if t]


def coded(item: Element, steps: str) -> list[str]:
    """The QCodes, URIs or literals of the elements `steps` leads to."""
    return [c for e in kids(item, steps) if (c := e.get("qcode") or e.get("uri") or e.get("literal") or text(e))]


def news_items(root: Element) -> list[Element]:
    """The newsItems a document holds, in the order a reader returns their reports."""
    name = etree.QName(root).localname
    if name == "newsItem":
        return [root]
    return kids(root, "itemSet/newsItem") if name == "newsMessage" else []


def paragraphs(item: Element) -> list[str]:
    """The story text as the source gives it: the paragraphs of the first inlineXML that has any
    (outside its head and header; dpa's `p class="teaser"` is the item's description, not counted),
    else those of the longest plain-text inlineData."""
    for inline in kids(item, "contentSet/inlineXML"):
        ps = [p for p in kids(inline, "//p") if not _in_head(p) and "teaser" not in (p.get("class") or "").split()]
        found = [t for p in ps if (t := text(p))]
        if found:
            return found
    plain = sorted((e.text or "" for e in kids(item, "contentSet/inlineData")), key=len)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", plain[-1]) if p.strip()] if plain else []


def _in_head(element: Element) -> bool:
    return any(etree.QName(a).localname in ("head", "header", "body.head") for a in element.iterancestors())


def topic_codes(item: Element) -> list[str]:
    """The QCodes (`scheme:code`; `isbn#...` is none) and URIs of the subjects that are topics."""
    subjects = [s for s in kids(item, "contentMeta/subject") if s.get("type") not in NOT_TOPICS]
    return [c for s in subjects if (c := s.get("uri") or (q if ":" in (q := s.get("qcode") or "") else ""))]


def _code(element: Element) -> str | None:
    return element.get("qcode") or element.get("uri")


def images(item: Element) -> list[str]:
    """Image URLs: a picture item's remote content, an icon, an `img` in the inline XHTML."""
    kind = " ".join(coded(item, "itemMeta/itemClass"))
    remote = [
        e.get("href") or ""
        for e in kids(item, "contentSet/remoteContent")
        if "picture" in kind or "graphic" in kind or (e.get("contenttype") or "").startswith("image/")
    ]
    icons = [e.get("href") or "" for e in kids(item, "contentMeta/icon")]
    inline = [e.get("src") or "" for e in kids(item, "contentSet/inlineXML//img")]
    return [u for u in remote + icons + inline if u]


def rights(item: Element) -> list[str]:
    holders = coded(item, "rightsInfo/copyrightHolder") + texts(item, "rightsInfo/copyrightHolder/name")
    return holders + texts(item, "rightsInfo/copyrightNotice") + texts(item, "rightsInfo/usageTerms")


TIMES = {"firstCreated": "itemMeta/firstCreated", "contentCreated": "contentMeta/contentCreated"}
TIMES["versionCreated"] = "itemMeta/versionCreated"
TIME_FIELDS = {"firstCreated": "first_created", "contentCreated": "published", "versionCreated": "version_created"}


def times(item: Element) -> dict[str, str]:
    return {name: found[0] for name, steps in TIMES.items() if (found := texts(item, steps))}


def places(item: Element) -> list[Element]:
    subjects = [s for s in kids(item, "contentMeta/subject") if s.get("type") in PLACE_TYPES]
    return subjects + kids(item, "contentMeta/located")


def place_codes(place: Element) -> list[str]:
    return [c for s in kids(place, "sameAs") if (c := _code(s))]


PLACE_KINDS = {"city": "city", "country": "country", "statprov": "region", "province": "region"}
PLACE_KINDS |= {"state": "region", "region": "region", "territory": "territory"}
"""Words in a `located` type that say the sort of place (`loctyp:City`, `cptype:statprov`), and
the model's `place_type` for each; an agency's numbered type (`cptType:5`) says nothing."""


def place_type(place: Element) -> str | None:
    """The sort of place the source says it is: a `located` type naming one, else an ISO 3166
    code (`DE` a country, `DE-NW` a region), else a country scheme (`dpacountry:1`)."""
    if etree.QName(place).localname == "located":
        kind = (place.get("type") or "").rpartition(":")[2].lower()
        if kind in PLACE_KINDS:
            return PLACE_KINDS[kind]
    codes = [_code(place) or "", *place_codes(place)]
    for code in codes:
        if code.startswith("iso3166"):
            return "region" if "-" in code.partition(":")[2] else "country"
    return "country" if any("country" in code.partition(":")[0] for code in codes) else None


def place_names(place: Element) -> set[str]:
    return {t.casefold() for t in texts(place, "name")}


# --- what the reports keep -------------------------------------------------------------------


def words(value: str) -> str:
    return " ".join(html.unescape(value).split())


def story_kept(report: NewsReport, source: list[str]) -> bool:
    """The body is the story text: at least 90% of the paragraphs' length, with the closing words
    of the first and last paragraphs (a dateline may be cut off the front)."""
    if report.body is None:
        return False
    body = words(report.body.text)
    ends = [" ".join(words(p).split()[-8:]) for p in (source[0], source[-1])]
    return len(body) >= 0.9 * len(" ".join(source)) and all(end in body for end in ends)


def subjects_kept(report: NewsReport, codes: list[str]) -> bool:
    """Every topic code of the source is among the report's subjects (as `scheme:code` or URI)."""
    have = {f"{s.scheme}:{s.code}" for s in report.subjects} | {s.uri for s in report.subjects if s.uri}
    return all(c in have for c in codes)


def times_kept(report: NewsReport, source: dict[str, str]) -> bool:
    """Each time the source gives is in its field, with its time of day if the source has one."""
    for name, value in source.items():
        kept = getattr(report, TIME_FIELDS[name])
        if kept is None or ("T" in value and not isinstance(kept, datetime)):
            return False
    return True


def status_kept(report: NewsReport, qcode: str) -> bool:
    return report.status == qcode.rpartition(":")[2].lower()


def kept_places(report: NewsReport) -> list[Any]:
    return [p for p in report.participants if p.kind == "place"]


def fold(value: str) -> str:
    """A text compared loosely: entities decoded (escaped twice or thrice too, as some publishers
    do), tags dropped, white space folded, case ignored."""
    for _ in range(3):
        value = html.unescape(value)
    return " ".join(re.sub(r"<[^>]*>", " ", value).split()).casefold()


def all_in(source: list[str], kept: Iterable[str | None]) -> bool:
    """Whether every text of the source is among those kept (compared loosely)."""
    have = {fold(k) for k in kept if k}
    return all(fold(t) in have for t in source)


def rights_kept(report: NewsReport, item: Element) -> bool:
    """Each part of the rights the source gives (holder, notices, usage terms) is kept."""
    rights = report.rights
    if rights is None:
        return False
    parts = [
        (bool(kids(item, "rightsInfo/copyrightHolder")), rights.holder is not None),
        (bool(texts(item, "rightsInfo/copyrightNotice")), bool(rights.notices)),
        (bool(texts(item, "rightsInfo/usageTerms")), bool(rights.usage_terms)),
    ]
    return all(kept for given_, kept in parts if given_)


@dataclass(frozen=True)
class ItemField:
    """A row about newsItems: what the source carries (empty: nothing) and whether a report keeps it."""

    label: str
    carried: Callable[[Element], Any]
    kept: Callable[[NewsReport, Any, Element], bool]


ITEM_FIELDS: dict[str, ItemField] = {
    "story": ItemField("the story text (NewsML-G2)", paragraphs, lambda r, ps, _: story_kept(r, ps)),
    "topics": ItemField(
        "topics with codes (`subject` with qcode/uri)", topic_codes, lambda r, codes, _: subjects_kept(r, codes)
    ),
    "genre": ItemField(
        "genre", lambda i: coded(i, "contentMeta/genre"), lambda r, genres, _: len(r.genres) >= len(genres)
    ),
    "urgency": ItemField(
        "urgency",
        lambda i: [u for u in texts(i, "contentMeta/urgency") if u.isdigit()],
        lambda r, u, _: r.urgency == int(u[0]),
    ),
    "slugline": ItemField(
        "slugline", lambda i: texts(i, "contentMeta/slugline"), lambda r, s, _: all_in(s[:1], [r.slugline])
    ),
    "keywords_items": ItemField(
        "keywords (items)", lambda i: texts(i, "contentMeta/keyword"), lambda r, k, _: all_in(k, r.keywords)
    ),
    "description_items": ItemField(
        "description / teaser / abstract (items)",
        lambda i: texts(i, "contentMeta/description") + texts(i, "contentSet/inlineXML//body.head/abstract"),
        lambda r, d, _: all_in(d, (w.text for w in r.descriptions)),
    ),
    "image_items": ItemField("image (items)", images, lambda r, _, __: any(m.url for m in r.media)),
    "rights": ItemField(
        "rights (copyright holder / notice / usage terms)", rights, lambda r, _, item: rights_kept(r, item)
    ),
    "byline": ItemField(
        "by-line as printed",
        lambda i: texts(i, "contentMeta/by") + texts(i, "contentSet/inlineXML//byline"),
        lambda r, by, _: r.byline is not None and fold(r.byline) in {fold(b) for b in by},
    ),
    "contributors": ItemField(
        "contributors",
        lambda i: coded(i, "contentMeta/contributor"),
        lambda r, c, _: len(r.contributors) >= len(set(c)),
    ),
    "credit": ItemField(
        "credit line",
        lambda i: texts(i, "contentMeta/creditline"),
        lambda r, c, _: r.credit_line is not None and fold(r.credit_line) in {fold(x) for x in c},
    ),
    "ednote": ItemField(
        "edNote", lambda i: texts(i, "itemMeta/edNote"), lambda r, n, _: all_in(n, (w.text for w in r.editorial_notes))
    ),
    "status": ItemField("pubStatus", lambda i: coded(i, "itemMeta/pubStatus"), lambda r, s, _: status_kept(r, s[0])),
    "signals": ItemField(
        "signals", lambda i: coded(i, "itemMeta/signal"), lambda r, sig, _: len(r.signals) >= len(set(sig))
    ),
    "links": ItemField(
        "links",
        lambda i: [c for e in kids(i, "itemMeta/link") if (c := e.get("href") or e.get("residref"))],
        lambda r, links, _: all_in(links, (v for link in r.links for v in (link.url, link.item_id))),
    ),
    "embargo": ItemField(
        "embargo", lambda i: texts(i, "itemMeta/embargoed"), lambda r, _, __: r.embargoed_until is not None
    ),
    "published": ItemField(
        "published (firstCreated / contentCreated / versionCreated)", times, lambda r, t, _: times_kept(r, t)
    ),
}


# --- pages: decoded as browsers do, JSON-LD parsed leniently --------------------------------


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


def report_found(report: NewsReport) -> Found:
    return {
        "converted": True,
        "headline": report.headline.text,
        "keywords": list(report.keywords),
        "descriptions": [w.text for w in report.descriptions],
        "images": [m.url for m in report.media if m.url],
        "sections": list(report.sections),
        "languages": [report.language] if report.language else [],
        "text": report.body.text if report.body else "",
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


def mojibake(value: str) -> bool:
    return bool(MOJIBAKE.search(value))


def split_keywords(values: list[str]) -> list[str]:
    """Keywords (or sections) one by one: publishers give a list or one comma-separated string."""
    return [k for v in values for k in (k.strip() for k in v.split(",")) if k]


def same_url(source: list[str], kept: list[str]) -> bool:
    """Whether the first image URL of the source is kept (relative URLs may have been resolved)."""
    return any(k == source[0] or k.endswith(source[0].lstrip(".")) for k in kept)


def same_language(source: list[str], kept: list[str]) -> bool:
    """Whether the report's language is one the source gives, to the primary subtag."""

    def primary(tag: str) -> str:
        return tag.strip().lower().replace("_", "-").split("-")[0]

    return bool(kept) and primary(kept[0]) in {primary(s) for s in source}


@dataclass(frozen=True)
class PageField:
    """A row about pages: whether the source carries it (and `key` says where in `Found`), and
    whether what a reader found keeps it; `peers` says which peers are measured."""

    label: str
    key: str
    carried: Callable[[Page], bool]
    kept: Callable[[Found, Found], bool]
    peers: tuple[str, ...] = ("extruct", "trafilatura")


def _carries(key: str) -> Callable[[Page], bool]:
    return lambda page: bool(page.found[key])


PAGE_FIELDS: dict[str, PageField] = {
    "keywords": PageField(
        "keywords (pages)",
        "keywords",
        _carries("keywords"),
        lambda s, k: all_in(split_keywords(s["keywords"]), split_keywords(k["keywords"])),
    ),
    "description": PageField(
        "description / abstract (pages)",
        "descriptions",
        _carries("descriptions"),
        lambda s, k: any(all_in([d], k["descriptions"]) for d in s["descriptions"]),
    ),
    "image": PageField("image (pages)", "images", _carries("images"), lambda s, k: same_url(s["images"], k["images"])),
    "section": PageField(
        "articleSection",
        "sections",
        _carries("sections"),
        lambda s, k: all_in(split_keywords(s["sections"]), split_keywords(k["sections"])),
    ),
    "language": PageField(
        "language (pages with `<html lang>` or inLanguage)",
        "languages",
        _carries("languages"),
        lambda s, k: same_language(s["languages"], k["languages"]),
        ("extruct",),
    ),
    "converted": PageField(
        "pages converted at all (an Article-typed node with a headline)",
        "converted",
        _carries("converted"),
        lambda _, k: bool(k["converted"]),
    ),
    "headline": PageField(
        "headline without mojibake",
        "headline",
        lambda p: bool(p.node) and not mojibake(p.found["headline"]),
        lambda _, k: bool(k["headline"]) and not mojibake(k["headline"]),
    ),
    "text": PageField(
        f"article text on pages without articleBody (≥ {MIN_TEXT} characters)",
        "text",
        lambda p: bool(p.node) and not given(p.node.get("articleBody")),
        lambda _, k: len(k["text"].strip()) >= MIN_TEXT,
        ("trafilatura",),
    ),
}
ORDER = [
    *("story", "topics", "genre", "urgency", "slugline", "keywords_items", "keywords", "description_items"),
    *("description", "image", "image_items", "section", "rights", "byline", "contributors", "credit", "ednote"),
    *("status", "signals", "links", "embargo", "published", "place_codes", "place_types", "language"),
    *("converted", "headline", "text"),
]


# --- the measurement --------------------------------------------------------------------------


@dataclass
class Tally:
    """One row's counts: source units carrying the field, how many newsreport keeps, the peers'."""

    carrying: int = 0
    kept: int = 0
    units: int = 0
    """Items carrying a field counted in codes or places (else the same as `carrying`)."""
    misses: list[str] = field(default_factory=list)
    peers: dict[str, int] = field(default_factory=dict)
    elsewhere: dict[str, int] = field(default_factory=dict)
    """Pages where a peer finds the field though the page's JSON-LD does not carry it."""

    def count(self, carried: bool, kept: bool, where: str) -> None:
        if carried:
            self.carrying += 1
            self.kept += kept
            if not kept:
                self.misses.append(where)


@dataclass
class Coverage:
    tallies: dict[str, Tally] = field(default_factory=lambda: {key: Tally() for key in ORDER})
    read: dict[str, int] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quirks: dict[str, int] = field(default_factory=dict)
    no_items: set[str] = field(default_factory=set)
    """The NewsML-G2 files holding no newsItem (a conceptItem, a packageItem, an empty message)."""


def read_reports(path: Path, coverage: Coverage) -> tuple[list[NewsReport], bool]:
    """The reports newsreport reads from a file, and whether it read it all; a refusal or a crash
    is recorded, and the reports read before it kept. A newsreport that does not even import
    (a reader half rewritten) keeps nothing and says so once."""
    try:
        from newsreport import NewsReportError, read_all
    except Exception:
        if not coverage.tracebacks:
            coverage.tracebacks.append(f"newsreport does not import:\n{traceback.format_exc(limit=-4)}")
        return [], False
    reports: list[NewsReport] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reports.extend(read_all(path))
        except NewsReportError as exc:
            coverage.refused.append(f"{path.name}: {exc}".replace(f"{path}: ", ""))
            return reports, False
        except Exception:
            coverage.tracebacks.append(f"{path.name}:\n{traceback.format_exc(limit=-4)}")
            return reports, False
    return reports, True


def measure_items(folder: Path, coverage: Coverage) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    files = items_seen = withheld = withheld_kept = 0
    for path in sorted(folder.glob("*.xml")):
        files += 1
        items = news_items(etree.parse(str(path), parser).getroot())
        if not items:
            coverage.no_items.add(path.name)
        reports, whole = read_reports(path, coverage)
        if whole and len(reports) != len(items):
            coverage.notes.append(f"{path.name}: {len(items)} newsItems, {len(reports)} reports")
        for number, item in enumerate(items):
            items_seen += 1
            report = reports[number] if number < len(reports) else None
            where = f"{path.name}#{number + 1}" if len(items) > 1 else path.name
            for key, row in ITEM_FIELDS.items():
                carried = row.carried(item)
                coverage.tallies[key].count(
                    bool(carried), bool(carried) and report is not None and row.kept(report, carried, item), where
                )
            count_places(item, report, coverage, where)
            if "withheld" in " ".join(coded(item, "itemMeta/pubStatus")):
                withheld += 1
                withheld_kept += report is not None and report.status == "withheld"
    coverage.read["newsml"] = files
    coverage.read["items"] = items_seen
    if withheld:
        coverage.notes.append(f"{withheld} item(s) with pubStatus withheld; {withheld_kept} read as withheld")


def count_places(item: Element, report: NewsReport | None, coverage: Coverage, where: str) -> None:
    """Place codes and typed places, counted one by one (and the items that carry any)."""
    source = places(item)
    codes = [c for p in source for c in place_codes(p)]
    kept = kept_places(report) if report is not None else []
    have = {i.value for p in kept for i in p.identifiers} | {
        f"{i.scheme}:{i.value}" for p in kept for i in p.identifiers
    }
    typed = [(names, kind) for p in source if (kind := place_type(p)) and (names := place_names(p))]
    read_as: dict[str, set[str]] = {}  # a name may be two places: Berlin the city and the Land
    for place in kept:
        for name in (place.name, *(n.text for n in place.other_names)):
            read_as.setdefault(name.casefold(), set()).add(place.place_type)
    for key, carried, kept_n in (
        ("place_codes", len(codes), sum(c in have or c.partition(":")[2] in have for c in codes)),
        ("place_types", len(typed), sum(any(kind in read_as.get(n, ()) for n in names) for names, kind in typed)),
    ):
        tally = coverage.tallies[key]
        tally.carrying += carried
        tally.kept += kept_n
        tally.units += carried > 0
        if kept_n < carried:
            tally.misses.append(f"{where} ({carried - kept_n})")


def measure_pages(folder: Path, coverage: Coverage, peers: dict[str, dict[str, Found]]) -> None:
    files = 0
    for path in sorted([*folder.glob("*.html"), *folder.glob("*.htm")]):
        files += 1
        page = page_source(path)
        reports, _ = read_reports(path, coverage)
        report = reports[0] if reports else None
        ours = report_found(report) if report is not None else None
        for key, row in PAGE_FIELDS.items():
            carried = row.carried(page)
            tally = coverage.tallies[key]
            tally.count(carried, carried and ours is not None and judged(row, page, ours), path.name)
            for peer in row.peers if peers else ():
                theirs = peers.get(path.name, {}).get(peer)
                if theirs is None:
                    continue
                if carried:
                    tally.peers[peer] = tally.peers.get(peer, 0) + judged(row, page, theirs)
                elif key not in ("headline", "text") and theirs[row.key]:
                    tally.elsewhere[peer] = tally.elsewhere.get(peer, 0) + 1
        if report is not None:
            count_quirks(page, report, coverage.quirks)
        if page.broken and not page.node:
            coverage.notes.append(f"{path.name}: no Article found; {page.broken} JSON-LD block(s) broken past leniency")
    coverage.read["pages"] = files


def judged(row: PageField, page: Page, found: Found) -> bool:
    """Whether `found` keeps the row's field of the page's article, or of another article of the
    page that carries it (a page may hold two NewsArticles, and a reader takes one)."""
    options = [page.found, *(other for other in page.others if other[row.key] and row.key != "headline")]
    return any(row.kept(option, found) for option in options)


MARKUP = re.compile(r"&(#[0-9]+|#x[0-9a-f]+|[a-z]{2,8});|</?(p|br|a|b|i|em|strong|span|div)\b[^>]*>", re.I)
"""An HTML entity or tag left in a text."""


def count_quirks(page: Page, report: NewsReport, quirks: dict[str, int]) -> None:
    """The issue's smaller losses on pages: markup left in texts, times of day cut off."""
    tallies = {
        "page headlines keeping HTML entities or tags": bool(MARKUP.search(report.headline.text)),
        "page bodies keeping HTML entities or tags": report.body is not None and bool(MARKUP.search(report.body.text)),
        "pages whose keywords, descriptions or sections keep HTML entities or tags": any(
            MARKUP.search(t) for t in (*report.keywords, *(w.text for w in report.descriptions), *report.sections)
        ),
    }
    if re.search(r"\d[T ]\d{1,2}:\d{2}", string_of(page.node.get("datePublished"))):
        tallies["pages with a datePublished time of day"] = True
        tallies["... of which the time is kept"] = isinstance(report.published, datetime)
    for name, found in tallies.items():
        quirks[name] = quirks.get(name, 0) + found


# --- the peers, run in their own venv ---------------------------------------------------------


def peer_answers(folder: Path) -> None:
    """Run in the peers' venv: what extruct and trafilatura find on each page, as JSON on stdout."""
    import extruct  # type: ignore[import-not-found,unused-ignore]
    import trafilatura  # type: ignore[import-not-found,unused-ignore]

    answers: dict[str, dict[str, Found]] = {}
    for path in sorted([*folder.glob("*.html"), *folder.glob("*.htm")]):
        data = path.read_bytes()
        answers[path.name] = {}
        try:
            found = extruct.extract(data, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore")
            everything = [n for syntax in found.values() for n in nodes(syntax)]
            answers[path.name]["extruct"] = node_found(article(everything) or {}, "", id_index(everything))
        except Exception as exc:
            print(f"extruct, {path.name}: {exc!r}", file=sys.stderr)
        try:
            doc: Any = trafilatura.bare_extraction(data, with_metadata=True)
            got: dict[str, Any] = (doc.as_dict() if hasattr(doc, "as_dict") else doc) or {}
            answers[path.name]["trafilatura"] = {
                "converted": bool(got.get("title") or got.get("text")),
                "headline": got.get("title") or "",
                "keywords": strings(got.get("tags")),
                "descriptions": strings(got.get("description")),
                "images": strings(got.get("image")),
                "sections": strings(got.get("categories")),
                "languages": [],
                "text": (got.get("text") or "")[: MIN_TEXT * 2],
            }
        except Exception as exc:
            print(f"trafilatura, {path.name}: {exc!r}", file=sys.stderr)
    json.dump(answers, sys.stdout)


def start_peers(python: str, folder: Path) -> subprocess.Popen[str]:
    command = [python, str(Path(__file__).resolve()), "--peer-answers", str(folder)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# --- the table --------------------------------------------------------------------------------


def share(kept: int, carrying: int) -> str:
    return f"{kept} ({100 * kept / carrying:.0f}%)" if carrying else "—"


def table(coverage: Coverage, peers_run: bool) -> list[str]:
    lines = [
        "| what the source carries | files carrying | kept by newsreport | extruct | trafilatura (pages only) |",
        "|---|---:|---:|---:|---:|",
    ]
    for key in ORDER:
        tally = coverage.tallies[key]
        if key in ("place_codes", "place_types"):
            label = (
                "place identifiers (`sameAs` codes)"
                if key == "place_codes"
                else "place types (as the source gives them)"
            )
            unit = "codes" if key == "place_codes" else "places"
            carrying = f"{tally.carrying} {unit} in {tally.units} items"
            cells = ["—", "—"]
        elif key in ITEM_FIELDS:
            label, carrying, cells = ITEM_FIELDS[key].label, f"{tally.carrying} items", ["—", "—"]
        else:
            row = PAGE_FIELDS[key]
            label, carrying = row.label, f"{tally.carrying} pages"
            cells = [peer_cell(tally, peer) if peer in row.peers else "—" for peer in ("extruct", "trafilatura")]
            cells = cells if peers_run else ["not run" if c != "—" else c for c in cells]
        lines.append(f"| {label} | {carrying} | {share(tally.kept, tally.carrying)} | {cells[0]} | {cells[1]} |")
    return lines


def peer_cell(tally: Tally, peer: str) -> str:
    more = tally.elsewhere.get(peer, 0)
    return share(tally.peers.get(peer, 0), tally.carrying) + (f" +{more} elsewhere" if more else "")


def offline() -> None:
    """Make any attempt to open a connection fail, in this process and the peers' (which inherit
    nothing, so they call it too): no reader, no peer may fetch a JSON-LD context or a page."""

    def refuse(*_: object, **__: object) -> None:
        raise OSError("corpus_coverage runs offline")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    parser.add_argument("--peers", help="a Python with extruct and trafilatura (a venv outside the project)")
    parser.add_argument("--verbose", action="store_true", help="name the files each row misses")
    parser.add_argument("--peer-answers", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    offline()
    if args.peer_answers:
        peer_answers(args.peer_answers)
        return 0
    corpus = args.shared / "corpus"
    if not corpus.is_dir():
        print(f"no corpus at {corpus} (give --shared)", file=sys.stderr)
        return 2
    running = start_peers(args.peers, corpus / "html") if args.peers else None
    coverage = Coverage()
    measure_items(corpus / "newsml-g2", coverage)
    peers: dict[str, dict[str, Found]] = {}
    if running is not None:
        out, err = running.communicate(timeout=1200)
        if running.returncode:
            print(f"the peers failed (exit {running.returncode}):\n{err}", file=sys.stderr)
        else:
            peers = json.loads(out)
            coverage.notes += [f"peer: {line}" for line in err.splitlines() if line.startswith(("extruct,", "traf"))]
    measure_pages(corpus / "html", coverage, peers)
    print_coverage(coverage, bool(peers), args.verbose)
    return 0


def print_coverage(coverage: Coverage, peers_run: bool, verbose: bool) -> None:
    """The table, then the crashes, the refusals (those of files holding no newsItem counted, not
    listed), the notes and, if `verbose`, the files each row misses."""
    read = coverage.read
    print(f"{read['newsml']} NewsML-G2 files ({read['items']} newsItems), {read['pages']} pages\n")
    print("\n".join(table(coverage, peers_run)))
    print(f"\ntracebacks: {len(coverage.tracebacks)}; files refused (NewsReportError): {len(coverage.refused)}")
    not_news = [line for line in coverage.refused if line.partition(":")[0] in coverage.no_items]
    if not_news:
        print(f"- {len(not_news)} refused hold no newsItem (conceptItems, packageItems)")
    quirks = [f"{name}: {n}" for name, n in coverage.quirks.items()]
    others = [line for line in coverage.refused if line not in not_news]
    for line in [*coverage.tracebacks, *others, *coverage.notes, *quirks]:
        print(f"- {line}")
    for key in ORDER if verbose else ():
        misses = coverage.tallies[key].misses
        if misses:
            more = f" and {len(misses) - 12} more" if len(misses) > 12 else ""
            print(f"\n{key}: not kept in {len(misses)}: {', '.join(misses[:12])}{more}")


if __name__ == "__main__":
    sys.exit(main())
