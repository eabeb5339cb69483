"""The workstation key as a trust anchor (issue 14, item 8).

The journal's checkpoints are signed by the workstation key. On its own that
key proves nothing: whoever copies the archive can rewrite the journal and
re-sign it with a fresh key. So the members bind the key with their cards:
its public key is in the seal and in the results bundle, both signed by a
quorum of cards. These steps check that every checkpoint is signed by that
bound key, and report it so it can be compared with the procès-verbal.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ceremony.bundles.importer import (
    ImportContext,
    VerifiedBundle,
    expect_payload,
    import_bundle_file,
    parse_payload,
    read_bundle_file,
)
from ceremony.bundles.payloads.definition import BureauDefinition
from ceremony.bundles.payloads.results import ResultsPayload
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.policy import get_bundle_verification_result, make_policy
from ceremony.store.errors import JournalError
from ceremony.store.export import JournalExport
from ceremony.store.verify import verify_checkpoints
from ceremony.verify.archive_context import ArchiveContext, sha256_file
from ceremony.verify.archive_errors import ArchiveVerificationError
from ceremony.verify.archive_record import Note, StepResult, import_context
from ceremony.verify.report import count_en, count_fr
from ceremony.workflow.state import CeremonyState

RESULTS_FILE = "bundles/results.zip"


class UnboundWorkstationKeyError(ArchiveVerificationError):
    """The key that signs the journal is named by nothing the members signed."""

    default_message = (
        "La clé du poste qui signe le journal n'est liée à aucune signature des cartes des "
        "membres (ni au scellement, ni aux résultats) : le journal a pu être réécrit et "
        "signé de nouveau ; il n'est pas digne de confiance."
    )


class WorkstationKeyMismatchError(ArchiveVerificationError):
    """A checkpoint is signed by another key than the one the members' cards bound."""

    default_message = (
        "Le journal est signé par une autre clé de poste que celle que les membres ont "
        "signée avec leurs cartes : le journal a été réécrit après coup."
    )


def _short(key: str) -> str:
    return f"{key[:16]}…{key[-8:]}"


def _check_all_checkpoints(export: JournalExport, bound: str) -> None:
    try:
        verify_checkpoints(export.entries, export.checkpoints, trusted_public_key=bound)
    except JournalError as e:
        raise WorkstationKeyMismatchError(e.technical or type(e).__name__) from e


def _signed_by(keys: Sequence[str]) -> str:
    return ", ".join(keys) or "-"


def verify_seal_workstation_key(ctx: ArchiveContext) -> StepResult:
    """The seal (signed by the cards) names the key; every checkpoint is signed by it."""
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    export: JournalExport = ctx.need("journal")
    signing: Sequence[str] = ctx.need("workstation_keys")
    bound = seal.payload.workstation_key
    if bound is None:
        raise UnboundWorkstationKeyError(
            f"seal.zip names no workstation key; the journal is signed by {_signed_by(signing)}"
        )
    _check_all_checkpoints(export, bound)
    ctx.provide("bound_workstation_key", bound)
    return Note(
        f"{'Le point' if len(export.checkpoints) < 2 else 'Les points'} de contrôle du journal "
        f"({count_fr(len(export.checkpoints), 'point', 'points')}) sont signés par la clé "
        f"du poste que les cartes ont signée dans le scellement : {bound} (à comparer avec "
        f"celle imprimée au procès-verbal, {_short(bound)}).",
        f"All {count_en(len(export.checkpoints), 'checkpoint', 'checkpoints')} are signed by "
        f"the workstation key the cards signed in the seal: {bound}.",
    )


def verify_results_workstation_key(ctx: ArchiveContext) -> StepResult:
    """The results bundle (signed by the cards at the count) names the same key."""
    results: VerifiedBundle[ResultsPayload] = ctx.need("results_bundle")
    bound: str = ctx.need("bound_workstation_key")
    named = results.payload.workstation_key
    if named is None:
        raise UnboundWorkstationKeyError("results.zip names no workstation key")
    if named != bound:
        raise WorkstationKeyMismatchError(
            f"results.zip names workstation key {named}, the seal {bound}"
        )
    return Note(
        "Les résultats signés par les cartes au dépouillement nomment la même clé de poste "
        "que le scellement.",
        "The results the cards signed at the count name the same workstation key as the seal.",
    )


class ForeignResultsError(ArchiveVerificationError):
    """results.zip is the results bundle of another bureau or other elections."""

    default_message = (
        "Le paquet des résultats (results.zip) n'est pas celui de cette cérémonie : il vient "
        "d'un autre bureau ou d'autres élections."
    )


class ResultsNotExportedError(ArchiveVerificationError):
    """results.zip is valid and of this bureau, but not the bundle the journal exported."""

    default_message = (
        "Le paquet des résultats (results.zip) n'est pas celui que le journal a enregistré à "
        "l'export : il a été modifié ou remplacé après coup."
    )


class ResultsSignatureError(ArchiveVerificationError):
    """A member's signature of results.zip does not verify."""

    default_message = (
        "Une signature du paquet des résultats (results.zip) par la carte d'un membre n'est "
        "pas valide : le paquet a été modifié après sa signature."
    )


def _name_rejected_signatures(path: Path, context: ImportContext) -> None:
    """Name the member and key of each signature that does not verify, if any."""
    bundle = read_bundle_file(path, "results")
    trusted = context.trusted_keys()
    holders = {t.key.key_id: t.holder for t in trusted}
    result = get_bundle_verification_result(
        bundle, make_policy("results", context.delegate_quorum), trusted
    )
    if not result.rejected:
        return
    named = [(holders.get(r.key_id, "clé inconnue"), r.key_id, r.reason) for r in result.rejected]
    raise ResultsSignatureError(
        "; ".join(f"signature by {who} (key {key}) rejected: {why}" for who, key, why in named),
        user_message=(
            f"{ResultsSignatureError.default_message} En cause : "
            + " ; ".join(f"la signature de {who} (clé {key})" for who, key, _ in named)
            + "."
        ),
    )


def verify_results_bundle(ctx: ArchiveContext) -> StepResult:
    """results.zip belongs to this ceremony (said first), then its card signatures hold."""
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    path = ctx.path(RESULTS_FILE)
    claimed = parse_payload(read_bundle_file(path, "results"))
    if not isinstance(claimed, ResultsPayload):
        raise ForeignResultsError("results.zip holds no results payload")
    sealed = seal.payload.election_fingerprints()
    if claimed.bureau_id != bureau.bureau_id or claimed.election_fingerprints() != sealed:
        contests = ", ".join(sorted(claimed.contest_uuids()))
        raise ForeignResultsError(
            f"results.zip is for bureau {claimed.bureau_id}, elections {contests}; this "
            f"ceremony is bureau {bureau.bureau_id}, elections {', '.join(sorted(sealed))}",
            user_message=(
                f"{ForeignResultsError.default_message} Il porte sur le bureau "
                f"« {claimed.bureau_id} » et les élections {contests}, alors que cette cérémonie "
                f"est celle du bureau « {bureau.bureau_id} » (élections "
                f"{', '.join(sorted(sealed))})."
            ),
        )
    context = import_context(ctx, election_fingerprints=sealed)
    _name_rejected_signatures(path, context)
    verified = expect_payload(import_bundle_file(path, "results", context), ResultsPayload)
    # Checked after the signatures, so that a bundle altered after the export is named
    # by what fails in it (a signature, a file) rather than as the bundle of another bureau.
    if sha256_file(path) != state.results_blob:
        raise ResultsNotExportedError("results.zip is not the bundle the journal exported")
    ctx.provide("results_bundle", verified)
    signers = sorted(t.holder for t in verified.verification.signed)
    return Note(
        f"Paquet des résultats de ce bureau et des élections scellées, signé avec leurs cartes "
        f"par {', '.join(signers)}.",
        f"Results bundle of this bureau and the sealed elections, signed by {', '.join(signers)}.",
    )
