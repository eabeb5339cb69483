"""Bundles whose large files stay on disk: writing and importing in flat memory."""

from __future__ import annotations

import random
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from ceremony.bundles.envelope import Bundle, sign_bundle, write_bundle_file
from ceremony.bundles.errors import (
    FileIntegrityError,
    MissingFileError,
    UnlistedFileError,
    ZipSanityError,
)
from ceremony.bundles.importer import import_bundle, import_bundle_file
from ceremony.bundles.manifest import BUNDLE_TYPES
from ceremony.bundles.payloads.common import FileRef
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.bundles.sources import CHUNK, DiskFiles, ZipFiles, open_file
from ceremony.bundles.types import make_typed_bundle
from ceremony.bundles.zipio import write_zip
from tests.bundles.factory import (
    CONTESTS,
    NOW,
    context_for,
    entries_of,
    keys,
    sample,
    signed_bundle,
)

BIG = 48 << 20


def write(tmp_path: Path, data: bytes, name: str = "bundle.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("bundle_type", sorted(BUNDLE_TYPES))
def test_file_import_equals_memory_import(tmp_path: Path, bundle_type: str) -> None:
    bundle = signed_bundle(bundle_type)
    target = tmp_path / "out.zip"
    write_bundle_file(bundle, target)
    assert target.read_bytes() == bundle.to_bytes()
    from_file = import_bundle_file(target, bundle_type, context_for(bundle_type))
    in_memory = import_bundle(bundle.to_bytes(), bundle_type, context_for(bundle_type))
    assert from_file.payload == in_memory.payload
    assert isinstance(from_file.bundle.files, ZipFiles)
    assert dict(from_file.bundle.files) == dict(in_memory.bundle.files)


def test_file_import_reports_the_same_named_errors(tmp_path: Path) -> None:
    entries = dict(entries_of(signed_bundle("urn")))
    context = context_for("urn")
    with pytest.raises(ZipSanityError):
        import_bundle_file(write(tmp_path, b"garbage"), "urn", context)
    with pytest.raises(ZipSanityError):
        import_bundle_file(tmp_path / "absent.zip", "urn", context)
    tampered = {**entries, "emargement.json": b"[]"}
    with pytest.raises(FileIntegrityError):
        import_bundle_file(write(tmp_path, write_zip(tampered)), "urn", context)
    extra = {**entries, "notes.txt": b"hi"}
    with pytest.raises(UnlistedFileError):
        import_bundle_file(write(tmp_path, write_zip(extra)), "urn", context)
    missing = {k: v for k, v in entries.items() if k != "emargement.json"}
    with pytest.raises(MissingFileError):
        import_bundle_file(write(tmp_path, write_zip(missing)), "urn", context)


def big_urn(tmp_path: Path) -> Bundle:
    """An urn bundle whose first archive is a 48 MiB file on disk (incompressible)."""
    return big_urn_of_size(tmp_path, BIG)


def big_urn_of_size(tmp_path: Path, size: int) -> Bundle:
    """An urn bundle whose first archive is ``size`` random bytes on disk (also for the bench)."""
    archive = tmp_path / "big.bel"
    rng = random.Random(7)
    with archive.open("wb") as out:
        for _ in range(size // CHUNK):
            out.write(rng.randbytes(CHUNK))
    payload, files = sample("urn")
    assert isinstance(payload, UrnPayload)
    path = f"urns/{CONTESTS[0]}.bel"
    small = {name: content for name, content in files.items() if name != path}
    for name, content in small.items():
        (tmp_path / name.replace("/", "_")).write_bytes(content)
    disk = DiskFiles({path: archive, **{name: tmp_path / name.replace("/", "_") for name in small}})
    digest_ref = FileRef(path, *_digest(archive))
    first = replace(payload.contests[0], archive=digest_ref)
    payload = replace(payload, contests=(first, *payload.contests[1:]))
    bundle = make_typed_bundle(payload, disk, now=NOW)
    return sign_bundle(bundle, keys().platform)


def _digest(path: Path) -> tuple[str, int]:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest(), path.stat().st_size


def test_a_large_urn_is_written_and_imported_in_flat_memory(tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        bundle = big_urn(tmp_path)
        target = tmp_path / "urn.zip"
        write_bundle_file(bundle, target)
        verified = import_bundle_file(target, "urn", context_for("urn"))
        with open_file(verified.bundle.files, f"urns/{CONTESTS[0]}.bel") as stream:
            read = sum(len(chunk) for chunk in iter(lambda: stream.read(CHUNK), b""))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert target.stat().st_size > BIG
    assert read == BIG
    # A few chunks of buffers, never the 48 MiB file.
    assert peak < 12 << 20, f"peak {peak / 2**20:.1f} MiB"


def test_a_file_changed_on_disk_after_the_import_is_caught_when_read(tmp_path: Path) -> None:
    bundle = signed_bundle("urn")
    target = write(tmp_path, bundle.to_bytes())
    verified = import_bundle_file(target, "urn", context_for("urn"))
    entries = dict(entries_of(bundle))
    name = f"urns/{CONTESTS[1]}.bel"
    entries[name] = entries[name].replace(b"tar", b"TAR")
    target.write_bytes(write_zip(entries))
    with pytest.raises(FileIntegrityError):
        verified.bundle.files[name]
    assert verified.bundle.files["emargement.json"] == bundle.files["emargement.json"]
