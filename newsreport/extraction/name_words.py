"""The word lists that tell names, titles and roles apart, read once from `lexicons/`."""

from __future__ import annotations

from newsreport.extraction.lexicon import read_lexicon

_TITLES = read_lexicon("titles.tsv")
OFFICES = frozenset(row["word"] for row in _TITLES if row["kind"] == "office")
"""Titles of office as printed before a name (`Speaker`, `Sen.`, `Secretary of State`)."""
OFFICES_LOWER = frozenset(word.lower() for word in OFFICES)
MODIFIERS = frozenset(row["word"].lower() for row in _TITLES if row["kind"] == "modifier")
"""Words a title may open with (`presidential`, `deputy`, `Democratic`), lower-cased."""
GENERIC = frozenset(row["word"] for row in _TITLES if row["kind"] == "generic")
"""Nouns that stand for a person without being a title (`official`, `counterpart`)."""
HONORIFICS = {row["word"]: (row["kind"], row["gender"]) for row in read_lexicon("honorifics.tsv")}
"""Honorific → (`courtesy` or `rank`, gender `m`, `f` or empty)."""
_ORGANIZATION_WORDS = read_lexicon("organization_words.tsv")
ORGANIZATION_WORDS = frozenset(row["word"] for row in _ORGANIZATION_WORDS)
"""Capitalised nouns that end an organization's name (`Front`, `Committee`)."""
ORGANIZATION_NOUNS = frozenset(row["word"].lower() for row in _ORGANIZATION_WORDS if row["after_demonym"] == "yes")
"""Lower-case nouns that, after a demonym, name that country's organization (`Iraqi government`)."""
ORGANIZATIONS = frozenset(row["name"] for row in read_lexicon("organizations.tsv"))
"""Organizations known by a name without an organization noun (`FBI`, `White House`)."""
_THINGS = read_lexicon("thing_words.tsv")
THINGS = frozenset(row["word"] for row in _THINGS if row["where"] == "any")
"""Words that make a capitalised run the name of a thing, not a person (`Act`, `Street`)."""
PLACE_OPENERS = frozenset(row["word"] for row in _THINGS if row["where"] == "first")
"""Words that open place names, not persons' (`San`, `Fort`)."""
NOT_LAST_NAMES = frozenset(
    [row["word"] for row in read_lexicon("stopwords.tsv")] + [row["word"] for row in read_lexicon("weekdays.tsv")]
)
"""Capitalised words that end no name (`The`, `But`, `Monday`)."""
NOT_NAMES = NOT_LAST_NAMES | {row["word"] for row in read_lexicon("months.tsv")}
"""Capitalised words that start no name: those and the months (a surname may be one: Theresa May)."""
PRONOUNS = {row["word"]: (row["gender"], row["number"]) for row in read_lexicon("pronouns.tsv")}
"""Pronoun → (gender `m`, `f` or empty, `singular` or `plural`)."""
GIVEN_NAMES = {row["name"]: row["gender"] for row in read_lexicon("given_names.tsv")}
"""Common given names → the gender they usually tell (`m`, `f`)."""
