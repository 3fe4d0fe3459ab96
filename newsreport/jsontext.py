"""Parsing JSON text for every reader that takes it: one place for the errors it can raise.

Python's `json` keeps the last of two equal keys in an object without a word, so
`{"id": "urn:x:1", "id": "urn:x:2"}` would be read as `urn:x:2`. `loads` refuses a repeated
key with its JSON path instead, or reports each to a callback for readers that take other
people's JSON (web pages) and may only warn. The check costs one `dict` per object on the way
in; the path is worked out only when there is a duplicate, by parsing again.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

from newsreport.errors import ReadError

OnDuplicate = Callable[[str, str], None]
"""Told of a repeated key: its JSON path (`$.participants[2].id`) and the key."""


def loads(
    data: bytes | str,
    source: str,
    *,
    format: str = "",
    line: int | None = None,
    on_duplicate: OnDuplicate | None = None,
    strict: bool = True,
) -> Any:
    """The value a JSON text holds, or a `ReadError` saying where it breaks.

    `line` numbers a JSON Lines line, and is put before every location. A repeated key in an
    object is refused with its path, unless `on_duplicate` is given: then it is called for each
    (in document order) and the last value is kept, as `json` does. `NaN`, `Infinity` and
    numbers too long for Python are refused too. `strict=False` lets strings hold control
    characters, as `json.loads` does with it.
    """
    try:
        return json.loads(data, object_pairs_hook=_unique, parse_constant=_not_json, strict=strict)
    except _DuplicateKeyError:
        pass  # where is found below, once the whole text is known to be JSON (it may break later)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise _read_error(exc, source, format, line) from None
    try:
        pairs = json.loads(data, object_pairs_hook=_Pairs, parse_constant=_not_json, strict=strict)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise _read_error(exc, source, format, line) from None
    duplicates = list(_duplicates(pairs))
    if on_duplicate is None:
        path, key = duplicates[0]
        prefix = f"line {line}: " if line is not None else ""
        raise ReadError(f"duplicate key {key!r}", source=source, location=prefix + path, format=format)
    for path, key in duplicates:
        on_duplicate(path, key)
    return json.loads(data, parse_constant=_not_json, strict=strict)


def _read_error(exc: Exception, source: str, format: str, line: int | None) -> ReadError:
    """Where and why a text is not JSON."""
    if isinstance(exc, UnicodeDecodeError):
        where = f"line {line}, byte {exc.start}" if line else f"byte {exc.start}"
        return ReadError(f"not UTF-8: {exc.reason}", source=source, location=where, format=format)
    if isinstance(exc, json.JSONDecodeError):
        where = f"line {line or exc.lineno}, column {exc.colno}"
        return ReadError(f"invalid JSON: {exc.msg}", source=source, location=where, format=format)
    where = f"line {line}" if line else ""
    if isinstance(exc, RecursionError):
        return ReadError("JSON nested too deeply", source=source, location=where, format=format)
    # `_not_json`'s, or Python's own for an integer too long to convert
    too_long = "integer string conversion" in str(exc)
    reason = f"a number of more than {sys.get_int_max_str_digits():,} digits" if too_long else str(exc)
    return ReadError(f"invalid JSON: {reason}", source=source, location=where, format=format)


def _not_json(constant: str) -> Any:
    """Refuse `NaN`, `Infinity` and `-Infinity`, which Python's `json` reads but JSON has not."""
    raise ValueError(f"{constant} is not a JSON value")


class _DuplicateKeyError(Exception):
    """An object repeats a key (where is found afterwards, on the slow path)."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's `dict`, refusing it if it has fewer keys than pairs."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _DuplicateKeyError
    return obj


class _Pairs(list[tuple[str, Any]]):
    """An object kept as its key-value pairs, duplicates and all, to find where they are."""


def _duplicates(root: Any) -> Iterator[tuple[str, str]]:
    """The JSON path and key of every repeated key in `root`, in document order. The walk keeps
    its own stack, so a value `json` could parse never exhausts Python's."""
    frames: list[tuple[Iterator[tuple[str, str | None, Any]], set[str]]] = [(iter([("$", None, root)]), set())]
    while frames:
        members, seen = frames[-1]
        member = next(members, None)
        if member is None:
            frames.pop()
            continue
        path, key, node = member
        if key is not None:
            if key in seen:
                yield path, key
            seen.add(key)
        if isinstance(node, list):
            frames.append((_members(path, node), set()))


def _members(path: str, node: list[Any]) -> Iterator[tuple[str, str | None, Any]]:
    """The path, key (None in an array) and value of each member of an object or array."""
    if isinstance(node, _Pairs):
        for key, value in node:
            yield f"{path}.{key}", key, value
    else:
        for index, value in enumerate(node):
            yield f"{path}[{index}]", None, value
