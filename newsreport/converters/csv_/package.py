"""The files of a CSV package: a folder, its `datapackage.json`, or a zip read in place.

A zip is never extracted: entries that would leave the folder, links, entries twice and zip
bombs are refused before anything is read, and a damaged entry is a `ReadError` where it is read.
"""

from __future__ import annotations

import lzma
import re
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import IO, Any

from newsreport.converters.csv_.tables import LAYOUT_KEY
from newsreport.errors import ReadError
from newsreport.jsontext import loads
from newsreport.limits import MAX_DESCRIPTOR_BYTES, MAX_ZIP_RATIO, max_document_bytes

DAMAGED_ZIP = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    OSError,
    EOFError,
    NotImplementedError,
    zipfile.LargeZipFile,
    RuntimeError,
)
"""What zipfile raises on a damaged archive: OSError from bz2 on a damaged bzip2 entry,
RuntimeError for an entry marked encrypted; its ValueErrors are caught only where no ReadError
can be."""


_BOMB = "compressed too highly to be data (a zip bomb?)"


def _bomb(size: int, compressed: int) -> bool:
    """Whether `size` bytes unzipped from `compressed` are a bomb rather than data."""
    return size > max_document_bytes() and size > MAX_ZIP_RATIO * max(compressed, 1)


class Package:
    """The files of a package: a folder, or a zip read in place (nothing is extracted)."""

    def __init__(self, path: Path | IO[bytes], source: str) -> None:
        self.source = source
        self.zip: zipfile.ZipFile | None = None
        if not isinstance(path, Path):
            self.zip = self._open_zip(path)
            self.root = Path()
        elif path.is_dir():
            self.root = path
        elif path.name == "datapackage.json":
            self.root = path.parent
        elif zipfile.is_zipfile(path):
            self.zip = self._open_zip(path)
            self.root = Path()
        else:
            raise ReadError("not a CSV package: give its folder, its datapackage.json or a .zip", source=source)

    def _open_zip(self, file: Path | IO[bytes]) -> zipfile.ZipFile:
        """Open a zip, refusing entries that would leave the folder, links and bombs."""
        try:
            archive = zipfile.ZipFile(file)
        except (*DAMAGED_ZIP, ValueError) as exc:
            raise ReadError(f"not a zip: {exc}", source=self.source) from None
        total = compressed = 0
        names: set[str] = set()
        for info in archive.infolist():
            if info.filename in names:  # zipfile would read the last one, and the first be lost
                raise ReadError("appears twice in the zip", source=self.source, location=f"zip entry {info.filename!r}")
            names.add(info.filename)
            name = PurePosixPath(info.filename.replace("\\", "/"))
            if name.is_absolute() or ".." in name.parts or re.match(r"^[A-Za-z]:", info.filename):
                raise ReadError(
                    "the path leaves the package folder", source=self.source, location=f"zip entry {info.filename!r}"
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ReadError(
                    "symbolic links are not allowed", source=self.source, location=f"zip entry {info.filename!r}"
                )
            total, compressed = total + info.file_size, compressed + info.compress_size
            if _bomb(info.file_size, info.compress_size):
                raise ReadError(_BOMB, source=self.source, location=f"zip entry {info.filename!r}")
        if _bomb(total, compressed):
            raise ReadError(_BOMB, source=self.source)
        return archive

    def open(self, name: str) -> IO[bytes]:
        if self.zip is not None:
            try:
                return self.zip.open(name)
            except KeyError:
                raise ReadError("no such file in the package", source=self.source, location=name) from None
            except (*DAMAGED_ZIP, ValueError) as exc:  # zipfile: "negative seek value" and the like
                raise ReadError(f"a damaged zip entry: {exc}", source=self.source, location=name) from None
        path = self.root / name
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise ReadError("the path leaves the package folder", source=self.source, location=name)
        try:
            return path.open("rb")
        except FileNotFoundError:
            raise ReadError("no such file in the package", source=self.source, location=name) from None
        except OSError as exc:
            raise ReadError(f"cannot be read: {exc.strerror}", source=self.source, location=name) from None

    def descriptor(self) -> dict[str, Any]:
        with self.open("datapackage.json") as handle:
            try:
                text = handle.read(MAX_DESCRIPTOR_BYTES + 1)
            except DAMAGED_ZIP as exc:
                raise ReadError(
                    f"a damaged zip entry: {exc}", source=self.source, location="datapackage.json"
                ) from None
        if len(text) > MAX_DESCRIPTOR_BYTES:
            message = f"over {MAX_DESCRIPTOR_BYTES:,} bytes (MAX_DESCRIPTOR_BYTES): not one this program wrote"
            raise ReadError(message, source=self.source, location="datapackage.json")
        try:
            data = loads(text, self.source)  # a repeated key, too deep a nesting: ReadErrors
        except ReadError as exc:
            where = ": ".join(filter(None, ("datapackage.json", exc.location)))
            raise ReadError(exc.message, source=self.source, location=where) from None
        if not isinstance(data, dict) or LAYOUT_KEY not in data:
            raise ReadError(
                f"not a newsreport CSV package (no {LAYOUT_KEY})",
                source=self.source,
                location="datapackage.json",
            )
        return data
