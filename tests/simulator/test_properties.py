"""Hostile copies of the simulator's own bundles (real sizes and files, not samples).

The property of issue 5, on what the platform really sends: random byte flips
and truncations of a definition, a status and an urn are either refused with a
named error (a CeremonyError) or accepted with exactly the signed content.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceremony.bundles.importer import ImportContext, import_bundle, import_bundle_file
from ceremony.bundles.sources import open_file
from ceremony.errors import CeremonyError
from tests.simulator.conftest import Sealed

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = ("definition", "status", "urn")


@pytest.fixture(scope="module")
def originals(sealed: Sealed) -> dict[str, tuple[bytes, ImportContext]]:
    sim = sealed.simulator
    votes = sim.cast_votes()
    closing = sim.bureau().schedule.closing
    return {
        "definition": (
            sim.definition_bundle(),
            ImportContext(platform_key=sim.signer.public_key),
        ),
        "status": (sim.status_bundle(3, "closed", closing, votes), sealed.context),
        "urn": (
            sim.urn_bundle(sealed.seal, sealed.trustees, sealed.elections, votes),
            sealed.context,
        ),
    }


def check(originals: dict[str, tuple[bytes, ImportContext]], kind: str, data: bytes) -> None:
    original, context = originals[kind]
    try:
        verified = import_bundle(data, kind, context)
    except CeremonyError:
        return
    expected = import_bundle(original, kind, context)
    assert verified.bundle.signed_bytes == expected.bundle.signed_bytes
    assert dict(verified.bundle.files) == dict(expected.bundle.files)


flips = st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=6)


@SETTINGS
@given(kind=st.sampled_from(KINDS), changes=flips)
def test_byte_flips_of_simulator_bundles(
    originals: dict[str, tuple[bytes, ImportContext]], kind: str, changes: list[tuple[int, int]]
) -> None:
    data = bytearray(originals[kind][0])
    for position, mask in changes:
        data[position % len(data)] ^= mask
    check(originals, kind, bytes(data))


@SETTINGS
@given(kind=st.sampled_from(KINDS), cut=st.integers(min_value=0))
def test_truncated_simulator_bundles(
    originals: dict[str, tuple[bytes, ImportContext]], kind: str, cut: int
) -> None:
    data = originals[kind][0]
    check(originals, kind, data[: cut % len(data)])


@SETTINGS
@given(changes=flips)
def test_flipped_urn_file_on_disk(
    originals: dict[str, tuple[bytes, ImportContext]], changes: list[tuple[int, int]]
) -> None:
    """Through ``import_bundle_file``: every archive read back is the signed one, or refused."""
    original, context = originals["urn"]
    data = bytearray(original)
    for position, mask in changes:
        data[position % len(data)] ^= mask
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "urn.zip"
        path.write_bytes(bytes(data))
        try:
            verified = import_bundle_file(path, "urn", context)
            contents = {}
            for name in verified.bundle.files:
                with open_file(verified.bundle.files, name) as stream:
                    contents[name] = stream.read()
        except CeremonyError:
            return
    expected = import_bundle(original, "urn", context)
    assert verified.bundle.signed_bytes == expected.bundle.signed_bytes
    assert contents == dict(expected.bundle.files)
