"""The standard streams as a command-line tool must treat them: closed ones, and closed pipes.

A program started with a standard stream closed (`<&-`, `>&-`, `2>&-`) would give that stream's
descriptor to the next file it opens, so a message meant for stderr could land in the output
file. `guard_closed` puts `/dev/null` on each closed descriptor first, and makes the Python
stream an error to use (a write to a closed stdout is a failure, not output quietly lost).
`end_at_closed_pipe` is the quiet end of `newsreport ... | head -1`, as Unix tools end there.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys

BROKEN_PIPE_EXIT = 128 + signal.SIGPIPE
"""The exit code when the reader of our output went away: what a shell reports for a tool
that SIGPIPE stopped."""


class _Closed(io.RawIOBase):
    """A standard stream that was closed when the program started: every use is an error."""

    def __init__(self, name: str) -> None:
        self.name = name

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer: object) -> int:
        raise OSError(errno.EBADF, "closed when newsreport started", self.name)

    def write(self, data: object) -> int:
        raise OSError(errno.EBADF, "closed when newsreport started", self.name)


def guard_closed() -> None:
    """Occupy each closed standard descriptor with `/dev/null`; make a closed stdin or stdout an
    `OSError` naming it when used (`<stdout>: closed when newsreport started`), and let messages
    to a closed stderr go nowhere (the exit code still tells)."""
    for number, name in enumerate(("stdin", "stdout", "stderr")):
        try:
            os.fstat(number)
        except OSError:
            taken = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: this one
            assert taken == number
            stream = open(taken, "w", closefd=False) if name == "stderr" else _closed_text(f"<{name}>")  # noqa: SIM115
            setattr(sys, name, stream)


def _closed_text(name: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(_Closed(name), write_through=True)


def buffer_stdout() -> None:
    """Put a buffer under stdout where there is none (`PYTHONUNBUFFERED`, `python -u`): a raw
    file's `write` may write only part of the data and say so only by its return value, which
    `write` callers do not check, so a full disk would cut the output without an error."""
    if isinstance(sys.stdout, io.TextIOWrapper) and isinstance(sys.stdout.buffer, io.RawIOBase):
        encoding, errors = sys.stdout.encoding, sys.stdout.errors
        buffered = io.BufferedWriter(sys.stdout.detach())
        sys.stdout = io.TextIOWrapper(buffered, encoding=encoding, errors=errors, write_through=True)


def end_at_closed_pipe() -> int:
    """After a `BrokenPipeError` on stdout: silence stdout (so the interpreter's last flush
    cannot complain), and give the exit code for it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return BROKEN_PIPE_EXIT
