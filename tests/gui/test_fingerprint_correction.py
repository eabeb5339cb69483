"""A fingerprint typo is never a dead end (issue 17, point 4).

As in real mode, nothing tells the dialog the expected fingerprint (the organiser
reads it out): a complete but wrong entry is accepted, the import then refuses
the definition, the error says how to go on, and "Corriger l'empreinte" lets the
bureau type it again. Real engine, store and bundles; the real dialogs, typed into.
"""

from __future__ import annotations

import pytest

from tests.gui.ceremony_driver import open_small_demo

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]


def test_a_wrong_fingerprint_is_corrected_after_the_import_refused_it(
    qtbot, app, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from bureau_app.error_dialog import ErrorDialog
    from bureau_app.fingerprint_field import Verdict
    from bureau_app.shell import BureauWindow
    from bureau_app.step_dialogs import FingerprintDialog
    from ceremony.workflow.errors import PlatformKeyNotConfirmedError

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    adapter = open_small_demo(window, tmp_path / "demo")
    right = adapter.platform.key_fingerprint()
    adapter.platform.key_fingerprint = lambda: ""  # read out loud, as with FilePlatform
    wrong = right[:-1] + ("0" if right[-1] != "0" else "1")
    opened: list[object] = []
    adapter.dialog_opened.connect(opened.append)
    failures: list[BaseException] = []
    adapter.step_failed.connect(failures.append)
    window.show()

    def confirm(text: str, button: object) -> FingerprintDialog:
        with qtbot.waitSignal(adapter.step_finished, timeout=60_000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            dialog = next(d for d in reversed(opened) if isinstance(d, FingerprintDialog))
            qtbot.keyClicks(dialog.field, text[:63])
            assert dialog.entry.verdict() is Verdict.INCOMPLETE  # 63: not "different"
            assert not dialog.ok_button.isEnabled()
            qtbot.keyClicks(dialog.field, text[63:])
            assert dialog.entry.verdict() is Verdict.COMPLETE
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog

    try:
        confirm(wrong, window.current_page().action_button)
        assert adapter.bureau.state.platform_key_id == wrong
        with qtbot.waitSignal(adapter.step_failed, timeout=60_000):
            qtbot.mouseClick(window.current_page().action_button, Qt.MouseButton.LeftButton)
        assert isinstance(failures[-1], PlatformKeyNotConfirmedError)
        error = adapter.last_error
        assert isinstance(error, ErrorDialog)
        assert "Corriger l'empreinte de la plateforme" in error.advice.text()
        error.close()

        correct = window.current_page().optional_buttons["confirm_key"]
        assert correct.isVisible() and correct.isEnabled()
        dialog = confirm(right, correct)
        assert adapter.bureau.state.platform_key_id == right
        with qtbot.waitSignal(adapter.step_finished, timeout=60_000) as imported:
            qtbot.mouseClick(window.current_page().action_button, Qt.MouseButton.LeftButton)
        assert imported.args == ["import_definition"]
        assert adapter.bureau.state.definition_blob is not None
        # Once the definition is in, no correction is offered any more.
        assert "confirm_key" not in window.current_page().optional_buttons
        del dialog
    finally:
        adapter.close()
        assert window.runner.wait(30_000)
        adapter.bureau.store.close()
