"""Peak memory of one long conversion: N generated reports streamed through the command line.

    python -m benchmarks.memory 1000000 --to newsml-g2 -o /big/disk/out/
    python -m benchmarks.memory 1000000 --to csv -o /big/disk/archive.zip

The reports are made on the fly and piped to `newsreport convert - --from jsonl` as JSON Lines,
so no input archive has to fit on the disk (a million reports is 28 GB of JSON Lines). Twice a
second it samples the resident memory of the command's process tree: the main process alone and
the sum over the main process and its workers. The output is left where `-o` says.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

from benchmarks.archive import variants

_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def tree_rss_kb(root: int) -> tuple[int, int]:
    """Resident memory (KiB) of process `root` alone and of `root` with all its descendants."""
    family = family_rss_kb(root)
    return family.get(root, 0), sum(family.values())


def family_rss_kb(root: int) -> dict[int, int]:
    """Resident memory (KiB) of process `root` and of each of its descendants, by process id."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # Fields after the command name, which is in parentheses and may hold spaces.
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue  # the process ended while we looked
        pid = int(entry.name)
        parents[pid], rss[pid] = int(fields[1]), int(fields[21]) * _PAGE_KB
    family, grew = {root}, True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in family} - family
        family |= children
        grew = bool(children)
    return {pid: rss[pid] for pid in family if pid in rss}


def feed(n: int, stream: IO[bytes]) -> None:
    """Write n reports as JSON Lines to the command's stdin, then close it."""
    try:
        for variant in variants(n):
            stream.write(json.dumps(variant, ensure_ascii=False).encode() + b"\n")
    finally:
        stream.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="reports to convert")
    parser.add_argument("--to", required=True, help="output format")
    parser.add_argument("-o", "--output", required=True, help="output file, or folder (DIR/)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    command = [sys.executable, "-m", "newsreport", "convert", "-", "--from", "jsonl"]
    command += ["--to", args.to, "-o", args.output, "--jobs", str(args.jobs)]
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=errors)
        assert process.stdin is not None
        threading.Thread(target=feed, args=(args.n, process.stdin), daemon=True).start()
        peak_main = peak_total = 0
        while process.poll() is None:
            main_kb, total_kb = tree_rss_kb(process.pid)
            peak_main, peak_total = max(peak_main, main_kb), max(peak_total, total_kb)
            time.sleep(0.5)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(command)}: {errors.read().decode()}")
    result = {
        "reports": args.n,
        "to": args.to,
        "jobs": args.jobs,
        "seconds": round(seconds),
        "reports_per_s": round(args.n / seconds),
        "peak_main_mb": round(peak_main / 1024),
        "peak_all_processes_mb": round(peak_total / 1024),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
