"""The drawing of lots asks each member on the GUI thread; the count's worker waits."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from bureau_app.lots_bridge import QtLotsAsker
from ceremony.cards.errors import PinEntryCancelledError

pytestmark = pytest.mark.gui


def _ask_from_worker(asker: QtLotsAsker, hidden: bool) -> dict[str, object]:
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["value"] = asker("del-aph", "Tapez une valeur secrète.", hidden)
        except PinEntryCancelledError as error:
            outcome["error"] = error

    thread = threading.Thread(target=work)
    thread.start()
    outcome["thread"] = thread
    return outcome


def test_a_member_types_the_value_and_the_worker_gets_it(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    asker = QtLotsAsker(lambda member: {"del-aph": "Jeanne Martin"}[member])
    with qtbot.waitSignal(asker.dialog_opened, timeout=5000) as opened:
        outcome = _ask_from_worker(asker, hidden=True)
    dialog = opened.args[0]
    assert "Jeanne Martin" in dialog.windowTitle()
    field = dialog.findChild(QLineEdit)
    assert field.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(field, "tirage-1234")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    thread = outcome["thread"]
    assert isinstance(thread, threading.Thread)
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    assert outcome.get("value") == "tirage-1234"


def test_a_cancelled_entry_stops_the_worker_with_a_named_error(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    asker = QtLotsAsker(lambda member: member)
    with qtbot.waitSignal(asker.dialog_opened, timeout=5000) as opened:
        outcome = _ask_from_worker(asker, hidden=False)
    dialog = opened.args[0]
    assert dialog.findChild(QLineEdit).echoMode() is QLineEdit.EchoMode.Normal
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    thread = outcome["thread"]
    assert isinstance(thread, threading.Thread)
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    assert isinstance(outcome.get("error"), PinEntryCancelledError)
