"""Finding the OpenPGP cards present in the readers, and opening one by serial."""

from __future__ import annotations

from dataclasses import dataclass

from ceremony.cards.errors import (
    CardInUseError,
    CardOperationError,
    NoCardError,
    NotOpenPGPCardError,
)
from ceremony.cards.openpgp_card import OpenPGPCard
from ceremony.cards.pcsc import PcscReader, list_readers


@dataclass(frozen=True)
class FoundCard:
    """An OpenPGP card seen in ``reader`` (initialised for Bureau or not)."""

    reader: str
    serial: str

    def open(self) -> OpenPGPCard:
        return OpenPGPCard(PcscReader(self.reader))


def find_openpgp_cards() -> list[FoundCard]:
    """Every OpenPGP card present, skipping empty readers and other cards.

    Raises ``PcscdNotRunningError`` / ``NoReaderError`` when there is nothing
    to look at; a card held by another program raises ``CardInUseError``.
    """
    found = []
    for reader in list_readers():
        try:
            serial = OpenPGPCard(PcscReader(reader)).read_serial()
        except (NoCardError, NotOpenPGPCardError):
            continue
        except CardInUseError:
            raise
        except CardOperationError:
            continue
        found.append(FoundCard(reader, serial))
    return found


def open_card(serial: str) -> OpenPGPCard:
    """The card with this serial, wherever it is inserted (``NoCardError`` if absent)."""
    for card in find_openpgp_cards():
        if card.serial == serial:
            return card.open()
    raise NoCardError(
        f"card {serial} is not in any reader",
        user_message=(
            f"La carte {serial} est absente : elle n'est dans aucun lecteur. "
            "Insérez-la et recommencez."
        ),
    )
