"""The optional dependency of the Parquet format, and the one-line error when it is missing."""

from __future__ import annotations

import importlib

from newsreport.errors import UsageError

INSTALL = "pip install 'newsreport[parquet]'"


def require() -> None:
    """Import pyarrow, or say in one line how to install it (a usage error: exit 2)."""
    for name in ("pyarrow", "pyarrow.parquet"):
        try:
            importlib.import_module(name)
        except ImportError:
            raise UsageError(f"the parquet format needs pyarrow, which is not installed: {INSTALL}") from None
