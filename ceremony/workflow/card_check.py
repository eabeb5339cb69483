"""Opening a member's key from their card, proved against the public trustees.

Every use of a card's secret goes through :func:`open_card_key`: unwrap with
the card (PIN), rebuild the trustee's private key (the Single key itself, or
a delegate's share from their Pedersen seed and voutput), and check it against
the public key of that trustee in the trustees structure (``g^x = X``). A card
whose key does not match is refused before anything is decrypted with it.

:func:`open_quorum` opens a legal quorum among the cards present: heads in
order (president first) until one opens, delegates until ``k`` open. A wrong
PIN is asked again (the card counts the tries); a blocked card, a cancelled
entry or a failing card is set aside and the next member steps in, while the
keys already opened are kept. Every such fact is an event for the journal
(never the PIN): :class:`CardEvents`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ceremony.cards.errors import (
    CardError,
    PinBlockedError,
    PinEntryCancelledError,
    WrongPinError,
)
from ceremony.cards.interface import clear_secret
from ceremony.errors import CeremonyError
from ceremony.protocol.group import Group
from ceremony.protocol.pedersen import Voutput, open_share
from ceremony.protocol.trustees import PedersenTrustees, Trustees
from ceremony.workflow.errors import QuorumError, WorkflowError
from ceremony.workflow.holders import CheckedCard
from ceremony.workflow.keyceremony import PEDERSEN_SEED_KIND, SINGLE_KEY_KIND, wrap_context
from ceremony.workflow.quorum import HEAD_ROLES

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau
    from ceremony.workflow.state import CeremonyState

MAX_WRONG_PINS = 3
"""Wrong PINs accepted per card and step before the card is set aside (the card may
have more tries left; the holder can come back at the next step)."""


class CardKeyMismatchError(WorkflowError):
    default_message = (
        "La clé rangée sur cette carte ne correspond pas à la clé publique du bureau : "
        "cette carte ne peut pas servir au dépouillement."
    )


@dataclass(frozen=True)
class KeyMaterial:
    """The public data needed to open and check any card's key."""

    group: Group
    bureau_id: str
    trustees: Trustees
    voutputs: Sequence[Voutput]
    delegate_order: Sequence[str]
    election_key_fingerprint: str

    @property
    def threshold(self) -> int:
        return self.pedersen.parameters.threshold

    @property
    def pedersen(self) -> PedersenTrustees:
        return next(i for i in self.trustees.items if isinstance(i, PedersenTrustees))


def key_material(bureau: Bureau, state: CeremonyState) -> KeyMaterial:
    assert state.keys is not None and state.bureau_id is not None
    return KeyMaterial(
        bureau.group,
        state.bureau_id,
        bureau.trustees(state),
        bureau.voutputs(state),
        tuple(state.keys["delegate_order"]),
        state.keys["election_key_fingerprint"],
    )


@dataclass(frozen=True)
class OpenedKey:
    """A trustee's private key, opened from a card and checked; dropped after the step."""

    member_id: str
    role: str
    card: CheckedCard
    owner: int
    """The trustee number of §4.18 (1 = Single, 2.. = delegates in certificate order)."""
    secret: Any = field(repr=False)


def open_card_key(material: KeyMaterial, card: CheckedCard) -> OpenedKey:
    """Unwrap the card's secret and check it against its public trustee key."""
    group = material.group
    head = card.role in HEAD_ROLES
    kind = SINGLE_KEY_KIND if head else PEDERSEN_SEED_KIND
    context = wrap_context(material.bureau_id, card, material.election_key_fingerprint, kind)
    if not head and card.member_id not in material.delegate_order:
        raise CardKeyMismatchError(f"{card.member_id} is not among the trustees")
    secret = card.client.unwrap_secret(context, card.pins)
    try:
        if head:
            owner, private = 1, int(secret.decode())
        else:
            position = list(material.delegate_order).index(card.member_id)
            owner = 2 + position
            private = open_share(
                group,
                material.pedersen.parameters.certs,
                secret.decode(),
                material.voutputs[position].private_key,
            )
    except (ValueError, UnicodeDecodeError) as exc:
        raise CardKeyMismatchError(f"{card.member_id}: the unwrapped secret is malformed") from exc
    finally:
        clear_secret(secret)
    expected = material.trustees.slots()[owner - 1].key.public_key
    if group.g_pow(private) != expected:
        raise CardKeyMismatchError(f"{card.member_id}: key does not match trustee {owner}")
    return OpenedKey(card.member_id, card.role, card, owner, private)


@dataclass
class CardEvents:
    """Facts about cards during one step, journaled by the engine (never a PIN)."""

    events: list[dict[str, Any]] = field(default_factory=list)
    notice: Callable[[str], None] | None = None

    def add(self, kind: str, card: CheckedCard | None, message: str, **details: Any) -> None:
        event: dict[str, Any] = {"event": kind, **details}
        if card is not None:
            event.update(member_id=card.member_id, role=card.role, card_serial=card.identity.serial)
        self.events.append(event)
        if self.notice is not None and message:
            self.notice(message)

    def failures(self) -> list[str]:
        """One French phrase per card set aside, for the refusal message."""
        return [e["phrase"] for e in self.events if "phrase" in e]


def _holder(card: CheckedCard) -> str:
    return f"{card.identity.holder} ({card.member_id})"


def open_with_retry(
    material: KeyMaterial, card: CheckedCard, events: CardEvents
) -> OpenedKey | None:
    """Open one card, asking the PIN again after a wrong one; None if it cannot serve."""
    who = _holder(card)
    wrong = 0
    while True:
        try:
            return open_card_key(material, card)
        except WrongPinError as exc:
            wrong += 1
            events.add(
                "pin_wrong",
                card,
                f"Carte de {who} : code incorrect ({exc.user_message}).",
                tries_left=exc.tries_left,
            )
            if wrong >= MAX_WRONG_PINS:
                phrase = f"carte de {who} : trop de codes incorrects"
                events.add("card_set_aside", card, f"{phrase}.", phrase=phrase)
                return None
        except PinBlockedError:
            phrase = f"carte de {who} bloquée"
            events.add(
                "pin_blocked",
                card,
                f"La {phrase} : un autre membre prend le relais.",
                phrase=phrase,
            )
            return None
        except PinEntryCancelledError:
            phrase = f"carte de {who} : saisie du code annulée"
            events.add("pin_cancelled", card, f"{phrase}.", phrase=phrase)
            return None
        except (CardError, CardKeyMismatchError) as exc:
            phrase = f"carte de {who} : {exc.user_message}"
            events.add("card_failed", card, phrase, phrase=phrase, error=type(exc).__name__)
            return None


def open_quorum(
    material: KeyMaterial, cards: Sequence[CheckedCard], events: CardEvents
) -> list[OpenedKey] | None:
    """Open a head's key and ``threshold`` delegates' keys among ``cards``; None if short."""
    heads = sorted((c for c in cards if c.role in HEAD_ROLES), key=lambda c: c.role != "president")
    delegates = [c for m in material.delegate_order for c in cards if c.member_id == m]
    opened: list[OpenedKey] = []
    for card in heads:
        key = open_with_retry(material, card, events)
        if key is not None:
            opened.append(key)
            break
    if not opened:
        return None
    count = 0
    for card in delegates:
        if count == material.threshold:
            break
        key = open_with_retry(material, card, events)
        if key is not None:
            opened.append(key)
            count += 1
    if count < material.threshold:
        return None
    return opened


def open_every_card(
    material: KeyMaterial, cards: Sequence[CheckedCard], events: CardEvents
) -> tuple[list[OpenedKey], list[str]]:
    """Open every card (the test vote): the keys that opened, and whose cards did not."""
    opened = []
    failed = []
    for card in cards:
        key = open_with_retry(material, card, events)
        if key is None:
            failed.append(_holder(card))
        else:
            opened.append(key)
    return opened, failed


def event_actor(event: dict[str, Any]) -> list[Any]:
    from ceremony.store.journal import Actor

    if "card_serial" in event:
        return [Actor(str(event["role"]), str(event["card_serial"]))]
    return []


def journal_events(target: Any, phase: str, events: CardEvents, step: str) -> None:
    """Append one ``card.event`` entry per event (``target``: the store or a transaction)."""
    from ceremony.workflow.phases import Action

    for event in events.events:
        details = {k: v for k, v in event.items() if k != "phrase"}
        target.append(
            phase=phase,
            action=Action.CARD_EVENT,
            actors=event_actor(event),
            details={**details, "step": step},
        )
    events.events.clear()


def open_for_step(
    bureau: Bureau, state: CeremonyState, cards: Sequence[CheckedCard], events: CardEvents
) -> list[OpenedKey]:
    """Open a legal quorum among ``cards``; refuse naming who is missing and which cards failed."""
    from ceremony.workflow.quorum import require_quorum

    definition = bureau.bureau_definition(state)
    try:
        require_quorum(definition, [c.member_id for c in cards])
    except QuorumError as exc:
        events.add("quorum_refused", None, "", missing=exc.technical)
        raise
    opened = open_quorum(key_material(bureau, state), cards, events)
    if opened is None:
        usable = {c.member_id for c in cards} - {
            e["member_id"] for e in events.events if "phrase" in e
        }
        try:
            failed = {c.member_id for c in cards} - usable
            require_quorum(definition, usable, events.failures(), unavailable=failed)
            raise QuorumError(f"no quorum opened among {sorted(usable)}")
        except QuorumError as exc:
            events.add("quorum_refused", None, "", missing=exc.technical)
            raise
    return opened


def open_or_record_refusal(
    bureau: Bureau,
    state: CeremonyState,
    cards: Sequence[CheckedCard],
    events: CardEvents,
    phase: str,
    step: str,
) -> list[OpenedKey]:
    """:func:`open_for_step`; when the step is refused, its card events (failed PINs,
    blocked cards, the refusal) are journaled and signed at once: they are facts for the PV."""
    try:
        return open_for_step(bureau, state, cards, events)
    except CeremonyError:
        journal_events(bureau.store, phase, events, step)
        bureau.checkpoint()
        raise
