"""Signature policies, partial signing, combine, the verification result."""

from __future__ import annotations

import pytest

from ceremony.bundles.envelope import Signature, add_signature, combine, sign_bundle
from ceremony.bundles.errors import (
    CombineMismatchError,
    DuplicateSignatureError,
    SignaturePolicyError,
)
from ceremony.bundles.policy import (
    get_bundle_verification_result,
    is_complete,
    make_policy,
    verify_signatures,
)
from ceremony.bundles.types import make_typed_bundle
from tests.bundles.factory import NOW, context_for, keys, sample, status_payload

TRUSTED = context_for("seal").trusted_keys()
SEAL_POLICY = make_policy("seal", delegate_quorum=2)


def unsigned_seal():  # type: ignore[no-untyped-def]
    payload, files = sample("seal")
    return make_typed_bundle(
        payload, files, now=NOW, bundle_id="00000000-0000-4000-8000-0000000000aa"
    )


def test_policies_as_data() -> None:
    assert [sorted(r.roles) for r in make_policy("definition").requirements] == [["platform"]]
    assert [(sorted(r.roles), r.threshold) for r in make_policy("decision").requirements] == [
        (["president", "secretary"], 1)
    ]
    results = make_policy("results", delegate_quorum=3).requirements
    assert [(sorted(r.roles), r.threshold) for r in results] == [
        (["president", "secretary"], 1),
        (["delegate"], 3),
    ]
    with pytest.raises(SignaturePolicyError):
        make_policy("seal", delegate_quorum=0)


def test_a_seal_signed_card_after_card_reports_who_is_missing() -> None:
    k = keys()
    bundle = unsigned_seal()
    result = get_bundle_verification_result(bundle, SEAL_POLICY, TRUSTED)
    assert not result.complete
    assert [s.still_needed for s in result.requirements] == [1, 2]

    bundle = sign_bundle(bundle, k.delegates[0])
    result = get_bundle_verification_result(bundle, SEAL_POLICY, TRUSTED)
    delegates = result.requirements[1]
    assert [t.holder for t in delegates.signed] == ["delegate1"]
    assert sorted(t.holder for t in delegates.missing) == ["delegate2", "delegate3"]
    assert delegates.still_needed == 1
    assert not is_complete(bundle, SEAL_POLICY, TRUSTED)
    with pytest.raises(SignaturePolicyError, match="delegate: 1 of 2"):
        verify_signatures(bundle, SEAL_POLICY, TRUSTED)

    bundle = sign_bundle(bundle, k.delegates[1])  # RSA card
    assert not is_complete(bundle, SEAL_POLICY, TRUSTED)  # president or secretary still missing
    bundle = sign_bundle(bundle, k.secretary)  # the secretary stands in for the president
    assert is_complete(bundle, SEAL_POLICY, TRUSTED)
    result = verify_signatures(bundle, SEAL_POLICY, TRUSTED)
    assert sorted(t.holder for t in result.signed) == ["delegate1", "delegate2", "secretary"]
    assert [t.holder for t in result.requirements[0].missing] == ["president"]


def test_two_delegate_signatures_do_not_replace_the_president() -> None:
    k = keys()
    bundle = unsigned_seal()
    for signer in k.delegates:
        bundle = sign_bundle(bundle, signer)
    with pytest.raises(SignaturePolicyError, match="president/secretary: 0 of 1"):
        verify_signatures(bundle, SEAL_POLICY, TRUSTED)


def test_a_key_claiming_another_role_is_rejected() -> None:
    k = keys()
    bundle = unsigned_seal()
    forged = Signature(k.delegates[0].key_id, "president", k.delegates[0].algorithm, b"")
    forged = Signature(
        forged.key_id, forged.role, forged.algorithm, k.delegates[0].sign(bundle.signed_bytes)
    )
    bundle = add_signature(bundle, forged)
    result = get_bundle_verification_result(bundle, SEAL_POLICY, TRUSTED)
    assert result.signed == ()
    assert result.rejected[0].reason == "role or algorithm not pinned"


def test_unknown_keys_and_bad_signatures_are_rejected_strictly() -> None:
    k = keys()
    bundle = unsigned_seal()
    for signer in (k.president, k.delegates[0], k.delegates[2]):
        bundle = sign_bundle(bundle, signer)
    assert verify_signatures(bundle, SEAL_POLICY, TRUSTED).complete
    # A quorum plus one signature by the platform key, which is pinned but not for seals.
    extra = sign_bundle(bundle, k.platform)
    assert is_complete(extra, SEAL_POLICY, TRUSTED)
    assert verify_signatures(extra, SEAL_POLICY, TRUSTED).signed  # pinned and valid: no harm
    # A quorum plus a signature that does not verify: strict check refuses.
    bad = Signature(k.delegates[1].key_id, "delegate", k.delegates[1].algorithm, b"\x00" * 256)
    with pytest.raises(SignaturePolicyError, match="rejected"):
        verify_signatures(add_signature(bundle, bad), SEAL_POLICY, TRUSTED)
    # A key nobody pinned.
    from ceremony.bundles.keys import EcdsaSigner

    stranger = sign_bundle(bundle, EcdsaSigner.generate("delegate"))
    with pytest.raises(SignaturePolicyError, match="key not pinned"):
        verify_signatures(stranger, SEAL_POLICY, TRUSTED)


def test_combine_merges_copies_signed_in_parallel() -> None:
    k = keys()
    bundle = unsigned_seal()
    copies = [sign_bundle(bundle, s) for s in (k.president, k.delegates[0], k.delegates[2])]
    merged = combine(*copies)
    assert is_complete(merged, SEAL_POLICY, TRUSTED)
    assert combine(merged, copies[0]).signatures == merged.signatures
    assert merged.to_bytes() == combine(copies[0], copies[1], copies[2]).to_bytes()


def test_combine_refuses_a_copy_whose_signed_content_differs() -> None:
    k = keys()
    one = sign_bundle(unsigned_seal(), k.president)
    payload, files = sample("seal")
    other = make_typed_bundle(
        payload, files, now=NOW.replace(second=1), bundle_id=one.manifest.bundle_id
    )
    with pytest.raises(CombineMismatchError):
        combine(one, sign_bundle(other, k.delegates[0]))
    status, _ = status_payload()
    with pytest.raises(CombineMismatchError):
        combine(one, make_typed_bundle(status, {}, now=NOW))


def test_a_card_signs_once() -> None:
    bundle = sign_bundle(unsigned_seal(), keys().president)
    with pytest.raises(DuplicateSignatureError):
        sign_bundle(bundle, keys().president)
