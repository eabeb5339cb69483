"""Fonts relative to the user's text size, and dialogs tall enough for their wrapped text."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

_SCALE = "bureau_font_scale"
_BOLD = "bureau_font_bold"


def scale_font(widget: QWidget, scale: float, *, bold: bool = False) -> None:
    """Give ``widget`` a font ``scale`` times the application's, kept so when the size changes."""
    widget.setProperty(_SCALE, scale)
    widget.setProperty(_BOLD, bold)
    _apply(widget)


def refresh_scaled_fonts() -> None:
    """Recompute every scaled font after the application font changed."""
    for widget in QApplication.allWidgets():
        # Ask for the property only where it exists: PySide6 6.12 returns an unset
        # property as a None it does not own, and each such call wears None's refcount.
        if _SCALE.encode() in [bytes(name.data()) for name in widget.dynamicPropertyNames()]:
            _apply(widget)


def _apply(widget: QWidget) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * float(widget.property(_SCALE)))
    font.setBold(bool(widget.property(_BOLD)))
    widget.setFont(font)


def fit_to_text(widget: QWidget, columns: int) -> None:
    """About ``columns`` characters wide in the current text size, and tall enough for them."""
    fit_to_width(widget, widget.fontMetrics().averageCharWidth() * columns)


def fit_to_width(widget: QWidget, width: int) -> None:
    """Resize to ``width`` and to the height its word-wrapped labels need at that width."""
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    needed = widget.heightForWidth(width)
    widget.resize(width, max(needed, widget.sizeHint().height(), widget.minimumHeight()))
