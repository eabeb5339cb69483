"""Verifier step: the sessions' roll-calls and the count's cards (arrêté art. 5, 9, 21).

The engine refuses a count opened with the card of a member not present at the
count session, and a PV without both sessions' roll-calls
(:mod:`ceremony.workflow.presence`); this step reads the same rules back from
the archived journal, so the verifier never accepts less than the engine did.
"""

from __future__ import annotations

from ceremony.store.export import JournalExport
from ceremony.verify.archive_context import ArchiveContext
from ceremony.verify.archive_errors import ArchiveVerificationError
from ceremony.verify.archive_record import Note, StepResult
from ceremony.workflow import presence
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.phases import Action
from ceremony.workflow.state import CeremonyState


class CountPresenceRecordError(ArchiveVerificationError):
    default_message = (
        "L’urne a été ouverte avec la carte d’un membre dont la présence n’était pas "
        "consignée à la séance de dépouillement, ou l’appel d’une séance manque."
    )


def verify_count_presence(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    export: JournalExport = ctx.need("journal")
    try:
        presence.require_sessions_for_pv(state)
    except WorkflowError as e:
        raise CountPresenceRecordError(
            e.technical, user_message=f"{e.user_message} (dossier du bureau)"
        ) from e
    count = next((e for e in export.entries if e.action == Action.COUNT_DONE), None)
    if count is None:
        raise CountPresenceRecordError("the journal has no count")
    serials = {str(m["serial"]): member for member, m in state.members.items()}
    used = [serials.get(a.card_serial, a.card_serial) for a in count.actors]
    absent = presence.absent_at_count(state, used, count.moment)
    if absent is None or absent:
        raise CountPresenceRecordError(
            f"cards of {absent} opened the urn at {count.moment.isoformat()} without being "
            "recorded present at the count session"
        )
    return Note(
        f"Appels des deux séances consignés et clos ; les {len(used)} cartes qui ont ouvert "
        f"l’urne ({', '.join(sorted(used))}) sont celles de membres présents à la séance de "
        "dépouillement à ce moment.",
        f"Both sessions' roll-calls recorded and closed; the {len(used)} cards that opened the "
        "urn belong to members present at the count session then.",
    )
