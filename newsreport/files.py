"""Writing files so that a reader never sees half of one, and what was there keeps its mode and owner.

A target that is a device, a FIFO or a socket (`/dev/null`, `/dev/stdout`, `mkfifo p`, or a link
to one) is written into as a stream, never replaced by a regular file; a symbolic link is
followed, so the file it names is written and the link stays.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsreport.errors import WriteError


def is_stream(path: Path) -> bool:
    """Whether `path` is (or links to) something other than a regular file or a folder: a
    device, a FIFO or a socket, which is written into and never replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def real_path(path: Path) -> Path:
    """`path` with every symbolic link followed: the file a write replaces, so the link stays."""
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def naming(target: object) -> Iterator[None]:
    """Turn an `OSError` of writing (a full disk, a folder that cannot be written) into a
    `WriteError` naming the output the user gave, not the temporary file it happened in.
    A closed pipe passes as it is: the command line ends quietly there."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise WriteError(f"{target}: cannot write: {exc.strerror or exc}") from None


def temp_file_beside(path: Path) -> Path:
    """A new, private, empty file in `path`'s folder, named after it (`.NAME.XXXX.part`)."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(handle)
    return Path(name)


def temp_folder_beside(path: Path) -> Path:
    """A new, private, empty folder in `path`'s folder, named after it (`.NAME.XXXX.part`)."""
    return Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part"))


def write_atomically(path: Path, fill: Callable[[BinaryIO], None]) -> None:
    """Write `path` through `fill`, all or nothing (a stream target: straight into it).

    The bytes go to a temporary file beside `path`, which replaces it only once `fill` has
    returned; if `fill` raises (or the process is interrupted), `path` is left as it was and
    the temporary file is removed.
    """
    with naming(path):
        if is_stream(path):
            with path.open("wb") as stream:
                fill(stream)
            return
        target = real_path(path)
        temp = temp_file_beside(target)
        try:
            with temp.open("wb") as stream:
                fill(stream)
            publish(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise


def publish(temp: Path, path: Path) -> None:
    """Move a finished temporary file or folder to `path`, with the mode and owner of what it
    replaces (temporary files are created private)."""
    keep_mode(temp, path)
    temp.replace(path)


def keep_mode(new: Path, like: Path) -> None:
    """Give `new` the mode and owner of `like` (the owner where we may), or the permissions any
    new file or folder gets when there is no `like`."""
    try:
        old = like.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        new.chmod((0o777 if new.is_dir() else 0o666) & ~umask)
        return
    with contextlib.suppress(PermissionError):
        os.chown(new, old.st_uid, old.st_gid)  # before chmod, which a change of owner can clear
    new.chmod(stat.S_IMODE(old.st_mode))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path`, all or nothing."""
    write_atomically(path, lambda stream: _put(stream, data))


def _put(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)
