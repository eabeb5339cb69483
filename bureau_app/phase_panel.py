"""The side panel: every phase of the bureau with its state as icon, word and colour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from bureau_app.appearance import state_colour
from bureau_app.phase_model import PhaseState, PhaseView, phase_title
from bureau_app.resources import icon
from bureau_app.text import fill

KEY_ROLE = Qt.ItemDataRole.UserRole


def state_word(state: PhaseState) -> str:
    words = {
        PhaseState.TODO: QCoreApplication.translate("PhasePanel", "à faire"),
        PhaseState.CURRENT: QCoreApplication.translate("PhasePanel", "en cours"),
        PhaseState.DONE: QCoreApplication.translate("PhasePanel", "fait"),
    }
    return words[state]


def state_icon(state: PhaseState) -> QIcon:
    names = {
        PhaseState.TODO: "state-todo",
        PhaseState.CURRENT: "state-current",
        PhaseState.DONE: "state-done",
    }
    return icon(names[state])


class PhasePanel(QListWidget):
    """Lists the phases in order; selecting one emits ``phase_selected(key)``."""

    phase_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phase_panel")
        self.setAccessibleName(self.tr("Étapes du bureau"))
        self.setAccessibleDescription(
            self.tr("Liste des étapes, chacune marquée à faire, en cours ou fait")
        )
        self.setIconSize(QSize(28, 28))
        self.setSpacing(1)  # ten steps fit 1280×720 with the training banner
        self.setUniformItemSizes(False)
        self.currentItemChanged.connect(self._on_current_changed)

    def set_phases(self, views: Sequence[PhaseView]) -> None:
        """Show ``views``, keeping the selected phase when it is still listed."""
        selected = self.selected_key()
        self.blockSignals(True)
        self.clear()
        for number, view in enumerate(views, start=1):
            item = QListWidgetItem(state_icon(view.state), self._item_text(number, view))
            item.setData(KEY_ROLE, view.key)
            item.setForeground(state_colour(view.state))
            if view.state is PhaseState.CURRENT:
                bold = QFont()  # only the weight is set: size follows the list's font
                bold.setBold(True)
                item.setFont(bold)
            described = fill(
                self.tr("Étape %1 : %2, %3"), str(number), phase_title(view), state_word(view.state)
            )
            item.setData(Qt.ItemDataRole.AccessibleTextRole, described)
            item.setToolTip(item.data(Qt.ItemDataRole.AccessibleTextRole))
            self.addItem(item)
        self.blockSignals(False)
        self._fit_width()
        target = selected or next((v.key for v in views if v.state is PhaseState.CURRENT), None)
        if target is None and views:
            target = views[0].key
        if target is not None:
            self.select_key(target)

    def _fit_width(self) -> None:
        # Wide enough for the longest title at the current text size, never a scroll bar.
        margins = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width() + 16
        self.setMinimumWidth(max(220, self.sizeHintForColumn(0) + margins))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()

    def _item_text(self, number: int, view: PhaseView) -> str:
        return f"{number}. {phase_title(view)}\n      {state_word(view.state)}"

    def selected_key(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(KEY_ROLE))

    def select_key(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                if self.currentRow() == row:
                    self.phase_selected.emit(key)
                else:
                    self.setCurrentRow(row)  # emits through currentItemChanged
                return
        raise KeyError(key)

    def item_for(self, key: str) -> QListWidgetItem:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                return self.item(row)
        raise KeyError(key)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.phase_selected.emit(str(current.data(KEY_ROLE)))
