"""Errors shown as a French sentence (what happened, what to do), technical details folded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bureau_app.engine_messages import user_text
from bureau_app.sizing import fit_to_text, fit_to_width, scale_font
from ceremony.errors import CeremonyError


def technical_text(error: BaseException) -> str:
    """Exception type and technical cause; CeremonyError's cause never holds a secret."""
    kind = f"{type(error).__module__}.{type(error).__qualname__}"
    if isinstance(error, CeremonyError):
        return f"{kind}\n{error.technical}" if error.technical else kind
    return f"{kind}\n{error}"


class ErrorDialog(QDialog):
    def __init__(
        self, error: BaseException, parent: QWidget | None = None, *, advice: str = ""
    ) -> None:
        """``advice``: what the bureau can do next here, when the caller knows a way on."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Un problème est survenu"))
        self.setAccessibleName(self.tr("Message d'erreur"))
        if isinstance(error, CeremonyError):
            sentence = user_text(error)
        else:
            sentence = self.tr(
                "Une erreur inattendue est survenue et l'opération n'a pas été menée à son "
                "terme. Rien n'a été enregistré pour cette opération. Notez l'heure, "
                "puis appelez l'assistance technique en lui montrant les détails ci-dessous."
            )
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        icon.setAccessibleName(self.tr("Symbole d'avertissement"))
        self.message = QLabel(sentence)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Ce qui s'est passé et ce qu'il faut faire"))
        scale_font(self.message, 1.15)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addWidget(self.message)
        self.advice = QLabel(advice)
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName(self.tr("Ce que vous pouvez faire maintenant"))
        self.advice.setVisible(bool(advice))
        scale_font(self.advice, 1.15, bold=True)
        column.addWidget(self.advice)
        top.addLayout(column, 1)

        self.details_button = QToolButton()
        self.details_button.setText(self.tr("Détails techniques"))
        self.details_button.setAccessibleName(self.tr("Afficher les détails techniques"))
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details = QPlainTextEdit(technical_text(error))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Détails techniques"))
        self.details.setVisible(False)
        self.details_button.toggled.connect(self._fold)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("&Fermer"))
        self.close_button.setAccessibleName(self.tr("Fermer le message"))
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        fit_to_text(self, 64)
        self.close_button.setFocus()

    def _fold(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        fit_to_width(self, self.width())


def show_error(error: BaseException, parent: QWidget | None = None) -> None:
    ErrorDialog(error, parent).exec()
