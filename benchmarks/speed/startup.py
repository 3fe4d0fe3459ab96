"""One small `newsreport convert` as a whole process, next to `python -c pass`: the cost of
starting (imports above all), which a user pays on every command."""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import newsreport
from benchmarks.archive import EXAMPLE

TARGET_S = 0.35


def compile_package() -> None:
    """Compile newsreport's modules to bytecode, as `pip install` does for a package it installs.

    An editable install leaves that to the first import, which writes `__pycache__` for the runs
    after it; where `PYTHONDONTWRITEBYTECODE` is set (as on this project's build machines) it never
    does, and every process, each worker of `--jobs` too, compiles the forty-odd modules it imports
    from source again: some 40 ms a start that no installed copy pays. `compileall` writes the
    bytecode whatever that variable says.
    """
    compileall.compile_dir(Path(newsreport.__file__).parent, quiet=1)


def measure(runs: int = 10) -> dict[str, Any]:
    """Best and median wall seconds of `runs` runs of each, taking turns."""
    script = Path(sys.executable).with_name("newsreport")
    entry = [str(script)] if script.exists() else [sys.executable, "-m", "newsreport"]
    with tempfile.TemporaryDirectory() as work:
        convert = [*entry, "convert", str(EXAMPLE), "--to", "newsml-g2", "-o", f"{work}/x.xml"]
        bare = [sys.executable, "-c", "pass"]
        ours, floor = [], []
        for _ in range(runs):
            ours.append(_wall(convert))
            floor.append(_wall(bare))
    return {
        "command": "newsreport convert examples/report.json --to newsml-g2 -o x.xml",
        "best_s": min(ours),
        "median_s": statistics.median(ours),
        "python_best_s": min(floor),
        "python_median_s": statistics.median(floor),
        "target_s": TARGET_S,
        "met": min(ours) <= TARGET_S,
    }


def _wall(command: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started
