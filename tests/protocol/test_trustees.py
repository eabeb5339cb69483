"""Single trustee keys (§4.5) and the trustees structure (§4.7)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from ceremony.protocol.group import BELENIOS_2048 as G
from ceremony.protocol.group import RFC_3526_2048, NotInSubgroupError
from ceremony.protocol.proofs import Proof
from ceremony.protocol.trustees import (
    InvalidTrusteeKeyError,
    PedersenTrustees,
    SingleTrustee,
    TrusteePublicKey,
    Trustees,
    compute_election_public_key,
    make_single_trustee,
    verify_trustee_public_key,
    verify_trustees,
)
from tests.protocol.test_pedersen import CEREMONY


def test_single_key_proof_verifies_and_round_trips() -> None:
    x, key = make_single_trustee(G, random.Random(1))
    assert key.public_key == G.g_pow(x)
    verify_trustee_public_key(G, key)
    assert TrusteePublicKey.from_dict(G, key.to_dict()) == key
    assert list(key.to_dict()) == ["pok", "public_key"]


def test_proof_is_bound_to_key_and_group() -> None:
    _, key = make_single_trustee(G, random.Random(2))
    _, other = make_single_trustee(G, random.Random(3))
    with pytest.raises(InvalidTrusteeKeyError):
        verify_trustee_public_key(G, replace(key, public_key=other.public_key))
    bad = replace(key, pok=Proof(key.pok.challenge, (key.pok.response + 1) % G.q))
    with pytest.raises(InvalidTrusteeKeyError):
        verify_trustee_public_key(G, bad)
    _, rfc_key = make_single_trustee(RFC_3526_2048, random.Random(4))
    verify_trustee_public_key(RFC_3526_2048, rfc_key)
    with pytest.raises((InvalidTrusteeKeyError, NotInSubgroupError)):
        verify_trustee_public_key(G, rfc_key)


def test_structure_single_then_pedersen() -> None:
    x, key = make_single_trustee(G, random.Random(5))
    _, params, _ = CEREMONY
    trustees = Trustees((SingleTrustee(key), PedersenTrustees(params)))
    verify_trustees(G, trustees)
    assert Trustees.from_bytes(G, trustees.to_bytes()) == trustees
    slots = trustees.slots()
    assert [s.owner for s in slots] == [1, 2, 3, 4, 5]
    assert slots[0].key == key and slots[3].key == params.verification_keys[2]
    y = compute_election_public_key(G, trustees)
    from ceremony.protocol.pedersen import compute_pedersen_public_key

    assert y == G.mul(G.g_pow(x), compute_pedersen_public_key(G, params))
