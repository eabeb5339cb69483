"""A read-only list of checklist lines, each with a shape icon and a word (not colour alone)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from bureau_app.phase_model import ChecklistItem
from bureau_app.resources import icon


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

    def set_items(self, items: Sequence[ChecklistItem], empty_text: str) -> None:
        self.clear()
        if not items:
            placeholder = QListWidgetItem(empty_text)
            placeholder.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(placeholder)
            return
        for entry in items:
            name, word = self._marker(entry.done)
            item = QListWidgetItem(icon(name), entry.label)
            described = f"{word} : {entry.label}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, described)
            item.setToolTip(described)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.addItem(item)

    def _marker(self, done: bool) -> tuple[str, str]:
        if self._kind == "todo":
            return ("check-done", self.tr("fait")) if done else ("check-open", self.tr("à faire"))
        return ("check-done", self.tr("vérifié")) if done else ("check-failed", self.tr("échec"))
