"""Issue 17 leftovers: the training banner on dialogs, English lots prompts, results, help."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, app, settings):  # type: ignore[no-untyped-def]
    from bureau_app.shell import BureauWindow

    shown = BureauWindow(settings)
    qtbot.addWidget(shown)
    return shown


def _dialogs(parent):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from bureau_app.error_dialog import ErrorDialog
    from bureau_app.pin_dialog import PinDialog
    from ceremony.workflow.errors import WorkflowError

    lots = QInputDialog(parent)
    lots.setLabelText("Valeur pour le tirage au sort")
    return {
        "pin": PinDialog("Mme Anne Rousseau", 3, parent=parent),
        "error": ErrorDialog(WorkflowError("cause technique"), parent),
        "lots": lots,
        "message": QMessageBox(QMessageBox.Icon.Information, "Titre", "Texte", parent=parent),
    }


def test_every_dialog_of_a_training_ceremony_carries_the_banner(
    qtbot, window, screenshot_dir
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from bureau_app.banner import TrainingBanner

    window.set_training(True)
    window.show()
    for kind, dialog in _dialogs(window).items():
        dialog.open()
        qtbot.waitExposed(dialog)
        banners = [b for b in dialog.findChildren(TrainingBanner) if b.isVisible()]
        assert len(banners) == 1, kind
        banner = banners[0]
        assert "ENTRAÎNEMENT" in banner.text()
        assert banner.y() == 0 and banner.width() == dialog.width(), kind
        # Nothing of the dialog hides under the banner.
        for child in dialog.findChildren(QWidget):
            if child.isVisible() and child.parent() is dialog and child is not banner:
                assert child.geometry().top() >= banner.geometry().bottom(), (kind, child)
        assert dialog.grab().save(str(screenshot_dir / f"dialog-banner-{kind}.png"))
        dialog.close()


def test_no_banner_on_the_dialogs_of_a_real_ceremony(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.banner import TrainingBanner

    window.show()
    for kind, dialog in _dialogs(window).items():
        dialog.open()
        qtbot.waitExposed(dialog)
        assert not [b for b in dialog.findChildren(TrainingBanner) if b.isVisible()], kind
        dialog.close()
