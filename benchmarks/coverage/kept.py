"""What newsreport's reports keep, and the table's rows: for each field, what the source carries
(`newsml`, `pages`) and the test of whether a report (or a peer's answer) keeps it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .newsml import Element, coded, images, kids, paragraphs, rights, texts, times, topic_codes
from .pages import MIN_TEXT, Found, Page, given

if TYPE_CHECKING:
    from newsreport import NewsReport

MOJIBAKE = re.compile(
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u2122]"
    "|â€|Â[\u00a0-\u00bf]|[ÐÑ][\u0080-\u00bf]"
)
"""UTF-8 read as Latin-1 or windows-1252: `Ã©`, `â€™`, `Â `, Cyrillic `Ð¿`."""
TIME_FIELDS = {"firstCreated": "first_created", "contentCreated": "published", "versionCreated": "version_created"}


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
