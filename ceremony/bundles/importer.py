"""Importing a bundle: the checks of DESIGN.md §4, in order, each a named error.

1. zip sanity ............................ :class:`ZipSanityError`
2. manifest: magic, version, type, schema  :class:`BundleMagicError`,
   :class:`BundleVersionError`, :class:`BundleTypeError`, :class:`ManifestSchemaError`
3. signatures against the policy ......... :class:`SignatureFormatError`,
   :class:`SignaturePolicyError`
4. file hashes and sizes, nothing unlisted, nothing missing
   .......................................... :class:`FileIntegrityError`,
   :class:`UnlistedFileError`, :class:`MissingFileError`
5. payload schema (only now, once the bytes are vouched for)
   .......................................... :class:`PayloadSchemaError`
6. cross-references ...................... :class:`BureauMismatchError`,
   :class:`ContestMismatchError`, :class:`ElectionFingerprintError`,
   :class:`PlatformKeyMismatchError`, :class:`MemberKeyMismatchError`
7. freshness ............................. :class:`StaleStatusError`,
   :class:`ReplayedBundleError`

:func:`import_bundle` is pure: it takes the bytes and what is already pinned
(:class:`ImportContext`, as data) and returns a :class:`VerifiedBundle`. It
writes nothing. **Nothing is stored unless every check passes**: storing the
bundle, pinning new keys and recording its id are the caller's job, after
success only.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Final, Generic, TypeVar

from ceremony.bundles.canonical import parse_json
from ceremony.bundles.envelope import Bundle, signatures_from_bytes
from ceremony.bundles.errors import (
    BundleTypeError,
    BureauMismatchError,
    ContestMismatchError,
    DefinitionMismatchError,
    ElectionFingerprintError,
    FileIntegrityError,
    ManifestSchemaError,
    MemberKeyMismatchError,
    MissingFileError,
    PayloadSchemaError,
    PlatformKeyMismatchError,
    ReplayedBundleError,
    SignatureFormatError,
    SignaturePolicyError,
    StaleStatusError,
    UnlistedFileError,
    ZipSanityError,
)
from ceremony.bundles.keys import PublicKey, verify_signature
from ceremony.bundles.manifest import (
    MANIFEST_NAME,
    SIGNATURES_NAME,
    BundleType,
    Manifest,
)
from ceremony.bundles.payloads.common import MemberKey
from ceremony.bundles.payloads.definition import DefinitionPayload
from ceremony.bundles.payloads.results import ResultsPayload
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.payloads.status import StatusPayload
from ceremony.bundles.policy import (
    DEFAULT_DELEGATE_QUORUM,
    TrustedKey,
    VerificationResult,
    make_policy,
    verify_signatures,
)
from ceremony.bundles.sources import ZipFiles, digest_file, file_size
from ceremony.bundles.types import PAYLOAD_TYPES, AnyPayload, election_fingerprints_of
from ceremony.bundles.zipio import (
    DEFAULT_LIMITS,
    FILE_LIMITS,
    ZIP_ERRORS,
    ZipLimits,
    check_archive,
    read_member,
    read_zip,
)

MAX_METADATA_BYTES: Final = 16 << 20

P = TypeVar("P", bound=AnyPayload)


@dataclass(frozen=True)
class StatusMark:
    """The last status imported: a new one must be strictly later on both."""

    sequence: int
    as_of: datetime


@dataclass(frozen=True)
class ImportContext:
    """What is already pinned when a bundle arrives (data, no I/O).

    ``platform_key``: for a definition, the key whose fingerprint was checked out
    of band; afterwards, the key pinned from the verified definition.
    ``member_keys``: the card keys recorded at the key ceremony.
    ``contest_uuids`` and ``election_fingerprints``: the bureau's contests (from
    the definition) and their election fingerprints (from the seal); empty
    means "not known yet" and skips that comparison.
    """

    bureau_id: str | None = None
    platform_key: PublicKey | None = None
    member_keys: tuple[MemberKey, ...] = ()
    delegate_quorum: int = DEFAULT_DELEGATE_QUORUM
    contest_uuids: tuple[str, ...] = ()
    election_fingerprints: Mapping[str, str] = field(default_factory=dict)
    definition_bundle_id: str | None = None
    seen_bundle_ids: frozenset[str] = frozenset()
    last_status: StatusMark | None = None

    def trusted_keys(self) -> tuple[TrustedKey, ...]:
        keys = [TrustedKey(m.key, m.role, m.member_id) for m in self.member_keys]
        if self.platform_key is not None:
            keys.append(TrustedKey(self.platform_key, "platform", "platform"))
        return tuple(keys)


@dataclass(frozen=True)
class VerifiedBundle(Generic[P]):
    """A bundle that passed every check, with its typed payload."""

    bundle: Bundle
    payload: P
    verification: VerificationResult

    @property
    def manifest(self) -> Manifest:
        return self.bundle.manifest


def pin_definition(
    context: ImportContext, definition: VerifiedBundle[DefinitionPayload], bureau_id: str
) -> ImportContext:
    """The context after a verified definition: this bureau's contests, quorum, platform key."""
    if bureau_id not in definition.payload.bureau_ids():
        raise BureauMismatchError(f"the definition has no bureau {bureau_id!r}")
    bureau = definition.payload.bureau(bureau_id)
    return replace(
        context,
        bureau_id=bureau_id,
        platform_key=definition.payload.platform_key,
        delegate_quorum=bureau.delegate_quorum,
        contest_uuids=tuple(c.contest_uuid for c in bureau.contests),
        definition_bundle_id=definition.manifest.bundle_id,
        seen_bundle_ids=context.seen_bundle_ids | {definition.manifest.bundle_id},
    )


# 1 + 2 -------------------------------------------------------------------
def read_bundle(
    data: bytes, expected_type: BundleType, limits: ZipLimits = DEFAULT_LIMITS
) -> Bundle:
    """Steps 1–2 and the parsing of step 3: a bundle whose signatures are not checked yet."""
    entries = read_zip(data, limits)
    if MANIFEST_NAME not in entries:
        raise ManifestSchemaError("no manifest.json in the bundle")
    manifest_bytes = entries.pop(MANIFEST_NAME)
    manifest = Manifest.from_dict(parse_json(manifest_bytes, ManifestSchemaError, MANIFEST_NAME))
    manifest.check_type(expected_type)
    if SIGNATURES_NAME not in entries:
        raise SignatureFormatError("no signatures.json in the bundle")
    signatures = signatures_from_bytes(entries.pop(SIGNATURES_NAME))
    return Bundle(manifest, manifest_bytes, entries, signatures)


# 4 -----------------------------------------------------------------------
def verify_files(bundle: Bundle) -> None:
    """Every listed file present with its size and SHA-256; nothing unlisted (streams)."""
    listed = {entry.path for entry in bundle.manifest.files}
    if unlisted := set(bundle.files) - listed:
        raise UnlistedFileError(f"{len(unlisted)} file(s) not in the manifest")
    for entry in bundle.manifest.files:
        if entry.path not in bundle.files:
            raise MissingFileError(f"{entry.path!r} listed but absent")
        size = file_size(bundle.files, entry.path)
        if size != entry.size:
            raise FileIntegrityError(f"{entry.path!r}: {size} bytes, manifest says {entry.size}")
        sha256, size = digest_file(bundle.files, entry.path)
        if sha256 != entry.sha256 or size != entry.size:
            raise FileIntegrityError(f"{entry.path!r}: SHA-256 differs from the manifest")


# 5 -----------------------------------------------------------------------
def parse_payload(bundle: Bundle) -> AnyPayload:
    payload_name, parse = PAYLOAD_TYPES[bundle.manifest.bundle_type]
    if bundle.manifest.payload != payload_name:
        raise PayloadSchemaError(
            f"payload is {bundle.manifest.payload!r}, expected {payload_name!r}"
        )
    data = parse_json(bundle.payload_bytes, PayloadSchemaError, payload_name)
    payload = parse(data)
    if payload.to_dict() != data:
        raise PayloadSchemaError(f"{payload_name}: not in the normal form")
    manifest_files = {entry.path: entry for entry in bundle.manifest.files}
    referenced = set()
    for ref in payload.file_refs():
        entry = manifest_files.get(ref.path)
        if entry is None or not ref.matches(entry):
            raise PayloadSchemaError(f"{payload_name} references {ref.path!r} unlike the manifest")
        referenced.add(ref.path)
    if extra := set(manifest_files) - referenced - {payload_name}:
        raise PayloadSchemaError(f"{len(extra)} attached file(s) no payload field refers to")
    return payload


# 6 -----------------------------------------------------------------------
def verify_cross_references(bundle: Bundle, payload: AnyPayload, context: ImportContext) -> None:
    manifest = bundle.manifest
    _verify_bureau(manifest, payload, context)
    _verify_contests(manifest, payload, context)
    _verify_fingerprints(manifest, payload, context)
    if isinstance(payload, DefinitionPayload) and payload.platform_key != context.platform_key:
        raise PlatformKeyMismatchError("definition names another platform key than the pinned one")
    if isinstance(payload, SealPayload):
        if set(payload.member_keys) != set(context.member_keys):
            raise MemberKeyMismatchError("seal member keys differ from the key ceremony's")
        if context.definition_bundle_id not in {None, payload.definition_bundle_id}:
            raise DefinitionMismatchError("seal refers to another definition bundle")
    if isinstance(payload, ResultsPayload):
        _verify_pv_signatures(bundle, payload, context)


def _verify_bureau(manifest: Manifest, payload: AnyPayload, context: ImportContext) -> None:
    if sorted(payload.bureau_ids()) != sorted(manifest.bureau_ids):
        raise BureauMismatchError("payload and manifest name different bureaux")
    if context.bureau_id is None:
        if manifest.bundle_type != "definition":
            raise BureauMismatchError("no bureau pinned to import this bundle against")
        return
    if context.bureau_id not in manifest.bureau_ids:
        raise BureauMismatchError(f"bundle is not for bureau {context.bureau_id!r}")


def _verify_contests(manifest: Manifest, payload: AnyPayload, context: ImportContext) -> None:
    if sorted(payload.contest_uuids()) != sorted(manifest.contest_uuids):
        raise ContestMismatchError("payload and manifest list different contests")
    if not context.contest_uuids or manifest.bundle_type == "definition":
        return
    mine, theirs = set(context.contest_uuids), set(manifest.contest_uuids)
    if manifest.bundle_type == "decision":
        if not theirs <= mine:
            raise ContestMismatchError("decision names a contest of another bureau")
    elif theirs != mine:
        raise ContestMismatchError(f"{len(theirs ^ mine)} contest(s) differ from the bureau's")


def _verify_fingerprints(manifest: Manifest, payload: AnyPayload, context: ImportContext) -> None:
    if election_fingerprints_of(payload) != dict(manifest.election_fingerprints):
        raise ElectionFingerprintError("payload and manifest fingerprints differ")
    for uuid, fingerprint in manifest.election_fingerprints.items():
        pinned = context.election_fingerprints.get(uuid)
        if pinned is not None and pinned != fingerprint:
            raise ElectionFingerprintError(f"contest {uuid}: fingerprint differs from the seal's")
    if (
        context.election_fingerprints
        and manifest.bundle_type in {"urn", "results"}
        and set(manifest.election_fingerprints) != set(context.election_fingerprints)
    ):
        raise ElectionFingerprintError("contests with fingerprints differ from the seal's")


def _verify_pv_signatures(bundle: Bundle, payload: ResultsPayload, context: ImportContext) -> None:
    pinned = {m.key.key_id: m for m in context.member_keys}
    pv = bundle.files[payload.pv.path]
    for signature in payload.pv_signatures:
        member = pinned.get(signature.key_id)
        if member is None or member.role != signature.role:
            raise MemberKeyMismatchError("a PV signature is by a key not pinned at the ceremony")
        try:
            verify_signature(member.key, pv, signature.value)
        except SignaturePolicyError as exc:
            raise SignaturePolicyError(f"PV signature: {exc.technical}") from exc


# 7 -----------------------------------------------------------------------
def verify_freshness(bundle: Bundle, payload: AnyPayload, context: ImportContext) -> None:
    if bundle.manifest.bundle_id in context.seen_bundle_ids:
        raise ReplayedBundleError(f"bundle {bundle.manifest.bundle_id} already imported")
    last = context.last_status
    if (
        isinstance(payload, StatusPayload)
        and last is not None
        and (payload.sequence <= last.sequence or payload.as_of <= last.as_of)
    ):
        raise StaleStatusError(
            f"status #{payload.sequence} not after #{last.sequence} already imported"
        )


def read_bundle_file(
    path: Path, expected_type: BundleType, limits: ZipLimits = FILE_LIMITS
) -> Bundle:
    """:func:`read_bundle` for a zip on disk: payload files stay there (:class:`ZipFiles`).

    Only ``manifest.json`` and ``signatures.json`` are read into memory (at most
    :data:`MAX_METADATA_BYTES` each); payload files are streamed when hashed and
    re-checked against the manifest whenever they are read later.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in check_archive(archive, limits)}
            metadata = {}
            for name in (MANIFEST_NAME, SIGNATURES_NAME):
                info = infos.pop(name, None)
                if info is not None and info.file_size > MAX_METADATA_BYTES:
                    raise ZipSanityError(f"{name} over {MAX_METADATA_BYTES} bytes")
                metadata[name] = None if info is None else read_member(archive, info)
    except ZipSanityError:
        raise
    except ZIP_ERRORS as exc:
        raise ZipSanityError(f"unreadable zip: {type(exc).__name__}: {exc}") from exc
    manifest_bytes = metadata[MANIFEST_NAME]
    if manifest_bytes is None:
        raise ManifestSchemaError("no manifest.json in the bundle")
    manifest = Manifest.from_dict(parse_json(manifest_bytes, ManifestSchemaError, MANIFEST_NAME))
    manifest.check_type(expected_type)
    signatures_bytes = metadata[SIGNATURES_NAME]
    if signatures_bytes is None:
        raise SignatureFormatError("no signatures.json in the bundle")
    signatures = signatures_from_bytes(signatures_bytes)
    entries = {entry.path: entry for entry in manifest.files}
    return Bundle(manifest, manifest_bytes, ZipFiles(path, infos, entries), signatures)


def import_bundle_file(
    path: Path,
    expected_type: BundleType,
    context: ImportContext,
    limits: ZipLimits = FILE_LIMITS,
) -> VerifiedBundle[AnyPayload]:
    """:func:`import_bundle` for a zip on disk, in memory flat in the size of its files.

    The payload files of the result stream from ``path`` and are checked again
    on every read; a caller that keeps the bundle copies it (streaming) first.
    """
    bundle = read_bundle_file(path, expected_type, limits)
    return _verify(bundle, expected_type, context)


def import_bundle(
    data: bytes,
    expected_type: BundleType,
    context: ImportContext,
    limits: ZipLimits = DEFAULT_LIMITS,
) -> VerifiedBundle[AnyPayload]:
    """Run every check in order; return the verified bundle; write nothing."""
    return _verify(read_bundle(data, expected_type, limits), expected_type, context)


def _verify(
    bundle: Bundle, expected_type: BundleType, context: ImportContext
) -> VerifiedBundle[AnyPayload]:
    verification = verify_signatures(
        bundle, make_policy(expected_type, context.delegate_quorum), context.trusted_keys()
    )
    verify_files(bundle)
    payload = parse_payload(bundle)
    verify_cross_references(bundle, payload, context)
    verify_freshness(bundle, payload, context)
    return VerifiedBundle(bundle, payload, verification)


def expect_payload(verified: VerifiedBundle[AnyPayload], kind: type[P]) -> VerifiedBundle[P]:
    """Narrow a verified bundle to its payload class (for typed callers)."""
    if not isinstance(verified.payload, kind):
        raise BundleTypeError(f"payload is {type(verified.payload).__name__}, not {kind.__name__}")
    return VerifiedBundle(verified.bundle, verified.payload, verified.verification)
