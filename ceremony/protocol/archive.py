"""The Belenios public-data archive (`.bel`, spec §4.4).

An old-style (V7) tar archive: a ``BELENIOS`` header, then data files
(``<sha256>.data.json``) and events (``<sha256>.event.json``) where each name is
the SHA-256 of the file's bytes. Events form a hash chain through ``parent``
and count up through ``height``.

Reading is streamed: :func:`iter_events` keeps only the data files not yet
claimed by an event, so memory stays flat in the number of ballots. Every
record keeps its original bytes, because hashes point at them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, get_args

from ceremony.errors import CeremonyError
from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.serialization import loads

EventType = Literal[
    "Setup",
    "Ballot",
    "EndBallots",
    "EncryptedTally",
    "Shuffle",
    "EndShuffles",
    "PartialDecryption",
    "Result",
]
EVENT_TYPES: frozenset[str] = frozenset(get_args(EventType))
HEADER_NAME = "BELENIOS"
ARCHIVE_VERSION = 1
DATA_SUFFIX = ".data.json"
EVENT_SUFFIX = ".event.json"
_BLOCK = 512

# Payloads that themselves point at other data files (§4.10, §4.16, §4.17, §4.18).
_NESTED_FIELDS: dict[str, tuple[str, ...]] = {
    "Setup": ("election", "trustees", "credentials"),
    "EncryptedTally": ("encrypted_tally",),
    "Shuffle": ("payload",),
    "PartialDecryption": ("payload",),
}
# Optional ones: Belenios 3.2 may add the credential authority's certificate.
_OPTIONAL_NESTED_FIELDS: dict[str, tuple[str, ...]] = {
    "Setup": ("credentials_certificate",),
}


class ArchiveError(CeremonyError):
    """The archive cannot be read as Belenios public data."""

    default_message = (
        "L'archive de l'élection (.bel) est illisible ou mal formée : "
        "demandez une nouvelle copie de l'urne à la plateforme."
    )


class ArchiveFormatError(ArchiveError):
    """A record is not where or what §4.4 says it should be."""

    default_message = (
        "L'archive de l'élection (.bel) n'a pas la forme attendue : elle a pu être "
        "altérée ; ne l'utilisez pas et demandez une nouvelle copie."
    )


class ArchiveHashError(ArchiveError):
    """A file's name does not match the SHA-256 of its content."""

    default_message = (
        "Un fichier de l'archive ne correspond pas à son empreinte : l'archive a été "
        "altérée ; ne l'utilisez pas."
    )


class ArchiveChainError(ArchiveError):
    """The events do not form the hash chain of §4.4 (parent, height)."""

    default_message = (
        "La chaîne des événements de l'archive est rompue (événement retiré, déplacé "
        "ou modifié) : l'archive a été altérée ; ne l'utilisez pas."
    )


class ArchiveMissingDataError(ArchiveError):
    """An event refers to a data file that does not precede it."""

    default_message = (
        "Un événement de l'archive renvoie à une donnée absente : l'archive est "
        "incomplète ou altérée ; ne l'utilisez pas."
    )


class ArchiveOrphanDataError(ArchiveChainError):
    """A data file is referenced by no event (e.g. setup data without a Setup event)."""

    default_message = (
        "L'archive contient des données qu'aucun événement n'enregistre (par exemple la "
        "définition d'une élection sans l'événement Setup) : elle est incomplète ou altérée."
    )


def sha256_hex(data: bytes) -> str:
    """SHA-256 in hexadecimal, as used to name archive files (§4.4)."""
    return hashlib.sha256(data).hexdigest()


def dumps_compact(obj: Any) -> bytes:
    """Compact JSON, field order as given, as belenios-tool writes it (§4.1)."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class ArchiveHeader:
    """The ``BELENIOS`` header of §4.4 (``timestamp`` is written as a string)."""

    version: int
    timestamp: int

    def to_bytes(self) -> bytes:
        """Serialise as belenios-tool 2.0 does (§4.4)."""
        return dumps_compact({"version": self.version, "timestamp": str(self.timestamp)})

    @classmethod
    def from_bytes(cls, data: bytes) -> ArchiveHeader:
        """Parse the header (§4.4)."""
        try:
            obj = loads(data)
            header = cls(version=int(obj["version"]), timestamp=int(obj["timestamp"]))
        except (MalformedDataError, ValueError, KeyError, TypeError) as e:
            raise ArchiveFormatError(f"bad BELENIOS header: {e}") from e
        if header.version != ARCHIVE_VERSION:
            raise ArchiveFormatError(f"unsupported archive version {header.version}")
        if bytes(data) != header.to_bytes():
            raise ArchiveFormatError("the BELENIOS header is not in canonical form")
        return header


@dataclass(frozen=True)
class Event:
    """An event structure of §4.4."""

    height: int
    type: EventType
    parent: str | None = None
    payload: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order: parent, height, type, payload (§4.4)."""
        obj: dict[str, Any] = {}
        if self.parent is not None:
            obj["parent"] = self.parent
        obj["height"] = self.height
        obj["type"] = self.type
        if self.payload is not None:
            obj["payload"] = self.payload
        return obj

    def to_bytes(self) -> bytes:
        """Compact serialisation hashed into the chain (§4.4)."""
        return dumps_compact(self.to_dict())

    @classmethod
    def from_bytes(cls, data: bytes) -> Event:
        """Parse and type-check an event (§4.4)."""
        try:
            obj = loads(data)
        except MalformedDataError as e:
            raise ArchiveFormatError(f"event is not JSON: {e.technical}") from e
        if not isinstance(obj, dict):
            raise ArchiveFormatError("event is not a JSON object")
        if unknown := sorted(set(obj) - {"parent", "height", "type", "payload"}):
            raise ArchiveFormatError(f"event has unknown fields {unknown}")
        height, kind = obj.get("height"), obj.get("type")
        parent, payload = obj.get("parent"), obj.get("payload")
        if not isinstance(height, int) or isinstance(height, bool) or height < 0:
            raise ArchiveFormatError(f"bad event height {height!r}")
        if kind not in EVENT_TYPES:
            raise ArchiveFormatError(f"unknown event type {kind!r}")
        for name, value in (("parent", parent), ("payload", payload)):
            if value is not None and not _is_hex_hash(value):
                raise ArchiveFormatError(f"bad event {name} {value!r}")
        event = cls(height=height, type=kind, parent=parent, payload=payload)
        if bytes(data) != event.to_bytes():
            # belenios-tool rebuilds the archive and compares: one spelling only.
            raise ArchiveFormatError(f"event at height {height} is not in canonical form")
        return event


@dataclass(frozen=True)
class ArchiveRecord:
    """One file of the archive with its original bytes (§4.4)."""

    name: str
    content: bytes

    @property
    def kind(self) -> Literal["header", "data", "event"]:
        """What the file name says this record is (§4.4)."""
        if self.name == HEADER_NAME:
            return "header"
        if self.name.endswith(DATA_SUFFIX):
            return "data"
        if self.name.endswith(EVENT_SUFFIX):
            return "event"
        raise ArchiveFormatError(f"unexpected file {self.name!r} in archive")

    @property
    def digest(self) -> str:
        """SHA-256 of the content, hex (§4.4)."""
        return sha256_hex(self.content)


@dataclass(frozen=True)
class ResolvedEvent:
    """An event with its hash, its payload bytes and the data its payload points at."""

    event: Event
    hash: str
    payload: bytes | None
    nested: dict[str, bytes] = field(default_factory=dict)

    def nested_json(self, key: str) -> Any:
        """Decode the nested data file named by ``payload[key]`` (§4.4)."""
        return json.loads(self.nested[key])


_HEX_HASH = re.compile(r"[0-9a-f]{64}")


def _is_hex_hash(value: object) -> bool:
    return isinstance(value, str) and _HEX_HASH.fullmatch(value) is not None


def _octal(field: bytes, what: str) -> int:
    text = field.replace(b"\0", b" ").strip()
    try:
        return int(text or b"0", 8)
    except ValueError:
        raise ArchiveFormatError(f"bad tar header {what} field") from None


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise ArchiveFormatError("truncated tar archive")
    return data


def _iter_tar(stream: IO[bytes]) -> Iterator[tuple[str, bytes, int]]:
    """(name, content, end offset) of each member, strictly.

    We parse tar ourselves rather than use ``tarfile``: its stream reader
    takes a damaged header for the end of the archive and stops silently,
    which would hide everything after it. Here every header's checksum must
    hold, only regular files are allowed, and no end-of-archive block may come.
    """
    offset = 0
    while True:
        block = stream.read(_BLOCK)
        if not block:
            return  # belenios-tool writes no end-of-archive blocks
        if len(block) != _BLOCK:
            raise ArchiveFormatError("truncated tar header")
        if block == bytes(_BLOCK):
            # belenios-tool writes no end-of-archive blocks and refuses them (§4.4).
            raise ArchiveFormatError(f"end-of-archive or zero block at offset {offset} (§4.4)")
        stored = _octal(block[148:156], "checksum")
        if stored != sum(block[:148]) + 8 * 32 + sum(block[156:]):
            raise ArchiveFormatError(f"bad tar header checksum at offset {offset}")
        if block[156:157] not in (b"0", b"\0") or block[345:500].strip(b"\0"):
            raise ArchiveFormatError(f"unexpected tar member type at offset {offset}")
        try:
            name = block[:100].split(b"\0", 1)[0].decode("ascii")
        except UnicodeDecodeError:
            raise ArchiveFormatError(f"non-ASCII file name at offset {offset}") from None
        size = _octal(block[124:136], "size")
        if block != _tar_header_or_none(name, size, _octal(block[136:148], "mtime")):
            # §4.4: an old-style tar, each header exactly as belenios-tool
            # writes it (no ustar magic, no owner, no other field).
            raise ArchiveFormatError(f"tar header at offset {offset} is not old-style (§4.4)")
        content = _read_exact(stream, size)
        _read_exact(stream, (-size) % _BLOCK)
        offset += _BLOCK + size + (-size) % _BLOCK
        yield name, content, offset


def iter_records(source: Path | IO[bytes]) -> Iterator[ArchiveRecord]:
    """Stream the files of a `.bel` archive in order (§4.4).

    Checks that the first file is the header and every other name is the
    SHA-256 of its content.
    """
    if isinstance(source, Path):
        with source.open("rb") as stream:
            yield from iter_records(stream)
        return
    yield from _checked_records(_iter_tar(source))


def _checked_records(members: Iterable[tuple[str, bytes, int]]) -> Iterator[ArchiveRecord]:
    first = True
    for name, content, _ in members:
        record = ArchiveRecord(name, content)
        if first != (record.kind == "header"):
            raise ArchiveFormatError("the BELENIOS header must come first and only once")
        if not first:
            declared = record.name.split(".", 1)[0]
            if not _is_hex_hash(declared) or declared != record.digest:
                raise ArchiveHashError(f"{record.name}: content hash is {record.digest}")
        first = False
        yield record
    if first:
        raise ArchiveFormatError("empty archive")


def iter_events(records: Iterable[ArchiveRecord]) -> Iterator[ResolvedEvent]:
    """Walk the hash chain of events, resolving payloads (§4.4, §3.5.1 "correctly chained").

    Each data file is handed to the first event that claims it and then
    forgotten, so memory stays flat. Raises :class:`ArchiveChainError` on a
    wrong parent or height, :class:`ArchiveMissingDataError` on a dangling hash.
    """
    pending: dict[str, bytes] = {}
    previous: str | None = None
    height = 0
    for record in records:
        kind = record.kind
        if kind == "header":
            ArchiveHeader.from_bytes(record.content)
            continue
        if kind == "data":
            if record.digest in pending:
                # belenios-tool refuses it; a second copy is a member nothing hashes.
                raise ArchiveFormatError(f"data file {record.digest} appears twice in a row")
            pending[record.digest] = record.content
            continue
        event = Event.from_bytes(record.content)
        if event.parent != previous:
            raise ArchiveChainError(
                f"event {record.digest} at height {event.height} has parent "
                f"{event.parent}, expected {previous}"
            )
        if event.height != height:
            raise ArchiveChainError(
                f"event {record.digest} has height {event.height}, expected {height}"
            )
        yield _resolve(event, record.digest, pending)
        previous, height = record.digest, height + 1
    if pending:
        # Data no event claims was checked by nothing: e.g. setup files without Setup.
        names = sorted(pending)[:3]
        raise ArchiveOrphanDataError(f"{len(pending)} data file(s) referenced by no event: {names}")


def _take(pending: dict[str, bytes], digest: str, what: str) -> bytes:
    try:
        return pending.pop(digest)
    except KeyError:
        raise ArchiveMissingDataError(f"{what} {digest} is not before its event") from None


def _resolve(event: Event, digest: str, pending: dict[str, bytes]) -> ResolvedEvent:
    needs_payload = event.type not in ("EndBallots", "EndShuffles")
    if needs_payload != (event.payload is not None):
        raise ArchiveFormatError(f"event {event.type} at height {event.height}: payload mismatch")
    if event.payload is None:
        return ResolvedEvent(event, digest, None)
    payload = _take(pending, event.payload, f"{event.type} payload")
    nested: dict[str, bytes] = {}
    keys = _NESTED_FIELDS.get(event.type, ())
    if keys:
        try:
            obj = loads(payload)
            refs = {key: obj[key] for key in keys}
            optional = _OPTIONAL_NESTED_FIELDS.get(event.type, ())
            refs.update({key: obj[key] for key in optional if obj.get(key) is not None})
        except (MalformedDataError, KeyError, TypeError, AttributeError) as e:
            raise ArchiveFormatError(f"{event.type} payload is malformed: {e}") from e
        _check_wrapper(event, obj, payload)
        for key, ref in refs.items():
            if not _is_hex_hash(ref):
                raise ArchiveFormatError(f"{event.type} payload field {key} is not a hash")
            nested[key] = _take(pending, ref, f"{event.type} {key}")
    return ResolvedEvent(event, digest, payload, nested)


# The payloads that point at other data, with their fields in belenios-tool's order.
_WRAPPER_FIELDS: dict[str, tuple[str, ...]] = {
    "Setup": ("election", "trustees", "credentials"),
    "EncryptedTally": ("num_tallied", "total_weight", "encrypted_tally"),
    "PartialDecryption": ("owner", "payload"),
}


def _check_wrapper(event: Event, obj: dict[str, Any], payload: bytes) -> None:
    fields = _WRAPPER_FIELDS.get(event.type)
    if fields is None:
        return
    # An optional field (3.2's credentials_certificate) comes after the others when present.
    fields += tuple(k for k in _OPTIONAL_NESTED_FIELDS.get(event.type, ()) if k in obj)
    if tuple(obj) != fields or dumps_compact(obj) != payload:
        raise ArchiveFormatError(
            f"{event.type} payload at height {event.height} is not in canonical form "
            f"(fields {list(obj)}, expected {list(fields)}, compact JSON)"
        )


def read_header(path: Path) -> ArchiveHeader:
    """The header of a `.bel` file (§4.4)."""
    for record in iter_records(path):
        return ArchiveHeader.from_bytes(record.content)
    raise ArchiveFormatError("empty archive")  # pragma: no cover - iter_records raises first


def last_event(path: Path) -> tuple[Event, str]:
    """The last event of an archive and its hash, after checking the chain (§4.4)."""
    found: tuple[Event, str] | None = None
    for resolved in iter_events(iter_records(path)):
        found = (resolved.event, resolved.hash)
    if found is None:
        raise ArchiveFormatError("archive has no event")
    return found


def _tar_header(name: str, size: int, mtime: int) -> bytes:
    # belenios-tool writes old-style (V7) headers: no ustar magic, mode 0644, uid 0.
    encoded = name.encode("ascii")
    if len(encoded) > 99:
        raise ArchiveFormatError(f"file name too long for a V7 tar: {name!r}")
    block = bytearray(_BLOCK)
    block[0 : len(encoded)] = encoded
    block[100:108] = b"0000644\0"
    block[108:116] = b"0000000\0"
    block[116:124] = b"0000000\0"
    block[124:136] = b"%011o\0" % size
    block[136:148] = b"%011o\0" % mtime
    block[148:156] = b" " * 8
    block[156:157] = b"0"
    checksum = sum(block)
    block[148:156] = b"%06o\0 " % checksum
    return bytes(block)


def _tar_header_or_none(name: str, size: int, mtime: int) -> bytes | None:
    try:
        return _tar_header(name, size, mtime)
    except (ArchiveFormatError, OverflowError, ValueError):
        return None


def tar_member(name: str, content: bytes, mtime: int) -> bytes:
    """One V7 tar member as belenios-tool writes it (§4.4)."""
    padding = (-len(content)) % _BLOCK
    return _tar_header(name, len(content), mtime) + content + b"\0" * padding


def data_name(content: bytes) -> str:
    """File name of a data file (§4.4)."""
    return sha256_hex(content) + DATA_SUFFIX


def event_name(content: bytes) -> str:
    """File name of an event file (§4.4)."""
    return sha256_hex(content) + EVENT_SUFFIX


@dataclass(frozen=True)
class PendingEvent:
    """An event to append: its type and the data files it brings, payload last."""

    type: EventType
    data: tuple[bytes, ...] = ()


def build_members(
    events: Iterable[PendingEvent], *, parent: str | None, height: int, mtime: int
) -> tuple[bytes, str | None, int]:
    """Tar members for events chained after ``parent`` (§4.4).

    Returns the bytes, the hash of the last event and the next height. The
    payload of each event is its last data file.
    """
    out = bytearray()
    for pending in events:
        for content in pending.data:
            out += tar_member(data_name(content), content, mtime)
        payload = sha256_hex(pending.data[-1]) if pending.data else None
        event = Event(height=height, type=pending.type, parent=parent, payload=payload)
        content = event.to_bytes()
        out += tar_member(event_name(content), content, mtime)
        parent, height = sha256_hex(content), height + 1
    return bytes(out), parent, height


def write_archive(path: Path, header: ArchiveHeader, events: Iterable[PendingEvent]) -> None:
    """Write a new archive: header, then each event with its data (§4.4)."""
    body, _, _ = build_members(events, parent=None, height=0, mtime=header.timestamp)
    head = tar_member(HEADER_NAME, header.to_bytes(), header.timestamp)
    tmp = path.with_name(path.name + ".tmp")
    # belenios-tool writes no end-of-archive blocks, so appending is plain concatenation.
    tmp.write_bytes(head + body)
    os.replace(tmp, path)


def _scan_for_append(path: Path) -> tuple[ArchiveHeader, Event, str, int]:
    """Header, last event, its hash and the end of the last member, in one checked pass."""
    seen: dict[str, Any] = {"end": 0, "header": None}

    def tracked(stream: IO[bytes]) -> Iterator[tuple[str, bytes, int]]:
        for member in _iter_tar(stream):
            if seen["header"] is None:
                seen["header"] = ArchiveHeader.from_bytes(member[1])
            seen["end"] = member[2]
            yield member

    found: tuple[Event, str] | None = None
    with path.open("rb") as stream:
        for resolved in iter_events(_checked_records(tracked(stream))):
            found = (resolved.event, resolved.hash)
    if seen["header"] is None or found is None:
        raise ArchiveFormatError("archive has no event")
    return seen["header"], found[0], found[1], seen["end"]


def append_events(path: Path, events: Iterable[PendingEvent]) -> str:
    """Append events to an existing archive, continuing its chain (§4.4).

    The existing archive is checked first (hashes, chain). The new members are
    written after the last one and flushed to disk; if writing fails, the file
    is cut back to its previous length. Returns the hash of the new last event.
    """
    header, last, last_hash, end = _scan_for_append(path)
    body, new_last, _ = build_members(
        events, parent=last_hash, height=last.height + 1, mtime=header.timestamp
    )
    with path.open("r+b") as stream:
        try:
            stream.seek(end)
            stream.write(body)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        except OSError:
            stream.seek(end)
            stream.truncate()
            raise
    if new_last is None:
        return last_hash
    return new_last
