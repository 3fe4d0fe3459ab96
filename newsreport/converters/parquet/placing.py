"""What is Parquet's own in putting a package in place (`csv_.placing` does the rest): a folder
replaces only an empty one or a Parquet package newsreport wrote (nothing else beside its
files), as a CSV package does, and a zip stores the parts as they are.

A package has folders (one per table), so the CSV writer's check, which takes only files, would
refuse it; this one takes the table folders the descriptor's paths name.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from newsreport.converters.csv_.placing import Placing
from newsreport.converters.csv_.tables import LAYOUT_KEY
from newsreport.converters.parquet.descriptor import FORMAT
from newsreport.errors import UsageError
from newsreport.files import keep_mode
from newsreport.limits import MAX_DESCRIPTOR_BYTES


def check_replaceable(folder: Path) -> None:
    """Refuse to write a package at `folder` unless nothing is there, or an empty folder, or a
    Parquet package this program wrote with nothing else in it."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except FileNotFoundError:
        return
    except NotADirectoryError:
        message = f"{folder}: exists and is not a folder; refusing to replace it with a Parquet package"
        raise UsageError(message) from None
    ours = _files_of_package(folder) if entries else set()
    folders = {PurePosixPath(name).parts[0] for name in ours if "/" in name}
    for entry in entries:
        if entry.name in folders and entry.is_dir(follow_symlinks=False):
            with os.scandir(entry.path) as scan:
                other = next((f"{entry.name}/{e.name}" for e in scan if not _listed(e, entry.name, ours)), None)
        else:
            other = None if _listed(entry, "", ours) else entry.name
        if other is not None:
            raise UsageError(
                f"{folder}: holds more than a Parquet package newsreport wrote ({other!r}); refusing to replace it"
            )


def _listed(entry: os.DirEntry[str], parent: str, ours: set[str]) -> bool:
    """Whether `entry` is a regular file of the package (a link to one is not)."""
    name = f"{parent}/{entry.name}" if parent else entry.name
    return name in ours and entry.is_file(follow_symlinks=False)


def _files_of_package(folder: Path) -> set[str]:
    """The files of the Parquet package in `folder` if this program wrote it, else none."""
    try:
        with (folder / "datapackage.json").open("rb") as file:
            descriptor = json.loads(file.read(MAX_DESCRIPTOR_BYTES))  # longer is not ours
        if LAYOUT_KEY not in descriptor:
            return set()
        names = {"datapackage.json"}
        for resource in descriptor["resources"]:
            if resource["format"] != FORMAT:
                return set()
            names.update(resource["path"])
    except (OSError, ValueError, TypeError, KeyError):
        return set()
    return {name for name in names if isinstance(name, str) and ".." not in PurePosixPath(name).parts}


def zip_package(folder: Path, archive: Path | BinaryIO) -> None:
    """Zip a package folder, `datapackage.json` first, then each table's parts, with fixed
    times; the parts are stored as they are (zstd has compressed them already)."""
    parts = sorted(p.relative_to(folder).as_posix() for p in folder.glob("*/*.parquet"))
    with zipfile.ZipFile(archive, "w") as z:
        for name in ["datapackage.json", *parts]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
            with (folder / name).open("rb") as source, z.open(info, "w", force_zip64=True) as target:
                shutil.copyfileobj(source, target, 1024 * 1024)


PLACING = Placing(check_replaceable, zip_package, keep_mode)
"""How a Parquet package is put in place (its table folders keep the modes new folders get)."""
