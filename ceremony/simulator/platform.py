"""The voting-platform simulator (DESIGN.md §4): the other end of the bundles.

It plays the organiser and the voting platform for dry runs, training, tests
and benchmarks: it signs a definition, takes the bureau's seal and checks it,
opens the vote, casts voters' ballots (blank votes and revotes included, in
parallel on all cores), keeps the émargement list, closes at the set hour with
the grace period, and exports status and urn bundles signed with its key.
Everything derives from a seed, so a rerun produces the same bundles.

Faults can be injected for tests (:class:`Faults`). The simulator is never
part of a real election: its definitions name the voting software
``bureau-simulator``, and only such definitions accept training cards.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ceremony.bundles.envelope import Bundle, sign_bundle
from ceremony.bundles.importer import ImportContext, expect_payload, import_bundle
from ceremony.bundles.keys import Ed25519Signer
from ceremony.bundles.payloads.common import FileRef, Intervention
from ceremony.bundles.payloads.definition import BureauDefinition, DefinitionPayload
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.payloads.status import Participation, StatusPayload
from ceremony.bundles.payloads.urn import ClosedContest, UrnPayload
from ceremony.bundles.types import make_typed_bundle
from ceremony.protocol.archive import ArchiveHeader, PendingEvent, write_archive
from ceremony.protocol.ballot import make_ballot
from ceremony.protocol.credentials import (
    derive_public_credential,
    make_credential,
    make_credential_list,
)
from ceremony.protocol.election import Election
from ceremony.protocol.group import BELENIOS_2048
from ceremony.protocol.serialization import dumps
from ceremony.simulator.description import ContestPlan, build_definition, load_description
from ceremony.workflow.urn import EMARGEMENT_FORMAT


@dataclass(frozen=True)
class Faults:
    """Faults the simulator can inject into its urn and status bundles."""

    late_ballot: bool = False
    ballot_without_emargement: bool = False
    emargement_without_ballot: bool = False
    tampered_ballot: bool = False
    wrong_signature: bool = False
    votes_before_opening_status: bool = False


@dataclass
class Vote:
    voter: int
    choice: int | None
    at: datetime


@dataclass
class ContestVotes:
    plan: ContestPlan
    votes: list[Vote] = field(default_factory=list)


def _credential(seed: str, uuid: str, index: int) -> str:
    return make_credential(random.Random(f"{seed}:credential:{uuid}:{index}"))


def _public_credential(args: tuple[str, str, int]) -> int:
    seed, uuid, index = args
    return int(derive_public_credential(BELENIOS_2048, _credential(seed, uuid, index), uuid))


_ELECTION: Election | None = None


def _init_worker(election: bytes) -> None:
    global _ELECTION  # one parsed election per worker process
    _ELECTION = Election.from_bytes(election)


def _make_ballot(args: tuple[str, int, int | None, int, int]) -> bytes:
    seed, voter, choice, lists, index = args
    assert _ELECTION is not None
    row = [0] * (lists + 1)
    row[0 if choice is None else choice + 1] = 1
    credential = _credential(seed, _ELECTION.uuid, voter)
    rng = random.Random(f"{seed}:ballot:{_ELECTION.uuid}:{index}")
    return make_ballot(_ELECTION, credential, [row], rng).to_bytes()


class PlatformSimulator:
    """A deterministic voting platform for one election description."""

    def __init__(
        self,
        *,
        seed: str,
        ballots: int,
        bureau_id: str = "csn",
        description: dict[str, Any] | None = None,
        workers: int | None = None,
    ) -> None:
        self.seed = seed
        self.description = description or load_description()
        self.bureau_id = bureau_id
        self.ballots = ballots
        self.workers = workers or os.cpu_count() or 1
        key_seed = hashlib.sha256(f"{seed}:platform-key".encode()).digest()
        self.signer = Ed25519Signer.from_seed(key_seed)
        rng = random.Random(f"{seed}:definition")
        ballots_by_bureau = {b["bureau_id"]: ballots for b in self.description["bureaux"]}
        self.definition, self.files, self.plans = build_definition(
            self.description, self.signer.public_key, ballots_by_bureau, self._credentials, rng
        )
        self._definition_bundle: bytes | None = None

    # -- definition -------------------------------------------------------

    @property
    def platform_key_id(self) -> str:
        """The fingerprint the organiser reads out to the bureau, out of band."""
        return self.signer.key_id

    def _credentials(self, uuid: str, registered: int) -> bytes:
        jobs = [(self.seed, uuid, i) for i in range(registered)]
        with ProcessPoolExecutor(self.workers) as pool:
            public = list(pool.map(_public_credential, jobs, chunksize=256))
        return make_credential_list(BELENIOS_2048, public).to_json()

    def definition_bundle(self) -> bytes:
        if self._definition_bundle is None:
            bundle = make_typed_bundle(
                self.definition,
                self.files,
                now=self._opening() - timedelta(days=14),
                bundle_id=self._bundle_id("definition"),
            )
            self._definition_bundle = sign_bundle(bundle, self.signer).to_bytes()
        return self._definition_bundle

    def bureau(self) -> BureauDefinition:
        return self.definition.bureau(self.bureau_id)

    def _opening(self) -> datetime:
        return self.bureau().schedule.opening

    def _bundle_id(self, what: str) -> str:
        digest = hashlib.sha256(f"{self.seed}:bundle:{what}".encode()).hexdigest()
        return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-8{digest[17:20]}-{digest[20:32]}"

    # -- seal -------------------------------------------------------------

    def accept_seal(self, data: bytes) -> SealPayload:
        """The platform checks the seal against the member keys it carries."""
        bureau = self.bureau()
        first = import_bundle(
            data,
            "seal",
            ImportContext(
                bureau_id=bureau.bureau_id,
                platform_key=self.signer.public_key,
                delegate_quorum=bureau.delegate_quorum,
                contest_uuids=tuple(c.contest_uuid for c in bureau.contests),
                member_keys=_seal_member_keys(data),
            ),
        )
        return expect_payload(first, SealPayload).payload

    # -- voting -----------------------------------------------------------

    def cast_votes(self) -> list[ContestVotes]:
        """Who votes for what and when, deterministically (no ballot made yet)."""
        rng = random.Random(f"{self.seed}:votes:{self.bureau_id}")
        description = self.description
        bureau = self.bureau()
        schedule = bureau.schedule
        span = (schedule.closing - schedule.opening).total_seconds()
        shares = _split(self.ballots, [c.registered for c in self.plans[self.bureau_id]])
        weights = description.get("list_weights", {})
        blank_rate = float(description.get("blank_rate", 0.03))
        revote_rate = float(description.get("revote_rate", 0.02))
        out = []
        for plan, voters in zip(self.plans[self.bureau_id], shares, strict=True):
            record = ContestVotes(plan)
            list_weights = [float(weights.get(lid, 1.0)) for lid in plan.list_ids]
            chosen = rng.sample(range(plan.registered), min(voters, plan.registered))
            for voter in chosen:
                at = schedule.opening + timedelta(seconds=rng.uniform(0, span))
                choice = _choose(rng, list_weights, blank_rate)
                record.votes.append(Vote(voter, choice, at))
                if rng.random() < revote_rate:
                    later = at + timedelta(
                        seconds=rng.uniform(0, (schedule.closing - at).total_seconds())
                    )
                    record.votes.append(Vote(voter, _choose(rng, list_weights, blank_rate), later))
            record.votes.sort(key=lambda v: (v.at, v.voter))
            out.append(record)
        return out

    def status_bundle(
        self,
        sequence: int,
        state: str,
        as_of: datetime,
        votes: Sequence[ContestVotes] = (),
        interventions: Sequence[Intervention] = (),
    ) -> bytes:
        bureau = self.bureau()
        participation = []
        emarged = 0
        for contest in bureau.contests:
            record = next((v for v in votes if v.plan.contest_uuid == contest.contest_uuid), None)
            voters = {v.voter for v in record.votes if v.at <= as_of} if record else set()
            emarged += len(voters)
            participation.append(
                Participation(contest.contest_uuid, contest.electors.count, len(voters))
            )
        payload = StatusPayload(
            bureau.bureau_id,
            sequence,
            as_of,
            state,
            tuple(participation),
            emarged,
            tuple(interventions),
        )
        bundle = make_typed_bundle(
            payload,
            {},
            now=as_of,
            bundle_id=self._bundle_id(f"status-{sequence}-{as_of.isoformat()}-{state}"),
        )
        return sign_bundle(bundle, self.signer).to_bytes()

    def urn_bundle(
        self,
        seal: SealPayload,
        trustees: bytes,
        elections: dict[str, bytes],
        votes: Sequence[ContestVotes],
        faults: Faults = Faults(),
        interventions: Sequence[Intervention] = (),
    ) -> bytes:
        """Close the vote: one `.bel` per contest, the émargement list, signed by the platform."""
        bureau = self.bureau()
        schedule = bureau.schedule
        frozen_at = (schedule.closing + timedelta(minutes=schedule.grace_minutes)).astimezone(UTC)
        attachments: dict[str, bytes] = {}
        closed = []
        entries: list[dict[str, Any]] = []
        for record in votes:
            uuid = record.plan.contest_uuid
            election = elections[uuid]
            credentials = self.files[f"credentials-{uuid}.json"]
            ballots = self._ballots(election, record, len(record.plan.list_ids))
            if faults.tampered_ballot and ballots:
                ballots[0] = _tamper(ballots[0])
            archive = _write_bel(election, trustees, credentials, ballots, self._opening())
            name = f"{uuid}.bel"
            attachments[name] = archive
            fingerprint = seal.election_fingerprints()[uuid]
            closed.append(
                ClosedContest(
                    uuid,
                    FileRef.of(name, archive),
                    fingerprint,
                    schedule.closing,
                    frozen_at,
                    len(ballots),
                )
            )
            last_time: dict[int, datetime] = {}
            for vote in record.votes:
                last_time[vote.voter] = vote.at
            for voter, at in sorted(last_time.items()):
                entries.append(
                    {"contest_uuid": uuid, "voter": f"E{uuid}-{voter:07d}", "at": _utc(at)}
                )
        if faults.late_ballot and entries:
            late = schedule.closing + timedelta(minutes=schedule.grace_minutes + 5)
            entries[-1] = {**entries[-1], "at": _utc(late)}
        if faults.ballot_without_emargement and entries:
            entries.pop()
        if faults.emargement_without_ballot and entries:
            entries.append({**entries[0], "voter": f"E{entries[0]['contest_uuid']}-9999999"})
        emargement = json.dumps(
            {"format": EMARGEMENT_FORMAT, "entries": entries},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
        attachments["emargement.json"] = emargement
        payload = UrnPayload(
            bureau.bureau_id,
            tuple(closed),
            FileRef.of("emargement.json", emargement),
            tuple(interventions),
        )
        bundle = make_typed_bundle(
            payload, attachments, now=frozen_at, bundle_id=self._bundle_id("urn")
        )
        signer = self.signer
        if faults.wrong_signature:
            signer = Ed25519Signer.from_seed(hashlib.sha256(b"not the platform").digest())
        return sign_bundle(bundle, signer).to_bytes()

    def _ballots(self, election: bytes, record: ContestVotes, lists: int) -> list[bytes]:
        jobs = [(self.seed, v.voter, v.choice, lists, i) for i, v in enumerate(record.votes)]
        if not jobs:
            return []
        with ProcessPoolExecutor(
            self.workers, initializer=_init_worker, initargs=(election,)
        ) as pool:
            return list(pool.map(_make_ballot, jobs, chunksize=16))


def _seal_member_keys(data: bytes) -> tuple[Any, ...]:
    from ceremony.bundles.importer import parse_payload, read_bundle

    payload = parse_payload(read_bundle(data, "seal"))
    assert isinstance(payload, SealPayload)
    return payload.member_keys


def _split(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainder)."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    out = [int(r) for r in raw]
    for index in sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)[
        : total - sum(out)
    ]:
        out[index] += 1
    return out


def _choose(rng: random.Random, weights: Sequence[float], blank_rate: float) -> int | None:
    if rng.random() < blank_rate:
        return None
    return rng.choices(range(len(weights)), weights=weights)[0]


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _tamper(ballot: bytes) -> bytes:
    """Change one proof response of the ballot: its JSON stays valid, its proof does not."""
    obj = json.loads(ballot)
    proof = obj["answers"][0]["individual_proofs"][0][0]
    proof["response"] = str((int(proof["response"]) + 1) % BELENIOS_2048.q)
    return dumps(obj)


def _write_bel(
    election: bytes,
    trustees: bytes,
    credentials: bytes,
    ballots: Sequence[bytes],
    opening: datetime,
) -> bytes:
    setup = dumps(
        {
            "election": hashlib.sha256(election).hexdigest(),
            "trustees": hashlib.sha256(trustees).hexdigest(),
            "credentials": hashlib.sha256(credentials).hexdigest(),
        }
    )

    def events() -> Iterator[PendingEvent]:
        yield PendingEvent("Setup", (election, trustees, credentials, setup))
        for ballot in ballots:
            yield PendingEvent("Ballot", (ballot,))
        yield PendingEvent("EndBallots")

    with tempfile.TemporaryDirectory(prefix="bureau-sim-") as tmp:
        path = Path(tmp) / "urn.bel"
        write_archive(path, ArchiveHeader(1, int(opening.timestamp())), events())
        return path.read_bytes()


__all__ = ["Bundle", "DefinitionPayload", "Faults", "PlatformSimulator"]
