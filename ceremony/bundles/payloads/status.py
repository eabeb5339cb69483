"""The status bundle's payload, ``status.json`` (platform → bureau, during the vote).

``sequence`` grows by one at each export; with ``as_of`` it makes the import
refuse a status older than or equal to one already imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from ceremony.bundles.errors import PayloadSchemaError
from ceremony.bundles.payloads.common import FileRef, Intervention, reader
from ceremony.bundles.schema import ID_RE, SHA256_RE, Reader, unique, utc_text

PAYLOAD_NAME: Final = "status.json"
VOTE_STATES: Final = frozenset({"not_open", "open", "suspended", "stopped", "closed"})


@dataclass(frozen=True)
class Participation:
    contest_uuid: str
    registered: int
    ballots_cast: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "ballots_cast": self.ballots_cast,
            "contest_uuid": self.contest_uuid,
            "registered": self.registered,
        }

    @classmethod
    def from_reader(cls, r: Reader) -> Participation:
        r.keys({"ballots_cast", "contest_uuid", "registered"})
        registered = r.integer("registered", maximum=10_000_000)
        cast = r.integer("ballots_cast", maximum=10_000_000)
        if cast > registered:
            raise r.fail("more ballots than registered electors")
        return cls(r.text("contest_uuid", pattern=ID_RE), registered, cast)


@dataclass(frozen=True)
class StatusPayload:
    bureau_id: str
    sequence: int
    as_of: datetime
    state: str
    participation: tuple[Participation, ...]
    emargement_count: int
    interventions: tuple[Intervention, ...]
    voting_software_sha256: str | None = None
    """SHA-256 of the voting software in service, as the platform measures it (art. 15:
    before the opening the bureau checks the reviewed components are unchanged)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": utc_text(self.as_of),
            "bureau_id": self.bureau_id,
            "emargement_count": self.emargement_count,
            "interventions": [i.to_dict() for i in self.interventions],
            "participation": [p.to_dict() for p in self.participation],
            "sequence": self.sequence,
            "state": self.state,
            **(
                {"voting_software_sha256": self.voting_software_sha256}
                if self.voting_software_sha256 is not None
                else {}
            ),
        }

    @classmethod
    def from_dict(cls, data: Any) -> StatusPayload:
        r = reader(data, "status")
        r.keys(
            {
                "as_of",
                "bureau_id",
                "emargement_count",
                "interventions",
                "participation",
                "sequence",
                "state",
            },
            frozenset({"voting_software_sha256"}),
        )
        software = r.optional_text("voting_software_sha256")
        if software is not None and not SHA256_RE.fullmatch(software):
            raise r.fail("voting_software_sha256 has the wrong format")
        participation = r.objects("participation", Participation.from_reader, max_items=200)
        unique([p.contest_uuid for p in participation], PayloadSchemaError, "status.participation")
        return cls(
            r.text("bureau_id", pattern=ID_RE),
            r.integer("sequence", minimum=1),
            r.utc_time("as_of"),
            r.choice("state", VOTE_STATES),
            participation,
            r.integer("emargement_count", maximum=100_000_000),
            r.objects("interventions", Intervention.from_reader),
            software,
        )

    def file_refs(self) -> tuple[FileRef, ...]:
        return ()

    def bureau_ids(self) -> tuple[str, ...]:
        return (self.bureau_id,)

    def contest_uuids(self) -> tuple[str, ...]:
        return tuple(p.contest_uuid for p in self.participation)
