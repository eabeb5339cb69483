"""The roll-call steps run from the window: open a session, record an arrival or a departure,
close the session; and who may bring a card while the session is held.

The times offered are the bureau's clock: the wall clock in real mode, the
simulated calendar in training (``ceremony.workflow.demo.open_simulated_bureau``),
within the bounds the engine accepts. An engine that journals an arrival when it
happens (``rollcall.record_movement``) gets it at once; with an older engine the
movement is kept here and journaled with the session's close.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from bureau_app.quorum import Need, present_need
from bureau_app.rollcall_dialogs import MovementDialog, SessionCloseDialog, SessionOpenDialog
from bureau_app.rollcall_model import (
    EVERY_CARD_STEPS,
    PendingMovement,
    open_session,
    pending_session,
    presence_now,
    with_pending,
)
from bureau_app.steps import Step, StepKind
from bureau_app.worker import Progress
from ceremony.bundles.payloads.definition import Member
from ceremony.workflow import rollcall
from ceremony.workflow.chronology import vote_end
from ceremony.workflow.rollcall import Movement
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from bureau_app.adapter import CeremonyAdapter

log = logging.getLogger(__name__)

SESSION_KINDS = frozenset(
    {StepKind.OPEN_SESSION, StepKind.CLOSE_SESSION, StepKind.SESSION_MOVEMENT}
)
# In training the bureau enters the close a few minutes after the session's last act,
# as the demo does (the calendar would otherwise read the vote's day).
_TRAINING_CLOSE_AFTER = timedelta(minutes=3)


def _clamp(value: datetime, earliest: datetime | None, latest: datetime) -> datetime:
    if earliest is not None and value < earliest:
        value = earliest
    return min(value, latest)


class RollCallFlow(QObject):
    """The adapter's roll-call steps and the presence its quorum prompts read."""

    def __init__(self, adapter: CeremonyAdapter) -> None:
        super().__init__(adapter)
        self.adapter = adapter
        self.pending: list[PendingMovement] = []
        window = adapter.window
        self.movement_action = QAction(self.tr("&Arrivée ou départ d'un membre…"), window)
        self.movement_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.movement_action.triggered.connect(self.request_movement)
        menu = window.menuBar().addMenu(self.tr("&Séance"))
        menu.addAction(self.movement_action)
        window.addAction(self.movement_action)
        adapter.refreshed.connect(self._update_action)

    # --- reading ------------------------------------------------------------------------------

    def view_state(self, state: CeremonyState) -> CeremonyState:
        """The state with the movements not journaled yet (older engine)."""
        return with_pending(state, self.pending)

    def narrow(self, step: Step, need: Need) -> tuple[Need, dict[str, str], Sequence[Member]]:
        """Who may bring a card in ``step``: only the members present at the session.

        Returns the need, the absent members with why, and those left out of the need.
        A step taking every member's card keeps the absent in its need: they are called."""
        adapter = self.adapter
        state = self.view_state(adapter.bureau.state)
        definition = adapter.definition(state)
        if definition is None:
            return need, {}, ()
        presence = presence_now(state, definition)
        if presence is None:
            return need, {}, ()
        _session, present, absent = presence
        if step.kind.value in EVERY_CARD_STEPS:
            return need, {m: why for m, why in absent.items() if need.member(m)}, ()
        left_out = [m for m in need.members if m.member_id not in present]
        return (
            present_need(need, present),
            {m.member_id: absent[m.member_id] for m in left_out if m.member_id in absent},
            [m for m in left_out if m.member_id in absent],
        )

    def _update_action(self) -> None:
        state = self.view_state(self.adapter.bureau.state)
        self.movement_action.setEnabled(open_session(state) is not None)

    # --- steps --------------------------------------------------------------------------------

    def request_movement(self) -> None:
        self.adapter.request_optional(self.adapter.bureau.phase.value, "session_movement")

    def start(self, step: Step) -> None:
        if step.kind is StepKind.OPEN_SESSION:
            self._open(step)
        elif step.kind is StepKind.CLOSE_SESSION:
            self._close(step)
        else:
            self._movement(step)

    def _training(self) -> bool:
        return bool(getattr(self.adapter.platform, "training", False))

    def _open(self, step: Step) -> None:
        adapter = self.adapter
        bureau = adapter.bureau
        state = bureau.state
        due = pending_session(state)
        if due is None:
            adapter._cancelled()
            return
        session = due[0]
        definition = adapter._definition_now()
        schedule = definition.schedule
        now = bureau.now()
        latest, earliest = now, None
        if session == "sealing":
            latest = min(now, schedule.opening - timedelta(minutes=1))
        else:
            earliest = vote_end(schedule)
        dialog = SessionOpenDialog(
            session,
            definition,
            now=_clamp(now, earliest, latest),
            latest=latest,
            earliest=earliest,
            every_card=session == "sealing" and state.test_vote is None,
            parent=adapter.window,
        )

        def record(values: tuple[datetime, list[str], list[str], dict[str, str]]) -> None:
            opened_at, present, absent, replaced = values
            log.info(
                "roll-call entered: %s, %d present, absent %s, replaced %s",
                session,
                len(present),
                ",".join(absent) or "-",
                ",".join(replaced) or "-",
            )
            adapter._run(
                step,
                lambda _p: rollcall.open_session(
                    bureau, session, opened_at, present, absent, replaced
                ),
            )

        adapter._open_then(dialog, dialog.values, record)

    def _close(self, step: Step) -> None:
        adapter = self.adapter
        bureau = adapter.bureau
        state = self.view_state(bureau.state)
        due = pending_session(state)
        call = rollcall.roll_call(state, due[0]) if due is not None else None
        if due is None or call is None:
            adapter._cancelled()
            return
        session = due[0]
        definition = adapter._definition_now()
        last = bureau.store.entries()[-1].moment
        moves = [*call.arrivals, *call.departures]
        earliest = max([call.opened_at, last, *(m.at for m in moves)])
        now = bureau.now()
        latest = now
        if session == "sealing":
            latest = min(now, definition.schedule.opening - timedelta(minutes=1))
        wanted = last + _TRAINING_CLOSE_AFTER if self._training() else now
        dialog = SessionCloseDialog(
            call,
            definition,
            now=_clamp(wanted, earliest, latest),
            latest=latest,
            earliest=earliest,
            parent=adapter.window,
        )
        mine = [p for p in self.pending if p.session == session]

        def record(closed_at: datetime) -> None:
            arrivals = [p.movement for p in mine if p.kind == "arrivals"]
            departures = [p.movement for p in mine if p.kind == "departures"]

            def work(_p: Progress) -> Any:
                closed = rollcall.close_session(bureau, session, closed_at, arrivals, departures)
                # Journaled with the close: no longer pending.
                self.pending = [p for p in self.pending if p not in mine]
                return closed

            log.info("session close entered: %s", session)
            adapter._run(step, work)

        adapter._open_then(dialog, dialog.closed_at, record)

    def _movement(self, step: Step) -> None:
        adapter = self.adapter
        bureau = adapter.bureau
        state = self.view_state(bureau.state)
        session = open_session(state)
        call = rollcall.roll_call(state, session) if session is not None else None
        if session is None or call is None:
            adapter._cancelled()
            return
        now = bureau.now()
        dialog = MovementDialog(
            call, adapter._definition_now(), now=now, latest=now, parent=adapter.window
        )

        def record(values: tuple[str, str, datetime]) -> None:
            kind, member_id, at = values
            log.info("movement entered: %s, %s, %s", session, kind, member_id)
            movement = Movement(member_id, at)
            journal = getattr(rollcall, "record_movement", None)

            def work(_p: Progress) -> None:
                if journal is not None:
                    journal(bureau, session, kind, movement)
                else:
                    self.pending.append(PendingMovement(session, kind, movement))

            adapter._run(step, work)

        adapter._open_then(dialog, dialog.values, record)
