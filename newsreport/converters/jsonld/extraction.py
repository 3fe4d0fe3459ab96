"""A page's main text, for articles whose markup has no `articleBody`: found by trafilatura, a
well-kept main-text extraction library (the optional extra `newsreport[web]`).

trafilatura works on the page it is given: it fetches nothing (only its `fetch_url`, which we do
not call, goes to the network), and it reads no configuration file unless one is passed.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from typing import Any

EXTRA = "web"
"""The extra that installs the extraction library: `pip install 'newsreport[web]'`."""


def available() -> bool:
    """Whether the extraction library is installed."""
    return importlib.util.find_spec("trafilatura") is not None


def main_text(page: str) -> str | None:
    """The page's main text, paragraphs on lines of their own; None if none is found."""
    import trafilatura  # imported here: the extra is optional, and the import takes a while

    # trafilatura logs what it discards as warnings; with no handler set, Python prints them on
    # stderr, where ours are the only lines a user should see.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    # Not `fast`: its fallback extractors find the text where the main one finds only the page's
    # furniture (a slideshow page gave 176 characters of boilerplate, and 1,069 of text without it).
    text: Any = trafilatura.extract(
        page, output_format="txt", include_comments=False, include_tables=False, deduplicate=False
    )
    if not isinstance(text, str) or not text.strip():
        return None
    return text.strip()


def paragraphs(text: str) -> list[dict[str, Any]]:
    """Each non-empty line of `text` as a paragraph block."""
    return [{"kind": "paragraph", "span": {"start": m.start(), "end": m.end()}} for m in re.finditer(r"[^\n]+", text)]
