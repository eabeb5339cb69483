"""The bundle envelope: manifest + payload files + signatures (python-tuf style).

A :class:`Bundle` keeps the original bytes of every payload file (the manifest
hashes point at them) and of the manifest as read. Signatures cover only the
RFC 8785 bytes of the manifest; the files are bound through their hashes.

Partial signing (Electrum's PSBT model): a seal travels from card to card,
each :func:`sign_bundle` adds one signature, :func:`combine` merges copies
signed in parallel and refuses copies whose signed content differs.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from ceremony.bundles.canonical import JsonValue, canonical_bytes, exchange_bytes, parse_json
from ceremony.bundles.errors import (
    CombineMismatchError,
    DuplicateSignatureError,
    PayloadBuildError,
    SignatureFormatError,
)
from ceremony.bundles.keys import ALGORITHMS, ROLES, KeyId, Signer
from ceremony.bundles.manifest import (
    MANIFEST_NAME,
    SIGNATURES_NAME,
    BundleType,
    FileEntry,
    Manifest,
)
from ceremony.bundles.schema import SHA256_RE, Reader
from ceremony.bundles.sources import ChainFiles, StreamedFiles, digest_file
from ceremony.bundles.zipio import write_zip, write_zip_stream

MAX_SIGNATURES: Final = 64
MAX_SIGNATURE_BYTES: Final = 1024


@dataclass(frozen=True)
class Signature:
    """One signature over the manifest's canonical bytes, naming its key."""

    key_id: KeyId
    role: str
    algorithm: str
    value: bytes

    def to_dict(self) -> dict[str, Any]:
        return {
            "algorithm": self.algorithm,
            "key_id": self.key_id,
            "role": self.role,
            "signature": self.value.hex(),
        }

    @classmethod
    def from_reader(cls, r: Reader) -> Signature:
        r.keys({"algorithm", "key_id", "role", "signature"})
        hex_value = r.text("signature")
        if len(hex_value) > 2 * MAX_SIGNATURE_BYTES or hex_value != hex_value.lower():
            raise r.fail("signature is too long or not lowercase hex")
        try:
            value = bytes.fromhex(hex_value)
        except ValueError as exc:
            raise r.fail("signature is not hex") from exc
        return cls(
            key_id=r.text("key_id", pattern=SHA256_RE),
            role=r.choice("role", ROLES),
            algorithm=r.choice("algorithm", ALGORITHMS),
            value=value,
        )


def signatures_to_bytes(signatures: tuple[Signature, ...]) -> bytes:
    ordered = sorted(signatures, key=lambda s: s.key_id)
    return exchange_bytes({"signatures": [s.to_dict() for s in ordered]})


def signatures_from_bytes(data: bytes) -> tuple[Signature, ...]:
    """Parse ``signatures.json``; any defect is a :class:`SignatureFormatError`."""
    r = Reader(
        parse_json(data, SignatureFormatError, SIGNATURES_NAME), SignatureFormatError, "signatures"
    )
    r.keys({"signatures"})
    signatures = r.objects("signatures", Signature.from_reader, max_items=MAX_SIGNATURES)
    key_ids = [s.key_id for s in signatures]
    if len(set(key_ids)) != len(key_ids):
        raise SignatureFormatError("two signatures by the same key")
    return signatures


@dataclass(frozen=True)
class Bundle:
    """A bundle as bytes and parsed manifest; verified or not (see ``importer``)."""

    manifest: Manifest
    manifest_bytes: bytes
    files: Mapping[str, bytes]
    signatures: tuple[Signature, ...] = ()

    @property
    def signed_bytes(self) -> bytes:
        """What every signature covers: RFC 8785 bytes of the manifest as read."""
        return canonical_bytes(parse_json(self.manifest_bytes, PayloadBuildError, MANIFEST_NAME))

    @property
    def payload_bytes(self) -> bytes:
        return self.files[self.manifest.payload]

    def to_bytes(self) -> bytes:
        """The deterministic zip written to removable media."""
        entries = dict(self.files)
        entries[MANIFEST_NAME] = self.manifest_bytes
        entries[SIGNATURES_NAME] = signatures_to_bytes(self.signatures)
        return write_zip(entries)


def file_entry(path: str, content: bytes) -> FileEntry:
    return FileEntry(path, hashlib.sha256(content).hexdigest(), len(content))


def write_bundle_file(bundle: Bundle, target: Path) -> None:
    """Write the bundle zip to ``target``, streaming large files (same bytes as ``to_bytes``)."""
    sources = ChainFiles(
        {
            MANIFEST_NAME: bundle.manifest_bytes,
            SIGNATURES_NAME: signatures_to_bytes(bundle.signatures),
        },
        bundle.files,
    )
    with target.open("wb") as out:
        write_zip_stream(out, sources)


def make_bundle(
    *,
    bundle_type: BundleType,
    payload_name: str,
    payload: JsonValue,
    attachments: Mapping[str, bytes],
    bureau_ids: tuple[str, ...],
    contest_uuids: tuple[str, ...],
    now: datetime,
    election_fingerprints: Mapping[str, str] | None = None,
    bundle_id: str | None = None,
) -> Bundle:
    """An unsigned bundle: the payload document plus attached files, hashed.

    ``now`` is the creation time (injected); ``bundle_id`` defaults to a fresh
    random UUID (pass one for reproducible output).
    """
    if payload_name in attachments:
        raise PayloadBuildError(f"attachment named like the payload {payload_name!r}")
    document = exchange_bytes(payload)
    files: Mapping[str, bytes] = (
        ChainFiles({payload_name: document}, attachments)
        if isinstance(attachments, StreamedFiles)
        else {payload_name: document, **attachments}
    )
    manifest = Manifest(
        bundle_type=bundle_type,
        bundle_id=bundle_id or str(uuid.uuid4()),
        bureau_ids=bureau_ids,
        contest_uuids=contest_uuids,
        election_fingerprints=dict(election_fingerprints or {}),
        created_at=now,
        payload=payload_name,
        files=tuple(FileEntry(path, *digest_file(files, path)) for path in sorted(files)),
    )
    manifest_bytes = exchange_bytes(manifest.to_dict())
    # What we write must be what we would accept: check the normal form now.
    Manifest.from_dict(parse_json(manifest_bytes, PayloadBuildError, MANIFEST_NAME))
    return Bundle(manifest, manifest_bytes, files)


def add_signature(bundle: Bundle, signature: Signature) -> Bundle:
    """The bundle with one more signature; a key signs once."""
    if any(s.key_id == signature.key_id for s in bundle.signatures):
        raise DuplicateSignatureError(f"key {signature.key_id[:16]}… already signed")
    return replace(bundle, signatures=(*bundle.signatures, signature))


def sign_bundle(bundle: Bundle, signer: Signer) -> Bundle:
    """Sign the manifest's canonical bytes with ``signer`` (a card or a software key)."""
    value = signer.sign(bundle.signed_bytes)
    return add_signature(bundle, Signature(signer.key_id, signer.role, signer.algorithm, value))


def _digests(bundle: Bundle) -> dict[str, tuple[str, int]]:
    return {name: digest_file(bundle.files, name) for name in bundle.files}


def combine(first: Bundle, *others: Bundle) -> Bundle:
    """Merge the signatures of copies of one bundle; refuse if the signed content differs.

    A key present in several copies keeps its first signature (ECDSA signatures
    of one message differ from one signing to the next, both valid).
    """
    merged = first
    for other in others:
        if other.signed_bytes != first.signed_bytes or _digests(other) != _digests(first):
            raise CombineMismatchError(
                f"bundle {other.manifest.bundle_id} differs from {first.manifest.bundle_id}"
            )
        for signature in other.signatures:
            if all(s.key_id != signature.key_id for s in merged.signatures):
                merged = add_signature(merged, signature)
    return merged
