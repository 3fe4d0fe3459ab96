"""The optional dependency of the Parquet format, pyarrow (the `[parquet]` extra)."""

from __future__ import annotations

from newsreport import extras

INSTALL = extras.install_command("parquet")


def require() -> None:
    """Import pyarrow, or say in one line how to install it (a `MissingExtraError`: exit 2)."""
    extras.require("parquet", "the parquet format", ("pyarrow", "pyarrow.parquet"))
