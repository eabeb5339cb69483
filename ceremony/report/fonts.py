"""The fonts embedded in every document: DejaVu (free licence, full French accents).

They ship in ``resources/fonts`` (copied from Debian's fonts-dejavu-core 2.37 with
their licence) so the documents never depend on the fonts of the machine.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ceremony.report.errors import FontMissingError

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

SANS = "BureauSans"
SANS_BOLD = "BureauSans-Bold"
SANS_ITALIC = "BureauSans-Oblique"
MONO = "BureauMono"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}


def register_fonts(fonts_dir: Path | None = None) -> None:
    """Register the document fonts with reportlab (idempotent)."""
    if SANS in pdfmetrics.getRegisteredFontNames():
        return
    folder = fonts_dir or FONTS_DIR
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise FontMissingError(f"font file not found: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # Lets <b> and <i> in paragraphs pick the bold and oblique faces.
    # There is no bold oblique face: bold stands in for it. It is mapped first so
    # that the plain bold mapping, added next, is the one reportlab reads back.
    addMapping(SANS, 1, 1, SANS_BOLD)
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(MONO, 0, 0, MONO)
    addMapping(MONO, 1, 0, MONO)
    addMapping(MONO, 0, 1, MONO)
    addMapping(MONO, 1, 1, MONO)
