"""The closed urn as files on disk: one `.bel` per contest and the émargement list.

Both are written incrementally, so a 100,000-ballot urn never sits in memory:
ballots are appended to the contest's archive as the workers hand them over
(tar members, hash-chained events, in vote-time order, §4.4), and the
émargement list is written entry by entry. Each writer returns the
:class:`FileRef` (SHA-256 and size) of what it wrote.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from ceremony.bundles.payloads.common import FileRef
from ceremony.protocol.archive import (
    HEADER_NAME,
    ArchiveHeader,
    Event,
    PendingEvent,
    build_members,
    data_name,
    event_name,
    sha256_hex,
    tar_member,
)
from ceremony.protocol.serialization import dumps
from ceremony.workflow.urn import EMARGEMENT_FORMAT

EmargementEntry = tuple[str, int, datetime]
"""(contest uuid, voter index, time of the voter's last ballot)."""


class _HashingWriter:
    """Writes to a file and keeps the SHA-256 and size of what went through."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self._out.write(data)
        self.digest.update(data)
        self.size += len(data)

    def ref(self, name: str) -> FileRef:
        return FileRef(name, self.digest.hexdigest(), self.size)


def write_bel(
    path: Path,
    election: bytes,
    trustees: bytes,
    credentials: bytes,
    ballots: Iterable[bytes],
    opening: datetime,
) -> tuple[FileRef, int]:
    """A closed archive: Setup, one Ballot event per ballot as it comes, EndBallots (§4.4).

    Returns the file's reference (named ``path.name``) and the number of ballots.
    The bytes are those ``archive.write_archive`` gives for the same events.
    """
    mtime = int(opening.timestamp())
    setup = dumps(
        {
            "election": sha256_hex(election),
            "trustees": sha256_hex(trustees),
            "credentials": sha256_hex(credentials),
        }
    )
    count = 0
    with path.open("wb") as stream:
        out = _HashingWriter(stream)
        out.write(tar_member(HEADER_NAME, ArchiveHeader(1, mtime).to_bytes(), mtime))
        # Setup member by member: the credentials file alone is ~600 bytes per
        # elector, so it is not copied into one body as build_members would.
        for content in (election, trustees, credentials, setup):
            out.write(tar_member(data_name(content), content, mtime))
        event = Event(height=0, type="Setup", payload=sha256_hex(setup)).to_bytes()
        out.write(tar_member(event_name(event), event, mtime))
        parent: str | None = sha256_hex(event)
        height = 1
        for ballot in ballots:
            body, parent, height = build_members(
                [PendingEvent("Ballot", (ballot,))], parent=parent, height=height, mtime=mtime
            )
            out.write(body)
            count += 1
        body, _, _ = build_members(
            [PendingEvent("EndBallots")], parent=parent, height=height, mtime=mtime
        )
        out.write(body)
    return out.ref(path.name), count


def voter_id(uuid: str, voter: int) -> str:
    """The elector's id in the contest's electors list (``description.build_definition``)."""
    return f"E{uuid}-{voter:07d}"


def _entry(uuid: str, voter: int, at: datetime) -> dict[str, Any]:
    return {
        "contest_uuid": uuid,
        "voter": voter_id(uuid, voter),
        "at": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def write_emargement(path: Path, entries: Iterable[EmargementEntry]) -> FileRef:
    """``{"format": ..., "entries": [...]}`` in compact JSON, written entry by entry."""
    with path.open("wb") as stream:
        out = _HashingWriter(stream)
        out.write(b'{"format":' + json.dumps(EMARGEMENT_FORMAT).encode() + b',"entries":[')
        for index, (uuid, voter, at) in enumerate(entries):
            text = json.dumps(_entry(uuid, voter, at), ensure_ascii=False, separators=(",", ":"))
            out.write((b"," if index else b"") + text.encode())
        out.write(b"]}")
    return out.ref(path.name)


def tamper_ballot(ballot: bytes) -> bytes:
    """Change one proof response of the ballot: its JSON stays valid, its proof does not."""
    obj = json.loads(ballot)
    proof = obj["answers"][0]["individual_proofs"][0][0]
    response = int(proof["response"])
    # Stays in [0, q) in every group, so the ballot fails on its proof, not its format.
    proof["response"] = str(response - 1 if response else 1)
    return dumps(obj)
