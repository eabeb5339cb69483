"""Verifier steps: the record's chronology and the revote policy (arrêté art. 15, 17, 19–21).

The same rules the engine enforces (:mod:`ceremony.workflow.chronology`,
:mod:`ceremony.workflow.revote_policy`), read back from the archive: the
journal's times for the bureau's acts, the platform's signed times for its
own (statuses, émargements), the audited urns for the ballots per credential.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

from pypdf import PdfReader

from ceremony.bundles.importer import VerifiedBundle, read_bundle
from ceremony.bundles.payloads.definition import BureauDefinition, Schedule
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.report.frtext import format_count, format_datetime
from ceremony.store.export import JournalExport
from ceremony.verify.archive_context import ArchiveContext
from ceremony.verify.archive_count import (
    PV_FILE,
    parse_emargement,
    require_ballots_read,
    require_sealed_audits,
)
from ceremony.verify.archive_errors import ArchiveVerificationError
from ceremony.verify.archive_record import Note, StepResult
from ceremony.verify.presence import verify_count_presence
from ceremony.verify.report import VerificationReport, count_en, count_fr
from ceremony.workflow import chronology, rollcall
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.phases import Action
from ceremony.workflow.revote_policy import check_revote_policy
from ceremony.workflow.state import CeremonyState


class ChronologyRecordError(ArchiveVerificationError):
    default_message = (
        "La chronologie du dossier est impossible : un acte y est daté hors de la période "
        "où il peut avoir lieu."
    )


class PvSignersRecordError(ArchiveVerificationError):
    default_message = (
        "Le procès-verbal n’est pas signé exactement par les membres inscrits présents à la "
        "séance de dépouillement."
    )


class SignedEditionPagesError(ArchiveVerificationError):
    default_message = (
        "L’édition archivée du procès-verbal ne reprend pas, page pour page, le procès-verbal "
        "signé par les membres."
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
        _check_statuses_received(ctx, export)
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
        state: CeremonyState = ctx.need("state")
        _check_sessions(state, schedule)
    except WorkflowError as e:
        raise ChronologyRecordError(
            f"{type(e).__name__}: {e.technical}",
            user_message=f"{ChronologyRecordError.default_message} {e.user_message}",
        ) from e
    sealed = moments.get(Action.SEAL_EXPORTED)
    counted = moments.get(Action.COUNT_DONE)
    return Note(
        f"Scellement le {format_datetime(sealed) if sealed else '—'}, avant l’ouverture du "
        f"{format_datetime(schedule.opening)} (heures de Paris) ; "
        f"{format_count(len(statuses), 'état', 'états')} du vote et "
        f"{format_count(len(decisions), 'décision', 'décisions')} pendant le vote ; "
        f"{format_count(len(times), 'émargement', 'émargements')} entre l’ouverture et la "
        "clôture plus le délai de grâce, aucun pendant une suspension ; dépouillement le "
        f"{format_datetime(counted) if counted else '—'}, après la clôture.",
        f"Seal before opening, {len(statuses)} statuses and {len(decisions)} decisions within "
        f"the vote, {len(times)} émargements in the hours and outside suspensions, count "
        "after closing.",
    )


def _check_statuses_received(ctx: ArchiveContext, export: JournalExport) -> None:
    """Each status dated no later than its bundle's signing and its import (journal)."""
    for entry in export.entries:
        if entry.action != Action.STATUS_IMPORTED:
            continue
        as_of = datetime.fromisoformat(str(entry.details["as_of"]))
        name = f"bundles/status-{entry.details.get('sequence')}.zip"
        signed_at = read_bundle(ctx.read(name), "status").manifest.created_at
        chronology.check_status_received(as_of, signed_at, entry.moment)


def _check_sessions(state: CeremonyState, schedule: Schedule) -> None:
    """Roll-call times: the sealing session before the opening, the count after closing."""
    sealing = rollcall.roll_call(state, "sealing")
    if sealing is not None:
        chronology.check_seal_time(sealing.closed_at or sealing.opened_at, schedule)
    count = rollcall.roll_call(state, "count")
    if count is not None:
        chronology.check_count_time(count.opened_at, schedule)


def verify_pv_signers(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    present = rollcall.present_members(state, "count")
    if present is None:
        # The engine draws no PV without the count's roll-call (workflow.presence).
        raise PvSignersRecordError("no roll-call was recorded at the count session")
    # The signers whose signatures pv.signatures verified, not the journal's say-so.
    verified: Mapping[str, str] = ctx.need("pv_signers")
    signed = set(verified)
    if signed != set(present):
        raise PvSignersRecordError(
            f"present at the count {sorted(present)}, PV signed by {sorted(signed)}"
        )
    return Note(
        f"Signé par les {len(signed)} membres inscrits présents à la séance de dépouillement "
        f"({', '.join(sorted(signed))}), ni plus ni moins.",
        f"Signed by exactly the {len(signed)} members present at the count session.",
    )


def verify_edition_pages(ctx: ArchiveContext) -> StepResult:
    body: bytes = ctx.need("pv")
    edition = ctx.read(PV_FILE)
    try:
        body_pages = [p.extract_text() for p in PdfReader(io.BytesIO(body)).pages]
        edition_pages = [p.extract_text() for p in PdfReader(io.BytesIO(edition)).pages]
    except Exception as e:  # pypdf raises many kinds of error on a damaged file
        raise SignedEditionPagesError(f"unreadable PDF: {type(e).__name__}: {e}") from e
    if len(edition_pages) <= len(body_pages):
        raise SignedEditionPagesError(
            f"{PV_FILE} has {len(edition_pages)} pages, the signed PV {len(body_pages)}: "
            "no signature page"
        )
    for number, (mine, archived) in enumerate(zip(body_pages, edition_pages, strict=False), 1):
        if mine != archived:
            raise SignedEditionPagesError(f"page {number} of {PV_FILE} differs from the signed PV")
    extra = len(edition_pages) - len(body_pages)
    return Note(
        f"Les {len(body_pages)} pages du procès-verbal signé sont reprises telles quelles, "
        + (
            "suivies de la page des signatures."
            if extra == 1
            else f"suivies de {count_fr(extra, 'page', 'pages')} de signatures."
        ),
        f"The signed PV's {len(body_pages)} pages, unchanged, then "
        f"{count_en(extra, 'signature page', 'signature pages')}.",
    )


def verify_revote_policy(ctx: ArchiveContext) -> StepResult:
    bureau: BureauDefinition = ctx.need("bureau")
    audits: Mapping[str, VerificationReport] = ctx.need("audits")
    require_sealed_audits(ctx, bureau, audits)
    policies = []
    for contest in bureau.contests:
        details = audits[contest.contest_uuid].details
        # Revotes are valid ballots replaced by a later one on the same credential; an
        # invalid or replayed ballot is the audit's finding, never counted as a revote.
        counted = int(details.get("tallied_ballots", 0))
        replaced = int(details.get("replaced_ballots", 0))
        try:
            check_revote_policy(contest, counted + replaced, counted)
        except WorkflowError as e:
            raise RevotePolicyRecordError(e.technical) from e
        policies.append(contest.revote_policy)
    # No revote among the ballots read; with some ballots unread or invalid, that says too little.
    require_ballots_read(ctx, bureau, audits)
    none = policies.count("none")
    return Note(
        f"{count_fr(none, 'scrutin', 'scrutins')} sans droit de revoter : un seul bulletin par "
        f"électeur dans chaque urne ; {count_fr(len(policies) - none, 'scrutin', 'scrutins')} "
        "où le dernier bulletin compte (Belenios).",
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

PV_STEP_DEFINITIONS: Final[
    tuple[tuple[str, str, str, str, str, Callable[[ArchiveContext], StepResult]], ...]
] = (
    (
        "pv.signers_present",
        "Signataires du procès-verbal : les présents au dépouillement",
        "PV signers: the members present at the count",
        "Le procès-verbal est signé par les membres inscrits présents à l’appel de la séance de "
        "dépouillement (arrivées et départs compris), ni plus ni moins.",
        "The PV is signed by exactly the members recorded present at the count session.",
        verify_pv_signers,
    ),
    (
        "pv.count_cards_present",
        "Cartes du dépouillement : membres présents",
        "Count cards: members present",
        "Les appels des séances de scellement et de dépouillement sont consignés et clos, et "
        "chaque carte qui a ouvert l’urne est celle d’un membre présent à ce moment.",
        "Both roll-calls are recorded and closed; each card that opened the urn is that of a "
        "member present at the time.",
        verify_count_presence,
    ),
    (
        "pv.edition_pages",
        "Édition archivée = procès-verbal signé + page des signatures",
        "Archived edition = signed PV + signature page",
        "Le proces-verbal.pdf du dossier reprend page pour page le procès-verbal signé par les "
        "cartes, suivi de la page des signatures.",
        "proces-verbal.pdf is the signed PV page for page, then the signature page.",
        verify_edition_pages,
    ),
)
"""Registered after the verifier's ``pv.signed_edition`` step (they build on its facts)."""
