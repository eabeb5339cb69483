"""bureau-app without a display says so, instead of Qt's misleading xcb-cursor0 hint."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bureau_app.display import NO_DISPLAY, _platforms_dir, display_problem
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")


@pytest.fixture
def platforms(tmp_path: Path) -> Path:
    """A Qt platforms folder holding the xcb, wayland and offscreen plugins."""
    folder = tmp_path / "platforms"
    folder.mkdir()
    for name in ("xcb", "wayland", "offscreen"):
        (folder / f"libq{name}.so").write_bytes(b"\x7fELF")
    return folder


def test_no_display_variable_is_no_display(platforms: Path) -> None:
    assert display_problem({}, platforms) == NO_DISPLAY
    assert display_problem({"DISPLAY": ""}, platforms) == NO_DISPLAY


def test_an_x_display_is_enough(platforms: Path) -> None:
    assert display_problem({"DISPLAY": ":0"}, platforms) is None


def test_a_wayland_session_is_enough(platforms: Path) -> None:
    env = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert display_problem(env, platforms) is None
    assert display_problem({"QT_QPA_PLATFORM": "wayland;xcb", **env}, platforms) is None


def test_the_platform_asked_for_decides(platforms: Path) -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, platforms) is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}, platforms) == NO_DISPLAY
    # An X display does not serve a Wayland-only request.
    assert display_problem({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, platforms) == (
        NO_DISPLAY
    )
    # Qt tries each platform of a list in turn.
    assert display_problem({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, platforms) is None


def test_a_missing_platform_plugin_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "platforms"
    empty.mkdir()
    problem = display_problem({"DISPLAY": ":0"}, empty)
    assert problem is not None and problem != NO_DISPLAY
    assert "« xcb »" in problem.french and str(empty) in problem.french
    assert "'xcb'" in problem.english and "reinstall" in problem.english


def test_the_message_is_french_then_english() -> None:
    lines = NO_DISPLAY.message().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("bureau-app : aucun écran trouvé")
    assert lines[1].startswith("bureau-app: no display found")


def test_the_installed_qt_has_the_plugins_looked_for() -> None:
    folder = _platforms_dir({})
    assert display_problem({"DISPLAY": ":0"}, folder) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, folder) is None


def _app_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    env.update(extra)
    return env


def test_bureau_app_without_a_display_says_so_and_exits() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bureau_app.main"],
        cwd=ROOT,
        env=_app_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr[-3000:]
    assert result.stderr == NO_DISPLAY.message()
    assert "xcb-cursor" not in result.stderr


@pytest.mark.gui
def test_bureau_app_starts_on_a_real_x_server(tmp_path: Path) -> None:
    require(shutil.which("xvfb-run") is not None, "xvfb-run (package xvfb)")
    # The check must not stand in the way of a real display: the GUI runs
    # until closed, so still running after a while means it started.
    gui = subprocess.Popen(
        [
            "xvfb-run",
            "-a",
            sys.executable,
            "-m",
            "bureau_app.main",
            "--store",
            str(tmp_path / "store"),
        ],
        cwd=ROOT,
        env=_app_env(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data")),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    with contextlib.suppress(subprocess.TimeoutExpired):
        gui.wait(timeout=20)
    exited = gui.returncode
    with contextlib.suppress(ProcessLookupError):
        os.killpg(gui.pid, 15)
    _, stderr = gui.communicate(timeout=30)
    assert exited is None, f"bureau-app exited {exited} on Xvfb: {stderr[-3000:]}"
    assert "aucun écran" not in stderr
