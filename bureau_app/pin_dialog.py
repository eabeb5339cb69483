"""The PIN dialog: never echoes, never keeps the PIN, says how many tries remain.

The PIN leaves the dialog once, through ``take_pin`` (or ``ask_pin``); the field
is emptied as soon as the dialog closes. Python strings cannot be wiped, so the
caller drops its reference right after handing the PIN to the card.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bureau_app.sizing import fit_to_text, scale_font
from bureau_app.text import fill

_BLOCKED_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)


class SecretLineEdit(QLineEdit):
    """A password field with no copy, paste, drag, drop, context menu or input prediction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setCompleter(None)  # type: ignore[arg-type]  # None removes it
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if any(event.matches(key) for key in _BLOCKED_KEYS):
            event.ignore()
            return
        if event.key() == Qt.Key.Key_Insert and event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        ):
            event.ignore()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        # X11's middle-click pastes the primary selection.
        if event.button() == Qt.MouseButton.MiddleButton:
            event.ignore()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton:
            event.ignore()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        event.ignore()


class PinDialog(QDialog):
    def __init__(
        self,
        holder: str,
        tries_remaining: int,
        *,
        min_length: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pin: str | None = None
        self._min_length = min_length
        self.setWindowTitle(self.tr("Code de la carte"))
        self.setAccessibleName(self.tr("Saisie du code de la carte"))

        self.heading = QLabel(fill(self.tr("%1, tapez le code de votre carte"), holder))
        scale_font(self.heading, 1.4, bold=True)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Qui doit taper son code"))
        privacy = QLabel(
            self.tr("Le code ne s'affiche pas. Vérifiez que personne ne voit le clavier.")
        )
        privacy.setWordWrap(True)
        privacy.setAccessibleName(self.tr("Conseil de confidentialité"))

        self.field = SecretLineEdit()
        self.field.setAccessibleName(self.tr("Code de la carte (masqué)"))
        self.field.setMinimumHeight(self.field.fontMetrics().height() * 2)
        prompt = QLabel(self.tr("&Code :"))
        prompt.setBuddy(self.field)
        prompt.setAccessibleName(self.tr("Code"))

        self.tries = QLabel(self._tries_text(tries_remaining))
        self.tries.setWordWrap(True)
        self.tries.setAccessibleName(self.tr("Essais restants"))
        if tries_remaining <= 1:
            scale_font(self.tries, 1.0, bold=True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Valider"))
        self.ok_button.setAccessibleName(self.tr("Valider le code"))
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("&Annuler"))
        self.cancel_button.setAccessibleName(self.tr("Annuler la saisie du code"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._on_changed)
        if tries_remaining <= 0:
            self.field.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(privacy)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.tries)
        layout.addWidget(buttons)
        self.field.setFocus()
        fit_to_text(self, 60)

    def _tries_text(self, remaining: int) -> str:
        if remaining <= 0:
            return self.tr(
                "La carte est bloquée : plus aucun essai possible. Prévenez les membres du "
                "bureau : l'étape peut se faire avec une autre carte."
            )
        if remaining == 1:
            return self.tr("Attention : dernier essai. Un code faux de plus bloque la carte.")
        return fill(self.tr("Il reste %1 essais avant le blocage de la carte."), str(remaining))

    def _on_changed(self, text: str) -> None:
        self.ok_button.setEnabled(len(text) >= self._min_length)

    def done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self._pin = self.field.text()
        self.field.clear()
        super().done(result)

    def take_pin(self) -> str | None:
        """The PIN typed, once; None if cancelled or already taken."""
        pin, self._pin = self._pin, None
        return pin


def ask_pin(
    holder: str, tries_remaining: int, *, min_length: int = 6, parent: QWidget | None = None
) -> str | None:
    """Run the dialog modally; the PIN typed, or None if the member cancelled."""
    dialog = PinDialog(holder, tries_remaining, min_length=min_length, parent=parent)
    try:
        dialog.exec()
        return dialog.take_pin()
    finally:
        dialog.deleteLater()
