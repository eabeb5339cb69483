"""A dialog's values reach the engine as plain data, read before the dialog is deleted.

Issue 17, point 1: the job read ``dialog.key_id()`` on the worker thread after
``deleteLater`` had run ("Internal C++ object (QLineEdit) already deleted"), 20
times in 27. Here the pool is held busy until the dialog is surely deleted,
so the old order fails every time.
"""

from __future__ import annotations

import threading

import pytest

from tests.gui.ceremony_driver import open_small_demo

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]


def test_the_fingerprint_survives_the_dialog(qtbot, app, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, Qt

    from bureau_app.shell import BureauWindow
    from bureau_app.step_dialogs import FingerprintDialog
    from bureau_app.worker import Job

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    adapter = open_small_demo(window, tmp_path / "demo")
    opened: list[object] = []
    adapter.dialog_opened.connect(opened.append)
    failures: list[BaseException] = []
    adapter.step_failed.connect(failures.append)
    window.show()
    hold = threading.Event()
    for _ in range(2):  # every pool thread busy: the step's job waits in the queue
        window.runner.start(Job(lambda _p: hold.wait(60), cancellable=False))
    try:
        page = window.current_page()
        qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
        dialog = next(d for d in opened if isinstance(d, FingerprintDialog))
        key = dialog.entry.expected
        qtbot.keyClicks(dialog.field, key)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=10_000)
        with qtbot.waitSignal(adapter.step_finished, timeout=60_000):
            hold.set()
        assert not failures, failures
        assert adapter.bureau.state.platform_key_id == key
    finally:
        hold.set()
        adapter.close()
        assert window.runner.wait(30_000)
        adapter.bureau.store.close()


def test_the_expert_dialog_gives_plain_values(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.step_dialogs import ExpertDialog

    dialog = ExpertDialog("Mme Expert ", "  Aucune altération.\n")
    qtbot.addWidget(dialog)
    assert dialog.values() == ("Mme Expert", "Aucune altération.", True)
