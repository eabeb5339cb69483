"""The ceremony state, derived from the journal alone (never stored apart).

Folding the entries in order gives what has been done; :func:`current_phase`
says where the next step lives. Anything the state points at (definition,
trustees, elections, bundles, results) is a content-addressed blob whose hash
the journal entry carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ceremony.store.journal import JournalEntry
from ceremony.workflow.phases import Action, Phase


@dataclass
class CeremonyState:
    bureau_id: str | None = None
    platform_key_id: str | None = None
    definition_blob: str | None = None
    definition_bundle_id: str | None = None
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    """member id → recorded card identity (``CardIdentity.to_dict``)."""
    expected_members: tuple[str, ...] = ()
    keys: dict[str, Any] | None = None
    test_vote: dict[str, Any] | None = None
    seal_signers: list[str] = field(default_factory=list)
    seal_blob: str | None = None
    seal_exported: bool = False
    statuses: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    urn: dict[str, Any] | None = None
    expert: dict[str, Any] | None = None
    count: dict[str, Any] | None = None
    pv: dict[str, Any] | None = None
    pv_signatures: dict[str, dict[str, Any]] = field(default_factory=dict)
    """member id → {"signature": ``Signature.to_dict()``, "signed_at": ISO time}."""
    results_blob: str | None = None
    archive: dict[str, Any] | None = None
    recounts: list[dict[str, Any]] = field(default_factory=list)
    seen_bundle_ids: set[str] = field(default_factory=set)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    """session ("sealing", "count") → its roll-call (:mod:`ceremony.workflow.rollcall`)."""

    @property
    def all_members_registered(self) -> bool:
        return bool(self.expected_members) and set(self.expected_members) <= set(self.members)


def _apply(state: CeremonyState, action: str, details: Mapping[str, Any]) -> None:
    match action:
        case Action.PLATFORM_KEY_CONFIRMED:
            state.platform_key_id = details["key_id"]
        case Action.DEFINITION_IMPORTED:
            state.bureau_id = details["bureau_id"]
            state.definition_blob = details["blob"]
            state.definition_bundle_id = details["bundle_id"]
            state.expected_members = tuple(details["member_ids"])
            state.seen_bundle_ids.add(details["bundle_id"])
        case Action.MEMBER_REGISTERED:
            state.members[details["member_id"]] = dict(details["card"])
        case Action.KEYS_GENERATED:
            state.keys = dict(details)
        case Action.TEST_VOTE_PASSED:
            state.test_vote = dict(details)
        case Action.SEAL_SIGNED:
            state.seal_signers.append(details["member_id"])
            state.seal_blob = details["blob"]
        case Action.SEAL_EXPORTED:
            state.seal_exported = True
            state.seal_blob = details["blob"]
        case Action.STATUS_IMPORTED:
            state.statuses.append(dict(details))
            state.seen_bundle_ids.add(details["bundle_id"])
        case Action.DECISION_EXPORTED:
            state.decisions.append(dict(details))
        case Action.URN_IMPORTED:
            state.urn = dict(details)
            state.seen_bundle_ids.add(details["bundle_id"])
        case Action.EXPERT_RECORDED:
            state.expert = dict(details)
        case Action.COUNT_DONE:
            state.count = dict(details)
        case Action.PV_MADE:
            state.pv = dict(details)
        case Action.PV_SIGNED:
            state.pv_signatures[details["member_id"]] = {
                "signature": dict(details["signature"]),
                "signed_at": details["signed_at"],
            }
        case Action.RESULTS_EXPORTED:
            state.results_blob = details["blob"]
        case Action.ARCHIVE_EXPORTED:
            state.archive = dict(details)
        case Action.RECOUNT_DONE:
            state.recounts.append(dict(details))
        case Action.SEALING_SESSION_OPENED | Action.COUNT_SESSION_OPENED:
            state.sessions[details["session"]] = dict(details)
        case Action.SEALING_SESSION_CLOSED | Action.COUNT_SESSION_CLOSED:
            state.sessions[details["session"]].update(details)
        case Action.SESSION_MOVEMENT:
            # An arrival or departure entered during the session (rollcall.record_movement).
            session = state.sessions[details["session"]]
            session.setdefault(details["kind"], []).append(dict(details["movement"]))


def derive_state(entries: Iterable[JournalEntry]) -> CeremonyState:
    state = CeremonyState()
    for entry in entries:
        _apply(state, entry.action, entry.details)
    return state


def current_phase(state: CeremonyState) -> Phase:
    """The phase whose next step is to be done (ARCHIVED once everything is)."""
    if state.results_blob is not None:
        return Phase.ARCHIVED
    if state.count is not None:
        return Phase.PV
    if state.expert is not None:
        return Phase.COUNT
    if state.urn is not None:
        return Phase.EXPERT
    if state.seal_exported:
        closed = bool(state.statuses) and state.statuses[-1]["state"] == "closed"
        return Phase.CLOSED if closed else Phase.VOTE_OPEN
    if state.test_vote is not None:
        return Phase.SEALING
    if state.keys is not None:
        return Phase.TEST_VOTE
    if state.definition_blob is not None and state.all_members_registered:
        return Phase.KEY_CEREMONY
    return Phase.PREPARATION


DECISION_SEQUENCE: Mapping[str | None, frozenset[str]] = {
    None: frozenset({"suspend", "stop"}),
    "resume": frozenset({"suspend", "stop"}),
    "suspend": frozenset({"resume", "stop"}),
    "stop": frozenset(),
}
"""The decisions allowed after the last one (None: no decision yet)."""


def allowed_decisions(state: CeremonyState) -> frozenset[str]:
    """What the bureau may decide now: suspend a running vote, resume a suspended one,
    stop either; nothing after a stop, nothing outside the vote (DESIGN §1)."""
    if current_phase(state) is not Phase.VOTE_OPEN:
        return frozenset()
    last = state.decisions[-1]["decision"] if state.decisions else None
    return DECISION_SEQUENCE[last]
