"""A read-only list of checklist lines, each with a shape icon and a word (not colour alone).

The lines are not boxes to tick: the software ticks them from the journal. So
their icons are round marks (dashed circle, tick, cross), never square boxes
that invite a click.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from bureau_app.i18n import current_language
from bureau_app.phase_model import ChecklistItem
from bureau_app.resources import icon
from bureau_app.text import resolve_plurals, typeset


class ChecklistView(QListWidget):
    """``kind`` "todo": open box or tick; "verified": tick or red cross (a failed check)."""

    def __init__(self, kind: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in {"todo", "verified"}:
            raise ValueError(kind)
        self._kind = kind
        self.setAccessibleName(accessible_name)
        self.setIconSize(QSize(24, 24))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        # As tall as its lines: the page gives each list what it needs, not a fixed share.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._last_width = 0

    def content_height(self) -> int:
        # Laid-out rows, so that wrapped lines count with their real height at this width.
        self.doItemsLayout()
        spacing = 2 * self.spacing()
        rows = 0
        for row in range(self.count()):
            height = self.visualItemRect(self.item(row)).height()
            rows += (height if height > 0 else max(self.sizeHintForRow(row), 0)) + spacing
        # A little slack: a scroll bar appearing would narrow the rows and wrap them again.
        return rows + 2 * self.frameWidth() + spacing + self.fontMetrics().height() // 2

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self.content_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # Two lines at least; beyond, the list scrolls only when the page is really full.
        line = self.fontMetrics().height() + 2 * self.spacing()
        return QSize(super().minimumSizeHint().width(), min(self.content_height(), 3 * line))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != self._last_width:
            # Wrapped lines change height with the width.
            self._last_width = event.size().width()
            self.updateGeometry()

    def set_items(self, items: Sequence[ChecklistItem], empty_text: str) -> None:
        self.clear()
        if not items:
            placeholder = QListWidgetItem(empty_text)
            placeholder.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(placeholder)
            self.updateGeometry()
            return
        for entry in items:
            name, word = self._marker(entry.done)
            english = current_language() == "en"
            plain = resolve_plurals(entry.label, zero_is_plural=english)
            item = QListWidgetItem(icon(name), typeset(plain))
            described = f"{word} : {plain}"  # plain spaces for screen readers
            item.setData(Qt.ItemDataRole.AccessibleTextRole, described)
            item.setToolTip(described)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.addItem(item)
        self.updateGeometry()

    def _marker(self, done: bool) -> tuple[str, str]:
        if self._kind == "todo":
            return ("state-done", self.tr("fait")) if done else ("state-todo", self.tr("à faire"))
        return ("state-done", self.tr("vérifié")) if done else ("state-failed", self.tr("échec"))
