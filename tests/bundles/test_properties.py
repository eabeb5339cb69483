"""Hostile input: random bytes and random mutations of valid bundles.

The property: importing never raises anything but a named error (a subclass of
CeremonyError), and when a mutated bundle is still accepted, what was accepted
is exactly what was signed.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceremony.bundles.envelope import Bundle
from ceremony.bundles.importer import import_bundle, import_bundle_file
from ceremony.bundles.zipio import write_zip
from ceremony.errors import CeremonyError
from tests.bundles.factory import context_for, entries_of, signed_bundle, signers_for, with_files

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TYPES = st.sampled_from(["definition", "seal", "status", "decision", "urn", "results"])


def dump(document: Any) -> bytes:
    """Plain JSON (not canonical: a hostile writer need not respect I-JSON)."""
    return json.dumps(document).encode()


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.integers(-(2**53) - 2, 2**53 + 2)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)


@cache
def valid(bundle_type: str) -> Bundle:
    return signed_bundle(bundle_type)


def check(data: bytes, bundle_type: str) -> None:
    """Import ``data``: a named error, or exactly the signed content."""
    try:
        verified = import_bundle(data, bundle_type, context_for(bundle_type))
    except CeremonyError:
        return
    original = valid(bundle_type)
    assert verified.bundle.signed_bytes == original.signed_bytes
    assert dict(verified.bundle.files) == dict(original.files)


@SETTINGS
@given(data=st.binary(max_size=4096), bundle_type=TYPES)
def test_random_bytes(data: bytes, bundle_type: str) -> None:
    check(data, bundle_type)


@SETTINGS
@given(data=st.binary(max_size=200), bundle_type=TYPES)
def test_random_bytes_behind_a_zip_magic(data: bytes, bundle_type: str) -> None:
    check(b"PK\x03\x04" + data, bundle_type)


@SETTINGS
@given(
    bundle_type=TYPES,
    flips=st.lists(
        st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=8
    ),
)
def test_byte_flips(bundle_type: str, flips: list[tuple[int, int]]) -> None:
    data = bytearray(valid(bundle_type).to_bytes())
    for position, mask in flips:
        data[position % len(data)] ^= mask
    check(bytes(data), bundle_type)


@SETTINGS
@given(bundle_type=TYPES, cut=st.integers(min_value=0))
def test_truncation(bundle_type: str, cut: int) -> None:
    data = valid(bundle_type).to_bytes()
    check(data[: cut % len(data)], bundle_type)


def rezip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


@pytest.mark.filterwarnings("ignore:Duplicate name")
@SETTINGS
@given(
    bundle_type=TYPES,
    index=st.integers(min_value=0),
    name=st.text(min_size=1, max_size=40) | st.sampled_from(["manifest.json", "../x", "/abs"]),
)
def test_entry_renames(bundle_type: str, index: int, name: str) -> None:
    entries = entries_of(valid(bundle_type))
    _, content = entries[index % len(entries)]
    entries[index % len(entries)] = (name, content)
    try:
        data = rezip(entries)
    except (UnicodeEncodeError, ValueError):
        return  # not even writable as a zip entry name
    check(data, bundle_type)


def mutate(document: Any, path: list[int], value: Any, delete: bool) -> Any:
    """Replace (or delete) one node of a JSON document chosen by ``path``."""
    if not path or not isinstance(document, dict | list) or not document:
        return value
    keys = list(document) if isinstance(document, dict) else list(range(len(document)))
    key = keys[path[0] % len(keys)]
    copy: Any = dict(document) if isinstance(document, dict) else list(document)
    if delete and len(path) == 1:
        del copy[key]
    else:
        copy[key] = mutate(document[key], path[1:], value, delete)
    return copy


@SETTINGS
@given(
    bundle_type=TYPES,
    path=st.lists(st.integers(min_value=0), min_size=1, max_size=5),
    value=json_values,
    delete=st.booleans(),
)
def test_manifest_edits(bundle_type: str, path: list[int], value: Any, delete: bool) -> None:
    bundle = valid(bundle_type)
    entries = dict(entries_of(bundle))
    entries["manifest.json"] = dump(mutate(bundle.manifest.to_dict(), path, value, delete))
    check(write_zip(entries), bundle_type)


@SETTINGS
@given(
    bundle_type=TYPES,
    path=st.lists(st.integers(min_value=0), min_size=1, max_size=5),
    value=json_values,
    delete=st.booleans(),
)
def test_signatures_edits(bundle_type: str, path: list[int], value: Any, delete: bool) -> None:
    bundle = valid(bundle_type)
    entries = dict(entries_of(bundle))
    original = {"signatures": [s.to_dict() for s in bundle.signatures]}
    entries["signatures.json"] = dump(mutate(original, path, value, delete))
    check(write_zip(entries), bundle_type)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bundle_type=TYPES,
    path=st.lists(st.integers(min_value=0), min_size=1, max_size=7),
    value=json_values,
    delete=st.booleans(),
)
def test_validly_signed_payload_edits(
    bundle_type: str, path: list[int], value: Any, delete: bool
) -> None:
    """A signer that signs garbage (a compromised platform): still only named errors."""
    bundle = valid(bundle_type)
    files = dict(bundle.files)
    document = import_bundle(bundle.to_bytes(), bundle_type, context_for(bundle_type)).payload
    files[bundle.manifest.payload] = dump(mutate(document.to_dict(), path, value, delete))
    resigned = with_files(bundle, files, signers_for(bundle_type))
    try:
        verified = import_bundle(resigned.to_bytes(), bundle_type, context_for(bundle_type))
    except CeremonyError:
        return
    # Accepted only if the edit kept the document valid: it means what it says.
    assert verified.payload.to_dict() == json.loads(files[bundle.manifest.payload])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bundle_type=TYPES,
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), max_size=4),
    cut=st.integers(min_value=0),
)
def test_mutated_bundle_files_on_disk(
    bundle_type: str, flips: list[tuple[int, int]], cut: int
) -> None:
    """The streaming import from a file: same property, and every later read re-checked."""
    data = bytearray(valid(bundle_type).to_bytes())
    for position, mask in flips:
        data[position % len(data)] ^= mask
    data = data[: len(data) - cut % 64]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bundle.zip"
        path.write_bytes(bytes(data))
        try:
            verified = import_bundle_file(path, bundle_type, context_for(bundle_type))
        except CeremonyError:
            return
        original = valid(bundle_type)
        assert verified.bundle.signed_bytes == original.signed_bytes
        assert dict(verified.bundle.files) == dict(original.files)
