"""The PIN dialog: never echoes, never keeps the PIN, says how many tries remain.

The PIN leaves the dialog once, through ``take_pin`` (or ``ask_pin``); the
fields are emptied as soon as the dialog closes. Python strings cannot be
wiped, so the caller drops its reference right after handing the PIN to the card.
A new code (``PinKind.NEW_USER`` / ``NEW_ADMIN`` / ``NEW_RESET``) is typed twice and checked
against the card policy of ``ceremony.cards`` before it leaves the dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from bureau_app.engine_messages import user_text
from bureau_app.secret_field import SecretLineEdit
from bureau_app.sizing import fit_to_text, scale_font
from bureau_app.text import fill
from ceremony.cards.errors import PinPolicyError
from ceremony.cards.interface import (
    MIN_ADMIN_PIN_LENGTH,
    MIN_PIN_LENGTH,
    PinKind,
    check_pin_policy,
)

_NEW = {PinKind.NEW_USER, PinKind.NEW_ADMIN, PinKind.NEW_RESET}
# The resetting code has the admin PIN's length rule (``check_pin_policy``).
_ADMIN = {
    PinKind.ADMIN,
    PinKind.CURRENT_ADMIN,
    PinKind.NEW_ADMIN,
    PinKind.RESET,
    PinKind.NEW_RESET,
}


class PinDialog(QDialog):
    """Asks one card code; ``tries_remaining`` None when the card does not say."""

    def __init__(
        self,
        holder: str,
        tries_remaining: int | None,
        *,
        kind: PinKind = PinKind.USER,
        message: str = "",
        parent: QWidget | None = None,
        card_serial: str = "",
    ) -> None:
        super().__init__(parent)
        self._pin: str | None = None
        self._kind = kind
        self.card_serial = card_serial
        self._min_length = MIN_ADMIN_PIN_LENGTH if kind in _ADMIN else MIN_PIN_LENGTH
        self.setWindowTitle(self.tr("Code de la carte"))
        self.setAccessibleName(self.tr("Saisie du code de la carte"))

        self.heading = QLabel(self._heading_text(holder))
        scale_font(self.heading, 1.4, bold=True)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Qui doit taper son code"))
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Pourquoi ce code est demandé"))
        self.message.setVisible(bool(message))
        privacy = QLabel(
            self.tr("Le code ne s'affiche pas. Vérifiez que personne ne voit le clavier.")
        )
        privacy.setWordWrap(True)
        privacy.setAccessibleName(self.tr("Conseil de confidentialité"))

        self.field = SecretLineEdit()
        self.field.setAccessibleName(self.tr("Code de la carte (masqué)"))
        self.field.setMinimumHeight(self.field.fontMetrics().height() * 2)
        prompt = QLabel(self.tr("&Nouveau code :") if self.is_new_pin else self.tr("&Code :"))
        prompt.setBuddy(self.field)
        prompt.setAccessibleName(self.tr("Code"))

        self.confirm_field = SecretLineEdit()
        self.confirm_field.setAccessibleName(self.tr("Nouveau code, une seconde fois (masqué)"))
        self.confirm_field.setMinimumHeight(self.field.fontMetrics().height() * 2)
        confirm_prompt = QLabel(self.tr("&Retapez le nouveau code :"))
        confirm_prompt.setBuddy(self.confirm_field)
        confirm_prompt.setAccessibleName(self.tr("Confirmation du code"))
        confirm_prompt.setVisible(self.is_new_pin)
        self.confirm_field.setVisible(self.is_new_pin)

        self.tries = QLabel(self._tries_text(tries_remaining))
        self.tries.setWordWrap(True)
        self.tries.setAccessibleName(self.tr("Essais restants"))
        if tries_remaining is not None and tries_remaining <= 1:
            scale_font(self.tries, 1.0, bold=True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problème avec le code choisi"))
        self.problem.setVisible(False)
        scale_font(self.problem, 1.0, bold=True)

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
        self.confirm_field.textChanged.connect(self._on_changed)
        if tries_remaining is not None and tries_remaining <= 0:
            self.field.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(privacy)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(confirm_prompt)
        layout.addWidget(self.confirm_field)
        layout.addWidget(self.problem)
        layout.addWidget(self.tries)
        layout.addWidget(buttons)
        self.field.setFocus()
        fit_to_text(self, 60)

    @property
    def kind(self) -> PinKind:
        return self._kind

    @property
    def is_new_pin(self) -> bool:
        return self._kind in _NEW

    def _heading_text(self, holder: str) -> str:
        if self.is_new_pin:
            if holder:
                return fill(self.tr("%1, choisissez le code de votre carte"), holder)
            return self.tr("Choisissez le code de la carte")
        if holder:
            return fill(self.tr("%1, tapez le code de votre carte"), holder)
        return self.tr("Tapez le code de la carte")

    def _tries_text(self, remaining: int | None) -> str:
        if remaining is None:
            if self.is_new_pin:
                return fill(
                    self.tr(
                        "Au moins %1 caractères. Les codes d'usine (123456…) sont refusés. "
                        "Retenez ce code : personne d'autre ne le connaîtra."
                    ),
                    str(self._min_length),
                )
            return ""
        if remaining <= 0:
            return self.tr(
                "La carte est bloquée : plus aucun essai possible. Prévenez les membres du "
                "bureau : l'étape peut se faire avec une autre carte."
            )
        if remaining == 1:
            return self.tr("Attention : dernier essai. Un code faux de plus bloque la carte.")
        return fill(self.tr("Il reste %1 essais avant le blocage de la carte."), str(remaining))

    def _on_changed(self, _text: str) -> None:
        pin = self.field.text()
        problem = ""
        ready = len(pin) >= self._min_length
        if self.is_new_pin and ready:
            try:
                check_pin_policy(pin, self._kind)
            except PinPolicyError as refused:
                problem, ready = user_text(refused), False
            else:
                typed_again = self.confirm_field.text()
                if typed_again and typed_again != pin[: len(typed_again)]:
                    problem = self.tr("Les deux codes tapés sont différents.")
                ready = typed_again == pin
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok_button.setEnabled(ready)

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter on an incomplete code does nothing
            super().accept()

    def done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self._pin = self.field.text()
        self.field.clear()
        self.confirm_field.clear()
        super().done(result)

    def take_pin(self) -> str | None:
        """The PIN typed, once; None if cancelled or already taken."""
        pin, self._pin = self._pin, None
        return pin


def ask_pin(
    holder: str,
    tries_remaining: int | None,
    *,
    kind: PinKind = PinKind.USER,
    message: str = "",
    parent: QWidget | None = None,
) -> str | None:
    """Run the dialog modally; the PIN typed, or None if the member cancelled."""
    dialog = PinDialog(holder, tries_remaining, kind=kind, message=message, parent=parent)
    try:
        dialog.exec()
        return dialog.take_pin()
    finally:
        dialog.deleteLater()
