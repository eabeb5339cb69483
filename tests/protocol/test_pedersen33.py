"""The Belenios 3.3 threshold key generation: what it adds to 2.0, and each 3.x check.

Every alteration is made as the trustee who signs it could make it (re-signed
with its key), so only the 3.x check named in the test can refuse it.
"""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Callable

import pytest

from ceremony.protocol.channel import (
    AES_GCM,
    ChannelError,
    EncryptedMessage,
    SignedMessage,
    make_signed_message,
)
from ceremony.protocol.errors import ProtocolError
from ceremony.protocol.group import BELENIOS_2048
from ceremony.protocol.pedersen import (
    CertContext,
    CertContextError,
    PolynomialSignatureError,
    ThresholdParameters,
    TrusteeSecrets,
    VerificationKeySignatureError,
    Voutput,
    make_cert,
    make_seed,
    make_threshold_keys,
    open_share,
    threshold_parameters_format,
    verify_threshold_parameters,
)
from ceremony.protocol.proofs import Proof
from ceremony.protocol.serialization import dumps, loads
from ceremony.protocol.version import FORMAT_2_0, FORMAT_3_3

GROUP = BELENIOS_2048
Keys = tuple[list[str], ThresholdParameters, tuple[Voutput, ...]]


@pytest.fixture(scope="module")
def keys() -> Keys:
    rng = random.Random(2033)
    seeds = [make_seed(rng) for _ in range(3)]
    params, voutputs = make_threshold_keys(GROUP, seeds, 2, rng)
    return seeds, params, voutputs


def test_our_keys_are_in_the_3_3_format(keys: Keys) -> None:
    _seeds, params, _ = keys
    assert verify_threshold_parameters(GROUP, params) == FORMAT_3_3
    d = params.to_dict()
    assert list(d) == ["threshold", "certs", "coefexps", "signatures", "verification_keys"]
    for index, cert in enumerate(d["certs"], start=1):
        message = json.loads(cert["message"])
        assert list(message) == ["context", "verification", "encryption"]
        assert message["context"] == {
            "group": "BELENIOS-2048", "size": 3, "threshold": 2, "index": index,
        }  # fmt: skip
    assert all(list(k) == ["pok", "public_key", "signature"] for k in d["verification_keys"])


def test_2_0_keys_are_still_made_and_verified_as_2_0() -> None:
    rng = random.Random(20)
    seeds = [make_seed(rng) for _ in range(3)]
    params, voutputs = make_threshold_keys(GROUP, seeds, 2, rng, fmt=FORMAT_2_0)
    assert verify_threshold_parameters(GROUP, params) == FORMAT_2_0
    assert "signatures" not in params.to_dict()
    assert "algorithm" not in json.loads(voutputs[0].private_key)
    share = open_share(GROUP, params.certs, seeds[0], voutputs[0].private_key)
    assert GROUP.g_pow(share) == params.verification_keys[0].public_key


def test_shares_travel_in_aes_gcm_and_open_with_the_seed(keys: Keys) -> None:
    seeds, params, voutputs = keys
    for seed, voutput, vk in zip(seeds, voutputs, params.verification_keys, strict=True):
        text = voutput.private_key
        assert json.loads(text)["algorithm"] == AES_GCM
        assert GROUP.g_pow(open_share(GROUP, params.certs, seed, text)) == vk.public_key


def _resign_cert(seed: str, context: CertContext | None) -> SignedMessage:
    return make_cert(GROUP, seed, random.Random(1), context=context)


def _with_certs(params: ThresholdParameters, certs: list[SignedMessage]) -> ThresholdParameters:
    return dataclasses.replace(params, certs=tuple(certs))


TAMPERS: dict[str, tuple[Callable[[list[str], ThresholdParameters], ThresholdParameters], type]] = {
    # Certificate contexts (3.0): each certificate re-signed by its own trustee.
    "context_wrong_index": (
        lambda s, p: _with_certs(
            p, [_resign_cert(s[0], CertContext(GROUP.name, 3, 2, 2)), *p.certs[1:]]
        ),
        CertContextError,
    ),
    "context_wrong_threshold": (
        lambda s, p: _with_certs(
            p, [_resign_cert(s[0], CertContext(GROUP.name, 3, 3, 1)), *p.certs[1:]]
        ),
        CertContextError,
    ),
    "context_wrong_group": (
        lambda s, p: _with_certs(
            p, [_resign_cert(s[0], CertContext("RFC-3526-2048", 3, 2, 1)), *p.certs[1:]]
        ),
        CertContextError,
    ),
    "context_missing_on_one": (
        lambda s, p: _with_certs(p, [_resign_cert(s[0], None), *p.certs[1:]]),
        CertContextError,
    ),
    "certs_reordered": (
        lambda s, p: _with_certs(p, [p.certs[1], p.certs[0], p.certs[2]]),
        CertContextError,
    ),
    # Polynomial signatures (certs_sig, 2.5.1).
    "polynomial_signatures_missing": (
        lambda s, p: dataclasses.replace(p, signatures=None),
        PolynomialSignatureError,
    ),
    "polynomial_signatures_swapped": (
        lambda s, p: dataclasses.replace(
            p,
            signatures=(p.signatures[1], p.signatures[0], p.signatures[2]),  # type: ignore[index]
        ),
        PolynomialSignatureError,
    ),
    "polynomial_signature_of_other_message": (
        lambda s, p: dataclasses.replace(
            p,
            signatures=(
                make_signed_message(
                    GROUP, TrusteeSecrets.from_seed(GROUP, s[0]).signing_key, "certs_sig|{}"
                ).signature,
                *p.signatures[1:],  # type: ignore[index]
            ),
        ),
        PolynomialSignatureError,
    ),
    # Verification-key signatures (3.0).
    "vk_signature_missing": (
        lambda s, p: dataclasses.replace(
            p,
            verification_keys=(
                p.verification_keys[0],
                dataclasses.replace(p.verification_keys[1], signature=None),
                p.verification_keys[2],
            ),
        ),
        VerificationKeySignatureError,
    ),
    "vk_signature_by_another_trustee": (
        lambda s, p: dataclasses.replace(
            p,
            verification_keys=(
                p.verification_keys[0],
                dataclasses.replace(
                    p.verification_keys[1],
                    signature=make_signed_message(
                        GROUP,
                        TrusteeSecrets.from_seed(GROUP, s[0]).signing_key,
                        p.verification_keys[1].text(GROUP),
                    ).signature,
                ),
                p.verification_keys[2],
            ),
        ),
        VerificationKeySignatureError,
    ),
    "vk_signature_moved_between_keys": (
        lambda s, p: dataclasses.replace(
            p,
            verification_keys=(
                dataclasses.replace(
                    p.verification_keys[0], signature=p.verification_keys[1].signature
                ),
                *p.verification_keys[1:],
            ),
        ),
        VerificationKeySignatureError,
    ),
}


@pytest.mark.parametrize("name", sorted(TAMPERS))
def test_3x_tampering_is_refused_by_the_named_check(keys: Keys, name: str) -> None:
    seeds, params, _ = keys
    tamper, error = TAMPERS[name]
    altered = tamper(seeds, params)
    # Through the JSON, as a verifier reads it.
    reread = ThresholdParameters.from_dict(GROUP, loads(dumps(altered.to_dict())))
    with pytest.raises(error) as caught:
        verify_threshold_parameters(GROUP, reread)
    assert caught.value.check == error.check


def test_downgrade_to_2_0_needs_every_certificate_re_signed(keys: Keys) -> None:
    # Stripping the 3.x fields leaves certificates that still carry contexts:
    # the record stays 3.3 and fails the missing signatures.
    _seeds, params, _ = keys
    stripped = dataclasses.replace(
        params,
        signatures=None,
        verification_keys=tuple(
            dataclasses.replace(k, signature=None) for k in params.verification_keys
        ),
    )
    assert threshold_parameters_format(stripped) == FORMAT_3_3
    with pytest.raises(PolynomialSignatureError):
        verify_threshold_parameters(GROUP, stripped)


def _message_tampers() -> dict[str, Callable[[dict[str, str]], dict[str, str]]]:
    def flip(d: dict[str, str]) -> dict[str, str]:
        data = bytearray.fromhex(d["data"])
        data[-1] ^= 1
        return d | {"data": data.hex()}

    return {
        "gcm_tag_flipped": flip,
        "gcm_data_truncated": lambda d: d | {"data": d["data"][:-2]},
        "algorithm_removed": lambda d: {k: v for k, v in d.items() if k != "algorithm"},
        "algorithm_ccm": lambda d: d | {"algorithm": "AES-CCM"},
        "algorithm_unknown": lambda d: d | {"algorithm": "ChaCha20"},
    }


@pytest.mark.parametrize("name", sorted(_message_tampers()))
def test_altered_aes_gcm_message_is_refused(keys: Keys, name: str) -> None:
    seeds, params, voutputs = keys
    original = json.loads(voutputs[0].private_key)
    altered = dumps(_message_tampers()[name](original)).decode()
    with pytest.raises(ChannelError) as caught:
        open_share(GROUP, params.certs, seeds[0], altered)
    assert caught.value.check == "channel"


def test_encrypted_message_alpha_must_be_a_group_element(keys: Keys) -> None:
    _seeds, _params, voutputs = keys
    original = json.loads(voutputs[0].private_key)
    altered = dumps(original | {"alpha": str(GROUP.p - 1)}).decode()
    with pytest.raises(ProtocolError) as caught:
        EncryptedMessage.from_string(GROUP, altered)
    assert caught.value.check == "subgroup"


def test_signatures_are_proofs_in_zq(keys: Keys) -> None:
    _, params, _ = keys
    assert params.signatures is not None
    assert all(isinstance(p, Proof) and 0 <= p.challenge < GROUP.q for p in params.signatures)
