"""The procès-verbal drawn from the journal, the results bundle, the key hand-over.

The PV's findings and events are the journal's entries rewritten as French
sentences, in order; its figures are the count's; its fingerprints tie it to
the record (election fingerprints, seal hash). Members sign the PV's bytes
with their cards; the results bundle carries that PV, its signatures, the
results and the partial decryptions, signed by a quorum of cards.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    EventKind,
    Fingerprint,
    Member,
    MemberSignature,
    PvData,
    PvEvent,
    Session,
)
from ceremony.store.journal import JournalEntry
from ceremony.store.timefmt import format_paris
from ceremony.tally.results import ContestResult
from ceremony.workflow.phases import Action
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

ROLE_TITLES = {
    "president": "Président(e)",
    "secretary": "Secrétaire",
    "delegate": "Délégué(e) de liste",
}


VOTE_STATES = {
    "not_open": "pas encore ouvert",
    "open": "ouvert",
    "suspended": "suspendu",
    "stopped": "arrêté",
    "closed": "clos",
}


def _status_text(d: Mapping[str, Any]) -> str:
    cast = sum(v[0] for v in d["participation"].values())
    state = VOTE_STATES.get(d["state"], d["state"])
    return (
        f"Contrôle n° {d['sequence']} de l'état du vote ({state}) : "
        f"{d['emargement_count']} émargement(s), {cast} bulletin(s) enregistré(s)."
    )


def _urn_text(d: Mapping[str, Any]) -> str:
    total = sum(c["num_tallied"] for c in d["contests"].values())
    return (
        "Urne close reçue de la plateforme et vérifiée : signature de la plateforme, "
        "scellement inchangé, chaque bulletin valide, votes dans les heures d'ouverture, "
        f"émargements égaux aux {total} bulletins comptés."
    )


DECISION_WORDS = {"suspend": "suspension", "resume": "reprise", "stop": "arrêt"}

SENTENCES: dict[str, tuple[EventKind, Callable[[Mapping[str, Any]], str]]] = {
    Action.KEYS_GENERATED: (
        "finding",
        lambda d: (
            "Les clés de chiffrement ont été créées sur les cartes des membres : clé de la "
            "présidence sur les cartes de la présidente et du secrétaire, parts des "
            f"{len(d['delegate_order'])} délégués sur leurs cartes."
        ),
    ),
    Action.TEST_VOTE_PASSED: (
        "test_vote",
        lambda d: (
            f"Vote à blanc effectué sur {d['contests']} scrutin(s) : les résultats obtenus "
            "sont ceux attendus ; les compteurs de l'élection réelle sont à zéro."
        ),
    ),
    Action.SEAL_EXPORTED: (
        "seal",
        lambda d: (
            "Scellement du système de vote, des listes de candidats, de la liste électorale, "
            "des heures d'ouverture et de clôture et du système de dépouillement "
            f"(empreinte du scellement {d['blob'][:16]}…)."
        ),
    ),
    Action.STATUS_IMPORTED: ("status_check", _status_text),
    Action.DECISION_EXPORTED: (
        "decision",
        lambda d: (
            f"Le bureau décide la {DECISION_WORDS.get(d['decision'], d['decision'])} "
            f"du vote : {d['reason']}"
        ),
    ),
    Action.URN_IMPORTED: ("finding", _urn_text),
    Action.EXPERT_RECORDED: (
        "expert_conclusion",
        lambda d: f"Conclusions de l'expert indépendant ({d['expert']}) : {d['conclusion']}",
    ),
    Action.COUNT_DONE: (
        "urn_opening",
        lambda d: (
            "Ouverture publique de l'urne par les détenteurs des clés présents et "
            "dépouillement ; chaque déchiffrement partiel a été vérifié."
        ),
    ),
}


def pv_events(entries: Sequence[JournalEntry]) -> list[PvEvent]:
    """The journal as the PV's dated findings (one sentence per relevant entry)."""
    out: list[PvEvent] = []
    for entry in entries:
        d = entry.details
        if entry.action in SENTENCES:
            kind, sentence = SENTENCES[entry.action]
            out.append(PvEvent(entry.moment, kind, sentence(d)))
        for item in d.get("interventions", []) if entry.action == Action.STATUS_IMPORTED else []:
            at = format_paris(datetime.fromisoformat(item["at"].replace("Z", "+00:00")))
            text = (
                f"Intervention signalée par la plateforme ({item['actor']}, {at}) : "
                f"{item['description']}"
            )
            out.append(PvEvent(entry.moment, "intervention", text))
        if entry.action == Action.COUNT_DONE and d.get("lot_seed"):
            text = f"Tirage au sort public, graine {d['lot_seed']} (refaisable par tous)."
            out.append(PvEvent(entry.moment, "lot_drawing", text))
    return out


def pv_members(bureau: Bureau, state: CeremonyState) -> tuple[Member, ...]:
    definition = bureau.bureau_definition(state)
    list_names = {c.list_id: c.name for contest in definition.contests for c in contest.lists}
    return tuple(
        Member(
            m.member_id,
            m.name,
            ROLE_TITLES.get(m.role, m.role),
            ", ".join(list_names.get(i, i) for i in m.list_ids),
        )
        for m in definition.members
    )


def pv_sessions(entries: Sequence[JournalEntry], state: CeremonyState) -> tuple[Session, ...]:
    serial_to_member = {card["serial"]: m for m, card in state.members.items()}
    titles = {
        Action.SEAL_EXPORTED: "Séance de scellement",
        Action.COUNT_DONE: "Séance de dépouillement",
    }
    sessions = []
    present: set[str] = set()
    for entry in entries:
        present |= {
            serial_to_member[a.card_serial]
            for a in entry.actors
            if a.card_serial in serial_to_member
        }
        title = titles.get(Action(entry.action)) if entry.action in titles else None
        if title:
            sessions.append(Session(title, entry.moment, tuple(sorted(present))))
            present = set()
    return tuple(sessions)


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
    for contest in bureau_def.contests:
        fingerprints.append(
            Fingerprint(
                f"Élection {contest.name}", state.keys["fingerprints"][contest.contest_uuid]
            )
        )
    for uuid, blob in (state.count or {}).get("archives", {}).items():
        fingerprints.append(Fingerprint(f"Archive publique {uuid}.bel (SHA-256)", blob))
    pv_entry = next((e for e in reversed(entries) if e.action == Action.COUNT_DONE), entries[-1])
    return PvData(
        organiser=definition.title,
        instance=definition.title,
        bureau_name=bureau_def.name,
        place="Salle de dépouillement",
        voting_opens=bureau_def.schedule.opening,
        voting_closes=bureau_def.schedule.closing,
        drawn_up_at=pv_entry.moment,
        members=pv_members(bureau, state),
        sessions=pv_sessions(entries, state),
        events=tuple(sorted(pv_events(entries), key=lambda e: e.at)),
        results=figures,
        fingerprints=tuple(fingerprints),
        signatures=tuple(signatures),
        signed_sha256=signed_sha256,
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
    cards = tuple(
        KeyCard(
            members[m].name,
            ROLE_TITLES.get(card["role"], card["role"]),
            card["serial"],
            members[m].represents,
        )
        for m, card in sorted(state.members.items(), key=lambda kv: _role_order(kv[1]["role"]))
    )
    definition = bureau.definition(state)
    return HandoverData(
        organiser=definition.title,
        instance=definition.title,
        bureau_name=bureau.bureau_definition(state).name,
        handed_over_at=at,
        keep_until=compute_keep_until(at),
        received_by="Le représentant de l'administration",
        cards=cards,
    )


def _role_order(role: str) -> int:
    return {"president": 0, "secretary": 1}.get(role, 2)
