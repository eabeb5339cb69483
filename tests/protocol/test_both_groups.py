"""Every protocol function in both kinds of group: BELENIOS-2048 and Ed25519.

Keys and their proofs of knowledge, ballots (making, parsing, verifying, the
fast verifier and the pool), the encrypted tally, partial decryptions and the
result, each as a property over both groups; a tampered proof fails in both.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.ballot import (
    Ballot,
    InvalidSignatureError,
    make_ballot,
    sign_ballot_with_secret,
    verify_ballot,
)
from ceremony.protocol.credentials import derive_public_credential, make_credential_list
from ceremony.protocol.decryption import (
    combine_factors,
    compute_result,
    make_partial_decryption,
    verify_partial_decryption,
    verify_result,
)
from ceremony.protocol.ed25519 import ED25519
from ceremony.protocol.election import Election, make_election
from ceremony.protocol.elgamal import Ciphertext, PlainPowers, decrypt, encrypt
from ceremony.protocol.fastverify import BallotVerifier, load_credentials
from ceremony.protocol.group import BELENIOS_2048, Group
from ceremony.protocol.pool import verify_ballots
from ceremony.protocol.proofs import (
    InvalidProofError,
    Proof,
    make_iproof,
    make_signature,
    verify_iproof,
    verify_signature,
)
from ceremony.protocol.tally import TallyAccumulator
from ceremony.protocol.trustees import (
    SingleTrustee,
    Trustees,
    compute_election_public_key,
    make_single_trustee,
    verify_trustee_public_key,
)
from tests.protocol import ed25519_reference as ref

GROUPS = [ED25519, BELENIOS_2048]
ids = [g.name for g in GROUPS]
TEMPLATE: dict[str, Any] = {
    "description": "Scrutin de test",
    "name": "Test",
    "questions": [
        {"answers": ["A", "B", "C"], "blank": True, "min": 1, "max": 1, "question": "Q1"},
        {"answers": ["X", "Y"], "min": 0, "max": 2, "question": "Q2"},
    ],
}
CREDENTIALS = ["abc-def-ghi-jkl-mno", "pqr-stu-vwx-yzA-BCD", "EFG-HJK-LMN-PQR-STU"]


def _setup(group: Group, seed: int) -> tuple[Election, list[Any], Trustees]:
    rng = random.Random(seed)
    keys = [make_single_trustee(group, rng) for _ in range(2)]
    trustees = Trustees(tuple(SingleTrustee(pub) for _, pub in keys))
    y = compute_election_public_key(group, trustees)
    election = make_election(TEMPLATE, "Y2Ju8hHWTPe1TZ", group, y)
    return election, [x for x, _ in keys], trustees


@pytest.mark.parametrize("group", GROUPS, ids=ids)
@settings(max_examples=4, deadline=None)
@given(seed=st.integers(0, 2**32), m=st.integers(0, 3))
def test_interval_proof_and_signature(group: Group, seed: int, m: int) -> None:
    rng = random.Random(seed)
    y = group.g_pow(group.random_scalar(rng))
    powers = PlainPowers(group, y)
    r = group.random_scalar(rng)
    c = encrypt(powers, m, r)
    proofs = make_iproof(powers, "S", c, r, m, range(4), rng)
    verify_iproof(powers, "S", c, proofs, range(4))
    bad = (Proof(proofs[0].challenge, (proofs[0].response + 1) % group.q), *proofs[1:])
    with pytest.raises(InvalidProofError):
        verify_iproof(powers, "S", c, bad, range(4))
    with pytest.raises(InvalidProofError):
        verify_iproof(powers, "S", c, proofs, range(1, 5))
    s = group.random_scalar(rng)
    sig = make_signature(powers, "hash", s, rng)
    verify_signature(powers, group.g_pow(s), "hash", sig)
    with pytest.raises(InvalidProofError):
        verify_signature(powers, group.g_pow(s), "other", sig)


@pytest.mark.parametrize("group", GROUPS, ids=ids)
def test_trustee_keys_and_elgamal(group: Group) -> None:
    rng = random.Random(1)
    x, pub = make_single_trustee(group, rng)
    verify_trustee_public_key(group, pub)
    powers = PlainPowers(group, pub.public_key)
    for m in (0, 1, 5):
        c = encrypt(powers, m, group.random_scalar(rng))
        assert decrypt(group, x, c) == group.g_pow(m)
        assert Ciphertext.from_dict(group, json.loads(json.dumps(c.to_dict()))) == c


@pytest.mark.parametrize("group", GROUPS, ids=ids)
@settings(max_examples=2, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    votes=st.lists(
        st.tuples(
            st.sampled_from([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]]),
            st.sampled_from([[0, 0], [1, 0], [1, 1]]),
        ),
        min_size=1,
        max_size=2,
    ),
)
def test_ballots_tally_and_decryption(group: Group, seed: int, votes: list[Any]) -> None:
    rng = random.Random(seed)
    election, keys, trustees = _setup(group, seed)
    public = [derive_public_credential(group, c, election.uuid) for c in CREDENTIALS]
    creds = make_credential_list(group, public)
    ballots = [make_ballot(election, CREDENTIALS[i], [q1, q2], rng) for i, (q1, q2) in
               enumerate(votes)]  # fmt: skip
    acc = TallyAccumulator(group, [4, 2])
    for b in ballots:
        again = Ballot.from_bytes(b.to_bytes(), election)
        assert verify_ballot(election, again, creds) == 1
        acc.add([list(a.choices) for a in again.answers], 1)
    # The fast verifier (one process and a pool) agrees, with the same choices.
    raws = [b.to_bytes() for b in ballots]
    loaded = load_credentials(group, creds.to_json())
    fast = BallotVerifier(election, loaded, with_choices=True).verify_chunk(raws)
    pooled = list(verify_ballots(election, loaded, raws, workers=2, with_choices=True))
    assert [o.ok for o in fast] == [o.ok for o in pooled] == [True] * len(raws)
    assert [o.choices for o in fast] == [o.choices for o in pooled]
    tally = acc.result().ciphertexts
    partials = {}
    for owner, (x, slot) in enumerate(zip(keys, trustees.slots(), strict=True), start=1):
        pd = make_partial_decryption(group, election.fingerprint, tally, x, rng)
        verify_partial_decryption(group, election.fingerprint, tally, slot.key.public_key, pd)
        partials[owner] = pd
    factors = combine_factors(group, trustees, partials, [4, 2])
    result = compute_result(group, tally, factors, len(votes))
    expected = tuple(
        tuple(sum(v[q][j] for v in votes) for j in range(n)) for q, n in ((0, 4), (1, 2))
    )
    assert result.result == expected
    verify_result(group, tally, factors, result, len(votes))


@pytest.mark.parametrize("group", GROUPS, ids=ids)
def test_tampered_ballot_fails_in_both_groups(group: Group) -> None:
    rng = random.Random(3)
    election, _, _ = _setup(group, 3)
    s = group.random_scalar(rng)
    creds = make_credential_list(group, [group.g_pow(s)])
    powers = PlainPowers(group, election.public_key)
    ballot = sign_ballot_with_secret(election, powers, s, [[0, 1, 0, 0], [0, 1]], rng)
    assert verify_ballot(election, Ballot.from_bytes(ballot.to_bytes(), election), creds) == 1
    obj = json.loads(ballot.to_bytes())
    obj["signature"]["proof"]["response"] = str((int(obj["signature"]["proof"]["response"]) + 1)
                                                % int(group.q))  # fmt: skip
    raw = json.dumps(obj, separators=(",", ":")).encode()
    with pytest.raises(InvalidSignatureError):
        verify_ballot(election, Ballot.from_bytes(raw, election), creds)
    (outcome,) = BallotVerifier(election, creds).verify_chunk([raw])
    assert not outcome.ok and outcome.check == InvalidSignatureError.check


def _outside(group: Group) -> str:
    """An element string of the right form, on the curve / in Z*p, outside the subgroup."""
    if group is ED25519:
        point = ref.add(ref.mul(9, ref.BASE), ref.TORSION[1])
        return format(ref.encode(point), "064x")
    return str(int(BELENIOS_2048.p) - 1)


@pytest.mark.parametrize("group", GROUPS, ids=ids)
def test_pool_names_the_same_check_as_one_process(group: Group) -> None:
    rng = random.Random(8)
    election, _, _ = _setup(group, 8)
    powers = PlainPowers(group, election.public_key)
    listed, unlisted = group.random_scalar(rng), group.random_scalar(rng)
    creds = make_credential_list(group, [group.g_pow(listed)], [2])

    def ballot(secret: int) -> Any:
        b = sign_ballot_with_secret(election, powers, secret, [[0, 1, 0, 0], [0, 1]], rng)
        return json.loads(b.to_bytes())

    def raw(obj: Any) -> bytes:
        return json.dumps(obj, separators=(",", ":")).encode()

    good, stranger = ballot(listed), ballot(unlisted)
    bad_alpha = ballot(listed)
    bad_alpha["answers"][0]["choices"][1]["alpha"] = _outside(group)
    bad_alpha_stranger = ballot(unlisted)
    bad_alpha_stranger["answers"][0]["choices"][1]["alpha"] = _outside(group)
    bad_sig_stranger = ballot(unlisted)
    proof = bad_sig_stranger["signature"]["proof"]
    proof["response"] = str((int(proof["response"]) + 1) % int(group.q))
    raws = [raw(o) for o in (good, stranger, bad_alpha, bad_alpha_stranger, bad_sig_stranger)]
    single = list(verify_ballots(election, creds, raws, workers=1))
    pooled = list(verify_ballots(election, creds, raws, workers=2, chunk_size=2))
    assert pooled == single
    assert [(o.check, o.weight) for o in single] == [
        (None, 2), ("credential", None), ("subgroup", None), ("subgroup", None),
        ("credential", None),
    ]  # fmt: skip
