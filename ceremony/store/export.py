"""The journal as a JSON Lines file, verifiable without the database.

Line 1 is a header; then one line per entry in order, one per checkpoint, one
per workstation key the store recorded. Each line is RFC 8785 canonical JSON,
so exporting the same journal twice gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ceremony.store.checkpoint import Checkpoint
from ceremony.store.errors import JournalFormatError
from ceremony.store.journal import JournalEntry, canonical_json
from ceremony.store.records import RecordedKey
from ceremony.store.store import Store
from ceremony.store.verify import JournalReport, verify_chain

EXPORT_TYPE = "bureau-journal"
EXPORT_FORMAT = 1
_SECTIONS = {"entry": (1, "entry"), "checkpoint": (2, "checkpoint"), "workstation_key": (3, "key")}


@dataclass(frozen=True)
class JournalExport:
    entries: tuple[JournalEntry, ...]
    checkpoints: tuple[Checkpoint, ...]
    keys: tuple[RecordedKey, ...]

    def to_bytes(self) -> bytes:
        lines: list[dict[str, Any]] = [{"type": EXPORT_TYPE, "format": EXPORT_FORMAT}]
        lines += [{"type": "entry", "entry": e.to_dict()} for e in self.entries]
        lines += [{"type": "checkpoint", "checkpoint": c.to_dict()} for c in self.checkpoints]
        lines += [{"type": "workstation_key", "key": k.to_dict()} for k in self.keys]
        return b"".join(canonical_json(line) + b"\n" for line in lines)

    @classmethod
    def from_bytes(cls, data: bytes) -> JournalExport:
        entries: list[JournalEntry] = []
        checkpoints: list[Checkpoint] = []
        keys: list[RecordedKey] = []
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        section = 0  # entries, then checkpoints, then keys: one canonical order
        for number, raw in enumerate(lines, start=1):
            line = _parse_line(raw, number)
            kind = line.get("type")
            if number == 1:
                if kind != EXPORT_TYPE or line.get("format") != EXPORT_FORMAT:
                    raise JournalFormatError(f"line 1 is not a {EXPORT_TYPE} header")
                continue
            if kind not in _SECTIONS or not isinstance(line.get(_SECTIONS[kind][1]), dict):
                raise JournalFormatError(f"line {number}: unknown record type {kind!r}")
            order, field = _SECTIONS[kind]
            if order < section:
                raise JournalFormatError(f"line {number}: {kind} line after a later section")
            section = order
            if kind == "entry":
                entries.append(JournalEntry.from_dict(line[field]))
            elif kind == "checkpoint":
                checkpoints.append(Checkpoint.from_dict(line[field]))
            else:
                keys.append(RecordedKey.from_dict(line[field]))
        if not lines:
            raise JournalFormatError("empty journal export")
        return cls(tuple(entries), tuple(checkpoints), tuple(keys))


def export_journal(store: Store) -> bytes:
    """The store's journal as JSON Lines (verify it first: this copies what is there)."""
    return JournalExport(
        tuple(store.entries()), tuple(store.checkpoints()), tuple(store.recorded_keys())
    ).to_bytes()


def read_journal_export(data: bytes) -> JournalExport:
    return JournalExport.from_bytes(data)


def verify_journal_export(
    data: bytes, trusted_public_key: str | None = None, *, require_signed_head: bool = False
) -> JournalReport:
    """Verify an exported journal on its own; pin the workstation key when you know it.

    Without ``trusted_public_key`` checkpoints are only checked against the keys
    they carry: compare ``report.public_keys`` with the key recorded at the
    ceremony (out of band) before trusting them. An archived (closed) journal
    should be checked with ``require_signed_head=True``.
    """
    export = read_journal_export(data)
    return verify_chain(
        export.entries,
        export.checkpoints,
        trusted_public_key=trusted_public_key,
        require_signed_head=require_signed_head,
    )


def _parse_line(raw: bytes, number: int) -> dict[str, Any]:
    try:
        line = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise JournalFormatError(f"line {number} is not JSON: {error}") from error
    if not isinstance(line, dict):
        raise JournalFormatError(f"line {number} is not a JSON object")
    return line
