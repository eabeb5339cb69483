"""A member's own card: check it, unblock it, or (on their explicit request) wipe its key.

These acts may happen in any phase; each is journaled as an event of the phase
current when it happens (:data:`ceremony.workflow.phases.EVENT_ACTIONS`), never
with a PIN.

- :func:`check_card`: the member proves their card still opens their secret
  for this ceremony: unwrap, rebuild the trustee key, compare with the public
  trustee key (nothing is shown). The PV can list these checks.
- :func:`unblock_card`: a blocked personal PIN reset with the card's admin PIN or
  its resetting code; :func:`set_reset_code` sets that code (admin PIN).
- :func:`wipe_card`: the only way a card's ceremony key is ever destroyed. The
  holder is shown what the card holds (holder, bureau, election key
  fingerprint, date), types the confirmation sentence, then the card's
  current PIN. A card holding this very store's ceremony key is refused: the
  law keeps keys two years for a recount.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from ceremony.cards.errors import NoWrappedSecretError
from ceremony.cards.interface import CardIdentity
from ceremony.cards.keylabel import KeyLabel
from ceremony.errors import CeremonyError
from ceremony.store.journal import Actor
from ceremony.workflow.card_check import key_material, open_card_key
from ceremony.workflow.errors import WorkflowError, WrongPhaseError
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.phases import Action
from ceremony.workflow.state import current_phase

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau


class WipeNotConfirmedError(WorkflowError):
    default_message = (
        "Effacement annulé : la phrase de confirmation ne correspond pas. Rien n'a été effacé."
    )


class WipeRefusedError(WorkflowError):
    default_message = (
        "Cette carte porte la clé de la cérémonie de ce bureau : elle doit être conservée "
        "deux ans (nouveau décompte possible). Elle ne peut pas être effacée ici."
    )


def confirmation_phrase(label: KeyLabel) -> str:
    """What the holder types to confirm a wipe (compared without case)."""
    return f"effacer la clé de {label.holder}"


def check_card(bureau: Bureau, card: PresentCard) -> None:
    """Unwrap and compare with the public trustee key; journal the outcome; show nothing."""
    state = bureau.state
    if state.keys is None:
        raise WrongPhaseError("no ceremony key yet: the key ceremony comes first")
    phase = current_phase(state)
    recorded = state.members.get(card.member_id)
    actor = Actor(str(recorded["role"]), str(recorded["serial"])) if recorded else None
    try:
        (checked,) = bureau.checked(state, [card])
        actor = checked.actor
        open_card_key(key_material(bureau, state), checked)
    except CeremonyError as exc:
        if actor is not None:
            _record(
                bureau,
                phase,
                Action.CARD_CHECKED,
                actor,
                card.member_id,
                "failed",
                error=type(exc).__name__,
            )
        raise
    _record(bureau, phase, Action.CARD_CHECKED, actor, card.member_id, "ok")


UNBLOCK_METHODS: Final = ("admin_pin", "reset_code")


def unblock_card(bureau: Bureau, card: PresentCard, method: str = "admin_pin") -> None:
    """Reset the blocked personal PIN, journaled with its method, never a code.

    ``method`` is ``admin_pin`` (RESET RETRY COUNTER P1=02 after the admin PIN)
    or ``reset_code`` (P1=00 with the card's resetting code); the card asks the
    code and the new PIN through ``card.pins``. A refused attempt is journaled
    too (outcome ``failed`` and the error class), then raised."""
    if method not in UNBLOCK_METHODS:
        raise ValueError(f"unknown unblock method {method!r}")
    identity = card.client.read_identity()
    actor = Actor(identity.role, identity.serial)
    phase = current_phase(bureau.state)
    try:
        if method == "reset_code":
            card.client.unblock_with_reset_code(card.pins)
        else:
            card.client.unblock(card.pins)
    except CeremonyError as error:
        _record(
            bureau,
            phase,
            Action.CARD_UNBLOCKED,
            actor,
            card.member_id,
            "failed",
            method=method,
            error=type(error).__name__,
        )
        raise
    _record(bureau, phase, Action.CARD_UNBLOCKED, actor, card.member_id, "ok", method=method)


def set_reset_code(bureau: Bureau, card: PresentCard) -> None:
    """Set the card's resetting code under its admin PIN (PUT DATA D3), journaled.

    Optional: by default a blocked card is unblocked with its admin PIN. Who keeps
    the resetting code is the hand-over document's rule (never the card's holder)."""
    identity = card.client.read_identity()
    card.client.set_reset_code(card.pins)
    _record(
        bureau,
        current_phase(bureau.state),
        Action.CARD_RESET_CODE_SET,
        Actor(identity.role, identity.serial),
        card.member_id,
        "ok",
    )


def wipe_card(
    bureau: Bureau, card: PresentCard, confirm: Callable[[KeyLabel, str], str]
) -> KeyLabel:
    """Erase the card's key after showing it and a typed confirmation (module docstring).

    ``confirm(label, phrase)`` shows the label to the holder and returns what
    they typed; it must equal ``phrase``. The card then asks its current PIN.
    """
    label = card.client.read_key_label()
    if label is None:
        raise NoWrappedSecretError(f"card of {card.member_id} holds no ceremony key")
    state = bureau.state
    if (
        state.keys is not None
        and label.election_key_fingerprint
        in (
            state.keys["election_key_fingerprint"],
            "?",
        )
        and label.bureau_id == state.bureau_id
    ):
        raise WipeRefusedError(f"card holds this store's key {label.election_key_fingerprint}")
    phrase = confirmation_phrase(label)
    typed = confirm(label, phrase)
    if typed.strip().casefold() != phrase.casefold():
        raise WipeNotConfirmedError("confirmation sentence differs")
    try:
        identity: CardIdentity | None = card.client.read_identity()
    except CeremonyError:
        identity = None
    card.client.erase_key(card.pins)
    actor = Actor(identity.role if identity else label.role, label.card_serial)
    _record(
        bureau,
        current_phase(state),
        Action.CARD_WIPED,
        actor,
        card.member_id,
        "ok",
        label=label.to_dict(),
    )
    return label


def _record(
    bureau: Bureau,
    phase: str,
    action: Action,
    actor: Actor,
    member_id: str,
    outcome: str,
    **details: object,
) -> None:
    bureau.store.append(
        phase=phase,
        action=action,
        actors=[actor],
        details={
            "member_id": member_id,
            "outcome": outcome,
            "at": bureau.now().isoformat(),
            **details,
        },
    )
    # Sign the journal's head at once: these acts often come long after the last step.
    bureau.checkpoint()
