"""The GUI's PIN handler for ``ceremony.cards``: card thread asks, Qt thread answers.

``ceremony.cards`` calls ``get_pin(prompt, tries_left)`` on its card I/O thread
(``ceremony.cards.interface.PinHandler``). This handler passes the request to
the GUI thread through a queued signal, where a ``PinDialog`` opens, and makes
the card thread wait for the member's answer. The GUI thread never waits.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from bureau_app.pin_dialog import PinDialog
from ceremony.cards.errors import PinEntryCancelledError
from ceremony.cards.interface import PinPrompt
from ceremony.errors import CeremonyError

log = logging.getLogger(__name__)


class PinRequestedOnGuiThreadError(CeremonyError):
    default_message = (
        "Erreur interne : le code a été demandé au mauvais endroit. Rien n'a été modifié ; "
        "fermez l'application et signalez-le à l'assistance technique."
    )


@dataclass(eq=False)  # compared and hashed by identity: one request, one waiter
class _Request:
    prompt: PinPrompt
    tries_left: int | None
    answered: threading.Event = field(default_factory=threading.Event)
    pin: str | None = None


class QtPinHandler(QObject):
    """Implements ``PinHandler``; create it on the GUI thread, call it from the card thread."""

    _requested = Signal(object)
    dialog_opened = Signal(object)  # the PinDialog, for tests and for focus handling

    def __init__(self, parent_window: QWidget | None = None) -> None:
        super().__init__()
        self._parent_window = parent_window
        self._pending: set[_Request] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._requested.connect(self._open_dialog)

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        if QThread.currentThread() is self.thread():
            # Waiting here would freeze the window that must show the dialog.
            raise PinRequestedOnGuiThreadError("get_pin called on the GUI thread")
        request = _Request(prompt, tries_left)
        with self._lock:
            if self._closed:
                raise PinEntryCancelledError("PIN handler closed")
            self._pending.add(request)
        try:
            self._requested.emit(request)
            request.answered.wait()
            pin, request.pin = request.pin, None
        finally:
            with self._lock:
                self._pending.discard(request)
        if pin is None:
            raise PinEntryCancelledError(f"PIN entry cancelled for card {prompt.card_serial}")
        return pin

    def cancel_all(self) -> None:
        """Release every waiting card thread as if cancelled (closing the application)."""
        with self._lock:
            self._closed = True
            pending = list(self._pending)
        for request in pending:
            request.answered.set()

    def _open_dialog(self, request: _Request) -> None:
        if request.answered.is_set():
            return
        prompt = request.prompt
        # The card and the kind of code, never the code: the log is for the assistance.
        log.info("PIN asked: card %s, %s", prompt.card_serial, prompt.kind.value)
        dialog = PinDialog(
            prompt.holder,
            request.tries_left,
            kind=prompt.kind,
            message=prompt.message,
            # On top of the dialog that asked for the card, not beside it.
            parent=QApplication.activeModalWidget() or self._parent_window,
            card_serial=prompt.card_serial,
        )

        def answer(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                request.pin = dialog.take_pin()
            request.answered.set()
            dialog.deleteLater()

        dialog.finished.connect(answer)
        dialog.open()
        self.dialog_opened.emit(dialog)
