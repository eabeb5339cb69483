"""What a card says about itself, read without any PIN (on a worker thread, never the GUI's).

The card's identity (holder, role, bureau), the label of the ceremony key it
holds (:class:`ceremony.cards.keylabel.KeyLabel`) and how many personal-PIN
tries are left. ``CardClient`` has no method for the tries: they are read here
from the two kinds of card Bureau knows (the OpenPGP card's PW status bytes, the
training card file's counter); any other client says "unknown".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ceremony.cards.errors import CardError, CardNotInitialisedError
from ceremony.cards.interface import CardClient, CardIdentity
from ceremony.cards.keylabel import KeyLabel


@dataclass(frozen=True)
class CardFacts:
    """Everything the card-management dialogs show; no secret in it."""

    serial: str
    identity: CardIdentity | None
    label: KeyLabel | None
    pin_tries: int | None

    @property
    def holder(self) -> str | None:
        if self.identity is not None:
            return self.identity.holder
        if self.label is not None and self.label.holder != "?":
            return self.label.holder
        return None


def pin_tries_left(client: CardClient) -> int | None:
    """The personal PIN's tries left, read without a PIN; None when the card cannot tell."""
    from ceremony.cards.openpgp_card import OpenPGPCard
    from ceremony.cards.training import TrainingCard

    if isinstance(client, TrainingCard):
        # The counter is in clear in the training file, as it is in the chip of a card.
        state: dict[str, Any] = json.loads(client.path.read_text(encoding="utf-8"))
        tries = state.get("tries_left")
        return int(tries) if isinstance(tries, int) else None
    if isinstance(client, OpenPGPCard):
        from ceremony.cards.apdu import ApduChannel
        from ceremony.cards.openpgp import OpenPGPApp

        with client.connector.connect() as transport:
            app = OpenPGPApp(ApduChannel(transport))
            app.select()
            return app.pin_status().pw1_tries
    return None


def read_facts(client: CardClient, serial: str) -> CardFacts:
    """Identity, key label and PIN tries (card thread). A blank card has no identity."""
    try:
        identity: CardIdentity | None = client.read_identity()
    except CardNotInitialisedError:
        identity = None
    label = client.read_key_label()
    try:
        tries = pin_tries_left(client)
    except (CardError, OSError, ValueError):
        tries = None
    return CardFacts(serial, identity, label, tries)
