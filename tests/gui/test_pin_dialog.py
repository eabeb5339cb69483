"""The PIN dialog never echoes, never keeps the PIN, blocks copy/paste, and counts tries."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from bureau_app.pin_dialog import PinDialog

pytestmark = pytest.mark.gui

PIN = "482913"


@pytest.fixture
def dialog(qtbot, app):  # type: ignore[no-untyped-def]
    pin = PinDialog("Dr Marie Dupont", tries_remaining=3)
    qtbot.addWidget(pin)
    pin.show()
    qtbot.waitExposed(pin)
    return pin


def _holds_pin(dialog: PinDialog) -> bool:
    return any(value == PIN for value in vars(dialog).values()) or dialog.field.text() == PIN


def test_the_pin_is_never_shown(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.field, PIN)
    assert dialog.field.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.field.displayText() != PIN
    assert PIN not in dialog.field.displayText()
    picture = dialog.grab().toImage()
    assert not picture.isNull()  # rendering works; the text shown is bullets (displayText)


def test_the_pin_is_given_once_and_the_field_is_emptied(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.field, PIN)
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.field.text() == ""
    assert dialog.take_pin() == PIN
    assert dialog.take_pin() is None
    assert not _holds_pin(dialog)


def test_cancel_gives_nothing_and_empties_the_field(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.field, PIN)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.field.text() == ""
    assert dialog.take_pin() is None
    assert not _holds_pin(dialog)


def test_too_short_a_pin_cannot_be_confirmed(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.field, "12345")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_no_paste_and_no_copy(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("999999")
    qtbot.keyClick(dialog.field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.field.text() == ""
    qtbot.keyClicks(dialog.field, PIN)
    clipboard.setText("untouched")
    dialog.field.selectAll()
    qtbot.keyClick(dialog.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.field, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "untouched"
    assert dialog.field.text() == PIN


def test_no_drag_drop_context_menu_completion_or_middle_click(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    field = dialog.field
    assert not field.dragEnabled()
    assert not field.acceptDrops()
    assert field.contextMenuPolicy() is Qt.ContextMenuPolicy.NoContextMenu
    assert field.completer() is None
    hints = field.inputMethodHints()
    assert hints & Qt.InputMethodHint.ImhSensitiveData
    assert hints & Qt.InputMethodHint.ImhNoPredictiveText
    # X11 pastes the primary selection on middle click; the field refuses that click
    # (the offscreen platform has no selection, so the event itself is checked).
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        click = QMouseEvent(
            kind,
            QPointF(5, 5),
            QPointF(5, 5),
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.MiddleButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(field, click)
        assert not click.isAccepted()
    assert field.text() == ""


@pytest.mark.parametrize(
    ("tries", "expected"),
    [
        (3, "Il reste 3 essais avant le blocage de la carte."),
        (1, "Attention : dernier essai. Un code faux de plus bloque la carte."),
    ],
)
def test_it_says_how_many_tries_remain(qtbot, app, tries, expected) -> None:  # type: ignore[no-untyped-def]
    dialog = PinDialog("Jean Martin", tries_remaining=tries)
    qtbot.addWidget(dialog)
    assert dialog.tries.text() == expected
    assert dialog.field.isEnabled()
    assert dialog.tries.font().bold() is (tries == 1)


def test_a_blocked_card_cannot_take_a_pin(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = PinDialog("Jean Martin", tries_remaining=0)
    qtbot.addWidget(dialog)
    assert not dialog.field.isEnabled()
    assert dialog.tries.text().startswith("La carte est bloquée")


def test_the_holder_is_named(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.heading.text() == "Dr Marie Dupont, tapez le code de votre carte"
