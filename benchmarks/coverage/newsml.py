"""What a NewsML-G2 newsItem carries, measured on the source: XPath by local name (any
namespace, any prefix), never by asking newsreport."""

from __future__ import annotations

import re

from lxml import etree

NOT_TOPICS = {"cpnat:person", "cpnat:organisation", "cpnat:geoArea", "cpnat:poi", "cpnat:event"}
"""Subject types that are participants or events, not topics."""
PLACE_TYPES = {"cpnat:geoArea", "cpnat:poi"}
Element = etree._Element


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
