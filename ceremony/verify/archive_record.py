"""Archive verification, first half: the record up to the closing of the vote.

Steps: the archive index, the journal, the definition and the platform key,
the member cards, the seal's signatures, the key ceremony, the sealed
elections, the test vote, the seal manifest and software, the status and
decision bundles. Each function checks one thing, raises a named error, and
returns a short note of what it established (in French and English).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ceremony.bundles.importer import (
    ImportContext,
    StatusMark,
    VerifiedBundle,
    expect_payload,
    import_bundle_file,
    parse_payload,
    read_bundle_file,
)
from ceremony.bundles.keys import PublicKey
from ceremony.bundles.payloads.common import MemberKey
from ceremony.bundles.payloads.decision import DecisionPayload
from ceremony.bundles.payloads.definition import BureauDefinition, DefinitionPayload
from ceremony.bundles.payloads.seal import SealPayload, compute_sealed_contest
from ceremony.bundles.payloads.status import StatusPayload
from ceremony.cards.interface import CardIdentity
from ceremony.errors import CeremonyError
from ceremony.fingerprint import PREFIX, current_fingerprint
from ceremony.protocol.election import Election, HomomorphicQuestion
from ceremony.protocol.trustees import (
    PedersenTrustees,
    SingleTrustee,
    Trustees,
    compute_election_public_key,
    verify_trustees,
)
from ceremony.store.errors import JournalError
from ceremony.store.export import JournalExport, read_journal_export
from ceremony.store.journal import JournalEntry
from ceremony.store.verify import verify_chain
from ceremony.verify.archive_context import (
    INDEX_FILE,
    INDEX_FORMAT,
    JOURNAL_FILE,
    REPORT_FILES,
    ArchiveContext,
    check_name,
    parse_json_object,
    sha256_file,
)
from ceremony.verify.archive_errors import (
    ArchiveIndexError,
    DecisionRecordError,
    DefinitionRecordError,
    ExpertRecordError,
    JournalArchiveEntryError,
    JournalContentError,
    MalformedContentError,
    MemberCardError,
    PlatformKeyError,
    SealedElectionError,
    SealManifestError,
    SealSignatureError,
    SoftwareFingerprintError,
    StatusRecordError,
    TestVoteRecordError,
    TrusteesError,
    WorkstationKeyError,
)
from ceremony.verify.report import count_en, count_fr
from ceremony.workflow.phases import ORDER, Action, phase_of
from ceremony.workflow.state import CeremonyState, derive_state
from ceremony.workflow.testvote import expected_result

_HEX64 = re.compile(r"[0-9a-f]{64}")
SIMULATOR_SOFTWARE = "bureau-simulator"
"""Voting software of the platform simulator: only its elections may use training cards."""
ONCE = (
    Action.PLATFORM_KEY_CONFIRMED,
    Action.DEFINITION_IMPORTED,
    Action.KEYS_GENERATED,
    Action.TEST_VOTE_PASSED,
    Action.SEAL_EXPORTED,
    Action.URN_IMPORTED,
    Action.EXPERT_RECORDED,
    Action.COUNT_DONE,
    Action.PV_MADE,
    Action.RESULTS_EXPORTED,
    Action.ARCHIVE_EXPORTED,
)


@dataclass(frozen=True)
class Note:
    """What a passed step established, for the reader (French) and the log (English)."""

    fr: str
    en: str


@dataclass(frozen=True)
class NotApplicable:
    """The step has nothing to check in this archive (e.g. no decision was taken)."""

    fr: str
    en: str


StepResult = Note | NotApplicable | None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def short(key_id: str) -> str:
    """A key id cut for reading aloud: the full id is in the JSON report."""
    return f"{key_id[:16]}…"


ROLE_FR = {"president": "présidence", "secretary": "secrétariat", "delegate": "délégation de liste"}
"""Member roles as the French report names them."""


# 1 -- the archive index -------------------------------------------------------
def verify_index(ctx: ArchiveContext) -> StepResult:
    data = ctx.read(INDEX_FILE, 16 << 20)
    obj = parse_json_object(data, INDEX_FILE)
    files = obj.get("files")
    if (
        obj.get("format") != INDEX_FORMAT
        or not isinstance(files, dict)
        or set(obj)
        != {
            "files",
            "format",
        }
    ):
        raise ArchiveIndexError(f"{INDEX_FILE} is not a {INDEX_FORMAT} index")
    bad: list[str] = []
    for name, digest in sorted(files.items()):
        if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
            raise ArchiveIndexError(f"{name!r}: malformed SHA-256 in the index")
        check_name(name)
        if name in {INDEX_FILE, JOURNAL_FILE} | REPORT_FILES:
            raise ArchiveIndexError(f"{name}: the index may not list this file")
        if sha256_file(ctx.path(name)) != digest:
            bad.append(name)
    if bad:
        raise _index_mismatch(ctx, bad)
    ctx.provide("index", dict(files))
    ctx.provide("index_sha256", sha256_hex(data))
    return Note(
        f"{len(files)} fichiers conformes à leur empreinte SHA-256.",
        f"{len(files)} files match their SHA-256.",
    )


def _journaled_files(ctx: ArchiveContext) -> dict[str, str]:
    """The file hashes the journal's archive entry records, read only to name a cause."""
    try:
        export = read_journal_export(ctx.read(JOURNAL_FILE))
        files = last_entry(export, Action.ARCHIVE_EXPORTED).details.get("files")
    except (CeremonyError, AttributeError, KeyError, TypeError, ValueError, RecursionError):
        return {}
    return dict(files) if isinstance(files, dict) else {}


def _index_mismatch(ctx: ArchiveContext, bad: list[str]) -> ArchiveIndexError:
    """Name the culprit: the file, or archive.json itself when the file is the journaled one."""
    journaled = _journaled_files(ctx)
    index_altered = [n for n in bad if journaled.get(n) == sha256_file(ctx.path(n))]
    files_altered = [n for n in bad if n not in index_altered]
    parts: list[str] = []
    if files_altered:
        parts.append(
            (
                "fichier modifié ou remplacé"
                if len(files_altered) == 1
                else "fichiers modifiés ou remplacés"
            )
            + " depuis l’archivage : "
            + ", ".join(files_altered)
        )
    if index_altered:
        parts.append(
            f"c'est {INDEX_FILE} lui-même qui a été modifié : l'empreinte qu'il donne pour "
            + ", ".join(index_altered)
            + " ne correspond pas au fichier, qui est bien celui enregistré au journal"
        )
    return ArchiveIndexError(
        f"SHA-256 differs from the index for {', '.join(bad)}"
        + (f"; {INDEX_FILE} altered for {', '.join(index_altered)}" if index_altered else ""),
        user_message=ArchiveIndexError.default_message + " En cause : " + " ; ".join(parts) + ".",
    )


# 2 -- the journal -------------------------------------------------------------
def verify_journal(ctx: ArchiveContext) -> StepResult:
    data = ctx.read(JOURNAL_FILE)
    try:
        export = read_journal_export(data)
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError) as e:
        # The store's reader lets some malformed lines through as these (reported upstream).
        raise JournalContentError(f"journal unreadable: {type(e).__name__}: {e}") from e
    recorded = {key.public_key for key in export.keys}
    try:
        report = verify_chain(
            export.entries,
            export.checkpoints,
            known_public_keys=recorded,
            require_signed_head=True,
        )
    except JournalError as e:
        raise _named_journal_error(e, export) from e
    if not report.public_keys:
        raise WorkstationKeyError("no checkpoint signs the journal")
    counts: dict[str, int] = {}
    for entry in export.entries:
        if entry.action not in {a.value for a in Action}:
            raise JournalContentError(f"entry {entry.sequence}: unknown action {entry.action!r}")
        counts[entry.action] = counts.get(entry.action, 0) + 1
    # A mistyped platform fingerprint is corrected by confirming it again, before the
    # definition is imported (the engine allows it): the last confirmation is the one used.
    wrong = [
        a.value
        for a in ONCE
        if counts.get(a.value, 0) != 1
        and not (a is Action.PLATFORM_KEY_CONFIRMED and counts.get(a.value, 0) > 1)
    ]
    if wrong:
        raise JournalContentError(f"these steps must appear exactly once: {', '.join(wrong)}")
    actions = [e.action for e in export.entries]
    if max(i for i, a in enumerate(actions) if a == Action.PLATFORM_KEY_CONFIRMED) > actions.index(
        Action.DEFINITION_IMPORTED
    ):
        raise JournalContentError("the platform key was confirmed again after the definition")
    check_order(export.entries)
    try:
        state = derive_state(export.entries)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise JournalContentError(f"journal details unreadable: {type(e).__name__}: {e}") from e
    ctx.provide("journal", export)
    ctx.provide("state", state)
    ctx.provide("workstation_keys", report.public_keys)
    keys = ", ".join(report.public_keys)
    return Note(
        f"{count_fr(report.entries, 'entrée chaînée', 'entrées chaînées')}, "
        f"{count_fr(report.checkpoints, 'point de contrôle signé', 'points de contrôle signés')} "
        f"couvrant la dernière entrée. Clé du poste du bureau : {keys}.",
        f"{count_en(report.entries, 'chained entry', 'chained entries')}, "
        f"{count_en(report.checkpoints, 'signed checkpoint', 'signed checkpoints')} covering "
        f"the last entry. Workstation key: {keys}.",
    )


def _named_journal_error(error: JournalError, export: JournalExport) -> JournalError:
    """The same error, its French message naming the entry's neighbours and lost steps."""
    by_sequence = {e.sequence: e for e in export.entries}
    parts: list[str] = []
    if error.sequence is not None:
        before = by_sequence.get(error.sequence - 1)
        after = min((e for e in export.entries if e.sequence > error.sequence), default=None,
                    key=lambda e: e.sequence)  # fmt: skip
        where = [f"entrée n° {error.sequence}"]
        if before is not None:
            where.append(f"après « {before.action} » (n° {before.sequence})")
        if after is not None:
            where.append(f"avant « {after.action} » (n° {after.sequence})")
        parts.append(", ".join(where))
    counts: dict[str, int] = {}
    for entry in export.entries:
        counts[entry.action] = counts.get(entry.action, 0) + 1
    if lost := [a.value for a in ONCE if counts.get(a.value, 0) == 0]:
        parts.append(
            ("étape qui ne figure" if len(lost) == 1 else "étapes qui ne figurent")
            + " plus au journal : "
            + ", ".join(lost)
        )
    if not parts:
        return error
    return type(error)(
        error.technical,
        sequence=error.sequence,
        user_message=f"{error.user_message} En cause : {' ; '.join(parts)}.",
    )


def check_order(entries: tuple[JournalEntry, ...]) -> None:
    """Each entry in its action's phase, phases in the ceremony's order, time never back."""
    position = 0
    previous = None
    for entry in entries:
        phase = phase_of(entry.action, entry.phase)
        if entry.phase != phase.value:
            raise JournalContentError(
                f"entry {entry.sequence}: {entry.action} in phase {entry.phase}"
            )
        if ORDER.index(phase) < position:
            raise JournalContentError(
                f"entry {entry.sequence}: {entry.action} after a step of a later phase"
            )
        position = ORDER.index(phase)
        if previous is not None and entry.moment < previous:
            raise JournalContentError(f"entry {entry.sequence} is dated before the previous one")
        previous = entry.moment


def last_entry(export: JournalExport, action: Action) -> JournalEntry:
    for entry in reversed(export.entries):
        if entry.action == action:
            return entry
    raise JournalContentError(f"no {action.value} entry in the journal")


def members_of(ctx: ArchiveContext, entry: JournalEntry) -> set[str]:
    """The members who acted in ``entry`` (by the card serials it records)."""
    identities: Mapping[str, CardIdentity] = ctx.need("members")
    by_serial = {identity.serial: member for member, identity in identities.items()}
    out = set()
    for actor in entry.actors:
        if actor.card_serial not in by_serial:
            raise JournalContentError(
                f"entry {entry.sequence}: card {actor.card_serial} is no member's"
            )
        out.add(by_serial[actor.card_serial])
    return out


# 3 -- the journal's archive entry ---------------------------------------------
def verify_archive_entry(ctx: ArchiveContext) -> StepResult:
    index: dict[str, str] = ctx.need("index")
    export: JournalExport = ctx.need("journal")
    entry = last_entry(export, Action.ARCHIVE_EXPORTED)
    journaled = entry.details.get("files")
    expected = {**index, INDEX_FILE: ctx.need("index_sha256")}
    if journaled != expected:
        names = sorted(
            n
            for n in set(expected) | set(journaled if isinstance(journaled, dict) else {})
            if not isinstance(journaled, dict) or journaled.get(n) != expected.get(n)
        )
        raise JournalArchiveEntryError(f"journal entry {entry.sequence} differs on {names}")
    if entry.sequence != export.entries[-1].sequence:
        raise JournalArchiveEntryError("entries were added after the archive was exported")
    return Note(
        f"L'entrée n° {entry.sequence} du journal reprend l'empreinte de chaque fichier.",
        f"Journal entry {entry.sequence} carries the hash of every file.",
    )


# 4 -- definition and platform key ---------------------------------------------
DEFINITION_FILE = "bundles/definition.zip"


def verify_platform_key(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    path = ctx.path(DEFINITION_FILE)
    claimed = parse_payload(read_bundle_file(path, "definition"))
    if not isinstance(claimed, DefinitionPayload):
        raise PlatformKeyError("the definition bundle holds no definition")
    key = claimed.platform_key
    if key.key_id != state.platform_key_id:
        raise PlatformKeyError(
            f"definition names key {short(key.key_id)}, the bureau confirmed "
            f"{short(str(state.platform_key_id))}"
        )
    verified = import_bundle_file(path, "definition", ImportContext(platform_key=key))
    ctx.provide("definition_bundle", expect_payload(verified, DefinitionPayload))
    ctx.provide("platform_key", key)
    return Note(
        f"Signée par la clé de la plateforme d'empreinte {key.key_id}, confirmée en séance : "
        "comparez-la avec celle lue lors de la cérémonie.",
        f"Signed by the platform key {key.key_id}, confirmed in session: compare it with the "
        "one read out at the ceremony.",
    )


def verify_definition_record(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    verified: VerifiedBundle[DefinitionPayload] = ctx.need("definition_bundle")
    if sha256_file(ctx.path(DEFINITION_FILE)) != state.definition_blob:
        raise DefinitionRecordError("definition.zip is not the bundle the journal imported")
    if verified.manifest.bundle_id != state.definition_bundle_id:
        raise DefinitionRecordError("bundle id differs from the journal's")
    if state.bureau_id is None:
        raise JournalContentError("the journal names no bureau")
    bureau = verified.payload.bureau(state.bureau_id)
    if tuple(m.member_id for m in bureau.members) != state.expected_members:
        raise DefinitionRecordError("members differ from the journal's")
    ctx.provide("definition", verified.payload)
    ctx.provide("bureau", bureau)
    return Note(
        f"« {verified.payload.title} », bureau « {bureau.name} » : "
        f"{count_fr(len(bureau.contests), 'scrutin', 'scrutins')}, "
        f"{count_fr(len(bureau.members), 'membre', 'membres')}, quorum de "
        f"{count_fr(bureau.delegate_quorum, 'délégué', 'délégués')}.",
        f"{count_en(len(bureau.contests), 'contest', 'contests')}, "
        f"{count_en(len(bureau.members), 'member', 'members')}, delegate quorum "
        f"{bureau.delegate_quorum}.",
    )


# 5 -- member cards -----------------------------------------------------------
def verify_member_cards(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    definition: DefinitionPayload = ctx.need("definition")
    training_allowed = definition.voting_software.name == SIMULATOR_SOFTWARE
    identities: dict[str, CardIdentity] = {}
    for member in bureau.members:
        recorded = state.members.get(member.member_id)
        if recorded is None:
            raise MemberCardError(f"{member.member_id} has no registered card")
        try:
            identity = CardIdentity.from_dict(recorded)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise MalformedContentError(f"card of {member.member_id}: {e}") from e
        if identity.role != member.role or identity.bureau_id != bureau.bureau_id:
            raise MemberCardError(f"card of {member.member_id}: role or bureau differs")
        if identity.training and not training_allowed:
            raise MemberCardError(f"{member.member_id} used a training card in a real election")
        identities[member.member_id] = identity
    if extra := set(state.members) - set(identities):
        raise MemberCardError(f"cards registered for non-members {sorted(extra)}")
    if len({i.serial for i in identities.values()}) != len(identities) or len(
        {i.signature_key.key_id for i in identities.values()}
    ) != len(identities):
        raise MemberCardError("two members share a card or a key")
    keys = tuple(
        MemberKey(m, i.role, PublicKey(i.signature_key.algorithm, i.signature_key.public_bytes))
        for m, i in sorted(identities.items())
    )
    ctx.provide("members", identities)
    ctx.provide("member_keys", keys)
    training = any(i.training for i in identities.values())
    lines = "; ".join(
        f"{m} ({ROLE_FR.get(i.role, i.role)}) : carte {i.serial}, "
        f"clé {short(i.signature_key.key_id)}"
        for m, i in identities.items()
    )
    return Note(
        lines + (" — cartes d'entraînement (élection de démonstration)." if training else "."),
        f"{len(identities)} member cards"
        + (" (training cards, demo election)." if training else "."),
    )


def import_context(ctx: ArchiveContext, **changes: Any) -> ImportContext:
    """What is pinned for the bureau's bundles: platform key, member keys, contests, quorum."""
    bureau: BureauDefinition = ctx.need("bureau")
    context = ImportContext(
        bureau_id=bureau.bureau_id,
        platform_key=ctx.need("platform_key"),
        member_keys=ctx.need("member_keys"),
        delegate_quorum=bureau.delegate_quorum,
        contest_uuids=tuple(c.contest_uuid for c in bureau.contests),
        definition_bundle_id=ctx.need("definition_bundle").manifest.bundle_id,
    )
    return replace(context, **changes)


# 6 -- the seal's signatures ---------------------------------------------------
SEAL_FILE = "bundles/seal.zip"


def verify_seal_signatures(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    path = ctx.path(SEAL_FILE)
    verified = expect_payload(import_bundle_file(path, "seal", import_context(ctx)), SealPayload)
    signers = sorted(t.holder for t in verified.verification.signed)
    if signers != sorted(state.seal_signers):
        raise SealSignatureError(
            f"seal signed by {signers}, the journal recorded {sorted(state.seal_signers)}"
        )
    seal_sha256 = sha256_file(path)
    if not state.seal_exported or seal_sha256 != state.seal_blob:
        raise SealSignatureError("seal.zip is not the seal the journal exported")
    ctx.provide("seal", verified)
    ctx.provide("seal_sha256", seal_sha256)
    return Note(
        f"Signé par {', '.join(signers)} avec leurs cartes. Empreinte du scellement : "
        f"{seal_sha256}.",
        f"Signed by {', '.join(signers)} with their cards. Seal SHA-256: {seal_sha256}.",
    )


# 7 -- key ceremony ------------------------------------------------------------
def _seal_file(verified: VerifiedBundle[SealPayload], name: str) -> bytes:
    return verified.bundle.files[name]


def verify_trustees_record(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    keys = state.keys or {}
    data = _seal_file(seal, seal.payload.trustees.path)
    fingerprint = sha256_hex(data)
    if fingerprint != keys.get("election_key_fingerprint") or fingerprint != keys.get("trustees"):
        raise TrusteesError("sealed trustees differ from those of the key ceremony")
    first = seal.payload.contests[0]
    group = Election.from_bytes(_seal_file(seal, first.election.path)).group
    trustees = Trustees.from_bytes(group, data)
    verify_trustees(group, trustees)
    items = trustees.items
    if (
        len(items) != 2
        or not isinstance(items[0], SingleTrustee)
        or not isinstance(items[1], PedersenTrustees)
    ):
        raise TrusteesError("trustees are not [Single, Pedersen] (DESIGN.md §2)")
    parameters = items[1].parameters
    delegates = [m.member_id for m in bureau.members if m.role == "delegate"]
    order = list(keys.get("delegate_order", []))
    if parameters.threshold != bureau.delegate_quorum or len(parameters.certs) != len(delegates):
        raise TrusteesError(
            f"Pedersen {parameters.threshold} of {len(parameters.certs)}, expected "
            f"{bureau.delegate_quorum} of {len(delegates)}"
        )
    if sorted(order) != sorted(delegates) or len(order) != len(delegates):
        raise TrusteesError("the delegates' order of the key ceremony is not the bureau's")
    ctx.provide("group", group)
    ctx.provide("trustees", trustees)
    ctx.provide("trustees_sha256", fingerprint)
    ctx.provide("delegate_order", tuple(order))
    return Note(
        f"Clé de la présidence et parts de {len(delegates)} délégués (seuil "
        f"{parameters.threshold}) : preuves de possession et vérifications de Pedersen "
        f"valides. Empreinte de la clé du bureau : {fingerprint}.",
        f"Presidency key and {len(delegates)} delegate shares (threshold "
        f"{parameters.threshold}): proofs and Pedersen checks valid. Key fingerprint "
        f"{fingerprint}.",
    )


def verify_sealed_elections(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    trustees: Trustees = ctx.need("trustees")
    group = ctx.need("group")
    keys = state.keys or {}
    public_key = compute_election_public_key(group, trustees)
    sealed = {c.contest_uuid: c for c in seal.payload.contests}
    if set(sealed) != {c.contest_uuid for c in bureau.contests}:
        raise SealedElectionError("sealed contests are not the bureau's")
    elections: dict[str, Election] = {}
    raw: dict[str, bytes] = {}
    for contest in bureau.contests:
        uuid = contest.contest_uuid
        data = _seal_file(seal, sealed[uuid].election.path)
        election = Election.from_bytes(data)
        problems = []
        if election.uuid != uuid:
            problems.append("uuid")
        if election.fingerprint != sealed[uuid].election_fingerprint:
            problems.append("fingerprint")
        if keys.get("fingerprints", {}).get(uuid) != election.fingerprint:
            problems.append("journal fingerprint")
        if keys.get("elections", {}).get(uuid) != sha256_hex(data):
            problems.append("journal election blob")
        if election.public_key != public_key or election.group != group:
            problems.append("public key")
        question = election.questions[0] if len(election.questions) == 1 else None
        if (
            not isinstance(question, HomomorphicQuestion)
            or list(question.answers) != [c.name for c in contest.lists]
            or not question.blank_allowed
            or (question.min, question.max) != (1, 1)
        ):
            problems.append("question (lists in the drawn order, blank, exactly one)")
        if problems:
            raise SealedElectionError(f"contest {uuid}: {', '.join(problems)} differ")
        elections[uuid] = election
        raw[uuid] = data
    ctx.provide("elections", elections)
    ctx.provide("election_bytes", raw)
    return Note(
        "; ".join(
            f"{c.name} : empreinte {elections[c.contest_uuid].fingerprint}" for c in bureau.contests
        ),
        f"{len(elections)} elections match their contests.",
    )


# 8 -- test vote ---------------------------------------------------------------
TEST_VOTE_FORMAT = "bureau-test-vote/1"


def verify_test_vote(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    bureau: BureauDefinition = ctx.need("bureau")
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    identities: Mapping[str, CardIdentity] = ctx.need("members")
    test_vote = seal.payload.test_vote
    data = _seal_file(seal, test_vote.report.path)
    if not test_vote.passed or (state.test_vote or {}).get("report") != sha256_hex(data):
        raise TestVoteRecordError("the seal does not carry the journal's passed test vote")
    report = parse_json_object(data, "test vote report")
    contests = report.get("contests")
    if report.get("format") != TEST_VOTE_FORMAT or not isinstance(contests, list):
        raise TestVoteRecordError("test vote report has an unknown format")
    by_uuid = {c.get("contest_uuid"): c for c in contests if isinstance(c, dict)}
    for contest in bureau.contests:
        item = by_uuid.get(contest.contest_uuid)
        expected = expected_result(len(contest.lists))
        if (
            item is None
            or item.get("passed") is not True
            or item.get("expected") != expected
            or item.get("obtained") != expected
            or item.get("test_election_uuid") == contest.contest_uuid
        ):
            raise TestVoteRecordError(f"contest {contest.contest_uuid}: no passed test vote")
    if (state.test_vote or {}).get("contests") != len(bureau.contests):
        raise TestVoteRecordError("the journal's test vote does not cover every contest")
    used = report.get("trustees_used")
    if not isinstance(used, list) or not all(isinstance(u, dict) for u in used):
        raise TestVoteRecordError("the test vote names no key holders")
    roles = {str(u.get("member_id")): str(u.get("role")) for u in used}
    if any(m not in identities or identities[m].role != r for m, r in roles.items()):
        raise TestVoteRecordError("the test vote names cards that are not the members'")
    heads = [m for m, r in roles.items() if r in {"president", "secretary"}]
    delegates = [m for m, r in roles.items() if r == "delegate"]
    if not heads or len(delegates) < bureau.delegate_quorum:
        raise TestVoteRecordError("the test vote was not run by a quorum of cards")
    return Note(
        f"Réussi sur {count_fr(len(bureau.contests), 'scrutin', 'scrutins')} avec les cartes de "
        f"{', '.join(sorted(roles))} ; résultats obtenus égaux aux résultats attendus.",
        f"Passed on {count_en(len(bureau.contests), 'contest', 'contests')} with a quorum of "
        "cards.",
    )


# 9 -- seal manifest and software ----------------------------------------------
def verify_seal_manifest(ctx: ArchiveContext) -> StepResult:
    bureau: BureauDefinition = ctx.need("bureau")
    definition: DefinitionPayload = ctx.need("definition")
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    payload = seal.payload
    sealed = {c.contest_uuid: c for c in payload.contests}
    if set(sealed) != {c.contest_uuid for c in bureau.contests}:
        raise SealManifestError("sealed contests are not the bureau's")
    for contest in bureau.contests:
        found = sealed[contest.contest_uuid]
        again = compute_sealed_contest(contest, found.election, found.election_fingerprint)
        if again != found:
            fields = [k for k, v in again.to_dict().items() if found.to_dict().get(k) != v]
            raise SealManifestError(f"contest {contest.contest_uuid}: {fields} do not recompute")
    if payload.schedule != bureau.schedule:
        raise SealManifestError("sealed opening, closing or grace period differ")
    if payload.voting_software != definition.voting_software:
        raise SealManifestError("sealed voting software differs from the definition's")
    if payload.bureau_id != bureau.bureau_id:
        raise SealManifestError("the seal is for another bureau")
    return Note(
        "Listes (contenu et ordre tiré), électeurs, codes de vote, professions de foi, logos, "
        "horaires et logiciel de vote recalculés à partir de la définition : identiques.",
        "Lists, order, electors, credentials, manifestos, logos, times and voting software "
        "recomputed from the definition: equal.",
    )


def verify_software(ctx: ArchiveContext) -> StepResult:
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    software = seal.payload.bureau_software
    if software.name != "bureau" or not _HEX64.fullmatch(software.sha256):
        raise SoftwareFingerprintError(f"sealed software {software.name!r} is not Bureau's")
    try:
        running = current_fingerprint().value.removeprefix(PREFIX)
    except CeremonyError:
        running = ""
    same = running == software.sha256
    return Note(
        f"Logiciel scellé : Bureau {software.version}, empreinte {PREFIX}{software.sha256} "
        + (
            "(identique au logiciel qui vérifie)."
            if same
            else "(le logiciel qui vérifie est une autre version : comparez avec l'empreinte "
            "publiée de la version scellée)."
        ),
        f"Sealed software: Bureau {software.version}, {PREFIX}{software.sha256} "
        + ("(same as the verifier)." if same else "(the verifier is another version)."),
    )


# 10 -- status and decision bundles --------------------------------------------
def verify_statuses(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    seal: VerifiedBundle[SealPayload] = ctx.need("seal")
    bureau: BureauDefinition = ctx.need("bureau")
    if not state.statuses:
        raise StatusRecordError("the journal records no status of the vote")
    seen = {ctx.need("definition_bundle").manifest.bundle_id, seal.manifest.bundle_id}
    context = import_context(
        ctx,
        election_fingerprints=seal.payload.election_fingerprints(),
        seen_bundle_ids=frozenset(seen),
    )
    payloads: list[StatusPayload] = []
    for entry in state.statuses:
        name = f"bundles/status-{entry.get('sequence')}.zip"
        path = ctx.path(name)
        if sha256_file(path) != entry.get("blob"):
            raise StatusRecordError(f"{name} is not the status the journal imported")
        verified = expect_payload(import_bundle_file(path, "status", context), StatusPayload)
        status = verified.payload
        if status.sequence != entry.get("sequence"):
            raise StatusRecordError(f"{name} carries status number {status.sequence}")
        context = replace(
            context,
            seen_bundle_ids=context.seen_bundle_ids | {verified.manifest.bundle_id},
            last_status=StatusMark(status.sequence, status.as_of),
        )
        payloads.append(status)
    first, last = payloads[0], payloads[-1]
    if first.emargement_count or any(p.ballots_cast for p in first.participation):
        raise StatusRecordError("the first status after sealing shows votes: the urn was not empty")
    sealed_software = seal.payload.voting_software.sha256
    for status in payloads:
        running = status.voting_software_sha256
        if running is not None and running != sealed_software:
            raise StatusRecordError(
                f"status {status.sequence}: voting software {running}, sealed {sealed_software}",
                user_message=(
                    f"L’état n° {status.sequence} du vote indique un logiciel de vote en service "
                    "qui n’est pas celui qui a été expertisé et scellé (empreintes différentes) "
                    "(art. 15)."
                ),
            )
    software = (
        " ; logiciel de vote en service identique au logiciel scellé"
        if first.voting_software_sha256 is not None
        else " ; la plateforme n’a pas transmis l’empreinte du logiciel en service"
    )
    if last.state != "closed":
        raise StatusRecordError(f"the last status says the vote is {last.state}, not closed")
    registered = {c.contest_uuid: c.electors.count for c in bureau.contests}
    for status in payloads:
        if {p.contest_uuid: p.registered for p in status.participation} != registered:
            raise StatusRecordError(f"status {status.sequence}: registered electors differ")
    ctx.provide("statuses", tuple(payloads))
    return Note(
        f"{count_fr(len(payloads), 'état du vote signé', 'états du vote signés')} par la "
        "plateforme, dans l’ordre : urne vide à l’ouverture, vote clos au dernier "
        f"({count_fr(last.emargement_count, 'émargement', 'émargements')}){software}.",
        f"{count_en(len(payloads), 'status bundle', 'status bundles')} signed by the platform, "
        "in order: empty at opening, "
        f"closed at the last ({last.emargement_count} émargements).",
    )


def verify_decisions(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    names = [f"bundles/decision-{n}.zip" for n in range(1, len(state.decisions) + 1)]
    on_disk = sorted(n for n in ctx.files_on_disk() if n.startswith("bundles/decision-"))
    if names != sorted(on_disk, key=lambda n: (len(n), n)):
        raise DecisionRecordError(f"decision files {on_disk} are not the journal's")
    if not names:
        return NotApplicable(
            "aucune décision de suspension, reprise ou arrêt n'a été prise",
            "no suspend, resume or stop decision was taken",
        )
    context = import_context(ctx)
    for name, entry in zip(names, state.decisions, strict=True):
        path = ctx.path(name)
        if sha256_file(path) != entry.get("blob"):
            raise DecisionRecordError(f"{name} is not the decision the journal exported")
        verified = expect_payload(import_bundle_file(path, "decision", context), DecisionPayload)
        decision = verified.payload
        if decision.decision != entry.get("decision") or decision.reason != entry.get("reason"):
            raise DecisionRecordError(f"{name} says otherwise than the journal")
        if not decision.authorisation:
            raise DecisionRecordError(
                f"{name}: {decision.decision} without the director general's authorisation",
                user_message=(
                    f"La décision {name} ({decision.decision}) ne porte pas la référence de "
                    "l’autorisation du directeur général de l’organisateur : le bureau ne "
                    "suspend, ne reprend ni n’arrête le vote sans elle (art. 19)."
                ),
            )
    return Note(
        f"{count_fr(len(names), 'décision signée', 'décisions signées')} par la présidence, "
        f"{'conforme' if len(names) < 2 else 'conformes'} au journal, "
        f"{'avec' if len(names) < 2 else 'chacune avec'} la référence de l’autorisation du "
        "directeur général.",
        f"{count_en(len(names), 'decision', 'decisions')} signed by the presidency, as journaled, "
        "each with the director general's authorisation reference.",
    )


# 11 -- the expert's conclusion -------------------------------------------------
def verify_expert(ctx: ArchiveContext) -> StepResult:
    state: CeremonyState = ctx.need("state")
    expert = state.expert or {}
    name, conclusion = expert.get("expert"), expert.get("conclusion")
    if not isinstance(name, str) or not isinstance(conclusion, str) or not name.strip():
        raise ExpertRecordError("the journal records no expert conclusion")
    if expert.get("no_alteration") is not True:
        raise ExpertRecordError("the expert did not conclude that nothing was altered")
    return Note(
        f"{name} : « {conclusion} »",
        f"{name} concluded that nothing was altered.",
    )
