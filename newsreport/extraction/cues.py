"""Reporting words (cues): `said`, `told`, `pointed to`, `according to`, belief and evidence verbs.

Each word of a paragraph that is the first word of a form in `lexicons/cues.tsv` is looked up in
one dict as the words are read, then the longest form going on from it wins (`pointed to` over
`pointed`), case-sensitively (a cue is lower case inside a sentence; `According to` and a few
inverted openers, `Said Trump:`, are the capitalised forms, and `Post` in `The Washington Post` is
not `post`). A form that is also a common noun (`report`, `claims`) is no cue right after a
determiner (`the report`, `his call`), and otherwise a cue only after a likely subject (a pronoun,
a name, a plural, an adverb), unless it is an evidence verb (`the poll shows`) or a quotation
follows it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsreport.extraction.lexicon import read_lexicon

_LEXICON = {row["form"]: (row["lemma"], row["kind"]) for row in read_lexicon("cues.tsv")}
_ALSO_NOUNS = frozenset(row["form"] for row in read_lexicon("cues.tsv") if row["noun"] == "yes")
_INVERTED_OPENERS = ("said", "says", "added", "asked", "wrote", "tweeted", "explained", "noted")
"""Cues that may open a sentence capitalised, before their source (`Said Trump: "..."`)."""
_PHRASES: dict[str, list[tuple[str, str]]] = {}
"""First word of each form → (the words after it, the form), longest first (`pointed to` before `pointed`)."""
for _form in sorted((form for form in _LEXICON if form[0].isalpha()), key=len, reverse=True):
    _first, _, _rest = _form.partition(" ")
    _PHRASES.setdefault(_first, []).append((" " + _rest if _rest else "", _form))
_PHRASES["According"] = [(" to", "according to")]
for _form in _INVERTED_OPENERS:
    _PHRASES[_form.capitalize()] = [("", _form)]
_WORD = re.compile(r"[a-z]+|[A-Z][a-z]+")
"""A first word standing as a word of its own (not joined to letters, digits, apostrophes or
hyphens) is one of these runs, whole."""
_JOINERS = frozenset("’'-_")
_QUOTE_NEXT = re.compile(r"\s*[,:]\s*[“\"‘']")
_DETERMINER = re.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|every|each|no|any|some|"
    r"The|A|An|This|His|Her|Its|Their|Our)|’s|'s)\s+$"
)
_VERB_SUBJECT = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou|[Ii]t|who|which|that|[A-Z][\w’'.-]*|\w+s|\w+ly|also|still|now|never|often)|[”\"']),?\s+$"
)


class Cue(NamedTuple):
    """A reporting word or phrase and what kind of attribution it signals."""

    start: int
    end: int
    lemma: str
    kind: str
    """`speech`, `belief`, `evidence`, `attitude` (a stance: `endorsed`), `nominal` (`according to`),
    `punctuation` or `quote` (only next to a quotation)."""


def find_cues(text: str, start: int, end: int) -> tuple[Cue, ...]:
    """The cues of `text[start:end]`, in order."""
    cues = []
    for word in _WORD.finditer(text, start, end):
        phrases = _PHRASES.get(word.group())
        if phrases is None:
            continue
        position, word_end = word.span()
        if not _joined_before(text, position) and not _joined(text, word_end):
            single = phrases[0][1] if len(phrases) == 1 and not phrases[0][0] else None
            cue = _cue(text, start, position, word_end, single or _longest(text, word_end, phrases))
            if cue is not None:
                cues.append(cue)
    return tuple(cues)


def _longest(text: str, word_end: int, phrases: list[tuple[str, str]]) -> str:
    """The longest form that goes on from a first word ending at `word_end`, else `""`. A form of one
    word comes last, and the caller knows that word is not joined to the next."""
    for rest, form in phrases:
        if not rest or (text.startswith(rest, word_end) and not _joined(text, word_end + len(rest))):
            return form
    return ""


def _cue(text: str, start: int, position: int, word_end: int, form: str) -> Cue | None:
    """The cue of `form` standing at `position`, unless it is a noun there."""
    if not form or (form != "according to" and _noun(text, start, position, form)):
        return None
    lemma, kind = _LEXICON[form]
    return Cue(position, position + len(form), lemma, kind)


def _joined_before(text: str, position: int) -> bool:
    return position > 0 and (text[position - 1].isalnum() or text[position - 1] in _JOINERS)


def _joined(text: str, position: int) -> bool:
    """Whether the word goes on at `position` (`said` in `said-so`, `reports` in `reports’`)."""
    return position < len(text) and (text[position].isalnum() or text[position] in _JOINERS)


def _noun(text: str, start: int, cue: int, form: str) -> bool:
    """`the report`, `his call`, `infrastructure projects`: the form is a noun here."""
    if form not in _ALSO_NOUNS:
        return False  # `a message that said`: a verb whatever stands before it
    if _DETERMINER.search(text, max(start, cue - 8), cue) is not None:
        return True  # `in an email: "..."`
    if _QUOTE_NEXT.match(text, cue + len(form)) or _LEXICON[form][1] == "evidence":
        return False  # `went on to state, "..."`, `the poll shows`
    return _VERB_SUBJECT.search(text, max(start, cue - 30), cue) is None
