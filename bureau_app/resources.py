"""Where the application's files are: icons, translations, fonts (``resources/`` at the root)."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "translations"
FONTS = RESOURCES / "fonts"


@functools.cache  # pages are redrawn after every step: read each SVG once
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg``; a missing file is a packaging bug."""
    path = ICONS / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"missing icon {path}")
    return QIcon(str(path))
