"""Errors read as a French sentence; the technical cause is folded away until asked for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bureau_app.error_dialog import ErrorDialog, technical_text
from ceremony.errors import CeremonyError

pytestmark = pytest.mark.gui


class UrnSealError(CeremonyError):
    default_message = "Le sceau de l'urne ne correspond pas. N'ouvrez pas l'urne."


def test_a_ceremony_error_shows_its_french_message(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = ErrorDialog(UrnSealError("seal hash 3fa1… != urn hash 77b0…"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.text() == UrnSealError.default_message
    assert "3fa1" not in dialog.message.text()
    assert not dialog.details.isVisible()


def test_details_unfold_with_type_and_technical_cause(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = ErrorDialog(UrnSealError("seal hash 3fa1… != urn hash 77b0…"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible()
    text = dialog.details.toPlainText()
    assert "UrnSealError" in text
    assert "seal hash 3fa1… != urn hash 77b0…" in text
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert not dialog.details.isVisible()


def test_an_unexpected_exception_gets_a_generic_sentence(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = ErrorDialog(KeyError("contest-7"))
    qtbot.addWidget(dialog)
    assert dialog.message.text().startswith("Une erreur inattendue est survenue")
    assert "contest-7" not in dialog.message.text()
    assert "builtins.KeyError" in technical_text(KeyError("contest-7"))
    assert "contest-7" in dialog.details.toPlainText()


def test_a_user_message_overrides_the_default(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    error = CeremonyError("x", user_message="Retirez la carte puis recommencez.")
    dialog = ErrorDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.message.text() == "Retirez la carte puis recommencez."


def test_enter_closes_it(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = ErrorDialog(CeremonyError("x"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.close_button.isDefault()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
