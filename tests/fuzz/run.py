"""Fuzz one reader for a given time with random mutations of a valid document (no hypothesis).

    python -m tests.fuzz.run csv --seconds 600

Prints how many documents were tried; any exception other than ReadError stops the run, saves
the document under tests/fuzz/crashes/ and exits 1 (then make it a regression test).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
import traceback
import warnings
from pathlib import Path

from newsreport import ReadError, read, write
from newsreport.converters import FORMATS
from newsreport.errors import ReadWarning

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "report.json"


def seed(fmt: str) -> bytes:
    report = read(EXAMPLE)
    if fmt == "html":
        return b'<html><head><script type="application/ld+json">' + write(report, "jsonld") + b"</script></head></html>"
    out = io.BytesIO()
    FORMATS[fmt].write_all([report], out)
    return out.getvalue()


def mutate(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(max(len(buffer), 1))
        action = rng.choice(["flip", "cut", "insert", "truncate", "repeat"])
        if action == "flip" and buffer:
            buffer[at] = rng.randrange(256)
        elif action == "cut":
            del buffer[at : at + rng.randint(1, 64)]
        elif action == "insert":
            buffer[at:at] = rng.choice([b"<", b'"', b"{", b"]]>", b"\x00", b"&#0;", rng.randbytes(rng.randint(1, 16))])
        elif action == "truncate":
            del buffer[at:]
        else:
            buffer[at:at] = buffer[at : at + rng.randint(1, 200)]
    return bytes(buffer)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("reader", choices=["json", "jsonl", "jsonld", "html", "newsml-g2", "ninjs", "csv"])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng, original, tried = random.Random(args.seed), seed(args.reader), 0
    deadline = time.monotonic() + args.seconds
    warnings.simplefilter("ignore", ReadWarning)
    while time.monotonic() < deadline:
        data = mutate(original, rng)
        tried += 1
        try:
            for _ in FORMATS[args.reader].read_all(io.BytesIO(data), "fuzz"):
                pass
        except ReadError as exc:
            if "\n" in str(exc):
                print(f"multi-line error after {tried} documents: {exc!r}")
                return 1
        except Exception:
            crashes = Path(__file__).parent / "crashes"
            crashes.mkdir(exist_ok=True)
            (crashes / f"{args.reader}-{args.seed}-{tried}.bin").write_bytes(data)
            traceback.print_exc()
            print(f"crash after {tried} documents; saved in {crashes}")
            return 1
    print(f"{args.reader}: {tried} mutated documents in {args.seconds:.0f} s, no crash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
