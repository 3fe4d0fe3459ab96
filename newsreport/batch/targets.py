"""Whether a run may write where it was told to, checked before anything is written: an output
is never one of the inputs (by any name: a symbolic or hard link), never inside an input folder
(the run would read its own output back) and never nameless."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsreport.errors import UsageError
from newsreport.files import real_path


def output_path(output: str | Path, inputs: Iterable[str | Path], whole_folder: bool = False) -> Path:
    """`output` as a path, once it is safe to write there; `whole_folder` says the output
    replaces a folder with all in it (a CSV package), so no input may lie inside it either."""
    if str(output) == "":
        raise UsageError("the output name is empty: name a file or folder with -o, or - for stdout")
    out = Path(output)
    real = real_path(out)
    if not real.parent.is_dir():
        raise UsageError(f"{output}: there is no folder {real.parent} to write it in")
    for name in inputs:
        if str(name) == "-":
            continue
        source = real_path(Path(name))
        if source == real or _same_file(source, real) or (whole_folder and source.is_relative_to(real)):
            raise UsageError(f"{output}: refusing to write over an input")
        if source.is_dir() and real.is_relative_to(source):
            raise UsageError(f"{output}: inside the input folder {name}, so the run would read its own output back")
    return out


def _same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` are one file under two names (a hard link)."""
    try:
        return a.samefile(b)
    except OSError:
        return False
