"""Asking a member to insert their card, and following the reader's insert/remove events.

The card layer (``ceremony.cards``) runs on its own thread; its adapter emits
``CardEvents`` signals, which Qt queues to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from bureau_app.resources import icon
from bureau_app.sizing import fit_to_text, scale_font
from bureau_app.text import fill


class CardEvents(QObject):
    """Emitted by the card adapter, from any thread: a card's serial number came or went.

    ``card_unreadable`` carries a French sentence: a card is in a reader but
    cannot be used (not an OpenPGP card, held by another program, ...).
    """

    card_inserted = Signal(str)
    card_removed = Signal(str)
    card_unreadable = Signal(str)


@dataclass(frozen=True)
class ExpectedCard:
    """Whose card is wanted.

    ``of_role`` completes "Insérez la carte …" with French grammar the caller
    knows: "de la présidente", "du secrétaire", "de la déléguée de la liste A".
    ``serial`` is the card's serial number when the bureau already knows it.
    """

    holder_name: str
    role: str
    of_role: str
    serial: str | None = None


class CardPromptDialog(QDialog):
    """Waits for the expected card; accepts once it is in. ``inserted_serial`` tells which."""

    def __init__(
        self,
        expected: ExpectedCard,
        events: CardEvents,
        parent: QWidget | None = None,
        *,
        reader: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._expected = expected
        self._wrong_card: str | None = None
        self.inserted_serial: str | None = None
        self.setWindowTitle(self.tr("Carte à insérer"))
        self.setAccessibleName(self.tr("Demande de carte"))

        picture = QLabel()
        picture.setPixmap(icon("card").pixmap(96, 64))
        picture.setAccessibleName(self.tr("Dessin d'une carte à puce"))
        self.heading = QLabel(fill(self.tr("Insérez la carte %1"), expected.of_role))
        scale_font(self.heading, 1.5, bold=True)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Carte demandée"))
        self.holder = QLabel(
            fill(self.tr("Titulaire de la carte : %1 (%2)"), expected.holder_name, expected.role)
        )
        self.holder.setWordWrap(True)
        self.holder.setAccessibleName(self.tr("Titulaire attendu"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État du lecteur de carte"))
        self.status.setMinimumHeight(self.status.fontMetrics().height() * 3)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("&Annuler"))
        self.cancel_button.setAccessibleName(self.tr("Annuler la demande de carte"))
        buttons.rejected.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.holder)
        layout.addWidget(self.status)
        # Training: the stand-in reader where the member "inserts" a training card.
        self.reader = reader
        if reader is not None:
            layout.addWidget(reader)
        layout.addWidget(buttons)

        self._events = events
        events.card_inserted.connect(self._on_inserted)
        events.card_removed.connect(self._on_removed)
        events.card_unreadable.connect(self._on_unreadable)
        self._waiting()
        fit_to_text(self, 62)

    def done(self, result: int) -> None:
        # A closed prompt must not react to later cards.
        self._events.card_inserted.disconnect(self._on_inserted)
        self._events.card_removed.disconnect(self._on_removed)
        self._events.card_unreadable.disconnect(self._on_unreadable)
        super().done(result)

    def _waiting(self) -> None:
        self.status.setText(
            self.tr("En attente de la carte… Placez-la dans le lecteur, puce vers le haut.")
        )

    def _on_inserted(self, serial: str) -> None:
        expected = self._expected.serial
        if expected is not None and serial != expected:
            self._wrong_card = serial
            self.status.setText(
                fill(
                    self.tr(
                        "Cette carte (n° %1) n'est pas celle attendue. Retirez-la, puis insérez "
                        "la carte %2."
                    ),
                    serial,
                    self._expected.of_role,
                )
            )
            return
        self.inserted_serial = serial
        self.status.setText(fill(self.tr("Carte détectée (n° %1)."), serial))
        self.accept()

    def _on_unreadable(self, sentence: str) -> None:
        self.status.setText(sentence)

    def _on_removed(self, serial: str) -> None:
        if self._wrong_card == serial:
            self._wrong_card = None
        if self.inserted_serial is None:
            self._waiting()
