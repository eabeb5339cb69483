"""Altering valid `.bel` archives, with or without recomputing the hashes.

An archive is read into logical events (type, nested data, payload). An
alteration changes one data file's bytes, or inserts, removes or reorders
events. ``raw`` writes the change as is (names and parents now lie);
``rehash`` rebuilds every file name, reference and parent so that only the
semantic checks can catch it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ceremony.protocol.archive import (
    HEADER_NAME,
    ArchiveHeader,
    PendingEvent,
    build_members,
    iter_events,
    iter_records,
    sha256_hex,
    tar_member,
)


@dataclass(frozen=True)
class LogicalEvent:
    type: str
    nested: tuple[tuple[str, bytes], ...]
    payload: bytes | None


def read_logical(path: Path) -> tuple[ArchiveHeader, list[LogicalEvent]]:
    records = list(iter_records(path))
    header = ArchiveHeader.from_bytes(records[0].content)
    events = [
        LogicalEvent(r.event.type, tuple(r.nested.items()), r.payload)
        for r in iter_events(iter(records))
    ]
    return header, events


def read_members(path: Path) -> list[tuple[str, bytes]]:
    return [(r.name, r.content) for r in iter_records(path)]


def write_members(path: Path, members: list[tuple[str, bytes]], mtime: int = 0) -> None:
    path.write_bytes(b"".join(tar_member(n, c, mtime) for n, c in members))


def rebuild(path: Path, header: ArchiveHeader, events: list[LogicalEvent]) -> None:
    """Write ``events`` with every hash, reference and parent recomputed (§4.4)."""
    pending = []
    for event in events:
        data = [content for _, content in event.nested]
        if event.payload is not None:
            payload = event.payload
            if event.nested:
                obj = json.loads(payload)
                for key, content in event.nested:
                    obj[key] = sha256_hex(content)
                payload = json.dumps(obj, separators=(",", ":")).encode()
            data.append(payload)
        pending.append(PendingEvent(event.type, tuple(data)))  # type: ignore[arg-type]
    body, _, _ = build_members(pending, parent=None, height=0, mtime=header.timestamp)
    path.write_bytes(tar_member(HEADER_NAME, header.to_bytes(), header.timestamp) + body)


JsonEdit = Callable[[Any], Any]


def edit_json(content: bytes, edit: JsonEdit) -> bytes:
    obj = json.loads(content)
    out = edit(obj)
    return json.dumps(obj if out is None else out, separators=(",", ":")).encode()


@dataclass(frozen=True)
class ContentAlteration:
    """Change the bytes of one data file: event ``index`` (by type and rank), ``key``."""

    event_type: str
    rank: int
    key: str | None
    edit: JsonEdit

    def _locate(self, events: list[LogicalEvent]) -> int:
        return [i for i, e in enumerate(events) if e.type == self.event_type][self.rank]

    def rehash(self, source: Path, target: Path) -> None:
        header, events = read_logical(source)
        i = self._locate(events)
        event = events[i]
        if self.key is None:
            assert event.payload is not None
            events[i] = replace(event, payload=edit_json(event.payload, self.edit))
        else:
            nested = tuple(
                (k, edit_json(v, self.edit) if k == self.key else v) for k, v in event.nested
            )
            events[i] = replace(event, nested=nested)
        rebuild(target, header, events)

    def raw(self, source: Path, target: Path) -> None:
        _, events = read_logical(source)
        event = events[self._locate(events)]
        old = event.payload if self.key is None else dict(event.nested)[self.key]
        assert old is not None
        new = edit_json(old, self.edit)
        members = [(n, new if c == old else c) for n, c in read_members(source)]
        write_members(target, members)


EventsEdit = Callable[[list[LogicalEvent]], list[LogicalEvent]]


@dataclass(frozen=True)
class StructureAlteration:
    """Insert, remove or reorder events."""

    edit: EventsEdit

    def rehash(self, source: Path, target: Path) -> None:
        header, events = read_logical(source)
        rebuild(target, header, self.edit(list(events)))

    def raw(self, source: Path, target: Path) -> None:
        # Reuse the original event files (their parents now point wrongly) and
        # write new events' files without fixing the chain.
        header, events = read_logical(source)
        members = read_members(source)
        by_content = {c: n for n, c in members}
        event_files = [(n, c) for n, c in members if n.endswith(".event.json")]
        original = {id(e): event_files[i] for i, e in enumerate(events)}
        out: list[tuple[str, bytes]] = [members[0]]
        for index, event in enumerate(self.edit(list(events))):
            data = [c for _, c in event.nested] + ([event.payload] if event.payload else [])
            for content in data:
                out.append((by_content.get(content, sha256_hex(content) + ".data.json"), content))
            if id(event) in original:
                out.append(original[id(event)])
            else:
                fake = json.dumps(
                    {"parent": "0" * 64, "height": index, "type": event.type,
                     "payload": sha256_hex(data[-1])}, separators=(",", ":"),
                ).encode()  # fmt: skip
                out.append((sha256_hex(fake) + ".event.json", fake))
        write_members(target, out, header.timestamp)


EventBytes = Callable[[dict[str, Any]], bytes]


def rebuild_events(
    path: Path,
    header: ArchiveHeader,
    events: list[LogicalEvent],
    write_event: dict[int, EventBytes],
) -> None:
    """Like :func:`rebuild`, but event ``i`` is written by ``write_event[i]`` (chain kept).

    Each writer receives the event's fields in belenios-tool's order and
    returns its bytes; the following events' parents point at those bytes.
    """
    out = bytearray(tar_member(HEADER_NAME, header.to_bytes(), header.timestamp))
    parent: str | None = None
    for height, event in enumerate(events):
        data = [content for _, content in event.nested]
        if event.payload is not None:
            payload = event.payload
            if event.nested:
                obj = json.loads(payload)
                for key, content in event.nested:
                    obj[key] = sha256_hex(content)
                payload = json.dumps(obj, separators=(",", ":")).encode()
            data.append(payload)
        for content in data:
            out += tar_member(sha256_hex(content) + ".data.json", content, header.timestamp)
        fields: dict[str, Any] = {} if parent is None else {"parent": parent}
        fields.update({"height": height, "type": event.type})
        if data:
            fields["payload"] = sha256_hex(data[-1])
        writer = write_event.get(height, lambda f: json.dumps(f, separators=(",", ":")).encode())
        content = writer(fields)
        out += tar_member(sha256_hex(content) + ".event.json", content, header.timestamp)
        parent = sha256_hex(content)
    path.write_bytes(bytes(out))


@dataclass(frozen=True)
class BytesAlteration:
    """Replace the bytes of one data file (event by type and rank, ``key``), hashes recomputed."""

    event_type: str
    rank: int
    key: str | None
    edit: Callable[[bytes], bytes]

    def rehash(self, source: Path, target: Path) -> None:
        header, events = read_logical(source)
        i = [k for k, e in enumerate(events) if e.type == self.event_type][self.rank]
        event = events[i]
        if self.key is None:
            assert event.payload is not None
            events[i] = replace(event, payload=self.edit(event.payload))
        else:
            nested = tuple((k, self.edit(v) if k == self.key else v) for k, v in event.nested)
            events[i] = replace(event, nested=nested)
        rebuild(target, header, events)
