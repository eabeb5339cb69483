"""Shared setup of the card and recount GUI tests (no test here).

A whole small training ceremony is run once per test process by the engine
(``run_demo``: the archive in ``room/archive``, the store, training cards and
workstation key in ``room/archive.store``, the layout ``bureau-app --demo``
opens); each test copies it, since card checks and wipes write to the store.
The members answer PIN dialogs by typing into them (QTest key events).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QWidget

from ceremony.cards.interface import PinKind, PinPrompt
from ceremony.workflow.demo import DemoPins, run_demo, store_folder
from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description

_BUILT: dict[str, Path] = {}


def finished_ceremony(base: Path) -> Path:
    """``base/room``: a finished, archived training ceremony (built once per process)."""
    if "room" not in _BUILT:
        room = base / "room"
        room.mkdir(parents=True)
        run_demo(
            room / "archive",
            BALLOTS,
            seed=SEED,
            description=small_description(),
            stream=io.StringIO(),
        )
        _BUILT["room"] = room
    return _BUILT["room"]


def copy_room(base: Path, target: Path) -> Path:
    """A private copy of the finished ceremony (archive + its training folder)."""
    shutil.copytree(finished_ceremony(base), target)
    return target


def training_folder(room: Path) -> Path:
    return store_folder(room / "archive")


def open_window(qtbot: Any, settings: Any, folder: Path, size: tuple[int, int] = (1280, 720)):  # type: ignore[no-untyped-def]
    """The ceremony window over ``folder`` (a training folder), shown."""
    from bureau_app.shell import BureauWindow
    from bureau_app.window import open_demo

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    adapter = open_demo(window, folder, ballots=BALLOTS, seed=SEED, description=small_description())
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window, adapter


def pin_of(member_id: str, kind: PinKind) -> str:
    return DemoPins(SEED, member_id).get_pin(PinPrompt(kind, "", ""), None)


class PinTyper:
    """Types the holder's PIN (or a wrong one) into each PIN dialog, then presses Entrée."""

    def __init__(self, pins: Any, member_of: Any, wrong: int = 0, cancel: int = 0) -> None:
        self.asked: list[tuple[str, str]] = []
        self._member_of = member_of
        self._wrong = wrong
        self._cancel = cancel
        pins.dialog_opened.connect(self._on_dialog)

    def _on_dialog(self, dialog: Any) -> None:
        self.asked.append((dialog.card_serial, dialog.kind.value))

        def answer() -> None:
            if self._cancel:
                self._cancel -= 1
                QTest.keyClick(dialog.field, Qt.Key.Key_Escape)
                return
            if self._wrong:
                self._wrong -= 1
                pin = "999990"
            else:
                pin = pin_of(self._member_of(dialog.card_serial), dialog.kind)
            QTest.keyClicks(dialog.field, pin)
            if dialog.is_new_pin:
                QTest.keyClicks(dialog.confirm_field, pin)
            QTest.keyClick(dialog.field, Qt.Key.Key_Return)

        QTimer.singleShot(0, answer)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint())


def choose(qtbot: Any, combo: QComboBox, data: object) -> None:
    """Pick the item holding ``data`` with the arrow keys, as a person would."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        QTest.keyClick(combo, key)


def menu_item(qtbot: Any, window: Any, menu: Any, action: Any) -> None:
    """Click a menu of the menu bar, then one of its items (mouse events, as a person)."""
    bar = window.menuBar()
    window.activateWindow()
    QTest.mouseClick(
        bar,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        bar.actionGeometry(menu.menuAction()).center(),
    )
    qtbot.waitUntil(menu.isVisible)
    QTest.mouseClick(
        menu,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        menu.actionGeometry(action).center(),
    )


def type_text(widget: QWidget, text: str) -> None:
    """Key events for any text (QTest.keyClicks handles ASCII only: « é » aborts it)."""
    for char in text:
        code = ord(char.upper()) if len(char.upper()) == 1 else 0
        key = Qt.Key(code) if code < 0x100 else Qt.Key.Key_unknown
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier)
