"""Readable local ids for what other people's files name without one: `Jane Doe` → `jane-doe`."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "\u0131": "i", "ß": "ss"})
"""Latin letters that Unicode does not decompose into a base letter and a mark."""
_LENGTH = 60
"""How much of a name an id is made from (a model id may be at most 200 characters)."""


class LocalIds:
    """The local ids given so far in one report, each unique.

    An id made from a name that another already took gets the next free number (`jane-doe-2`);
    the number to try next is kept per id, so ten thousand alike names cost no more than ten
    thousand different ones.
    """

    def __init__(self) -> None:
        self._next: dict[str, int] = {}  # id given -> the last number added to make one from it unique

    def __contains__(self, local_id: str) -> bool:
        return local_id in self._next

    def claim(self, local_id: str) -> str:
        """Take `local_id` as it is (an id the source gave)."""
        self._next.setdefault(local_id, 1)
        return local_id

    def from_name(self, name: str, fallback: str) -> str:
        """A new id made from `name` (`fallback` when it has no Latin letter or digit): accents
        are dropped with their letters kept (`Österreich` → `osterreich`, not `sterreich`)."""
        base = _slug(name, fallback)
        local_id, n = base, self._next.get(base, 1)
        while local_id in self._next:
            n += 1
            local_id = f"{base}-{n}"
        self._next[base] = n
        return self.claim(local_id)


@lru_cache(maxsize=4096)
def _slug(name: str, fallback: str) -> str:
    """`name` as lower-case ASCII words joined by hyphens, starting with a letter. Kept per name:
    the extractor asks for the same names article after article."""
    plain = unicodedata.normalize("NFKD", name[:_LENGTH].translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or fallback
    return base if base[0].isalpha() else f"x-{base}"
