"""Text size and high-contrast theme, chosen by the user and kept in QSettings.

Bureau members read the screen from a distance in a public room, some without
their glasses: the text size goes from 10 to 32 points and the choice persists.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from bureau_app.phase_model import PhaseState
from bureau_app.resources import FONTS
from bureau_app.sizing import refresh_scaled_fonts

DEFAULT_POINT_SIZE = 13
MIN_POINT_SIZE = 10
MAX_POINT_SIZE = 32
_SIZE_KEY = "appearance/point_size"
_CONTRAST_KEY = "appearance/high_contrast"
FONT_FAMILY = "DejaVu Sans"

# The theme in force, for painters that pick colours (one application, one theme).
_current: dict[str, bool] = {"high_contrast": False}


@dataclass(frozen=True)
class Appearance:
    point_size: int = DEFAULT_POINT_SIZE
    high_contrast: bool = False

    def with_point_size(self, size: int) -> Appearance:
        return Appearance(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size)), self.high_contrast)


def load_appearance(settings: QSettings) -> Appearance:
    raw_size = settings.value(_SIZE_KEY, DEFAULT_POINT_SIZE)
    try:
        size = int(str(raw_size))
    except ValueError:  # a hand-edited or damaged settings file
        size = DEFAULT_POINT_SIZE
    contrast = settings.value(_CONTRAST_KEY, False, type=bool)
    return Appearance(high_contrast=bool(contrast)).with_point_size(size)


def save_appearance(settings: QSettings, appearance: Appearance) -> None:
    settings.setValue(_SIZE_KEY, appearance.point_size)
    settings.setValue(_CONTRAST_KEY, appearance.high_contrast)
    settings.sync()


def load_fonts() -> None:
    """Ship our own fonts so every laptop renders the same letters (and accents)."""
    for path in sorted(FONTS.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


def apply_appearance(app: QApplication, appearance: Appearance) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    font = QFont(FONT_FAMILY)
    font.setPointSize(appearance.point_size)
    app.setFont(font)
    app.setPalette(_high_contrast_palette() if appearance.high_contrast else _standard_palette())
    _current["high_contrast"] = appearance.high_contrast
    refresh_scaled_fonts()


def primary_button_style() -> str:
    """The next-action button stands out: filled, in the theme's strongest colours."""
    if is_high_contrast():
        colours = ("#ffe000", "#000000", "#ffffff")
    else:
        colours = ("#0b5cad", "#ffffff", "#06386b")
    background, text, border = colours
    return (
        f"QPushButton {{ background: {background}; color: {text}; border: 3px solid {border};"
        " border-radius: 6px; padding: 8px 16px; }"
        " QPushButton:focus { border: 4px dashed "
        f"{text}; }}"
        " QPushButton:disabled { background: palette(button); color: palette(mid);"
        " border: 2px solid palette(mid); }"
    )


def is_high_contrast() -> bool:
    return _current["high_contrast"]


def state_colour(state: PhaseState) -> QColor:
    """Colour of a phase state; always paired with an icon and a word, never alone."""
    if is_high_contrast():
        colours = {
            PhaseState.TODO: "#ffffff",
            PhaseState.CURRENT: "#ffe000",
            PhaseState.DONE: "#7dff7d",
        }
    else:
        colours = {
            PhaseState.TODO: "#4a4f55",
            PhaseState.CURRENT: "#0b5cad",
            PhaseState.DONE: "#1b7a3a",
        }
    return QColor(colours[state])


def _standard_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def _high_contrast_palette() -> QPalette:
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffe000")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, black)
        palette.setColor(group, QPalette.ColorRole.WindowText, white)
        palette.setColor(group, QPalette.ColorRole.Base, black)
        palette.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#1a1a1a"))
        palette.setColor(group, QPalette.ColorRole.Text, white)
        palette.setColor(group, QPalette.ColorRole.Button, black)
        palette.setColor(group, QPalette.ColorRole.ButtonText, white)
        palette.setColor(group, QPalette.ColorRole.Highlight, yellow)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, black)
        palette.setColor(group, QPalette.ColorRole.ToolTipBase, black)
        palette.setColor(group, QPalette.ColorRole.ToolTipText, white)
        palette.setColor(group, QPalette.ColorRole.Link, yellow)
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#d0d0d0"))
        palette.setColor(group, QPalette.ColorRole.BrightText, yellow)
    grey = QColor("#a0a0a0")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, black)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, black)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, black)
    return palette
