"""The JSON that pages put in their JSON-LD blocks, read as browsers' and extruct's lenient
parsers read it.

A block is first read as JSON (with control characters allowed in strings, as Python's
`strict=False` and every browser's search engine do). Only a block that is not JSON is mended, by
one pass over its characters that keeps track of strings:

- `//` and `/* */` comments outside strings are dropped (extruct strips them with jstyleson);
- a comma before `}` or `]` is dropped (a trailing comma);
- a single-quoted string becomes a double-quoted one;
- a `"` inside a string that is not followed by `,` `:` `}` `]` or the end is taken as part of
  the string (HTML pasted into a value: `"url":"<img src="...">"`);
- what follows the first complete value, if it is only closing brackets and semicolons, is
  dropped (a stray `}`); values separated by commas without an array around them are read as
  the array they list.

No library does exactly this and only this (json5 takes comments and single quotes but not stray
brackets or unescaped quotes; json-repair guesses far more, e.g. missing values, and changes
what it cannot read without saying so): a block mended here is named in a warning by the caller.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

_CLOSERS_ONLY = re.compile(r"^[\s}\];]*$")


def loads_lenient(text: str, load: Callable[[str], Any]) -> tuple[Any, bool]:
    """The value of a JSON-LD block, and whether it had to be mended; `load` reads JSON text (and
    raises ValueError). A block that is not JSON even when mended raises `load`'s first error."""
    try:
        return load(text), False
    except ValueError as first:
        mended = mend(text).strip()
        try:
            _, end = json.JSONDecoder(strict=False).raw_decode(mended)
        except (json.JSONDecodeError, RecursionError):
            raise first from None
        rest = mended[end:].lstrip()
        if rest.startswith(","):  # values one after another, without the array around them
            mended, end = f"[{mended}]", len(mended) + 2
        elif not _CLOSERS_ONLY.match(rest):
            raise first from None
        try:
            return load(mended[:end]), True
        except ValueError:
            raise first from None


def mend(text: str) -> str:
    """`text` with comments, trailing commas and single quotes made JSON, and stray quotes escaped."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            i = _string(text, i, out)
        elif text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c in "}]":
            _drop_trailing_comma(out)
            out.append(c)
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _string(text: str, start: int, out: list[str]) -> int:
    """Copy the string starting at `start` as a JSON string; the index just past it."""
    quote = text[start]
    out.append('"')
    i, n = start + 1, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n:
            escaped = text[i + 1]
            out.append("'" if escaped == "'" else c + escaped)
            i += 2
        elif c == quote and (quote == "'" or _closes(text, i + 1)):
            out.append('"')
            return i + 1
        elif c == '"':
            out.append('\\"')  # a double quote inside a single-quoted string, or a stray one
            i += 1
        else:
            out.append(c)
            i += 1
    return n


def _closes(text: str, after: int) -> bool:
    """Whether a `"` followed by `text[after:]` ends its string: what comes next is JSON's."""
    rest = text[after : after + 200].lstrip()
    return not rest or rest[0] in ",:}]" or rest.startswith(("//", "/*"))


def _drop_trailing_comma(out: list[str]) -> None:
    """Remove a comma (and the white space after it) just before a closing bracket."""
    j = len(out) - 1
    while j >= 0 and out[j].isspace():
        j -= 1
    if j >= 0 and out[j] == ",":
        del out[j]
