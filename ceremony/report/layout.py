"""Shared page set-up of Bureau's printed documents: A4, embedded fonts, page X / Y.

Documents are drawn in reportlab's invariant mode (fixed creation date and
document id), so the same input always gives the same bytes and the same hash.
Everything is black on white with grey rules only: it prints in black and white.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from ceremony.report.fonts import MONO, SANS, SANS_BOLD, register_fonts
from ceremony.report.frtext import french_spacing, to_paris

MARGIN = 18 * mm
GRID = colors.Color(0.45, 0.45, 0.45)
SHADE = colors.Color(0.9, 0.9, 0.9)


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": SANS, "fontSize": 9, "leading": 11.5}
    base.update(kw)
    return ParagraphStyle(name, **base)


STYLES = {
    "body": _style("body"),
    "small": _style("small", fontSize=7.5, leading=9.5),
    "cell": _style("cell", fontSize=8, leading=10),
    "cell_bold": _style("cell_bold", fontName=SANS_BOLD, fontSize=8, leading=10),
    "cell_right": _style("cell_right", fontSize=8, leading=10, alignment=TA_RIGHT),
    "head_small": _style("head_small", fontName=SANS_BOLD, fontSize=7, leading=9),
    "mono": _style("mono", fontName=MONO, fontSize=6.5, leading=8.5, wordWrap="CJK"),
    "mono_large": _style("mono_large", fontName=MONO, fontSize=8.5, leading=11, wordWrap="CJK"),
    "republic": _style("republic", fontName=SANS_BOLD, fontSize=9, alignment=TA_CENTER),
    "title": _style("title", fontName=SANS_BOLD, fontSize=15, leading=19, alignment=TA_CENTER),
    "subtitle": _style("subtitle", fontSize=10.5, leading=14, alignment=TA_CENTER),
    "h1": _style("h1", fontName=SANS_BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4),
    "h2": _style("h2", fontName=SANS_BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3),
}


def escape(text: str) -> str:
    """Text for a reportlab paragraph (which reads a small XML markup)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: str = "body") -> Paragraph:
    register_fonts()
    return Paragraph(escape(french_spacing(text)), STYLES[style])


def grid_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    align_right_from: int | None = None,
    bold_last_row: bool = False,
) -> Table:
    """A ruled table with a shaded header, repeated on each page it spans."""
    table = Table(list(rows), colWidths=list(widths), repeatRows=header_rows)
    table.hAlign = "LEFT"
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:
        commands.append(("FONT", (0, 0), (-1, header_rows - 1), SANS_BOLD, 8))
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    else:
        # A two-column "label | figure" table: the labels are shaded instead.
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    if align_right_from is not None:
        commands.append(("ALIGN", (align_right_from, header_rows), (-1, -1), "RIGHT"))
    if bold_last_row:
        commands.append(("FONT", (0, -1), (-1, -1), SANS_BOLD, 8))
    table.setStyle(TableStyle(commands))
    return table


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code drawn as vector squares (sharp at any print resolution)."""

    def __init__(self, data: str, size: float) -> None:
        import segno  # imported here: only documents with a QR code need it

        super().__init__()
        self.size = size
        qr = segno.make(data, error="m", micro=False)
        self.modules = [list(row) for row in qr.matrix_iter(scale=1, border=4)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.modules)
        cell = self.size / n
        canvas = self.canv
        canvas.setFillColor(colors.black)
        for y, row in enumerate(self.modules):
            x = 0
            while x < n:
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < n and row[x]:
                    x += 1
                # One rectangle per run of dark modules keeps the PDF small.
                canvas.rect(start * cell, (n - 1 - y) * cell, (x - start) * cell, cell, 0, 1)


def pdf_date(moment: datetime) -> str:
    """A PDF date (``D:20241211103000+01'00'``) in Paris time."""
    local = to_paris(moment)
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"D:{local:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


TRAINING_MARK = "ENTRAÎNEMENT — sans valeur légale"
"""On every page and in the metadata of a document made in training (simulated platform,
training cards); never on a real ceremony's."""


def _training_band(canvas: Canvas) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(1.2)
    canvas.rect(MARGIN, height - 14 * mm, width - 2 * MARGIN, 8 * mm, 1, 0)
    canvas.setFont(SANS_BOLD, 11)
    canvas.setFillColor(colors.black)
    canvas.drawCentredString(width / 2, height - 11.3 * mm, TRAINING_MARK)
    canvas.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (a footer never runs into the page
    number)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip(" —·") + "…"


def _numbered_canvas(
    footer_left: str,
    created: datetime | None = None,
    training: bool = False,
    pages_before: int = 0,
) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Defers each page so the footer can say "page X / Y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            if created is not None:
                # The document's own date (deterministic), not invariant mode's 1 January 2000.
                stamp = pdf_date(created)
                self.setDateFormatter(lambda *_parts: stamp)

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width, _ = A4
                if training:
                    _training_band(self)
                self.setFont(SANS, 7.5)
                self.setFillColor(colors.black)
                self.setStrokeColor(GRID)
                self.setLineWidth(0.5)
                self.line(MARGIN, 13 * mm, width - MARGIN, 13 * mm)
                numbering = f"page {pages_before + number} / {pages_before + total}"
                room = width - 2 * MARGIN - self.stringWidth(numbering, SANS, 7.5) - 6 * mm
                self.drawString(MARGIN, 9 * mm, _fit(footer_left, SANS, 7.5, room))
                self.drawRightString(width - MARGIN, 9 * mm, numbering)
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    subject: str,
    author: str,
    footer: str,
    created: datetime | None = None,
    training: bool = False,
    pages_before: int = 0,
) -> bytes:
    """Lay out ``story`` on A4 pages and return the PDF bytes (deterministic).

    ``training``: the :data:`TRAINING_MARK` on every page and in the title and keywords.
    ``pages_before``: pages of the document this one continues (numbering goes on)."""
    register_fonts()
    out = io.BytesIO()
    if training:
        title = f"{TRAINING_MARK} — {title}"
        footer = f"{TRAINING_MARK} · {footer}"
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=20 * mm,
        title=title,
        subject=subject,
        author=author,
        creator="Bureau",
        lang="fr-FR",
        keywords=TRAINING_MARK if training else "",
        invariant=1,
        # Otherwise reportlab declares Helvetica, a font that is not embedded.
        initialFontName=SANS,
    )
    doc.build(story, canvasmaker=_numbered_canvas(footer, created, training, pages_before))
    return out.getvalue()


CONTENT_WIDTH = A4[0] - 2 * MARGIN
