"""A modal progress window for one job: bar, French message, time left, cancel if safe."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from bureau_app.sizing import fit_to_text, scale_font
from bureau_app.text import typeset
from bureau_app.worker import Job


def remaining_text(seconds: float) -> str:
    """A rounded, human estimate; people need "about 3 minutes", not "172 s"."""
    if seconds < 0:
        return QCoreApplication.translate("ProgressDialog", "Temps restant : estimation en cours…")
    if seconds < 10:
        return QCoreApplication.translate("ProgressDialog", "Presque terminé…")
    if seconds < 60:
        return QCoreApplication.translate("ProgressDialog", "Temps restant : moins d'une minute")
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        if minutes == 1:
            return QCoreApplication.translate("ProgressDialog", "Temps restant : environ 1 minute")
        return QCoreApplication.translate(
            "ProgressDialog", "Temps restant : environ %1 minutes"
        ).replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    return (
        QCoreApplication.translate("ProgressDialog", "Temps restant : environ %1 h %2 min")
        .replace("%1", str(hours))
        .replace("%2", f"{minutes:02d}")
    )


class ProgressDialog(QDialog):
    """Follows ``job``; closes itself when the job ends. Escape cancels only if safe."""

    def __init__(self, title: str, job: Job[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.heading = QLabel(title)
        scale_font(self.heading, 1.3, bold=True)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Opération en cours"))
        self.message = QLabel(self.tr("Démarrage…"))
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Étape de l'opération"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # "busy" until the job reports a fraction
        self.bar.setAccessibleName(self.tr("Avancement"))
        self.remaining = QLabel(remaining_text(-1))
        self.remaining.setAccessibleName(self.tr("Temps restant estimé"))
        self.note = QLabel(
            self.tr("Vous pouvez annuler sans risque.")
            if job.cancellable
            else self.tr("Cette opération ne peut pas être interrompue. Merci de patienter.")
        )
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Peut-on annuler ?"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.remaining)
        layout.addWidget(self.note)
        self.cancel_button = None
        if job.cancellable:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            self.cancel_button.setText(self.tr("&Annuler"))
            self.cancel_button.setAccessibleName(self.tr("Annuler l'opération"))
            buttons.rejected.connect(self.request_cancel)
            layout.addWidget(buttons)

        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        fit_to_text(self, 60)

    def _on_progress(self, fraction: float, message: str, remaining: float) -> None:
        if fraction < 0 or (fraction == 0 and self.bar.maximum() == 0):
            # A message without a measure, or nothing measurable yet (a verifier's first
            # steps): keep the moving busy bar; "0 %" would look frozen.
            self.message.setText(message)
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(round(fraction * 1000))
        self.bar.setFormat(f"{fraction * 100:.0f} %")
        self.message.setText(message)
        self.remaining.setText(typeset(remaining_text(remaining)))  # "1 h 05" never split

    def _on_finished(self) -> None:
        self.accept()

    def request_cancel(self) -> None:
        if not self._job.cancellable or self._job.done:
            return
        self._job.cancel()
        self.message.setText(self.tr("Annulation demandée : arrêt au prochain point sûr…"))
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        # Escape and the close box ask for cancel; the dialog closes when the job ends.
        self.request_cancel()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.request_cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._job.done:
            super().closeEvent(event)
            return
        self.request_cancel()
        event.ignore()
