"""Signature algorithms, including what an OpenPGP card's PSO:CDS produces."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa, utils
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.bundles.errors import KeyFormatError, SignaturePolicyError
from ceremony.bundles.keys import (
    ECDSA_P256_SHA256,
    ED25519,
    RSA_PKCS1V15_SHA256,
    EcdsaSigner,
    Ed25519Signer,
    PublicKey,
    RsaSigner,
    Signer,
    compute_key_id,
    rsa_public_key_bytes,
    sha256_digest_info,
    verify_signature,
)
from tests.bundles.factory import keys

MESSAGE = b'{"bundle_type":"seal"}'


@pytest.mark.parametrize("index", [0, 1, 2])
def test_software_signers_verify_and_reject_tampering(index: int) -> None:
    signer = (keys().platform, keys().president, keys().delegates[1])[index]
    assert isinstance(signer, Signer)
    signature = signer.sign(MESSAGE)
    verify_signature(signer.public_key, MESSAGE, signature)
    assert signer.key_id == signer.public_key.key_id
    with pytest.raises(SignaturePolicyError):
        verify_signature(signer.public_key, MESSAGE + b" ", signature)
    flipped = bytes([signature[0] ^ 1]) + signature[1:]
    with pytest.raises(SignaturePolicyError):
        verify_signature(signer.public_key, MESSAGE, flipped)


def test_ecdsa_signature_is_raw_r_s_of_64_bytes() -> None:
    signature = keys().president.sign(MESSAGE)
    assert len(signature) == 64
    with pytest.raises(SignaturePolicyError):
        verify_signature(keys().president.public_key, MESSAGE, signature + b"\x00")


def test_ecdsa_as_an_openpgp_card_computes_it_over_the_sha256_digest() -> None:
    # The card receives only the 32-byte digest and answers r || s.
    private = ec.generate_private_key(ec.SECP256R1())
    digest = hashlib.sha256(MESSAGE).digest()
    der = private.sign(digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
    r, s = utils.decode_dss_signature(der)
    card_answer = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    point = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    verify_signature(PublicKey(ECDSA_P256_SHA256, point), MESSAGE, card_answer)


def test_rsa_as_an_openpgp_card_computes_it_over_the_digest_info() -> None:
    # The card receives DigestInfo, adds PKCS#1 v1.5 type-1 padding, applies d.
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    numbers = private.private_numbers()
    n, e, d = numbers.public_numbers.n, numbers.public_numbers.e, numbers.d
    digest_info = sha256_digest_info(MESSAGE)
    k = (n.bit_length() + 7) // 8
    block = b"\x00\x01" + b"\xff" * (k - 3 - len(digest_info)) + b"\x00" + digest_info
    card_answer = pow(int.from_bytes(block, "big"), d, n).to_bytes(k, "big")
    key = PublicKey(RSA_PKCS1V15_SHA256, rsa_public_key_bytes(n, e))
    verify_signature(key, MESSAGE, card_answer)
    # And our software RSA signer gives the very same deterministic bytes.
    assert RsaSigner(private, "delegate").sign(MESSAGE) == card_answer


def test_public_key_dict_round_trip_and_key_id() -> None:
    key = keys().platform.public_key
    assert PublicKey.from_dict(key.to_dict()) == key
    assert key.key_id == compute_key_id(ED25519, key.public_bytes)
    assert len(key.key_id) == 64
    assert key.key_id != keys().president.key_id


@pytest.mark.parametrize(
    "algorithm, public",
    [
        (ED25519, b"\x01" * 31),
        (ECDSA_P256_SHA256, b"\x04" + b"\x01" * 64),  # not on the curve
        (ECDSA_P256_SHA256, b"\x02" + b"\x01" * 32),  # compressed is not the documented form
        (RSA_PKCS1V15_SHA256, b"not der"),
        ("dsa", b"\x00"),
    ],
)
def test_malformed_public_keys_are_refused(algorithm: str, public: bytes) -> None:
    with pytest.raises(KeyFormatError):
        PublicKey(algorithm, public)


def test_small_rsa_keys_are_refused() -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024).public_key()
    numbers = small.public_numbers()
    with pytest.raises(KeyFormatError):
        PublicKey(RSA_PKCS1V15_SHA256, rsa_public_key_bytes(numbers.n, numbers.e))


def test_public_key_from_dict_checks_the_key_id() -> None:
    data = keys().platform.public_key.to_dict()
    data["key_id"] = "0" * 64
    with pytest.raises(KeyFormatError):
        PublicKey.from_dict(data)


def test_private_keys_never_appear_in_repr() -> None:
    seed = bytes(range(32))
    signer = Ed25519Signer.from_seed(seed)
    assert seed.hex() not in repr(signer)
    raw = ed25519.Ed25519PrivateKey.from_private_bytes(seed).private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    assert raw == seed
    assert "private_key" not in repr(EcdsaSigner.generate("president"))


@settings(max_examples=200, deadline=None)
@given(index=st.integers(0, 4), signature=st.binary(max_size=600))
def test_random_signatures_are_refused_by_name(index: int, signature: bytes) -> None:
    k = keys()
    signer = (k.platform, k.president, k.delegates[0], k.delegates[1], k.secretary)[index]
    with pytest.raises(SignaturePolicyError):
        verify_signature(signer.public_key, MESSAGE, signature)


@settings(max_examples=200, deadline=None)
@given(
    algorithm=st.sampled_from([ED25519, ECDSA_P256_SHA256, RSA_PKCS1V15_SHA256]),
    public=st.binary(max_size=600),
)
def test_random_public_keys_load_or_are_refused_by_name(algorithm: str, public: bytes) -> None:
    try:
        key = PublicKey(algorithm, public)
    except KeyFormatError:
        return
    with pytest.raises(SignaturePolicyError):
        verify_signature(key, MESSAGE, b"\x00" * 64)
