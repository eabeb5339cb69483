"""Groups of §5: parameters, membership, parsing."""

from __future__ import annotations

import gmpy2
import pytest
from hypothesis import given

from ceremony.protocol.errors import (
    InvalidScalarError,
    MalformedDataError,
    NotInSubgroupError,
    UnknownGroupError,
)
from ceremony.protocol.group import BELENIOS_2048, RFC_3526_2048, Group, get_group
from tests.protocol.strategies import elements, scalars

GROUPS = [BELENIOS_2048, RFC_3526_2048]


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_parameters_form_a_prime_order_subgroup(group: Group) -> None:
    assert group.p.bit_length() == 2048
    assert gmpy2.is_prime(group.p, 50) and gmpy2.is_prime(group.q, 50)
    assert (group.p - 1) % group.q == 0
    assert group.g != 1 and gmpy2.powmod(group.g, group.q, group.p) == 1


def test_belenios_2048_cofactor_is_2_times_3_times_a_rough_number() -> None:
    # fastverify's soundness argument rests on this factorisation.
    group = BELENIOS_2048
    cofactor = (group.p - 1) // group.q
    assert cofactor % 6 == 0 and cofactor % 4 != 0 and cofactor % 9 != 0
    rest = cofactor // 6
    assert all(rest % d != 0 for d in range(2, 20_000))


def test_get_group_by_name() -> None:
    assert get_group("BELENIOS-2048") is BELENIOS_2048
    assert get_group("RFC-3526-2048") is RFC_3526_2048
    with pytest.raises(UnknownGroupError):
        get_group("BELENIOS-1024")


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_elements_outside_the_subgroup_are_refused(group: Group) -> None:
    order_2 = group.p - 1
    h = gmpy2.mpz(5)
    order_3 = gmpy2.powmod(h, (group.p - 1) // 3, group.p)
    mixed = group.g * order_2 % group.p
    candidates = [0, group.p, group.p + 1, order_2, mixed]
    if group is BELENIOS_2048:
        assert order_3 != 1
        candidates += [order_3, group.g * order_3 % group.p]
    for bad in candidates:
        assert not group.is_member(bad)
        with pytest.raises(NotInSubgroupError):
            group.parse_element(str(bad))
    assert group.parse_element("1") == 1


@given(x=elements())
def test_parse_element_accepts_members(x: int) -> None:
    assert BELENIOS_2048.parse_element(str(x)) == x


@pytest.mark.parametrize("text", ["", "01", "-1", "+1", " 1", "1 ", "1e3", "0x10", 1, None])
def test_non_canonical_numbers_are_refused(text: object) -> None:
    with pytest.raises(MalformedDataError):
        BELENIOS_2048.parse_element(text)


@given(s=scalars())
def test_parse_scalar_round_trip(s: int) -> None:
    assert BELENIOS_2048.parse_scalar(str(s)) == s


def test_parse_scalar_refuses_unreduced_values() -> None:
    with pytest.raises(InvalidScalarError):
        BELENIOS_2048.parse_scalar(str(BELENIOS_2048.q))


@given(x=elements(), y=elements())
def test_arithmetic(x: int, y: int) -> None:
    group = BELENIOS_2048
    assert group.div(group.mul(x, y), y) == x
    assert group.mul(x, group.inv(x)) == 1
    assert group.pow(x, group.q) == 1
