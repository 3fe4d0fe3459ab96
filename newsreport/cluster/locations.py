"""Inputs and outputs named by a path or an fsspec URL (`s3://`, `gcs://`, `memory://`, `file://`).

A plain path or a `file://` URL is a local path, read and written by the local batch's own code
(so a cluster run over local files names them as a local run does); any other URL goes through
the fsspec file system its protocol names. There is no code here of our own per store.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fsspec import AbstractFileSystem  # type: ignore[import-untyped]
from fsspec.core import url_to_fs  # type: ignore[import-untyped]
from fsspec.implementations.local import LocalFileSystem  # type: ignore[import-untyped]

from newsreport.batch.units import readable_name
from newsreport.errors import UsageError


def file_system(name: str) -> tuple[AbstractFileSystem, str]:
    """The fsspec file system of a URL, and the path in it; a protocol fsspec does not know,
    or whose package is not installed (`s3fs` for `s3://`), is a usage error naming the URL."""
    try:
        fs, path = url_to_fs(name)
    except (ValueError, ImportError) as exc:
        raise UsageError(f"{name}: cannot open this store: {exc}") from None
    return fs, str(path)


def local_path(name: str) -> str | None:
    """The local path `name` stands for (a path, or a `file://` URL; a final `/`, which says
    "a folder", kept), else None."""
    if "://" not in name:
        return name
    fs, path = file_system(name)
    if not isinstance(fs, LocalFileSystem):
        return None
    return path + "/" if name.endswith("/") and not path.endswith("/") else path


def source_name(name: str) -> str:
    """How reports read from `name` name their source: a local path as the local batch names it
    (`str(Path(...))`), any other URL as given."""
    path = local_path(name)
    return str(Path(path)) if path is not None else name


def open_input(name: str) -> BinaryIO:
    """`name` opened for reading, locally or through fsspec."""
    path = local_path(name)
    if path is not None:
        return Path(path).open("rb")
    fs, remote = file_system(name)
    opened: BinaryIO = fs.open(remote, "rb")
    return opened


def read_range(name: str, start: int, end: int) -> bytes:
    """Bytes `[start, end)` of `name`: a ranged read of the store (fsspec's `cat_file`), not a
    seek on an opened file, which `memory://` shares between all who open it (threads race)."""
    path = local_path(name)
    if path is not None:
        with Path(path).open("rb") as file:
            file.seek(start)
            return file.read(end - start)
    fs, remote = file_system(name)
    return bytes(fs.cat_file(remote, start=start, end=end))


def exists(name: str) -> bool:
    path = local_path(name)
    if path is not None:
        return Path(path).exists()
    fs, remote = file_system(name)
    return bool(fs.exists(remote))


def is_folder(name: str) -> bool:
    path = local_path(name)
    if path is not None:
        return Path(path).is_dir()
    fs, remote = file_system(name)
    return bool(fs.isdir(remote))


def remote_members(name: str) -> Iterator[str]:
    """What a remote folder holds to read, recursively, in the order the local batch reads a
    local folder (`batch.units.folder_members`): sorted by name, sub-folders where their names
    fall. A CSV package folder is read from a local path only (or zipped, from anywhere)."""
    fs, root = file_system(name)
    entries = sorted(fs.ls(root, detail=True), key=lambda entry: posixpath.basename(entry["name"].rstrip("/")))
    for entry in entries:
        member = fs.unstrip_protocol(entry["name"])
        base = posixpath.basename(entry["name"].rstrip("/"))
        if base == "datapackage.json":
            raise UsageError(f"{name}: a CSV package folder is read from a local path on a cluster: zip it, or copy it")
        if entry["type"] == "directory":
            yield from remote_members(member)
        elif readable_name(Path(base)):
            yield member
