"""Printing the bureau's documents with Qt's print dialog (QtPrintSupport is in Essentials).

A PDF (procès-verbal, hand-over list) is printed as its pages rendered by
poppler, so the paper shows exactly the file whose hash the journal records.
Text documents (verification report, help, session checklist) print through
``QTextDocument``. In training, every printed page carries a diagonal
"ENTRAÎNEMENT — sans valeur légale" mark, added here because the documents
themselves are made by ``ceremony.report``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from bureau_app.pdf_pages import render_pages

PRINT_DPI = 150

PrinterFactory = Callable[[], QPrinter]


def training_mark() -> str:
    return QCoreApplication.translate("Printing", "ENTRAÎNEMENT — sans valeur légale")


def default_printer() -> QPrinter:
    return QPrinter(QPrinter.PrinterMode.HighResolution)


# Tests replace this to print into a PDF file; the dialog still opens and is answered.
make_printer: PrinterFactory = default_printer


def ask(parent: QWidget | None, title: str) -> QPrinter | None:
    """Qt's print dialog on a fresh printer; None when the user cancels."""
    printer = make_printer()
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Imprimer : %1").replace("%1", title)
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def _watermark(painter: QPainter, page: QRectF) -> None:
    painter.save()
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(12, int(page.width() / 16)))
    painter.setFont(font)
    painter.setPen(QColor(200, 0, 0, 110))
    painter.translate(page.center())
    painter.rotate(-35)
    box = QRectF(-page.width(), -page.height() / 8, 2 * page.width(), page.height() / 4)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, training_mark())
    painter.restore()
    # The same words, level, at the top of the sheet: legible even where the diagonal
    # crosses text, and found by a text search of the printed file.
    painter.save()
    font.setPixelSize(max(10, int(page.width() / 50)))
    painter.setFont(font)
    painter.setPen(QColor(179, 38, 30))
    painter.drawText(
        QRectF(page.left(), page.top(), page.width(), page.height() / 30),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        training_mark(),
    )
    painter.restore()


def paint_images(printer: QPrinter, images: Sequence[QImage], *, training: bool) -> int:
    """One image per sheet, scaled to fit the printable area; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            area.moveTo(0, 0)
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            target.moveCenter(area.center())
            painter.drawImage(target, image)
            if training:
                _watermark(painter, area)
    finally:
        painter.end()
    return len(images)


def pdf_images(pdf: Path) -> list[QImage]:
    images = []
    for data in render_pages(pdf, dpi=PRINT_DPI):
        image = QImage()
        image.loadFromData(data, "PNG")
        images.append(image)
    return images


def print_pdf(parent: QWidget | None, pdf: Path, title: str, *, training: bool) -> int:
    """Ask for a printer, then print every page of ``pdf``; 0 when cancelled."""
    printer = ask(parent, title)
    if printer is None:
        return 0
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return paint_images(printer, pdf_images(pdf), training=training)
    finally:
        QApplication.restoreOverrideCursor()


def print_html(parent: QWidget | None, html: str, title: str, *, training: bool) -> bool:
    """Print an HTML text (report, help, checklist); False when cancelled."""
    printer = ask(parent, title)
    if printer is None:
        return False
    write_html(printer, html, training=training)
    return True


def write_html(printer: QPrinter, html: str, *, training: bool) -> None:
    document = QTextDocument()
    if training:
        html = (
            f'<p style="color:#b3261e; font-weight:bold; font-size:large">'
            f"{training_mark()}</p>{html}"
        )
    document.setHtml(html)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    document.print_(printer)


def export_html_pdf(target: Path, html: str, *, training: bool) -> None:
    """The same text written as a PDF file (no dialog): for "Exporter en PDF"."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    write_html(printer, html, training=training)
