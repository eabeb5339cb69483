"""The signed part of a bundle: ``manifest.json`` (DESIGN.md §4).

Example (the exchange form is the canonical form, keys sorted)::

    {"bundle_id": "0b0f…", "bundle_type": "status", "bureau_ids": ["csn"],
     "contest_uuids": ["5HAm8SgsV5Ww3P"], "created_at": "2024-12-03T10:00:00Z",
     "election_fingerprints": {"5HAm8SgsV5Ww3P": "<43 chars>"},
     "files": [{"path": "status.json", "sha256": "…", "size": 1234}],
     "format_version": 1, "magic": "bureau-bundle", "payload": "status.json"}

``payload`` names the main JSON document of the bundle type; every file of
the bundle, that one included, is listed in ``files`` with its SHA-256 and size.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from ceremony.bundles.canonical import canonical_bytes
from ceremony.bundles.errors import (
    BundleMagicError,
    BundleTypeError,
    BundleVersionError,
    ManifestSchemaError,
)
from ceremony.bundles.schema import (
    FINGERPRINT_RE,
    ID_RE,
    SHA256_RE,
    UUID_RE,
    Reader,
    utc_text,
)
from ceremony.bundles.zipio import check_entry_name

MAGIC: Final = "bureau-bundle"
FORMAT_VERSION: Final = 1
BUNDLE_TYPES: Final = frozenset({"definition", "seal", "status", "decision", "urn", "results"})
# Annexes written after the ceremony, same envelope, read by their own verifier
# (the recount report: ceremony.workflow.recount_bundle); never imported in a store.
ANNEX_BUNDLE_TYPES: Final = frozenset({"recount"})
MANIFEST_NAME: Final = "manifest.json"
SIGNATURES_NAME: Final = "signatures.json"
RESERVED_NAMES: Final = frozenset({MANIFEST_NAME, SIGNATURES_NAME})
MAX_FILES: Final = 9_000

BundleId = str
BundleType = str
ContestUuid = str
BureauId = str


@dataclass(frozen=True)
class FileEntry:
    """One payload file as the manifest vouches for it."""

    path: str
    sha256: str
    size: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "size": self.size}

    @classmethod
    def from_reader(cls, r: Reader) -> FileEntry:
        r.keys({"path", "sha256", "size"})
        path = r.text("path")
        if (why := check_entry_name(path)) is not None or path in RESERVED_NAMES:
            raise r.fail(f"path is not a payload file name ({why or 'reserved'})")
        return cls(path, r.text("sha256", pattern=SHA256_RE), r.integer("size"))


@dataclass(frozen=True)
class Manifest:
    """The document every signature covers (through its RFC 8785 bytes)."""

    bundle_type: BundleType
    bundle_id: BundleId
    bureau_ids: tuple[BureauId, ...]
    contest_uuids: tuple[ContestUuid, ...]
    election_fingerprints: Mapping[ContestUuid, str]
    created_at: datetime
    payload: str
    files: tuple[FileEntry, ...]
    format_version: int = FORMAT_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "magic": MAGIC,
            "format_version": self.format_version,
            "bundle_type": self.bundle_type,
            "bundle_id": self.bundle_id,
            "bureau_ids": list(self.bureau_ids),
            "contest_uuids": list(self.contest_uuids),
            "election_fingerprints": dict(sorted(self.election_fingerprints.items())),
            "created_at": utc_text(self.created_at),
            "payload": self.payload,
            "files": [entry.to_dict() for entry in self.files],
        }

    def signed_bytes(self) -> bytes:
        """The RFC 8785 bytes that signatures cover."""
        return canonical_bytes(self.to_dict())

    def file(self, path: str) -> FileEntry:
        for entry in self.files:
            if entry.path == path:
                return entry
        raise ManifestSchemaError(f"manifest lists no file {path!r}")

    @classmethod
    def from_dict(cls, data: Any) -> Manifest:
        """Parse and check a manifest: magic, then version, then type, then the schema."""
        r = Reader(data, ManifestSchemaError, "manifest")
        if r.data.get("magic") != MAGIC:
            raise BundleMagicError("manifest.magic is not 'bureau-bundle'")
        version = r.data.get("format_version")
        if version != FORMAT_VERSION or isinstance(version, bool):
            raise BundleVersionError(f"format_version {version!r}, expected {FORMAT_VERSION}")
        bundle_type = r.data.get("bundle_type")
        if not isinstance(bundle_type, str) or bundle_type not in BUNDLE_TYPES | ANNEX_BUNDLE_TYPES:
            raise BundleTypeError("manifest.bundle_type is not a known bundle type")
        r.keys(
            {
                "magic",
                "format_version",
                "bundle_type",
                "bundle_id",
                "bureau_ids",
                "contest_uuids",
                "election_fingerprints",
                "created_at",
                "payload",
                "files",
            }
        )
        fingerprints = r.child("election_fingerprints")
        contests = r.texts("contest_uuids", pattern=ID_RE)
        for uuid in fingerprints.data:
            if uuid not in contests:
                raise r.fail("election_fingerprints names a contest not in contest_uuids")
            fingerprints.text(uuid, pattern=FINGERPRINT_RE)
        files = r.objects("files", FileEntry.from_reader, max_items=MAX_FILES)
        paths = [entry.path for entry in files]
        if len({p.casefold() for p in paths}) != len(paths):
            raise r.fail("files lists a path twice")
        payload = r.text("payload")
        if payload not in paths:
            raise r.fail("payload is not one of the listed files")
        bureaux = r.texts("bureau_ids", pattern=ID_RE)
        if not bureaux:
            raise r.fail("bureau_ids is empty")
        manifest = cls(
            bundle_type=bundle_type,
            bundle_id=r.text("bundle_id", pattern=UUID_RE),
            bureau_ids=bureaux,
            contest_uuids=contests,
            election_fingerprints=dict(fingerprints.data),
            created_at=r.utc_time("created_at"),
            payload=payload,
            files=files,
        )
        # One meaning per signed document: refuse spellings we would not write
        # ourselves (e.g. "2024-1-3T…" that strptime tolerates).
        if manifest.to_dict() != r.data:
            raise r.fail("not in the normal form (field spelled differently than written)")
        return manifest

    def check_type(self, expected: BundleType) -> None:
        if self.bundle_type != expected:
            raise BundleTypeError(f"bundle_type {self.bundle_type!r}, expected {expected!r}")

    def __post_init__(self) -> None:
        if self.bundle_type not in BUNDLE_TYPES | ANNEX_BUNDLE_TYPES:
            raise BundleTypeError(f"unknown bundle type {self.bundle_type!r}")
