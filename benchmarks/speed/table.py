"""The benchmark's tables as text: issue 15's rows, then the growth table."""

from __future__ import annotations

from typing import Any

from benchmarks.speed.results import Growth, Ratio


def _mark(met: bool | None) -> str:
    return "" if met is None else "ok" if met else "MISSED"


def ratios(rows: list[Ratio], speed_ups: dict[str, float], startup: dict[str, Any] | None) -> str:
    lines = [
        "Time ratios, ours ÷ floor on the same data in the same run (lower is better;",
        "'vs IPTC' is how many times faster ours is).",
        "",
        f"{'row':<24} {'floor':<29} {'ours/s':>8} {'floor/s':>8} {'ratio':>7} {'target':>7}",
    ]
    for r in rows:
        ours, floor = r.n / r.ours_s, r.n / r.floor_s
        lines.append(
            f"{r.row:<24} {r.floor:<29} {ours:>8,.0f} {floor:>8,.0f} {r.ratio:>6.2f}x {r.target_text:>7} {_mark(r.met)}"
        )
    for to, speed_up in speed_ups.items():
        lines.append(
            f"{'--jobs 2 / --jobs 1':<24} {to:<29} {'':>8} {'':>8} {speed_up:>6.2f}x {'≥1.85x':>7} "
            f"{_mark(speed_up >= 1.85)}"
        )
    if startup:
        lines.append(
            f"{'one small convert':<24} {'python -c pass':<29}"
            f" {startup['best_s']:>7.3f}s {startup['python_best_s']:>7.3f}s"
            f" {'':>7} {'≤0.35s':>7} {_mark(startup['met'])}"
            f"  (median {startup['median_s']:.3f}s / {startup['python_median_s']:.3f}s)"
        )
    return "\n".join(lines)


def bounds(rows: list[Ratio]) -> str:
    """The least each row can cost, as a ratio to its floor: a target below it is out of reach."""
    lines = [
        "The least a converter can cost (only the steps it cannot skip), ÷ the same floor as its row",
        "(against IPTC's reader: how many times faster than it that least work is).",
        "",
        f"{'row':<22} {'least work':<37} {'ratio':>7} {'target':>7}",
    ]
    for r in rows:
        verdict = "" if r.met else "target beyond the least work"
        lines.append(f"{r.row:<22} {r.floor:<37} {r.ratio:>6.2f}x {r.target_text:>7} {verdict}")
    return "\n".join(lines)


def growth(rows: list[Growth]) -> str:
    sizes = sorted(rows[0].per_copy_s) if rows else []
    head = " ".join(f"{f'{s}x µs/copy':>13}" for s in sizes)
    lines = [
        "Cost per copy of the example as the report grows (target: 100x within 1.5x of 1x).",
        "",
        f"{'converter':<18} {head} {'100x/1x':>8}",
    ]
    for g in rows:
        cells = " ".join(f"{g.per_copy_s[s] * 1e6:>13,.0f}" for s in sizes)
        lines.append(f"{g.converter:<18} {cells} {g.ratio:>7.2f}x {_mark(g.met)}")
    return "\n".join(lines)


def batch(runs: list[dict[str, Any]]) -> str:
    lines = [f"{'to':<22} {'jobs':>4} {'reports':>8} {'seconds':>8} {'reports/s':>10} {'peak MB':>8}"]
    for r in runs:
        lines.append(
            f"{r['to']:<22} {r['jobs']:>4} {r['reports']:>8} {r['seconds']:>8.2f} {r['reports_per_s']:>10,}"
            f" {r['peak_rss_mb']:>8}"
        )
    return "\n".join(lines)
