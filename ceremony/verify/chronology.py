"""Verifier steps: the record's chronology and the revote policy (arrêté art. 15, 17, 19–21).

The same rules the engine enforces (:mod:`ceremony.workflow.chronology`,
:mod:`ceremony.workflow.revote_policy`), read back from the archive: the
journal's times for the bureau's acts, the platform's signed times for its
own (statuses, émargements), the audited urns for the ballots per credential.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

from ceremony.bundles.importer import VerifiedBundle
from ceremony.bundles.payloads.definition import BureauDefinition
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.store.export import JournalExport
from ceremony.store.timefmt import format_paris
from ceremony.verify.archive_context import ArchiveContext
from ceremony.verify.archive_count import parse_emargement
from ceremony.verify.archive_errors import ArchiveVerificationError
from ceremony.verify.archive_record import Note, StepResult
from ceremony.verify.report import VerificationReport
from ceremony.workflow import chronology
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.phases import Action
from ceremony.workflow.revote_policy import check_revote_policy


class ChronologyRecordError(ArchiveVerificationError):
    default_message = (
        "La chronologie du dossier est impossible : un acte y est daté hors de la période "
        "où il peut avoir lieu."
    )


class RevotePolicyRecordError(ArchiveVerificationError):
    default_message = (
        "Une urne contient plusieurs bulletins pour un même électeur alors que l'élection "
        "n'autorise pas à revoter."
    )


def decision_times(export: JournalExport) -> list[tuple[datetime, str]]:
    out = []
    for entry in export.entries:
        if entry.action == Action.DECISION_EXPORTED:
            at = entry.details.get("decided_at")
            moment = datetime.fromisoformat(at) if isinstance(at, str) else entry.moment
            out.append((moment, str(entry.details["decision"])))
    return out


def verify_chronology(ctx: ArchiveContext) -> StepResult:
    bureau: BureauDefinition = ctx.need("bureau")
    export: JournalExport = ctx.need("journal")
    statuses: tuple[Any, ...] = ctx.need("statuses")
    urn: VerifiedBundle[UrnPayload] = ctx.need("urn")
    schedule = bureau.schedule
    moments = {e.action: e.moment for e in export.entries}
    try:
        if Action.SEAL_EXPORTED in moments:
            chronology.check_seal_time(moments[Action.SEAL_EXPORTED], schedule)
        for status in statuses:
            chronology.check_status_time(status.as_of, status.state, schedule)
        decisions = decision_times(export)
        for at, _decision in decisions:
            chronology.check_decision_time(at, schedule)
        times = [
            moment
            for _uuid, _voter, moment in parse_emargement(
                urn.bundle.files[urn.payload.emargement.path]
            )
        ]
        chronology.check_ballot_times(times, schedule)
        periods = chronology.interruptions(decisions)
        chronology.check_ballots_outside_interruptions(times, periods)
        if Action.COUNT_DONE in moments:
            chronology.check_count_time(moments[Action.COUNT_DONE], schedule)
    except WorkflowError as e:
        raise ChronologyRecordError(
            f"{type(e).__name__}: {e.technical}",
            user_message=f"{ChronologyRecordError.default_message} {e.user_message}",
        ) from e
    sealed = moments.get(Action.SEAL_EXPORTED)
    counted = moments.get(Action.COUNT_DONE)
    return Note(
        f"Scellement le {format_paris(sealed) if sealed else '—'}, avant l'ouverture du "
        f"{format_paris(schedule.opening)} ; {len(statuses)} état(s) du vote et "
        f"{len(decisions)} décision(s) pendant le vote ; {len(times)} émargement(s) entre "
        "l'ouverture et la clôture plus le délai de grâce, aucun pendant une suspension ; "
        f"dépouillement le {format_paris(counted) if counted else '—'}, après la clôture.",
        f"Seal before opening, {len(statuses)} statuses and {len(decisions)} decisions within "
        f"the vote, {len(times)} émargements in the hours and outside suspensions, count "
        "after closing.",
    )


def verify_revote_policy(ctx: ArchiveContext) -> StepResult:
    bureau: BureauDefinition = ctx.need("bureau")
    audits: Mapping[str, VerificationReport] = ctx.need("audits")
    policies = []
    for contest in bureau.contests:
        details = audits[contest.contest_uuid].details
        try:
            check_revote_policy(contest, int(details["ballots"]), int(details["tallied_ballots"]))
        except WorkflowError as e:
            raise RevotePolicyRecordError(e.technical) from e
        policies.append(contest.revote_policy)
    none = policies.count("none")
    return Note(
        f"{none} scrutin(s) sans droit de revoter : un seul bulletin par électeur dans chaque "
        f"urne ; {len(policies) - none} scrutin(s) où le dernier bulletin compte (Belenios).",
        f"{none} contests without revotes hold one ballot per credential; "
        f"{len(policies) - none} count the last ballot.",
    )


STEP_DEFINITIONS: Final[
    tuple[tuple[str, str, str, str, str, Callable[[ArchiveContext], StepResult]], ...]
] = (
    (
        "record.chronology",
        "Chronologie possible",
        "Possible chronology",
        "Le scellement précède l'ouverture, les états et décisions sont datés pendant le vote, "
        "aucun bulletin après la clôture plus le délai de grâce ni pendant une suspension, le "
        "dépouillement suit la clôture.",
        "Seal before opening, statuses and decisions within the vote, no ballot after closing "
        "plus grace or during a suspension, count after closing.",
        verify_chronology,
    ),
    (
        "urn.revote_policy",
        "Droit de revoter respecté",
        "Revote policy respected",
        "Quand la définition interdit de revoter (art. 17 : la validation d'un vote le rend "
        "définitif), chaque urne ne contient qu'un bulletin par électeur.",
        "When the definition forbids revotes, each urn holds one ballot per credential.",
        verify_revote_policy,
    ),
)
