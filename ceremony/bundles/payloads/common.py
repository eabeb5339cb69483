"""Pieces shared by several payloads: file references, fingerprints, logs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Protocol

from ceremony.bundles.errors import KeyFormatError, PayloadSchemaError
from ceremony.bundles.keys import PublicKey, Role
from ceremony.bundles.manifest import RESERVED_NAMES, FileEntry
from ceremony.bundles.schema import ID_RE, SHA256_RE, Reader, utc_text
from ceremony.bundles.zipio import check_entry_name

MEMBER_ROLES: Final = frozenset({"president", "secretary", "delegate"})


def reader(data: Any, where: str) -> Reader:
    return Reader(data, PayloadSchemaError, where)


@dataclass(frozen=True)
class FileRef:
    """A payload file of the bundle, by path, SHA-256 and size (the manifest must agree)."""

    path: str
    sha256: str
    size: int

    @classmethod
    def of(cls, path: str, content: bytes) -> FileRef:
        return cls(path, hashlib.sha256(content).hexdigest(), len(content))

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "size": self.size}

    @classmethod
    def from_reader(cls, r: Reader) -> FileRef:
        r.keys({"path", "sha256", "size"})
        path = r.text("path")
        if check_entry_name(path) is not None or path in RESERVED_NAMES:
            raise r.fail("path is not a payload file name")
        return cls(path, r.text("sha256", pattern=SHA256_RE), r.integer("size"))

    def matches(self, entry: FileEntry) -> bool:
        return (self.path, self.sha256, self.size) == (entry.path, entry.sha256, entry.size)


@dataclass(frozen=True)
class SoftwareFingerprint:
    """Name, version and SHA-256 of a software release (voting platform, Bureau)."""

    name: str
    version: str
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "sha256": self.sha256, "version": self.version}

    @classmethod
    def from_reader(cls, r: Reader) -> SoftwareFingerprint:
        r.keys({"name", "sha256", "version"})
        return cls(r.text("name"), r.text("version"), r.text("sha256", pattern=SHA256_RE))


@dataclass(frozen=True)
class Intervention:
    """One intervention on the voting system, reported to the bureau (DESIGN.md §1)."""

    at: datetime
    actor: str
    description: str
    measures: str = ""
    """The measures taken, when the platform reports them (optional key: older bundles
    read and hash the same); else the bureau enters them (workflow.interventions)."""

    def to_dict(self) -> dict[str, Any]:
        out = {"actor": self.actor, "at": utc_text(self.at), "description": self.description}
        if self.measures:
            out["measures"] = self.measures
        return out

    @classmethod
    def from_reader(cls, r: Reader) -> Intervention:
        r.keys({"actor", "at", "description"}, frozenset({"measures"}))
        measures = r.text("measures") if r.optional_text("measures") is not None else ""
        return cls(r.utc_time("at"), r.text("actor"), r.text("description"), measures)


@dataclass(frozen=True)
class MemberKey:
    """A member's card signing key, as recorded at the key ceremony."""

    member_id: str
    role: Role
    key: PublicKey

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key.to_dict(), "member_id": self.member_id, "role": self.role}

    @classmethod
    def from_reader(cls, r: Reader) -> MemberKey:
        r.keys({"key", "member_id", "role"})
        role = r.choice("role", MEMBER_ROLES)
        return cls(r.text("member_id", pattern=ID_RE), role, public_key(r, "key"))


def public_key(r: Reader, key: str) -> PublicKey:
    try:
        return PublicKey.from_dict(r.data.get(key))
    except KeyFormatError as exc:
        raise r.fail(f"{key}: {exc.technical}") from exc


class Payload(Protocol):
    """What every payload model offers to the importer."""

    def to_dict(self) -> dict[str, Any]: ...

    def file_refs(self) -> tuple[FileRef, ...]: ...

    def bureau_ids(self) -> tuple[str, ...]: ...

    def contest_uuids(self) -> tuple[str, ...]: ...
