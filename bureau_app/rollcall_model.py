"""The roll-call of each session, read from the engine's state for the window (no widgets).

A session (sealing, count) opens with a roll-call and closes with its time
(``ceremony.workflow.rollcall``). This module says when the step flow must ask
for it (before the first card of the session), which members are present now
(the quorum prompts offer only them), and the lines each page of the session
shows ("Présents : …"). The engine decides what is valid; this only reads.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from bureau_app.phase_model import ChecklistItem
from bureau_app.roles import gender, list_names, role_word
from bureau_app.text import NBSP, fill
from ceremony.bundles.payloads.definition import BureauDefinition, Member
from ceremony.store.timefmt import PARIS
from ceremony.workflow import rollcall
from ceremony.workflow.phases import Phase
from ceremony.workflow.rollcall import Movement, RollCall
from ceremony.workflow.state import CeremonyState, current_phase

translate = QCoreApplication.translate

SESSION_PHASES: Final[dict[str, tuple[Phase, ...]]] = {
    "sealing": (Phase.KEY_CEREMONY, Phase.TEST_VOTE, Phase.SEALING, Phase.VOTE_OPEN),
    "count": (Phase.EXPERT, Phase.COUNT, Phase.PV),
}
"""The phases a session covers: from its opening roll-call to its closing."""

EVERY_CARD_STEPS: Final = frozenset({"generate_keys", "test_vote"})
"""Steps that take every member's card: an absent member is not left out, but called."""


@dataclass(frozen=True)
class PendingMovement:
    """An arrival or departure the engine of this version can only journal at the close."""

    session: str
    kind: str  # "arrivals" | "departures"
    movement: Movement


def session_title(session: str) -> str:
    return {
        "sealing": translate("RollCall", "séance de scellement"),
        "count": translate("RollCall", "séance de dépouillement"),
    }.get(session, session)


def format_time(moment: datetime) -> str:
    """``10 h 12`` (non-breaking spaces: never cut over two lines), Paris time."""
    local = moment.astimezone(PARIS)
    return fill(
        translate("RollCall", "%1 h %2").replace(" ", NBSP), str(local.hour), f"{local.minute:02d}"
    )


def format_moment(moment: datetime) -> str:
    """``27 novembre 2024 à 14 h 02`` (Paris time)."""
    local = moment.astimezone(PARIS)
    day = QLocale().toString(QDate(local.year, local.month, local.day), "d MMMM yyyy")
    return fill(translate("RollCall", "%1 à %2"), day.replace(" ", NBSP), format_time(local))


def with_pending(state: CeremonyState, pending: Sequence[PendingMovement]) -> CeremonyState:
    """``state`` with the movements not journaled yet, as the window must show them."""
    if not pending:
        return state
    shown = copy.copy(state)
    shown.sessions = copy.deepcopy(state.sessions)
    for item in pending:
        data = shown.sessions.get(item.session)
        if data is not None:
            data.setdefault(item.kind, []).append(item.movement.to_dict())
    return shown


def pending_session(state: CeremonyState) -> tuple[str, str] | None:
    """The roll-call the flow waits for now: ``(session, "open" | "close")``, or None."""
    phase = current_phase(state)
    for session in rollcall.SESSIONS:
        call = rollcall.roll_call(state, session)
        if call is None and phase in rollcall.OPEN_PHASES[session]:
            return session, "open"
        if call is not None and call.closed_at is None and phase in rollcall.CLOSE_PHASES[session]:
            return session, "close"
    return None


def open_session(state: CeremonyState) -> str | None:
    """The session in progress (opened, not closed), the latest one when two are."""
    opened = [
        s
        for s in rollcall.SESSIONS
        if (call := rollcall.roll_call(state, s)) is not None and call.closed_at is None
    ]
    return opened[-1] if opened else None


def session_of_phase(phase: Phase) -> str | None:
    return next((s for s, phases in SESSION_PHASES.items() if phase in phases), None)


def member_label(member: Member, lists: Mapping[str, str]) -> str:
    return f"{member.name} ({role_word(member, lists)})"


def stand_in_name(stand_in: str, definition: BureauDefinition) -> str:
    """Who replaces: a member (the secretary for the president) or a substitute's name."""
    lists = list_names(definition)
    member = next((m for m in definition.members if m.member_id == stand_in), None)
    return member_label(member, lists) if member is not None else stand_in


def absences(call: RollCall, definition: BureauDefinition) -> dict[str, str]:
    """Members not present now, each with why ("absence consignée à l'appel", …)."""
    present = call.present_at_close()
    left = {m.member_id: m.at for m in call.departures}
    why: dict[str, str] = {}
    for member in definition.members:
        mid = member.member_id
        if mid in present:
            continue
        if mid in left:
            why[mid] = fill(translate("RollCall", "départ consigné à %1"), format_time(left[mid]))
        elif mid in call.replaced:
            why[mid] = fill(
                translate("RollCall", "remplacement par %1"),
                stand_in_name(call.replaced[mid], definition),
            )
        else:
            why[mid] = translate("RollCall", "absence consignée à l'appel")
    return why


def presence_now(
    state: CeremonyState, definition: BureauDefinition
) -> tuple[str, frozenset[str], dict[str, str]] | None:
    """For the current phase's session: (session, present ids, absent id → why); None when
    no roll-call was recorded for it (presence is then not established: nobody is left out)."""
    session = session_of_phase(current_phase(state))
    if session is None:
        return None
    call = rollcall.roll_call(state, session)
    if call is None:
        return None
    return session, call.present_at_close(), absences(call, definition)


def attending_members(phase: Phase, state: CeremonyState) -> frozenset[str] | None:
    """The members present now at the session ``phase`` belongs to (None: not recorded)."""
    session = session_of_phase(phase)
    return None if session is None else rollcall.present_members(state, session)


def unrepresented_lists(definition: BureauDefinition) -> list[str]:
    """Lists with no delegate of their own at the bureau (named as such, art. 5)."""
    represented = {i for m in definition.members for i in m.list_ids}
    names: list[str] = []
    for contest in definition.contests:
        for lst in contest.lists:
            if lst.list_id not in represented and lst.name not in names:
                names.append(lst.name)
    return names


def session_lines(
    phase: Phase, state: CeremonyState, definition: BureauDefinition | None
) -> tuple[list[ChecklistItem], list[ChecklistItem]]:
    """What a page of the session adds: the roll-call to do (to-do) and its state (verified)."""
    session = session_of_phase(phase)
    if session is None or definition is None:
        return [], []
    call = rollcall.roll_call(state, session)
    title = session_title(session)
    todo: list[ChecklistItem] = []
    if phase is SESSION_PHASES[session][0]:
        todo.append(
            ChecklistItem(
                fill(
                    translate("RollCall", "Ouvrir la %1 par l'appel des membres et son heure"),
                    title,
                ),
                call is not None,
            )
        )
    if phase is SESSION_PHASES[session][-1]:
        todo.append(
            ChecklistItem(
                fill(translate("RollCall", "Lever la %1 : son heure de clôture"), title),
                call is not None and call.closed_at is not None,
            )
        )
    if call is None:
        return todo, []
    return todo, [ChecklistItem(line, True) for line in call_lines(call, definition)]


def call_lines(call: RollCall, definition: BureauDefinition) -> list[str]:
    """The roll-call in words: opening, present, absent, replaced, movements, closing."""
    lists = list_names(definition)
    by_id = {m.member_id: m for m in definition.members}
    title = session_title(call.session)
    lines = [
        fill(
            translate("RollCall", "%1 ouverte le %2"),
            title[:1].upper() + title[1:],
            format_moment(call.opened_at),
        )
    ]
    present = call.present_at_close()
    # Names only: the roles are on every other line of the page, these lines stay short.
    names = [m.name for m in definition.members if m.member_id in present]
    lines.append(
        fill(translate("RollCall", "Présents : %1"), ", ".join(names) or translate("RollCall", "—"))
    )
    absent = [by_id[m].name for m in call.absent if m in by_id]
    if absent:
        lines.append(fill(translate("RollCall", "Absents à l'appel : %1"), ", ".join(absent)))
    for member_id, stand_in in call.replaced.items():
        if member_id in by_id:
            lines.append(
                fill(
                    translate("RollCall", "%1 remplacée par %2")
                    if gender(by_id[member_id]) == "f"
                    else translate("RollCall", "%1 remplacé par %2"),
                    member_label(by_id[member_id], lists),
                    stand_in_name(stand_in, definition),
                )
            )
    for move in call.arrivals:
        if move.member_id in by_id:
            lines.append(
                fill(
                    translate("RollCall", "Arrivée de %1 à %2"),
                    by_id[move.member_id].name,
                    format_time(move.at),
                )
            )
    for move in call.departures:
        if move.member_id in by_id:
            lines.append(
                fill(
                    translate("RollCall", "Départ de %1 à %2"),
                    by_id[move.member_id].name,
                    format_time(move.at),
                )
            )
    if call.closed_at is not None:
        lines.append(
            fill(translate("RollCall", "Séance levée le %1"), format_moment(call.closed_at))
        )
    return lines
