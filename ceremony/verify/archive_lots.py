"""The drawing of lots: the seed the seats were drawn with came from the procedure
the journal records, and nobody could have chosen it alone.

``seats.recomputed`` checks that the seats follow from the journaled seed; this
step checks where that seed came from:

- commit-reveal (``lots.committed`` then ``lots.revealed``): the commitments were
  journaled before any value was revealed, every revealed value opens its own
  member's commitment, the same members committed and revealed, and the seed is
  the SHA-256 of the values (``workflow.lots_draw.compute_seed``);
- the public physical draw (``lots.drawn``): the countersigned record is rebuilt
  from the journal, its SHA-256 is the journaled one, every countersignature
  verifies with the member's registered card key, the countersigners form a
  legal quorum, and the seed is the outcome entered in public.

In both, the members who drew were present at the count, and the draw comes
before the count's end.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from ceremony.bundles.payloads.definition import BureauDefinition
from ceremony.cards.interface import CardIdentity, Signature, verify_card_signature
from ceremony.errors import CeremonyError
from ceremony.store.journal import JournalEntry
from ceremony.verify.archive_context import ArchiveContext
from ceremony.verify.archive_errors import ArchiveVerificationError
from ceremony.verify.archive_record import Note, StepResult, members_of
from ceremony.workflow.lots_draw import compute_commitment, compute_seed, physical_record
from ceremony.workflow.phases import Action
from ceremony.workflow.state import CeremonyState


class LotDrawRecordError(ArchiveVerificationError):
    default_message = (
        "Le tirage au sort consigné au journal ne justifie pas la graine utilisée pour "
        "départager les listes à égalité : personne ne doit pouvoir choisir seul le résultat."
    )


def _drawing_entries(entries: Sequence[JournalEntry]) -> list[JournalEntry]:
    wanted = {Action.LOTS_COMMITTED, Action.LOTS_REVEALED, Action.LOTS_DRAWN}
    return [e for e in entries if e.action in wanted]


def _count_done(entries: Sequence[JournalEntry]) -> JournalEntry:
    for entry in reversed(entries):
        if entry.action == Action.COUNT_DONE:
            return entry
    raise LotDrawRecordError("a lot seed is journaled but the count is not")


def _check_commit_reveal(
    entries: Sequence[JournalEntry], revealed: JournalEntry, seed: str
) -> list[str]:
    details: Mapping[str, Any] = revealed.details
    values = details.get("values")
    if not isinstance(values, dict) or not values:
        raise LotDrawRecordError(f"entry {revealed.sequence}: no revealed values")
    committed = [
        e for e in entries if e.action == Action.LOTS_COMMITTED and e.sequence < revealed.sequence
    ]
    if not committed:
        raise LotDrawRecordError(
            f"entry {revealed.sequence}: values revealed with no commitment journaled before"
        )
    commitment = committed[-1]
    between = [
        e
        for e in entries
        if commitment.sequence < e.sequence < revealed.sequence
        and e.action in {Action.LOTS_COMMITTED, Action.LOTS_REVEALED}
    ]
    if between:
        raise LotDrawRecordError(
            f"entries {commitment.sequence}-{revealed.sequence}: another draw in between"
        )
    commitments = commitment.details.get("commitments")
    if not isinstance(commitments, dict) or set(commitments) != set(values):
        raise LotDrawRecordError(
            f"entries {commitment.sequence}/{revealed.sequence}: the members who committed "
            "are not those who revealed"
        )
    if commitment.details.get("tied_lists") != details.get("tied_lists"):
        raise LotDrawRecordError("the tied lists changed between commitment and reveal")
    for member, value in values.items():
        if not isinstance(value, str) or compute_commitment(member, value) != commitments[member]:
            raise LotDrawRecordError(f"{member}: the revealed value does not open the commitment")
    if compute_seed(values) != seed or details.get("seed") != seed:
        raise LotDrawRecordError("the seed is not the SHA-256 of the revealed values")
    return sorted(values)


def _check_physical(
    drawn: JournalEntry,
    seed: str,
    bureau_id: str,
    bureau: BureauDefinition,
    identities: Mapping[str, CardIdentity],
) -> list[str]:
    d: Mapping[str, Any] = drawn.details
    present = d.get("members_present")
    signatures = d.get("countersignatures")
    if not isinstance(present, list) or not isinstance(signatures, dict):
        raise LotDrawRecordError(f"entry {drawn.sequence}: malformed physical draw")
    if d.get("seed") != seed or d.get("outcome") != seed:
        raise LotDrawRecordError("the seed is not the outcome entered in public")
    try:
        record = physical_record(
            bureau_id, d["tied_lists"], d["procedure"], d["outcome"], list(present)
        )
    except (KeyError, TypeError) as e:
        raise LotDrawRecordError(f"entry {drawn.sequence}: {e}") from e
    if hashlib.sha256(record).hexdigest() != d.get("record_sha256"):
        raise LotDrawRecordError("the countersigned record's SHA-256 is not the journaled one")
    for member, raw in signatures.items():
        if member not in identities or member not in present:
            raise LotDrawRecordError(f"{member}: countersigned but not a member present")
        try:
            signature = Signature.from_dict(dict(raw))
            verify_card_signature(identities[member].signature_key, record, signature)
        except (CeremonyError, KeyError, TypeError, ValueError) as e:
            raise LotDrawRecordError(f"{member}: countersignature does not verify: {e}") from e
    heads = [m for m in signatures if identities[m].role in {"president", "secretary"}]
    delegates = [m for m in signatures if identities[m].role == "delegate"]
    if not heads or len(delegates) < bureau.delegate_quorum:
        raise LotDrawRecordError("the physical draw is not countersigned by a legal quorum")
    return sorted(signatures)


def verify_lots(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    entries: Sequence[JournalEntry] = ctx.need("journal").entries
    seed = (state.count or {}).get("lot_seed")
    draws = _drawing_entries(entries)
    if seed is None:
        if any(e.action != Action.LOTS_COMMITTED for e in draws):
            raise LotDrawRecordError("a draw was journaled but no lot seed was used")
        # seats.recomputed refuses a tie left without a seed: no draw was needed.
        return Note(
            "Aucune égalité parfaite pour le dernier siège : aucun tirage au sort consigné, "
            "aucune graine utilisée.",
            "No perfect tie for the last seat: no drawing of lots journaled, no seed used.",
        )
    final = [e for e in draws if e.action in {Action.LOTS_REVEALED, Action.LOTS_DRAWN}]
    if not final:
        raise LotDrawRecordError("a lot seed was used with no drawing of lots journaled")
    last = final[-1]
    done = _count_done(entries)
    if last.sequence > done.sequence:
        raise LotDrawRecordError(f"entry {last.sequence}: the draw comes after the count")
    if last.action == Action.LOTS_REVEALED:
        members = _check_commit_reveal(entries, last, str(seed))
        how = ("par engagement puis révélation", "by commit then reveal")
    else:
        assert state.bureau_id is not None
        members = _check_physical(
            last, str(seed), state.bureau_id, ctx.need("bureau"), ctx.need("members")
        )
        how = ("public, contresigné par les cartes", "in public, countersigned by the cards")
    if missing := set(members) - members_of(ctx, done):
        raise LotDrawRecordError(f"{sorted(missing)} drew lots but were not at the count")
    who = ", ".join(members)
    return Note(
        f"Tirage au sort {how[0]} entre les listes à égalité, par {who} ; "
        f"graine {seed} refaite à partir du journal.",
        f"Drawing of lots {how[1]} by {who}; seed {seed} redone from the journal.",
    )
