"""Timing work the way `timeit` does: the best of several runs, the garbage collector off."""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def rate(n: int, work: Callable[[], object], repeat: int = 3) -> float:
    """Reports per second: the best of `repeat` runs of `work`, which handles `n` reports.

    The garbage collector is off while timing, as in `timeit`: the archive held in memory here
    would otherwise make every collection scan it, a cost a streaming conversion does not pay.
    """
    best = min(seconds(work) for _ in range(repeat))
    return n / best


def seconds(work: Callable[[], object]) -> float:
    """Wall seconds of one run of `work`, the garbage collector off."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started
    finally:
        gc.enable()


def side_by_side(ours: Callable[[], object], floor: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """The best seconds of `ours` and of `floor`, run in turns, so that a busy spell of a shared
    machine falls on both and their ratio stays honest."""
    ours()  # warm up: first calls fill caches (compiled patterns, imports) that later runs reuse
    best_ours = best_floor = math.inf
    for _ in range(repeat):
        best_ours = min(best_ours, seconds(ours))
        best_floor = min(best_floor, seconds(floor))
    return best_ours, best_floor


def each(work: Callable[[T], object], items: Sequence[T]) -> Callable[[], object]:
    """Work that applies `work` to every item."""
    return lambda: [work(x) for x in items]
