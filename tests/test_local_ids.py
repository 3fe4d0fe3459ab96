"""Local ids made from the names in others' files: readable, unique, and keeping accented letters."""

from __future__ import annotations

import re

import pytest

from newsreport.converters.local_ids import LocalIds
from newsreport.model import LOCAL_ID_PATTERN


@pytest.mark.parametrize(
    ("name", "made"),
    [
        ("Österreich", "osterreich"),  # was "sterreich": the letter went with its accent
        ("Łódź", "lodz"),
        ("Straße der Nationen", "strasse-der-nationen"),
        ("محمد باقر قالیباف", "person"),  # no Latin letter: the fallback
        ("2025 Summit", "x-2025-summit"),
    ],
)
def test_an_id_keeps_the_letters_of_a_name(name: str, made: str) -> None:
    local_id = LocalIds().from_name(name, "person")
    assert local_id == made and re.fullmatch(LOCAL_ID_PATTERN, local_id)


def test_alike_names_get_numbered_ids() -> None:
    ids = LocalIds()
    assert [ids.from_name(n, "p") for n in ["Zürich", "Zurich", "ZÜRICH"]] == ["zurich", "zurich-2", "zurich-3"]
