"""Throughput and memory of newsreport's converters, next to the libraries underneath, in one run.

    python -m benchmarks.run [N] [--jobs-n M] [--json FILE]

Makes N varied article-sized reports from the example, then measures on one core, per format:
writing (report → document) and reading our own output (document → validated report), next to
baselines on the same data: `json.dumps`/`json.loads` of the same dicts (and orjson if
installed), lxml parsing and serialising the same XML, and IPTC's `newsmlg2` reading the same
NewsML-G2 files. Then it runs the command line on an M-report JSON Lines archive with `--jobs 1`
and `--jobs 2`, reporting the speed-up and each run's peak memory (main process).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

import newsreport
from benchmarks.archive import varied
from newsreport.converters import FORMATS
from newsreport.converters.csv_ import read_package
from newsreport.converters.csv_.writer import PackageWriter


def rate(n: int, work: Callable[[], object], repeat: int = 3) -> float:
    """Reports per second: the best of `repeat` runs of `work`, which handles `n` reports.

    The garbage collector is off while timing, as in `timeit`: the archive held in memory here
    would otherwise make every collection scan it, a cost a streaming conversion does not pay.
    """
    best = min(_seconds(work) for _ in range(repeat))
    return n / best


def _seconds(work: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started
    finally:
        gc.enable()


def measure(n: int) -> list[dict[str, Any]]:
    reports = list(varied(n))
    dicts = [r.model_dump(mode="json", exclude_none=True) for r in reports]
    rows: list[dict[str, Any]] = []

    def row(fmt: str, operation: str, ours: float, baseline_name: str = "", baseline: float | None = None) -> None:
        rows.append(
            {
                "format": fmt,
                "operation": operation,
                "reports_per_s": round(ours),
                "baseline": baseline_name,
                "baseline_per_s": round(baseline) if baseline else None,
                "ratio": round(ours / baseline, 2) if baseline else None,
            }
        )

    docs = {name: [FORMATS[name].write_one(r) for r in reports] for name in ("json", "jsonld", "newsml-g2")}
    json_baseline_write = rate(n, lambda: [json.dumps(d) for d in dicts])
    json_baseline_read = rate(n, lambda: [json.loads(d) for d in docs["json"]])
    try:
        import orjson

        orjson_write = rate(n, lambda: [orjson.dumps(d) for d in dicts])
        orjson_read = rate(n, lambda: [orjson.loads(d) for d in docs["json"]])
    except ImportError:
        orjson_write = orjson_read = None
    for name in ("json", "jsonld"):
        fmt = FORMATS[name]
        row(
            name,
            "write",
            rate(n, lambda fmt=fmt: [fmt.write_one(r) for r in reports]),
            "json.dumps",
            json_baseline_write,
        )
        row(
            name,
            "read",
            rate(n, lambda fmt=fmt, name=name: [fmt.read_one(d) for d in docs[name]]),
            "json.loads",
            json_baseline_read,
        )
    if orjson_write:
        rows.append(
            {
                "format": "json",
                "operation": "baseline orjson",
                "reports_per_s": round(orjson_write),
                "baseline": "orjson.loads",
                "baseline_per_s": round(orjson_read or 0),
                "ratio": None,
            }
        )
    xml = docs["newsml-g2"]
    trees = [etree.fromstring(d) for d in xml]
    lxml_write = rate(n, lambda: [etree.tostring(t) for t in trees])
    lxml_read = rate(n, lambda: [etree.fromstring(d) for d in xml])
    newsml = FORMATS["newsml-g2"]
    row("newsml-g2", "write", rate(n, lambda: [newsml.write_one(r) for r in reports]), "lxml tostring", lxml_write)
    row("newsml-g2", "read", rate(n, lambda: [newsml.read_one(d) for d in xml]), "lxml fromstring", lxml_read)
    try:
        import NewsMLG2

        sample = xml[: max(1, n // 10)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = rate(len(sample), lambda: [NewsMLG2.NewsMLG2Document(d).get_item() for d in sample], repeat=1)
        ours = rate(len(sample), lambda: [newsml.read_one(d) for d in sample], repeat=1)
        row("newsml-g2", "read vs IPTC", ours, "newsmlg2 (IPTC)", theirs)
    except ImportError:
        pass
    with tempfile.TemporaryDirectory() as work:

        def write_csv() -> None:
            folder = Path(tempfile.mkdtemp(dir=work))
            writer = PackageWriter(folder)
            for r in reports:
                writer.add(r)
            writer.close()

        row("csv", "write", rate(n, write_csv), "json.dumps", json_baseline_write)
        folder = Path(tempfile.mkdtemp(dir=work))
        writer = PackageWriter(folder)
        for r in reports:
            writer.add(r)
        writer.close()
        row("csv", "read", rate(n, lambda: list(read_package(folder))), "json.loads", json_baseline_read)
    return rows


def batch(m: int) -> list[dict[str, Any]]:
    """The command line on an m-report archive, --jobs 1 and 2: throughput and peak memory."""
    results = []
    with tempfile.TemporaryDirectory() as work:
        archive = Path(work) / "archive.jsonl"
        with archive.open("wb") as stream:
            for report in varied(m):
                stream.write(newsreport.write(report, "jsonl"))
        targets = (("newsml-g2", "out.xml"), ("csv", "pkg.zip"), ("csv", "pkg/"), ("jsonld", "folder/"))
        for to, target in targets:
            for jobs in (1, 2):
                out = f"{work}/{jobs}-{target}"  # a string: a trailing / asks for a folder
                seconds, peak = _timed(
                    [
                        sys.executable,
                        "-m",
                        "newsreport",
                        "convert",
                        str(archive),
                        "--to",
                        to,
                        "-o",
                        out,
                        "--jobs",
                        str(jobs),
                    ]
                )
                results.append(
                    {
                        "to": f"{to} → {target}",
                        "jobs": jobs,
                        "reports": m,
                        "reports_per_s": round(m / seconds),
                        "peak_rss_mb": round(peak / 1024),
                    }
                )
    return results


def _timed(command: Sequence[str]) -> tuple[float, int]:
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=1000, help="reports for the per-format measurements")
    parser.add_argument("--jobs-n", type=int, default=2000, help="reports in the archive for the --jobs runs")
    parser.add_argument(
        "--json", type=Path, default=Path("benchmarks/results/latest.json"), help="where to write the results"
    )
    args = parser.parse_args(argv)
    rows = measure(args.n)
    print(f"{'format':<10} {'operation':<14} {'ours/s':>9} {'baseline':<17} {'base/s':>9} {'ratio':>6}")
    for r in rows:
        ours, base, ratio = r["reports_per_s"], r["baseline_per_s"] or 0, r["ratio"] or ""
        print(f"{r['format']:<10} {r['operation']:<14} {ours:>9,} {r['baseline']:<17} {base:>9,} {ratio:>6}")
    runs = batch(args.jobs_n)
    print(f"\n{'to':<20} {'jobs':>4} {'reports':>8} {'reports/s':>10} {'peak MB':>8}")
    for r in runs:
        print(f"{r['to']:<20} {r['jobs']:>4} {r['reports']:>8} {r['reports_per_s']:>10,} {r['peak_rss_mb']:>8}")
    for to in dict.fromkeys(r["to"] for r in runs):
        one, two = (r["reports_per_s"] for r in runs if r["to"] == to)
        print(f"speed-up with --jobs 2, {to}: {two / one:.2f}x")
    machine = {
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"machine": machine, "n": args.n, "formats": rows, "batch": runs}, indent=2) + "\n")
    print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()
