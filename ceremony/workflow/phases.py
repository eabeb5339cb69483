"""The phases of one bureau (DESIGN.md §1) and the journal actions of each.

The current phase is never stored: :mod:`ceremony.workflow.state` derives it
from the journal, so a crash at any point resumes at the last completed step.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Phase(StrEnum):
    PREPARATION = "preparation"
    KEY_CEREMONY = "key_ceremony"
    TEST_VOTE = "test_vote"
    SEALING = "sealing"
    VOTE_OPEN = "vote_open"
    CLOSED = "closed"
    EXPERT = "expert"
    COUNT = "count"
    PV = "pv"
    ARCHIVED = "archived"

    @property
    def label(self) -> str:
        return PHASE_LABELS[self]


PHASE_LABELS: Final[dict[Phase, str]] = {
    Phase.PREPARATION: "Préparation",
    Phase.KEY_CEREMONY: "Cérémonie des clés",
    Phase.TEST_VOTE: "Vote à blanc",
    Phase.SEALING: "Scellement",
    Phase.VOTE_OPEN: "Vote ouvert",
    Phase.CLOSED: "Clôture et contrôle de l'urne",
    Phase.EXPERT: "Conclusions de l'expert",
    Phase.COUNT: "Dépouillement",
    Phase.PV: "Procès-verbal",
    Phase.ARCHIVED: "Archivage et remise des clés",
}

ORDER: Final[tuple[Phase, ...]] = tuple(Phase)


class Action(StrEnum):
    """Journal action codes; each transition appends exactly one of them."""

    DEFINITION_IMPORTED = "definition.imported"
    PLATFORM_KEY_CONFIRMED = "platform_key.confirmed"
    MEMBER_REGISTERED = "member.registered"
    KEYS_GENERATED = "keys.generated"
    TEST_VOTE_PASSED = "test_vote.passed"
    SEAL_SIGNED = "seal.signed"
    SEAL_EXPORTED = "seal.exported"
    STATUS_IMPORTED = "status.imported"
    DECISION_EXPORTED = "decision.exported"
    URN_IMPORTED = "urn.imported"
    EXPERT_RECORDED = "expert.recorded"
    COUNT_DONE = "count.done"
    PV_MADE = "pv.made"
    PV_SIGNED = "pv.signed"
    RESULTS_EXPORTED = "results.exported"
    ARCHIVE_EXPORTED = "archive.exported"
    RECOUNT_DONE = "recount.done"
    RECOUNT_STARTED = "recount.started"
    CARD_EVENT = "card.event"
    CARD_CHECKED = "card.checked"
    CARD_WIPED = "card.wiped"
    CARD_UNBLOCKED = "card.unblocked"
    CARD_RESET_CODE_SET = "card.reset_code_set"
    LOTS_COMMITTED = "lots.committed"
    LOTS_REVEALED = "lots.revealed"
    LOTS_DRAWN = "lots.drawn"
    SEALING_SESSION_OPENED = "session.sealing.opened"
    SEALING_SESSION_CLOSED = "session.sealing.closed"
    COUNT_SESSION_OPENED = "session.count.opened"
    COUNT_SESSION_CLOSED = "session.count.closed"
    SESSION_MOVEMENT = "session.movement"
    INTERVENTION_MEASURES = "intervention.measures"


ACTION_PHASE: Final[dict[Action, Phase]] = {
    Action.DEFINITION_IMPORTED: Phase.PREPARATION,
    Action.PLATFORM_KEY_CONFIRMED: Phase.PREPARATION,
    Action.MEMBER_REGISTERED: Phase.PREPARATION,
    Action.KEYS_GENERATED: Phase.KEY_CEREMONY,
    Action.TEST_VOTE_PASSED: Phase.TEST_VOTE,
    Action.SEAL_SIGNED: Phase.SEALING,
    Action.SEAL_EXPORTED: Phase.SEALING,
    Action.STATUS_IMPORTED: Phase.VOTE_OPEN,
    Action.DECISION_EXPORTED: Phase.VOTE_OPEN,
    Action.URN_IMPORTED: Phase.CLOSED,
    Action.EXPERT_RECORDED: Phase.EXPERT,
    Action.COUNT_DONE: Phase.COUNT,
    Action.PV_MADE: Phase.PV,
    Action.PV_SIGNED: Phase.PV,
    Action.RESULTS_EXPORTED: Phase.PV,
    Action.ARCHIVE_EXPORTED: Phase.ARCHIVED,
    Action.RECOUNT_DONE: Phase.ARCHIVED,
    # Roll-calls (ceremony.workflow.rollcall): a session opens and closes between steps.
    Action.SEALING_SESSION_OPENED: Phase.KEY_CEREMONY,
    Action.SEALING_SESSION_CLOSED: Phase.VOTE_OPEN,
    Action.COUNT_SESSION_OPENED: Phase.EXPERT,
    Action.COUNT_SESSION_CLOSED: Phase.PV,
}


EVENT_ACTIONS: Final[frozenset[Action]] = frozenset(
    {
        Action.RECOUNT_STARTED,
        Action.CARD_EVENT,
        Action.CARD_CHECKED,
        Action.CARD_WIPED,
        Action.CARD_UNBLOCKED,
        Action.CARD_RESET_CODE_SET,
        Action.LOTS_COMMITTED,
        Action.LOTS_REVEALED,
        Action.LOTS_DRAWN,
        Action.SESSION_MOVEMENT,
        Action.INTERVENTION_MEASURES,
    }
)
"""Facts that may happen in any phase (a failed PIN, a card check, a wipe, a drawing of
lots, an arrival during a session, the measures taken after an intervention): journaled
with the phase current when they happen, they never change the phase."""


def phase_of(action: str, recorded_phase: str) -> Phase:
    """The phase an entry must carry: its action's, or for an event the one it records."""
    if action in EVENT_ACTIONS:
        return Phase(recorded_phase)
    return ACTION_PHASE[Action(action)]
