"""Proofs of §4.12–4.14: what is made verifies, anything altered does not."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.elgamal import PlainPowers, encrypt
from ceremony.protocol.group import BELENIOS_2048
from ceremony.protocol.proofs import (
    InvalidProofError,
    Proof,
    make_blank_proof,
    make_iproof,
    make_overall_blank_proof,
    make_signature,
    verify_blank_proof,
    verify_iproof,
    verify_overall_blank_proof,
    verify_signature,
)
from tests.protocol.strategies import rngs

GROUP = BELENIOS_2048
POWERS = PlainPowers(GROUP, GROUP.g_pow(424242))
PREFIX = "fingerprint|12345"


def _bump(proofs: tuple[Proof, ...], index: int, *, challenge: bool) -> tuple[Proof, ...]:
    p = proofs[index]
    changed = (
        Proof((p.challenge + 1) % GROUP.q, p.response)
        if challenge
        else Proof(p.challenge, (p.response + 1) % GROUP.q)
    )
    return (*proofs[:index], changed, *proofs[index + 1 :])


@settings(max_examples=15, deadline=None)
@given(data=st.data(), rng=rngs())
def test_interval_proofs(data: st.DataObject, rng: random.Random) -> None:
    low = data.draw(st.integers(0, 3))
    values = range(low, low + data.draw(st.integers(1, 4)))
    m = data.draw(st.sampled_from(values))
    r = GROUP.random_scalar(rng)
    c = encrypt(POWERS, m, r)
    proofs = make_iproof(POWERS, PREFIX, c, r, values.index(m), values, rng)
    verify_iproof(POWERS, PREFIX, c, proofs, values)
    with pytest.raises(InvalidProofError):
        verify_iproof(POWERS, PREFIX + "x", c, proofs, values)
    index = data.draw(st.integers(0, len(values) - 1))
    with pytest.raises(InvalidProofError):
        verify_iproof(POWERS, PREFIX, c, _bump(proofs, index, challenge=False), values)
    with pytest.raises(InvalidProofError):
        verify_iproof(POWERS, PREFIX, c, _bump(proofs, index, challenge=True), values)


def test_an_interval_proof_cannot_be_made_for_a_value_outside() -> None:
    rng = random.Random(3)
    r = GROUP.random_scalar(rng)
    c = encrypt(POWERS, 2, r)
    proofs = make_iproof(POWERS, PREFIX, c, r, 0, (0, 1), rng)  # lies: claims index 0
    with pytest.raises(InvalidProofError):
        verify_iproof(POWERS, PREFIX, c, proofs, (0, 1))


@settings(max_examples=10, deadline=None)
@given(blank=st.booleans(), rng=rngs())
def test_blank_and_overall_proofs(blank: bool, rng: random.Random) -> None:
    r0, rs = GROUP.random_scalar(rng), GROUP.random_scalar(rng)
    m0, ms = (1, 0) if blank else (0, 1)
    c0, cs = encrypt(POWERS, m0, r0), encrypt(POWERS, ms, rs)
    bp = make_blank_proof(POWERS, PREFIX, c0, cs, r0, rs, blank, rng)
    verify_blank_proof(POWERS, PREFIX, c0, cs, bp)
    op = make_overall_blank_proof(POWERS, PREFIX, c0, cs, r0, rs, ms, blank, 1, 1, rng)
    verify_overall_blank_proof(POWERS, PREFIX, c0, cs, op, 1, 1)
    with pytest.raises(InvalidProofError):
        verify_blank_proof(POWERS, PREFIX, cs, c0, bp)
    with pytest.raises(InvalidProofError):
        verify_overall_blank_proof(POWERS, PREFIX, c0, cs, _bump(op, 1, challenge=False), 1, 1)
    with pytest.raises(InvalidProofError):
        verify_overall_blank_proof(POWERS, PREFIX, c0, cs, op[:1], 1, 1)


def test_blank_proof_refuses_a_vote_both_blank_and_not() -> None:
    rng = random.Random(5)
    r0, rs = GROUP.random_scalar(rng), GROUP.random_scalar(rng)
    c0, cs = encrypt(POWERS, 1, r0), encrypt(POWERS, 1, rs)
    for blank in (True, False):
        bp = make_blank_proof(POWERS, PREFIX, c0, cs, r0, rs, blank, rng)
        with pytest.raises(InvalidProofError):
            verify_blank_proof(POWERS, PREFIX, c0, cs, bp)


@settings(max_examples=20)
@given(rng=rngs(), text=st.text(max_size=50))
def test_signatures(rng: random.Random, text: str) -> None:
    secret = GROUP.random_scalar(rng)
    credential = GROUP.g_pow(secret)
    proof = make_signature(POWERS, text, secret, rng)
    verify_signature(POWERS, credential, text, proof)
    with pytest.raises(InvalidProofError):
        verify_signature(POWERS, credential, text + "x", proof)
    with pytest.raises(InvalidProofError):
        verify_signature(POWERS, GROUP.g, text, proof)
