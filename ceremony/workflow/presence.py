"""Presence rules read from the roll-calls (arrêté of 16 April 2019, art. 5, 9, 21, 22).

The urn is opened in public by members present at the count session; the PV
records both sessions as they were held. Presence is never inferred from the
cards used: without a recorded roll-call the count and the PV are refused.
The verifier applies the same rules to the archive (``pv.count_cards_present``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Final

from ceremony.workflow import rollcall
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.state import CeremonyState

SESSION_NAMES: Final = {"sealing": "de scellement", "count": "de dépouillement"}


class RollCallMissingError(WorkflowError):
    default_message = (
        "L’appel des membres de la séance n’a pas été consigné : ouvrez la séance par "
        "l’appel (présents, absents, remplacés) avant cette étape."
    )


class AbsentCardError(rollcall.NotPresentError):
    default_message = (
        "Cette carte appartient à un membre dont la présence n’est pas consignée à la séance "
        "de dépouillement : elle ne peut pas servir à ouvrir l’urne."
    )


def require_roll_call(state: CeremonyState, session: str, *, closed: bool) -> None:
    """``session``'s roll-call is recorded (and closed when ``closed``)."""
    call = rollcall.roll_call(state, session)
    name = SESSION_NAMES[session]
    if call is None:
        raise RollCallMissingError(
            f"no roll-call recorded for the {session} session",
            user_message=(
                f"L’appel des membres de la séance {name} n’a pas été consigné : la présence "
                "n’est pas établie. Consignez l’appel (présents, absents, remplacés) et "
                "l’heure d’ouverture de la séance."
            ),
        )
    if closed and call.closed_at is None:
        raise RollCallMissingError(
            f"the {session} session is not closed",
            user_message=(
                f"La séance {name} n’a pas été levée : consignez son heure de clôture, avec "
                "les arrivées et départs, avant d’établir le procès-verbal."
            ),
        )


def require_sessions_for_pv(state: CeremonyState) -> None:
    """The PV records both sessions as held: both roll-calls recorded and closed."""
    require_roll_call(state, "sealing", closed=True)
    require_roll_call(state, "count", closed=True)


def absent_at_count(
    state: CeremonyState, member_ids: Iterable[str], moment: datetime
) -> list[str] | None:
    """The members among ``member_ids`` not present at the count session at ``moment``
    (None: no roll-call recorded)."""
    present = rollcall.present_at(state, "count", moment)
    if present is None:
        return None
    return [m for m in member_ids if m not in present]


def check_count_cards(
    state: CeremonyState,
    member_ids: Iterable[str],
    moment: datetime,
    names: Mapping[str, str],
) -> None:
    """Each card opening the urn is a member present at the count session at ``moment``."""
    require_roll_call(state, "count", closed=False)
    absent = absent_at_count(state, member_ids, moment) or []
    if absent:
        who = ", ".join(names.get(m, m) for m in absent)
        raise AbsentCardError(
            f"cards of {absent} at the count are not of members present",
            user_message=(
                f"{'Carte refusée' if len(absent) == 1 else 'Cartes refusées'} : la présence "
                f"de {who} n’est pas consignée à la séance de dépouillement (absence, "
                "remplacement ou départ). Seuls les membres présents ouvrent l’urne ; une "
                "arrivée se consigne avant d’utiliser la carte."
            ),
        )
