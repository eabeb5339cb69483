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
import random
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from ceremony.bundles.envelope import Bundle, sign_bundle, write_bundle_file
from ceremony.bundles.importer import ImportContext, expect_payload, import_bundle
from ceremony.bundles.keys import Ed25519Signer
from ceremony.bundles.payloads.common import Intervention
from ceremony.bundles.payloads.definition import BureauDefinition, DefinitionPayload
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.payloads.status import Participation, StatusPayload
from ceremony.bundles.payloads.urn import ClosedContest, UrnPayload
from ceremony.bundles.sources import DiskFiles
from ceremony.bundles.types import make_typed_bundle
from ceremony.simulator.ballots import (
    BallotFactory,
    BallotJob,
    make_public_credentials,
    workers_or_cores,
)
from ceremony.simulator.description import (
    ContestPlan,
    build_definition,
    description_group,
    load_description,
)
from ceremony.simulator.urn import EmargementEntry, tamper_ballot, write_bel, write_emargement

OTHER_BUREAU_BALLOTS: Final = 100
"""Expected ballots behind the electors of the bureaux the simulator does not run.

The definition describes every bureau of the description, but the simulator
plays the platform for one (``bureau_id``): the others get small electorates,
so a 100,000-ballot run derives credentials for one bureau only.
"""


@dataclass(frozen=True)
class Faults:
    """Faults the simulator can inject into its urn bundle.

    A replayed status needs no flag: :meth:`PlatformSimulator.status_bundle`
    is deterministic, so calling it again with the same arguments gives the
    same signed bundle (same bundle id), as a replay would.
    """

    late_ballot: bool = False
    """The last émargement entry is dated after closing plus the grace period."""
    ballot_without_emargement: bool = False
    """The last émargement entry is left out (its ballot stays in the urn)."""
    emargement_without_ballot: bool = False
    """An émargement entry for an elector who cast no ballot."""
    tampered_ballot: bool = False
    """One ballot (the first of the first contest with any) has a proof response changed."""
    wrong_signature: bool = False
    """The urn is signed by a key that is not the platform's."""


@dataclass
class Vote:
    voter: int
    choice: int | None
    at: datetime


@dataclass
class ContestVotes:
    plan: ContestPlan
    votes: list[Vote] = field(default_factory=list)


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
        group: str | None = None,
    ) -> None:
        self.seed = seed
        self.description = description or load_description()
        if group is not None:  # overrides the description's choice
            self.description = {**self.description, "group": group}
        self.group_name = description_group(self.description)
        self.bureau_id = bureau_id
        self.ballots = ballots
        self.workers = workers_or_cores(workers)
        key_seed = hashlib.sha256(f"{seed}:platform-key".encode()).digest()
        self.signer = Ed25519Signer.from_seed(key_seed)
        rng = random.Random(f"{seed}:definition")
        ballots_by_bureau = {
            b["bureau_id"]: ballots if b["bureau_id"] == bureau_id else OTHER_BUREAU_BALLOTS
            for b in self.description["bureaux"]
        }
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
        return make_public_credentials(self.seed, uuid, registered, self.workers, self.group_name)

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
        policies = {c.contest_uuid: c.revote_policy for c in bureau.contests}
        out = []
        for plan, voters in zip(self.plans[self.bureau_id], shares, strict=True):
            record = ContestVotes(plan)
            # A platform enforcing "none" refuses a second vote: the simulator casts none.
            contest_revote_rate = 0.0 if policies[plan.contest_uuid] == "none" else revote_rate
            list_weights = [float(weights.get(lid, 1.0)) for lid in plan.list_ids]
            chosen = rng.sample(range(plan.registered), min(voters, plan.registered))
            for voter in chosen:
                at = schedule.opening + timedelta(seconds=rng.uniform(0, span))
                choice = _choose(rng, list_weights, blank_rate)
                record.votes.append(Vote(voter, choice, at))
                if rng.random() < contest_revote_rate:
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
        signed_at: datetime | None = None,
        software_sha256: str | None = None,
    ) -> bytes:
        """Participation as of ``as_of``, signed by the platform (same arguments, same bytes).

        ``signed_at`` (default ``as_of``) crafts a bundle signed at another time (tests);
        ``software_sha256`` (default: the software the definition names) crafts a platform
        that runs other software."""
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
            software_sha256 or self.definition.voting_software.sha256,
        )
        bundle = make_typed_bundle(
            payload,
            {},
            now=as_of if signed_at is None else signed_at,
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
        """:meth:`urn_bundle_file` as bytes, for small urns (tests, short demos)."""
        with tempfile.TemporaryDirectory(prefix="bureau-sim-") as tmp:
            path = Path(tmp) / "urn.zip"
            self.urn_bundle_file(path, seal, trustees, elections, votes, faults, interventions)
            return path.read_bytes()

    def urn_bundle_file(
        self,
        path: Path,
        seal: SealPayload,
        trustees: bytes,
        elections: dict[str, bytes],
        votes: Sequence[ContestVotes],
        faults: Faults = Faults(),
        interventions: Sequence[Intervention] = (),
    ) -> Path:
        """Close the vote: one `.bel` per contest, the émargement list, signed by the platform.

        Ballots are made by a pool of ``workers`` processes and streamed into
        each contest's archive on disk; the bundle zip is written to ``path``
        (through a temporary file beside it). Memory stays flat in the number
        of ballots, apart from ``votes`` themselves.
        """
        bureau = self.bureau()
        schedule = bureau.schedule
        frozen_at = schedule_end(bureau).astimezone(UTC)
        fingerprints = seal.election_fingerprints()
        with tempfile.TemporaryDirectory(prefix=".urn-", dir=path.parent) as tmp:
            folder = Path(tmp)
            closed = []
            tamper = faults.tampered_ballot
            with BallotFactory(self.seed, elections, self.workers) as factory:
                for record in votes:
                    uuid = record.plan.contest_uuid
                    made = factory.ballots(uuid, len(record.plan.list_ids), _jobs(record))
                    if tamper and record.votes:
                        made, tamper = _tamper_first(made), False
                    ref, count = write_bel(
                        folder / f"{uuid}.bel",
                        elections[uuid],
                        trustees,
                        self.files[f"credentials-{uuid}.json"],
                        made,
                        self._opening(),
                    )
                    closed.append(
                        ClosedContest(
                            uuid, ref, fingerprints[uuid], schedule.closing, frozen_at, count
                        )
                    )
            emargement = write_emargement(
                folder / "emargement.json", _emargement(votes, schedule_end(bureau), faults)
            )
            payload = UrnPayload(bureau.bureau_id, tuple(closed), emargement, tuple(interventions))
            files = DiskFiles({ref.path: folder / ref.path for ref in payload.file_refs()})
            bundle = make_typed_bundle(
                payload, files, now=frozen_at, bundle_id=self._bundle_id("urn")
            )
            signer = self.signer
            if faults.wrong_signature:
                signer = Ed25519Signer.from_seed(hashlib.sha256(b"not the platform").digest())
            partial = folder / "urn.zip"
            write_bundle_file(sign_bundle(bundle, signer), partial)
            partial.replace(path)
        return path


def schedule_end(bureau: BureauDefinition) -> datetime:
    """Closing time plus the grace period: no ballot may be later."""
    schedule = bureau.schedule
    return schedule.closing + timedelta(minutes=schedule.grace_minutes)


def _jobs(record: ContestVotes) -> Iterator[BallotJob]:
    for number, vote in enumerate(record.votes):
        yield vote.voter, vote.choice, number


def _tamper_first(ballots: Iterator[bytes]) -> Iterator[bytes]:
    for index, ballot in enumerate(ballots):
        yield tamper_ballot(ballot) if index == 0 else ballot


def _emargement(
    votes: Sequence[ContestVotes], end: datetime, faults: Faults
) -> Iterator[EmargementEntry]:
    """One entry per voter and contest (time of the last ballot), with the faults asked for.

    Faults touch the last entry (late, or missing) and add one for a voter
    who never voted, as the tests of the bureau expect.
    """
    first: EmargementEntry | None = None
    pending: EmargementEntry | None = None
    for record in votes:
        uuid = record.plan.contest_uuid
        last_time: dict[int, datetime] = {}
        for vote in record.votes:
            last_time[vote.voter] = vote.at
        for voter, at in sorted(last_time.items()):
            if pending is not None:
                yield pending
            pending = (uuid, voter, at)
            first = first or pending
    if pending is not None and not faults.ballot_without_emargement:
        if faults.late_ballot:
            pending = (pending[0], pending[1], end + timedelta(minutes=5))
        yield pending
    if faults.emargement_without_ballot and first is not None:
        yield (first[0], GHOST_VOTER, first[2])


GHOST_VOTER: Final = 9_999_999
"""The voter index of the émargement entry without a ballot (never a real elector)."""


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


__all__ = ["Bundle", "DefinitionPayload", "Faults", "PlatformSimulator"]
