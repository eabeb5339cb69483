"""The procès-verbal drawn from the journal, the results bundle, the key hand-over.

The PV's findings and events are the journal's entries rewritten as French
sentences at the time of each act (:mod:`ceremony.workflow.pv_events`); its
sessions are the roll-calls (:mod:`ceremony.workflow.rollcall`); its texts
come from the definition; its figures are the count's; its fingerprints tie it to
the record (election fingerprints, seal hash). Members sign the PV's bytes
with their cards; the results bundle carries that PV, its signatures, the
results and the partial decryptions, signed by a quorum of cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ceremony.bundles.envelope import Signature as BundleSignature
from ceremony.bundles.payloads.common import FileRef
from ceremony.bundles.payloads.results import ContestResult as SealedResult
from ceremony.bundles.payloads.results import PartialDecryption as PartialRef
from ceremony.bundles.payloads.results import ResultsPayload
from ceremony.cards.interface import CardIdentity, Signature
from ceremony.report.handover import HandoverData, KeyCard, compute_keep_until
from ceremony.report.model import (
    Elected,
    Fingerprint,
    Member,
    MemberSignature,
    PvData,
    RecordNotes,
    Session,
)
from ceremony.tally.results import ContestResult
from ceremony.workflow import rollcall
from ceremony.workflow.phases import Action
from ceremony.workflow.pv_events import pv_events, sealed_items
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

ROLE_TITLES = {
    "president": "président ou présidente",
    "secretary": "secrétaire",
    "delegate": "délégué ou déléguée de liste",
}
"""Fallbacks only: the definition gives each role's title as agreed with its holder."""


def member_title(member: Any) -> str:
    return str(member.title) if member.title else ROLE_TITLES.get(member.role, member.role)


def pv_members(bureau: Bureau, state: CeremonyState) -> tuple[Member, ...]:
    definition = bureau.bureau_definition(state)
    list_names = {c.list_id: c.name for contest in definition.contests for c in contest.lists}
    return tuple(
        Member(
            m.member_id,
            m.name,
            member_title(m),
            ", ".join(list_names.get(i, i) for i in m.list_ids),
            civility=m.civility,
        )
        for m in definition.members
    )


SESSION_TITLES = {"sealing": "Séance de scellement", "count": "Séance de dépouillement"}


def pv_sessions(bureau: Bureau, state: CeremonyState) -> tuple[Session, ...]:
    """Each session as its roll-call recorded it; a session without one says so."""
    definition = bureau.bureau_definition(state)
    places = {"sealing": definition.texts.sealing_place, "count": definition.texts.count_place}
    fallback = {"sealing": state.seal_exported, "count": state.count is not None}
    sessions = []
    for name in rollcall.SESSIONS:
        call = rollcall.roll_call(state, name)
        if call is None:
            if fallback[name]:
                moment = _session_moment(bureau, name)
                sessions.append(
                    Session(SESSION_TITLES[name], moment, (), place=places[name], recorded=False)
                )
            continue
        sessions.append(
            Session(
                SESSION_TITLES[name],
                call.opened_at,
                call.present,
                call.closed_at,
                places[name],
                call.absent,
                tuple(sorted(call.replaced.items())),
                tuple((m.member_id, m.at) for m in call.arrivals),
                tuple((m.member_id, m.at) for m in call.departures),
            )
        )
    return tuple(sessions)


def _session_moment(bureau: Bureau, name: str) -> datetime:
    action = Action.SEAL_EXPORTED if name == "sealing" else Action.COUNT_DONE
    return next(e.moment for e in bureau.store.entries() if e.action == action)


def _notes(bureau: Bureau, state: CeremonyState, figures: Sequence[ContestResult]) -> RecordNotes:
    definition = bureau.bureau_definition(state)
    represented = {i for m in definition.members for i in m.list_ids}
    lists = {c.list_id: c for contest in definition.contests for c in contest.lists}
    unrepresented = tuple(c.name for i, c in lists.items() if i not in represented)
    contests = {c.contest_uuid: c for c in definition.contests}
    elected = []
    short = []
    for result in figures:
        contest = contests.get(result.contest_id)
        if contest is None:
            continue
        for candidate_list, figure in zip(contest.lists, result.lists, strict=False):
            names = tuple(c.name for c in candidate_list.candidates[: figure.seats])
            if names:
                elected.append(Elected(result.contest_id, candidate_list.name, names))
        if result.allocation.unfilled_seats:
            short += [
                (result.contest_id, c.name, len(c.candidates))
                for c, f in zip(contest.lists, result.lists, strict=False)
                if f.seats == len(c.candidates)
            ]
    return RecordNotes(
        unrepresented,
        definition.texts.publication,
        tuple(elected),
        tuple(short),
        sealed_items(bureau, state),
    )


def make_pv_data(
    bureau: Bureau,
    state: CeremonyState,
    figures: tuple[ContestResult, ...],
    signatures: Sequence[MemberSignature] = (),
    signed_sha256: str | None = None,
) -> PvData:
    entries = bureau.store.entries()
    definition = bureau.definition(state)
    bureau_def = bureau.bureau_definition(state)
    assert state.keys is not None and state.seal_blob is not None
    fingerprints = [Fingerprint("Scellement (SHA-256 du paquet scellé)", state.seal_blob)]
    workstation_key = bureau.sealed(state).workstation_key
    if workstation_key is not None:
        # The trust anchor of the journal (issue 14): the key the seal names, printed here so
        # that an expert compares it with the one `bureau verify` reports.
        fingerprints.append(
            Fingerprint("Clé publique du poste qui signe le journal (Ed25519)", workstation_key)
        )
    for contest in bureau_def.contests:
        fingerprints.append(
            Fingerprint(
                f"Élection {contest.name}", state.keys["fingerprints"][contest.contest_uuid]
            )
        )
    for uuid, blob in (state.count or {}).get("archives", {}).items():
        fingerprints.append(Fingerprint(f"Archive publique {uuid}.bel (SHA-256)", blob))
    pv_entry = next((e for e in reversed(entries) if e.action == Action.COUNT_DONE), entries[-1])
    count_call = rollcall.roll_call(state, "count")
    drawn_up_at = (
        max(pv_entry.moment, count_call.closed_at)
        if count_call and count_call.closed_at
        else pv_entry.moment
    )
    texts = bureau_def.texts
    present = rollcall.present_members(state, "count")
    return PvData(
        organiser=texts.organiser or definition.title,
        instance=texts.instance or bureau_def.name,
        bureau_name=bureau_def.name,
        place=texts.count_place,
        voting_opens=bureau_def.schedule.opening,
        voting_closes=bureau_def.schedule.closing,
        drawn_up_at=drawn_up_at,
        members=pv_members(bureau, state),
        sessions=pv_sessions(bureau, state),
        events=tuple(pv_events(bureau, state, entries)),
        results=figures,
        fingerprints=tuple(fingerprints),
        signatures=tuple(signatures),
        signed_sha256=signed_sha256,
        notes=_notes(bureau, state, figures),
        signers=None
        if present is None
        else tuple(m.member_id for m in bureau_def.members if m.member_id in present),
        training=bureau.training_allowed,
    )


def member_signature(member_id: str, signature: Signature, at: datetime) -> MemberSignature:
    return MemberSignature(member_id, at, signature.key_id)


def results_payload(
    bureau: Bureau,
    state: CeremonyState,
    pv_path: str,
    pv: bytes,
    attachments: dict[str, bytes],
) -> ResultsPayload:
    """The results bundle's payload; ``attachments`` receives the files it references."""
    assert state.count is not None and state.keys is not None
    owner_member = {1: "presidency"}
    for position, member in enumerate(state.keys["delegate_order"]):
        owner_member[2 + position] = member
    heads = [m for m, c in state.members.items() if c["role"] in {"president", "secretary"}]
    contests = []
    for uuid in sorted(state.count["results"]):
        name = f"result-{uuid}.json"
        attachments[name] = bureau.store.get_blob(state.count["figures"][uuid])
        partials = []
        for owner, blob in sorted(state.count["partials"][uuid].items(), key=lambda kv: int(kv[0])):
            member = owner_member[int(owner)]
            if member == "presidency":
                member = state.count["head"] if state.count.get("head") else heads[0]
            path = f"partial-{uuid}-{owner}.json"
            attachments[path] = bureau.store.get_blob(blob)
            partials.append(PartialRef(member, FileRef.of(path, attachments[path])))
        contests.append(
            SealedResult(
                uuid,
                state.keys["fingerprints"][uuid],
                FileRef.of(name, attachments[name]),
                tuple(partials),
            )
        )
    attachments[pv_path] = pv
    signatures = []
    for member_id, signed in state.pv_signatures.items():
        identity = CardIdentity.from_dict(state.members[member_id])
        card_signature = Signature.from_dict(signed["signature"])
        signatures.append(
            BundleSignature(
                card_signature.key_id, identity.role, card_signature.algorithm, card_signature.value
            )
        )
    return ResultsPayload(
        bureau_id=bureau.bureau_definition(state).bureau_id,
        contests=tuple(contests),
        pv=FileRef.of(pv_path, pv),
        pv_signatures=tuple(signatures),
        workstation_key=bureau.workstation_public_key(),
    )


def handover_data(bureau: Bureau, state: CeremonyState, at: datetime) -> HandoverData:
    members = {m.member_id: m for m in pv_members(bureau, state)}
    # The cards are handed over at the close of the count: only those present can do it then.
    present = rollcall.present_members(state, "count")
    cards = tuple(
        KeyCard(
            members[m].name,
            members[m].role,
            card["serial"],
            members[m].represents,
            absent=present is not None and m not in present,
        )
        for m, card in sorted(state.members.items(), key=lambda kv: _role_order(kv[1]["role"]))
    )
    definition = bureau.definition(state)
    texts = bureau.bureau_definition(state).texts
    return HandoverData(
        organiser=texts.organiser or definition.title,
        instance=texts.instance or definition.title,
        bureau_name=bureau.bureau_definition(state).name,
        handed_over_at=at,
        keep_until=compute_keep_until(at),
        received_by=bureau.bureau_definition(state).texts.administration_representative
        or "le représentant de l’administration (non nommé dans la définition)",
        cards=cards,
        training=bureau.training_allowed,
    )


def _role_order(role: str) -> int:
    return {"president": 0, "secretary": 1}.get(role, 2)
