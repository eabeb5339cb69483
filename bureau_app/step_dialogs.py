"""Small dialogs that collect what a step needs from people: a fingerprint, the expert's words,
the bureau's decision during the vote."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bureau_app.fingerprint_field import FingerprintField
from bureau_app.fingerprint_field import group_fingerprint as group_fingerprint  # about_dialog
from bureau_app.sizing import fit_to_text, scale_font
from bureau_app.text import fill


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", ""))
    ok.setDefault(True)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("StepDialogs", "&Annuler"))
    cancel.setAccessibleName(QCoreApplication.translate("StepDialogs", "Annuler"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FingerprintDialog(QDialog):
    """The organiser reads the platform key's fingerprint out; the bureau types and compares it.

    ``expected``: the fingerprint the entry is compared with as it is typed (training: the
    simulated organiser's; a correction: the one entered before is only shown); ``""`` when
    only the organiser's reading can tell. ``text``: what the field starts with.
    """

    def __init__(
        self,
        expected: str = "",
        parent: QWidget | None = None,
        *,
        text: str = "",
        previous: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Empreinte de la clé de la plateforme"))
        self.setAccessibleName(self.tr("Confirmation de l'empreinte de la plateforme"))
        heading = QLabel(self.tr("Saisissez l'empreinte lue par l'organisateur"))
        scale_font(heading, 1.3, bold=True)
        heading.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "Cette empreinte identifie la plateforme de vote. L'organisateur vous la "
                "communique par un autre moyen (courrier, lecture à voix haute) : saisissez-la "
                "groupe par groupe ; elle doit être identique, caractère par caractère. "
                "Sinon, n'allez pas plus loin."
            )
        )
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        if expected:
            reading = QLabel(
                fill(
                    self.tr("Lue par l'organisateur (entraînement) :\n%1"),
                    group_fingerprint(expected),
                )
            )
            mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            mono.setPointSizeF(max(mono.pointSizeF(), self.font().pointSizeF()) * 1.15)
            reading.setFont(mono)
            reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            reading.setAccessibleName(self.tr("Empreinte lue par l'organisateur"))
            layout.addWidget(reading)
        if previous:
            before = QLabel(
                fill(
                    self.tr(
                        "Empreinte saisie la dernière fois (refusée à l'import si elle est "
                        "fausse) :\n%1"
                    ),
                    group_fingerprint(previous),
                )
            )
            before.setWordWrap(True)
            before.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(before)
        self.entry = FingerprintField(expected or None, text)
        self.field = self.entry.edit
        self.field.setAccessibleName(self.tr("Empreinte de la clé de la plateforme"))
        label = QLabel(self.tr("&Empreinte (64 caractères, par groupes de quatre) :"))
        label.setBuddy(self.field)
        layout.addWidget(label)
        layout.addWidget(self.entry)
        buttons = _buttons(self, self.tr("&Confirmer : les empreintes sont identiques"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.entry.verdict_changed.connect(self._update)
        self._update()
        fit_to_text(self, 90)

    def key_id(self) -> str:
        return self.entry.key_id()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.entry.acceptable())


class ExpertDialog(QDialog):
    """The independent expert's conclusion, read out before the count."""

    def __init__(self, name: str = "", conclusion: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conclusions de l'expert"))
        self.setAccessibleName(self.tr("Saisie des conclusions de l'expert"))
        self.name = QLineEdit(name)
        self.name.setAccessibleName(self.tr("Nom de l'expert"))
        name_label = QLabel(self.tr("&Nom de l'expert :"))
        name_label.setBuddy(self.name)
        self.conclusion = QPlainTextEdit(conclusion)
        self.conclusion.setTabChangesFocus(True)
        self.conclusion.setAccessibleName(self.tr("Conclusions de l'expert"))
        conclusion_label = QLabel(self.tr("&Conclusions, telles que lues au bureau :"))
        conclusion_label.setBuddy(self.conclusion)
        self.no_alteration = QCheckBox(
            self.tr("L'expert constate que le système n'a fait l'objet d'&aucune altération")
        )
        self.no_alteration.setChecked(bool(conclusion))
        layout = QVBoxLayout(self)
        layout.addWidget(name_label)
        layout.addWidget(self.name)
        layout.addWidget(conclusion_label)
        layout.addWidget(self.conclusion)
        layout.addWidget(self.no_alteration)
        layout.addWidget(_buttons(self, self.tr("&Consigner")))
        fit_to_text(self, 70)

    def values(self) -> tuple[str, str, bool]:
        """Name, conclusion, "no alteration": read on the GUI thread while the dialog lives."""
        return (
            self.name.text().strip(),
            self.conclusion.toPlainText().strip(),
            self.no_alteration.isChecked(),
        )


class DecisionDialog(QDialog):
    """The bureau suspends, resumes or stops the vote; the reason is written in the bundle."""

    def __init__(
        self,
        signers: Sequence[tuple[str, str]],
        allowed: Collection[str],
        parent: QWidget | None = None,
    ) -> None:
        """``signers``: (member id, name and role) of who may sign, the president first;
        ``allowed``: the decisions that may follow the previous ones (the engine's rule)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Décision du bureau pendant le vote"))
        self.setAccessibleName(self.tr("Décision du bureau pendant le vote"))
        heading = QLabel(self.tr("Que décide le bureau ?"))
        scale_font(heading, 1.3, bold=True)
        explanation = QLabel(
            self.tr(
                "La décision est signée par la carte du président ou du secrétaire, "
                "puis écrite sur le support amovible pour la plateforme de vote. "
                "Elle figure au journal et au procès-verbal."
            )
        )
        explanation.setWordWrap(True)
        choices = QGroupBox(self.tr("Décision"))
        choices_layout = QVBoxLayout(choices)
        self.choices = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        for decision, text in (
            ("suspend", self.tr("&Suspendre le vote")),
            ("resume", self.tr("&Reprendre le vote")),
            ("stop", self.tr("Arrê&ter le vote (définitivement)")),
        ):
            button = QRadioButton(text)
            button.setAccessibleName(text.replace("&", ""))
            button.setEnabled(decision in allowed)
            if decision not in allowed:
                button.setToolTip(
                    self.tr("Impossible maintenant : voyez les décisions déjà prises au journal.")
                )
            self.choices.addButton(button)
            self.choice_buttons[decision] = button
            choices_layout.addWidget(button)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Motif de la décision (obligatoire)"))
        reason_label = QLabel(self.tr("&Motif (obligatoire), tel qu'il figurera au journal :"))
        reason_label.setBuddy(self.reason)
        # Art. 19: the bureau acts "après autorisation du directeur général".
        self.authorisation = QLineEdit()
        self.authorisation.setAccessibleName(
            self.tr("Référence de l'autorisation du directeur général (obligatoire)")
        )
        authorisation_label = QLabel(
            self.tr("Référence de l'&autorisation du directeur général (obligatoire) :")
        )
        authorisation_label.setBuddy(self.authorisation)
        self.signer = QComboBox()
        self.signer.setAccessibleName(self.tr("Carte qui signe la décision"))
        for member_id, name in signers:
            self.signer.addItem(name, member_id)
        signer_label = QLabel(self.tr("&Carte qui signe :"))
        signer_label.setBuddy(self.signer)
        buttons = _buttons(self, self.tr("Si&gner la décision"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(choices)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(authorisation_label)
        layout.addWidget(self.authorisation)
        layout.addWidget(signer_label)
        layout.addWidget(self.signer)
        layout.addWidget(buttons)
        self.choices.buttonToggled.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.authorisation.textChanged.connect(self._update)
        self._update()
        fit_to_text(self, 70)

    def decision(self) -> str | None:
        """``suspend``, ``resume`` or ``stop`` (the bundle's words), or None if none chosen."""
        return next((d for d, b in self.choice_buttons.items() if b.isChecked()), None)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def authorisation_text(self) -> str:
        return self.authorisation.text().strip()

    def signer_id(self) -> str:
        return str(self.signer.currentData())

    def _update(self) -> None:
        self.ok_button.setEnabled(
            self.decision() is not None
            and bool(self.reason_text())
            and bool(self.authorisation_text())
        )
