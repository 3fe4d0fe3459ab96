"""The command line as users run it: `python -m newsreport` in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

COMMAND = [sys.executable, "-m", "newsreport"]


def run(
    *args: str | Path,
    stdin: bytes = b"",
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], object] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """`newsreport ARGS`, its output captured; `stdin` is all it reads there (it never waits for
    input), and `env` is added to our environment. A run that hangs fails after five minutes."""
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=300,
        cwd=cwd,
        env=None if env is None else {**os.environ, **env},
        preexec_fn=preexec_fn,
    )


__all__ = ["COMMAND", "run"]
