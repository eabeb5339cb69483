"""The PV preview renders a real PDF (reportlab, then poppler) and exports it unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bureau_app.pdf_pages import PdfPreviewUnavailableError, render_pages
from bureau_app.pv_preview import PvPreview
from bureau_app.worker import JobRunner
from tests.conftest import require

pytestmark = pytest.mark.gui


def _two_page_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawString(72, 760, "Procès-verbal des opérations électorales — page 1")
    pdf.showPage()
    pdf.drawString(72, 760, "Signatures — page 2")
    pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def preview(qtbot, app):  # type: ignore[no-untyped-def]
    require(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils)")
    runner = JobRunner()
    widget = PvPreview(runner)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    assert runner.wait(60_000)


def test_pages_are_rendered_and_the_export_is_byte_identical(
    qtbot, preview, tmp_path, screenshot_dir
) -> None:  # type: ignore[no-untyped-def]
    pdf = _two_page_pdf(tmp_path / "pv.pdf")
    with qtbot.waitSignal(preview.rendered, timeout=60_000) as rendered:
        preview.set_document(pdf)
    assert rendered.args == [2]
    assert preview.status.text() == "pv.pdf : 2 pages. Relisez chaque page avant de signer."
    labels = [preview.pages_layout.itemAt(i).widget() for i in range(2)]
    assert all(not label.pixmap().isNull() for label in labels)
    assert labels[1].accessibleName() == "Page 2 sur 2"
    preview.resize(900, 700)
    qtbot.wait(50)  # let the new page labels be laid out
    assert preview.grab().save(str(screenshot_dir / "pv-preview.png"))
    target = tmp_path / "export" / "pv-copie.pdf"
    target.parent.mkdir()
    with qtbot.waitSignal(preview.exported):
        preview.export_to(target)
    assert target.read_bytes() == pdf.read_bytes()


def test_a_damaged_pdf_gives_a_french_error_and_still_allows_export(
    qtbot, preview, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    damaged = tmp_path / "pv.pdf"
    damaged.write_bytes(b"%PDF-1.4\n this is not a PDF body")
    with pytest.raises(PdfPreviewUnavailableError):
        render_pages(damaged)
    job = preview.set_document(damaged)
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert isinstance(job.error, PdfPreviewUnavailableError)
    assert preview.status.text().startswith("Aperçu indisponible")
    assert preview.export_button.isEnabled()
