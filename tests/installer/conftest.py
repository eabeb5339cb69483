"""Registers the `installer` marker until pyproject.toml lists it."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "installer: builds the frozen bundle with installer/build.sh (minutes)"
    )
