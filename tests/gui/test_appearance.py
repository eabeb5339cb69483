"""Text size follows Ctrl+= / Ctrl+- and persists; the high-contrast theme is one key away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from bureau_app.appearance import (
    DEFAULT_POINT_SIZE,
    MAX_POINT_SIZE,
    MIN_POINT_SIZE,
    Appearance,
    load_appearance,
)
from tests.gui.fakes import ceremony_at_test_vote

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, app, settings):  # type: ignore[no-untyped-def]
    from bureau_app.shell import BureauWindow

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.set_phases(ceremony_at_test_vote())
    window.show()
    qtbot.waitExposed(window)
    return window


def test_ctrl_plus_and_minus_change_the_text_size_and_it_is_kept(qtbot, window, settings) -> None:  # type: ignore[no-untyped-def]
    heading = window.current_page().heading
    before = heading.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == DEFAULT_POINT_SIZE + 2
    assert heading.font().pointSizeF() > before  # scaled headings follow
    assert load_appearance(settings).point_size == DEFAULT_POINT_SIZE + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == DEFAULT_POINT_SIZE + 1
    assert load_appearance(settings).point_size == DEFAULT_POINT_SIZE + 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == DEFAULT_POINT_SIZE


def test_a_new_window_starts_with_the_saved_size(qtbot, window, settings) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.shell import BureauWindow

    window.set_appearance(Appearance(point_size=20))
    settings.sync()
    again = BureauWindow(settings)
    qtbot.addWidget(again)
    assert again.appearance.point_size == 20


def test_the_size_stays_within_bounds() -> None:
    assert Appearance().with_point_size(100).point_size == MAX_POINT_SIZE
    assert Appearance().with_point_size(1).point_size == MIN_POINT_SIZE


def test_high_contrast_is_black_white_yellow_and_kept(qtbot, window, settings) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.Highlight).name() == "#ffe000"
    assert load_appearance(settings).high_contrast
    assert window.contrast_action.isChecked()
    # State colours follow the theme (text and icon say the state as well).
    assert window.panel.item(2).foreground().color().name() == "#ffe000"
    assert "#ffe000" in window.current_page().action_button.styleSheet()
    window.contrast_action.setChecked(False)
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() != "#000000"
    assert not load_appearance(settings).high_contrast


def test_a_corrupt_setting_falls_back_to_the_default(settings) -> None:  # type: ignore[no-untyped-def]
    settings.setValue("appearance/point_size", "énorme")
    assert load_appearance(settings).point_size == DEFAULT_POINT_SIZE
