"""The application survives PySide6 6.12's lost references to None (see refcount_guard)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Each call below gives back a None whose reference PySide6 6.12 forgets to take.
_SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
{guard}
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
for _ in range(200_000):
    widget.parentWidget()
print("survived")
"""


def _run(guard: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT.format(guard=guard)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.gui
def test_the_application_survives_many_null_returns() -> None:
    result = _run("import bureau_app")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"


@pytest.mark.gui
def test_the_guard_is_still_needed_exactly_where_it_applies() -> None:
    """If this fails on CPython 3.11, PySide6 is fixed: remove refcount_guard."""
    from bureau_app.refcount_guard import needs_guard

    result = _run("")
    if needs_guard():
        assert result.returncode != 0
        assert "none_dealloc" in result.stderr
    else:
        assert result.returncode == 0, result.stderr[-2000:]
