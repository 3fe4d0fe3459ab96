"""A PolNeAR split read as articles and their gold attributions (brat standoff).

A split folder holds `text/NAME.txt` and `attributions/NAME_XXXX.ann` (XXXX: the annotator);
NAME is `publisher_YYYY-MM-DD_slug`. The metric of issue 13 takes one annotation file per
article, the first by name. In a `.ann` file:

    T3<TAB>Content 315 448;463 553<TAB>covered text (the pieces joined by one space)
    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1

`T` lines are spans (`;` between the pieces of a discontinuous one), in Unicode code points of
the text, end exclusive. Covered text holding a newline goes on over the next lines, which then
start with no record tag. `E` lines tie a source, a cue and a content to an `Attribution` or an
`Attribution-no-source` trigger (in any order; a second content is `Content2`). Spans labelled
`Discuss` or `Discard` and `#` annotator notes are the annotators' own, and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

Stretch = tuple[int, int]
"""`(start, end)` in code points of the article's text, end exclusive."""

QUOTE_MARKS = ("“", '"', "'", "‘", "”", "«", "„", "\u2039", "\u201a", "''")
"""What a direct quote's content starts with (issue 13): every mark the corpus and the issue use,
the closing `”` too (mistyped openers), the single guillemet and the single low mark (U+2039,
U+201A), and the NYT's two apostrophes for a double quote (which `'` already covers; listed to
say so)."""

_RECORD = re.compile(r"[TEARNM#*]\d*\t")
_SPAN_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)", re.DOTALL)
_EVENT_LINE = re.compile(r"(E\d+)\t(\S+(?: \S+)*) *")
_NAME = re.compile(r"(?P<publisher>[a-z-]+)_(?P<date>\d{4}-\d{2}-\d{2})_.*")
_TRIGGERS = ("Attribution", "Attribution-no-source")
_ROLES = {"Content": "content", "Content2": "content", "Cue": "cue", "Source": "source"}


class PolnearError(ValueError):
    """A file of the split that cannot be read as PolNeAR; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution; each part is its pieces in offset order (empty if absent)."""

    content: tuple[Stretch, ...]
    cue: tuple[Stretch, ...]
    source: tuple[Stretch, ...]
    content_text: str
    """The content's pieces joined by one space in offset order, stripped."""

    @property
    def direct(self) -> bool:
        """Whether the content starts with a quote mark: a direct quote, in the issue's metric."""
        return self.content_text.startswith(QUOTE_MARKS)


@dataclass(frozen=True, slots=True)
class Article:
    """One article of the split, with the attributions of its first annotation file."""

    name: str
    publisher: str
    published: date
    text: str
    annotation: Path
    attributions: tuple[GoldAttribution, ...]


def read_split(folder: Path) -> list[Article]:
    """Every article of a split folder, by name; refuses a text without an annotation file."""
    texts = sorted((folder / "text").glob("*.txt"))
    if not texts:
        raise PolnearError(f"{folder}: no text/*.txt files (is this a PolNeAR split folder?)")
    annotations: dict[str, list[Path]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(path.stem.rpartition("_")[0], []).append(path)
    return [read_article(path, annotations.get(path.stem, [])) for path in texts]


def read_article(text_path: Path, annotations: list[Path]) -> Article:
    """The article at `text_path` with the first of its `NAME_XXXX.ann` files by name."""
    name = text_path.stem
    found = _NAME.fullmatch(name)
    if found is None:
        raise PolnearError(f"{text_path}: the name is not publisher_YYYY-MM-DD_slug")
    try:
        published = date.fromisoformat(found["date"])
    except ValueError:
        raise PolnearError(f"{text_path}: {found['date']} in the name is not a day of the calendar") from None
    if not annotations:
        raise PolnearError(f"{text_path}: no attributions/{name}_XXXX.ann annotation file")
    first = min(annotations)
    text = text_path.read_text(encoding="utf-8")
    return Article(name, found["publisher"], published, text, first, read_annotation(first, text))


def read_annotation(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one `.ann` file over the article `text`, in the order of their `E` lines."""
    spans: dict[str, tuple[Stretch, ...]] = {}
    events: list[tuple[int, dict[str, list[str]]]] = []
    for number, line in _records(path):
        where = f"{path}:{number}"
        if line.startswith("T"):
            tag, pieces = _span(line, where, text)
            spans[tag] = pieces
        elif line.startswith("E"):
            events.append((number, _event(line, where)))
    return tuple(_attribution(roles, spans, f"{path}:{number}", text) for number, roles in events)


def _records(path: Path) -> list[tuple[int, str]]:
    """The file's records with the number of their first line, continuation lines (covered text
    running over a newline) joined back to their `T` record with the newline they stood for."""
    records: list[tuple[int, str]] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if _RECORD.match(line):
            records.append((number, line))
        elif records and records[-1][1].startswith("T"):
            first, record = records[-1]
            records[-1] = (first, f"{record}\n{line}")
        else:
            raise PolnearError(f"{path}:{number}: not a brat record (T, E, #...) nor covered text: {line[:60]!r}")
    return records


def _span(line: str, where: str, text: str) -> tuple[str, tuple[Stretch, ...]]:
    found = _SPAN_LINE.fullmatch(line)
    if found is None:
        raise PolnearError(f"{where}: not a span line `Tn<TAB>Label START END[;START END]<TAB>text`: {line[:60]!r}")
    tag, _label, offsets, covered = found.groups()
    pieces = tuple((int(a), int(b)) for a, b in (piece.split(" ") for piece in offsets.split(";")))
    for start, end in pieces:
        if not 0 <= start <= end <= len(text):
            raise PolnearError(f"{where}: span {start} {end} is outside the text ({len(text)} characters)")
    if " ".join(text[a:b] for a, b in pieces) != covered:
        raise PolnearError(f"{where}: the covered text is not the text at {offsets}")
    return tag, tuple(sorted(pieces))


def _event(line: str, where: str) -> dict[str, list[str]]:
    found = _EVENT_LINE.fullmatch(line)
    if found is None:
        raise PolnearError(f"{where}: not an event line `En<TAB>Role:Tn Role:Tn ...`: {line[:60]!r}")
    roles: dict[str, list[str]] = {}
    triggered = False
    for argument in found[2].split(" "):
        role, _, tag = argument.partition(":")
        if role in _TRIGGERS:
            triggered = True
        elif role in _ROLES and tag.startswith("T"):
            roles.setdefault(_ROLES[role], []).append(tag)
        else:
            raise PolnearError(f"{where}: unknown argument {argument!r} (Content, Content2, Cue, Source)")
    if not triggered:
        raise PolnearError(f"{where}: an event with no Attribution or Attribution-no-source trigger")
    return roles


def _attribution(
    roles: dict[str, list[str]], spans: dict[str, tuple[Stretch, ...]], where: str, text: str
) -> GoldAttribution:
    parts: dict[str, tuple[Stretch, ...]] = {}
    for role in ("content", "cue", "source"):
        pieces: list[Stretch] = []
        for tag in roles.get(role, ()):
            if tag not in spans:
                raise PolnearError(f"{where}: {role} {tag} is not a span of the file")
            pieces.extend(spans[tag])
        parts[role] = tuple(sorted(pieces))
    content_text = " ".join(text[a:b] for a, b in parts["content"]).strip()
    return GoldAttribution(parts["content"], parts["cue"], parts["source"], content_text)
