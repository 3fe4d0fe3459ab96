"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, fill: Callable[[BinaryIO], None]) -> None:
    """Write `path` through `fill`, all or nothing.

    The bytes go to a temporary file beside `path`, which replaces it only once `fill` has
    returned; if `fill` raises (or the process is interrupted), `path` is left as it was and
    the temporary file is removed.
    """
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            fill(stream)
        publish(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def publish(temp: Path, path: Path) -> None:
    """Move a finished temporary file or folder to `path`, with the permissions a new one would
    have (temporary files are created private)."""
    umask = os.umask(0)
    os.umask(umask)
    temp.chmod((0o777 if temp.is_dir() else 0o666) & ~umask)
    temp.replace(path)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path`, all or nothing."""
    write_atomically(path, lambda stream: _put(stream, data))


def _put(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)
