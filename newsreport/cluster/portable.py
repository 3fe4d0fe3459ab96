"""Our errors, kept whole when they cross from a Dask worker to the client.

Pickle rebuilds an exception by calling its class with `args`, which for a `ReadError` (built
from keywords) loses its source and place. Registered here with `copyreg`, each error is
rebuilt from its arguments and attributes instead, without calling `__init__` again.
"""

from __future__ import annotations

import copyreg
from typing import Any

from newsreport.errors import LossError, NewsReportError, ReadError, UnknownFormatError, UsageError, WriteError


def _rebuild(cls: type[NewsReportError], args: tuple[Any, ...], state: dict[str, Any]) -> NewsReportError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


def _reduce(error: NewsReportError) -> tuple[Any, ...]:
    return _rebuild, (type(error), error.args, dict(error.__dict__))


def keep_whole(*classes: type[NewsReportError]) -> None:
    """Register `classes` (exact classes: pickle does not look at subclasses) to cross whole."""
    for cls in classes:
        copyreg.pickle(cls, _reduce)


keep_whole(NewsReportError, ReadError, UsageError, WriteError, LossError, UnknownFormatError)
