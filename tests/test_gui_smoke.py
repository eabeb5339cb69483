"""The GUI starts offscreen and names its controls for screen readers."""

from __future__ import annotations

import pytest


@pytest.mark.gui
def test_main_window_opens(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from bureau_app.window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Bureau")
    label = window.centralWidget()
    assert isinstance(label, QLabel)
    assert label.accessibleName()
