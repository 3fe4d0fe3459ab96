"""How much of what the corpus carries newsreport keeps, field by field, next to extruct and trafilatura.

    .venv/bin/python benchmarks/corpus_coverage.py [--shared ../shared] [--peers /tmp/peers/bin/python]

For each row of issue 12's table it counts the files in `../shared/corpus/` that carry a field,
measured on the source itself (XPath over the XML by local name; the pages' JSON-LD blocks parsed
leniently here and their `<html lang>`), never by asking newsreport, and how many of those the
report newsreport reads keeps (public API, one report per newsItem). With `--peers`, the given
Python (a throwaway venv with extruct and trafilatura, never the project's) runs this file as a
worker over the pages and says what the peers keep of the same pages. Offline; a minute or two.

This file is the command line; the work is in `benchmarks/coverage/`: `newsml` and `pages` (what
the sources carry), `kept` (what the reports keep, row by row), `measure`, `peers` (the worker)
and `table`.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from pathlib import Path

# The package next to this file, found whichever Python runs it (the peers' has no newsreport).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.coverage.measure import Coverage, measure_items, measure_pages
from benchmarks.coverage.pages import Found
from benchmarks.coverage.peers import peer_answers, start_peers
from benchmarks.coverage.table import print_coverage

ROOT = Path(__file__).resolve().parent.parent


def offline() -> None:
    """Make any attempt to open a connection fail, in this process and the peers' (which inherit
    nothing, so they call it too): no reader, no peer may fetch a JSON-LD context or a page."""

    def refuse(*_: object, **__: object) -> None:
        raise OSError("corpus_coverage runs offline")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    parser.add_argument("--peers", help="a Python with extruct and trafilatura (a venv outside the project)")
    parser.add_argument("--verbose", action="store_true", help="name the files each row misses")
    parser.add_argument("--peer-answers", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    offline()
    if args.peer_answers:
        peer_answers(args.peer_answers)
        return 0
    corpus = args.shared / "corpus"
    if not corpus.is_dir():
        print(f"no corpus at {corpus} (give --shared)", file=sys.stderr)
        return 2
    running = start_peers(args.peers, Path(__file__).resolve(), corpus / "html") if args.peers else None
    coverage = Coverage()
    measure_items(corpus / "newsml-g2", coverage)
    peers: dict[str, dict[str, Found]] = {}
    if running is not None:
        out, err = running.communicate(timeout=1200)
        if running.returncode:
            print(f"the peers failed (exit {running.returncode}):\n{err}", file=sys.stderr)
        else:
            peers = json.loads(out)
            coverage.notes += [f"peer: {line}" for line in err.splitlines() if line.startswith(("extruct,", "traf"))]
    measure_pages(corpus / "html", coverage, peers)
    print_coverage(coverage, bool(peers), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
