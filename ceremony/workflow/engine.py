"""The bureau's procedure as software: one method per step (DESIGN.md §1).

Every step checks the phase, its preconditions and who is present (by card),
does its work, and appends exactly one journal entry in the same store
transaction as the blobs it writes: a refused or interrupted step changes
nothing, and the state is always the one the journal says
(:mod:`ceremony.workflow.state`).
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from ceremony.bundles.envelope import Bundle, sign_bundle
from ceremony.bundles.importer import (
    ImportContext,
    StatusMark,
    expect_payload,
    import_bundle,
    import_bundle_file,
    parse_payload,
    read_bundle,
)
from ceremony.bundles.keys import PublicKey
from ceremony.bundles.payloads.common import MemberKey
from ceremony.bundles.payloads.decision import DecisionPayload
from ceremony.bundles.payloads.definition import BureauDefinition, DefinitionPayload
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.payloads.status import StatusPayload
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.bundles.policy import get_bundle_verification_result, make_policy
from ceremony.bundles.types import make_typed_bundle
from ceremony.cards.errors import CardNotInitialisedError
from ceremony.cards.interface import (
    CardIdentity,
    CardSetup,
    CardSigner,
    Signature,
    check_card_allowed,
)
from ceremony.protocol.group import Group, get_group
from ceremony.protocol.trustees import Trustees
from ceremony.store.journal import Actor
from ceremony.store.store import Store
from ceremony.store.timefmt import utc_now
from ceremony.store.workstation_key import KeySource, default_key_source, load_workstation_key
from ceremony.workflow import chronology, components, presence, rollcall, sealing
from ceremony.workflow.errors import (
    AuthorisationMissingError,
    DecisionNotAllowedError,
    MemberUnknownError,
    PlatformKeyNotConfirmedError,
    QuorumError,
    StepAlreadyDoneError,
    UrnNotEmptyError,
    WorkflowError,
    WrongPhaseError,
)
from ceremony.workflow.holders import CheckedCard, PresentCard, check_cards
from ceremony.workflow.keyceremony import decode_voutputs, make_bureau_keys
from ceremony.workflow.phases import Action, Phase
from ceremony.workflow.state import (
    CeremonyState,
    allowed_decisions,
    current_phase,
    derive_state,
)

SIMULATOR_SOFTWARE = "bureau-simulator"
"""The voting software name of the platform simulator: only its definitions
accept training cards (a real election refuses them)."""

Clock = Callable[[], datetime]


class Bureau:
    """One bureau's ceremony over its store.

    ``rng`` is for the protocol's randomness; leave it None (system
    randomness) for a real election. ``now`` is injectable for tests.
    ``key_source`` keeps the workstation key that signs a journal checkpoint
    at the end of each session's decisive step (keys, seal, urn, count,
    results, archive); by default the system keyring, else a key file.
    """

    def __init__(
        self,
        store: Store,
        *,
        rng: random.Random | None = None,
        now: Clock = utc_now,
        key_source: KeySource | None = None,
    ) -> None:
        self.store = store
        self.rng = rng
        self.now = now
        self.key_source = key_source
        self.notice: Callable[[str], None] | None = None
        """Hears what happens to cards during a step (a card set aside, another steps in)."""
        self._group: Group | None = None

    # -- state ------------------------------------------------------------

    @property
    def state(self) -> CeremonyState:
        return derive_state(self.store.entries())

    @property
    def phase(self) -> Phase:
        return current_phase(self.state)

    def _require(self, state: CeremonyState, *phases: Phase) -> None:
        phase = current_phase(state)
        if phase not in phases:
            raise WrongPhaseError(
                f"step belongs to {', '.join(p.value for p in phases)}; current phase {phase.value}"
            )

    @property
    def group(self) -> Group:
        """The elections' group, as the imported definition chooses it (fixed once imported)."""
        if self._group is None:
            self._group = get_group(self.definition().group_name)
        return self._group

    def definition(self, state: CeremonyState | None = None) -> DefinitionPayload:
        state = state or self.state
        if state.definition_blob is None:
            raise WrongPhaseError("no definition imported yet")
        return _definition_from_blob(self.store.get_blob(state.definition_blob))

    def bureau_definition(self, state: CeremonyState | None = None) -> BureauDefinition:
        state = state or self.state
        assert state.bureau_id is not None
        return self.definition(state).bureau(state.bureau_id)

    @property
    def training_allowed(self) -> bool:
        return self.definition().voting_software.name == SIMULATOR_SOFTWARE

    def import_context(self, state: CeremonyState) -> ImportContext:
        """What is pinned now: platform key, contests, member keys, fingerprints, freshness."""
        context = ImportContext(seen_bundle_ids=frozenset(state.seen_bundle_ids))
        if state.definition_blob is None or state.bureau_id is None:
            return context
        definition = self.definition(state)
        bureau = definition.bureau(state.bureau_id)
        context = ImportContext(
            bureau_id=state.bureau_id,
            platform_key=definition.platform_key,
            member_keys=self.member_keys(state),
            delegate_quorum=bureau.delegate_quorum,
            contest_uuids=tuple(c.contest_uuid for c in bureau.contests),
            election_fingerprints=dict(state.keys["fingerprints"]) if state.keys else {},
            definition_bundle_id=state.definition_bundle_id,
            seen_bundle_ids=frozenset(state.seen_bundle_ids),
            last_status=_last_status_mark(state),
        )
        return context

    def member_keys(self, state: CeremonyState) -> tuple[MemberKey, ...]:
        keys = []
        for member_id, card in sorted(state.members.items()):
            identity = CardIdentity.from_dict(card)
            keys.append(
                MemberKey(
                    member_id,
                    identity.role,
                    PublicKey(
                        identity.signature_key.algorithm, identity.signature_key.public_bytes
                    ),
                )
            )
        return tuple(keys)

    def checked(self, state: CeremonyState, cards: Sequence[PresentCard]) -> list[CheckedCard]:
        assert state.bureau_id is not None
        return check_cards(cards, state.members, state.bureau_id)

    def checked_quorum(
        self, state: CeremonyState, cards: Sequence[PresentCard]
    ) -> list[CheckedCard]:
        from ceremony.workflow.quorum import require_quorum

        checked = self.checked(state, cards)
        require_quorum(self.bureau_definition(state), [c.member_id for c in checked])
        return checked

    def _names(self) -> dict[str, str]:
        return {m.member_id: m.name for m in self.bureau_definition().members}

    def ceremony_id(self) -> str:
        """This store's ceremony: the hash of its first journal entry (shortened)."""
        entries = self.store.entries()
        return entries[0].entry_hash[:32] if entries else ""

    def card_events(self) -> Any:
        from ceremony.workflow.card_check import CardEvents

        return CardEvents(notice=self.notice)

    PROMPT_CARD_EVENTS: Final = frozenset({"pin_wrong", "pin_cancelled", "pin_blocked"})

    def record_card_event(
        self, member_id: str, event: str, step: str, tries_left: int | None = None
    ) -> None:
        """A card fact seen by a front end's card prompt, before the step's work: a wrong,
        cancelled or blocked code. Journaled (never the code), so the PV can report it."""
        if event not in self.PROMPT_CARD_EVENTS:
            raise ValueError(f"not a card prompt event: {event!r}")
        state = self.state
        card = state.members.get(member_id)
        if card is None:
            raise MemberUnknownError(f"{member_id} is not a registered member")
        from ceremony.workflow.card_check import CardEvents, journal_events

        events = CardEvents()
        events.events.append(
            {
                "event": event,
                "member_id": member_id,
                "role": str(card["role"]),
                "card_serial": str(card["serial"]),
                "source": "prompt",
                **({"tries_left": tries_left} if tries_left is not None else {}),
            }
        )
        journal_events(self.store, self.phase, events, step)

    # -- preparation ------------------------------------------------------

    def confirm_platform_key(self, key_id: str) -> None:
        """Record the platform key fingerprint read out of band (before any import)."""
        state = self.state
        self._require(state, Phase.PREPARATION)
        if state.definition_blob is not None:
            raise StepAlreadyDoneError("the definition is already imported")
        key_id = key_id.strip().lower()
        if len(key_id) != 64 or any(c not in "0123456789abcdef" for c in key_id):
            raise PlatformKeyNotConfirmedError(f"{key_id!r} is not a key fingerprint")
        self.store.append(
            phase=Phase.PREPARATION,
            action=Action.PLATFORM_KEY_CONFIRMED,
            details={"key_id": key_id},
        )

    def import_definition(self, data: bytes, bureau_id: str) -> DefinitionPayload:
        """Import the organiser's definition, signed by the confirmed platform key."""
        state = self.state
        self._require(state, Phase.PREPARATION)
        if state.definition_blob is not None:
            raise StepAlreadyDoneError("the definition is already imported")
        if state.platform_key_id is None:
            raise PlatformKeyNotConfirmedError("no platform key fingerprint confirmed yet")
        bundle = read_bundle(data, "definition")
        claimed = _definition_from_bundle(bundle).platform_key
        if claimed.key_id != state.platform_key_id:
            raise PlatformKeyNotConfirmedError(
                f"definition signed for key {claimed.key_id[:16]}…, "
                f"confirmed {state.platform_key_id[:16]}…"
            )
        verified = import_bundle(data, "definition", ImportContext(platform_key=claimed))
        definition = expect_payload(verified, DefinitionPayload).payload
        bureau = definition.bureau(bureau_id)
        with self.store.transaction() as tx:
            blob = tx.put_blob(data, kind="definition", direction="imported")
            tx.append(
                phase=Phase.PREPARATION,
                action=Action.DEFINITION_IMPORTED,
                details={
                    "blob": blob,
                    "bundle_id": verified.manifest.bundle_id,
                    "bureau_id": bureau_id,
                    "member_ids": [m.member_id for m in bureau.members],
                    "title": definition.title,
                },
                blobs=[blob],
            )
        return definition

    def register_member(self, card: PresentCard) -> CardIdentity:
        """Initialise the member's card (their own PIN, keys made on the card) and record it."""
        state = self.state
        self._require(state, Phase.PREPARATION)
        bureau = self.bureau_definition(state)
        member = next((m for m in bureau.members if m.member_id == card.member_id), None)
        if member is None:
            raise MemberUnknownError(f"{card.member_id} is not a member of {bureau.bureau_id}")
        if card.member_id in state.members:
            raise StepAlreadyDoneError(f"{card.member_id} is already registered")
        from ceremony.cards.keylabel import holds_key_error

        label = card.client.read_key_label()
        if label is not None:
            raise holds_key_error(
                label,
                f"registering {card.member_id} in {bureau.bureau_id}",
                current_bureau=bureau.bureau_id,
                bureau_names={b.bureau_id: b.name for b in self.definition(state).bureaux},
            )
        try:
            identity = card.client.read_identity()
            fresh = identity.bureau_id != bureau.bureau_id or identity.role != member.role
        except CardNotInitialisedError:
            fresh = True
        if fresh:
            identity = card.client.initialise(
                CardSetup(holder=member.name, role=member.role, bureau_id=bureau.bureau_id),
                card.pins,
            )
        check_card_allowed(identity, training_allowed=self.training_allowed)
        serials = {c["serial"] for c in state.members.values()}
        if identity.serial in serials:
            raise StepAlreadyDoneError(f"card {identity.serial} is already another member's")
        self.store.append(
            phase=Phase.PREPARATION,
            action=Action.MEMBER_REGISTERED,
            actors=[Actor(member.role, identity.serial)],
            details={"member_id": member.member_id, "card": identity.to_dict()},
        )
        return identity

    # -- key ceremony -----------------------------------------------------

    def generate_keys(self, cards: Sequence[PresentCard]) -> None:
        """Make the trustees structure and every contest's election (DESIGN.md §2)."""
        state = self.state
        self._require(state, Phase.KEY_CEREMONY)
        checked = self.checked(state, cards)
        bureau = self.bureau_definition(state)
        from ceremony.cards.keylabel import holds_key_error
        from ceremony.workflow.quorum import require_every_member

        require_every_member(bureau, [c.member_id for c in checked], "cérémonie des clés")
        # A key written by an interrupted attempt of this store's ceremony was never
        # recorded nor used: it may be replaced. Any other ceremony's key may not.
        ceremony_id = self.ceremony_id()
        for card in checked:
            label = card.client.read_key_label()
            if label is not None and label.ceremony_id != ceremony_id:
                raise holds_key_error(
                    label,
                    "the key ceremony",
                    current_bureau=bureau.bureau_id,
                    bureau_names={b.bureau_id: b.name for b in self.definition(state).bureaux},
                )

        heads = [c for c in checked if c.role in {"president", "secretary"}]
        delegates = [c for c in checked if c.role == "delegate"]
        record = make_bureau_keys(
            self.group,
            bureau.bureau_id,
            heads,
            delegates,
            bureau.delegate_quorum,
            self.rng,
            ceremony_id,
        )
        trustees = Trustees.from_bytes(self.group, record.trustees)
        elections = sealing.make_elections(self.group, bureau, trustees)
        with self.store.transaction() as tx:
            trustees_blob = tx.put_blob(record.trustees, kind="trustees", direction="internal")
            voutputs_blob = tx.put_blob(record.voutputs, kind="voutputs", direction="internal")
            election_blobs = {
                uuid: tx.put_blob(e.to_bytes(), kind="election", direction="internal")
                for uuid, e in elections.items()
            }
            tx.append(
                phase=Phase.KEY_CEREMONY,
                action=Action.KEYS_GENERATED,
                actors=[c.actor for c in checked],
                details={
                    **record.details(),
                    "trustees": trustees_blob,
                    "voutputs": voutputs_blob,
                    "elections": election_blobs,
                    "fingerprints": {u: e.fingerprint for u, e in elections.items()},
                },
                blobs=[trustees_blob, voutputs_blob, *election_blobs.values()],
            )

        self.checkpoint()

    # -- test vote --------------------------------------------------------

    def run_test_vote(self, cards: Sequence[PresentCard]) -> dict[str, Any]:
        """Known ballots through the full counting path with a quorum of cards."""
        from ceremony.workflow.card_check import journal_events
        from ceremony.workflow.quorum import require_every_member
        from ceremony.workflow.testvote import run_test_vote

        state = self.state
        self._require(state, Phase.TEST_VOTE)
        checked = self.checked(state, cards)
        require_every_member(
            self.bureau_definition(state), [c.member_id for c in checked], "vote à blanc"
        )
        events = self.card_events()
        try:
            report = run_test_vote(self, state, checked, events)
        except WorkflowError:
            journal_events(self.store, Phase.TEST_VOTE, events, "test_vote")
            self.checkpoint()  # refusals are facts for the PV: sign them now
            raise
        report_bytes = sealing.canonical(report)
        with self.store.transaction() as tx:
            journal_events(tx, Phase.TEST_VOTE, events, "test_vote")
            blob = tx.put_blob(report_bytes, kind="test_vote_report", direction="internal")
            tx.append(
                phase=Phase.TEST_VOTE,
                action=Action.TEST_VOTE_PASSED,
                actors=[c.actor for c in checked],
                details={"report": blob, "contests": len(report["contests"])},
                blobs=[blob],
            )
        return report

    # -- sealing ----------------------------------------------------------

    def seal_bundle(self, state: CeremonyState | None = None) -> Bundle:
        """The seal being signed: the last signed copy, or a fresh unsigned one."""
        state = state or self.state
        if state.seal_blob is not None:
            return read_bundle(self.store.get_blob(state.seal_blob), "seal")
        return sealing.make_seal_bundle(self, state)

    def sign_seal(self, card: PresentCard) -> Bundle:
        """One member signs the seal with their card (DESIGN.md §1 quorum)."""
        state = self.state
        self._require(state, Phase.SEALING)
        if state.seal_exported:
            raise StepAlreadyDoneError("the seal is already exported")
        (checked,) = self.checked(state, [card])
        if checked.member_id in state.seal_signers:
            raise StepAlreadyDoneError(f"{checked.member_id} has already signed the seal")
        bundle = self.seal_bundle(state)
        if not state.seal_signers:
            sealing.check_before_sealing(self, state, bundle)
        signer = CardSigner(checked.client, checked.identity, checked.pins)
        signed = sign_bundle(bundle, signer)
        data = signed.to_bytes()
        with self.store.transaction() as tx:
            blob = tx.put_blob(data, kind="seal-partial", direction="internal")
            tx.append(
                phase=Phase.SEALING,
                action=Action.SEAL_SIGNED,
                actors=[checked.actor],
                details={"member_id": checked.member_id, "blob": blob},
                blobs=[blob],
            )
        return signed

    def seal_status(self, state: CeremonyState | None = None) -> Any:
        """Who has signed the seal and who is still needed (for the sealing screen)."""
        state = state or self.state
        context = self.import_context(state)
        quorum = self.bureau_definition(state).delegate_quorum
        return get_bundle_verification_result(
            self.seal_bundle(state), make_policy("seal", quorum), context.trusted_keys()
        )

    def export_seal(self) -> bytes:
        """Check the quorum of signatures and export the seal bundle for the platform."""
        state = self.state
        self._require(state, Phase.SEALING)
        if state.seal_blob is None:
            raise QuorumError(
                "nobody has signed the seal yet",
                user_message=(
                    "Personne n'a encore signé le scellement : faites-le signer par les cartes "
                    "du quorum (« bureau sign-seal ») avant de le remettre à la plateforme."
                ),
            )
        chronology.check_seal_time(self.now(), self.bureau_definition(state).schedule)
        data = self.store.get_blob(state.seal_blob)
        import_bundle(data, "seal", self.import_context(state))
        with self.store.transaction() as tx:
            blob = tx.put_blob(data, kind="seal", direction="exported")
            tx.append(
                phase=Phase.SEALING,
                action=Action.SEAL_EXPORTED,
                details={"blob": blob, "bundle_id": read_bundle(data, "seal").manifest.bundle_id},
                blobs=[blob],
            )
        self.checkpoint()
        return data

    def sealed(self, state: CeremonyState | None = None) -> SealPayload:
        state = state or self.state
        if not state.seal_exported or state.seal_blob is None:
            raise WrongPhaseError("the seal is not exported yet")
        bundle = read_bundle(self.store.get_blob(state.seal_blob), "seal")
        payload = parse_payload(bundle)
        assert isinstance(payload, SealPayload)
        return payload

    # -- vote open --------------------------------------------------------

    def import_status(self, data: bytes) -> StatusPayload:
        """A status report of the platform: participation, émargements, interventions."""
        state = self.state
        self._require(state, Phase.VOTE_OPEN, Phase.CLOSED)
        verified = import_bundle(data, "status", self.import_context(state))
        status = expect_payload(verified, StatusPayload).payload
        definition = self.definition(state)
        assert state.bureau_id is not None
        chronology.check_status_time(
            status.as_of, status.state, definition.bureau(state.bureau_id).schedule
        )
        chronology.check_status_received(status.as_of, verified.manifest.created_at, self.now())
        if not state.statuses and any(p.ballots_cast for p in status.participation):
            raise UrnNotEmptyError(
                f"first status after sealing shows {status.emargement_count} émargement(s)"
            )
        if not state.statuses and status.emargement_count:
            raise UrnNotEmptyError("first status after sealing shows émargements")
        components.check_running_software(status, definition.voting_software.sha256)
        running = status.voting_software_sha256
        with self.store.transaction() as tx:
            blob = tx.put_blob(data, kind="status", direction="imported")
            tx.append(
                phase=Phase.VOTE_OPEN,
                action=Action.STATUS_IMPORTED,
                details={
                    "blob": blob,
                    "bundle_id": verified.manifest.bundle_id,
                    "sequence": status.sequence,
                    "as_of": status.as_of.isoformat(),
                    "state": status.state,
                    "emargement_count": status.emargement_count,
                    "participation": {
                        p.contest_uuid: [p.ballots_cast, p.registered] for p in status.participation
                    },
                    "interventions": [i.to_dict() for i in status.interventions],
                    **({"voting_software_sha256": running} if running is not None else {}),
                },
                blobs=[blob],
            )
        return status

    def allowed_decisions(self, state: CeremonyState | None = None) -> frozenset[str]:
        """What the bureau may decide now: suspend a running vote, resume a suspended one,
        stop either; nothing after a stop, nothing outside the vote (DESIGN §1)."""
        return allowed_decisions(state or self.state)

    def export_decision(
        self, card: PresentCard, decision: str, reason: str, authorisation: str | None = None
    ) -> bytes:
        """Suspend, resume or stop the vote: signed by the president's (or secretary's) card.
        ``authorisation``: the reference of the director general's authorisation, required:
        art. 19 lets the bureau act only "après autorisation du directeur général"."""
        state = self.state
        self._require(state, Phase.VOTE_OPEN)
        allowed = self.allowed_decisions(state)
        if decision not in allowed:
            raise DecisionNotAllowedError(
                f"decision {decision!r} after {[d['decision'] for d in state.decisions]}; "
                f"allowed now: {sorted(allowed)}"
            )
        (checked,) = self.checked(state, [card])
        if checked.role not in {"president", "secretary"}:
            raise QuorumError(
                f"a decision is signed by the president or secretary, not {checked.role}",
                user_message=(
                    "Une décision du bureau est signée par la carte de la présidence ou du "
                    "secrétariat, pas par celle d'un délégué de liste."
                ),
            )
        if not (authorisation and authorisation.strip()):
            raise AuthorisationMissingError(f"decision {decision!r} without the authorisation")
        bureau = self.bureau_definition(state)
        decided_at = self.now()
        chronology.check_decision_time(decided_at, bureau.schedule)
        payload = DecisionPayload(
            bureau_id=bureau.bureau_id,
            contests=tuple(c.contest_uuid for c in bureau.contests),
            decision=decision,
            reason=reason,
            decided_at=decided_at,
            authorisation=authorisation.strip(),
        )
        bundle = make_typed_bundle(payload, {}, now=self.now(), bundle_id=_bundle_id(self.rng))
        signed = sign_bundle(bundle, CardSigner(checked.client, checked.identity, checked.pins))
        data = signed.to_bytes()
        import_bundle(data, "decision", self.import_context(state))
        with self.store.transaction() as tx:
            blob = tx.put_blob(data, kind="decision", direction="exported")
            tx.append(
                phase=Phase.VOTE_OPEN,
                action=Action.DECISION_EXPORTED,
                actors=[checked.actor],
                details={
                    "blob": blob,
                    "decision": decision,
                    "reason": reason,
                    "decided_at": decided_at.isoformat(),
                    **({"authorisation": payload.authorisation} if payload.authorisation else {}),
                },
                blobs=[blob],
            )
        return data

    # -- closing ----------------------------------------------------------

    def import_urn(self, data: bytes, progress: Callable[[int], None] | None = None) -> UrnPayload:
        """The closed urn: platform signature, seal unchanged, every ballot, times, émargement."""
        with tempfile.TemporaryDirectory(prefix="bureau-urn-") as tmp:
            path = Path(tmp) / "urn.zip"
            path.write_bytes(data)
            return self.import_urn_file(path, progress)

    def import_urn_file(
        self, path: Path, progress: Callable[[int], None] | None = None
    ) -> UrnPayload:
        """:meth:`import_urn` for a bundle on disk, streamed: memory stays flat in its size.

        The bundle is first copied to a private temporary file, so removable
        media changed after the checks cannot change what is stored.
        """
        from ceremony.workflow.urn import check_urn

        state = self.state
        self._require(state, Phase.VOTE_OPEN, Phase.CLOSED)
        with tempfile.TemporaryDirectory(prefix="bureau-urn-") as tmp:
            private = Path(tmp) / "urn.zip"
            shutil.copyfile(path, private)
            verified = import_bundle_file(private, "urn", self.import_context(state))
            urn = expect_payload(verified, UrnPayload)
            chronology.check_urn_received(
                self.now(),
                max(c.frozen_at for c in urn.payload.contests),
                self.bureau_definition(state).schedule,
            )
            checks = check_urn(self, state, urn, progress)
            with self.store.transaction() as tx:
                blob = tx.put_blob_file(private, kind="urn", direction="imported")
                tallies = {
                    uuid: tx.put_blob(
                        t.tally.to_bytes(), kind="encrypted_tally", direction="internal"
                    )
                    for uuid, t in checks.tallies.items()
                }
                tx.append(
                    phase=Phase.CLOSED,
                    action=Action.URN_IMPORTED,
                    details={
                        "blob": blob,
                        "bundle_id": verified.manifest.bundle_id,
                        "contests": {
                            uuid: {
                                "tally": tallies[uuid],
                                "num_tallied": t.num_tallied,
                                "total_weight": t.total_weight,
                                "ballots_in_urn": t.ballots_in_urn,
                                "emargements": checks.emargements[uuid],
                            }
                            for uuid, t in checks.tallies.items()
                        },
                        "interventions": [i.to_dict() for i in urn.payload.interventions],
                    },
                    blobs=[blob, *tallies.values()],
                )
        self.checkpoint()
        return urn.payload

    # -- expert -----------------------------------------------------------

    def record_expert(self, expert: str, conclusion: str, *, no_alteration: bool) -> None:
        """The independent expert's conclusion, read out before the count."""
        state = self.state
        self._require(state, Phase.EXPERT)
        # Read out at the count session (art. 21): its roll-call comes first, so the count
        # that follows knows who is present.
        presence.require_roll_call(state, "count", closed=False)
        if not expert.strip() or not conclusion.strip():
            raise WorkflowError("expert name and conclusion are required")
        self.store.append(
            phase=Phase.EXPERT,
            action=Action.EXPERT_RECORDED,
            details={"expert": expert, "conclusion": conclusion, "no_alteration": no_alteration},
        )

    # -- count ------------------------------------------------------------

    def count(
        self,
        cards: Sequence[PresentCard],
        *,
        lot_seed: str | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        lots: Any = None,
    ) -> Any:
        """Open the urn in public with a quorum of cards; decrypt, verify, compute seats.

        ``progress(step, done, total)`` hears of each step of the count
        (:data:`ceremony.workflow.count.CountProgress`); it changes nothing journaled.
        ``lots(member_id, message, hidden)`` lets each member present type their value
        when a perfect tie needs a drawing of lots (:mod:`ceremony.workflow.lots_draw`);
        ``lots=PhysicalLots(ask)`` chooses the public physical draw, countersigned.
        """
        from ceremony.workflow import count as counting
        from ceremony.workflow.card_check import open_or_record_refusal

        state = self.state
        self._require(state, Phase.COUNT)
        chronology.check_count_time(self.now(), self.bureau_definition(state).schedule)
        counting.check_before_count(self, state)
        checked = self.checked(state, cards)
        presence.check_count_cards(state, [c.member_id for c in checked], self.now(), self._names())
        events = self.card_events()
        opened = open_or_record_refusal(self, state, checked, events, Phase.COUNT, "count")
        used = [k.card for k in opened]
        draw = None
        if lots is not None:
            from ceremony.workflow.lots_draw import draw_seed

            def draw(tied: tuple[str, ...]) -> str:
                return draw_seed(self, checked, tied, lots)

        from ceremony.workflow.tempdirs import work_folder

        with work_folder("count") as tmp:
            outcome = counting.run_count(
                self,
                state,
                opened,
                counting.stored_tallies(self, state),
                lot_seed,
                tmp,
                progress,
                draw,
            )
            self._record_count(state, used, outcome, outcome.lot_seed, events)
        self.checkpoint()
        return outcome

    def _record_count(
        self,
        state: CeremonyState,
        checked: Sequence[CheckedCard],
        outcome: Any,
        lot_seed: str | None,
        events: Any = None,
    ) -> None:
        from ceremony.workflow import count as counting
        from ceremony.workflow.card_check import journal_events

        head = next(
            c.member_id
            for c in sorted(checked, key=lambda c: c.role != "president")
            if c.role in {"president", "secretary"}
        )
        with self.store.transaction() as tx:
            if events is not None:
                journal_events(tx, Phase.COUNT, events, "count")
            archives = {
                u: tx.put_blob_file(a, kind="bel", direction="internal")
                for u, a in outcome.archives.items()
            }
            partials = {
                u: {
                    str(owner): tx.put_blob(
                        counting.partial_bytes(p), kind="partial_decryption", direction="internal"
                    )
                    for owner, p in by_owner.items()
                }
                for u, by_owner in outcome.partials.items()
            }
            figures = {
                f.contest_id: tx.put_blob(
                    counting.figures_bytes([f]), kind="contest_result", direction="internal"
                )
                for f in outcome.figures
            }
            all_figures = tx.put_blob(
                counting.figures_bytes(outcome.figures), kind="results", direction="internal"
            )
            details = counting.count_details(
                outcome,
                {"figures": figures, "archives": archives, "partials": partials},
                lot_seed,
            )
            tx.append(
                phase=Phase.COUNT,
                action=Action.COUNT_DONE,
                actors=[c.actor for c in checked],
                details={**details, "head": head, "all_figures": all_figures},
                blobs=[*archives.values(), *figures.values(), all_figures]
                + [b for by_owner in partials.values() for b in by_owner.values()],
            )

    def recount(self, cards: Sequence[PresentCard]) -> dict[str, list[int]]:
        """Run the whole count again from the urn and the cards; it must agree (§1 retention)."""
        from ceremony.workflow import count as counting
        from ceremony.workflow.errors import CountMismatchError
        from ceremony.workflow.urn import check_urn

        state = self.state
        if state.count is None:
            raise WrongPhaseError("there is no count to compare with yet")
        checked = self.checked(state, cards)
        assert state.urn is not None
        verified = import_bundle_file(
            self.store.blob_path(state.urn["blob"]),
            "urn",
            _replace_seen(self.import_context(state), state.urn["bundle_id"]),
        )
        checks = check_urn(self, state, expect_payload(verified, UrnPayload), None)
        from ceremony.workflow.card_check import journal_events, open_or_record_refusal

        events = self.card_events()
        opened = open_or_record_refusal(self, state, checked, events, self.phase, "recount")
        checked = [k.card for k in opened]
        journal_events(self.store, self.phase, events, "recount")
        with tempfile.TemporaryDirectory(prefix="bureau-recount-") as tmp:
            outcome = counting.run_count(
                self, state, opened, checks.tallies, state.count.get("lot_seed"), Path(tmp)
            )
        again = {u: list(r.result[0]) for u, r in outcome.results.items()}
        if again != state.count["results"]:
            raise CountMismatchError(f"recount {again} differs from count {state.count['results']}")
        self.store.append(
            phase=Phase.ARCHIVED,
            action=Action.RECOUNT_DONE,
            actors=[c.actor for c in checked],
            details={"results": again, "equal": True},
        )
        return again

    # -- procès-verbal ----------------------------------------------------

    def figures(self, state: CeremonyState | None = None) -> tuple[Any, ...]:
        from ceremony.tally.results import ContestResult

        state = state or self.state
        assert state.count is not None
        data = json.loads(self.store.get_blob(state.count["all_figures"]))
        return tuple(ContestResult.from_dict(c) for c in data["contests"])

    def make_pv(self) -> bytes:
        """Draw the procès-verbal (to be signed by the members present)."""
        from ceremony.report.pv import make_pv_pdf
        from ceremony.workflow.publication import make_pv_data

        state = self.state
        self._require(state, Phase.PV)
        if state.pv is not None:
            raise StepAlreadyDoneError("the procès-verbal is already drawn")
        presence.require_sessions_for_pv(state)
        data = make_pv_data(self, state, self.figures(state))
        pdf = make_pv_pdf(data)
        with self.store.transaction() as tx:
            pdf_blob = tx.put_blob(pdf, kind="pv", direction="internal")
            data_blob = tx.put_blob(
                sealing.canonical(data.to_dict()), kind="pv_data", direction="internal"
            )
            tx.append(
                phase=Phase.PV,
                action=Action.PV_MADE,
                details={"pdf": pdf_blob, "data": data_blob},
                blobs=[pdf_blob, data_blob],
            )
        return pdf

    def sign_pv(self, card: PresentCard) -> Signature:
        """A member signs the procès-verbal with their card."""
        from ceremony.cards.interface import verify_card_signature

        state = self.state
        self._require(state, Phase.PV)
        if state.pv is None:
            raise WrongPhaseError("the procès-verbal is not drawn yet")
        (checked,) = self.checked(state, [card])
        rollcall.check_pv_signer(state, checked.member_id)
        if checked.member_id in state.pv_signatures:
            raise StepAlreadyDoneError(f"{checked.member_id} has already signed the PV")
        pdf = self.store.get_blob(state.pv["pdf"])
        signature = checked.client.sign(pdf, checked.pins)
        verify_card_signature(checked.identity.signature_key, pdf, signature)
        self.store.append(
            phase=Phase.PV,
            action=Action.PV_SIGNED,
            actors=[checked.actor],
            details={
                "member_id": checked.member_id,
                "signature": signature.to_dict(),
                "signed_at": self.now().isoformat(),
            },
        )
        return signature

    def export_results(self, cards: Sequence[PresentCard]) -> bytes:
        """The results bundle (results, partial decryptions, PV, its signatures), quorum-signed."""
        from ceremony.workflow.publication import results_payload

        state = self.state
        self._require(state, Phase.PV)
        if state.pv is None:
            raise WrongPhaseError("the procès-verbal is not drawn yet")
        checked = self.checked_quorum(state, cards)
        signers = {c.member_id for c in checked} | rollcall.missing_pv_signers(state)
        if not signers <= set(state.pv_signatures):
            unsigned = sorted(signers - set(state.pv_signatures))
            names = self._names()
            raise QuorumError(
                f"{unsigned} have not signed the PV",
                user_message=(
                    "Le procès-verbal n'est pas encore signé par : "
                    + ", ".join(names.get(m, m) for m in unsigned)
                    + ". Chaque membre présent à la séance de dépouillement le signe avec sa "
                    "carte (« bureau sign-pv ») avant l'export des résultats."
                ),
            )
        attachments: dict[str, bytes] = {}
        payload = results_payload(
            self, state, "pv.pdf", self.store.get_blob(state.pv["pdf"]), attachments
        )
        bundle = make_typed_bundle(
            payload, attachments, now=self.now(), bundle_id=_bundle_id(self.rng)
        )
        for card in checked:
            bundle = sign_bundle(bundle, CardSigner(card.client, card.identity, card.pins))
        data = bundle.to_bytes()
        import_bundle(data, "results", self.import_context(state))
        with self.store.transaction() as tx:
            blob = tx.put_blob(data, kind="results_bundle", direction="exported")
            tx.append(
                phase=Phase.PV,
                action=Action.RESULTS_EXPORTED,
                actors=[c.actor for c in checked],
                details={"blob": blob, "bundle_id": bundle.manifest.bundle_id},
                blobs=[blob],
            )
        self.checkpoint()
        return data

    def export_archive(self, folder: Path, key_source: KeySource | None = None) -> dict[str, str]:
        """Write the ceremony archive (DESIGN.md §6), journal it, sign a checkpoint over it,
        and write the journal itself last (``journal.jsonl``)."""
        from ceremony.workflow import archive

        state = self.state
        self._require(state, Phase.ARCHIVED)
        if state.archive is None:
            data = archive.make_archive_files(self, state)
            archive.check_archive_folder(folder, data)
            with self.store.transaction() as tx:
                files = {
                    name: tx.put_blob(content, kind="archive_file", direction="exported")
                    for name, content in data.items()
                }
                tx.append(
                    phase=Phase.ARCHIVED,
                    action=Action.ARCHIVE_EXPORTED,
                    details={"files": files},
                    blobs=sorted(set(files.values())),
                )
            self.checkpoint(key_source)
        else:
            files = dict(state.archive["files"])
            archive.check_archive_folder(folder, files)
        entry = next(
            e for e in reversed(self.store.entries()) if e.action == Action.ARCHIVE_EXPORTED
        )
        archive.write_files(self, folder, files)
        (folder / archive.JOURNAL_FILE).write_bytes(
            archive.journal_until(self.store, entry.sequence)
        )
        return files

    def checkpoint(self, key_source: KeySource | None = None) -> None:
        """Sign the journal's head with the workstation key (keyring, else key file)."""
        source = key_source or self.key_source or default_key_source(self.store.folder)
        key = load_workstation_key(source)
        assert key is not None
        self.store.make_checkpoint(key)

    def workstation_public_key(self) -> str:
        """The key that signs the checkpoints, bound into the seal and results the cards sign."""
        source = self.key_source or default_key_source(self.store.folder)
        key = load_workstation_key(source)
        assert key is not None
        return key.public_key

    # -- helpers for the later steps (count, pv, archive) -----------------

    def trustees(self, state: CeremonyState) -> Trustees:
        assert state.keys is not None
        return Trustees.from_bytes(self.group, self.store.get_blob(state.keys["trustees"]))

    def voutputs(self, state: CeremonyState) -> list[Any]:
        assert state.keys is not None
        return decode_voutputs(self.group, self.store.get_blob(state.keys["voutputs"]))

    def elections(self, state: CeremonyState) -> Mapping[str, Any]:
        from ceremony.protocol.election import Election

        assert state.keys is not None
        return {
            uuid: Election.from_bytes(self.store.get_blob(blob))
            for uuid, blob in state.keys["elections"].items()
        }


def _definition_from_bundle(bundle: Bundle) -> DefinitionPayload:
    payload = parse_payload(bundle)
    if not isinstance(payload, DefinitionPayload):
        raise WrongPhaseError("not a definition bundle")
    return payload


def _definition_from_blob(data: bytes) -> DefinitionPayload:
    return _definition_from_bundle(read_bundle(data, "definition"))


def _last_status_mark(state: CeremonyState) -> StatusMark | None:
    if not state.statuses:
        return None
    last = state.statuses[-1]
    return StatusMark(int(last["sequence"]), datetime.fromisoformat(last["as_of"]))


def _replace_seen(context: ImportContext, bundle_id: str) -> ImportContext:
    """The context without one imported bundle: to verify that bundle again (recount)."""
    return replace(context, seen_bundle_ids=context.seen_bundle_ids - {bundle_id})


def _bundle_id(rng: random.Random | None) -> str | None:
    if rng is None:
        return None
    import uuid

    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
