"""The audit of Belenios public data (spec §3.5), one streamed pass.

:func:`audit_archive` runs every check of §3.5.1 (during the vote) and §3.5.2
(after the tally) on a `.bel` file and returns an :class:`AuditOutcome`: each
check by name, in order, with the named error that made it fail, plus what
the audit computed (the encrypted tally of last(B), the result).

Ballots are streamed from the archive and each is verified exactly once
(through ``ballot_verifier``, sequential by default, a process pool for large
urns); the encrypted tally is accumulated from the verified ballots and never
re-verified. A revote is handled by dividing the superseded ballot back out,
re-reading only that ballot's ciphertexts (already verified) at the end.
"""

from __future__ import annotations

import hashlib
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ceremony.errors import CeremonyError
from ceremony.protocol.archive import (
    ArchiveChainError,
    ArchiveError,
    ArchiveMissingDataError,
    ResolvedEvent,
    iter_events,
    iter_records,
)
from ceremony.protocol.ballot import Ballot, verify_ballot
from ceremony.protocol.credcert import check_credentials_certificate
from ceremony.protocol.credentials import CredentialList
from ceremony.protocol.decryption import (
    ElectionResult,
    InvalidPartialDecryptionError,
    OwnedPartialDecryption,
    PartialDecryption,
    combine_factors,
    select_partial_decryptions,
    verify_result,
)
from ceremony.protocol.election import Election, HomomorphicQuestion
from ceremony.protocol.elgamal import Ciphertext
from ceremony.protocol.errors import MalformedDataError, ProtocolError
from ceremony.protocol.fastverify import BallotOutcome, load_credentials
from ceremony.protocol.hashing import sha256_b64
from ceremony.protocol.lists import as_lists_question, question_size
from ceremony.protocol.pool import verify_ballots
from ceremony.protocol.serialization import loads, require_canonical
from ceremony.protocol.tally import (
    EncryptedTally,
    SizedEncryptedTally,
    TallyAccumulator,
    verify_encrypted_tally,
)
from ceremony.protocol.trustees import (
    Trustees,
    compute_election_public_key,
    verify_trustees,
)
from ceremony.protocol.version import record_format


class Check(StrEnum):
    """The named checks of the audit, in the order they are reported (§3.5)."""

    ARCHIVE_FORMAT = "archive.format"
    ARCHIVE_CHAIN = "archive.chain"
    ARCHIVE_EVENTS = "archive.events"
    SNAPSHOT = "archive.previous_snapshot"
    SETUP_ELECTION = "setup.election"
    SETUP_SUPPORTED = "setup.supported"
    SETUP_TRUSTEES = "setup.trustees"
    SETUP_PUBLIC_KEY = "setup.public_key"
    SETUP_CREDENTIALS = "setup.credentials"
    BALLOTS_VALID = "ballots.valid"
    BALLOTS_UNIQUE = "ballots.unique"
    TALLY_ENCRYPTED = "tally.encrypted_tally"
    TALLY_PARTIAL_DECRYPTIONS = "tally.partial_decryptions"
    TALLY_RESULT = "tally.result"


class AuditError(ProtocolError):
    """Base of the audit's own named errors (§3.5)."""

    default_message = "L'audit des données publiques de l'élection a échoué."


class EventOrderError(AuditError):
    """Events are not in the order §4.4 allows (e.g. a ballot after EndBallots)."""

    default_message = (
        "Les événements de l'archive ne sont pas dans l'ordre prévu : l'archive est "
        "altérée ou incomplète."
    )


class ElectionKeyMismatchError(AuditError):
    """The election public key is not the product of the trustees' sub-keys (§3.1.1)."""

    default_message = (
        "La clé publique de l'élection ne correspond pas aux clés des garants : "
        "l'élection ne peut pas être déchiffrée par le bureau."
    )


class DuplicateBallotError(AuditError):
    """The same ballot appears twice in B (a replayed ballot)."""

    default_message = "Un même bulletin figure deux fois dans l'urne : il a été rejoué."


class InvalidBallotsError(AuditError):
    """At least one ballot of B fails its checks (§3.5.1 step 1)."""

    default_message = (
        "Au moins un bulletin de l'urne est invalide (preuve, signature, code de vote "
        "ou poids) : l'urne a été altérée."
    )


class SnapshotMismatchError(AuditError):
    """The previously recorded board is not a prefix of this one (§3.5.1 step 2)."""

    default_message = (
        "L'urne ne prolonge pas la copie enregistrée précédemment : des événements ont "
        "été retirés ou modifiés depuis."
    )


class MissingSetupError(AuditError):
    """The record holds no Setup event: there is no election to verify (§4.4)."""

    default_message = (
        "L'archive ne contient aucune élection (pas d'événement Setup) : il n'y a rien à "
        "vérifier ; demandez l'archive complète à la plateforme."
    )


class UnsupportedRecordError(AuditError):
    """The record uses what this verifier does not check (mix-nets, non-homomorphic questions)."""

    default_message = (
        "Cette élection utilise un mécanisme que ce vérificateur ne contrôle pas (question "
        "non homomorphe ou mélange de bulletins) : elle n'est PAS vérifiée ici ; faites-la "
        "vérifier par un autre outil."
    )


class CheckNotRunError(AuditError):
    """A check the record calls for did not run, and no earlier failure explains it."""

    default_message = (
        "Une vérification que l'archive appelle n'a pas pu être faite : le contenu n'est pas "
        "vérifié, il ne peut donc pas être déclaré conforme."
    )


class NotTalliedError(AuditError):
    """A tally-phase datum is missing where the events say it should be."""

    default_message = "Le dépouillement publié est incomplet."


BallotVerifier = Callable[[Election, CredentialList, Iterable[bytes]], Iterator[BallotOutcome]]
"""Verifies a stream of ballots in order, each exactly once, with their choices (§3.5.1)."""


def pooled_verifier(workers: int | None = None) -> BallotVerifier:
    """``pool.verify_ballots`` on ``workers`` processes as a :data:`BallotVerifier` (§3.5.1).

    Workers are forked from a single-threaded process only; from a process
    running threads (the GUI verifies on a worker thread) they are spawned,
    since forking a threaded process can deadlock the child.
    """

    def verify(
        election: Election, credentials: CredentialList, ballots: Iterable[bytes]
    ) -> Iterator[BallotOutcome]:
        context = None if threading.active_count() == 1 else "spawn"
        return verify_ballots(
            election, credentials, ballots, workers=workers, with_choices=True, mp_context=context
        )

    return verify


def sequential_verifier(
    election: Election, credentials: CredentialList, ballots: Iterable[bytes]
) -> Iterator[BallotOutcome]:
    """A :data:`BallotVerifier` in this process with plain powers (§3.5.1).

    For small urns: the pool's fixed-base tables cost about a second to
    build, more than verifying a few dozen ballots directly.
    """
    for index, data in enumerate(ballots):
        tracker = sha256_b64(bytes(data))
        credential: str | None = None
        try:
            ballot = Ballot.from_bytes(data, election)
            credential = str(ballot.credential)
            weight = verify_ballot(election, ballot, credentials)
        except ProtocolError as e:
            check = getattr(e, "check", None)
            yield BallotOutcome(
                index, False, tracker, credential, None, check, type(e).__name__, e.technical
            )
            continue
        choices = tuple(
            tuple((int(c.alpha), int(c.beta)) for c in a.choices) for a in ballot.answers
        )
        yield BallotOutcome(index, True, tracker, credential, weight, choices=choices)


SMALL_ARCHIVE_BYTES = 256 * 1024
"""Below this size (about twenty ballots) the audit verifies ballots in-process."""


def default_verifier(path: Path, workers: int | None) -> BallotVerifier:
    """In-process for a small archive, else the streaming pool (§3.5.1 step 1)."""
    if path.stat().st_size < SMALL_ARCHIVE_BYTES:
        return sequential_verifier
    return pooled_verifier(workers)


NOT_TALLIED = "not tallied"
NOT_PUBLISHED = "not published yet"
NOT_RUN = "not run"
SKIPPED = "skipped"

# What each check builds on: when one of these failed, the check is skipped
# (and says which), never passed. Archive format and chain come before all.
PREREQUISITES: dict[Check, tuple[Check, ...]] = {
    Check.ARCHIVE_CHAIN: (Check.ARCHIVE_FORMAT,),
    Check.ARCHIVE_EVENTS: (Check.ARCHIVE_FORMAT, Check.ARCHIVE_CHAIN),
    Check.SETUP_SUPPORTED: (Check.SETUP_ELECTION,),
    Check.SETUP_TRUSTEES: (Check.SETUP_ELECTION,),
    Check.SETUP_PUBLIC_KEY: (Check.SETUP_ELECTION, Check.SETUP_TRUSTEES),
    Check.SETUP_CREDENTIALS: (Check.SETUP_ELECTION,),
    Check.BALLOTS_VALID: (Check.SETUP_ELECTION, Check.SETUP_SUPPORTED, Check.SETUP_CREDENTIALS),
    Check.BALLOTS_UNIQUE: (Check.SETUP_ELECTION, Check.SETUP_SUPPORTED, Check.SETUP_CREDENTIALS),
    Check.TALLY_ENCRYPTED: (
        Check.SETUP_ELECTION,
        Check.SETUP_SUPPORTED,
        Check.SETUP_CREDENTIALS,
    ),
    Check.TALLY_PARTIAL_DECRYPTIONS: (
        Check.SETUP_SUPPORTED,
        Check.TALLY_ENCRYPTED,
        Check.SETUP_TRUSTEES,
    ),
    Check.TALLY_RESULT: (
        Check.SETUP_SUPPORTED,
        Check.TALLY_PARTIAL_DECRYPTIONS,
        Check.TALLY_ENCRYPTED,
    ),
}
_ALWAYS_FIRST = (Check.ARCHIVE_FORMAT, Check.ARCHIVE_CHAIN)


@dataclass(frozen=True)
class CheckOutcome:
    """One check: passed (``error`` None, ``ran``), failed (``error``), or not run.

    A check that did not run is either not applicable to the record's stage
    (``note`` says which: not tallied, not published yet) or skipped because
    ``skipped_because`` failed; a check that could not run for no such
    reason carries a :class:`CheckNotRunError` and counts as failed.
    """

    check: Check
    ran: bool
    error: CeremonyError | None = None
    note: str = ""
    skipped_because: Check | None = None


@dataclass(frozen=True)
class AuditOutcome:
    """Every check in order and what the audit computed (§3.5)."""

    checks: tuple[CheckOutcome, ...]
    election: Election | None = None
    num_ballots: int = 0
    num_tallied: int = 0
    num_replaced: int = 0
    """Valid ballots superseded by a later ballot of the same voter (revotes)."""
    encrypted_tally: EncryptedTally | None = None
    total_weight: int = 0
    result: ElectionResult | None = None
    tallied: bool = False
    last_event_hash: str | None = None
    last_height: int = -1
    fingerprints: dict[str, str] = field(default_factory=dict)
    invalid_ballots: tuple[BallotOutcome, ...] = ()

    @property
    def passed(self) -> bool:
        """Every check the record calls for ran and passed (the others only by its stage)."""
        return bool(self.checks) and all(
            c.error is None and c.skipped_because is None and (c.ran or c.note != NOT_RUN)
            for c in self.checks
        )

    @property
    def stage(self) -> str:
        """``"setup"`` (no election), ``"open"`` (voting, not tallied), ``"tallied"``."""
        if self.election is None:
            return "setup"
        return "tallied" if self.tallied else "open"


_ORDER = {
    "Setup": 0,
    "Ballot": 1,
    "EndBallots": 2,
    "EncryptedTally": 3,
    "Shuffle": 4,
    "EndShuffles": 5,
    "PartialDecryption": 6,
    "Result": 7,
}
_REPEATABLE = {"Ballot", "Shuffle", "PartialDecryption"}


@dataclass
class _State:
    """Mutable state of one audit pass."""

    path: Path
    results: dict[Check, CheckOutcome] = field(default_factory=dict)
    election: Election | None = None
    trustees: Trustees | None = None
    credentials: CredentialList | None = None
    stage: int = -1
    seen_types: set[str] = field(default_factory=set)
    post_ballot: list[ResolvedEvent] = field(default_factory=list)
    num_ballots: int = 0
    num_replaced: int = 0
    last_event_hash: str | None = None
    last_height: int = -1
    snapshot: tuple[str, int] | None = None  # (hash, height) of the previous board's last event
    fingerprints: dict[str, str] = field(default_factory=dict)
    invalid_ballots: tuple[BallotOutcome, ...] = ()

    def fail(self, check: Check, error: CeremonyError) -> None:
        if check not in self.results or self.results[check].error is None:
            self.results[check] = CheckOutcome(check, True, error)

    def ok(self, check: Check, note: str = "") -> None:
        if check not in self.results:
            self.results[check] = CheckOutcome(check, True, None, note)

    def not_yet(self, check: Check) -> None:
        if check not in self.results:
            self.results[check] = CheckOutcome(check, False, None, NOT_PUBLISHED)

    def failed(self, check: Check) -> bool:
        outcome = self.results.get(check)
        return outcome is not None and outcome.error is not None


def _check_order(state: _State, resolved: ResolvedEvent) -> None:
    kind = resolved.event.type
    stage = _ORDER[kind]
    if stage < state.stage or (stage == state.stage and kind not in _REPEATABLE):
        raise EventOrderError(f"{kind} event at height {resolved.event.height} is out of order")
    if kind != "Setup" and state.stage < 0:
        raise EventOrderError("the first event is not Setup")
    if kind in ("EncryptedTally",) and "EndBallots" not in state.seen_types:
        raise EventOrderError("EncryptedTally without EndBallots")
    if kind in ("PartialDecryption", "Result") and "EncryptedTally" not in state.seen_types:
        raise EventOrderError(f"{kind} without EncryptedTally")
    state.stage = stage
    state.seen_types.add(kind)


def _load_setup(state: _State, resolved: ResolvedEvent) -> None:
    try:
        election = Election.from_bytes(resolved.nested["election"])
    except CeremonyError as e:
        state.fail(Check.SETUP_ELECTION, e)
        return
    state.ok(Check.SETUP_ELECTION)
    state.election = election
    unsupported = [
        i + 1
        for i, q in enumerate(election.questions)
        if not isinstance(q, HomomorphicQuestion) and as_lists_question(q) is None
    ]
    if unsupported:
        # Readable and possibly valid, but not checked by us: say so by name.
        state.fail(
            Check.SETUP_SUPPORTED,
            UnsupportedRecordError(
                f"question(s) {unsupported} are non-homomorphic (mix-net tally): "
                "not verified by this verifier"
            ),
        )
    # Human-readable hashes to compare with what the trustees and the credential
    # authority were shown (§3.5.2, last paragraph; §4.15 H_JSON).
    state.fingerprints = {
        "election": election.fingerprint,
        "trustees": sha256_b64(resolved.nested["trustees"]),
        "public_credentials": sha256_b64(resolved.nested["credentials"]),
    }
    group = election.group
    try:
        trustees = Trustees.from_bytes(group, resolved.nested["trustees"])
        # One datum, one spelling (§4.1): an extra field or a re-spelt key would
        # otherwise pass unseen, since the hash covers whatever bytes were published.
        require_canonical(resolved.nested["trustees"], trustees.to_json(), "trustees")
        fmt = verify_trustees(group, trustees)
        state.trustees = trustees
        state.ok(Check.SETUP_TRUSTEES, f"Belenios {record_format(election, fmt)}")
    except CeremonyError as e:
        state.fail(Check.SETUP_TRUSTEES, e)
    if state.trustees is not None:
        if compute_election_public_key(group, state.trustees) == election.public_key:
            state.ok(Check.SETUP_PUBLIC_KEY)
        else:
            state.fail(
                Check.SETUP_PUBLIC_KEY,
                ElectionKeyMismatchError("election public_key is not the product of sub-keys"),
            )
    try:
        # Batched subgroup test of L (fastverify states its error bound).
        credentials = load_credentials(group, resolved.nested["credentials"])
        require_canonical(
            resolved.nested["credentials"],
            [entry.to_str() for entry in credentials],
            "public credentials",
        )
        state.credentials = credentials
        note = f"{len(state.credentials)}"
        if "credentials_certificate" in resolved.nested:  # Belenios 3.2+, optional
            signed = check_credentials_certificate(
                group,
                resolved.nested["credentials_certificate"],
                election.uuid,
                resolved.nested["credentials"],
            )
            note += "; credentials certificate " + ("signed" if signed else "unsigned")
        state.ok(Check.SETUP_CREDENTIALS, note)
    except CeremonyError as e:
        state.fail(Check.SETUP_CREDENTIALS, e)


def _events(state: _State) -> Iterator[ResolvedEvent]:
    """The chain, with archive-level failures recorded instead of raised."""
    try:
        for resolved in iter_events(iter_records(state.path)):
            state.last_event_hash = resolved.hash
            state.last_height = resolved.event.height
            if state.snapshot is not None and resolved.event.height == state.snapshot[1]:
                _compare_snapshot(state, resolved.hash)
            yield resolved
    except (ArchiveChainError, ArchiveMissingDataError) as e:
        state.ok(Check.ARCHIVE_FORMAT)
        state.fail(Check.ARCHIVE_CHAIN, e)
    except ArchiveError as e:
        state.fail(Check.ARCHIVE_FORMAT, e)
    except MalformedDataError as e:
        state.fail(Check.ARCHIVE_FORMAT, e)


def _ballot_payloads(
    state: _State, events: Iterator[ResolvedEvent], hashes: deque[str]
) -> Iterator[bytes]:
    """Ballot payloads in order; later events are kept aside (there are few)."""
    for resolved in events:
        try:
            _check_order(state, resolved)
        except EventOrderError as e:
            state.fail(Check.ARCHIVE_EVENTS, e)
        if resolved.event.type == "Ballot" and resolved.payload is not None:
            state.num_ballots += 1
            hashes.append(resolved.event.payload or resolved.hash)
            yield resolved.payload
        elif resolved.event.type == "Setup":
            state.fail(Check.ARCHIVE_EVENTS, EventOrderError("a second Setup event"))
        else:
            if resolved.event.type in ("Shuffle", "EndShuffles"):
                state.fail(
                    Check.SETUP_SUPPORTED,
                    UnsupportedRecordError(
                        f"{resolved.event.type} event at height {resolved.event.height}: "
                        "mix-nets are not verified by this verifier"
                    ),
                )
            state.post_ballot.append(resolved)


INVALID_SAMPLE = 20
"""How many invalid ballots the outcome lists (the count is always exact)."""


def _short(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


class _BallotLedger:
    """What last(B) and the replay check need, in 16-byte digests (§4.15).

    Per voter: the last ballot's hash and weight; per ballot: a short digest to
    spot replays; only the first invalid ballot is kept. Superseded ballots
    (revotes) are listed to be divided back out of the tally.
    """

    def __init__(self) -> None:
        self._last: dict[bytes, tuple[str, int]] = {}
        self._seen: set[bytes] = set()
        self.superseded: dict[str, int] = {}
        self.replaced = 0
        self.valid_count = 0
        self.invalid_count = 0
        self.first_invalid: BallotOutcome | None = None
        self.invalid_sample: list[BallotOutcome] = []

    def first_time(self, digest: str) -> bool:
        short = bytes.fromhex(digest)[:16]
        if short in self._seen:
            return False
        self._seen.add(short)
        return True

    def invalid(self, verdict: BallotOutcome) -> None:
        self.invalid_count += 1
        self.first_invalid = self.first_invalid or verdict
        if len(self.invalid_sample) < INVALID_SAMPLE:
            self.invalid_sample.append(verdict)

    def cast(self, credential: str, digest: str, weight: int) -> None:
        self.valid_count += 1
        key = _short(credential)
        previous = self._last.get(key)
        if previous is not None:
            self.superseded[previous[0]] = previous[1]
            self.replaced += 1
        self._last[key] = (digest, weight)


def _choices(ballot: Ballot) -> list[list[Ciphertext]]:
    return [list(answer.choices) for answer in ballot.answers]


def _reread_superseded(
    state: _State, election: Election, wanted: dict[str, int]
) -> Iterator[tuple[Ballot, int]]:
    """Superseded ballots, re-read (not re-verified) from the archive to undo them."""
    for resolved in iter_events(iter_records(state.path)):
        payload_hash = resolved.event.payload
        if resolved.event.type == "Ballot" and payload_hash in wanted and resolved.payload:
            weight = wanted.pop(payload_hash)
            # Already verified in the main pass, elements included.
            yield Ballot.from_bytes(resolved.payload, election, check_elements=False), weight
            if not wanted:
                return


def audit_archive(
    path: Path,
    *,
    previous: Path | None = None,
    ballot_verifier: BallotVerifier | None = None,
    workers: int | None = None,
) -> AuditOutcome:
    """Run every check of §3.5.1 and §3.5.2 on the archive at ``path``.

    With ``previous`` (an earlier recorded copy of the same board), also check
    that nothing was removed since (§3.5.1 step 2). Ballots are verified by
    ``ballot_verifier``, by default a pool of ``workers`` processes (all cores)
    unless the archive is small (:func:`default_verifier`).
    """
    verifier = ballot_verifier or default_verifier(path, workers)
    state = _State(path)
    if previous is not None:
        _read_snapshot(state, previous)
    events = _events(state)
    first = next(events, None)
    if first is not None:
        try:
            _check_order(state, first)
        except EventOrderError as e:
            state.fail(Check.ARCHIVE_EVENTS, e)
        if first.event.type == "Setup":
            _load_setup(state, first)
    if first is None and not state.failed(Check.ARCHIVE_FORMAT):
        state.fail(
            Check.ARCHIVE_EVENTS, EventOrderError("the archive has no event (§4.4: Setup first)")
        )
    if (first is None or first.event.type != "Setup") and not state.failed(Check.ARCHIVE_FORMAT):
        state.fail(
            Check.SETUP_ELECTION,
            MissingSetupError(
                "setup data are missing: "
                + ("the archive has no event" if first is None else "the first event is not Setup")
            ),
        )
    election, credentials = state.election, state.credentials
    acc: TallyAccumulator | None = None
    if election is not None and credentials is not None and not state.failed(Check.SETUP_SUPPORTED):
        shape = [question_size(q) for q in election.questions]
        acc = TallyAccumulator(election.group, shape)
        hashes: deque[str] = deque()
        ledger = _BallotLedger()
        payloads = _ballot_payloads(state, events, hashes)
        for verdict in verifier(election, credentials, payloads):
            digest = hashes.popleft()
            if not ledger.first_time(digest):
                state.fail(
                    Check.BALLOTS_UNIQUE, DuplicateBallotError(f"ballot {digest} appears twice")
                )
                continue
            if not verdict.ok or verdict.choices is None or verdict.weight is None:
                ledger.invalid(verdict)
                continue
            ledger.cast(verdict.credential or "", digest, verdict.weight)
            choices = [[Ciphertext(a, b) for a, b in row] for row in verdict.choices]
            acc.add(choices, verdict.weight)
        bad = ledger.first_invalid
        if bad is not None:
            state.fail(
                Check.BALLOTS_VALID,
                InvalidBallotsError(
                    f"{ledger.invalid_count} invalid ballot(s); first: ballot {bad.index + 1} "
                    f"(tracker {bad.tracker}), check {bad.check}, {bad.error}: {bad.reason}"
                ),
            )
        else:
            state.ok(Check.BALLOTS_VALID, str(ledger.valid_count))
        state.invalid_ballots = tuple(ledger.invalid_sample)
        state.num_replaced = ledger.replaced
        state.ok(Check.BALLOTS_UNIQUE)
        if ledger.superseded and not state.failed(Check.ARCHIVE_CHAIN):
            for ballot, weight in _reread_superseded(state, election, dict(ledger.superseded)):
                acc.remove(_choices(ballot), weight)
    else:
        for _ in _ballot_payloads(state, events, deque()):
            pass
    for _ in events:  # drain: records archive-level failures after the ballots
        pass
    if not state.failed(Check.ARCHIVE_FORMAT):
        state.ok(Check.ARCHIVE_FORMAT)
    if not state.failed(Check.ARCHIVE_FORMAT) and not state.failed(Check.ARCHIVE_CHAIN):
        state.ok(Check.ARCHIVE_CHAIN)
    if first is not None and not state.failed(Check.ARCHIVE_CHAIN):
        state.ok(Check.ARCHIVE_EVENTS)
    if election is not None:
        state.ok(Check.SETUP_SUPPORTED)
    tally, result, tallied = _audit_tally(state, acc)
    _finish_snapshot(state)
    return AuditOutcome(
        checks=_ordered(state, previous is not None, tallied),
        election=election,
        num_ballots=state.num_ballots,
        num_tallied=acc.num_tallied if acc else 0,
        num_replaced=state.num_replaced,
        encrypted_tally=tally,
        total_weight=acc.total_weight if acc else 0,
        result=result,
        tallied=tallied,
        last_event_hash=state.last_event_hash,
        last_height=state.last_height,
        fingerprints=dict(state.fingerprints),
        invalid_ballots=state.invalid_ballots,
    )


def _audit_tally(
    state: _State, acc: TallyAccumulator | None
) -> tuple[EncryptedTally | None, ElectionResult | None, bool]:
    election, trustees = state.election, state.trustees
    by_type: dict[str, list[ResolvedEvent]] = {}
    for resolved in state.post_ballot:
        by_type.setdefault(resolved.event.type, []).append(resolved)
    if "EncryptedTally" not in by_type:
        return (acc.result() if acc else None), None, False
    if election is None or acc is None:
        return None, None, True  # skipped: the setup check that failed is named
    group = election.group
    expected = acc.result()
    event = by_type["EncryptedTally"][0]
    try:
        sized = SizedEncryptedTally.from_bytes(event.payload or b"")
        published = EncryptedTally.from_bytes(group, event.nested["encrypted_tally"])
        require_canonical(event.nested["encrypted_tally"], published.to_json(), "encrypted tally")
        verify_encrypted_tally(expected, acc.num_tallied, acc.total_weight, published, sized)
        state.ok(Check.TALLY_ENCRYPTED)
    except CeremonyError as e:
        state.fail(Check.TALLY_ENCRYPTED, e)
        published = expected
    if state.failed(Check.TALLY_ENCRYPTED) or trustees is None:
        return published, None, True
    if "Shuffle" in by_type or "EndShuffles" in by_type:
        return published, None, True  # setup.supported failed: decryptions of shuffles unchecked
    slots = {s.owner: s.key.public_key for s in trustees.slots()}
    partials: dict[int, PartialDecryption] = {}
    for resolved in by_type.get("PartialDecryption", []):
        try:
            owned = OwnedPartialDecryption.from_dict(loads(resolved.payload or b""))
            if owned.owner not in slots:
                raise InvalidPartialDecryptionError(f"unknown owner {owned.owner}")
            if owned.owner in partials:
                raise InvalidPartialDecryptionError(f"second decryption by owner {owned.owner}")
            body = resolved.nested["payload"]
            partial = PartialDecryption.from_dict(group, loads(body))
            require_canonical(body, partial.to_dict(), "partial decryption")
            partials[owned.owner] = partial
        except CeremonyError as e:
            state.fail(Check.TALLY_PARTIAL_DECRYPTIONS, e)
    # Belenios 3.3: invalid decryptions are set aside while the valid ones of their
    # Pedersen item meet its threshold (decryption.select_partial_decryptions).
    note = ""
    try:
        selection = select_partial_decryptions(
            group, election.fingerprint, published.ciphertexts, trustees, partials
        )
        partials = selection.valid
        if selection.tolerated:
            owners = ", ".join(str(o) for o in sorted(selection.tolerated))
            note = f"; invalid, set aside (threshold met): {owners}"
    except CeremonyError as e:
        state.fail(Check.TALLY_PARTIAL_DECRYPTIONS, e)
    if "PartialDecryption" in by_type:
        state.ok(Check.TALLY_PARTIAL_DECRYPTIONS, f"{len(partials)}{note}")
    else:
        state.not_yet(Check.TALLY_PARTIAL_DECRYPTIONS)
    results = by_type.get("Result", [])
    if not results:
        state.not_yet(Check.TALLY_RESULT)
        return published, None, True
    try:
        payload = results[0].payload or b""
        result = ElectionResult.from_dict(loads(payload))
        require_canonical(payload, result.to_dict(), "result")
        factors = combine_factors(group, trustees, partials, published.shape)
        verify_result(group, published.ciphertexts, factors, result, acc.total_weight)
        state.ok(Check.TALLY_RESULT)
        return published, result, True
    except CeremonyError as e:
        state.fail(Check.TALLY_RESULT, e)
        return published, None, True


def _read_snapshot(state: _State, previous: Path) -> None:
    """The last event of the previously recorded board (§3.5.1 step 2)."""
    try:
        last: tuple[str, int] | None = None
        for resolved in iter_events(iter_records(previous)):
            last = (resolved.hash, resolved.event.height)
        if last is None:
            raise SnapshotMismatchError("the previous snapshot has no event")
        state.snapshot = last
    except SnapshotMismatchError as e:
        state.fail(Check.SNAPSHOT, e)
    except ArchiveError as e:
        state.fail(Check.SNAPSHOT, SnapshotMismatchError(f"unreadable: {e.technical}"))


def _compare_snapshot(state: _State, event_hash: str) -> None:
    # The chain makes the event at that height commit to everything before it.
    assert state.snapshot is not None
    if event_hash == state.snapshot[0]:
        state.ok(Check.SNAPSHOT)
    else:
        state.fail(
            Check.SNAPSHOT,
            SnapshotMismatchError(
                f"event at height {state.snapshot[1]} differs from the previous snapshot"
            ),
        )


def _finish_snapshot(state: _State) -> None:
    if state.snapshot is not None and Check.SNAPSHOT not in state.results:
        state.fail(
            Check.SNAPSHOT,
            SnapshotMismatchError(
                f"the previous snapshot reaches height {state.snapshot[1]}, "
                f"this board stops at {state.last_height}"
            ),
        )


def _ordered(state: _State, with_snapshot: bool, tallied: bool) -> tuple[CheckOutcome, ...]:
    out: list[CheckOutcome] = []
    for check in Check:
        if check is Check.SNAPSHOT and not with_snapshot:
            continue
        outcome = state.results.get(check)
        if outcome is None:
            outcome = _not_run(state, check, tallied, out)
        out.append(outcome)
    return tuple(out)


def _not_run(
    state: _State, check: Check, tallied: bool, before: list[CheckOutcome]
) -> CheckOutcome:
    """Why ``check`` did not run: an earlier failure, the record's stage, or nothing (a failure)."""
    for prerequisite in _ALWAYS_FIRST + PREREQUISITES.get(check, ()):
        if prerequisite is not check and state.failed(prerequisite):
            return CheckOutcome(check, False, None, SKIPPED, prerequisite)
    for earlier in before:
        if earlier.skipped_because is not None and earlier.check in PREREQUISITES.get(check, ()):
            return CheckOutcome(check, False, None, SKIPPED, earlier.skipped_because)
    if check.value.startswith("tally.") and not tallied:
        return CheckOutcome(check, False, None, NOT_TALLIED)
    return CheckOutcome(
        check, False, CheckNotRunError(f"{check.value} did not run and no earlier check failed")
    )
