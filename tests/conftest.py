"""Paths and fixtures shared by the tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from newsreport import NewsReport

# Property tests run a modest number of examples in the normal run; `--hypothesis-profile=thorough`
# runs thousands. Tests set no example counts of their own, so the profile decides.
settings.register_profile(
    "default",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile("thorough", settings.get_profile("default"), max_examples=2000)
settings.load_profile("default")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared folder (article, vendored schemas): `$NEWSREPORT_SHARED`, else `../shared`.

    Tests that need it skip when it is missing, unless `NEWSREPORT_REQUIRE_SHARED=1` (set by
    `.ci/run`), which turns the skip into a failure.
    """
    path = Path(os.environ.get("NEWSREPORT_SHARED", ROOT.parent / "shared"))
    if not path.is_dir():
        reason = f"the shared folder is not at {path} (set NEWSREPORT_SHARED)"
        if os.environ.get("NEWSREPORT_REQUIRE_SHARED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def article() -> str:
    """The article text, exactly as published."""
    return (EXAMPLES / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_data() -> dict[str, object]:
    """The example report as parsed JSON."""
    data: dict[str, object] = json.loads((EXAMPLES / "report.json").read_bytes())
    return data


@pytest.fixture(scope="session")
def report() -> NewsReport:
    """The example report."""
    return NewsReport.model_validate_json((EXAMPLES / "report.json").read_bytes())
