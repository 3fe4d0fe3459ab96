"""The optional extras (`pip install 'newsreport[parquet]'`): importing what one needs, or the
one-line error that says how to install it."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from newsreport.errors import UsageError


class MissingExtraError(UsageError, ImportError):
    """An optional dependency is not installed; the message says which extra brings it.

    A usage error to the command line (exit 2), an `ImportError` to Python code that guards an
    optional import the usual way."""


def install_command(extra: str) -> str:
    """The command that installs `extra`: `pip install 'newsreport[dask]'`."""
    return f"pip install 'newsreport[{extra}]'"


def require(extra: str, what: str, modules: Iterable[str]) -> None:
    """Import `modules`, which `what` needs; else raise a `MissingExtraError` naming the first
    missing one's distribution and how to install `extra`."""
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            package = name.split(".")[0]
            raise MissingExtraError(
                f"{what} needs {package}, which is not installed: {install_command(extra)}"
            ) from None
