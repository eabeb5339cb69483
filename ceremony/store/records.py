"""Conversions between table rows and the journal's frozen dataclasses."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ceremony.store.checkpoint import Checkpoint
from ceremony.store.errors import JournalFormatError
from ceremony.store.journal import Actor, JournalEntry, canonical_json
from ceremony.store.schema import (
    BlobRow,
    BlobUseRow,
    CheckpointRow,
    JournalBlobRefRow,
    JournalEntryRow,
    WorkstationKeyRow,
)
from ceremony.store.timefmt import from_stored_time


@dataclass(frozen=True)
class BlobRecord:
    """What the store knows about a blob besides its bytes."""

    sha256: str
    size: int
    kind: str
    direction: str
    recorded_at: datetime
    metadata: Mapping[str, Any]


@dataclass(frozen=True)
class RecordedKey:
    """A workstation public key that signed checkpoints in this store."""

    public_key: str
    source: str
    weaker: bool
    recorded_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "public_key": self.public_key,
            "source": self.source,
            "weaker": self.weaker,
            "recorded_at": self.recorded_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RecordedKey:
        try:
            return cls(
                public_key=str(data["public_key"]),
                source=str(data["source"]),
                weaker=bool(data["weaker"]),
                recorded_at=str(data["recorded_at"]),
            )
        except KeyError as error:
            raise JournalFormatError(f"workstation key record lacks {error}") from error


def blob_record_from_row(row: BlobRow) -> BlobRecord:
    return BlobRecord(
        sha256=row.sha256,
        size=row.size,
        kind=row.kind,
        direction=row.direction,
        recorded_at=from_stored_time(row.recorded_at),
        metadata=json.loads(row.metadata_json),
    )


def blob_use_from_row(row: BlobUseRow, size: int) -> BlobRecord:
    return BlobRecord(
        sha256=row.sha256,
        size=size,
        kind=row.kind,
        direction=row.direction,
        recorded_at=from_stored_time(row.recorded_at),
        metadata=json.loads(row.metadata_json),
    )


def entry_to_rows(entry: JournalEntry) -> tuple[JournalEntryRow, list[JournalBlobRefRow]]:
    row = JournalEntryRow(
        sequence=entry.sequence,
        time=entry.time,
        phase=entry.phase,
        actors_json=canonical_json([actor.to_dict() for actor in entry.actors]).decode(),
        action=entry.action,
        details_json=canonical_json(dict(entry.details)).decode(),
        previous_hash=entry.previous_hash,
        entry_hash=entry.entry_hash,
    )
    refs = [
        JournalBlobRefRow(entry_sequence=entry.sequence, ordinal=ordinal, sha256=sha256)
        for ordinal, sha256 in enumerate(entry.blobs)
    ]
    return row, refs


def entry_from_rows(row: JournalEntryRow, refs: Sequence[JournalBlobRefRow]) -> JournalEntry:
    try:
        actors = json.loads(row.actors_json)
        details = json.loads(row.details_json)
        if not isinstance(actors, list) or not isinstance(details, dict):
            raise TypeError("actors must be a list and details an object")
        return JournalEntry(
            sequence=row.sequence,
            time=row.time,
            phase=row.phase,
            actors=tuple(Actor.from_dict(actor) for actor in actors),
            action=row.action,
            details=details,
            blobs=tuple(ref.sha256 for ref in sorted(refs, key=lambda ref: ref.ordinal)),
            previous_hash=row.previous_hash,
            entry_hash=row.entry_hash,
        )
    except (TypeError, ValueError, AttributeError, JournalFormatError) as error:
        raise JournalFormatError(
            f"journal entry {row.sequence} is unreadable: {error}", sequence=row.sequence
        ) from error


def checkpoint_from_row(row: CheckpointRow) -> Checkpoint:
    return Checkpoint(
        sequence=row.sequence,
        head_hash=row.head_hash,
        time=row.time,
        public_key=row.public_key,
        signature=row.signature,
    )


def recorded_key_from_row(row: WorkstationKeyRow) -> RecordedKey:
    return RecordedKey(row.public_key, row.source, row.weaker, row.recorded_at)
