"""An exception escaping a slot or a thread is shown to the member as an error dialog."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from bureau_app.error_hook import ErrorHook
from ceremony.errors import CeremonyError

pytestmark = pytest.mark.gui


class Button(QObject):
    pressed = Signal()


@pytest.fixture
def hook(app):  # type: ignore[no-untyped-def]
    hook = ErrorHook()
    hook.install()
    yield hook
    hook.uninstall()


@pytest.mark.qt_no_exception_capture  # pytest-qt would otherwise take the exception first
def test_an_exception_in_a_slot_opens_the_dialog(qtbot, hook) -> None:  # type: ignore[no-untyped-def]
    def slot() -> None:
        raise CeremonyError("boom", user_message="La clé USB a été retirée. Rebranchez-la.")

    button = Button()
    button.pressed.connect(slot)
    with qtbot.waitSignal(hook.shown, timeout=5000) as shown:
        QTimer.singleShot(0, button.pressed.emit)
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    assert dialog.message.text() == "La clé USB a été retirée. Rebranchez-la."


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_an_exception_in_another_thread_reaches_the_gui_thread(qtbot, hook) -> None:  # type: ignore[no-untyped-def]
    def crash() -> None:
        raise ValueError("unexpected shape")

    with qtbot.waitSignal(hook.shown, timeout=5000) as shown:
        thread = threading.Thread(target=crash)
        thread.start()
    thread.join()
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    assert dialog.message.text().startswith("Une erreur inattendue est survenue")
    assert "unexpected shape" in dialog.details.toPlainText()
