"""Key holders present at a step: a member, the live card, the PIN handler.

The engine checks every card against the identity recorded at registration
before using it, and checks the quorum of DESIGN.md §1 (president or
secretary, plus the delegates' quorum) before any step that needs it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ceremony.cards.errors import WrongCardError
from ceremony.cards.interface import (
    CardClient,
    CardIdentity,
    PinHandler,
    check_expected_card,
)
from ceremony.store.journal import Actor
from ceremony.workflow.errors import CardNotRegisteredError, MemberUnknownError, QuorumError


@dataclass(frozen=True)
class PresentCard:
    """A member at the table with their card in a reader."""

    member_id: str
    client: CardClient
    pins: PinHandler


@dataclass(frozen=True)
class CheckedCard:
    """A present card whose identity matched the recorded one."""

    member_id: str
    role: str
    identity: CardIdentity
    client: CardClient
    pins: PinHandler

    @property
    def actor(self) -> Actor:
        return Actor(self.role, self.identity.serial)


def check_cards(
    cards: Sequence[PresentCard],
    registered: Mapping[str, Mapping[str, Any]],
    bureau_id: str,
) -> list[CheckedCard]:
    """Each card must be the one recorded for its member (serial, role, key)."""
    checked: list[CheckedCard] = []
    seen: set[str] = set()
    for card in cards:
        if card.member_id in seen:
            raise QuorumError(
                f"member {card.member_id} presented twice",
                user_message=(
                    "La même carte (ou le même membre) est présentée deux fois : chaque membre "
                    "ne compte qu'une fois."
                ),
            )
        seen.add(card.member_id)
        recorded = registered.get(card.member_id)
        if recorded is None:
            raise MemberUnknownError(f"member {card.member_id} has no registered card")
        expected = CardIdentity.from_dict(dict(recorded))
        identity = card.client.read_identity()
        try:
            check_expected_card(
                identity,
                bureau_id=bureau_id,
                role=expected.role,
                serial=expected.serial,
                signature_key_id=expected.signature_key.key_id,
            )
        except WrongCardError as exc:
            raise CardNotRegisteredError(f"card for {card.member_id}: {exc.technical}") from exc
        checked.append(CheckedCard(card.member_id, expected.role, identity, card.client, card.pins))
    return checked


def check_quorum(cards: Sequence[CheckedCard], delegate_quorum: int) -> None:
    """President or secretary, plus at least ``delegate_quorum`` list delegates (§1)."""
    roles = [c.role for c in cards]
    heads = sum(1 for r in roles if r in {"president", "secretary"})
    delegates = roles.count("delegate")
    if heads < 1 or delegates < delegate_quorum:
        needed = "une carte" if delegate_quorum == 1 else f"{delegate_quorum} cartes"
        missing = []
        if heads < 1:
            missing.append("la carte de la présidence ou du secrétariat")
        if delegates < delegate_quorum:
            short = delegate_quorum - delegates
            missing.append(
                f"{'une carte' if short == 1 else f'{short} cartes'} de délégué de liste"
            )
        raise QuorumError(
            f"present: {heads} of president/secretary, {delegates} delegate(s); "
            f"needed: 1 and {delegate_quorum}",
            user_message=(
                f"Quorum non atteint : il manque {' et '.join(missing)}. Il faut la carte de la "
                f"présidence ou du secrétariat, et {needed} de délégué de liste."
            ),
        )
