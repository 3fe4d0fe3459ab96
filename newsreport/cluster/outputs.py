"""Where a cluster run writes: the local batch's own sinks, fed in order on the client.

A local path or `file://` URL gets exactly the sink a local run gets (so the same bytes, the same
atomic commit, the same refusal to replace a folder that is not ours). Any other URL is built
in a local temporary folder by that same sink and, once committed, copied to a temporary name
beside the target and moved into place; on object storage the move is a copy, so a reader may
see a folder fill, but never a file that is not whole, and a failed run leaves nothing.
"""

from __future__ import annotations

import posixpath
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

from newsreport.batch import Sink, sink_for
from newsreport.batch.work import Result
from newsreport.cluster import locations
from newsreport.converters import Format
from newsreport.errors import UsageError


def sink_at(fmt: Format, output: str | None, excel: bool = False, inputs: Iterable[str] = ()) -> Sink:
    """The sink that writes `fmt` to `output` (a path or URL; None for stdout), refused as the
    local batch refuses it where it would destroy what the user did not name. A newsMessage is
    refused: it numbers its items across the whole run, and partitions are encoded apart."""
    if fmt.name == "newsml-g2" and (output is None or not _names_folder(output)):
        raise UsageError(
            "a newsMessage numbers its items across the whole run, which a cluster does not: "
            "write NewsML-G2 to a folder (-o DIR/), one file per report"
        )
    local_inputs = [path for path in map(locations.local_path, inputs) if path is not None]
    path = None if output is None else locations.local_path(output)
    if output is None or path is not None:
        return sink_for(fmt, path, excel=excel, inputs=local_inputs)
    return _Uploaded(fmt, output, excel)


def _names_folder(output: str) -> bool:
    return output.endswith(("/", "\\")) or locations.is_folder(output)


class _Uploaded(Sink):
    """A sink for a remote URL: the local sink in a temporary folder, uploaded at commit."""

    def __init__(self, fmt: Format, url: str, excel: bool) -> None:
        self.target = url
        self.fs, path = locations.file_system(url)
        self.path = path.rstrip("/")
        if self.fs.exists(self.path):
            raise UsageError(f"{url}: exists; on a remote store newsreport writes only a new name")
        self.folder = Path(tempfile.mkdtemp(prefix=".newsreport.", suffix=".upload"))
        name = posixpath.basename(self.path) or "output"
        self.local = self.folder / name
        self.inner = sink_for(fmt, str(self.local) + ("/" if url.endswith("/") else ""), excel=excel)
        self.encoder = self.inner.encoder

    def add(self, result: Result) -> None:
        self.inner.add(result)

    def commit(self) -> None:
        try:
            self.inner.commit()
            self._upload()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def abandon(self) -> None:
        self.inner.abandon()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _upload(self) -> None:
        parent, name = posixpath.split(self.path)
        temp = posixpath.join(parent, f".{name}.{uuid.uuid4().hex[:12]}.part")
        folder = self.local.is_dir()
        try:
            self.fs.put(str(self.local) + ("/" if folder else ""), temp, recursive=folder)
            self.fs.mv(temp, self.path, recursive=folder)
        except BaseException:
            if self.fs.exists(temp):
                self.fs.rm(temp, recursive=folder)
            raise
