"""The results bundle's payload, ``results.json`` (bureau → publication).

Per contest, the Belenios result and each key holder's partial decryption
(attached, opaque here); the procès-verbal PDF (attached) and the members'
signatures over the PDF bytes (same encoding as bundle signatures).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from ceremony.bundles.envelope import Signature
from ceremony.bundles.errors import PayloadSchemaError
from ceremony.bundles.payloads.common import FileRef, reader
from ceremony.bundles.schema import FINGERPRINT_RE, ID_RE, SHA256_RE, Reader, unique

PAYLOAD_NAME: Final = "results.json"


@dataclass(frozen=True)
class PartialDecryption:
    member_id: str
    file: FileRef

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file.to_dict(), "member_id": self.member_id}

    @classmethod
    def from_reader(cls, r: Reader) -> PartialDecryption:
        r.keys({"file", "member_id"})
        return cls(r.text("member_id", pattern=ID_RE), FileRef.from_reader(r.child("file")))


@dataclass(frozen=True)
class ContestResult:
    contest_uuid: str
    election_fingerprint: str
    result: FileRef
    partial_decryptions: tuple[PartialDecryption, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "contest_uuid": self.contest_uuid,
            "election_fingerprint": self.election_fingerprint,
            "partial_decryptions": [p.to_dict() for p in self.partial_decryptions],
            "result": self.result.to_dict(),
        }

    @classmethod
    def from_reader(cls, r: Reader) -> ContestResult:
        r.keys({"contest_uuid", "election_fingerprint", "partial_decryptions", "result"})
        partials = r.objects("partial_decryptions", PartialDecryption.from_reader, max_items=200)
        unique([p.member_id for p in partials], PayloadSchemaError, f"{r.where}.partials")
        return cls(
            r.text("contest_uuid", pattern=ID_RE),
            r.text("election_fingerprint", pattern=FINGERPRINT_RE),
            FileRef.from_reader(r.child("result")),
            partials,
        )


@dataclass(frozen=True)
class ResultsPayload:
    bureau_id: str
    contests: tuple[ContestResult, ...]
    pv: FileRef
    pv_signatures: tuple[Signature, ...]
    workstation_key: str | None = None
    """Ed25519 public key (hex) of the workstation whose journal the cards sign off with."""

    def __post_init__(self) -> None:
        # One order for one set of signatures, so equal payloads compare equal.
        ordered = tuple(sorted(self.pv_signatures, key=lambda s: s.key_id))
        object.__setattr__(self, "pv_signatures", ordered)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "bureau_id": self.bureau_id,
            "contests": [c.to_dict() for c in self.contests],
            "pv": self.pv.to_dict(),
            "pv_signatures": [s.to_dict() for s in self.pv_signatures],
        }
        if self.workstation_key is not None:
            out["workstation_key"] = self.workstation_key
        return out

    @classmethod
    def from_dict(cls, data: Any) -> ResultsPayload:
        r = reader(data, "results")
        r.keys({"bureau_id", "contests", "pv", "pv_signatures"}, frozenset({"workstation_key"}))
        contests = r.objects("contests", ContestResult.from_reader, max_items=200)
        if not contests:
            raise r.fail("no contest result")
        unique([c.contest_uuid for c in contests], PayloadSchemaError, "results.contests")
        signatures = r.objects("pv_signatures", Signature.from_reader, max_items=64)
        unique([s.key_id for s in signatures], PayloadSchemaError, "results.pv_signatures")
        return cls(
            r.text("bureau_id", pattern=ID_RE),
            contests,
            FileRef.from_reader(r.child("pv")),
            signatures,
            None
            if r.data.get("workstation_key") is None
            else r.text("workstation_key", pattern=SHA256_RE),
        )

    def file_refs(self) -> tuple[FileRef, ...]:
        refs = [self.pv]
        for contest in self.contests:
            refs.append(contest.result)
            refs.extend(p.file for p in contest.partial_decryptions)
        return tuple(refs)

    def bureau_ids(self) -> tuple[str, ...]:
        return (self.bureau_id,)

    def contest_uuids(self) -> tuple[str, ...]:
        return tuple(c.contest_uuid for c in self.contests)

    def election_fingerprints(self) -> dict[str, str]:
        return {c.contest_uuid: c.election_fingerprint for c in self.contests}
