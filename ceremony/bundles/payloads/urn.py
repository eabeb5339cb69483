"""The urn bundle's payload, ``urn.json`` (platform → bureau, after closing).

Per contest, the closed Belenios archive (``.bel``, attached, opaque here), its
election fingerprint, the set closing time (Europe/Paris) and the moment the
urn was frozen after the grace period; the émargement list (attached) and the
interventions log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from ceremony.bundles.errors import PayloadSchemaError
from ceremony.bundles.payloads.common import FileRef, Intervention, reader
from ceremony.bundles.schema import FINGERPRINT_RE, ID_RE, Reader, paris_text, unique, utc_text

PAYLOAD_NAME: Final = "urn.json"


@dataclass(frozen=True)
class ClosedContest:
    contest_uuid: str
    archive: FileRef
    election_fingerprint: str
    closing: datetime
    frozen_at: datetime
    ballots: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "archive": self.archive.to_dict(),
            "ballots": self.ballots,
            "closing": paris_text(self.closing),
            "contest_uuid": self.contest_uuid,
            "election_fingerprint": self.election_fingerprint,
            "frozen_at": utc_text(self.frozen_at),
        }

    @classmethod
    def from_reader(cls, r: Reader) -> ClosedContest:
        r.keys(
            {"archive", "ballots", "closing", "contest_uuid", "election_fingerprint", "frozen_at"}
        )
        closing, frozen_at = r.paris_time("closing"), r.utc_time("frozen_at")
        if frozen_at < closing:
            raise r.fail("urn frozen before the closing time")
        return cls(
            r.text("contest_uuid", pattern=ID_RE),
            FileRef.from_reader(r.child("archive")),
            r.text("election_fingerprint", pattern=FINGERPRINT_RE),
            closing,
            frozen_at,
            r.integer("ballots", maximum=100_000_000),
        )


@dataclass(frozen=True)
class UrnPayload:
    bureau_id: str
    contests: tuple[ClosedContest, ...]
    emargement: FileRef
    interventions: tuple[Intervention, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "bureau_id": self.bureau_id,
            "contests": [c.to_dict() for c in self.contests],
            "emargement": self.emargement.to_dict(),
            "interventions": [i.to_dict() for i in self.interventions],
        }

    @classmethod
    def from_dict(cls, data: Any) -> UrnPayload:
        r = reader(data, "urn")
        r.keys({"bureau_id", "contests", "emargement", "interventions"})
        contests = r.objects("contests", ClosedContest.from_reader, max_items=200)
        if not contests:
            raise r.fail("no contest in the urn")
        unique([c.contest_uuid for c in contests], PayloadSchemaError, "urn.contests")
        return cls(
            r.text("bureau_id", pattern=ID_RE),
            contests,
            FileRef.from_reader(r.child("emargement")),
            r.objects("interventions", Intervention.from_reader),
        )

    def file_refs(self) -> tuple[FileRef, ...]:
        return (self.emargement, *(c.archive for c in self.contests))

    def bureau_ids(self) -> tuple[str, ...]:
        return (self.bureau_id,)

    def contest_uuids(self) -> tuple[str, ...]:
        return tuple(c.contest_uuid for c in self.contests)

    def election_fingerprints(self) -> dict[str, str]:
        return {c.contest_uuid: c.election_fingerprint for c in self.contests}
