"""The procès-verbal's dated findings and events, each at the time of its act.

Art. 22 of the 2019 arrêté: the PV records the findings made during the
operations, the events during the vote and the interventions on the system.
Each row carries the time of the act it records: the bureau's entered time
for the opening and closing of its sessions, the platform's own signed time
for statuses, interventions and the freezing of the urn, our clock for our
acts (keys, test vote, seal, urn check, count). Times print in Paris time.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ceremony.bundles.importer import parse_payload, read_bundle, read_bundle_file
from ceremony.bundles.payloads.definition import BureauDefinition
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.report.frtext import format_count, format_datetime, format_int, format_time, plural
from ceremony.report.model import EventKind, PvEvent
from ceremony.store.journal import JournalEntry
from ceremony.workflow.chronology import interruptions
from ceremony.workflow.interventions import Reported, reported
from ceremony.workflow.phases import Action
from ceremony.workflow.pv_card_events import card_event_rows
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

VOTE_STATES = {
    "not_open": "pas encore ouvert",
    "open": "ouvert",
    "suspended": "suspendu",
    "stopped": "arrêté",
    "closed": "clos",
}
DECISION_WORDS = {"suspend": "la suspension", "resume": "la reprise", "stop": "l’arrêt"}
SESSION_NAMES = {"sealing": "de scellement", "count": "de dépouillement"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class _Record:
    """Reads what the sentences need from the journal and the stored bundles."""

    def __init__(self, bureau: Bureau, state: CeremonyState) -> None:
        self.bureau = bureau
        self.state = state
        self.definition: BureauDefinition = bureau.bureau_definition(state)
        self.names = {m.member_id: m.name for m in self.definition.members}
        self.serials = {card["serial"]: m for m, card in state.members.items()}

    def who(self, entry: JournalEntry) -> list[str]:
        return [
            self.names[self.serials[a.card_serial]]
            for a in entry.actors
            if a.card_serial in self.serials
        ]

    def seal(self) -> SealPayload | None:
        if self.state.seal_blob is None:
            return None
        payload = parse_payload(
            read_bundle(self.bureau.store.get_blob(self.state.seal_blob), "seal")
        )
        return payload if isinstance(payload, SealPayload) else None

    def urn(self) -> UrnPayload | None:
        if self.state.urn is None:
            return None
        path = self.bureau.store.blob_path(self.state.urn["blob"])
        payload = parse_payload(read_bundle_file(path, "urn"))
        return payload if isinstance(payload, UrnPayload) else None


def _keys_text(record: _Record, d: Mapping[str, Any]) -> str:
    heads = [m.name for m in record.definition.members if m.role in {"president", "secretary"}]
    delegates = [record.names.get(m, m) for m in d.get("delegate_order", [])]
    quorum = record.definition.delegate_quorum
    return (
        "Création des clés de chiffrement sur les cartes à puce des membres, chacun avec son "
        "propre code d’activation : clé de la présidence sur les cartes de "
        f"{' et de '.join(heads)} ; "
        f"parts de clé des délégués sur les cartes de {', '.join(delegates)} "
        f"(il faut la clé de la présidence et {quorum} parts de délégués pour ouvrir l’urne)."
    )


def _test_vote_texts(record: _Record, d: Mapping[str, Any]) -> list[str]:
    """One row for the cards, then one per contest: a row is never split across pages, so
    a long one would leave a page half empty."""
    report = json.loads(record.bureau.store.get_blob(d["report"]))
    lists = {c.contest_uuid: c for c in record.definition.contests}
    parts = []
    for contest in report["contests"]:
        definition = lists[contest["contest_uuid"]]
        names = ["blancs", *(c.name for c in definition.lists)]
        figures = ", ".join(
            f"{name} : {format_int(e)} {plural(e, 'attendu', 'attendus')}, "
            f"{format_int(o)} {plural(o, 'obtenu', 'obtenus')}"
            for name, e, o in zip(names, contest["expected"], contest["obtained"], strict=False)
        )
        cast = int(contest["ballots_cast"])
        counted = int(contest.get("ballots_counted", cast))
        ballots = f"{format_count(cast, 'bulletin', 'bulletins')} de test"
        if counted < cast:
            # The figures are those of the counted ballots: say why a ballot is not among them.
            replaced = cast - counted
            ballots += (
                f", dont {format_int(replaced)} "
                f"{plural(replaced, 'second bulletin', 'seconds bulletins')} d’un même "
                "électeur de test, pour vérifier que le logiciel de dépouillement ne compte "
                f"qu’un bulletin par électeur ; {format_int(counted)} "
                f"{plural(counted, 'compté', 'comptés')}"
            )
        parts.append(f"Vote à blanc, {definition.name} : {ballots} ({figures}).")
    head = (
        "Vote à blanc : des bulletins de test connus ont suivi tout le chemin du dépouillement "
        "réel avec les cartes de "
        + ", ".join(
            record.names.get(t["member_id"], t["member_id"])
            for t in report.get("trustees_used", [])
        )
        + ". Les résultats obtenus sont ceux attendus ; les compteurs de l’élection réelle sont "
        "à zéro."
    )
    return [head, *parts]


def _checks_text(record: _Record) -> str:
    lists = sum(len(c.lists) for c in record.definition.contests)
    candidates = sum(len(lst.candidates) for c in record.definition.contests for lst in c.lists)
    return (
        "Contrôles avant scellement : les "
        f"{format_count(lists, 'liste', 'listes')} de candidats ({format_int(candidates)} "
        "candidats) sont complètes et dans l’ordre du tirage au sort, qui est celui de chaque "
        "élection ; la profession de foi et le logo de chaque liste sont présents et intacts "
        "(empreintes de la définition)."
    )


def sealed_items(bureau: Bureau, state: CeremonyState) -> tuple[tuple[str, str], ...]:
    """What the seal fixes, each with its SHA-256 (printed in part 4 of the PV)."""
    record = _Record(bureau, state)
    seal = record.seal()
    if seal is None:
        return ()
    names = {c.contest_uuid: c.name for c in record.definition.contests}
    items = [
        (
            f"Logiciel de vote {seal.voting_software.name} {seal.voting_software.version}",
            seal.voting_software.sha256,
        ),
        (
            f"Logiciel de dépouillement {seal.bureau_software.name} {seal.bureau_software.version}",
            seal.bureau_software.sha256,
        ),
    ]
    for contest in seal.contests:
        name = names.get(contest.contest_uuid, contest.contest_uuid)
        items.append(
            (f"Listes de candidats, dans l’ordre du tirage — {name}", contest.lists_sha256)
        )
        electors = format_count(contest.electors_count, "électeur", "électeurs")
        items.append((f"Liste électorale ({electors}) — {name}", contest.electors_list_sha256))
    return tuple(items)


def _seal_text(record: _Record, d: Mapping[str, Any]) -> str:
    schedule = record.definition.schedule
    signers = ", ".join(record.names.get(m, m) for m in record.state.seal_signers)
    return (
        f"Scellement, avec les cartes de {signers}, du logiciel de vote, du logiciel de "
        "dépouillement, des listes de candidats et de la liste électorale de chaque scrutin "
        "(empreintes en partie 4), des heures d’ouverture "
        f"({format_datetime(schedule.opening)}) et de clôture "
        f"({format_datetime(schedule.closing)}, délai de grâce de "
        f"{format_count(schedule.grace_minutes, 'minute', 'minutes')}). Paquet de scellement : "
        "empreinte en partie 4."
    )


def _status_text(d: Mapping[str, Any], received: datetime) -> str:
    cast = sum(v[0] for v in d["participation"].values())
    state = VOTE_STATES.get(d["state"], d["state"])
    text = (
        f"État n° {d['sequence']} du vote transmis et signé par la plateforme : vote {state}, "
        f"{format_count(d['emargement_count'], 'émargement', 'émargements')}, "
        f"{format_count(cast, 'bulletin enregistré', 'bulletins enregistrés')}"
    )
    return text + f" (reçu par le bureau le {format_datetime(received)})."


def _before_opening_text(d: Mapping[str, Any]) -> str:
    """Art. 15, "avant l'ouverture des scrutins", read from the first status."""
    cast = sum(v[0] for v in d["participation"].values())
    urn = (
        "l’urne est vide, scellée et chiffrée"
        if cast == 0 and not d["emargement_count"]
        else "l’urne n’est pas vide"
    )
    software = (
        "les composantes expertisées n’ont pas été modifiées : le logiciel de vote en service "
        "a l’empreinte scellée (partie 4)"
        if d.get("voting_software_sha256")
        else "la plateforme n’a pas transmis l’empreinte du logiciel de vote en service : "
        "ce relevé n’établit pas que les composantes expertisées sont inchangées"
    )
    return (
        f"Avant l’ouverture du vote, d’après l’état n° {d['sequence']} : {urn} ; {software} ; "
        "les tests ont été effectués lors du vote à blanc."
    )


def _urn_rows(record: _Record, entry: JournalEntry) -> list[PvEvent]:
    d = entry.details
    schedule = record.definition.schedule
    urn = record.urn()
    rows: list[PvEvent] = []
    end = schedule.closing + timedelta(minutes=schedule.grace_minutes)
    rows.append(
        PvEvent(
            schedule.closing,
            "closing",
            f"Clôture du vote à {format_time(schedule.closing)} : aucun vote ne peut plus "
            "commencer ; l’électeur connecté avant cette heure peut terminer son vote "
            f"jusqu’à {format_time(end)} (délai de grâce de "
            f"{format_count(schedule.grace_minutes, 'minute', 'minutes')}).",
        )
    )
    if urn is not None:
        frozen = max(c.frozen_at for c in urn.contests)
        rows.append(
            PvEvent(
                frozen,
                "closing",
                "La plateforme a figé, horodaté et scellé l’urne, les listes d’émargement et "
                f"les états courants le {format_datetime(frozen)}.",
            )
        )
    contests = d["contests"].values()
    ballots = sum(c["ballots_in_urn"] for c in contests)
    voters = sum(c["num_tallied"] for c in contests)
    revotes = {c.revote_policy for c in record.definition.contests}
    if revotes == {"none"}:
        revote = (
            "ces élections n’autorisent pas à revoter (la validation d’un vote le rend "
            f"définitif) : chaque urne contient un seul bulletin par électeur, soit "
            f"{format_count(ballots, 'bulletin', 'bulletins')} pour "
            f"{format_count(voters, 'votant', 'votants')}"
        )
    else:
        revote = (
            f"{format_count(ballots, 'bulletin', 'bulletins')} pour "
            f"{format_count(voters, 'votant', 'votants')} : seul le dernier bulletin de chaque "
            "électeur est compté"
        )
    periods = interruptions(_decisions(record.state, [entry]))
    suspended = (
        " Aucun bulletin n’a été accepté " + " ; ".join(p.describe() for p in periods) + "."
        if periods
        else ""
    )
    rows.append(
        PvEvent(
            entry.moment,
            "finding",
            "Urne close reçue de la plateforme et vérifiée par le bureau : signature de la "
            "plateforme, scellement inchangé, chaque bulletin valide, votes entre l’ouverture "
            "et la clôture plus le délai de grâce, un émargement par votant ; "
            f"{revote}.{suspended}",
        )
    )
    return rows


def _decisions(
    state: CeremonyState, _entries: Sequence[JournalEntry]
) -> list[tuple[datetime, str]]:
    return [
        (datetime.fromisoformat(d["decided_at"]), str(d["decision"]))
        for d in state.decisions
        if "decided_at" in d
    ]


def _session_rows(record: _Record, entry: JournalEntry) -> list[PvEvent]:
    d = entry.details
    name = SESSION_NAMES[d["session"]]
    texts = record.definition.texts
    place = texts.sealing_place if d["session"] == "sealing" else texts.count_place
    if "opened_at" in d:
        where = f", {place}" if place else ""
        return [
            PvEvent(
                datetime.fromisoformat(d["opened_at"]),
                "session",
                f"Ouverture de la séance publique {name}{where} ; appel des membres (partie 1).",
            )
        ]
    return [
        PvEvent(
            datetime.fromisoformat(d["closed_at"]),
            "session",
            f"La séance {name} est levée.",
        )
    ]


def pv_events(
    bureau: Bureau, state: CeremonyState, entries: Sequence[JournalEntry]
) -> list[PvEvent]:
    """The journal as the PV's dated findings, each at the time of its act, in time order."""
    record = _Record(bureau, state)
    out: list[PvEvent] = []
    first_status = True
    checked = False

    def add(at: datetime, kind: EventKind, text: str) -> None:
        out.append(PvEvent(at, kind, text))

    list_names = {lst.list_id: lst.name for c in record.definition.contests for lst in c.lists}
    for entry in entries:
        d = entry.details
        match entry.action:
            case Action.SEALING_SESSION_OPENED | Action.COUNT_SESSION_OPENED:
                out += _session_rows(record, entry)
            case Action.SEALING_SESSION_CLOSED | Action.COUNT_SESSION_CLOSED:
                out += _session_rows(record, entry)
            case Action.KEYS_GENERATED:
                add(entry.moment, "finding", _keys_text(record, d))
            case Action.TEST_VOTE_PASSED:
                for text in _test_vote_texts(record, d):
                    add(entry.moment, "test_vote", text)
            case Action.SEAL_SIGNED if not checked:
                checked = True
                add(entry.moment, "finding", _checks_text(record))
            case Action.SEAL_EXPORTED:
                add(entry.moment, "seal", _seal_text(record, d))
            case Action.STATUS_IMPORTED:
                add(_at(d["as_of"]), "status_check", _status_text(d, entry.moment))
                if first_status:
                    add(_at(d["as_of"]), "finding", _before_opening_text(d))
                first_status = False
            case Action.DECISION_EXPORTED:
                at = datetime.fromisoformat(d["decided_at"]) if "decided_at" in d else entry.moment
                words = DECISION_WORDS.get(d["decision"], d["decision"])
                add(
                    at,
                    "decision",
                    f"Le bureau décide {words} du vote ({', '.join(record.who(entry))}) ; "
                    + (
                        f"motif : {d['reason']} ; autorisation du directeur général de "
                        f"l’organisateur, référence : {d['authorisation']}"
                        if d.get("authorisation")
                        else f"motif : {d['reason']} ; aucune référence d’autorisation du "
                        "directeur général de l’organisateur n’est consignée"
                    ),
                )
            case Action.URN_IMPORTED:
                out += _urn_rows(record, entry)
            case Action.EXPERT_RECORDED:
                verdict = (
                    ""
                    if d.get("no_alteration")
                    else " L’expert ne conclut pas à l’absence d’altération."
                )
                add(
                    entry.moment,
                    "expert_conclusion",
                    "Avant l’ouverture de l’urne, le bureau a contrôlé le scellement et "
                    "l’intégrité du système et reçu les conclusions de l’expert indépendant, "
                    f"{d['expert']} : « {d['conclusion']} »{verdict}",
                )
            case Action.COUNT_DONE:
                add(
                    entry.moment,
                    "urn_opening",
                    "Ouverture publique de l’urne par les détenteurs des clés présents, qui ont "
                    f"activé leurs clés : {', '.join(record.who(entry))} ; dépouillement, "
                    "chaque déchiffrement partiel vérifié.",
                )
                if d.get("lot_seed"):
                    add(
                        entry.moment,
                        "lot_drawing",
                        f"Tirage au sort public, graine « {d['lot_seed']} » (refaisable par tous).",
                    )
            case Action.SESSION_MOVEMENT:
                add(_at(d["movement"]["at"]), "session", _movement_text(record, d))
            case _:
                out += card_event_rows(record.names, entry, list_names)
    out += [PvEvent(r.at, "intervention", _intervention_text(r)) for r in reported(entries)]
    return sorted(out, key=lambda e: e.at)


def _intervention_text(item: Reported) -> str:
    """The platform's description, then the measures taken and who reported them."""
    description = item.description.strip()
    if description[-1:] not in ".!?…":
        description += "."
    text = f"Intervention sur le système signalée par la plateforme ({item.actor}) : {description}"
    if not item.measures:
        return (
            f"{text} Mesures prises : ni indiquées par la plateforme ni consignées par le bureau."
        )
    source = (
        "indiquées par la plateforme"
        if item.by_bureau_at is None
        else f"consignées par le bureau le {format_datetime(item.by_bureau_at)}"
    )
    return f"{text} Mesures prises ({source}) : {item.measures}"


def _movement_text(record: _Record, d: Mapping[str, Any]) -> str:
    name = record.names.get(d["movement"]["member_id"], d["movement"]["member_id"])
    session = "de scellement" if d["session"] == "sealing" else "de dépouillement"
    if d["kind"] == "arrivals":
        return f"Arrivée de {name} à la séance {session}, consignée par le bureau."
    return f"Départ de {name} de la séance {session}, consigné par le bureau."
