"""The coverage printed: a Markdown table, then crashes, refusals, notes and smaller losses."""

from __future__ import annotations

from .kept import ITEM_FIELDS, ORDER, PAGE_FIELDS
from .measure import Coverage, Tally


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
