"""GUI test fixtures: private settings, French by default, our fonts and standard look."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A QSettings file of the test's own, so tests never touch the user's settings."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "bureau-app.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app(qapp) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The application in French with the standard appearance; restored after the test."""
    from bureau_app.appearance import Appearance, apply_appearance, load_fonts
    from bureau_app.i18n import install_language

    load_fonts()
    install_language(qapp, "fr")
    apply_appearance(qapp, Appearance())
    yield qapp
    install_language(qapp, "fr")
    apply_appearance(qapp, Appearance())


@pytest.fixture
def screenshot_dir(tmp_path: Path) -> Path:
    """Where screenshots go: BUREAU_SCREENSHOTS if set (to look at them), else a temp dir."""
    chosen = os.environ.get("BUREAU_SCREENSHOTS")
    path = Path(chosen) if chosen else tmp_path / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


_QT_FIXTURES = frozenset({"qapp", "app", "qtbot", "window"})


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(request):  # type: ignore[no-untyped-def]
    """As in the application (``bureau_app.gui_gc``): Python's cycle collector never runs on
    a job's thread, where it could destroy a widget an earlier test left (segfaults seen in
    whole-folder runs). test_gui_gc tests the collector itself."""
    if request.module.__name__.endswith("test_gui_gc") or not (
        _QT_FIXTURES & set(request.fixturenames)
    ):
        yield
        return
    import gc

    from bureau_app.gui_gc import GuiThreadCollector

    collector = GuiThreadCollector(request.getfixturevalue("qapp"))
    yield
    collector.stop()
    gc.collect()
