"""Speed of newsreport's converters as ratios to the floors underneath, measured in one run.

    python -m benchmarks.run [N] [--jobs-n M] [--only PART ...] [--json FILE]

Makes N varied article-sized reports from the example and measures each converter's reading and
writing next to the library it stands on, on the same data, taking turns (`speed/floors.py`);
then the command line on an M-report JSON Lines archive with `--jobs 1` and `--jobs 2`
(`speed/batch.py`) and one small `convert` as a whole process next to `python -c pass`
(`speed/startup.py`); then the least work a reader or writer cannot skip, next to the same
floors (`speed/bounds.py`); then the cost per copy of the example scaled 1x, 10x and 100x
(`speed/growth.py`).
The tables are printed and written, with the machine, to FILE (benchmarks/results/latest.json).
Memory over a long run is `benchmarks/memory.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
from pathlib import Path
from typing import Any

from benchmarks.speed import batch, bounds, floors, growth, startup, table
from benchmarks.speed.timing import rate

PARTS = ("floors", "bounds", "growth", "batch", "startup")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=300, help="reports for the per-format measurements")
    parser.add_argument("--jobs-n", type=int, default=2000, help="reports in the archive for the --jobs runs")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=PARTS, help="measure only these parts")
    parser.add_argument(
        "--json", type=Path, default=Path("benchmarks/results/latest.json"), help="where to write the results"
    )
    args = parser.parse_args(argv)
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "load": os.getloadavg()[0],
        },
        "n": args.n,
    }
    rows = floors.measure(args.n) if "floors" in args.only else []
    results["formats"] = [r.as_json() for r in rows]
    if {"batch", "startup"} & set(args.only):
        startup.compile_package()  # processes start as an installed copy's do
    runs = batch.measure(args.jobs_n) if "batch" in args.only else []
    results["batch"] = runs
    speed_ups = batch.speed_ups(runs)
    started = startup.measure() if "startup" in args.only else None
    results["startup"] = started
    print(table.ratios(rows, speed_ups, started))
    if runs:
        print("\n" + table.batch(runs))
    if "bounds" in args.only:
        least = bounds.measure(args.n)
        results["bounds"] = [b.as_json() for b in least]
        print("\n" + table.bounds(least))
    if "growth" in args.only:
        grown = growth.measure()
        results["growth"] = [g.as_json() for g in grown]
        print("\n" + table.growth(grown))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten to {args.json}")


__all__ = ["main", "rate"]

if __name__ == "__main__":
    main()
