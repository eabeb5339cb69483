"""Journal entries: the hash-chained, append-only record of the ceremony.

An entry's hash is SHA-256 over the RFC 8785 canonical JSON of all its fields,
the previous entry's hash included, so changing, removing or moving any entry
breaks every later link. The first entry links to ``GENESIS_HASH``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import rfc8785

from ceremony.store.errors import JournalFormatError, JournalValueError
from ceremony.store.timefmt import from_stored_time, to_stored_time

Sha256Hex = str
GENESIS_HASH: Sha256Hex = "0" * 64
ENTRY_FORMAT = 1

_ACTION = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
_HEX64 = re.compile(r"[0-9a-f]{64}")

JsonObject = Mapping[str, Any]


@dataclass(frozen=True)
class Actor:
    """A bureau member acting in a step, identified by role and card serial."""

    role: str
    card_serial: str

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role, "card_serial": self.card_serial}

    @classmethod
    def from_dict(cls, data: object) -> Actor:
        if not isinstance(data, Mapping) or set(data) != {"role", "card_serial"}:
            raise JournalFormatError(f"malformed actor: {type(data).__name__}")
        role, serial = data["role"], data["card_serial"]
        if not isinstance(role, str) or not isinstance(serial, str):
            raise JournalFormatError("malformed actor: role and card_serial must be strings")
        return cls(role, serial)


@dataclass(frozen=True)
class JournalEntry:
    """One journal entry; ``entry_hash`` is computed by ``compute_entry_hash``."""

    sequence: int
    time: str  # canonical UTC text, see timefmt.to_stored_time
    phase: str
    actors: tuple[Actor, ...]
    action: str
    details: Mapping[str, Any]
    blobs: tuple[Sha256Hex, ...]
    previous_hash: Sha256Hex
    entry_hash: Sha256Hex = field(default="")

    @property
    def moment(self) -> datetime:
        return from_stored_time(self.time)

    def hashed_dict(self) -> dict[str, Any]:
        """Every field covered by the hash (all but the hash itself)."""
        return {
            "format": ENTRY_FORMAT,
            "sequence": self.sequence,
            "time": self.time,
            "phase": self.phase,
            "actors": [actor.to_dict() for actor in self.actors],
            "action": self.action,
            "details": dict(self.details),
            "blobs": list(self.blobs),
            "previous_hash": self.previous_hash,
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.hashed_dict(), "entry_hash": self.entry_hash}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JournalEntry:
        expected = {
            "format",
            "sequence",
            "time",
            "phase",
            "actors",
            "action",
            "details",
            "blobs",
            "previous_hash",
            "entry_hash",
        }
        if set(data) != expected or data["format"] != ENTRY_FORMAT:
            raise JournalFormatError(f"malformed journal entry with keys {sorted(data)}")
        try:
            entry = cls(
                sequence=_int(data["sequence"]),
                time=_str(data["time"]),
                phase=_str(data["phase"]),
                actors=tuple(Actor.from_dict(a) for a in _list(data["actors"])),
                action=_str(data["action"]),
                details=_dict(data["details"]),
                blobs=tuple(_str(b) for b in _list(data["blobs"])),
                previous_hash=_str(data["previous_hash"]),
                entry_hash=_str(data["entry_hash"]),
            )
            from_stored_time(entry.time)
        except (TypeError, ValueError) as error:
            raise JournalFormatError(
                f"malformed journal entry {data.get('sequence')!r}: {error}",
                sequence=data["sequence"] if isinstance(data["sequence"], int) else None,
            ) from error
        return entry


def canonical_json(value: Any) -> bytes:
    """RFC 8785 bytes; values JSON cannot carry exactly are a named error."""
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as error:
        raise JournalValueError(f"value is not canonical JSON: {error}") from error


def compute_entry_hash(entry: JournalEntry) -> Sha256Hex:
    return hashlib.sha256(canonical_json(entry.hashed_dict())).hexdigest()


def make_entry(
    *,
    previous: JournalEntry | None,
    now: datetime,
    phase: str,
    action: str,
    actors: Sequence[Actor] = (),
    details: JsonObject | None = None,
    blobs: Sequence[Sha256Hex] = (),
) -> JournalEntry:
    """The entry that follows ``previous`` (None for the first), hash filled in."""
    if not _ACTION.fullmatch(action):
        raise JournalValueError(f"action code {action!r} must match {_ACTION.pattern}")
    if not phase:
        raise JournalValueError("phase must not be empty")
    for blob in blobs:
        if not _HEX64.fullmatch(blob):
            raise JournalValueError(f"blob reference {blob!r} is not a SHA-256 hex digest")
    try:
        stored_time = to_stored_time(now)
    except ValueError as error:
        raise JournalValueError(str(error)) from error
    details_dict = dict(details or {})
    canonical_json(details_dict)  # refuse now what could not be hashed later
    entry = JournalEntry(
        sequence=1 if previous is None else previous.sequence + 1,
        time=stored_time,
        phase=phase,
        actors=tuple(actors),
        action=action,
        details=details_dict,
        blobs=tuple(blobs),
        previous_hash=GENESIS_HASH if previous is None else previous.entry_hash,
    )
    return replace(entry, entry_hash=compute_entry_hash(entry))


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value
