"""Round trips of every bundle type: payload model, bundle bytes, import."""

from __future__ import annotations

import pytest

from ceremony.bundles.envelope import sign_bundle
from ceremony.bundles.errors import PayloadBuildError, PayloadSchemaError
from ceremony.bundles.importer import import_bundle
from ceremony.bundles.manifest import BUNDLE_TYPES
from ceremony.bundles.payloads.definition import DefinitionPayload
from ceremony.bundles.payloads.seal import compute_sealed_contest
from ceremony.bundles.types import PAYLOAD_TYPES, make_typed_bundle
from tests.bundles.factory import (
    BUREAU,
    FINGERPRINTS,
    NOW,
    context_for,
    definition_payload,
    sample,
    signed_bundle,
    signers_for,
)

TYPES = sorted(BUNDLE_TYPES)


@pytest.mark.parametrize("bundle_type", TYPES)
def test_payload_dict_round_trip(bundle_type: str) -> None:
    payload, _ = sample(bundle_type)
    _, parse = PAYLOAD_TYPES[bundle_type]
    assert parse(payload.to_dict()) == payload


@pytest.mark.parametrize("bundle_type", TYPES)
def test_bundle_round_trip_through_bytes_and_import(bundle_type: str) -> None:
    payload, files = sample(bundle_type)
    bundle = make_typed_bundle(
        payload, files, now=NOW, bundle_id="00000000-0000-4000-8000-000000000042"
    )
    for signer in signers_for(bundle_type):
        bundle = sign_bundle(bundle, signer)
    data = bundle.to_bytes()
    verified = import_bundle(data, bundle_type, context_for(bundle_type))
    assert verified.payload == payload
    assert verified.bundle.files == files | {bundle.manifest.payload: bundle.payload_bytes}
    assert verified.manifest == bundle.manifest
    assert verified.verification.complete
    # Same content, same bytes: the imported bundle writes back identically.
    assert verified.bundle.to_bytes() == data


def test_same_content_gives_the_same_unsigned_bytes() -> None:
    payload, files = sample("urn")
    one = make_typed_bundle(
        payload, files, now=NOW, bundle_id="00000000-0000-4000-8000-000000000001"
    )
    two = make_typed_bundle(
        payload, dict(reversed(files.items())), now=NOW, bundle_id=one.manifest.bundle_id
    )
    assert one.to_bytes() == two.to_bytes()


def test_manifest_ids_come_from_the_payload() -> None:
    bundle = signed_bundle("urn")
    assert bundle.manifest.bureau_ids == (BUREAU,)
    assert dict(bundle.manifest.election_fingerprints) == FINGERPRINTS
    assert bundle.manifest.created_at == NOW
    assert {e.path for e in bundle.manifest.files} == set(bundle.files)


def test_attachments_must_match_the_references() -> None:
    payload, files = sample("urn")
    with pytest.raises(PayloadBuildError):
        make_typed_bundle(payload, {**files, "extra.bin": b"x"}, now=NOW)
    first = next(iter(files))
    with pytest.raises(PayloadBuildError):
        make_typed_bundle(payload, {**files, first: files[first] + b"!"}, now=NOW)


def test_the_seal_records_list_order() -> None:
    definition, _ = definition_payload()
    contest = definition.bureau(BUREAU).contests[0]
    sealed = compute_sealed_contest(contest, *_election_ref(contest.contest_uuid))
    from dataclasses import replace

    swapped = replace(contest, lists=tuple(reversed(contest.lists)))
    resealed = compute_sealed_contest(swapped, *_election_ref(contest.contest_uuid))
    assert {s.sha256 for s in sealed.lists} == {s.sha256 for s in resealed.lists}
    assert sealed.lists_sha256 != resealed.lists_sha256


def _election_ref(uuid: str):  # type: ignore[no-untyped-def]
    from ceremony.bundles.payloads.common import FileRef
    from tests.bundles.factory import ELECTIONS

    return FileRef.of(f"elections/{uuid}.json", ELECTIONS[uuid]), FINGERPRINTS[uuid]


@pytest.mark.parametrize(
    "path, value",
    [
        (("bureaux", 0, "delegate_quorum"), 4),  # only 3 delegates
        (("bureaux", 0, "members", 1, "role"), "president"),  # two presidents
        (("bureaux", 0, "members", 2, "list_ids"), []),  # a delegate of no list
        (("bureaux", 0, "members", 2, "list_ids"), ["nope"]),
        (("bureaux", 0, "contests", 0, "lists", 0, "candidates", 0, "gender"), "X"),
        (("bureaux", 0, "contests", 0, "lists", 0, "unions", 0, "share"), 0),
        (("bureaux", 0, "contests", 0, "seat_rule", "tie_breaks"), ["coin"]),
        (("bureaux", 0, "contests", 0, "seats"), 0),
        (("bureaux", 0, "contests", 1, "lists", 1, "list_id"), "l1"),  # duplicate list id
        (("bureaux", 0, "schedule", "closing"), "2024-12-01T09:00:00+01:00"),  # before opening
        (("bureaux", 0, "schedule", "grace_minutes"), -1),
        (("platform_key", "algorithm"), "rsa"),
        (("voting_software", "sha256"), "XYZ"),
        (("group",), "RFC-3526-2048"),  # not offered for new ceremonies
        (("group",), "ed25519"),
        (("group",), None),
    ],
)
def test_definition_schema_checks(path: tuple[object, ...], value: object) -> None:
    definition, _ = definition_payload()
    data = definition.to_dict()
    target = data
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    with pytest.raises(PayloadSchemaError):
        DefinitionPayload.from_dict(data)


@pytest.mark.parametrize("group", ["Ed25519", "BELENIOS-2048"])
def test_the_definition_chooses_the_group(group: str) -> None:
    definition, _ = definition_payload()
    data = {**definition.to_dict(), "group": group}
    parsed = DefinitionPayload.from_dict(data)
    assert parsed.group_name == group
    assert parsed.to_dict() == data


def test_a_definition_without_group_is_belenios_2048_and_reads_back_unchanged() -> None:
    # Definitions signed before the field existed: their ceremonies stay in BELENIOS-2048.
    definition, _ = definition_payload()
    data = definition.to_dict()
    assert "group" not in data
    parsed = DefinitionPayload.from_dict(data)
    assert parsed.group_name == "BELENIOS-2048"
    assert parsed.to_dict() == data
