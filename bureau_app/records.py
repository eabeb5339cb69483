"""The engine's journal and results as the views' plain rows (French, Paris time)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from bureau_app.journal_view import JournalRow
from bureau_app.phase_model import PHASE_TITLES
from bureau_app.results_model import ContestResult, ListResult, TieNote
from ceremony.store.journal import JournalEntry
from ceremony.workflow.phases import Action, Phase

# A bare name lupdate recognises, so these strings reach the .ts file.
translate = QCoreApplication.translate

_PARIS = ZoneInfo("Europe/Paris")


def _action_label(action: str) -> str:
    labels = {
        Action.PLATFORM_KEY_CONFIRMED: translate("Records", "Empreinte de la plateforme confirmée"),
        Action.DEFINITION_IMPORTED: translate("Records", "Définition de l'élection importée"),
        Action.MEMBER_REGISTERED: translate("Records", "Carte d'un membre enregistrée"),
        Action.KEYS_GENERATED: translate("Records", "Clés du bureau créées"),
        Action.TEST_VOTE_PASSED: translate("Records", "Vote à blanc conforme"),
        Action.SEAL_SIGNED: translate("Records", "Scellement signé"),
        Action.SEAL_EXPORTED: translate("Records", "Scellement remis à la plateforme"),
        Action.STATUS_IMPORTED: translate("Records", "État du vote importé"),
        Action.DECISION_EXPORTED: translate("Records", "Décision du bureau exportée"),
        Action.URN_IMPORTED: translate("Records", "Urne importée et vérifiée"),
        Action.EXPERT_RECORDED: translate("Records", "Conclusions de l'expert consignées"),
        Action.COUNT_DONE: translate("Records", "Dépouillement fait"),
        Action.PV_MADE: translate("Records", "Procès-verbal établi"),
        Action.PV_SIGNED: translate("Records", "Procès-verbal signé"),
        Action.RESULTS_EXPORTED: translate("Records", "Résultats signés exportés"),
        Action.ARCHIVE_EXPORTED: translate("Records", "Archive de la cérémonie écrite"),
        Action.RECOUNT_DONE: translate("Records", "Nouveau décompte identique"),
        Action.RECOUNT_STARTED: translate("Records", "Nouveau décompte commencé"),
        Action.CARD_EVENT: translate("Records", "Événement d'une carte"),
        Action.CARD_CHECKED: translate("Records", "Carte vérifiée"),
        Action.CARD_WIPED: translate("Records", "Carte effacée"),
        Action.CARD_UNBLOCKED: translate("Records", "Carte débloquée"),
        Action.CARD_RESET_CODE_SET: translate(
            "Records", "Code de réinitialisation d'une carte défini"
        ),
        Action.LOTS_COMMITTED: translate("Records", "Tirage au sort : valeurs engagées"),
        Action.LOTS_REVEALED: translate("Records", "Tirage au sort : valeurs révélées"),
        Action.LOTS_DRAWN: translate("Records", "Tirage au sort physique consigné"),
        Action.SEALING_SESSION_OPENED: translate("Records", "Séance de scellement ouverte"),
        Action.SEALING_SESSION_CLOSED: translate("Records", "Séance de scellement close"),
        Action.COUNT_SESSION_OPENED: translate("Records", "Séance de dépouillement ouverte"),
        Action.COUNT_SESSION_CLOSED: translate("Records", "Séance de dépouillement close"),
        Action.SESSION_MOVEMENT: translate("Records", "Arrivée ou départ pendant une séance"),
        Action.INTERVENTION_MEASURES: translate("Records", "Mesures prises après une intervention"),
    }
    try:
        return labels[Action(action)]
    except (ValueError, KeyError):
        # Checkpoints, and an action added to the engine after this table: the code is
        # still readable, and the journal never fails to open over a missing label.
        return action


def _phase_label(phase: str) -> str:
    """The phase's name in the interface language (the journal stores its key)."""
    source = PHASE_TITLES.get(phase)
    if source is not None:
        return translate("Phases", source)
    try:
        return Phase(phase).label
    except ValueError:
        return phase


def _decision_word(decision: str) -> str:
    words = {
        "suspend": translate("Records", "suspension du vote"),
        "resume": translate("Records", "reprise du vote"),
        "stop": translate("Records", "arrêt du vote"),
    }
    return words.get(decision, decision)


def _plural(count: int, one: str, many: str) -> str:
    from bureau_app.i18n import current_language

    # French counts 0 in the singular ("0 émargement"); English does not.
    singular = count == 1 or (count == 0 and current_language() == "fr")
    return (one if singular else many).replace("%1", str(count))


def _details(entry: JournalEntry, names: Mapping[str, str], contests: Mapping[str, str]) -> str:
    """What the entry says, in words: every kind of entry shows something."""
    details: Mapping[str, Any] = entry.details
    if "decision" in details:
        return (
            translate("Records", "%1 · motif : %2")
            .replace("%1", _decision_word(str(details["decision"])))
            .replace("%2", str(details.get("reason", "")))
        )
    if isinstance(details.get("contests"), Mapping):
        parts = []
        rank = {uuid: index for index, uuid in enumerate(contests)}  # the definition's order
        ordered = sorted(details["contests"].items(), key=lambda i: rank.get(i[0], len(rank)))
        for uuid, contest in ordered:
            checked = int(contest.get("num_tallied", 0))
            parts.append(
                translate("Records", "%1 : %2, %3")
                .replace("%1", contests.get(uuid, uuid))
                .replace(
                    "%2",
                    _plural(
                        checked,
                        translate("Records", "%1 bulletin vérifié"),
                        translate("Records", "%1 bulletins vérifiés"),
                    ),
                )
                .replace(
                    "%3",
                    _plural(
                        int(contest.get("emargements", 0)),
                        translate("Records", "%1 émargement"),
                        translate("Records", "%1 émargements"),
                    ),
                )
            )
        interventions = len(details.get("interventions", []))
        parts.append(
            _plural(
                interventions,
                translate("Records", "%1 intervention signalée"),
                translate("Records", "%1 interventions signalées"),
            )
        )
        return " ; ".join(parts)
    if "member_id" in details:
        return names.get(str(details["member_id"]), str(details["member_id"]))
    if "title" in details:
        return str(details["title"])
    if "emargement_count" in details:
        count = int(details["emargement_count"])
        return (
            translate("Records", "n° %1 · %2")
            .replace("%1", str(details.get("sequence")))
            .replace(
                "%2",
                _plural(
                    count,
                    translate("Records", "%1 émargement"),
                    translate("Records", "%1 émargements"),
                ),
            )
        )
    if "conclusion" in details:
        return f"{details.get('expert', '')} : {details['conclusion']}"
    if "key_id" in details:
        return str(details["key_id"])
    if "election_key_fingerprint" in details:
        return translate("Records", "Clé publique du bureau : %1").replace(
            "%1", str(details["election_key_fingerprint"])
        )
    if "contests" in details and isinstance(details["contests"], int):
        return _plural(
            int(details["contests"]),
            translate("Records", "%1 scrutin conforme"),
            translate("Records", "%1 scrutins conformes"),
        )
    if "files" in details:
        return _plural(
            len(details["files"]),
            translate("Records", "%1 fichier écrit"),
            translate("Records", "%1 fichiers écrits"),
        )
    if isinstance(details.get("results"), Mapping):
        return _plural(
            len(details["results"]),
            translate("Records", "%1 scrutin dépouillé"),
            translate("Records", "%1 scrutins dépouillés"),
        )
    if "pdf" in details:
        return translate("Records", "Document à signer : %1").replace("%1", str(details["pdf"]))
    if "bundle_id" in details:
        return translate("Records", "Paquet n° %1").replace("%1", str(details["bundle_id"]))
    return ""


def journal_rows(
    entries: Iterable[JournalEntry],
    names: Mapping[str, str],
    contests: Mapping[str, str] | None = None,
) -> list[JournalRow]:
    """``names``: card serial and member id → the member's name, for the "Personnes" column.

    ``contests``: contest id → its name, for the urn import's details.
    """
    rows = []
    for entry in entries:
        moment = entry.moment.astimezone(_PARIS)
        actors = ", ".join(names.get(a.card_serial, a.card_serial) for a in entry.actors)
        rows.append(
            JournalRow(
                entry.sequence,
                moment.strftime("%d/%m/%Y %H:%M:%S"),
                _phase_label(entry.phase),
                actors or "—",
                _action_label(entry.action),
                _details(entry, names, contests or {}),
            )
        )
    return rows


def contest_results(figures: Sequence[Any], order: Sequence[str] = ()) -> list[ContestResult]:
    """``ceremony.tally.results.ContestResult`` → the views' plain figures.

    ``order``: the definition's contest ids; contests are shown in that order
    everywhere (a contest missing from it comes last, in its own order).
    """
    rank = {contest_id: index for index, contest_id in enumerate(order)}
    figures = sorted(figures, key=lambda f: rank.get(getattr(f, "contest_id", ""), len(rank)))
    return [
        ContestResult(
            title=f.title,
            registered=f.registered,
            voters_cast=f.voters_cast,
            blank=f.blank,
            lists=[ListResult(entry.name, entry.votes, entry.seats) for entry in f.lists],
            ties=_tie_notes(f),
        )
        for f in figures
    ]


def _tie_notes(figures: Any) -> tuple[TieNote, ...]:
    allocation = getattr(figures, "allocation", None)
    if allocation is None:
        return ()
    names = {entry.list_id: entry.name for entry in figures.lists}
    return tuple(
        TieNote(
            tied=tuple(names.get(lid, lid) for lid in tie.tied_lists),
            winners=tuple(names.get(lid, lid) for lid in tie.winners),
            places=tie.places,
            decided_by=tie.decided_by,
            drawn=tuple(names.get(lid, lid) for lid, _digest in tie.lot_digests),
        )
        for tie in allocation.ties
    )
