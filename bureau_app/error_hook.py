"""Unexpected exceptions end in a French error dialog, not in a silent console trace.

PySide6 prints an exception raised inside a slot and goes on; the member at
the keyboard would see nothing. The hook shows it in an ``ErrorDialog`` on the
GUI thread (exceptions from other threads are queued there) and still passes
it to the previous hook, for the log.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from bureau_app.error_dialog import ErrorDialog

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ErrorHook(QObject):
    shown = Signal(object)  # the ErrorDialog, once open
    _raised = Signal(object)

    def __init__(self, parent_window: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_window = parent_window
        self._previous: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], object] | None = None
        self._raised.connect(self._show)

    def install(self) -> None:
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
        if self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook

    def _hook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if self._previous is not None:
            self._previous(kind, error, trace)
        if isinstance(error, Exception):  # not KeyboardInterrupt / SystemExit
            self._raised.emit(error)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if self._previous_thread_hook is not None:
            self._previous_thread_hook(args)
        if isinstance(args.exc_value, Exception):
            self._raised.emit(args.exc_value)

    def _show(self, error: BaseException) -> None:
        dialog = ErrorDialog(error, self._parent_window())
        dialog.open()
        self.shown.emit(dialog)
