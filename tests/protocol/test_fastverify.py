"""The batched subgroup test: sound on every kind of non-member, exact on members."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import gmpy2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.ballot import Ballot, make_ballot, verify_ballot
from ceremony.protocol.credentials import (
    CredentialList,
    derive_public_credential,
    derive_secret,
    make_credential,
    make_credential_list,
)
from ceremony.protocol.election import Election, make_election
from ceremony.protocol.elgamal import PlainPowers
from ceremony.protocol.errors import NotInSubgroupError, ProtocolError
from ceremony.protocol.fastverify import (
    BallotVerifier,
    BaseChain,
    FixedBaseTable,
    TablePowers,
    find_non_members,
    load_credentials,
)
from ceremony.protocol.group import BELENIOS_2048, RFC_3526_2048, Group
from ceremony.protocol.hashing import sha256_b64
from ceremony.protocol.proofs import make_signature
from ceremony.protocol.serialization import dumps
from tests.protocol.tool_election import homomorphic_template

BEL = BELENIOS_2048
P = BEL.p


def _primes_below(n: int) -> list[int]:
    sieve = bytearray([1]) * n
    sieve[0:2] = b"\x00\x00"
    for i in range(2, int(n**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytearray(len(sieve[i * i :: i]))
    return [i for i in range(n) if sieve[i]]


def test_cofactor_has_no_prime_factor_below_two_million_but_2_and_3() -> None:
    # The soundness bound of fastverify (2^-41) rests on this fact.
    rest = (P - 1) // BEL.q // 6
    assert ((P - 1) // BEL.q) % 6 == 0
    product = gmpy2.mpz(1)
    for prime in _primes_below(2_000_000):
        product *= prime
    assert gmpy2.gcd(product, rest) == 1
    assert rest % BEL.q != 0  # q^2 does not divide p - 1: G is the whole q-part of Z*p


def _non_members(group: Group) -> dict[str, int]:
    x = group.g_pow(123456789)
    out = {"order 2 component": P - x if group is BEL else group.p - x}
    if group is BEL:
        h = gmpy2.powmod(7, BEL.q * 2 * 3, P)  # component of order dividing r only
        assert h != 1
        out["order 3 component"] = x * gmpy2.powmod(5, (P - 1) // 3, P) % P
        out["order r component"] = x * h % P
        out["generator of Z*p"] = 2 if gmpy2.jacobi(2, P) == -1 else P - 2
    out["zero"] = 0
    out["p"] = group.p
    return out


@pytest.mark.parametrize("group", [BELENIOS_2048, RFC_3526_2048], ids=lambda g: g.name)
def test_every_kind_of_non_member_is_found(group: Group) -> None:
    members = [group.g_pow(i * 7919 + 1) for i in range(40)]
    assert find_non_members(group, members) == []
    for name, bad in _non_members(group).items():
        for position in (0, 17, 39):
            elements = list(members)
            elements[position] = bad
            assert find_non_members(group, elements) == [position], name


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32), count=st.integers(1, 4))
def test_several_order_3_non_members_are_all_found(seed: int, count: int) -> None:
    rng = random.Random(seed)
    order_3 = gmpy2.powmod(5, (P - 1) // 3, P)
    elements = [BEL.g_pow(rng.randrange(1, 10**9)) for _ in range(30)]
    bad = sorted(rng.sample(range(30), count))
    for i in bad:
        elements[i] = elements[i] * gmpy2.powmod(order_3, rng.choice([1, 2]), P) % P
    assert find_non_members(BEL, elements, random.Random(seed + 1)) == bad


def test_order_3_test_count_gives_the_stated_bound() -> None:
    from ceremony.protocol.fastverify import ORDER_3_TESTS, ORDER_R_BITS, ORDER_R_TESTS

    assert 3.0**-ORDER_3_TESTS * (1 / 3 + 2.0**-ORDER_R_BITS) ** ORDER_R_TESTS <= 2.0**-41
    assert (1 / 2_000_000 + 2.0**-ORDER_R_BITS) ** ORDER_R_TESTS <= 2.0**-41


TABLE = FixedBaseTable(BEL, BEL.g_pow(31337))


@settings(max_examples=30)
@given(e=st.integers(min_value=-(2**260), max_value=2**260))
def test_fixed_base_table(e: int) -> None:
    assert TABLE.pow(e) == gmpy2.powmod(TABLE.base, e, P)


def test_fixed_base_table_of_rfc_3526_uses_small_windows() -> None:
    table = FixedBaseTable(RFC_3526_2048, RFC_3526_2048.g, window=4)
    for e in (0, 1, RFC_3526_2048.q - 1, 2**2000 + 12345):
        assert table.pow(e) == gmpy2.powmod(2, e, RFC_3526_2048.p)


def test_load_credentials_checks_membership() -> None:
    good = [str(BEL.g_pow(i + 2)) for i in range(5)]
    assert len(load_credentials(BEL, dumps(good))) == 5
    bad = [*good, str(BEL.g * gmpy2.powmod(5, (P - 1) // 3, P) % P)]
    with pytest.raises(NotInSubgroupError):
        load_credentials(BEL, dumps(bad))


# Variable bases raised several times (alpha of each choice, alpha0 and beta0 of
# the blank choice, alpha of cΣ) share a BaseChain: it must equal powmod exactly,
# for members and non-members alike (membership is tested after the proofs).
Q = int(BEL.q)
ORDER_3 = gmpy2.powmod(5, (P - 1) // 3, P)
EDGE_EXPONENTS = [0, 1, 2, Q - 1, Q, Q + 1, 2 * Q - 1, 2**256 - 1, 2**256, 2**300 + 7]
EDGE_BASES = [0, 1, 2, P - 1, BEL.g, BEL.g * ORDER_3 % P, P - BEL.g]


@settings(max_examples=40, deadline=None)
@given(
    base=st.one_of(st.sampled_from(EDGE_BASES), st.integers(0, int(P) - 1)),
    exponents=st.lists(
        st.one_of(st.sampled_from(EDGE_EXPONENTS), st.integers(0, 2**300)), min_size=1, max_size=4
    ),
    window=st.sampled_from([1, 3, 4, 5, 7]),
)
def test_base_chain_equals_powmod(base: int, exponents: list[int], window: int) -> None:
    chain = BaseChain(BEL, gmpy2.mpz(base), window)
    for e in exponents:
        assert chain.pow(e) == gmpy2.powmod(base, e, P)


def test_base_chain_negative_exponents_and_other_groups() -> None:
    chain = BaseChain(BEL, BEL.g_pow(5), 5)
    assert chain.pow(-3) == gmpy2.powmod(BEL.g_pow(5), -3, P)
    rfc = RFC_3526_2048
    chain = BaseChain(rfc, rfc.g, 4)
    for e in (0, 1, int(rfc.q) - 1, int(rfc.q), 2**2100 + 3):
        assert chain.pow(e) == gmpy2.powmod(rfc.g, e, rfc.p)


POWERS = TablePowers(BEL, BEL.g_pow(4321))


@settings(max_examples=25, deadline=None)
@given(
    base=st.one_of(st.sampled_from(EDGE_BASES[1:]), st.integers(1, int(P) - 1)),
    m=st.integers(0, 3),
    exponents=st.lists(
        st.one_of(st.sampled_from(EDGE_EXPONENTS), st.integers(0, 2**260)), min_size=1, max_size=5
    ),
)
def test_shared_and_shifted_bases_equal_powmod(base: int, m: int, exponents: list[int]) -> None:
    x = gmpy2.mpz(base)
    shifted = x * gmpy2.powmod(BEL.g, -m, P) % P
    POWERS.share_bases({x: len(exponents) + 1}, {shifted: (x, m)})
    try:
        for e in exponents:
            assert POWERS.base_pow(x, e) == gmpy2.powmod(x, e, P)
            assert POWERS.base_pow(shifted, e) == gmpy2.powmod(shifted, e, P)
    finally:
        POWERS.forget_bases()
    assert POWERS.base_pow(x, 12345) == gmpy2.powmod(x, 12345, P)


def _blank_election() -> tuple[Election, CredentialList, str, bytes]:
    rng = random.Random(5)
    uuid = "tjQW2b734cduTo"
    election = make_election(homomorphic_template(3), uuid, BEL, BEL.g_pow(2024))
    credential = make_credential(rng)
    credentials = make_credential_list(BEL, [derive_public_credential(BEL, credential, uuid)])
    raw = make_ballot(election, credential, [[0, 0, 1, 0]], rng).to_bytes()
    return election, credentials, credential, raw


def _resigned(obj: dict[str, Any], election: Election, credential: str) -> None:
    obj.pop("signature", None)
    ballot_hash = sha256_b64(dumps(obj))
    secret = derive_secret(BEL, credential, election.uuid)
    proof = make_signature(PlainPowers(BEL, election.public_key), ballot_hash, secret)
    obj["signature"] = {"hash": ballot_hash, "proof": proof.to_dict()}


def _bumped(text: str) -> str:
    return str((int(text) + 1) % Q)


SHARED_BASE_ALTERATIONS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "alpha0 times g": (lambda o: _edit(o, "choices", 0, "alpha", lambda a: a * BEL.g % P),
                       "individual_proof"),
    "beta0 times g": (lambda o: _edit(o, "choices", 0, "beta", lambda b: b * BEL.g % P),
                      "individual_proof"),
    "alpha0 order-3 component": (lambda o: _edit(o, "choices", 0, "alpha",
                                                 lambda a: a * ORDER_3 % P), "subgroup"),
    "beta0 order-3 component": (lambda o: _edit(o, "choices", 0, "beta",
                                                lambda b: b * ORDER_3 % P), "subgroup"),
    "alpha of choice 2 order-3 component": (lambda o: _edit(o, "choices", 2, "alpha",
                                                            lambda a: a * ORDER_3 % P), "subgroup"),
    "first individual proof, branch 1": (lambda o: _proof(o, "individual_proofs", 0, 1),
                                         "individual_proof"),
    "blank proof on c0": (lambda o: _proof(o, "blank_proof", None, 0), "blank_proof"),
    "blank proof on cΣ": (lambda o: _proof(o, "blank_proof", None, 1), "blank_proof"),
    "overall proof on c0 (beta0 / g)": (lambda o: _proof(o, "overall_proof", None, 0),
                                        "overall_proof"),
    "overall proof on cΣ": (lambda o: _proof(o, "overall_proof", None, 1), "overall_proof"),
}  # fmt: skip


def _edit(obj: dict[str, Any], key: str, j: int, part: str, f: Callable[[Any], Any]) -> None:
    choice = obj["answers"][0][key][j]
    choice[part] = str(f(gmpy2.mpz(choice[part])))


def _proof(obj: dict[str, Any], key: str, j: int | None, branch: int) -> None:
    proofs = obj["answers"][0][key]
    target = (proofs if j is None else proofs[j])[branch]
    target["challenge"] = _bumped(target["challenge"])


@pytest.mark.parametrize("resign", [False, True], ids=["as-is", "re-signed"])
@pytest.mark.parametrize("name", list(SHARED_BASE_ALTERATIONS))
def test_alterations_of_shared_bases_are_refused_like_the_plain_verifier(
    name: str, resign: bool
) -> None:
    election, credentials, credential, raw = _blank_election()
    (good,) = BallotVerifier(election, credentials).verify_chunk([raw])
    assert good.ok
    alter, expected = SHARED_BASE_ALTERATIONS[name]
    obj = json.loads(raw)
    alter(obj)
    if resign:
        _resigned(obj, election, credential)
    altered = dumps(obj)
    try:
        verify_ballot(election, Ballot.from_bytes(altered, election), credentials)
        plain = "ok"
    except ProtocolError as e:
        plain = e.check
    (fast,) = BallotVerifier(election, credentials).verify_chunk([altered])
    assert plain == expected
    assert not fast.ok and fast.check == expected
