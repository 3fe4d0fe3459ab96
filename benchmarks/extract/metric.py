"""Issue 13's metric of drafted statements against PolNeAR's gold attributions: pure functions
over spans, counted per article into a `Tally` that adds up over a split.

Readings where the issue leaves room (benchmarks/README.md says them too):
- a gold attribution with no content span is left out (it has no characters to cover);
- coverage counts every character of the gold content, its quote marks included (the model's
  quote spans stand inside the marks);
- the *covering statement* of a gold direct quote is the predicted direct or partial statement
  overlapping its content most (the first in text order on a tie);
- speaker and cue accuracy leave out the gold direct quotes that have no source (no cue);
- indirect coverage is by the union of predicted `indirect` and `partial` spans (partial quotes
  stand inside reported speech, which PolNeAR annotates as one content), and a predicted span of
  no characters is never inside a content.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Literal

from benchmarks.extract.polnear import GoldAttribution, Stretch

Kind = Literal["direct", "partial", "indirect"]


@dataclass(frozen=True, slots=True)
class Predicted:
    """A drafted statement as the metric sees it: spans only."""

    kind: Kind
    span: Stretch
    cue: Stretch | None = None
    """The reporting verb's span."""
    source: Stretch | None = None
    """The source excerpt's span."""
    speaker_mentions: tuple[Stretch, ...] = ()
    """Every mention of every speaker of the statement."""


def merged(stretches: Iterable[Stretch]) -> list[Stretch]:
    """The stretches as sorted, disjoint ones covering the same characters."""
    out: list[Stretch] = []
    for start, end in sorted(stretches):
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def length(stretches: Iterable[Stretch]) -> int:
    return sum(end - start for start, end in merged(stretches))


def overlap(a: Iterable[Stretch], b: Iterable[Stretch]) -> int:
    """How many characters the two sets of stretches share."""
    xs, ys = merged(a), merged(b)
    shared, i, j = 0, 0, 0
    while i < len(xs) and j < len(ys):
        shared += max(0, min(xs[i][1], ys[j][1]) - max(xs[i][0], ys[j][0]))
        if xs[i][1] < ys[j][1]:
            i += 1
        else:
            j += 1
    return shared


def coverage(gold: Sequence[Stretch], predicted: Iterable[Stretch]) -> float:
    """The share of the gold characters that the union of the predicted spans covers."""
    total = length(gold)
    return overlap(gold, predicted) / total if total else 0.0


def inside_some(span: Stretch, contents: Iterable[Sequence[Stretch]]) -> bool:
    """Whether at least half of `span` lies inside one of the contents (each a set of pieces)."""
    size = span[1] - span[0]
    return size > 0 and any(2 * overlap([span], content) >= size for content in contents)


def covering(gold: Sequence[Stretch], statements: Sequence[Predicted]) -> Predicted | None:
    """The statement overlapping `gold` most; None if none overlaps it."""
    best, most = None, 0
    for statement in statements:
        shared = overlap(gold, [statement.span])
        if shared > most:
            best, most = statement, shared
    return best


def speaker_right(statement: Predicted, gold_source: Sequence[Stretch]) -> bool:
    """Whether the statement's source, or a mention of one of its speakers, overlaps the gold source."""
    named = [statement.source] if statement.source else []
    return any(overlap([stretch], gold_source) > 0 for stretch in [*named, *statement.speaker_mentions])


def cue_right(statement: Predicted, gold_cue: Sequence[Stretch]) -> bool:
    return statement.cue is not None and overlap([statement.cue], gold_cue) > 0


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold attribution missed or given the wrong speaker or cue, or a predicted statement
    outside every gold content; `statement` is the prediction overlapping `gold` most, and for
    a statement outside, `gold` the attribution overlapping it most (None if none does)."""

    what: Literal["recall", "speaker", "cue", "precision", "indirect precision"]
    gold: GoldAttribution | None
    statement: Predicted | None
    coverage: float | None = None


@dataclass(slots=True)
class Tally:
    """The counts behind every figure; `+` adds two articles' (or publishers') tallies."""

    articles: int = 0
    gold_direct: int = 0
    direct_covered_03: int = 0
    direct_covered_08: int = 0
    predicted_direct: int = 0
    predicted_direct_inside: int = 0
    predicted_partial: int = 0
    speaker_judged: int = 0
    speaker_right: int = 0
    speaker_no_gold_source: int = 0
    cue_judged: int = 0
    cue_right: int = 0
    cue_no_gold_cue: int = 0
    gold_indirect: int = 0
    indirect_covered_03: int = 0
    predicted_indirect: int = 0
    predicted_indirect_inside: int = 0
    misses: list[Miss] = field(default_factory=list)
    """What went wrong, in the order of the text: for tuning (`--errors`)."""

    def __add__(self, other: Tally) -> Tally:
        added = Tally()
        for f in fields(Tally):
            setattr(added, f.name, getattr(self, f.name) + getattr(other, f.name))
        return added


def score(gold: Sequence[GoldAttribution], predicted: Sequence[Predicted]) -> Tally:
    """The tally of one article: its gold attributions against its predicted statements."""
    quotes = [p for p in predicted if p.kind in ("direct", "partial")]
    quote_spans = [p.span for p in quotes]
    reported_spans = [p.span for p in predicted if p.kind in ("indirect", "partial")]
    contents = [g.content for g in gold if g.content]
    tally = Tally(articles=1)
    for attribution in gold:
        if not attribution.content:
            continue
        if not attribution.direct:
            tally.gold_indirect += 1
            tally.indirect_covered_03 += coverage(attribution.content, reported_spans) >= 0.3
            continue
        share = coverage(attribution.content, quote_spans)
        tally.gold_direct += 1
        tally.direct_covered_03 += share >= 0.3
        tally.direct_covered_08 += share >= 0.8
        if share < 0.8:
            tally.misses.append(Miss("recall", attribution, covering(attribution.content, predicted), share))
        statement = covering(attribution.content, quotes)
        if share < 0.3 or statement is None:
            continue
        if not attribution.source:
            tally.speaker_no_gold_source += 1
        elif speaker_right(statement, attribution.source):
            tally.speaker_judged += 1
            tally.speaker_right += 1
        else:
            tally.speaker_judged += 1
            tally.misses.append(Miss("speaker", attribution, statement, share))
        if not attribution.cue:
            tally.cue_no_gold_cue += 1
        elif cue_right(statement, attribution.cue):
            tally.cue_judged += 1
            tally.cue_right += 1
        else:
            tally.cue_judged += 1
            tally.misses.append(Miss("cue", attribution, statement, share))
    for statement in predicted:
        if statement.kind == "partial":
            tally.predicted_partial += 1
            continue
        inside = inside_some(statement.span, contents)
        if statement.kind == "direct":
            tally.predicted_direct += 1
            tally.predicted_direct_inside += inside
        else:
            tally.predicted_indirect += 1
            tally.predicted_indirect_inside += inside
        if not inside:
            touching = [g for g in gold if overlap([statement.span], g.content)]
            nearest = max(touching, key=lambda g: overlap([statement.span], g.content), default=None)
            what: Literal["precision", "indirect precision"] = (
                "precision" if statement.kind == "direct" else "indirect precision"
            )
            tally.misses.append(Miss(what, nearest, statement))
    return tally


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def figures(tally: Tally) -> dict[str, float | None]:
    """The issue's figures from a tally (None where there is nothing to divide by)."""
    return {
        "direct_recall_08": ratio(tally.direct_covered_08, tally.gold_direct),
        "direct_recall_03": ratio(tally.direct_covered_03, tally.gold_direct),
        "direct_precision": ratio(tally.predicted_direct_inside, tally.predicted_direct),
        "speaker_accuracy": ratio(tally.speaker_right, tally.speaker_judged),
        "cue_accuracy": ratio(tally.cue_right, tally.cue_judged),
        "indirect_recall_03": ratio(tally.indirect_covered_03, tally.gold_indirect),
        "indirect_precision": ratio(tally.predicted_indirect_inside, tally.predicted_indirect),
    }
