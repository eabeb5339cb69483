"""The decision bundle's payload, ``decision.json`` (bureau → platform).

The bureau may suspend, resume or stop the vote (DESIGN.md §1); the president
(or the secretary) signs it with their card.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from ceremony.bundles.payloads.common import FileRef, reader
from ceremony.bundles.schema import ID_RE, utc_text

PAYLOAD_NAME: Final = "decision.json"
DECISIONS: Final = frozenset({"suspend", "resume", "stop"})


@dataclass(frozen=True)
class DecisionPayload:
    bureau_id: str
    contests: tuple[str, ...]
    """The contests the decision applies to (all of the bureau's, usually)."""
    decision: str
    reason: str
    decided_at: datetime
    authorisation: str | None = None
    """Art. 19: the reference of the organiser's director general's authorisation.
    Left out of the JSON when not given, so earlier bundles read and hash the same."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "bureau_id": self.bureau_id,
            "contests": list(self.contests),
            "decided_at": utc_text(self.decided_at),
            "decision": self.decision,
            "reason": self.reason,
        }
        if self.authorisation is not None:
            data["authorisation"] = self.authorisation
        return data

    @classmethod
    def from_dict(cls, data: Any) -> DecisionPayload:
        r = reader(data, "decision")
        r.keys(
            {"bureau_id", "contests", "decided_at", "decision", "reason"},
            frozenset({"authorisation"}),
        )
        contests = r.texts("contests", pattern=ID_RE)
        if not contests:
            raise r.fail("a decision applies to at least one contest")
        return cls(
            r.text("bureau_id", pattern=ID_RE),
            contests,
            r.choice("decision", DECISIONS),
            r.text("reason"),
            r.utc_time("decided_at"),
            r.optional_text("authorisation"),
        )

    def file_refs(self) -> tuple[FileRef, ...]:
        return ()

    def bureau_ids(self) -> tuple[str, ...]:
        return (self.bureau_id,)

    def contest_uuids(self) -> tuple[str, ...]:
        return self.contests
