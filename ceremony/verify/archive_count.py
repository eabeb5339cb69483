"""Archive verification, second half: the urn, the count, the seats and the PV.

The urn bundle (platform-signed) carries each contest's closed `.bel`; the
final `<uuid>.bel` of the archive must prolong it with the tally events, and
is audited in full once (every ballot, on all cores). The results bundle
(card-signed) must carry the partial decryptions of those archives and the
figures of their results; results.json, the seats and the PV must agree.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ceremony.bundles.importer import VerifiedBundle, expect_payload, import_bundle_file
from ceremony.bundles.payloads.definition import BureauDefinition, Contest
from ceremony.bundles.payloads.results import ResultsPayload
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.bundles.sources import open_file
from ceremony.cards.interface import CardIdentity, Signature, verify_card_signature
from ceremony.errors import CeremonyError
from ceremony.protocol.archive import iter_events, iter_records
from ceremony.protocol.audit import BallotVerifier, pooled_verifier
from ceremony.protocol.credentials import CredentialList
from ceremony.protocol.election import Election
from ceremony.protocol.fastverify import BallotOutcome
from ceremony.store.export import JournalExport
from ceremony.tally.from_definition import contest_definition
from ceremony.tally.results import (
    ContestResult,
    verify_contest_result,
)
from ceremony.verify.archive_context import ArchiveContext, parse_json_object, sha256_file
from ceremony.verify.archive_errors import (
    CountArchiveError,
    EmargementError,
    HandoverError,
    MalformedContentError,
    PartialDecryptionRecordError,
    PrerequisiteFailedError,
    PvContentError,
    PvSignatureError,
    ResultRecordError,
    SeatsError,
    SignedEditionError,
    UrnRecordError,
    UrnSetupError,
)
from ceremony.verify.archive_pdf import missing_figures, missing_texts, pdf_text
from ceremony.verify.archive_record import (
    Note,
    StepResult,
    import_context,
    last_entry,
    members_of,
    sha256_hex,
    short,
)
from ceremony.verify.belenios import verify_belenios
from ceremony.verify.report import (
    CheckResult,
    CheckSpec,
    Outcome,
    ReportBuilder,
    VerificationReport,
    count_en,
    count_fr,
)
from ceremony.workflow.phases import Action
from ceremony.workflow.state import CeremonyState

URN_FILE = "bundles/urn.zip"
RESULTS_FILE = "bundles/results.zip"
RESULTS_JSON = "results.json"
PV_FILE = "proces-verbal.pdf"
HANDOVER_FILE = "remise-des-cles.pdf"
EMARGEMENT_FORMAT = "bureau-emargement/1"
RESULTS_FORMAT = "bureau-results/1"
PROGRESS_EVERY = 1000
BeleniosAudit = Callable[[Path, Path | None, BallotVerifier], VerificationReport]


@dataclass
class BelSummary:
    """What one pass over a `.bel` tells without any cryptography."""

    setup: dict[str, Any] = field(default_factory=dict)
    ballots: int = 0
    types: list[str] = field(default_factory=list)
    partials: dict[int, str] = field(default_factory=dict)
    """owner → SHA-256 of the partial decryption (§4.18)."""


def scan_bel(source: Path) -> BelSummary:
    """Setup hashes, ballot count, event types and partial decryptions of a `.bel`."""
    summary = BelSummary()
    for event in iter_events(iter_records(source)):
        kind = event.event.type
        summary.types.append(kind)
        if kind == "Setup" and event.payload is not None:
            summary.setup = parse_json_object(event.payload, "Setup payload")
        elif kind == "Ballot":
            summary.ballots += 1
        elif kind == "PartialDecryption" and event.payload is not None:
            owned = parse_json_object(event.payload, "owned partial decryption")
            owner, digest = owned.get("owner"), owned.get("payload")
            if (
                not isinstance(owner, int)
                or not isinstance(digest, str)
                or owner in summary.partials
            ):
                raise CountArchiveError(
                    f"partial decryption of owner {owner!r} malformed or repeated"
                )
            summary.partials[owner] = digest
    return summary


def _sealed_setup(ctx: ArchiveContext, contest: Contest) -> dict[str, str]:
    election_bytes: Mapping[str, bytes] = ctx.need("election_bytes")
    return {
        "election": sha256_hex(election_bytes[contest.contest_uuid]),
        "trustees": str(ctx.need("trustees_sha256")),
        "credentials": contest.electors.credentials.sha256,
    }


# 11 -- urn ------------------------------------------------------------------
def verify_urn_bundle(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    bureau: BureauDefinition = ctx.need("bureau")
    path = ctx.path(URN_FILE)
    if state.urn is None or sha256_file(path) != state.urn.get("blob"):
        raise UrnRecordError("urn.zip is not the urn the journal imported")
    context = import_context(ctx, election_fingerprints=seal.payload.election_fingerprints())
    verified = expect_payload(import_bundle_file(path, "urn", context), UrnPayload)
    for closed in verified.payload.contests:
        if closed.closing != bureau.schedule.closing:
            raise UrnRecordError(
                f"contest {closed.contest_uuid}: closing time is not the sealed one"
            )
    ctx.provide("urn", verified)
    return Note(
        f"Urne signée par la plateforme pour ce bureau et ses {len(bureau.contests)} scrutins ; "
        "empreintes des élections égales à celles du scellement.",
        "Urn signed by the platform for this bureau and its contests; fingerprints as sealed.",
    )


def verify_urn_setup(ctx: ArchiveContext) -> StepResult:
    bureau: BureauDefinition = ctx.need("bureau")
    urn: VerifiedBundle[UrnPayload] = ctx.need("urn")
    scratch = ctx.scratch
    assert scratch is not None
    closed = {c.contest_uuid: c for c in urn.payload.contests}
    paths: dict[str, Path] = {}
    ballots: dict[str, int] = {}
    for contest in bureau.contests:
        uuid = contest.contest_uuid
        item = closed[uuid]
        target = scratch / f"urn-{len(paths)}.bel"
        with open_file(urn.bundle.files, item.archive.path) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
        summary = scan_bel(target)
        if summary.setup != _sealed_setup(ctx, contest):
            raise UrnSetupError(
                f"contest {uuid}: Setup is not the sealed election, trustees and credentials"
            )
        if (
            summary.types[:1] != ["Setup"]
            or summary.types[-1:] != ["EndBallots"]
            or set(summary.types[1:-1]) - {"Ballot"}
        ):
            raise UrnSetupError(
                f"contest {uuid}: the urn is not closed (Setup, ballots, EndBallots)"
            )
        if summary.ballots != item.ballots:
            raise UrnSetupError(
                f"contest {uuid}: {summary.ballots} ballots, the urn says {item.ballots}"
            )
        paths[uuid] = target
        ballots[uuid] = summary.ballots
    ctx.provide("urn_bels", paths)
    return Note(
        "Chaque urne commence par l'élection, les garants et les codes de vote scellés et se "
        "termine par la clôture ; "
        f"{count_fr(sum(ballots.values()), 'bulletin reçu', 'bulletins reçus')}.",
        f"Each urn starts with the sealed Setup and ends closed; {sum(ballots.values())} ballots.",
    )


BALLOT_INPUTS = (
    "archive.format",
    "archive.chain",
    "archive.events",
    "setup.election",
    "setup.supported",
    "setup.credentials",
    "ballots.valid",
    "ballots.unique",
)
"""The audit checks whose failure leaves a contest's ballot figures unestablished."""


def require_sealed_audits(
    ctx: ArchiveContext, bureau: BureauDefinition, audits: Mapping[str, VerificationReport]
) -> None:
    """:class:`PrerequisiteFailedError` if a contest's file holds another election than the
    sealed one (bel.N.contest): its figures are those of that other election."""
    sealed: Mapping[str, Election] | None = ctx.facts.get("elections")
    if sealed is None:
        return
    for number, contest in enumerate(bureau.contests, start=1):
        held = audits[contest.contest_uuid].details.get("fingerprint")
        election = sealed.get(contest.contest_uuid)
        if held is not None and election is not None and held != election.fingerprint:
            raise PrerequisiteFailedError(
                f"bel.{number}.contest",
                user_message=(
                    f"bel.{number}.contest (scrutin {number} « {contest.name} » : le fichier "
                    "ne contient pas l'élection scellée)"
                ),
            )


def require_ballots_read(
    ctx: ArchiveContext, bureau: BureauDefinition, audits: Mapping[str, VerificationReport]
) -> None:
    """:class:`PrerequisiteFailedError` naming the first audit check that left the figures open.

    A file holding another election, or an invalid, replayed or unread ballot,
    makes the counts of ballots, revotes and counted ballots say nothing about
    the émargements or the revote policy: the step that compares them is not
    run, rather than blaming them.
    """
    require_sealed_audits(ctx, bureau, audits)
    for number, contest in enumerate(bureau.contests, start=1):
        report = audits[contest.contest_uuid]
        for name in BALLOT_INPUTS:
            try:
                check = report.check(name)
            except KeyError:
                continue
            if check.outcome in {Outcome.FAILED, Outcome.SKIPPED}:
                raise PrerequisiteFailedError(
                    f"bel.{number}.{name}",
                    user_message=f"bel.{number}.{name} (scrutin {number} « {contest.name} »)",
                )
        if "tallied_ballots" not in report.details:
            raise PrerequisiteFailedError(
                f"bel.{number}.setup.election",
                user_message=f"bel.{number}.setup.election (scrutin {number} « {contest.name} »)",
            )


def parse_emargement(data: bytes) -> list[tuple[str, str, datetime]]:
    """(contest, voter, time) of each émargement; :class:`EmargementError` if malformed."""
    obj = parse_json_object(data, "émargement list")
    entries = obj.get("entries")
    if obj.get("format") != EMARGEMENT_FORMAT or not isinstance(entries, list):
        raise EmargementError(f"the émargement list is not a {EMARGEMENT_FORMAT} document")
    out = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(entry) != {"contest_uuid", "voter", "at"}:
            raise EmargementError(f"émargement entry {number} is malformed")
        contest, voter, at = entry["contest_uuid"], entry["voter"], entry["at"]
        if not isinstance(contest, str) or not isinstance(voter, str) or not isinstance(at, str):
            raise EmargementError(f"émargement entry {number} is malformed")
        try:
            moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
        except ValueError as e:
            raise EmargementError(f"émargement entry {number}: time {at!r} unreadable") from e
        if moment.tzinfo is None:
            raise EmargementError(f"émargement entry {number}: time without time zone")
        out.append((contest, voter, moment))
    return out


def verify_emargement(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    urn: VerifiedBundle[UrnPayload] = ctx.need("urn")
    audits: Mapping[str, VerificationReport] = ctx.need("audits")
    schedule = bureau.schedule
    end = schedule.closing + timedelta(minutes=schedule.grace_minutes)
    entries = parse_emargement(urn.bundle.files[urn.payload.emargement.path])
    voters: dict[str, set[str]] = {c.contest_uuid: set() for c in bureau.contests}
    outside = 0
    for uuid, voter, moment in entries:
        if uuid not in voters:
            raise EmargementError(f"émargement for contest {uuid}, not this bureau's")
        if voter in voters[uuid]:
            raise EmargementError(f"a voter is emarged twice in contest {uuid}")
        voters[uuid].add(voter)
        if not schedule.opening <= moment <= end:
            outside += 1
    if outside:
        raise EmargementError(
            f"{count_en(outside, 'vote', 'votes')} outside opening to closing plus "
            f"{schedule.grace_minutes} min"
        )
    statuses = ctx.need("statuses")
    if statuses[-1].emargement_count != len(entries):
        raise EmargementError(
            f"last status announced {statuses[-1].emargement_count} émargements, "
            f"the list has {len(entries)}"
        )
    require_ballots_read(ctx, bureau, audits)
    journal = (state.urn or {}).get("contests", {})
    for contest in bureau.contests:
        uuid = contest.contest_uuid
        counted = audits[uuid].details.get("tallied_ballots")
        emarged = len(voters[uuid])
        if emarged != counted:
            raise EmargementError(
                f"contest {uuid}: {count_en(emarged, 'émargement', 'émargements')} for "
                f"{count_en(int(counted or 0), 'counted ballot', 'counted ballots')}"
            )
        recorded = journal.get(uuid, {})
        if recorded.get("emargements") != emarged or recorded.get("num_tallied") != counted:
            raise EmargementError(f"contest {uuid}: figures differ from the journal's urn check")
    return Note(
        f"{count_fr(len(entries), 'émargement', 'émargements')}, entre l’ouverture et la "
        "clôture plus "
        f"{schedule.grace_minutes} min de délai de grâce ; un par bulletin compté dans chaque "
        "scrutin.",
        f"{len(entries)} émargements within opening and closing plus grace; one per counted "
        "ballot.",
    )


# 12 -- every scrutin's .bel, audited once -------------------------------------
def _with_progress(
    verifier: BallotVerifier, say: Callable[[str], None], label: str
) -> BallotVerifier:
    def verify(
        election: Election, credentials: CredentialList, ballots: Iterable[bytes]
    ) -> Iterator[BallotOutcome]:
        count = 0
        for outcome in verifier(election, credentials, ballots):
            count += 1
            if count % PROGRESS_EVERY == 0:
                say(f"{label} : {count} bulletins vérifiés")
            yield outcome
        say(f"{label} : {count_fr(count, 'bulletin vérifié', 'bulletins vérifiés')}")

    return verify


def default_audit(
    path: Path, previous: Path | None, verifier: BallotVerifier
) -> VerificationReport:
    """The Belenios audit of one `.bel` (§3.5), against the urn it must prolong."""
    return verify_belenios(path, previous=previous, ballot_verifier=verifier)


def audit_contests(ctx: ArchiveContext, builder: ReportBuilder) -> None:
    """Audit each final `.bel` in full (§3.5), once; its checks go into the report."""
    bureau: BureauDefinition = ctx.need("bureau")
    urn_bels: Mapping[str, Path] = ctx.facts.get("urn_bels", {})
    audits: dict[str, VerificationReport] = {}
    for number, contest in enumerate(bureau.contests, start=1):
        uuid = contest.contest_uuid
        label = f"Scrutin {number} ({contest.name})"
        ctx.progress(f"{label} : audit de l'archive {uuid}.bel")
        verifier = _with_progress(pooled_verifier(ctx.workers), ctx.progress, label)
        path = ctx.folder / f"{uuid}.bel"
        report = (ctx.belenios_audit or default_audit)(path, urn_bels.get(uuid), verifier)
        prefix = f"bel.{number}."
        file = f"{uuid}.bel"
        for check in report.checks:
            spec = CheckSpec(
                prefix + check.spec.name,
                f"Scrutin {number} « {contest.name} », fichier {file} — {check.spec.title_fr}",
                f"Contest {number} “{contest.name}”, file {file} — {check.spec.title_en}",
            )
            after = prefix + check.after if check.after else ""
            builder.results.append(replace(check, spec=spec, after=after))
        sealed: Mapping[str, Election] | None = ctx.facts.get("elections")
        _check_holds_contest(
            builder,
            prefix,
            (number, contest.name, file, uuid),
            report,
            bureau,
            None if sealed is None else sealed.get(uuid),
        )
        if uuid not in urn_bels:
            builder.skipped(
                CheckSpec(
                    prefix + "archive.previous_snapshot",
                    f"Scrutin {number} « {contest.name} », fichier {file} — l'archive finale "
                    "prolonge l'urne remise par la plateforme",
                    f"Contest {number}, file {file} — the final archive extends the platform's urn",
                ),
                "urn.setup",
                "l'urne remise par la plateforme n'a pas pu être lue (voir urn.setup)",
                "the platform's urn could not be read (see urn.setup)",
            )
        audits[uuid] = report
    ctx.provide("audits", audits)


class ContestFileMismatchError(CeremonyError):
    """A contest's `.bel` file holds another election than the contest's."""

    default_message = (
        "Le fichier d'archive Belenios de ce scrutin contient l'élection d'un autre scrutin "
        "(ou une élection inconnue) : les fichiers ont été échangés ou remplacés."
    )


def _check_holds_contest(
    builder: ReportBuilder,
    prefix: str,
    where: tuple[int, str, str, str],
    report: VerificationReport,
    bureau: BureauDefinition,
    sealed: Election | None,
) -> None:
    """Say which election a contest's file holds: the sealed one, by its fingerprint.

    A UUID and a name are chosen by whoever writes the file; only the
    fingerprint of the election sealed by the cards identifies it.
    """
    number, name, file, uuid = where
    spec = CheckSpec(
        prefix + "contest",
        f"Scrutin {number} « {name} » : le fichier {file} contient bien l'élection scellée de "
        "ce scrutin",
        f"Contest {number} “{name}”: file {file} holds this contest's sealed election",
    )
    held = report.details.get("uuid")
    if held is None:
        builder.skipped(spec, prefix + "setup.election")
        return
    if held != uuid:
        others = {c.contest_uuid: (i, c.name) for i, c in enumerate(bureau.contests, start=1)}
        where_fr = (
            f"qui est celle du scrutin {others[held][0]} « {others[held][1]} »"
            if held in others
            else "qui n'est celle d'aucun scrutin de ce bureau"
        )
        builder.failed(
            spec,
            ContestFileMismatchError(f"{file} holds election {held}, not {uuid}"),
            f"Le fichier {file} contient l'élection {held}, {where_fr}.",
        )
        return
    if sealed is None:
        builder.skipped(
            spec,
            "keys.elections",
            "l'élection scellée de ce scrutin n'a pas pu être établie (voir keys.elections) : "
            "son empreinte ne peut pas être comparée",
            "the sealed election could not be established (see keys.elections)",
        )
        return
    fingerprint = report.details.get("fingerprint")
    if fingerprint != sealed.fingerprint:
        builder.failed(
            spec,
            ContestFileMismatchError(
                f"{file} holds an election with UUID {held} and fingerprint {fingerprint} "
                f"(group {report.details.get('group', '?')}), the sealed one has fingerprint "
                f"{sealed.fingerprint} (group {sealed.group.name})",
                user_message=(
                    f"Le fichier {file} contient une élection de même identifiant {held}"
                    + (" et de même nom" if report.details.get("name") == sealed.name else "")
                    + f", mais ce n'est pas l'élection scellée : son empreinte est {fingerprint}, "
                    f"celle de l'élection scellée {sealed.fingerprint}."
                ),
            ),
        )
        return
    builder.results.append(
        CheckResult(
            spec,
            Outcome.PASSED,
            f"le fichier contient l'élection {held} (« {report.details.get('name')} »), "
            f"d'empreinte {fingerprint}, égale à celle du scellement",
            f"the file holds election {held}, fingerprint {fingerprint} as sealed",
        )
    )


# 13 -- count -------------------------------------------------------------------
def verify_count_archives(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    audits: Mapping[str, VerificationReport] = ctx.need("audits")
    ctx.need("urn_bels")
    count = state.count or {}
    partials: dict[str, dict[int, str]] = {}
    for contest in bureau.contests:
        uuid = contest.contest_uuid
        name = f"{uuid}.bel"
        audit = audits[uuid]
        if not audit.passed:
            failed = ", ".join(c.name for c in audit.failed_checks())
            raise CountArchiveError(f"{name}: the Belenios audit failed ({failed})")
        if audit.details.get("uuid") != uuid or not audit.details.get("tallied"):
            raise CountArchiveError(f"{name} is not the tallied archive of contest {uuid}")
        path = ctx.path(name)
        if sha256_file(path) != count.get("archives", {}).get(uuid):
            raise CountArchiveError(f"{name} is not the archive the count journaled")
        summary = scan_bel(path)
        if summary.setup != _sealed_setup(ctx, contest):
            raise CountArchiveError(f"{name}: Setup is not the sealed one")
        partials[uuid] = summary.partials
    ctx.provide("bel_partials", partials)
    return Note(
        "Chaque archive finale prolonge l'urne remise par la plateforme, porte le "
        "dépouillement vérifié et est celle enregistrée au journal.",
        "Each final archive extends the platform's urn, holds the verified tally, as journaled.",
    )


def verify_partial_decryptions(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    export: JournalExport = ctx.need("journal")
    bureau: BureauDefinition = ctx.need("bureau")
    ctx.need("seal")
    identities: Mapping[str, CardIdentity] = ctx.need("members")
    order: tuple[str, ...] = ctx.need("delegate_order")
    bel_partials: Mapping[str, Mapping[int, str]] = ctx.need("bel_partials")
    verified: VerifiedBundle[ResultsPayload] = ctx.need("results_bundle")
    present = members_of(ctx, last_entry(export, Action.COUNT_DONE))
    heads = [m for m in present if identities[m].role in {"president", "secretary"}]
    if not heads or len(present) - len(heads) < bureau.delegate_quorum:
        raise PartialDecryptionRecordError(f"the count was opened by {sorted(present)}: no quorum")
    journal = (state.count or {}).get("partials", {})
    by_uuid = {c.contest_uuid: c for c in verified.payload.contests}
    if set(by_uuid) != {c.contest_uuid for c in bureau.contests}:
        raise PartialDecryptionRecordError("the results bundle's contests are not the bureau's")
    for contest in bureau.contests:
        uuid = contest.contest_uuid
        in_bel = dict(bel_partials[uuid])
        published = {p.file.sha256: p.member_id for p in by_uuid[uuid].partial_decryptions}
        if set(published) != set(in_bel.values()):
            raise PartialDecryptionRecordError(
                f"contest {uuid}: partial decryptions differ from the .bel's"
            )
        for owner, digest in in_bel.items():
            member = published[digest]
            expected_role = {"president", "secretary"} if owner == 1 else {"delegate"}
            if owner > 1 and (owner - 2 >= len(order) or order[owner - 2] != member):
                raise PartialDecryptionRecordError(f"contest {uuid}: owner {owner} is not {member}")
            if member not in identities or identities[member].role not in expected_role:
                raise PartialDecryptionRecordError(f"contest {uuid}: owner {owner} is not {member}")
            if member not in present:
                raise PartialDecryptionRecordError(f"contest {uuid}: {member} was not at the count")
            if journal.get(uuid, {}).get(str(owner)) != digest:
                raise PartialDecryptionRecordError(
                    f"contest {uuid}: owner {owner} differs from the journal"
                )
    return Note(
        f"Déchiffrements partiels de {', '.join(sorted(present))} (présents au dépouillement), "
        "identiques à ceux des archives de l'élection ; paquet des résultats signé par le quorum.",
        f"Partial decryptions by {', '.join(sorted(present))}, equal to the archives'.",
    )


def parse_figures(data: bytes, what: str) -> tuple[ContestResult, ...]:
    obj = parse_json_object(data, what)
    contests = obj.get("contests")
    if obj.get("format") != RESULTS_FORMAT or not isinstance(contests, list):
        raise ResultRecordError(f"{what} is not a {RESULTS_FORMAT} document")
    try:
        return tuple(ContestResult.from_dict(c) for c in contests)
    except (KeyError, TypeError, ValueError, AttributeError, ZeroDivisionError) as e:
        raise MalformedContentError(f"{what}: {type(e).__name__}: {e}") from e


def verify_results(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    audits: Mapping[str, VerificationReport] = ctx.need("audits")
    results: VerifiedBundle[ResultsPayload] = ctx.need("results_bundle")
    data = ctx.read(RESULTS_JSON)
    count = state.count or {}
    if sha256_hex(data) != count.get("all_figures"):
        raise ResultRecordError("results.json is not the figures the count journaled")
    figures = parse_figures(data, RESULTS_JSON)
    by_id = {f.contest_id: f for f in figures}
    if len(by_id) != len(figures) or set(by_id) != {c.contest_uuid for c in bureau.contests}:
        raise ResultRecordError("results.json does not hold one result per contest")
    published = {c.contest_uuid: c for c in results.payload.contests}
    require_sealed_audits(ctx, bureau, audits)
    for contest in bureau.contests:
        uuid = contest.contest_uuid
        figure = by_id[uuid]
        audit = audits[uuid]
        if audit.result is None:
            number = bureau.contests.index(contest) + 1
            raise PrerequisiteFailedError(
                f"bel.{number}.tally.result",
                user_message=(
                    f"le résultat déchiffré du scrutin {number} « {contest.name} », que l'audit "
                    f"bel.{number}.* n'a pas établi"
                ),
            )
        row = audit.result[0]
        mine = [figure.blank, *(lst.votes for lst in figure.lists)]
        if mine != list(row) or figure.voters_cast != audit.details.get("tallied_ballots"):
            raise ResultRecordError(
                f"contest {uuid}: figures {mine} differ from the decrypted result {row}"
            )
        if count.get("results", {}).get(uuid) != mine:
            raise ResultRecordError(f"contest {uuid}: figures differ from the journal's count")
        if (
            figure.registered != contest.electors.count
            or figure.title != contest.name
            or [(lst.list_id, lst.name) for lst in figure.lists]
            != [(c.list_id, c.name) for c in contest.lists]
        ):
            raise ResultRecordError(
                f"contest {uuid}: electors, title or lists differ from the definition"
            )
        bundled = parse_figures(
            results.bundle.files[published[uuid].result.path], f"result of {uuid}"
        )
        if bundled != (figure,):
            raise ResultRecordError(
                f"contest {uuid}: the results bundle says otherwise than results.json"
            )
    ctx.provide("figures", figures)
    return Note(
        "Voix, blancs et votants de results.json et du paquet des résultats égaux au résultat "
        "déchiffré de chaque archive.",
        "Figures in results.json and the results bundle equal each archive's decrypted result.",
    )


def verify_seats(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    figures: tuple[ContestResult, ...] = ctx.need("figures")
    by_id = {f.contest_id: f for f in figures}
    lot_seed = (state.count or {}).get("lot_seed")
    lines = []
    for contest in bureau.contests:
        figure = by_id[contest.contest_uuid]
        if figure.allocation.lot_seed not in {None, lot_seed}:
            raise SeatsError(f"contest {contest.contest_uuid}: lot seed is not the journaled one")
        try:
            verify_contest_result(contest_definition(contest), figure)
        except (CeremonyError, ValueError, ArithmeticError) as e:
            raise SeatsError(f"contest {contest.contest_uuid}: {e}") from e
        seats = ", ".join(f"{lst.name} {lst.seats}" for lst in figure.lists if lst.seats)
        lines.append(f"{contest.name} : {seats}")
    return Note(
        "Sièges recalculés (quotient puis plus forte moyenne, règles de la définition) : "
        + " ; ".join(lines)
        + ".",
        "Seats recomputed from the votes and the definition's rules: equal.",
    )


# 14 -- procès-verbal -----------------------------------------------------------
def verify_pv_signatures(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    export: JournalExport = ctx.need("journal")
    bureau: BureauDefinition = ctx.need("bureau")
    identities: Mapping[str, CardIdentity] = ctx.need("members")
    results: VerifiedBundle[ResultsPayload] = ctx.need("results_bundle")
    pv = results.bundle.files[results.payload.pv.path]
    if state.pv is None or sha256_hex(pv) != state.pv.get("pdf"):
        raise PvSignatureError("the PV of the results bundle is not the one the journal drew")
    by_key = {identity.signature_key.key_id: m for m, identity in identities.items()}
    in_bundle = {by_key.get(s.key_id, "?") for s in results.payload.pv_signatures}
    for member, signed in state.pv_signatures.items():
        if member not in identities:
            raise PvSignatureError(f"{member} is not a member")
        try:
            signature = Signature.from_dict(dict(signed["signature"]))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise MalformedContentError(f"PV signature of {member}: {e}") from e
        verify_card_signature(identities[member].signature_key, pv, signature)
    if in_bundle != set(state.pv_signatures):
        raise PvSignatureError(
            f"the results bundle carries signatures of {sorted(in_bundle)}, the journal of "
            f"{sorted(state.pv_signatures)}"
        )
    present = members_of(ctx, last_entry(export, Action.COUNT_DONE))
    if missing := present - in_bundle:
        raise PvSignatureError(f"{sorted(missing)} were at the count but did not sign the PV")
    heads = [m for m in in_bundle if identities[m].role in {"president", "secretary"}]
    delegates = [m for m in in_bundle if identities[m].role == "delegate"]
    if not heads or len(delegates) < bureau.delegate_quorum:
        raise PvSignatureError("the PV is not signed by a quorum of the bureau")
    ctx.provide("pv", pv)
    ctx.provide("pv_signers", {m: identities[m].signature_key.key_id for m in in_bundle})
    return Note(
        f"Procès-verbal (SHA-256 {sha256_hex(pv)}) signé avec leurs cartes par "
        f"{', '.join(sorted(in_bundle))}, soit chacun des membres présents au dépouillement.",
        f"PV signed on their cards by {', '.join(sorted(in_bundle))}, every member at the count.",
    )


def _fingerprints(ctx: ArchiveContext) -> list[str]:
    elections: Mapping[str, Election] = ctx.need("elections")
    state: CeremonyState = ctx.need("state")
    archives = (state.count or {}).get("archives", {})
    return [
        str(ctx.need("seal_sha256")),
        *(e.fingerprint for e in elections.values()),
        *(str(archives.get(u, "")) for u in elections),
    ]


def verify_pv_content(ctx: ArchiveContext) -> StepResult:
    bureau: BureauDefinition = ctx.need("bureau")
    figures: tuple[ContestResult, ...] = ctx.need("figures")
    text = pdf_text(ctx.need("pv"), "the PV")
    lacking = missing_figures(text, figures)
    missing = missing_texts(text, [bureau.name, *_fingerprints(ctx)])
    if lacking or missing:
        raise _discrepancies(PvContentError, "du procès-verbal signé", lacking, missing)
    return Note(
        "Chaque chiffre de results.json (inscrits, votants, blancs, exprimés, voix, sièges) "
        "figure au procès-verbal, avec le nom du bureau et les empreintes du scellement, des "
        "élections et des archives.",
        "Every figure of results.json, the bureau's name and the fingerprints are in the PV.",
    )


def _discrepancies(
    kind: type[CeremonyError], what: str, lacking: list[str], missing: list[str]
) -> CeremonyError:
    """Every difference found, figures first, in French for the report."""
    parts: list[str] = []
    if lacking:
        parts.append(
            f"{count_fr(len(lacking), 'chiffre vérifié absent', 'chiffres vérifiés absents')} "
            f"{what} (autres chiffres ?) : " + " ; ".join(lacking[:5])
        )
    if missing:
        parts.append(f"mentions absentes {what} : " + " ; ".join(m[:70] for m in missing[:5]))
    return kind(
        f"{what}: figures not found {lacking[:5]}; texts not found {[m[:40] for m in missing]}",
        user_message=f"{kind.default_message} En cause : {' — '.join(parts)}.",
    )


def verify_signed_edition(ctx: ArchiveContext) -> StepResult:
    bureau: BureauDefinition = ctx.need("bureau")
    figures: tuple[ContestResult, ...] = ctx.need("figures")
    signers: Mapping[str, str] = ctx.need("pv_signers")
    pv_sha256 = sha256_hex(ctx.need("pv"))
    text = pdf_text(ctx.read(PV_FILE), PV_FILE)
    wanted = [f"Document signé : SHA-256 {pv_sha256}", bureau.name, *signers.values()]
    # Figures first: a forged edition with other figures is named as such, not as a lost hash.
    lacking = missing_figures(text, figures)
    missing = missing_texts(text, wanted)
    if lacking or missing:
        raise _discrepancies(SignedEditionError, f"de {PV_FILE}", lacking, missing)
    return Note(
        f"L'édition signée indique l'empreinte {short(pv_sha256)} du procès-verbal signé, "
        "la clé de chaque signataire et les mêmes chiffres.",
        "The signed edition states the signed PV's SHA-256, each signer's key and the figures.",
    )


def verify_handover(ctx: ArchiveContext) -> StepResult:
    bureau: BureauDefinition = ctx.need("bureau")
    identities: Mapping[str, CardIdentity] = ctx.need("members")
    text = pdf_text(ctx.read(HANDOVER_FILE), HANDOVER_FILE)
    if missing := missing_texts(text, [bureau.name, *(i.serial for i in identities.values())]):
        raise HandoverError(f"{HANDOVER_FILE} lacks {missing}")
    return Note(
        f"Les {len(identities)} cartes du bureau figurent sur la liste de remise des clés.",
        f"The {len(identities)} cards are on the key hand-over list.",
    )
