"""Every import check, triggered and reported by name, in the documented order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ceremony.bundles.canonical import exchange_bytes
from ceremony.bundles.envelope import Bundle, sign_bundle
from ceremony.bundles.errors import (
    BundleMagicError,
    BundleTypeError,
    BundleVersionError,
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
from ceremony.bundles.importer import (
    ImportContext,
    StatusMark,
    expect_payload,
    import_bundle,
    pin_definition,
)
from ceremony.bundles.keys import EcdsaSigner, Ed25519Signer
from ceremony.bundles.payloads.common import MemberKey
from ceremony.bundles.payloads.definition import DefinitionPayload
from ceremony.bundles.payloads.status import StatusPayload
from ceremony.bundles.types import make_typed_bundle
from ceremony.bundles.zipio import write_zip
from tests.bundles.factory import (
    BUREAU,
    CONTESTS,
    FINGERPRINTS,
    NOW,
    context_for,
    definition_payload,
    entries_of,
    keys,
    raw_zip,
    resign,
    results_payload,
    sample,
    signed_bundle,
    signers_for,
    status_payload,
    with_files,
)


def zip_of(entries: dict[str, bytes]) -> bytes:
    return write_zip(entries)


def import_status(bundle: Bundle, context: ImportContext | None = None) -> None:
    import_bundle(bundle.to_bytes(), "status", context or context_for("status"))


# 1. zip sanity ------------------------------------------------------------
def test_not_a_zip() -> None:
    with pytest.raises(ZipSanityError):
        import_bundle(b"definitely not a zip", "status", context_for("status"))


def test_path_traversal_in_a_bundle() -> None:
    entries = [*entries_of(signed_bundle("status")), ("../../etc/cron.d/x", b"boom")]
    with pytest.raises(ZipSanityError):
        import_bundle(raw_zip(entries), "status", context_for("status"))


# 2. manifest --------------------------------------------------------------
def manifest_dict(bundle: Bundle) -> dict[str, object]:
    return bundle.manifest.to_dict()


def entries_with_manifest(bundle: Bundle, manifest: object) -> bytes:
    entries = dict(entries_of(bundle))
    entries["manifest.json"] = exchange_bytes(manifest)
    return zip_of(entries)


def test_no_manifest() -> None:
    entries = dict(entries_of(signed_bundle("status")))
    del entries["manifest.json"]
    with pytest.raises(ManifestSchemaError):
        import_bundle(zip_of(entries), "status", context_for("status"))


def test_an_empty_zip_has_no_manifest() -> None:
    with pytest.raises(ManifestSchemaError):
        import_bundle(zip_of({}), "status", context_for("status"))


@pytest.mark.parametrize(
    "edit, error",
    [
        ({"magic": "tuf"}, BundleMagicError),
        ({"format_version": 2}, BundleVersionError),
        ({"format_version": True}, BundleVersionError),
        ({"bundle_type": "ballot"}, BundleTypeError),
        ({"bundle_type": "urn"}, BundleTypeError),
        ({"extra": 1}, ManifestSchemaError),
        ({"created_at": "2024-12-3T10:00:00Z"}, ManifestSchemaError),
        ({"created_at": "yesterday"}, ManifestSchemaError),
        ({"bundle_id": "not-a-uuid"}, ManifestSchemaError),
        ({"bureau_ids": []}, ManifestSchemaError),
        ({"payload": "other.json"}, ManifestSchemaError),
        ({"files": [{"path": "../x", "sha256": "0" * 64, "size": 1}]}, ManifestSchemaError),
        ({"election_fingerprints": {"unknown": "A" * 43}}, ManifestSchemaError),
    ],
)
def test_manifest_defects(edit: dict[str, object], error: type[Exception]) -> None:
    bundle = signed_bundle("status")
    data = entries_with_manifest(bundle, {**manifest_dict(bundle), **edit})
    with pytest.raises(error) as caught:
        import_bundle(data, "status", context_for("status"))
    assert type(caught.value) is error


def test_manifest_that_is_not_json() -> None:
    data = entries_with_manifest(signed_bundle("status"), [])
    with pytest.raises(ManifestSchemaError):
        import_bundle(data, "status", context_for("status"))


def test_a_bundle_of_another_type_than_expected() -> None:
    with pytest.raises(BundleTypeError):
        import_bundle(signed_bundle("urn").to_bytes(), "status", context_for("status"))


# 3. signatures ------------------------------------------------------------
def test_no_signatures_file() -> None:
    entries = dict(entries_of(signed_bundle("status")))
    del entries["signatures.json"]
    with pytest.raises(SignatureFormatError):
        import_bundle(zip_of(entries), "status", context_for("status"))


@pytest.mark.parametrize(
    "content",
    [
        b"[]",
        b'{"signatures": [{"key_id": "x"}]}',
        b'{"signatures": [{"algorithm": "md5", "key_id": "'
        + b"0" * 64
        + b'", "role": "platform", "signature": "00"}]}',
    ],
)
def test_malformed_signatures(content: bytes) -> None:
    entries = dict(entries_of(signed_bundle("status")))
    entries["signatures.json"] = content
    with pytest.raises(SignatureFormatError):
        import_bundle(zip_of(entries), "status", context_for("status"))


def test_two_signatures_by_one_key_are_malformed() -> None:
    bundle = signed_bundle("status")
    doubled = replace(bundle, signatures=bundle.signatures * 2)
    with pytest.raises(SignatureFormatError):
        import_status(doubled)


def test_unsigned_bundle() -> None:
    payload, files = status_payload()
    with pytest.raises(SignaturePolicyError):
        import_status(make_typed_bundle(payload, files, now=NOW))


def test_bundle_signed_by_another_platform_key() -> None:
    payload, files = status_payload()
    bundle = sign_bundle(make_typed_bundle(payload, files, now=NOW), Ed25519Signer.generate())
    with pytest.raises(SignaturePolicyError, match="key not pinned"):
        import_status(bundle)


def test_a_status_with_no_pinned_platform_key() -> None:
    with pytest.raises(SignaturePolicyError):
        import_status(signed_bundle("status"), replace(context_for("status"), platform_key=None))


def test_a_seal_under_the_quorum() -> None:
    payload, files = sample("seal")
    bundle = make_typed_bundle(payload, files, now=NOW)
    for signer in (keys().president, keys().delegates[0]):
        bundle = sign_bundle(bundle, signer)
    with pytest.raises(SignaturePolicyError, match="delegate: 1 of 2"):
        import_bundle(bundle.to_bytes(), "seal", context_for("seal"))
    # The definition's quorum, not a constant, sets the bar.
    import_bundle(bundle.to_bytes(), "seal", replace(context_for("seal"), delegate_quorum=1))


def test_a_decision_signed_by_a_delegate_only() -> None:
    payload, files = sample("decision")
    bundle = sign_bundle(make_typed_bundle(payload, files, now=NOW), keys().delegates[0])
    with pytest.raises(SignaturePolicyError):
        import_bundle(bundle.to_bytes(), "decision", context_for("decision"))


def test_an_edited_manifest_breaks_the_signature() -> None:
    bundle = signed_bundle("status")
    edited = {**manifest_dict(bundle), "created_at": "2024-12-03T10:00:01Z"}
    with pytest.raises(SignaturePolicyError, match="does not verify"):
        import_bundle(entries_with_manifest(bundle, edited), "status", context_for("status"))


# 4. files -----------------------------------------------------------------
def test_a_modified_payload_file() -> None:
    entries = dict(entries_of(signed_bundle("urn")))
    path = f"urns/{CONTESTS[0]}.bel"
    entries[path] = entries[path][:-1] + bytes([entries[path][-1] ^ 1])
    with pytest.raises(FileIntegrityError, match="SHA-256"):
        import_bundle(zip_of(entries), "urn", context_for("urn"))


def test_a_truncated_payload_file() -> None:
    entries = dict(entries_of(signed_bundle("urn")))
    entries["emargement.json"] = entries["emargement.json"][:-3]
    with pytest.raises(FileIntegrityError, match="bytes"):
        import_bundle(zip_of(entries), "urn", context_for("urn"))


def test_an_unlisted_file() -> None:
    entries = dict(entries_of(signed_bundle("urn")))
    entries["urns/extra.bel"] = b"smuggled"
    with pytest.raises(UnlistedFileError):
        import_bundle(zip_of(entries), "urn", context_for("urn"))


def test_a_missing_file() -> None:
    entries = dict(entries_of(signed_bundle("urn")))
    del entries["emargement.json"]
    with pytest.raises(MissingFileError):
        import_bundle(zip_of(entries), "urn", context_for("urn"))


# 5. payload schema (signed, so only a compromised or buggy signer produces these)
def signed_with_payload(
    bundle_type: str, payload: object, extra: dict[str, bytes] | None = None
) -> Bundle:
    bundle = signed_bundle(bundle_type)
    files = dict(bundle.files)
    files[bundle.manifest.payload] = exchange_bytes(payload)
    files.update(extra or {})
    return with_files(bundle, files, signers_for(bundle_type))


@pytest.mark.parametrize(
    "edit",
    [
        {"sequence": 0},
        {"sequence": True},
        {"state": "dancing"},
        {"as_of": "2024-12-03 10:00:00"},
        {"participation": [{"ballots_cast": 5, "contest_uuid": CONTESTS[0], "registered": 4}]},
        {"unexpected": 1},
    ],
)
def test_payload_schema_defects(edit: dict[str, object]) -> None:
    payload, _ = status_payload()
    bundle = signed_with_payload("status", {**payload.to_dict(), **edit})
    with pytest.raises(PayloadSchemaError):
        import_status(bundle)


def test_payload_reference_unlike_the_manifest() -> None:
    payload, _ = sample("urn")
    data = payload.to_dict()
    data["emargement"]["sha256"] = "0" * 64
    with pytest.raises(PayloadSchemaError, match="references"):
        import_bundle(signed_with_payload("urn", data).to_bytes(), "urn", context_for("urn"))


def test_an_attachment_no_field_refers_to() -> None:
    payload, _ = sample("urn")
    bundle = signed_with_payload("urn", payload.to_dict(), {"notes.txt": b"hello"})
    with pytest.raises(PayloadSchemaError, match="no payload field"):
        import_bundle(bundle.to_bytes(), "urn", context_for("urn"))


def test_payload_not_in_normal_form() -> None:
    definition, _ = definition_payload()
    d = definition.to_dict()
    d["bureaux"][0]["schedule"]["opening"] = "2024-12-02 09:00:00+01:00"
    bundle = signed_with_payload("definition", d)
    with pytest.raises(PayloadSchemaError, match="normal form"):
        import_bundle(bundle.to_bytes(), "definition", context_for("definition"))


def test_definition_times_must_be_paris_times() -> None:
    definition, _ = definition_payload()
    d = definition.to_dict()
    d["bureaux"][0]["schedule"]["opening"] = (
        "2024-12-02T09:00:00+02:00"  # summer offset in December
    )
    with pytest.raises(PayloadSchemaError, match="Europe/Paris"):
        import_bundle(
            signed_with_payload("definition", d).to_bytes(), "definition", context_for("definition")
        )


# 6. cross-references ------------------------------------------------------
def test_a_bundle_for_another_bureau() -> None:
    with pytest.raises(BureauMismatchError):
        import_status(signed_bundle("status"), replace(context_for("status"), bureau_id="cspm"))


def test_manifest_and_payload_disagree_on_the_bureau() -> None:
    bundle = signed_bundle("status")
    lie = resign(bundle, signers_for("status"), {**manifest_dict(bundle), "bureau_ids": ["cspm"]})
    with pytest.raises(BureauMismatchError):
        import_status(lie, replace(context_for("status"), bureau_id="cspm"))


def test_a_bundle_for_other_contests() -> None:
    context = replace(context_for("urn"), contest_uuids=(*CONTESTS, "9ZZZZZZZZZZZZZ"))
    with pytest.raises(ContestMismatchError):
        import_bundle(signed_bundle("urn").to_bytes(), "urn", context)


def test_a_decision_about_a_contest_of_another_bureau() -> None:
    context = replace(context_for("decision"), contest_uuids=CONTESTS[:1])
    with pytest.raises(ContestMismatchError):
        import_bundle(signed_bundle("decision").to_bytes(), "decision", context)


def test_an_urn_whose_election_fingerprint_was_not_sealed() -> None:
    context = replace(
        context_for("urn"), election_fingerprints={**FINGERPRINTS, CONTESTS[0]: "B" * 43}
    )
    with pytest.raises(ElectionFingerprintError):
        import_bundle(signed_bundle("urn").to_bytes(), "urn", context)


def test_manifest_fingerprints_must_match_the_payload() -> None:
    bundle = signed_bundle("urn")
    edited = {**manifest_dict(bundle), "election_fingerprints": {CONTESTS[0]: "C" * 43}}
    lie = resign(bundle, signers_for("urn"), edited)
    with pytest.raises(ElectionFingerprintError):
        import_bundle(lie.to_bytes(), "urn", context_for("urn"))


def test_a_definition_naming_another_platform_key() -> None:
    payload, files = definition_payload()
    other = replace(payload, platform_key=Ed25519Signer.generate().public_key)
    bundle = sign_bundle(make_typed_bundle(other, files, now=NOW), keys().platform)
    with pytest.raises(PlatformKeyMismatchError):
        import_bundle(bundle.to_bytes(), "definition", context_for("definition"))


def test_a_seal_with_member_keys_unlike_the_key_ceremony() -> None:
    intruder = MemberKey("delegate9", "delegate", EcdsaSigner.generate("delegate").public_key)
    context = replace(context_for("seal"), member_keys=(*keys().members, intruder))
    with pytest.raises(MemberKeyMismatchError):
        import_bundle(signed_bundle("seal").to_bytes(), "seal", context)


def test_a_seal_of_another_definition() -> None:
    context = replace(
        context_for("seal"), definition_bundle_id="00000000-0000-4000-8000-00000000ffff"
    )
    with pytest.raises(DefinitionMismatchError):
        import_bundle(signed_bundle("seal").to_bytes(), "seal", context)


def test_a_pv_signed_by_an_unknown_card() -> None:
    payload, files = results_payload((EcdsaSigner.generate("delegate"),))
    bundle = make_typed_bundle(payload, files, now=NOW)
    for signer in signers_for("results"):
        bundle = sign_bundle(bundle, signer)
    with pytest.raises(MemberKeyMismatchError):
        import_bundle(bundle.to_bytes(), "results", context_for("results"))


def test_a_pv_signature_that_does_not_verify() -> None:
    payload, files = results_payload((keys().president,))
    files["pv.pdf"] = b"%PDF-1.4 another PV"
    from ceremony.bundles.payloads.common import FileRef

    payload = replace(payload, pv=FileRef.of("pv.pdf", files["pv.pdf"]))
    bundle = make_typed_bundle(payload, files, now=NOW)
    for signer in signers_for("results"):
        bundle = sign_bundle(bundle, signer)
    with pytest.raises(SignaturePolicyError, match="PV signature"):
        import_bundle(bundle.to_bytes(), "results", context_for("results"))


# 7. freshness -------------------------------------------------------------
def test_a_replayed_bundle() -> None:
    bundle = signed_bundle("urn")
    context = replace(context_for("urn"), seen_bundle_ids=frozenset({bundle.manifest.bundle_id}))
    with pytest.raises(ReplayedBundleError):
        import_bundle(bundle.to_bytes(), "urn", context)


@pytest.mark.parametrize("sequence, minute", [(3, 5), (2, 6), (2, 5), (1, 7)])
def test_a_status_not_newer_than_the_last_one(sequence: int, minute: int) -> None:
    payload, _ = status_payload(sequence, minute)
    bundle = sign_bundle(make_typed_bundle(payload, {}, now=NOW), keys().platform)
    last = StatusMark(3, NOW.replace(minute=5))
    context = replace(context_for("status"), last_status=last)
    if sequence > 3 and minute > 5:
        import_status(bundle, context)
    else:
        with pytest.raises(StaleStatusError):
            import_status(bundle, context)


def test_a_newer_status_is_accepted() -> None:
    payload, _ = status_payload(4, 6)
    bundle = sign_bundle(make_typed_bundle(payload, {}, now=NOW), keys().platform)
    context = replace(context_for("status"), last_status=StatusMark(3, NOW.replace(minute=5)))
    verified = expect_payload(import_bundle(bundle.to_bytes(), "status", context), StatusPayload)
    assert verified.payload.sequence == 4


# Order --------------------------------------------------------------------
def test_checks_run_in_order_earliest_failure_wins() -> None:
    bundle = signed_bundle("urn")
    entries = dict(entries_of(bundle))
    entries["emargement.json"] = b"tampered"
    # A tampered file (step 4) in a bundle for another bureau (step 6): step 4 is reported.
    with pytest.raises(FileIntegrityError):
        import_bundle(zip_of(entries), "urn", replace(context_for("urn"), bureau_id="other"))
    # And an unsigned copy (step 3) is reported before the tampered file.
    entries["signatures.json"] = b'{"signatures": []}'
    with pytest.raises(SignaturePolicyError):
        import_bundle(zip_of(entries), "urn", context_for("urn"))


# A whole chain, as the bureau would run it ---------------------------------
def test_definition_then_status_with_pinning() -> None:
    k = keys()
    definition = expect_payload(
        import_bundle(
            signed_bundle("definition").to_bytes(),
            "definition",
            ImportContext(platform_key=k.platform.public_key),
        ),
        DefinitionPayload,
    )
    with pytest.raises(BureauMismatchError):
        pin_definition(ImportContext(), definition, "cspm")
    context = pin_definition(ImportContext(), definition, BUREAU)
    assert context.contest_uuids == CONTESTS
    assert context.delegate_quorum == 2
    verified = import_bundle(signed_bundle("status").to_bytes(), "status", context)
    assert verified.manifest.bureau_ids == (BUREAU,)
    with pytest.raises(ReplayedBundleError):
        import_bundle(
            signed_bundle("definition", bundle_id=definition.manifest.bundle_id).to_bytes(),
            "definition",
            context,
        )


# The errors themselves -----------------------------------------------------
def test_every_bundle_error_is_named_french_and_distinct() -> None:
    import ceremony.bundles.errors as module
    from ceremony.errors import CeremonyError

    classes = [
        c
        for c in vars(module).values()
        if isinstance(c, type) and issubclass(c, CeremonyError) and c is not CeremonyError
    ]
    assert len(classes) >= 20
    messages = [c.default_message for c in classes]
    assert len(set(messages)) == len(messages)
    for cls in classes:
        assert cls.__name__.endswith("Error")
        assert cls.default_message != CeremonyError.default_message
        error = cls("technical cause")
        assert error.technical == "technical cause"
        assert error.user_message in str(error)
