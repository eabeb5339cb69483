"""The engine's journal and results as the views' plain rows (French, Paris time)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from bureau_app.journal_view import JournalRow
from bureau_app.results_model import ContestResult, ListResult
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
    }
    try:
        return labels[Action(action)]
    except ValueError:
        return action  # checkpoints and later actions: the code is still readable


def _phase_label(phase: str) -> str:
    try:
        return Phase(phase).label
    except ValueError:
        return phase


def _details(entry: JournalEntry, names: Mapping[str, str]) -> str:
    details: Mapping[str, Any] = entry.details
    if "member_id" in details:
        return names.get(str(details["member_id"]), str(details["member_id"]))
    if "title" in details:
        return str(details["title"])
    if "emargement_count" in details:
        return f"n° {details.get('sequence')} · {details['emargement_count']} émargement(s)"
    if "conclusion" in details:
        return f"{details.get('expert', '')} : {details['conclusion']}"
    if "key_id" in details:
        return f"{str(details['key_id'])[:16]}…"
    return ""


def journal_rows(entries: Iterable[JournalEntry], names: Mapping[str, str]) -> list[JournalRow]:
    """``names``: card serial and member id → the member's name, for the "Personnes" column."""
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
                _details(entry, names),
            )
        )
    return rows


def contest_results(figures: Sequence[Any]) -> list[ContestResult]:
    """``ceremony.tally.results.ContestResult`` → the views' plain figures."""
    return [
        ContestResult(
            title=f.title,
            registered=f.registered,
            voters_cast=f.voters_cast,
            blank=f.blank,
            lists=[ListResult(entry.name, entry.votes, entry.seats) for entry in f.lists],
        )
        for f in figures
    ]
