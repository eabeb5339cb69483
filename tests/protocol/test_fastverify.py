"""The batched subgroup test: sound on every kind of non-member, exact on members."""

from __future__ import annotations

import random

import gmpy2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.errors import NotInSubgroupError
from ceremony.protocol.fastverify import FixedBaseTable, find_non_members, load_credentials
from ceremony.protocol.group import BELENIOS_2048, RFC_3526_2048, Group
from ceremony.protocol.serialization import dumps

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
