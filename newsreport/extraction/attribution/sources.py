"""The words naming the speaker next to a cue: the subject before it or the name after it.

No parser: a source is the run of words between the cue and the nearest clause boundary (a
comma, a conjunction, the sentence start), without the auxiliaries and adverbs that sit between
a subject and its verb (`he also said`, `Trump has repeatedly said`). An appositive between
commas (`Smith, a spokesman for X, said`) is stepped over to the name before it. After an
inverted cue (`" ... ," said Sen. Bernie Sanders (I-Vt.)`) the source runs to the next comma or
stop.
"""

from __future__ import annotations

import re

from newsreport.extraction.found import Stretch
from newsreport.extraction.lexicon import read_lexicon
from newsreport.extraction.sentences import is_abbreviation

_MAX_WORDS = 9
_REACH = 160
"""How far before a cue its subject may start, in characters (nine words and an appositive)."""
_WORD = re.compile(r"[^\s,;:()\[\]“”\"']+(?:'[^\s,;:()\[\]“”\"']+)*")
_ROLES = read_lexicon("source_words.tsv")
_BETWEEN = frozenset(row["word"] for row in _ROLES if row["role"] == "between")
_BOUNDARY = frozenset(row["word"] for row in _ROLES if row["role"] == "boundary")
_RELATIVE = frozenset(row["word"] for row in _ROLES if row["role"] == "relative")
_LEADING = frozenset(row["word"] for row in _ROLES if row["role"] == "leading")
_PRONOUNS = frozenset(row["word"] for row in _ROLES if row["role"] == "pronoun")
_PREPOSITIONS = frozenset(row["word"] for row in _ROLES if row["role"] == "preposition")
_MAX_WORDS_BEFORE_PREPOSITION = 5
_SUBJECT = re.compile(
    r"[\s\"”’']*((?:(?:[A-Z][\w’'.-]*|al-\w+|of|the)\s+)*[A-Z][\w’'.-]*|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)"
    r"(?:\s+(?:also\s+)?[a-z]|,|\s*\()"
)
_DETERMINED_SUBJECT = re.compile(r"[\s\"”’']*((?:The|A|An)(?:\s+[\w’'-]+){1,4}?)\s+(?:also\s+)?[a-z]+ed\b")
"""`The Republican candidate appeared to ...`: a noun phrase opening the sentence, up to its verb."""
_SUBORDINATE = re.compile(r"\s*(?:when|where|as|while|after|before|because|since|until|and|but)\s+")
_LOWER_SUBJECT = re.compile(
    r"\s*((?:[Tt]he|[Aa]n?|about \d[\d,]*|some|many|several|dozens of|hundreds of|\d[\d,]*)(?:\s+[\w’'-]+){1,5}?)"
    r"\s+(?:also\s+|had\s+|have\s+|has\s+)?[a-z]+ed\b"
)
"""`the band leader called`, `about 200 protesters congregated`: a noun phrase in lower case, up to
its -ed verb."""
_INFINITIVE_SUBJECT = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+(?:[a-z]+\s+){1,4}to\s+$")
_DETERMINERS = frozenset(["The", "A", "An", "This", "That", "These", "Those"])
_NAME_AT_END = re.compile(r"((?:[a-z]+\s+)?(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s*$")
_NAMED_SEGMENT = re.compile(
    r"(?:^|,\s*|\.\s+|\()((?:(?:[a-z]+\s+){0,2})(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),(?=[^,]*,)"
)
_AFTER_STOP = re.compile(r"[,;:!?—–―]|\.(?=\s|$)|\s(?:in|on|at|during|after|before|when|while|that|to|as)\s|\n")
_LAST_WORD = re.compile(r"([\w.]+)$")
_BRACKET_BEFORE = re.compile(r"\s*\([^()\s]+(?:\s[^()\s]+){0,2}(\))\s*$")
"""A short bracket right before a cue (`(D-Wis.)`, `(R)`), after a word."""


def source_before(text: str, floor: int, cue: int) -> Stretch | None:
    """The subject ending just before the cue at `cue`, not reaching before `floor`."""
    bracket = _BRACKET_BEFORE.search(text, max(floor, cue - 40), cue) if ")" in text[cue - 3 : cue] else None
    if bracket is not None and bracket.start() > floor:
        # `Rep. Gwen Moore (D-Wis.) said`: the name before the party, the party with it.
        named = source_before(text, floor, bracket.start())
        return (named[0], bracket.end(1)) if named is not None else None
    words = _words(text, max(floor, cue - _REACH), cue)
    verb = cue
    while words and (words[-1][2] in _BETWEEN or (words[-1][2].endswith("ly") and words[-1][2].islower())):
        verb = words.pop()[0]
    if words and "," in text[words[-1][1] : verb if verb == cue else cue]:
        # A comma right before the cue: step over an appositive `Smith, a spokesman, said`.
        return _before_appositive(text, floor, cue)
    if words and words[-1][2] == "that" and len(words) > 1:
        # `T-shirts appeared that said`: the relative pronoun is the source, as PolNeAR marks who and which.
        return (words[-1][0], words[-1][1])
    chosen: list[tuple[int, int, str]] = []
    for word in reversed(words):
        if word[2] in _BOUNDARY or len(chosen) >= _MAX_WORDS:
            break
        if word[2] in _PREPOSITIONS and (not chosen or len(chosen) > _MAX_WORDS_BEFORE_PREPOSITION):
            break
        chosen.insert(0, word)
        if word[2].lower() in _RELATIVE or word[2] in _PRONOUNS:
            break
        if text[word[0] - 1 : word[0]] in {",", ";", ":", "(", "“", '"'} or (
            word[0] > floor and text[word[0] - 2 : word[0]].strip() in {",", ";", ":", "—", "–"}
        ):
            break
    while chosen and chosen[0][2] in _LEADING and len(chosen) > 1:
        chosen.pop(0)
    if chosen and chosen[0][2] in _PREPOSITIONS:
        # `At the rally Trump said`: the phrase opening the sentence is no part of the speaker.
        run = len(chosen)
        while run > 1 and chosen[run - 1][2][0].isupper():
            run -= 1
        chosen = chosen[run:] if run < len(chosen) else []
    if not chosen or not _looks_like_source(chosen):
        return None
    return (chosen[0][0], chosen[-1][1])


def _before_appositive(text: str, floor: int, cue: int) -> Stretch | None:
    """`the nominee, Donald Trump, said`: the name between the commas; `Smith, a spokesman for the
    campaign, said`: the name before the appositive."""
    piece = text[floor:cue].rstrip(" ,")
    first = piece.rfind(",")
    if first < 0:
        return None
    inner = _words(text, floor + first + 1, floor + len(piece))
    if inner and inner[0][2][0].isupper() and len(inner) <= 4:
        return (inner[0][0], inner[-1][1])
    name = _NAMED_SEGMENT.search(text, floor, floor + first + 1)
    if name is not None:
        # `J.J. Goldberg, editor at large of The Forward, an influential newspaper, wrote`
        return name.span(1)
    words = _words(text, floor, floor + first)
    chosen: list[tuple[int, int, str]] = []
    for word in reversed(words):
        if word[2] in _BOUNDARY or len(chosen) >= 5 or (text[word[1] : word[1] + 1] == "," and chosen):
            break
        chosen.insert(0, word)
    while chosen and chosen[0][2] in _LEADING and len(chosen) > 1:
        chosen.pop(0)
    if not chosen or not (chosen[0][2][0].isupper() or chosen[0][2] in _PRONOUNS):
        return None
    return (chosen[0][0], chosen[-1][1])


def clause_subject(text: str, start: int, cue: int) -> Stretch | None:
    """The name or pronoun opening the sentence (or its clause after an opening phrase and comma)
    for a cue without a subject of its own: `Christie bristled at it, saying "..."`,
    `X welcomed the delegation and expressed ...`."""
    openings = [start]
    comma = text.find(",", start, cue)
    while comma >= 0:
        openings.append(comma + 1)
        comma = text.find(",", comma + 1, cue)
    for opening in reversed(openings):
        subject = _SUBJECT.match(text, opening, cue)
        if subject is None:
            continue
        words = subject.group(1).split()
        if words[0] not in _LEADING and words[0] not in _DETERMINERS and not words[-1].endswith("ing"):
            return subject.span(1)
    phrase = _DETERMINED_SUBJECT.match(text, start, cue)
    return phrase.span(1) if phrase is not None else None


def participle_subject(text: str, start: int, cue: int) -> Stretch | None:
    """The subject of the clause a participle cue hangs on (`where about 50 protesters had gathered,
    chanting "..."`, `when Sanders protesters interrupted her, shouting "..."`): the nearest clause
    before it that opens with one, past a subordinating word; else the sentence's `clause_subject`."""
    comma = text.rfind(",", start, cue)
    if comma < 0 or text[comma + 1 : cue].strip():
        comma = cue  # `Ms. Sherry smiled and said`: the clause before the cue first
    while comma > start:
        opening = text.rfind(",", start, comma) + 1 or start
        clause = _SUBORDINATE.match(text, opening, comma)
        at = clause.end() if clause is not None else opening
        subject = _SUBJECT.match(text, at, comma)
        if subject is not None and subject.group(1).split()[0] not in _LEADING | _DETERMINERS:
            return subject.span(1)
        phrase = _LOWER_SUBJECT.match(text, at, comma)
        if phrase is not None:
            return phrase.span(1)
        comma = opening - 1
    return clause_subject(text, start, cue)


def infinitive_subject(text: str, floor: int, cue: int) -> Stretch | None:
    """The name a few words before an infinitive cue (`Mr. Trump was prompted to say`, `David
    Auerbach went so far as to say`)."""
    subject = _INFINITIVE_SUBJECT.search(text, max(floor, cue - 80), cue)
    return subject.span(1) if subject is not None else None


def name_before(text: str, floor: int, end: int) -> Stretch | None:
    """The capitalised name ending right at `end` (`Republican pollster Daron Shaw` before a colon)."""
    name = _NAME_AT_END.search(text, floor, end)
    if name is None or name.group(1).isupper() or name.group(1).split()[0] in _LEADING:
        return None
    if name.group(1).startswith("from "):
        return (name.start(1) + 5, name.end(1))  # `A lesson from Loretta Lynch:`
    if any(word in _PREPOSITIONS or word in _BOUNDARY for word in name.group(1).split()):
        return None  # `the governor on Twitter:`: a place or medium, not the speaker
    return name.span(1)


def source_opening(text: str, floor: int, end: int) -> Stretch | None:
    """The noun phrase opening the clause before `end` (`the governor` in `the governor on Twitter:`)."""
    comma = text.rfind(",", floor, end)
    chosen: list[tuple[int, int, str]] = []
    for word in _words(text, comma + 1 if comma >= 0 else floor, end):
        if word[2] in _BOUNDARY or word[2] in _PREPOSITIONS or len(chosen) >= _MAX_WORDS:
            break
        if chosen or word[2] not in _LEADING:
            chosen.append(word)
    return (chosen[0][0], chosen[-1][1]) if chosen else None


def source_after(text: str, cue_end: int, ceiling: int) -> Stretch | None:
    """The speaker named right after an inverted cue: `said Caddell`, `said the influential US daily`."""
    start = cue_end
    while start < ceiling and text[start] == " ":
        start += 1
    stop = _AFTER_STOP.search(text, start, ceiling)
    while stop is not None and stop.group() == "." and _abbreviated(text, start, stop.start()):
        stop = _AFTER_STOP.search(text, stop.end(), ceiling)  # `Sen. Bernie Sanders`, `J.J. Goldberg`
    end = stop.start() if stop else ceiling
    words = _words(text, start, end)[:_MAX_WORDS]
    if not words or words[0][2] in _PREPOSITIONS or words[0][2] in _BOUNDARY:
        return None  # `said of Mr. Trump`, `said at a recent event`
    if not (
        words[0][2][0].isupper()
        or words[0][2] in {"the", "a", "an", "one", "another"}
        or any(word[2][0].isupper() for word in words[1:6])
    ):
        return None
    if words[0][2] in _PRONOUNS or words[0][2] in {"he", "she"}:
        return (words[0][0], words[0][1])
    end = words[-1][1]
    if text.count("(", words[0][0], end) > text.count(")", words[0][0], end) and text[end : end + 1] == ")":
        end += 1  # `Sen. Bernie Sanders (I-Vt.)`: the party closes its bracket
    return (words[0][0], end)


def _abbreviated(text: str, start: int, stop: int) -> bool:
    word = _LAST_WORD.search(text, start, stop)
    return word is not None and is_abbreviation(word.group(1))


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(first, last, text[first:last]) for first, last in map(re.Match.span, _WORD.finditer(text, start, end))]


def _looks_like_source(words: list[tuple[int, int, str]]) -> bool:
    """A pronoun, a relative pronoun, a name, a short noun phrase (`the campaign`, `officials`) or a
    longer one with a name in it (`former George W. Bush speechwriter Noam Neusner`)."""
    first = words[0][2]
    return (
        first[0].isupper()
        or first[0].isdigit()
        or first.lower() in _RELATIVE
        or len(words) <= 6
        or any(word[2][0].isupper() for word in words)
    )
