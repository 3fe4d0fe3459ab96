"""Who speaks in each attribution: the words of its source resolved to participants.

In order: the persons named in the source (`Qalibaf`), the person a role in it stands for (`The
Iranian parliament speaker`), a pronoun's person, the organizations, then the places it names
(`Iran and Iraq` reaffirmed...), then a bare office (`the spokesman`) as the last person referred
to who holds it. A pronoun (`he`, `she`) whose gender fits (`Mr.`/`Mrs.`, a common given name, an
earlier `he`/`she`) is the person who opens a sentence between the previous attribution and it,
else the previous attribution's speaker, else the person referred to last before it, outside
quotations (`"...," said Obama, referring to Clinton. "...," he added.` is Obama's); `I` and a
plural `they` or `we` are the previous attribution's speakers. An attribution without a source
that `follows` another shares its speakers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import cached_property

from newsreport.extraction.cast import CastIndex, PersonDraft
from newsreport.extraction.found import Attribution, Stretch
from newsreport.extraction.name_words import OFFICES_LOWER, PRONOUNS
from newsreport.extraction.names import opens_sentence
from newsreport.extraction.roles import is_demonym

_AND = " and "
_LONGEST = 120
"""No mention is longer: how far before a source a mention overlapping it may start."""


class _Spans:
    """Mentions sorted by start, for the ones overlapping a source."""

    def __init__(self, spans: Iterable[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self.starts = [span[0] for span in self.spans]

    def ids(self, source: Stretch) -> tuple[str, ...]:
        start, end = source
        first = bisect_left(self.starts, start - _LONGEST)
        last = bisect_left(self.starts, end)
        return tuple(dict.fromkeys(id_ for s, e, id_ in self.spans[first:last] if e > start))

    def ending_at(self, position: int) -> str | None:
        """The id of the mention that ends at `position`, if one does."""
        first = bisect_left(self.starts, position - _LONGEST)
        last = bisect_left(self.starts, position)
        return next((id_ for _, e, id_ in reversed(self.spans[first:last]) if e == position), None)


def find_speakers(text: str, attributions: tuple[Attribution, ...], index: CastIndex) -> tuple[tuple[str, ...], ...]:
    """For each attribution, in order, the ids of its speakers (empty when unresolved)."""
    quoted = sorted(a.content for a in attributions if a.kind != "indirect")
    lookup = _Lookup(text, index, quoted)
    speakers: list[tuple[str, ...]] = []
    after = 0  # where the previous attribution ends
    for attribution in attributions:
        if attribution.source is None:
            follows = attribution.follows
            speakers.append(speakers[follows] if follows is not None and 0 <= follows < len(speakers) else ())
        else:
            speakers.append(lookup.resolved(attribution.source, speakers[-1] if speakers else (), after))
        after = max(end for _, end in (attribution.content, attribution.cue or (0, 0), attribution.source or (0, 0)))
    return tuple(speakers)


class _Lookup:
    def __init__(self, text: str, index: CastIndex, quoted: list[Stretch]) -> None:
        self.text = text
        persons = [person for person in index.persons if person.id]
        self.persons = _Spans((s, e, person.id) for person in persons for s, e in person.mentions)
        self.roles = _Spans((s, e, person.id) for (s, e), person in index.roles if person.id)
        self.organizations = _Spans((s, e, o.id) for o in index.organizations.values() for s, e in o.mentions)
        self.places = _Spans(
            (s, e, p.id) for p in index.places.values() for s, e in p.mentions if not is_demonym(text[s:e])
        )
        self.person_ids = {person.id for person in persons}
        self.by_id = {person.id: person for person in persons}
        self._persons = persons
        self._quoted = quoted

    @cached_property
    def references(self) -> list[tuple[PersonDraft, list[int]]]:
        """Each person's references outside quotations, worked out only for a source that needs
        them (a pronoun, a bare office): most attributions name their speaker."""
        return [(person, [r for r in person.references if not _inside(r, self._quoted)]) for person in self._persons]

    def resolved(self, source: Stretch, previous: tuple[str, ...], after: int) -> tuple[str, ...]:
        found = self.persons.ids(source) or self.roles.ids(source)
        if found:
            return found
        words = self.text[source[0] : source[1]].split()
        if len(words) == 1 and (words[0] in PRONOUNS or words[0].lower() in PRONOUNS):
            return self._pronoun(words[0], source[0], previous, after)
        for spans in (self.organizations, self.places):
            found = spans.ids(source)
            if found:
                return self._coordinated(spans, source[0], found)
        if not words or words[-1].lower() not in OFFICES_LOWER:
            return ()
        office = words[-1].lower()
        holder = self._last(source[0], lambda person, _: office in person.offices())
        return (holder.id,) if holder else ()

    def _coordinated(self, spans: _Spans, start: int, found: tuple[str, ...]) -> tuple[str, ...]:
        """With the names of the same kind joined to the source by `and` before it (`Iran and` for
        a source `Iraq`)."""
        before = self.text[max(0, start - len(_AND)) : start]
        earlier = spans.ending_at(start - len(_AND)) if before == _AND else None
        return (earlier, *found) if earlier and earlier not in found else found

    def _pronoun(self, word: str, start: int, previous: tuple[str, ...], after: int) -> tuple[str, ...]:
        gender, number = PRONOUNS.get(word) or PRONOUNS[word.lower()]
        if word == "I":
            return previous
        if number == "plural":  # a group: the previous speakers if they were several, or not persons
            several = len(previous) > 1 or any(id_ not in self.person_ids for id_ in previous)
            return previous if several else ()
        if not gender:
            return ()

        def fits(person: PersonDraft) -> bool:
            return person.gender in ("", gender)

        def opens_a_sentence(person: PersonDraft, reference: int) -> bool:
            return after <= reference and fits(person) and opens_sentence(self.text, reference)

        # a person who opens a sentence since the previous attribution, else its speaker, else the last named
        spoke = self.by_id.get(previous[0]) if len(previous) == 1 else None
        person = (
            self._last(start, opens_a_sentence)
            or (spoke if spoke and fits(spoke) else None)
            or self._last(start, lambda person, _: fits(person))
        )
        if person is None:
            return ()
        person.gender = gender
        return (person.id,)

    def _last(self, position: int, fits: Callable[[PersonDraft, int], bool]) -> PersonDraft | None:
        """The person referred to last before `position`, outside quotations, where that reference
        fits."""
        best: tuple[int, PersonDraft] | None = None
        for person, references in self.references:
            before = bisect_left(references, position)
            while before and not fits(person, references[before - 1]):
                before -= 1
            if before and (best is None or references[before - 1] > best[0]):
                best = (references[before - 1], person)
        return best[1] if best else None


def _inside(position: int, stretches: list[Stretch]) -> bool:
    """Whether `position` lies in one of `stretches` (sorted by start)."""
    i = bisect_left(stretches, (position + 1,)) - 1
    return any(start <= position < end for start, end in stretches[max(0, i - 3) : i + 1])
