"""Reading the extractor's word lists, the tab-separated files in `newsreport/extraction/lexicons/`.

Each file has one comment line (`# ...`, where the words come from), a header line naming the
columns, then one entry a line. Read once, at import, by the module that uses them.
"""

from __future__ import annotations

from importlib.resources import files


def read_lexicon(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `lexicons/<name>` as dicts keyed by the header's column names."""
    lines = files("newsreport.extraction").joinpath("lexicons").joinpath(name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("# ")]
    header, entries = rows[0], rows[1:]
    return tuple(dict(zip(header, entry, strict=True)) for entry in entries)
