"""Verification of one Belenios election record (spec §3.5) as a report.

:func:`verify_belenios` audits a `.bel` file, or a Belenios election
directory holding one, and turns every check of
:func:`ceremony.protocol.audit.audit_archive` into a named line of a
:class:`~ceremony.verify.report.VerificationReport`, titled in French and
English. The expert verification of a whole ceremony archive runs this for
each scrutin and adds its own steps to the same report.
"""

from __future__ import annotations

from pathlib import Path

from ceremony.errors import CeremonyError
from ceremony.protocol.audit import (
    NOT_TALLIED,
    AuditOutcome,
    BallotVerifier,
    Check,
    CheckOutcome,
    audit_archive,
)
from ceremony.protocol.election import HomomorphicQuestion
from ceremony.verify.report import (
    CheckResult,
    CheckSpec,
    Outcome,
    ReportBuilder,
    VerificationReport,
    count_en,
    count_fr,
    provenance,
)

CHECK_SPECS: dict[Check, CheckSpec] = {
    Check.ARCHIVE_FORMAT: CheckSpec(
        Check.ARCHIVE_FORMAT.value,
        "Archive lisible, chaque fichier conforme à son empreinte (§4.4)",
        "Archive readable, every file matches its hash (§4.4)",
    ),
    Check.ARCHIVE_CHAIN: CheckSpec(
        Check.ARCHIVE_CHAIN.value,
        "Événements correctement chaînés (parent, hauteur, données présentes) (§3.5.1)",
        "Events correctly chained (parent, height, data present) (§3.5.1)",
    ),
    Check.ARCHIVE_EVENTS: CheckSpec(
        Check.ARCHIVE_EVENTS.value,
        "Événements dans l'ordre prévu (§4.4)",
        "Events in the expected order (§4.4)",
    ),
    Check.SNAPSHOT: CheckSpec(
        Check.SNAPSHOT.value,
        "Rien n'a été retiré depuis la copie précédente de l'urne (§3.5.1 étape 2)",
        "Nothing removed since the previous snapshot (§3.5.1 step 2)",
    ),
    Check.SETUP_ELECTION: CheckSpec(
        Check.SETUP_ELECTION.value,
        "Définition de l'élection lisible et prise en charge (§4.10)",
        "Election definition readable and supported (§4.10)",
    ),
    Check.SETUP_SUPPORTED: CheckSpec(
        Check.SETUP_SUPPORTED.value,
        "Élection entièrement vérifiable ici : questions homomorphes, sans mélange de "
        "bulletins (§4.9, §4.17)",
        "Election fully verifiable here: homomorphic questions, no mix-net (§4.9, §4.17)",
    ),
    Check.SETUP_TRUSTEES: CheckSpec(
        Check.SETUP_TRUSTEES.value,
        "Clés des garants et preuves de possession valides (§4.5–4.7)",
        "Trustee keys and proofs of knowledge valid (§4.5–4.7)",
    ),
    Check.SETUP_PUBLIC_KEY: CheckSpec(
        Check.SETUP_PUBLIC_KEY.value,
        "Clé publique de l'élection issue des clés des garants (§3.1.1)",
        "Election public key derived from the trustees' keys (§3.1.1)",
    ),
    Check.SETUP_CREDENTIALS: CheckSpec(
        Check.SETUP_CREDENTIALS.value,
        "Liste des codes de vote publics valide, sans doublon (§4.8)",
        "Public credential list valid, without duplicates (§4.8)",
    ),
    Check.BALLOTS_VALID: CheckSpec(
        Check.BALLOTS_VALID.value,
        "Chaque bulletin : preuves, signature, code de vote inscrit, poids (§3.5.1)",
        "Every ballot: proofs, signature, listed credential, weight (§3.5.1)",
    ),
    Check.BALLOTS_UNIQUE: CheckSpec(
        Check.BALLOTS_UNIQUE.value,
        "Aucun bulletin rejoué (§3.5.1)",
        "No replayed ballot (§3.5.1)",
    ),
    Check.TALLY_ENCRYPTED: CheckSpec(
        Check.TALLY_ENCRYPTED.value,
        "Décompte chiffré égal à celui des derniers bulletins de chaque électeur (§4.16)",
        "Encrypted tally equals that of each voter's last ballot (§4.16)",
    ),
    Check.TALLY_PARTIAL_DECRYPTIONS: CheckSpec(
        Check.TALLY_PARTIAL_DECRYPTIONS.value,
        "Déchiffrements partiels des garants et leurs preuves valides (§4.18)",
        "Trustees' partial decryptions and their proofs valid (§4.18)",
    ),
    Check.TALLY_RESULT: CheckSpec(
        Check.TALLY_RESULT.value,
        "Résultat publié conforme au décompte et aux déchiffrements (§4.19)",
        "Published result matches the tally and the decryptions (§4.19)",
    ),
}

INPUT_SPEC = CheckSpec(
    "input.path",
    "Fichier .bel ou dossier d'élection Belenios trouvé",
    "A .bel file or Belenios election directory was found",
)


class ElectionRecordNotFoundError(CeremonyError):
    """PATH is neither a `.bel` file nor a directory holding exactly one."""

    default_message = (
        "Aucune archive d'élection Belenios (.bel) n'a été trouvée à cet emplacement : "
        "indiquez un fichier .bel ou le dossier de l'élection."
    )


def find_archive(path: Path) -> Path:
    """The `.bel` file (§4.4) designated by ``path``: itself, or the only one in a directory."""
    if path.is_file():
        return path
    if path.is_dir():
        found = sorted(path.glob("*.bel"))
        if len(found) == 1:
            return found[0]
        raise ElectionRecordNotFoundError(f"{path}: {len(found)} .bel files in the directory")
    raise ElectionRecordNotFoundError(f"{path}: no such file or directory")


def _reason(outcome_note: str) -> tuple[str, str]:
    if outcome_note == NOT_TALLIED:
        return (
            "l'élection est encore ouverte ou n'est pas dépouillée : aucun décompte n'est "
            "publié dans l'archive",
            "the election is still open or not tallied: no tally is published in the archive",
        )
    return ("pas encore publié dans l'urne", "not published in the board yet")


def _passed_note(check: CheckOutcome, outcome: AuditOutcome) -> tuple[str, str]:
    """What a passed check established, with the figures it counted."""
    if check.check is Check.BALLOTS_VALID:
        return (
            f"{count_fr(outcome.num_ballots, 'bulletin vérifié', 'bulletins vérifiés')} un par "
            "un, chacun sous sa forme canonique",
            f"{count_en(outcome.num_ballots, 'ballot', 'ballots')} verified one by one, each in "
            "canonical form",
        )
    if check.check is Check.BALLOTS_UNIQUE:
        return (
            "aucun bulletin rejoué ; "
            f"{count_fr(outcome.num_replaced, 'bulletin remplacé', 'bulletins remplacés')} par "
            "un vote ultérieur du même électeur ; "
            f"{count_fr(outcome.num_tallied, 'bulletin compté', 'bulletins comptés')}",
            f"no replayed ballot; {count_en(outcome.num_replaced, 'ballot', 'ballots')} "
            f"replaced by a later vote of the same voter; {outcome.num_tallied} counted",
        )
    if check.check is Check.TALLY_PARTIAL_DECRYPTIONS and check.note:
        # Belenios 3.3 sets invalid ones aside while the valid ones meet the threshold.
        count, _, aside = check.note.partition("; invalid, set aside (threshold met): ")
        n = int(count) if count.strip().isdigit() else -1
        fr = (
            count_fr(n, "déchiffrement partiel vérifié", "déchiffrements partiels vérifiés")
            if n >= 0
            else f"déchiffrements partiels vérifiés : {count}"
        )
        en = (
            count_en(n, "partial decryption", "partial decryptions") + " verified"
            if n >= 0
            else f"partial decryptions verified: {count}"
        )
        if aside:
            fr += f" ; écartés car invalides, le seuil étant atteint sans eux : garants {aside}"
            en += f"; invalid, set aside as the threshold is met without: trustees {aside}"
        return fr, en
    if check.check is Check.SETUP_TRUSTEES and check.note:
        return (f"format {check.note}", f"{check.note} format")
    if check.check is Check.SETUP_CREDENTIALS and check.note:
        n = int(check.note) if check.note.strip().isdigit() else -1
        if n < 0:
            return (f"codes de vote publics : {check.note}", f"public credentials: {check.note}")
        return (
            count_fr(n, "code de vote public", "codes de vote publics"),
            count_en(n, "public credential", "public credentials"),
        )
    return ("", "")


BLANK_LABEL = "blanc"


def _labels(question: object) -> dict[str, object]:
    # Result columns (§4.19): the blank slot comes first when blank is allowed (§4.11.1).
    if not isinstance(question, HomomorphicQuestion):
        return {"question": "", "columns": []}
    columns = list(question.answers)
    if question.blank_allowed:
        columns.insert(0, BLANK_LABEL)
    return {"question": question.question, "columns": columns}


_WHOLE_RECORD = (Check.BALLOTS_VALID, Check.BALLOTS_UNIQUE)
"""Checks that say something of every ballot: only on an archive read in full."""
_TALLY = (Check.TALLY_ENCRYPTED, Check.TALLY_PARTIAL_DECRYPTIONS, Check.TALLY_RESULT)


def _unread_because(outcome: AuditOutcome) -> Check | None:
    """The archive-level check that failed, leaving the record only partly read."""
    for check in outcome.checks:
        if check.check in (Check.ARCHIVE_FORMAT, Check.ARCHIVE_CHAIN) and check.error is not None:
            return check.check
    return None


def _needs_whole_record(check: CheckOutcome) -> bool:
    """On a partly read archive: a pass over some ballots proves nothing of all of them,
    and a tally compared with some ballots does not show the tally altered.

    A failed ballot check stays: an invalid or replayed ballot is one whatever the rest.
    """
    if check.check in _WHOLE_RECORD:
        return check.error is None and check.skipped_because is None and check.ran
    return check.check in _TALLY and (check.ran or check.error is not None)


def add_audit(
    builder: ReportBuilder, outcome: AuditOutcome, prefix: str = "", file: str = ""
) -> None:
    """Append the audit's checks (§3.5) to ``builder``, names prefixed by ``prefix``."""
    where_fr = f"(fichier {file})" if file else ""
    unread = _unread_because(outcome)
    not_run: set[Check] = set()
    # A tally that differs from the valid ballots' when a ballot was refused says nothing
    # more than that refusal: the ballot check names the cause.
    bad_ballot = next(
        (c.check for c in outcome.checks if c.check in _WHOLE_RECORD and c.error is not None),
        None,
    )
    for check in outcome.checks:
        spec = CHECK_SPECS[check.check]
        if prefix:
            spec = CheckSpec(prefix + spec.name, spec.title_fr, spec.title_en)
        if unread is not None and _needs_whole_record(check):
            not_run.add(check.check)
            builder.skipped(
                spec,
                prefix + unread.value,
                f"l'archive n'a pas pu être lue en entier (voir {prefix}{unread.value}) : "
                "ce contrôle porterait sur une partie seulement des bulletins et des événements",
                f"the archive could not be read in full (see {prefix}{unread.value})",
            )
        elif bad_ballot is not None and check.check is Check.TALLY_ENCRYPTED and check.error:
            not_run.add(check.check)
            builder.skipped(
                spec,
                prefix + bad_ballot.value,
                "le décompte publié ne peut pas être comparé à celui des bulletins valides : "
                f"l'urne contient un bulletin invalide ou rejoué (voir {prefix}{bad_ballot.value})",
                f"the tally cannot be compared: a ballot is invalid or replayed "
                f"(see {prefix}{bad_ballot.value})",
            )
        elif check.error is not None:
            builder.failed(spec, check.error, where_fr)
        elif check.skipped_because is not None and check.skipped_because in not_run:
            after = prefix + check.skipped_because.value
            builder.skipped(
                spec,
                after,
                f"elle s'appuie sur la vérification « {after} », qui n'a pas été exécutée",
                f"it builds on check {after}, which was not run",
            )
        elif check.skipped_because is not None:
            builder.skipped(spec, prefix + check.skipped_because.value)
        elif check.ran:
            fr, en = _passed_note(check, outcome)
            builder.results.append(CheckResult(spec, Outcome.PASSED, fr, en))
        else:
            fr, en = _reason(check.note)
            builder.not_applicable(spec, fr, en)


def verify_belenios(
    path: Path,
    *,
    previous: Path | None = None,
    ballot_verifier: BallotVerifier | None = None,
    workers: int | None = None,
) -> VerificationReport:
    """Audit one Belenios election record and report every check (§3.5).

    Ballots are verified once each on ``workers`` processes (default: all cores).
    """
    builder = ReportBuilder(subject=str(path))
    builder.details.update(provenance())
    try:
        archive = find_archive(path)
    except ElectionRecordNotFoundError as e:
        builder.failed(INPUT_SPEC, e)
        return builder.build()
    builder.passed(INPUT_SPEC)
    outcome = audit_archive(
        archive, previous=previous, ballot_verifier=ballot_verifier, workers=workers
    )
    add_audit(builder, outcome, file=archive.name)
    builder.details["stage"] = outcome.stage
    if outcome.election is not None:
        builder.details.update(
            {
                "uuid": outcome.election.uuid,
                "name": outcome.election.name,
                "fingerprint": outcome.election.fingerprint,
                "group": outcome.election.group.name,
                "fingerprints": outcome.fingerprints,
                "invalid_ballots": [
                    {
                        "number": b.index + 1,
                        "tracker": b.tracker,
                        "check": b.check,
                        "error": b.error,
                        "reason": b.reason,
                    }
                    for b in outcome.invalid_ballots
                ],
                "ballots": outcome.num_ballots,
                "tallied_ballots": outcome.num_tallied,
                "replaced_ballots": outcome.num_replaced,
                "total_weight": outcome.total_weight,
                "tallied": outcome.tallied,
                "last_event": outcome.last_event_hash,
                "questions": [_labels(q) for q in outcome.election.questions],
            }
        )
    if outcome.result is not None and outcome.passed:
        builder.result = outcome.result.nested()  # Lists questions: one row per list
    return builder.build()
