"""The roll-call of each public session of the bureau (arrêté of 16 April 2019, art. 5, 9).

A session (sealing, count) opens with a roll-call entered by the bureau: who
is present, who is absent, who is replaced (the secretary for the president,
art. 5; a substitute delegate named by the union, art. 9), with the opening
time; it closes with its time and the arrivals and departures during it.
Presence is recorded, never inferred from the cards used. The PV prints it,
and the rule "the PV is signed by the members present at the count session"
reads it (:func:`present_members`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from ceremony.bundles.payloads.definition import BureauDefinition
from ceremony.workflow import chronology
from ceremony.workflow.errors import StepAlreadyDoneError, WorkflowError, WrongPhaseError
from ceremony.workflow.phases import Action, Phase
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

SESSIONS: Final = ("sealing", "count")
OPEN_ACTION: Final = {
    "sealing": Action.SEALING_SESSION_OPENED,
    "count": Action.COUNT_SESSION_OPENED,
}
CLOSE_ACTION: Final = {
    "sealing": Action.SEALING_SESSION_CLOSED,
    "count": Action.COUNT_SESSION_CLOSED,
}
OPEN_PHASES: Final = {"sealing": (Phase.KEY_CEREMONY,), "count": (Phase.EXPERT,)}
CLOSE_PHASES: Final = {"sealing": (Phase.VOTE_OPEN,), "count": (Phase.PV,)}


class RollCallError(WorkflowError):
    default_message = (
        "L'appel n'est pas cohérent : chaque membre du bureau doit y figurer une fois, "
        "présent, absent ou remplacé, et les heures doivent se suivre."
    )


class NotPresentError(WorkflowError):
    default_message = (
        "Ce membre n'est pas inscrit présent à la séance de dépouillement : il ne signe pas "
        "le procès-verbal. Corrigez l'appel si c'est une erreur."
    )


@dataclass(frozen=True)
class Movement:
    """An arrival or a departure during a session, at the time the bureau entered."""

    member_id: str
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {"member_id": self.member_id, "at": self.at.isoformat()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Movement:
        return cls(str(data["member_id"]), datetime.fromisoformat(str(data["at"])))


@dataclass(frozen=True)
class RollCall:
    """One session as the bureau recorded it."""

    session: str
    opened_at: datetime
    present: tuple[str, ...]
    absent: tuple[str, ...]
    replaced: Mapping[str, str]
    """member id → who stands in (a member id, or a substitute's name)."""
    closed_at: datetime | None = None
    arrivals: tuple[Movement, ...] = ()
    departures: tuple[Movement, ...] = ()

    def present_at_close(self) -> frozenset[str]:
        """Present at the roll-call or arrived since, and not gone."""
        arrived = {m.member_id for m in self.arrivals}
        gone = {m.member_id for m in self.departures}
        return frozenset((set(self.present) | arrived) - gone)


def _check_members(
    bureau: BureauDefinition,
    present: Sequence[str],
    absent: Sequence[str],
    replaced: Mapping[str, str],
) -> None:
    ids = [m.member_id for m in bureau.members]
    named = [*present, *absent, *replaced]
    if sorted(named) != sorted(ids):
        raise RollCallError(
            f"roll-call names {sorted(named)}; the bureau's members are {sorted(ids)}"
        )
    roles = {m.member_id: m.role for m in bureau.members}
    for member, stand_in in replaced.items():
        if not stand_in.strip():
            raise RollCallError(f"{member} replaced by nobody")
        if roles[member] == "president" and roles.get(stand_in) != "secretary":
            raise RollCallError("the president is replaced by the secretary (art. 5)")
        if roles[member] == "president" and stand_in not in present:
            raise RollCallError("the secretary replacing the president must be present")
        if roles[member] == "secretary":
            raise RollCallError("the secretary is not replaced; record them absent")


def _president_replaced_by_law(
    bureau: BureauDefinition,
    present: Sequence[str],
    absent: Sequence[str],
    replaced: dict[str, str],
) -> list[str]:
    """Art. 5: "En cas d'absence du président, celui-ci est remplacé par le secrétaire".

    An absent president with the secretary present is recorded as replaced by the
    secretary (``replaced`` is completed); returns the absent members left.
    """
    roles = {m.member_id: m.role for m in bureau.members}
    secretary = next((m for m, role in roles.items() if role == "secretary"), None)
    left = list(absent)
    for member in absent:
        if roles.get(member) == "president" and secretary is not None and secretary in present:
            replaced[member] = secretary
            left.remove(member)
    return left


def open_session(
    bureau: Bureau,
    session: str,
    opened_at: datetime,
    present: Sequence[str],
    absent: Sequence[str] = (),
    replaced: Mapping[str, str] | None = None,
) -> RollCall:
    """The roll-call opening ``session``, with the opening time entered by the bureau."""
    state = bureau.state
    if session not in SESSIONS:
        raise RollCallError(f"unknown session {session!r}")
    if bureau.phase not in OPEN_PHASES[session]:
        raise WrongPhaseError(f"the {session} session opens in {OPEN_PHASES[session][0].value}")
    if session in state.sessions:
        raise StepAlreadyDoneError(f"the {session} session is already open")
    definition = bureau.bureau_definition(state)
    replaced = dict(replaced or {})
    absent = _president_replaced_by_law(definition, present, absent, replaced)
    _check_members(definition, present, absent, replaced)
    schedule = definition.schedule
    if opened_at > bureau.now():
        raise RollCallError(f"opening time {opened_at.isoformat()} is in the future")
    if session == "sealing":
        chronology.check_seal_time(opened_at, schedule)
    if session == "count":
        chronology.check_count_time(opened_at, schedule)
    call = RollCall(session, opened_at, tuple(present), tuple(absent), replaced)
    bureau.store.append(
        phase=OPEN_PHASES[session][0],
        action=OPEN_ACTION[session],
        details={
            "session": session,
            "opened_at": opened_at.isoformat(),
            "present": list(present),
            "absent": list(absent),
            "replaced": replaced,
        },
    )
    return call


def close_session(
    bureau: Bureau,
    session: str,
    closed_at: datetime,
    arrivals: Sequence[Movement] = (),
    departures: Sequence[Movement] = (),
) -> RollCall:
    """Close ``session`` at the time the bureau entered, with arrivals and departures."""
    state = bureau.state
    if session not in state.sessions:
        raise RollCallError(f"the {session} session was never opened")
    if bureau.phase not in CLOSE_PHASES[session]:
        raise WrongPhaseError(f"the {session} session closes in {CLOSE_PHASES[session][0].value}")
    call = roll_call(state, session)
    assert call is not None
    if call.closed_at is not None:
        raise StepAlreadyDoneError(f"the {session} session is already closed")
    last_act = bureau.store.entries()[-1].moment
    if closed_at < max(call.opened_at, last_act) or closed_at > bureau.now():
        raise RollCallError(
            f"closing time {closed_at.isoformat()} before the session's last act "
            f"{last_act.isoformat()}, or in the future"
        )
    _check_movements(bureau, call, arrivals, departures, closed_at)
    if session == "sealing":
        chronology.check_seal_time(closed_at, bureau.bureau_definition(state).schedule)
    bureau.store.append(
        phase=CLOSE_PHASES[session][0],
        action=CLOSE_ACTION[session],
        details={
            "session": session,
            "closed_at": closed_at.isoformat(),
            # The movements entered during the session, then those entered at its close.
            "arrivals": [m.to_dict() for m in (*call.arrivals, *arrivals)],
            "departures": [m.to_dict() for m in (*call.departures, *departures)],
        },
    )
    closed = roll_call(bureau.state, session)
    assert closed is not None
    return closed


def _check_movements(
    bureau: Bureau,
    call: RollCall,
    arrivals: Sequence[Movement],
    departures: Sequence[Movement],
    until: datetime,
) -> None:
    ids = {m.member_id for m in bureau.bureau_definition(bureau.state).members}
    for move in (*arrivals, *departures):
        if move.member_id not in ids or not call.opened_at <= move.at <= until:
            raise RollCallError(f"movement of {move.member_id} at {move.at.isoformat()}")
    arrived = {m.member_id for m in call.arrivals}
    for move in arrivals:
        if move.member_id in call.present or move.member_id in arrived:
            raise RollCallError(f"{move.member_id} is already recorded present or arrived")
    gone = {m.member_id for m in call.departures}
    for move in departures:
        if move.member_id in gone:
            raise RollCallError(f"{move.member_id} already left the session")
    # A member whose card opened the urn was present then: no departure dated before it.
    count = next((e for e in bureau.store.entries() if e.action == Action.COUNT_DONE), None)
    if count is not None:
        serials = {str(m["serial"]): k for k, m in bureau.state.members.items()}
        used = {serials.get(a.card_serial) for a in count.actors}
        for move in departures:
            if move.member_id in used and move.at < count.moment:
                raise RollCallError(
                    f"{move.member_id} opened the urn at {count.moment.isoformat()}: "
                    f"no departure at {move.at.isoformat()}"
                )


MOVEMENT_KINDS: Final = ("arrivals", "departures")


def record_movement(bureau: Bureau, session: str, kind: str, movement: Movement) -> RollCall:
    """An arrival or a departure entered while ``session`` is open (before its close).

    A member who arrives during the count session must be recorded before their card
    opens the urn (the count's cards are those of the members present at that time)."""
    if kind not in MOVEMENT_KINDS:
        raise RollCallError(f"unknown movement kind {kind!r}")
    call = roll_call(bureau.state, session)
    if call is None or call.closed_at is not None:
        raise RollCallError(f"the {session} session is not open")
    if movement.at > bureau.now():
        raise RollCallError(f"movement time {movement.at.isoformat()} is in the future")
    arrivals = [movement] if kind == "arrivals" else []
    departures = [movement] if kind == "departures" else []
    _check_movements(bureau, call, arrivals, departures, bureau.now())
    bureau.store.append(
        phase=bureau.phase,
        action=Action.SESSION_MOVEMENT,
        details={"session": session, "kind": kind, "movement": movement.to_dict()},
    )
    recorded = roll_call(bureau.state, session)
    assert recorded is not None
    return recorded


def present_at(state: CeremonyState, session: str, moment: datetime) -> frozenset[str] | None:
    """Members present in ``session`` at ``moment``: at the roll-call or arrived by then,
    and not yet gone. None when no roll-call was recorded."""
    call = roll_call(state, session)
    if call is None:
        return None
    arrived = {m.member_id for m in call.arrivals if m.at <= moment}
    gone = {m.member_id for m in call.departures if m.at <= moment}
    return frozenset((set(call.present) | arrived) - gone)


def roll_call(state: CeremonyState, session: str) -> RollCall | None:
    """The session as recorded (None: no roll-call was entered)."""
    data = state.sessions.get(session)
    if data is None:
        return None
    closed = data.get("closed_at")
    return RollCall(
        session,
        datetime.fromisoformat(str(data["opened_at"])),
        tuple(data["present"]),
        tuple(data["absent"]),
        dict(data["replaced"]),
        None if closed is None else datetime.fromisoformat(str(closed)),
        tuple(Movement.from_dict(m) for m in data.get("arrivals", [])),
        tuple(Movement.from_dict(m) for m in data.get("departures", [])),
    )


def present_members(state: CeremonyState, session: str) -> frozenset[str] | None:
    """Members present in ``session``: at the roll-call or arrived, and not departed.
    None when no roll-call was recorded (presence is then not established)."""
    call = roll_call(state, session)
    return None if call is None else call.present_at_close()


def check_pv_signer(state: CeremonyState, member_id: str) -> None:
    """The PV is signed by the members present at the count session (when recorded)."""
    present = present_members(state, "count")
    if present is not None and member_id not in present:
        raise NotPresentError(f"{member_id} is not recorded present at the count session")


def missing_pv_signers(state: CeremonyState) -> frozenset[str]:
    """Members present at the count session who have not signed the PV yet."""
    present = present_members(state, "count") or frozenset()
    return present - set(state.pv_signatures)


def pending_session(bureau: Bureau) -> tuple[str, str] | None:
    """The roll-call step the ceremony waits for now, as ``(session, "open" | "close")``.

    For a front end (GUI, CLI status): the sealing session opens before the keys and closes
    once the seal is exported; the count session opens before the expert's conclusion (the
    count's cards are those of the members present) and closes before the PV is drawn.
    None when no roll-call step is due."""
    state = bureau.state
    phase = bureau.phase
    for session in SESSIONS:
        call = roll_call(state, session)
        if call is None and phase in OPEN_PHASES[session]:
            return (session, "open")
        if call is not None and call.closed_at is None and phase in CLOSE_PHASES[session]:
            return (session, "close")
    return None
