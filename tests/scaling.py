"""`growth`, for the checks that a converter's cost grows linearly with its input, and `scaled`
(reports N times the size of the example), which lives with the benchmarks that use it too."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from benchmarks.run import rate
from benchmarks.scaled import scaled


def growth(work: Callable[[Any], object], small: Any, large: Any, repeat: int = 5) -> float:
    """How many times longer `work` takes on `large` than on `small`: about 4 for inputs 4x apart
    when the work is linear, 16 when it is quadratic. Each is the best of `repeat` runs, the two
    sizes taking turns, so a busy spell of the machine falls on both; each run is timed as the
    benchmarks time them: the garbage collector off, as in `timeit`, since its passes depend on
    everything the test session holds, not on the work."""
    work(small)  # warm up
    best_small = best_large = math.inf
    for _ in range(repeat):
        best_small = min(best_small, 1 / rate(1, lambda: work(small), 1))
        best_large = min(best_large, 1 / rate(1, lambda: work(large), 1))
    return best_large / best_small


__all__ = ["growth", "scaled"]
