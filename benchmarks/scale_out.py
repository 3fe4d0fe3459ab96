"""An archive to Parquet and to a CSV package, on this machine's cores and on a local Dask cluster.

    python -m benchmarks.scale_out ARCHIVE.jsonl --work /big/disk/scratch [--jobs 2]

Converts the JSON Lines archive four times (Parquet and a CSV package folder, each with `--jobs N`
and with `--cluster local --jobs N`), sampling the memory of every process of the run twice a
second (the cluster's workers are the command's descendants too), checks that the two runs of a
format wrote the same bytes, and prints one JSON line per run. Then the output sizes (Parquet,
the CSV folder, the CSV folder zipped) and DuckDB counting the statements per speaker over the
Parquet package. Make an archive with `python -m benchmarks.archive`-style `varied(n)`, or reuse
one (`benchmarks/memory.py` pipes one in without keeping it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from benchmarks.memory import family_rss_kb

SPEAKERS_SQL = """
SELECT p.name AS speaker, count(*) AS statements
FROM (SELECT report_id, unnest(speaker_ids) AS speaker_id FROM read_parquet('{0}/statements/*.parquet')) AS s
JOIN read_parquet('{0}/participants/*.parquet') AS p
  ON p.report_id = s.report_id AND p.participant_id = s.speaker_id
GROUP BY p.name ORDER BY statements DESC, speaker LIMIT 5
"""
"""Statements per speaker (by name) across the archive: the who-said-what count of issue 16."""


def run(command: list[str]) -> dict[str, Any]:
    """Run `command`, sampling the resident memory of its main process and its largest other one."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stderr=errors)
        peak_main = peak_other = 0
        while process.poll() is None:
            family = family_rss_kb(process.pid)
            peak_main = max(peak_main, family.pop(process.pid, 0))
            peak_other = max(peak_other, *family.values(), 0)
            time.sleep(0.5)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(command)}: {errors.read().decode()}")
    return {"seconds": round(seconds, 1), "peak_main_mb": peak_main // 1024, "peak_worker_mb": peak_other // 1024}


def digest(folder: Path) -> str:
    """One hash of every file's relative name and bytes, in name order."""
    whole = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        whole.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return whole.hexdigest()[:16]


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def zipped_size(folder: Path) -> int:
    with tempfile.TemporaryFile() as file:
        with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                archive.write(path, path.relative_to(folder))
        return file.tell()


def speakers(package: Path) -> tuple[float, list[tuple[Any, ...]]]:
    """DuckDB's count of statements per speaker over the package, and its time (seconds)."""
    import duckdb

    started = time.perf_counter()
    relation = duckdb.sql(SPEAKERS_SQL.format(package))
    assert relation is not None  # a SELECT always gives one
    rows = relation.fetchall()
    return time.perf_counter() - started, rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", type=Path, help="a JSON Lines archive of reports")
    parser.add_argument("--work", type=Path, required=True, help="an empty folder for the outputs")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    reports = sum(1 for _ in args.archive.open("rb"))
    base = [sys.executable, "-m", "newsreport", "convert", str(args.archive), "--jobs", str(args.jobs)]
    digests: dict[str, set[str]] = {}
    for fmt, name in (("parquet", "tables.parquet"), ("csv", "package")):
        for engine, extra in (("local", []), ("dask", ["--cluster", "local"])):
            out = args.work / f"{engine}-{name}"
            figures = run([*base, "--to", fmt, "-o", f"{out}/", *extra])
            digests.setdefault(fmt, set()).add(digest(out))
            figures |= {"to": fmt, "engine": engine, "reports": reports}
            figures["reports_per_s"] = round(reports / figures["seconds"])
            print(json.dumps(figures), flush=True)
    parquet, csv = args.work / "local-tables.parquet", args.work / "local-package"
    print(json.dumps({"same_bytes": {fmt: len(found) == 1 for fmt, found in digests.items()}}))
    print(json.dumps({"parquet_bytes": size(parquet), "csv_bytes": size(csv), "csv_zipped_bytes": zipped_size(csv)}))
    seconds, rows = speakers(parquet)
    print(json.dumps({"duckdb_speakers_seconds": round(seconds, 2), "top": rows}, default=str))


if __name__ == "__main__":
    main()
