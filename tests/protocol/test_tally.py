"""The encrypted tally (§4.16): weights, revotes divided out, events."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.elgamal import Ciphertext, PlainPowers, decrypt, encrypt
from ceremony.protocol.group import BELENIOS_2048 as G
from ceremony.protocol.hashing import sha256_hex
from ceremony.protocol.tally import (
    EncryptedTally,
    InvalidEncryptedTallyError,
    SizedEncryptedTally,
    TallyAccumulator,
    compute_encrypted_tally,
    make_tally_events,
    verify_encrypted_tally,
)

X = 987654321
POWERS = PlainPowers(G, G.g_pow(X))


def _ballot(vote: list[int], rng: random.Random) -> list[list[Ciphertext]]:
    return [[encrypt(POWERS, m, G.random_scalar(rng)) for m in vote]]


def _plain(tally: EncryptedTally) -> list[int]:
    return [
        next(m for m in range(50) if G.g_pow(m) == decrypt(G, X, c)) for c in tally.ciphertexts[0]
    ]


@settings(max_examples=10, deadline=None)
@given(
    votes=st.lists(
        st.tuples(st.sampled_from([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), st.integers(1, 4)),
        min_size=1,
        max_size=4,
    ),
    seed=st.integers(0, 2**32),
)
def test_weighted_tally_decrypts_to_weighted_sums(
    votes: list[tuple[list[int], int]], seed: int
) -> None:
    rng = random.Random(seed)
    tally, count, weight = compute_encrypted_tally(G, [3], ((_ballot(v, rng), w) for v, w in votes))
    assert count == len(votes) and weight == sum(w for _, w in votes)
    assert _plain(tally) == [sum(v[j] * w for v, w in votes) for j in range(3)]


def test_removing_a_superseded_ballot_equals_never_adding_it() -> None:
    rng = random.Random(1)
    first, revote, other = _ballot([1, 0], rng), _ballot([0, 1], rng), _ballot([0, 1], rng)
    acc = TallyAccumulator(G, [2])
    for b in (first, other, revote):
        acc.add(b, 2)
    acc.remove(first, 2)
    expected, n, w = compute_encrypted_tally(G, [2], [(other, 2), (revote, 2)])
    assert acc.result() == expected and (acc.num_tallied, acc.total_weight) == (n, w) == (2, 4)


def test_empty_tally_is_the_neutral_ciphertext() -> None:
    tally, n, w = compute_encrypted_tally(G, [2], [])
    assert tally.to_json() == [[{"alpha": "1", "beta": "1"}] * 2] and (n, w) == (0, 0)


def test_published_tally_must_match() -> None:
    rng = random.Random(2)
    tally, n, w = compute_encrypted_tally(G, [2], [(_ballot([1, 0], rng), 1)])
    data = tally.to_bytes()
    sized = SizedEncryptedTally(n, w, sha256_hex(data))
    assert EncryptedTally.from_bytes(G, data) == tally
    assert SizedEncryptedTally.from_bytes(sized.to_bytes()) == sized
    verify_encrypted_tally(tally, n, w, tally, sized)
    other, _, _ = compute_encrypted_tally(G, [2], [(_ballot([1, 0], rng), 1)])
    with pytest.raises(InvalidEncryptedTallyError):
        verify_encrypted_tally(tally, n, w, other, sized)
    with pytest.raises(InvalidEncryptedTallyError):
        verify_encrypted_tally(
            tally, n, w, tally, SizedEncryptedTally(n + 1, w, sized.encrypted_tally)
        )
    with pytest.raises(InvalidEncryptedTallyError):
        TallyAccumulator(G, [3]).add(_ballot([1, 0], rng), 1)


def test_tally_events() -> None:
    rng = random.Random(3)
    tally, n, w = compute_encrypted_tally(G, [2], [(_ballot([0, 1], rng), 1)])
    end, encrypted = make_tally_events(tally, n, w)
    assert end.type == "EndBallots" and end.data == ()
    data, sized = encrypted.data
    assert data == tally.to_bytes()
    assert SizedEncryptedTally.from_bytes(sized) == SizedEncryptedTally(1, 1, sha256_hex(data))
