"""The seal bundle's payload, ``seal.json`` (bureau → platform).

The seal manifest fixes everything the bureau sealed in public session
(DESIGN.md §1): per contest, the hash of each candidate list and of the whole
ordered sequence, the electors list hash and count, the public credentials,
manifestos and logos; the times; the voting software fingerprint and our own;
the trustees structure and every contest's ``election.json`` (attached, opaque
Belenios JSON); the member card keys (so the platform can verify decisions and
results); and the test-vote outcome with its report (attached).

List hashes are SHA-256 of the RFC 8785 bytes of the list as the definition
writes it (:func:`compute_sealed_contest` derives them from a definition).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Final

from ceremony.bundles.canonical import canonical_bytes
from ceremony.bundles.errors import PayloadSchemaError
from ceremony.bundles.payloads.common import (
    FileRef,
    MemberKey,
    SoftwareFingerprint,
    reader,
)
from ceremony.bundles.payloads.definition import Contest, Schedule
from ceremony.bundles.schema import FINGERPRINT_RE, ID_RE, SHA256_RE, UUID_RE, Reader, unique

PAYLOAD_NAME: Final = "seal.json"


def _optional_sha(r: Reader, key: str) -> str | None:
    return None if r.data.get(key) is None else r.text(key, pattern=SHA256_RE)


@dataclass(frozen=True)
class SealedList:
    list_id: str
    sha256: str
    manifesto_sha256: str | None
    logo_sha256: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_id": self.list_id,
            "logo_sha256": self.logo_sha256,
            "manifesto_sha256": self.manifesto_sha256,
            "sha256": self.sha256,
        }

    @classmethod
    def from_reader(cls, r: Reader) -> SealedList:
        r.keys({"list_id", "logo_sha256", "manifesto_sha256", "sha256"})
        return cls(
            r.text("list_id", pattern=ID_RE),
            r.text("sha256", pattern=SHA256_RE),
            _optional_sha(r, "manifesto_sha256"),
            _optional_sha(r, "logo_sha256"),
        )


@dataclass(frozen=True)
class SealedContest:
    contest_uuid: str
    election: FileRef
    election_fingerprint: str
    lists: tuple[SealedList, ...]
    """In the drawn order."""
    lists_sha256: str
    """SHA-256 of the canonical ordered sequence of lists: seals the order itself."""
    electors_count: int
    electors_list_sha256: str
    credentials_sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "contest_uuid": self.contest_uuid,
            "credentials_sha256": self.credentials_sha256,
            "election": self.election.to_dict(),
            "election_fingerprint": self.election_fingerprint,
            "electors_count": self.electors_count,
            "electors_list_sha256": self.electors_list_sha256,
            "lists": [s.to_dict() for s in self.lists],
            "lists_sha256": self.lists_sha256,
        }

    @classmethod
    def from_reader(cls, r: Reader) -> SealedContest:
        r.keys(
            {
                "contest_uuid",
                "credentials_sha256",
                "election",
                "election_fingerprint",
                "electors_count",
                "electors_list_sha256",
                "lists",
                "lists_sha256",
            }
        )
        lists = r.objects("lists", SealedList.from_reader, max_items=100)
        unique([s.list_id for s in lists], PayloadSchemaError, f"{r.where}.lists")
        return cls(
            r.text("contest_uuid", pattern=ID_RE),
            FileRef.from_reader(r.child("election")),
            r.text("election_fingerprint", pattern=FINGERPRINT_RE),
            lists,
            r.text("lists_sha256", pattern=SHA256_RE),
            r.integer("electors_count", minimum=1, maximum=10_000_000),
            r.text("electors_list_sha256", pattern=SHA256_RE),
            r.text("credentials_sha256", pattern=SHA256_RE),
        )


def compute_sealed_contest(
    contest: Contest, election: FileRef, election_fingerprint: str
) -> SealedContest:
    """What the seal records for one contest of the definition."""
    return SealedContest(
        contest_uuid=contest.contest_uuid,
        election=election,
        election_fingerprint=election_fingerprint,
        lists=tuple(
            SealedList(
                c.list_id,
                hashlib.sha256(canonical_bytes(c.to_dict())).hexdigest(),
                c.manifesto.sha256 if c.manifesto else None,
                c.logo.sha256 if c.logo else None,
            )
            for c in contest.lists
        ),
        lists_sha256=hashlib.sha256(
            canonical_bytes([c.to_dict() for c in contest.lists])
        ).hexdigest(),
        electors_count=contest.electors.count,
        electors_list_sha256=contest.electors.list_sha256,
        credentials_sha256=contest.electors.credentials.sha256,
    )


@dataclass(frozen=True)
class TestVote:
    """Outcome of the vote à blanc, with its report (attached JSON, opaque here)."""

    __test__ = False  # not a pytest class

    passed: bool
    report: FileRef

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "report": self.report.to_dict()}

    @classmethod
    def from_reader(cls, r: Reader) -> TestVote:
        r.keys({"passed", "report"})
        return cls(r.boolean("passed"), FileRef.from_reader(r.child("report")))


@dataclass(frozen=True)
class SealPayload:
    bureau_id: str
    definition_bundle_id: str
    contests: tuple[SealedContest, ...]
    schedule: Schedule
    voting_software: SoftwareFingerprint
    bureau_software: SoftwareFingerprint
    trustees: FileRef
    member_keys: tuple[MemberKey, ...]
    test_vote: TestVote
    workstation_key: str | None = None
    """Ed25519 public key (hex) of the workstation that signs the journal's checkpoints.

    Signed here by the members' cards, it is the anchor the verifier checks
    every checkpoint against: a journal re-signed with another key fails.
    """

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "bureau_id": self.bureau_id,
            "bureau_software": self.bureau_software.to_dict(),
            "contests": [c.to_dict() for c in self.contests],
            "definition_bundle_id": self.definition_bundle_id,
            "member_keys": [m.to_dict() for m in self.member_keys],
            "schedule": self.schedule.to_dict(),
            "test_vote": self.test_vote.to_dict(),
            "trustees": self.trustees.to_dict(),
            "voting_software": self.voting_software.to_dict(),
        }
        if self.workstation_key is not None:
            out["workstation_key"] = self.workstation_key
        return out

    @classmethod
    def from_dict(cls, data: Any) -> SealPayload:
        r = reader(data, "seal")
        r.keys(
            {
                "bureau_id",
                "bureau_software",
                "contests",
                "definition_bundle_id",
                "member_keys",
                "schedule",
                "test_vote",
                "trustees",
                "voting_software",
            },
            optional=frozenset({"workstation_key"}),
        )
        contests = r.objects("contests", SealedContest.from_reader, max_items=200)
        member_keys = r.objects("member_keys", MemberKey.from_reader, max_items=200)
        unique([c.contest_uuid for c in contests], PayloadSchemaError, "seal.contests")
        unique([m.member_id for m in member_keys], PayloadSchemaError, "seal.member_keys")
        unique([m.key.key_id for m in member_keys], PayloadSchemaError, "seal.member_keys keys")
        if not contests:
            raise r.fail("no contest sealed")
        return cls(
            r.text("bureau_id", pattern=ID_RE),
            r.text("definition_bundle_id", pattern=UUID_RE),
            contests,
            Schedule.from_reader(r.child("schedule")),
            SoftwareFingerprint.from_reader(r.child("voting_software")),
            SoftwareFingerprint.from_reader(r.child("bureau_software")),
            FileRef.from_reader(r.child("trustees")),
            member_keys,
            TestVote.from_reader(r.child("test_vote")),
            _optional_sha(r, "workstation_key"),
        )

    def file_refs(self) -> tuple[FileRef, ...]:
        return (
            self.trustees,
            self.test_vote.report,
            *(c.election for c in self.contests),
        )

    def bureau_ids(self) -> tuple[str, ...]:
        return (self.bureau_id,)

    def contest_uuids(self) -> tuple[str, ...]:
        return tuple(c.contest_uuid for c in self.contests)

    def election_fingerprints(self) -> dict[str, str]:
        return {c.contest_uuid: c.election_fingerprint for c in self.contests}
