"""`extract_into` on a report that lists its participants already: the draft fits to them."""

from __future__ import annotations

from newsreport import NewsReport, extract_into

BODY = 'Chancellor Olaf Scholz met Emmanuel Macron in Berlin.\n\n"We agree," Scholz said.'


def _item(**parts: object) -> NewsReport:
    return NewsReport.model_validate(
        {"id": "urn:example:item", "headline": {"text": "Scholz and Macron"}, "body": {"text": BODY}} | parts
    )


def test_a_drafted_participant_named_as_the_item_names_it_is_the_items_own() -> None:
    item = _item(participants=[{"id": "p1", "kind": "person", "name": "Olaf Scholz"}])
    draft = extract_into(item)
    scholz = [p for p in draft.participants if p.name == "Olaf Scholz"]
    assert [p.id for p in scholz] == ["p1"]
    assert [BODY[m.start : m.end] for m in scholz[0].mentions] == ["Olaf Scholz", "Scholz"]
    (quote,) = [s for s in draft.statements if s.kind == "direct"]
    assert quote.speakers == ("p1",)
    assert any(p.name == "Emmanuel Macron" for p in draft.participants)


def test_a_drafted_id_the_item_uses_for_another_participant_is_renamed() -> None:
    drafted_alone = extract_into(_item())
    taken = next(p.id for p in drafted_alone.participants if p.name == "Olaf Scholz")
    item = _item(participants=[{"id": taken, "kind": "organization", "name": "Scholz GmbH"}])
    draft = extract_into(item)
    person = next(p for p in draft.participants if p.name == "Olaf Scholz")
    assert person.id == f"{taken}-2"
    (quote,) = [s for s in draft.statements if s.kind == "direct"]
    assert quote.speakers == (person.id,)
    assert next(p for p in draft.participants if p.id == taken).name == "Scholz GmbH"


def test_the_items_event_stays() -> None:
    event = {"id": "summit", "kind": "summit", "name": "The Berlin summit"}
    draft = extract_into(_item(event=event))
    assert draft.event is not None and draft.event.model_dump(exclude_defaults=True) == event


def test_a_report_with_statements_is_left_as_it_is() -> None:
    item = extract_into(_item())
    assert item.statements and extract_into(item) is item


def test_a_draft_is_not_drafted_again() -> None:
    """A text with no statement drafts into a report that `--extract` must not draft twice."""
    draft = extract_into(_item(body={"text": "The bridge was closed on Monday."}, published="2025-02-05"))
    assert draft.drafted_by is not None and not draft.statements and draft.referenced_events
    assert extract_into(draft) is draft
