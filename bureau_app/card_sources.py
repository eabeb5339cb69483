"""Where cards come from: OpenPGP cards in PC/SC readers, or training cards in a folder.

A source gives the card prompt its ``CardEvents`` (inserted / removed, by
serial), optionally a widget to put in the prompt (the training "reader"), and
the ``CardClient`` for a serial once the prompt accepted it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from bureau_app.card_bridge import CardEventBridge
from bureau_app.card_prompt import CardEvents
from bureau_app.text import fill
from ceremony.cards.errors import CardError
from ceremony.cards.interface import CardClient
from ceremony.cards.training import TrainingCard


class CardSource(Protocol):
    events: CardEvents

    def reader_widget(self, member_id: str) -> QWidget | None:
        """A widget to show in the card prompt (None for real readers)."""
        ...

    def client(self, serial: str) -> CardClient: ...

    def close(self) -> None: ...


class TrainingCardSource:
    """One training card per member in ``folder`` (``<member id>.card``), made when missing.

    ``members``: member id → name, to label each card in the training reader.
    """

    def __init__(self, folder: Path, members: dict[str, str]) -> None:
        self.folder = folder
        self._names = dict(members)
        self.events = CardEvents()
        folder.mkdir(parents=True, exist_ok=True)
        self._cards: dict[str, TrainingCard] = {}
        for member_id in members:
            path = folder / f"{member_id}.card"
            card = TrainingCard(path) if path.exists() else TrainingCard.create(path)
            self._cards[member_id] = card

    def serial_of(self, member_id: str) -> str:
        return self._cards[member_id].serial

    def member_of(self, serial: str) -> str:
        """Whose training card this is (the folder keeps one card file per member)."""
        return next(m for m, card in self._cards.items() if card.serial == serial)

    def reader_widget(self, member_id: str) -> QWidget | None:
        return TrainingReader(self, member_id)

    def choices(self) -> list[tuple[str, str]]:
        """(label, serial) for each training card, labelled by its holder once registered."""
        out = []
        for member_id, card in self._cards.items():
            fresh = TrainingCard(card.path)  # the file changes when the card is initialised
            try:
                label = fill(
                    QCoreApplication.translate("TrainingReader", "Carte d'entraînement de %1"),
                    fresh.read_identity().holder,
                )
            except CardError:
                label = fill(
                    QCoreApplication.translate(
                        "TrainingReader", "Carte d'entraînement neuve, prévue pour %1"
                    ),
                    self._names.get(member_id, member_id),
                )
            out.append((label, fresh.serial))
        return out

    def client(self, serial: str) -> CardClient:
        for card in self._cards.values():
            if card.serial == serial:
                return TrainingCard(card.path)
        raise KeyError(serial)

    def close(self) -> None:
        pass


class TrainingReader(QWidget):
    """The training stand-in for a reader: choose a training card and "insert" it."""

    def __init__(self, source: TrainingCardSource, member_id: str) -> None:
        super().__init__()
        self._source = source
        self.setAccessibleName(self.tr("Lecteur de cartes d'entraînement"))
        label = QLabel(self.tr("Carte d'en&traînement :"))
        self.cards = QComboBox()
        self.cards.setAccessibleName(self.tr("Carte d'entraînement à insérer"))
        label.setBuddy(self.cards)
        wanted = source.serial_of(member_id)
        for text, serial in source.choices():
            self.cards.addItem(text, serial)
            if serial == wanted:
                self.cards.setCurrentIndex(self.cards.count() - 1)
        self.insert_button = QPushButton(self.tr("&Insérer cette carte"))
        self.insert_button.setAccessibleName(self.tr("Insérer la carte d'entraînement choisie"))
        self.insert_button.setAutoDefault(True)
        self.insert_button.setDefault(True)
        self.insert_button.clicked.connect(self.insert)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.cards, 1)
        row.addWidget(self.insert_button)

    def choose_member(self, member_id: str) -> None:
        """Put this member's training card in front (the next card the prompt needs)."""
        index = self.cards.findData(self._source.serial_of(member_id))
        if index >= 0:
            self.cards.setCurrentIndex(index)

    def insert(self) -> None:
        serial = self.cards.currentData()
        if isinstance(serial, str):
            self._source.events.card_inserted.emit(serial)


class PcscCardSource:
    """OpenPGP cards in PC/SC readers, followed by ``ceremony.cards.pcsc.CardMonitor``."""

    def __init__(self) -> None:
        from ceremony.cards.openpgp_card import OpenPGPCard
        from ceremony.cards.pcsc import CardMonitor, PcscReader

        self.events = CardEvents()

        def identify(reader: str) -> str:
            return OpenPGPCard(PcscReader(reader)).read_serial()

        self._monitor = CardMonitor(CardEventBridge(self.events, identify))
        self._monitor.start()

    def reader_widget(self, member_id: str) -> QWidget | None:
        return None

    def client(self, serial: str) -> CardClient:
        from ceremony.cards.discovery import open_card

        return open_card(serial)

    def close(self) -> None:
        self._monitor.stop()
