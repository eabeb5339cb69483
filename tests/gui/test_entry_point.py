"""`bureau-app --help` works with no display at all; bad options are refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "bureau_app.main", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_help_needs_no_display() -> None:
    result = _run("--help")
    assert result.returncode == 0, result.stderr
    assert "--lang {fr,en}" in result.stdout
    assert "PySide6" not in result.stderr


def test_an_unknown_language_is_refused() -> None:
    result = _run("--lang", "de")
    assert result.returncode == 2
    assert "--lang" in result.stderr


@pytest.mark.gui
def test_the_application_is_built_in_the_chosen_language(qtbot, qapp, settings) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.i18n import install_language
    from bureau_app.window import make_application

    try:
        app = make_application("en", settings)
        assert app is qapp
        assert app.translate("Phases", "Vote à blanc") == "Test vote"
    finally:
        install_language(qapp, "fr")
