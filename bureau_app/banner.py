"""The training banner: on every screen of a training ceremony, never on a real one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from bureau_app.sizing import scale_font

# Black on signal yellow with a red rule: readable in high contrast and in black and white.
_STYLE = (
    "QLabel { background: #ffd200; color: #000000; border-bottom: 4px solid #b3261e;"
    " padding: 2px; }"
)


class TrainingBanner(QLabel):
    """« ENTRAÎNEMENT — sans valeur légale », hidden until ``set_training(True)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_banner")
        self.setText(self.tr("ENTRAÎNEMENT — sans valeur légale"))
        self.setAccessibleName(self.tr("Avertissement : cérémonie d'entraînement"))
        self.setAccessibleDescription(
            self.tr(
                "Cartes d'entraînement et plateforme simulée : rien de ce qui est fait ici "
                "n'a de valeur légale."
            )
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(_STYLE)
        scale_font(self, 1.15, bold=True)
        self.setVisible(False)

    def set_training(self, training: bool) -> None:
        self.setVisible(training)
