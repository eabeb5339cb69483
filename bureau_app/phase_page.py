"""One phase's page: its checklist, what has been verified, and one prominent next action.

Optional, repeatable steps (a decision during the vote) get plain secondary
buttons below it; the prominent button stays the phase's required step.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bureau_app.appearance import primary_button_style
from bureau_app.checklist_view import ChecklistView
from bureau_app.phase_model import OptionalAction, PhaseState, PhaseView, phase_title
from bureau_app.phase_panel import state_icon, state_word
from bureau_app.sizing import scale_font
from bureau_app.text import fill


class PhasePage(QWidget):
    """Shows one ``PhaseView``; the button emits ``action_requested(phase key)``.

    A secondary button emits ``optional_action_requested(phase key, action key)``.
    """

    action_requested = Signal(str)
    optional_action_requested = Signal(str, str)

    def __init__(self, number: int, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._number, self._total = number, total
        self.heading = QLabel()
        scale_font(self.heading, 1.6, bold=True)
        self.heading.setAccessibleName(self.tr("Titre de l'étape"))
        self.heading.setWordWrap(True)

        self.state_icon = QLabel()
        self.state_icon.setAccessibleName(self.tr("Symbole de l'état de l'étape"))
        self.state_label = QLabel()
        self.state_label.setAccessibleName(self.tr("État de l'étape"))
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_icon)
        state_row.addWidget(self.state_label, 1)

        self.checklist = ChecklistView("todo", self.tr("À faire dans cette étape"))
        todo_box = QGroupBox(self.tr("À faire dans cette étape"))
        QVBoxLayout(todo_box).addWidget(self.checklist)

        self.verified = ChecklistView("verified", self.tr("Ce qui a été vérifié"))
        verified_box = QGroupBox(self.tr("Ce qui a été vérifié"))
        QVBoxLayout(verified_box).addWidget(self.verified)

        self.action_button = QPushButton()
        self.action_button.setObjectName("next_action")
        # Ignored: a long label (a member's full name) never makes the window wider.
        self.action_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        scale_font(self.action_button, 1.3, bold=True)
        self.action_button.setMinimumHeight(56)
        self.action_button.setAutoDefault(True)
        self.action_button.clicked.connect(self._on_clicked)
        self.action_hint = QLabel()
        self.action_hint.setAccessibleName(self.tr("Indication sur la prochaine action"))
        self.action_hint.setWordWrap(True)

        self.optional_label = QLabel(self.tr("Autres actions possibles maintenant :"))
        self.optional_row = QHBoxLayout()
        # Documents and views this step leads to (results, procès-verbal, help): the window
        # adds them with ``add_link``; they never change the ceremony.
        self.links_row = QHBoxLayout()
        self.links_row.addStretch(1)
        self.links: dict[str, QPushButton] = {}
        self.optional_buttons: dict[str, QPushButton] = {}
        self._optional: tuple[OptionalAction, ...] = ()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(state_row)
        layout.addWidget(todo_box)
        layout.addWidget(verified_box)
        layout.addStretch(1)
        layout.addWidget(self.action_hint)
        layout.addWidget(self.action_button)
        layout.addWidget(self.optional_label)
        layout.addLayout(self.optional_row)
        layout.addLayout(self.links_row)
        self.setTabOrder(self.checklist, self.verified)
        self.setTabOrder(self.verified, self.action_button)

    @property
    def key(self) -> str:
        return self._key

    def add_link(self, key: str, text: str, accessible_name: str) -> QPushButton:
        """A plain button under the actions (e.g. "Relire le procès-verbal"); once per key."""
        button = self.links.get(key)
        if button is None:
            button = QPushButton(text)
            button.setObjectName(f"link_{key}")
            button.setAccessibleName(accessible_name)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            self.links_row.insertWidget(self.links_row.count() - 1, button)
            self.links[key] = button
        return button

    def show_view(self, view: PhaseView) -> None:
        self._key = view.key
        title = phase_title(view)
        self.setAccessibleName(fill(self.tr("Page de l'étape %1"), title))
        self.heading.setText(
            fill(self.tr("Étape %1 sur %2 : %3"), str(self._number), str(self._total), title)
        )
        size = self.state_label.fontMetrics().height() * 2
        self.state_icon.setPixmap(state_icon(view.state).pixmap(size, size))
        self.state_label.setText(fill(self.tr("État : %1"), state_word(view.state)))
        self.checklist.set_items(view.checklist, self.tr("Aucune tâche pour cette étape."))
        self.verified.set_items(view.verified, self.tr("Rien n'a encore été vérifié."))
        self.action_button.setStyleSheet(primary_button_style())
        if view.next_action is None:
            self.action_button.setText(self.tr("Aucune action à faire maintenant"))
            self.action_button.setEnabled(False)
            hints = {
                PhaseState.DONE: self.tr("Cette étape est terminée."),
                PhaseState.CURRENT: self.tr("Rien à faire pour le moment : attendez la suite."),
                PhaseState.TODO: self.tr("Cette étape viendra plus tard."),
            }
            self.action_hint.setText(hints[view.state])
        else:
            self.action_button.setText(view.next_action)
            self.action_button.setToolTip(view.next_action)
            self.action_button.setEnabled(True)
            self.action_hint.setText(self.tr("Prochaine action (raccourci : Ctrl+Entrée) :"))
        self.action_button.setAccessibleName(
            fill(self.tr("Prochaine action : %1"), self.action_button.text())
        )
        self._show_optional(tuple(view.optional_actions))

    def _show_optional(self, actions: tuple[OptionalAction, ...]) -> None:
        if actions != self._optional:
            for button in self.optional_buttons.values():
                self.optional_row.removeWidget(button)
                button.deleteLater()
            self.optional_buttons = {}
            previous: QWidget = self.action_button
            for action in actions:
                button = QPushButton(action.label)
                button.setObjectName(f"optional_{action.key}")
                button.setAccessibleName(fill(self.tr("Action possible : %1"), action.label))
                button.clicked.connect(
                    lambda _checked=False, key=action.key: self._on_optional(key)
                )
                self.optional_row.addWidget(button)
                self.setTabOrder(previous, button)
                previous = button
                self.optional_buttons[action.key] = button
            self._optional = actions
        self.optional_label.setVisible(bool(actions))

    def _on_optional(self, action_key: str) -> None:
        if self._key:
            self.optional_action_requested.emit(self._key, action_key)

    def _on_clicked(self) -> None:
        if self._key:
            self.action_requested.emit(self._key)
