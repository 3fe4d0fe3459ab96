"""The optional dependencies of conversion on a cluster, and the one-line error when they are missing."""

from __future__ import annotations

import importlib

from newsreport.errors import UsageError

INSTALL = "pip install 'newsreport[dask]'"
MODULES = ("dask", "dask.bag", "distributed", "fsspec")


class MissingExtraError(UsageError, ImportError):
    """An optional dependency is not installed; the message says which extra brings it.

    A usage error to the command line (exit 2), an `ImportError` to Python code that guards an
    optional import the usual way."""


def require() -> None:
    """Import what a cluster run needs, or say in one line how to install it."""
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            raise MissingExtraError(
                f"conversion on a cluster needs {name.split('.')[0]}, which is not installed: {INSTALL}"
            ) from None
