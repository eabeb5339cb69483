"""Test-only: where the visible widgets are on screen, for a driver in another process.

Only when ``BUREAU_APP_GEOMETRY`` names a file. A mouse-only test (another process,
real X pointer events through xdotool) must know where to click, as a person knows by
looking; this writes, a few times a second and only when something changed, every
visible window with its widgets' names, texts and screen rectangles (items of lists
and menus included). It reads the widgets and changes nothing: no slot is ever called
from here, and the clicks come from the X server like a person's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

ENV = "BUREAU_APP_GEOMETRY"
_PERIOD_MS = 120
_MAX_ROWS = 100


def _rect(widget: QWidget, local: QRect | None = None) -> list[int]:
    area = local if local is not None else widget.rect()
    corner = widget.mapToGlobal(area.topLeft())
    return [corner.x(), corner.y(), area.width(), area.height()]


def _text(widget: QWidget) -> str:
    if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)):
        return widget.text()[:300]
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def _items(widget: QWidget) -> list[dict[str, Any]]:
    """What a person can click inside a widget: rows of a list, actions of a menu, tabs."""
    out: list[dict[str, Any]] = []
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        viewport = widget.viewport()
        visible = viewport.rect()
        root = widget.rootIndex()
        for row in range(min(model.rowCount(root), _MAX_ROWS)):
            index = model.index(row, 0, root)
            area = widget.visualRect(index)
            if not area.intersects(visible):
                continue
            out.append(
                {
                    "row": row,
                    "text": str(model.data(index) or "")[:300],
                    "rect": _rect(viewport, area.intersected(visible)),
                }
            )
    elif isinstance(widget, (QMenu, QMenuBar)):
        for action in widget.actions():
            if not action.isVisible() or action.isSeparator():
                continue
            area = widget.actionGeometry(action)
            out.append(
                {"text": action.text(), "enabled": action.isEnabled(), "rect": _rect(widget, area)}
            )
    elif isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            out.append(
                {
                    "row": tab,
                    "text": widget.tabText(tab),
                    "rect": _rect(widget, widget.tabRect(tab)),
                }
            )
    return out


def snapshot() -> dict[str, Any]:
    """Every visible top-level window and its visible widgets, in screen coordinates."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    active = QApplication.activeWindow()
    modal = QApplication.activeModalWidget()
    popup = QApplication.activePopupWidget()
    focus = QApplication.focusWidget()
    windows = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        widgets = []
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible() or widget.window() is not top:
                continue
            entry: dict[str, Any] = {
                "class": type(widget).__name__,
                "object": widget.objectName(),
                "name": widget.accessibleName(),
                "text": _text(widget),
                "enabled": widget.isEnabled(),
                "focus": widget is focus,
                "rect": _rect(widget),
            }
            items = _items(widget)
            if items:
                entry["items"] = items
            widgets.append(entry)
        windows.append(
            {
                "title": top.windowTitle(),
                "class": type(top).__name__,
                "active": top is active,
                "modal": top is modal,
                "popup": top is popup,
                "rect": _rect(top),
                "widgets": widgets,
            }
        )
    return {"windows": windows}


class GeometryDump(QObject):
    """Writes ``snapshot()`` to ``path`` (atomically) whenever it changes."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._last = ""
        self._seq = 0
        self._timer = QTimer(self)
        self._timer.setInterval(_PERIOD_MS)
        self._timer.timeout.connect(self.write)
        self._timer.start()

    def write(self) -> None:
        data = json.dumps(snapshot(), ensure_ascii=False, sort_keys=True)
        if data == self._last:
            return
        self._last = data
        self._seq += 1
        temporary = self._path.with_name(self._path.name + ".tmp")
        temporary.write_text(f'{{"seq": {self._seq}, "state": {data}}}', encoding="utf-8")
        os.replace(temporary, self._path)

    def stop(self) -> None:
        self._timer.stop()


def install_from_environment(parent: QObject) -> GeometryDump | None:
    """The dump when the test's environment asks for it; nothing otherwise."""
    path = os.environ.get(ENV)
    return GeometryDump(Path(path), parent) if path else None
