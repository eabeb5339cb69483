"""Partial decryptions (§4.18) and result combination (§4.19), Single + Pedersen."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.decryption import (
    ElectionResult,
    InvalidPartialDecryptionError,
    InvalidResultError,
    MissingPartialDecryptionError,
    PartialDecryption,
    combine_factors,
    compute_result,
    make_partial_decryption,
    solve_bounded_dlog,
    verify_partial_decryption,
    verify_result,
)
from ceremony.protocol.elgamal import PlainPowers, encrypt
from ceremony.protocol.group import BELENIOS_2048 as G
from ceremony.protocol.proofs import Proof
from ceremony.protocol.tally import TallyAccumulator
from ceremony.protocol.trustees import (
    PedersenTrustees,
    SingleTrustee,
    Trustees,
    compute_election_public_key,
    make_single_trustee,
)
from tests.protocol.test_pedersen import CEREMONY

FINGERPRINT = "fingerprint-of-the-election"
SINGLE_KEY, SINGLE = make_single_trustee(G, random.Random(11))
_, PARAMS, SHARES = CEREMONY
TRUSTEES = Trustees((SingleTrustee(SINGLE), PedersenTrustees(PARAMS)))
Y = compute_election_public_key(G, TRUSTEES)


def _tally(votes: list[list[int]], rng: random.Random):  # type: ignore[no-untyped-def]
    powers = PlainPowers(G, Y)
    acc = TallyAccumulator(G, [len(votes[0])])
    for vote in votes:
        acc.add([[encrypt(powers, m, G.random_scalar(rng)) for m in vote]], 1)
    return acc.result().ciphertexts


@settings(max_examples=8, deadline=None)
@given(
    votes=st.lists(st.lists(st.integers(0, 1), min_size=3, max_size=3), min_size=1, max_size=5),
    pair=st.sets(st.integers(min_value=2, max_value=5), min_size=2, max_size=2),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_decrypt_with_president_and_any_two_delegates(
    votes: list[list[int]], pair: set[int], seed: int
) -> None:
    rng = random.Random(seed)
    tally = _tally(votes, rng)
    keys = {1: SINGLE_KEY} | {owner: SHARES[owner - 2] for owner in pair}
    slots = {s.owner: s.key.public_key for s in TRUSTEES.slots()}
    partials = {}
    for owner, key in keys.items():
        partial = make_partial_decryption(G, FINGERPRINT, tally, key, rng)
        verify_partial_decryption(G, FINGERPRINT, tally, slots[owner], partial)
        partials[owner] = partial
    factors = combine_factors(G, TRUSTEES, partials, [3])
    result = compute_result(G, tally, factors, len(votes))
    assert result.result == (tuple(sum(v[j] for v in votes) for j in range(3)),)
    verify_result(G, tally, factors, result, len(votes))
    assert ElectionResult.from_dict(result.to_dict()) == result


def test_missing_president_or_delegate_is_refused() -> None:
    rng = random.Random(12)
    tally = _tally([[1, 0]], rng)
    p = {o: make_partial_decryption(G, FINGERPRINT, tally, SHARES[o - 2], rng) for o in (2, 3)}
    with pytest.raises(MissingPartialDecryptionError):
        combine_factors(G, TRUSTEES, p, [2])
    p1 = {1: make_partial_decryption(G, FINGERPRINT, tally, SINGLE_KEY, rng), 2: p[2]}
    with pytest.raises(MissingPartialDecryptionError):
        combine_factors(G, TRUSTEES, p1, [2])


def test_bad_factor_and_bad_proof_are_refused() -> None:
    rng = random.Random(13)
    tally = _tally([[1, 0]], rng)
    partial = make_partial_decryption(G, FINGERPRINT, tally, SINGLE_KEY, rng)
    PartialDecryption.from_dict(G, partial.to_dict())
    bad_factor = replace(
        partial,
        decryption_factors=(
            (G.mul(partial.decryption_factors[0][0], G.g), partial.decryption_factors[0][1]),
        ),
    )
    proof = partial.decryption_proofs[0][1]
    bad_proof = replace(
        partial,
        decryption_proofs=((partial.decryption_proofs[0][0],
                            Proof(proof.challenge, (proof.response + 1) % G.q)),),
    )  # fmt: skip
    for bad in (bad_factor, bad_proof):
        with pytest.raises(InvalidPartialDecryptionError):
            verify_partial_decryption(G, FINGERPRINT, tally, SINGLE.public_key, bad)
    with pytest.raises(InvalidPartialDecryptionError):
        verify_partial_decryption(G, "another election", tally, SINGLE.public_key, partial)


def test_wrong_result_is_refused() -> None:
    rng = random.Random(14)
    tally = _tally([[1, 0], [1, 0]], rng)
    partials = {1: make_partial_decryption(G, FINGERPRINT, tally, SINGLE_KEY, rng)}
    partials |= {
        o: make_partial_decryption(G, FINGERPRINT, tally, SHARES[o - 2], rng) for o in (3, 5)
    }
    factors = combine_factors(G, TRUSTEES, partials, [2])
    verify_result(G, tally, factors, ElectionResult(((2, 0),)), 2)
    for wrong in (((1, 1),), ((2, 0, 0),), ((3, 0),)):
        with pytest.raises(InvalidResultError):
            verify_result(G, tally, factors, ElectionResult(wrong), 2)


def test_bounded_dlog() -> None:
    for m in (0, 1, 2, 99, 100, 1000):
        assert solve_bounded_dlog(G, G.g_pow(m), 1000) == m
    with pytest.raises(InvalidResultError):
        solve_bounded_dlog(G, G.g_pow(1001), 1000)
