"""The benchmark printed: one Markdown table of figures, a row per publisher, the misses."""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks.extract.metric import Miss, Tally, figures
from benchmarks.extract.polnear import Stretch
from benchmarks.extract.score import Result
from benchmarks.extract.seed import Row

TARGETS = {
    "direct_recall_08": "≥ 0.92",
    "direct_recall_03": "≥ 0.97",
    "direct_precision": "≥ 0.97",
    "speaker_accuracy": "≥ 0.96",
    "cue_accuracy": "≥ 0.96",
    "indirect_recall_03": "≥ 0.60",
    "indirect_precision": "≥ 0.70",
}


def share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part:,} of {whole:,})" if whole else "— (none)"


def rows(tally: Tally, rate: float | None) -> list[Row]:
    """The figures of a split (or of a publisher's articles), with the counts behind each."""
    t = tally
    return [
        Row("articles", f"{t.articles:,}", ""),
        Row("gold direct quotes (content starts with a quote mark)", f"{t.gold_direct:,}", ""),
        Row(
            "predicted direct quotes (partial quotes beside them)",
            f"{t.predicted_direct:,} ({t.predicted_partial:,})",
            "",
        ),
        Row("direct quotes recall@0.8", share(t.direct_covered_08, t.gold_direct), TARGETS["direct_recall_08"]),
        Row("direct quotes recall@0.3", share(t.direct_covered_03, t.gold_direct), TARGETS["direct_recall_03"]),
        Row(
            "direct quotes precision", share(t.predicted_direct_inside, t.predicted_direct), TARGETS["direct_precision"]
        ),
        Row(
            f"speaker accuracy (covered ≥ 0.3; {t.speaker_no_gold_source} gold without a source left out)",
            share(t.speaker_right, t.speaker_judged),
            TARGETS["speaker_accuracy"],
        ),
        Row(
            f"cue accuracy (covered ≥ 0.3; {t.cue_no_gold_cue} gold without a cue left out)",
            share(t.cue_right, t.cue_judged),
            TARGETS["cue_accuracy"],
        ),
        Row(
            "indirect statements recall@0.3",
            share(t.indirect_covered_03, t.gold_indirect),
            TARGETS["indirect_recall_03"],
        ),
        Row(
            "indirect statements precision",
            share(t.predicted_indirect_inside, t.predicted_indirect),
            TARGETS["indirect_precision"],
        ),
        *([Row("articles per second, one core", f"{rate:,.0f}", "≥ 200")] if rate is not None else []),
    ]


def markdown(table: Sequence[Row]) -> list[str]:
    return [
        "| figure | value | target |",
        "|---|---:|---:|",
        *(f"| {r.figure} | {r.value} | {r.target} |" for r in table),
    ]


def publisher_table(tallies: dict[str, Tally]) -> list[str]:
    names = list(TARGETS)
    lines = [
        "| publisher | articles | gold direct | predicted direct | " + " | ".join(names) + " |",
        "|---|" + "---:|" * (3 + len(names)),
    ]
    for publisher, tally in tallies.items():
        values = figures(tally)
        cells = [f"{values[n]:.3f}" if values[n] is not None else "—" for n in names]
        counts = f"{tally.articles} | {tally.gold_direct} | {tally.predicted_direct}"
        lines.append(f"| {publisher} | {counts} | " + " | ".join(cells) + " |")
    return lines


def excerpt(text: str, stretches: Sequence[Stretch], width: int = 160) -> str:
    words = " … ".join(text[a:b] for a, b in stretches).replace("\n", "⏎")
    return repr(words if len(words) <= width else words[: width - 1] + "…")


def miss_lines(results: Sequence[Result], n: int) -> list[str]:
    """The first `n` misses of each kind, in the order of the split: gold content (source, cue)
    against the prediction overlapping it most."""
    lines: list[str] = []
    for what in ("recall", "precision", "speaker", "cue", "indirect precision"):
        found = [(r, m) for r in results for m in r.tally.misses if m.what == what]
        lines.append(f"\n### {what} misses: {len(found)}" + (f" (the first {n})" if len(found) > n else ""))
        lines.extend(describe(result, miss) for result, miss in found[:n])
    return lines


def describe(result: Result, miss: Miss) -> str:
    text, gold, statement = result.article.text, miss.gold, miss.statement
    where = f"- {result.article.name}"
    if miss.coverage is not None:
        where += f", coverage {miss.coverage:.2f}"
    parts = [where]
    if gold is None:
        parts.append("  gold: no attribution overlapping")
    else:
        source, cue = excerpt(text, gold.source, 40), excerpt(text, gold.cue, 30)
        parts.append(f"  gold: {excerpt(text, gold.content)} source {source} cue {cue}")
    if statement is None:
        parts.append("  predicted: nothing overlapping")
    else:
        source = excerpt(text, [statement.source], 40) if statement.source else "none"
        cue = excerpt(text, [statement.cue], 30) if statement.cue else "none"
        parts.append(f"  predicted {statement.kind}: {excerpt(text, [statement.span])} source {source} cue {cue}")
    return "\n".join(parts)


def failure_lines(results: Sequence[Result]) -> list[str]:
    failed = [r for r in results if r.failure]
    if not failed:
        return []
    return [f"\nthe extractor raised on {len(failed)} articles (scored with no predictions):"] + [
        f"- {r.article.name}: {r.failure}" for r in failed
    ]
