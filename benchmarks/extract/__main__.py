"""Issue 13's figures of the extractor on a PolNeAR split, then on the seed article.

    python -m benchmarks.extract ../shared/data/polnear/dev [--by-publisher] [--errors N]
        [--passes N] [--json FILE]

Reads the split (`polnear`), drafts every article with `newsreport.extract(text,
published=<the date in the file name>, language="en")`, scores the drafts (`metric`, `score`),
times the extraction alone on one core (`speed`; `--passes 0` skips it), compares the draft of
`examples/article.txt` with `examples/report.json` (`seed`) and prints one Markdown table
(`table`). `--by-publisher` adds a row per publisher, `--errors N` the first N misses of each
kind (for tuning: on train), `--json FILE` writes everything measured.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import subprocess
import sys
from pathlib import Path

from benchmarks.extract.metric import figures
from benchmarks.extract.polnear import PolnearError, read_split
from benchmarks.extract.score import DraftError, by_publisher, load_extractor, run, total
from benchmarks.extract.seed import seed_rows
from benchmarks.extract.speed import articles_per_second
from benchmarks.extract.table import failure_lines, markdown, miss_lines, publisher_table, rows

ROOT = Path(__file__).resolve().parents[2]


def commit() -> str:
    """The commit measured, and whether `newsreport/` differs from it."""
    git = ["git", "-C", str(ROOT)]
    try:
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        changed = subprocess.run([*git, "status", "--porcelain", "--", "newsreport"], capture_output=True, text=True)
    except OSError:  # no git: a source tree without history
        return "unknown"
    return f"{head or 'unknown'}{' + uncommitted changes in newsreport/' if changed.stdout.strip() else ''}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extract", description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--by-publisher", action="store_true", help="also a row per publisher")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N misses of each kind")
    parser.add_argument("--passes", type=int, default=3, metavar="N", help="timing passes, best kept (0: no timing)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures and counts as JSON")
    options = parser.parse_args(argv)
    try:
        extract = load_extractor()
        articles = read_split(options.split)
        results = run(extract, articles)
        scored = [r.article for r in results if r.failure is None]
        rate = articles_per_second(extract, scored, options.passes) if options.passes > 0 and scored else None
        seed = seed_rows(extract)
    except (ImportError, PolnearError, DraftError, OSError) as error:
        print(f"benchmarks.extract: error: {error}", file=sys.stderr)
        return 1
    tally = total(results)
    measured = commit()
    print(f"PolNeAR `{options.split.name}` at commit {measured}, Python {platform.python_version()}\n")
    print("\n".join(markdown([*rows(tally, rate), *seed])))
    publishers = by_publisher(results)
    if options.by_publisher:
        print("\n" + "\n".join(publisher_table(publishers)))
    for line in [*failure_lines(results), *(miss_lines(results, options.errors) if options.errors else [])]:
        print(line)
    if options.json:
        counts = {f.name: getattr(tally, f.name) for f in dataclasses.fields(tally) if f.name != "misses"}
        document = {
            "split": str(options.split),
            "commit": measured,
            "figures": figures(tally),
            "counts": counts,
            "articles_per_second": rate,
            "by_publisher": {name: figures(t) for name, t in publishers.items()},
            "seed": [dataclasses.asdict(row) for row in seed],
            "failures": {r.article.name: r.failure for r in results if r.failure},
        }
        options.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
