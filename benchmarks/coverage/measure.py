"""The measurement: each file of the corpus read from its source and by newsreport (public API,
one report per newsItem), counted row by row, the peers' answers judged alongside."""

from __future__ import annotations

import re
import traceback
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from .kept import ITEM_FIELDS, ORDER, PAGE_FIELDS, PageField, kept_places, report_found
from .newsml import Element, coded, news_items, place_codes, place_names, place_type, places
from .pages import Found, Page, page_source, string_of

if TYPE_CHECKING:
    from newsreport import NewsReport


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
