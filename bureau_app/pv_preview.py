"""The procès-verbal, previewed page by page, printed, and exported where the secretary chooses.

The pages shown are the PDF's own pages rendered by poppler: what the members
read is what they sign, page for page.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bureau_app import printing
from bureau_app.error_dialog import ErrorDialog
from bureau_app.pdf_pages import render_pages
from bureau_app.sizing import scale_font
from bureau_app.text import fill
from bureau_app.worker import Job, JobRunner, Progress

Renderer = Callable[[Path], list[bytes]]


class PvPreview(QWidget):
    """Shows the PDF at ``set_document(path)``; "Exporter…" copies it, unchanged."""

    rendered = Signal(int)  # number of pages shown
    exported = Signal(object)  # the Path written
    printed = Signal(int)  # number of pages sent to the printer
    document_changed = Signal()

    def __init__(
        self, runner: JobRunner, render: Renderer = render_pages, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._render = render
        self._document: Path | None = None
        self._name = ""
        self._pixmaps: list[QPixmap] = []
        self._labels: list[QLabel] = []
        self._pages = 0
        self._signed = (0, 0)  # signatures made, signatures needed
        self.training = False
        self.setAccessibleName(self.tr("Aperçu du procès-verbal"))
        title = QLabel(self.tr("Procès-verbal"))
        scale_font(title, 1.4, bold=True)
        title.setAccessibleName(self.tr("Titre : procès-verbal"))
        self.status = QLabel(self.tr("Aucun procès-verbal pour le moment."))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de l'aperçu"))
        self.export_button = QPushButton(self.tr("Ex&porter le PDF…"))
        self.export_button.setAccessibleName(self.tr("Exporter le procès-verbal en PDF"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._choose_export)
        self.print_button = QPushButton(self.tr("&Imprimer…"))
        self.print_button.setAccessibleName(self.tr("Imprimer le procès-verbal"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_document)
        self.back_button = QPushButton(self.tr("Retour à l'étape en cours"))
        self.back_button.setAccessibleName(self.tr("Revenir à l'étape en cours"))
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        top.addWidget(self.back_button)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.pages)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAccessibleName(self.tr("Pages du procès-verbal"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.scroller, 1)

    def set_document(self, pdf: Path, name: str | None = None) -> Job[list[bytes]]:
        """Render ``pdf`` on a worker; pages appear when ready.

        ``name``: what to call the document (the file may sit under a content hash).
        """
        self._document = pdf
        self._name = name or pdf.name
        self.export_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.document_changed.emit()
        self.status.setText(fill(self.tr("Préparation de l'aperçu de %1…"), self._name))
        render = self._render

        def work(_progress: Progress) -> list[bytes]:
            return render(pdf)

        job: Job[list[bytes]] = Job(work, cancellable=False)
        job.succeeded.connect(self._show_pages)
        job.failed.connect(self._show_failure)
        self._runner.start(job)
        return job

    def _clear_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_pages(self, pages: list[bytes]) -> None:
        self._clear_pages()
        self._pixmaps = []
        self._labels = []
        for number, data in enumerate(pages, start=1):
            pixmap = QPixmap()
            pixmap.loadFromData(data, "PNG")
            label = QLabel()
            label.setAccessibleName(fill(self.tr("Page %1 sur %2"), str(number), str(len(pages))))
            self.pages_layout.addWidget(label)
            self._pixmaps.append(pixmap)
            self._labels.append(label)
        self._fit_pages()
        self._pages = len(pages)
        self._show_status()
        self.rendered.emit(len(pages))

    @property
    def document(self) -> Path | None:
        return self._document

    @property
    def page_count(self) -> int:
        return self._pages

    def set_signatures(self, done: int, needed: int) -> None:
        """How many members have signed: the advice under the title follows."""
        if (done, needed) != self._signed:
            self._signed = (done, needed)
            if self._pages:
                self._show_status()

    def _show_status(self) -> None:
        pages = (
            self.tr("1 page") if self._pages == 1 else fill(self.tr("%1 pages"), str(self._pages))
        )
        done, needed = self._signed
        if done == 0:
            advice = self.tr("Relisez chaque page avant de signer.")
        elif done < needed:
            advice = fill(
                self.tr("Signé par %1 membres sur %2 : les autres relisent avant de signer."),
                str(done),
                str(needed),
            )
            if done == 1:
                advice = fill(
                    self.tr("Signé par 1 membre sur %1 : les autres relisent avant de signer."),
                    str(needed),
                )
        else:
            advice = self.tr("Signé par tous les membres requis. Ce document ne change plus.")
        self.status.setText(fill(self.tr("%1 : %2. %3"), self._name, pages, advice))

    def print_document(self) -> int:
        """Qt's print dialog, then every page of the PDF itself; 0 when cancelled."""
        if self._document is None:
            return 0
        try:
            count = printing.print_pdf(self, self._document, self._name, training=self.training)
        except Exception as error:  # noqa: BLE001 - shown to the bureau, nothing else changes
            ErrorDialog(error, self).open()
            return 0
        if count:
            self.status.setText(
                fill(self.tr("%1 envoyé à l'imprimante (%2 pages)."), self._name, str(count))
            )
            self.printed.emit(count)
        return count

    def _fit_pages(self) -> None:
        """Each page as wide as the view allows (never enlarged): no page is cut on the right."""
        width = max(200, self.scroller.viewport().width() - 24)
        for pixmap, label in zip(self._pixmaps, self._labels, strict=True):
            if pixmap.width() > width:
                label.setPixmap(
                    pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                )
            else:
                label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_pages()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Rendered while hidden, the view had no width yet: fit again once shown.
        super().showEvent(event)
        self._fit_pages()

    def _show_failure(self, error: BaseException) -> None:
        self.status.setText(
            self.tr("Aperçu indisponible. Le document peut quand même être exporté.")
        )
        ErrorDialog(error, self).open()

    def _choose_export(self) -> None:
        if self._document is None:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le procès-verbal"),
            self._name,
            self.tr("Document PDF (*.pdf)"),
        )
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path) -> None:
        """Copy the PV, byte for byte (its hash is in the journal and in the signatures)."""
        if self._document is None:
            return
        shutil.copyfile(self._document, target)
        self.status.setText(fill(self.tr("Procès-verbal exporté : %1"), str(target)))
        self.exported.emit(target)
