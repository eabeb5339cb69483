"""The `installer` marker, and the frozen build kept out of ordinary runs.

Building the bundle twice takes minutes of both cores (installer/README.md),
so tests marked `installer` run only when asked for: `-m installer` (or any
marker expression naming it) or BUREAU_INSTALLER_TEST=1, as CI may set. They
are deselected otherwise, never skipped: a deselected test is not counted as
passed.
"""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    asked = "installer" in (config.getoption("markexpr") or "")
    if asked or os.environ.get("BUREAU_INSTALLER_TEST") == "1":
        return
    left_out = [item for item in items if item.get_closest_marker("installer")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker("installer")]
