"""Reporting words (cues): `said`, `told`, `pointed to`, `according to`, belief and evidence verbs.

One compiled alternation of every form in `lexicons/cues.tsv`, longest first, matched as whole
words and case-sensitively (a cue is lower case inside a sentence; `According to` is the one
capitalised form, and `Post` in `The Washington Post` is not `post`). A form right after a
determiner (`the report`, `his call`) is a noun and is no cue; a form that is also a common noun
(`plan`, `claims`) is a cue only after a likely subject (a pronoun, a name, a plural, an adverb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreport.extract.lexicon import read_lexicon

_LEXICON = {row["form"]: (row["lemma"], row["kind"]) for row in read_lexicon("cues.tsv")}
_ALSO_NOUNS = frozenset(row["form"] for row in read_lexicon("cues.tsv") if row["noun"] == "yes")
_WORD_FORMS = sorted([*(form for form in _LEXICON if form[0].isalpha()), "According to"], key=len, reverse=True)
_CUE = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(form) for form in _WORD_FORMS) + r")(?![\w’-])")
_DETERMINER = re.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|every|each|no|any|some|"
    r"The|A|An|This|His|Her|Its|Their|Our)|’s|'s)\s+$"
)
_VERB_SUBJECT = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou|[Ii]t|who|[A-Z][\w’'.-]*|\w+s|\w+ly|also|still|now|never|often)|[”\"']),?\s+$"
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting word or phrase and what kind of attribution it signals."""

    start: int
    end: int
    lemma: str
    kind: str
    """`speech`, `belief`, `evidence`, `nominal` (`according to`) or `quote` (only next to a quotation)."""


def find_cues(text: str, start: int, end: int) -> tuple[Cue, ...]:
    """The cues of `text[start:end]`, in order."""
    cues = []
    for match in _CUE.finditer(text, start, end):
        form = match.group()
        if form == "According to":
            form = "according to"
        elif _DETERMINER.search(text, max(start, match.start() - 8), match.start()) or (
            form in _ALSO_NOUNS and not _VERB_SUBJECT.search(text, max(start, match.start() - 30), match.start())
        ):
            continue
        lemma, kind = _LEXICON[form]
        cues.append(Cue(match.start(), match.end(), lemma, kind))
    return tuple(cues)
