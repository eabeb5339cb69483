"""Every control of every window and dialog has a name for screen readers."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QWidget,
)

from tests.gui.fakes import ceremony_at_test_vote, sample_results

pytestmark = pytest.mark.gui

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QProgressBar, QPlainTextEdit)


def _inside_item_view(widget: QWidget) -> bool:
    """Headers, corner buttons and popups belong to a table, list or combo box, named itself."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractItemView, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue
        if _inside_item_view(widget) or widget.objectName().startswith("qt_"):
            continue
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {widget!r}")
    return missing


def _all_windows(settings):  # type: ignore[no-untyped-def]
    from bureau_app.card_prompt import CardEvents, CardPromptDialog, ExpectedCard
    from bureau_app.error_dialog import ErrorDialog
    from bureau_app.pin_dialog import PinDialog
    from bureau_app.progress_dialog import ProgressDialog
    from bureau_app.projection import ProjectionWindow
    from bureau_app.shell import BureauWindow
    from bureau_app.worker import Job
    from ceremony.cards.interface import PinKind
    from ceremony.errors import CeremonyError

    window = BureauWindow(settings)
    window.set_phases(ceremony_at_test_vote())
    window.results_view.set_results(sample_results())
    return [
        window,
        CardPromptDialog(ExpectedCard("A", "présidente", "de la présidente"), CardEvents()),
        PinDialog("A", 3),
        PinDialog("", None, kind=PinKind.NEW_ADMIN, message="Choisissez un code."),
        ErrorDialog(CeremonyError("x")),
        ProgressDialog("Vérification", Job(lambda _p: None, cancellable=True)),
        ProjectionWindow(sample_results()),
    ]


def test_every_control_has_an_accessible_name(qtbot, app, settings) -> None:  # type: ignore[no-untyped-def]
    windows = _all_windows(settings)
    for widget in windows:
        qtbot.addWidget(widget)
    missing = [name for widget in windows for name in unnamed_controls(widget)]
    assert missing == []


def test_the_check_finds_an_unnamed_button(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    QVBoxLayout(root).addWidget(QPushButton("OK"))
    assert len(unnamed_controls(root)) == 1


def test_every_window_and_dialog_has_a_name(qtbot, app, settings) -> None:  # type: ignore[no-untyped-def]
    for widget in _all_windows(settings):
        qtbot.addWidget(widget)
        assert widget.accessibleName().strip(), type(widget).__name__
        assert widget.windowTitle().strip(), type(widget).__name__
