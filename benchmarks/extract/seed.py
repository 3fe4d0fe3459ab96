"""The extractor's draft of the seed article (`examples/article.txt`) against its hand key
(`examples/report.json`): statements, speakers, persons and titles, places, referenced events.

Matching, since the draft's ids are its own:
- a key statement is found by the draft statement of the same kind that overlaps it most, if
  that one covers at least half of the key's span and matched no earlier key statement;
- a draft participant stands for a key participant of the same kind when one of its mentions
  overlaps one of the key's, or its name is the key's name or one of its other names (letter
  case aside);
- a found statement has the right speakers when its speakers stand for exactly the key's;
- a referenced event is found by a draft one whose mentions overlap the key's, else with the same
  date value; its date is right when the value and the inferred parts are the key's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import newsreport
from benchmarks.extract.metric import overlap
from benchmarks.extract.score import Extract
from newsreport.model import NewsReport, Participant, ReferencedEvent, Statement

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PUBLISHED = date(2025, 2, 3)


@dataclass(frozen=True, slots=True)
class Row:
    figure: str
    value: str
    target: str


def seed_rows(extract: Extract) -> list[Row]:
    """The seed block's rows: the draft of `examples/article.txt` against `examples/report.json`."""
    text = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    key = newsreport.read(EXAMPLES / "report.json")
    try:
        draft = extract(text, published=PUBLISHED, language="en")
    except Exception as error:  # any bug of the extractor: said in the table, as for the split
        return [Row("seed: the extractor raised", f"{type(error).__name__}: {str(error)[:80]}", "")]
    if draft.body is None or draft.body.text != text:
        return [Row("seed: the draft's body.text is not the article's text", "not scored", "")]
    return compare(draft, key)


def compare(draft: NewsReport, key: NewsReport) -> list[Row]:
    pairs = matched_statements(draft.statements, key.statements)
    stands = standing(draft.participants, key.participants)
    rows = []
    targets = {"direct": ("all", "all"), "partial": ("all", "—"), "indirect": ("≥ 18 of 20", "—")}
    for kind, (target, who) in targets.items():
        keyed = [s for s in key.statements if s.kind == kind]
        found = [s for s in keyed if s.id in pairs]
        right = [s for s in found if speakers_right(pairs[s.id], s, stands)]
        rows.append(Row(f"seed: {kind} statements found", f"{len(found)} of {len(keyed)}", target))
        rows.append(Row(f"seed: {kind} found with the right speakers", f"{len(right)} of {len(found)}", who))
    persons = [p for p in key.participants if p.kind == "person"]
    found_persons = {p.id: [d for d in draft.participants if p.id in stands.get(d.id, ())] for p in persons}
    titled = [p for p in persons if any(titles_right(d, p) for d in found_persons[p.id])]
    rows.append(Row("seed: persons found", f"{sum(bool(v) for v in found_persons.values())} of {len(persons)}", "all"))
    rows.append(Row("seed: persons found with all their titles", f"{len(titled)} of {len(persons)}", "all"))
    places = [p for p in key.participants if p.kind == "place"]
    found_places = [p for p in places if any(p.id in ids for ids in stands.values())]
    rows.append(Row("seed: places found", f"{len(found_places)} of {len(places)}", "—"))
    events = key.referenced_events
    found_events = {e.id: matched_event(e, draft.referenced_events) for e in events}
    dated = [e for e in events if date_right(found_events[e.id], e)]
    n_found = sum(bool(v) for v in found_events.values())
    rows.append(Row("seed: referenced events found", f"{n_found} of {len(events)}", "all"))
    rows.append(Row("seed: referenced events with the right date", f"{len(dated)} of {len(events)}", "all"))
    return rows


def matched_statements(drafted: Sequence[Statement], keyed: Sequence[Statement]) -> dict[str, Statement]:
    """Key statement id → the draft statement that finds it."""
    used: set[str] = set()
    pairs: dict[str, Statement] = {}
    for statement in keyed:
        span = [(statement.span.start, statement.span.end)]
        candidates = [d for d in drafted if d.kind == statement.kind and d.id not in used]
        shared, best = max(
            ((overlap(span, [(d.span.start, d.span.end)]), d) for d in candidates),
            key=lambda pair: pair[0],
            default=(0, None),
        )
        if best is not None and 2 * shared >= statement.span.end - statement.span.start > 0:
            pairs[statement.id] = best
            used.add(best.id)
    return pairs


def standing(drafted: Sequence[Participant], keyed: Sequence[Participant]) -> dict[str, set[str]]:
    """Draft participant id → the ids of the key participants it stands for."""
    return {d.id: {k.id for k in keyed if stands_for(d, k)} for d in drafted}


def stands_for(drafted: Participant, keyed: Participant) -> bool:
    if drafted.kind != keyed.kind:
        return False
    spans = [(m.start, m.end) for m in keyed.mentions]
    if any(overlap([(m.start, m.end)], spans) for m in drafted.mentions):
        return True
    names = {keyed.name.casefold(), *(n.text.casefold() for n in keyed.other_names)}
    return drafted.name.casefold() in names


def speakers_right(drafted: Statement, keyed: Statement, stands: dict[str, set[str]]) -> bool:
    meant = [stands.get(speaker, set()) for speaker in drafted.speakers]
    return all(meant) and set().union(*meant) == set(keyed.speakers)


def titles_right(drafted: Participant, keyed: Participant) -> bool:
    printed = {t.text.casefold() for t in getattr(drafted, "titles", ())}
    return all(t.text.casefold() in printed for t in getattr(keyed, "titles", ()))


def matched_event(keyed: ReferencedEvent, drafted: Sequence[ReferencedEvent]) -> ReferencedEvent | None:
    spans = [(m.start, m.end) for m in keyed.mentions]
    for event in drafted:
        if any(overlap([(m.start, m.end)], spans) for m in event.mentions):
            return event
    value = keyed.date.value if keyed.date else None
    return next((e for e in drafted if e.date and e.date.value == value), None)


def date_right(drafted: ReferencedEvent | None, keyed: ReferencedEvent) -> bool:
    if drafted is None or drafted.date is None or keyed.date is None:
        return False
    return (drafted.date.value, drafted.date.inferred) == (keyed.date.value, keyed.date.inferred)
