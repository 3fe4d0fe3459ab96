"""Who speaks in each attribution: the words of its source resolved to participants.

In order: the persons named in the source (`Qalibaf`), the person a role in it stands for (`The
Iranian parliament speaker`), a pronoun's person, the organizations, then the places it names
(`Iran and Iraq` reaffirmed...), then a bare office (`the spokesman`) as the last person referred
to who holds it. A pronoun (`he`, `she`) is the person referred to last before it, outside
quotations, whose gender does not contradict it (`Mr.`/`Mrs.`, or an earlier `he`/`she`); `I` and
a plural `they` or `we` are the previous attribution's speakers. An attribution without a source
that `follows` another shares its speakers.
"""

from __future__ import annotations

from collections.abc import Callable

from newsreport.extract.cast import CastIndex, PersonDraft
from newsreport.extract.found import Attribution, Stretch
from newsreport.extract.name_words import OFFICES_LOWER, PRONOUNS
from newsreport.extract.roles import is_demonym


def find_speakers(text: str, attributions: tuple[Attribution, ...], index: CastIndex) -> tuple[tuple[str, ...], ...]:
    """For each attribution, in order, the ids of its speakers (empty when unresolved)."""
    quoted = [a.content for a in attributions if a.kind != "indirect"]
    speakers: list[tuple[str, ...]] = []
    for attribution in attributions:
        if attribution.source is None:
            follows = attribution.follows
            speakers.append(speakers[follows] if follows is not None and 0 <= follows < len(speakers) else ())
        else:
            previous = speakers[-1] if speakers else ()
            speakers.append(_resolved(text, attribution.source, index, quoted, previous))
    return tuple(speakers)


def _resolved(
    text: str, source: Stretch, index: CastIndex, quoted: list[Stretch], previous: tuple[str, ...]
) -> tuple[str, ...]:
    start, end = source
    named = [person.id for person in index.persons if person.id and any(_overlap(m, source) for m in person.mentions)]
    if named:
        return tuple(dict.fromkeys(named))
    stood_for = [person.id for span, person in index.roles if _overlap(span, source)]
    if stood_for:
        return tuple(dict.fromkeys(stood_for))
    words = text[start:end].split()
    if len(words) == 1 and (words[0] in PRONOUNS or words[0].lower() in PRONOUNS):
        return _pronoun(words[0], start, index, quoted, previous)
    organizations = [o.id for o in index.organizations.values() if any(_overlap(m, source) for m in o.mentions)]
    if organizations:
        return tuple(organizations)
    places = [
        place.id
        for place in index.places.values()
        if any(_overlap(m, source) and not is_demonym(text[m[0] : m[1]]) for m in place.mentions)
    ]
    if places:
        return tuple(places)
    if words and words[-1].lower() in OFFICES_LOWER:
        holder = _last(index, start, quoted, lambda person: words[-1].lower() in person.offices())
        return (holder.id,) if holder else ()
    return ()


def _pronoun(
    word: str, start: int, index: CastIndex, quoted: list[Stretch], previous: tuple[str, ...]
) -> tuple[str, ...]:
    gender, number = PRONOUNS.get(word) or PRONOUNS[word.lower()]
    if word == "I":
        return previous
    if number == "plural":  # a group: the previous speakers if they were several, or not persons
        return previous if len(previous) > 1 or not _all_persons(previous, index) else ()
    if not gender:
        return ()
    person = _last(index, start, quoted, lambda person: person.gender in ("", gender))
    if person is None:
        return ()
    person.gender = gender
    return (person.id,)


def _last(
    index: CastIndex, position: int, quoted: list[Stretch], fits: Callable[[PersonDraft], bool]
) -> PersonDraft | None:
    """The fitting person referred to last before `position`, outside quotations."""
    best: tuple[int, PersonDraft] | None = None
    for person in index.persons:
        if not person.id or not fits(person):
            continue
        for reference in person.references:
            outside = reference < position and not any(q[0] <= reference < q[1] for q in quoted)
            if outside and (best is None or reference > best[0]):
                best = (reference, person)
    return best[1] if best else None


def _all_persons(ids: tuple[str, ...], index: CastIndex) -> bool:
    persons = {person.id for person in index.persons}
    return bool(ids) and all(id_ in persons for id_ in ids)


def _overlap(a: Stretch, b: Stretch) -> bool:
    return a[0] < b[1] and b[0] < a[1]
