"""The command line on a JSON Lines archive with `--jobs 1` and `--jobs 2`: throughput, the
speed-up, and the main process's peak memory."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import newsreport
from benchmarks.archive import varied

TARGETS = (
    ("newsml-g2", "out.xml"),
    ("newsml-g2", "items/"),
    ("csv", "pkg.zip"),
    ("csv", "pkg/"),
    ("jsonld", "folder/"),
)
"""What the archive is converted to: a format and an output name (a trailing / asks for a folder)."""


def measure(m: int) -> list[dict[str, Any]]:
    """Each target with --jobs 1 and 2, the two taking turns."""
    results = []
    with tempfile.TemporaryDirectory() as work:
        archive = Path(work) / "archive.jsonl"
        with archive.open("wb") as stream:
            for report in varied(m):
                stream.write(newsreport.write(report, "jsonl"))
        for to, target in TARGETS:
            for jobs in (1, 2):
                out = f"{work}/{jobs}-{target}"
                command = [sys.executable, "-m", "newsreport", "convert", str(archive), "--to", to, "-o", out]
                seconds, peak = timed([*command, "--jobs", str(jobs)])
                results.append(
                    {
                        "to": f"{to} → {target}",
                        "jobs": jobs,
                        "reports": m,
                        "seconds": round(seconds, 3),
                        "reports_per_s": round(m / seconds),
                        "peak_rss_mb": round(peak / 1024),
                    }
                )
    return results


def speed_ups(runs: list[dict[str, Any]]) -> dict[str, float]:
    """--jobs 2 over --jobs 1, by target."""
    by_target: dict[str, dict[int, float]] = {}
    for r in runs:
        by_target.setdefault(r["to"], {})[r["jobs"]] = r["seconds"]
    return {to: seconds[1] / seconds[2] for to, seconds in by_target.items()}


def timed(command: Sequence[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of a command's main process.

    GNU time measures it: a child forked straight from this (large) process would count this
    process's memory as its own peak.
    """
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}: {done.stderr.decode()}")
    return seconds, int(done.stderr.decode().split()[-1])
