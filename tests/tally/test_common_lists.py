"""Common lists: exact split of the votes between unions, and display rounding."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceremony.tally.common_lists import (
    UnionShare,
    compute_union_totals,
    compute_union_votes,
    format_decimal,
    format_votes,
    round_half_up,
)
from ceremony.tally.errors import InvalidContestDefinitionError


def test_declared_key_splits_exactly() -> None:
    split = compute_union_votes(
        [UnionShare("SNPHARE", Fraction(2, 3)), UnionShare("SMARNU", Fraction(1, 3))], 1000
    )
    assert [(u.union, u.votes) for u in split] == [
        ("SNPHARE", Fraction(2000, 3)),
        ("SMARNU", Fraction(1000, 3)),
    ]
    assert sum(u.votes for u in split) == 1000
    assert [format_votes(u.votes) for u in split] == ["666,67", "333,33"]


def test_no_key_means_equal_shares() -> None:
    split = compute_union_votes([UnionShare("A"), UnionShare("B"), UnionShare("C")], 100)
    assert [u.share for u in split] == [Fraction(1, 3)] * 3
    assert [u.votes for u in split] == [Fraction(100, 3)] * 3


def test_a_single_union_list_keeps_all_its_votes() -> None:
    (only,) = compute_union_votes([UnionShare("A")], 1234)
    assert only.votes == 1234
    assert format_votes(only.votes) == "1\u202f234"


def test_union_totals_add_own_lists_and_shares() -> None:
    own = compute_union_votes([UnionShare("U1")], 500)
    common = compute_union_votes(
        [UnionShare("U1", Fraction(2, 3)), UnionShare("U2", Fraction(1, 3))], 1000
    )
    assert compute_union_totals([own, common]) == (
        ("U1", Fraction(3500, 3)),
        ("U2", Fraction(1000, 3)),
    )


@pytest.mark.parametrize(
    "unions",
    [
        [],
        [UnionShare("A", Fraction(1, 2)), UnionShare("B")],
        [UnionShare("A", Fraction(1, 2)), UnionShare("B", Fraction(1, 3))],
        [UnionShare("A", Fraction(3, 2)), UnionShare("B", Fraction(-1, 2))],
        [UnionShare("A"), UnionShare("A")],
    ],
)
def test_bad_keys_are_refused(unions: list[UnionShare]) -> None:
    with pytest.raises(InvalidContestDefinitionError):
        compute_union_votes(unions, 10)


def test_shares_parse_from_the_definition_text() -> None:
    assert UnionShare.from_dict({"union": "A", "share": "0.4"}).share == Fraction(2, 5)
    assert UnionShare.from_dict({"union": "A", "share": "1/3"}).share == Fraction(1, 3)
    assert UnionShare.from_dict({"union": "A"}).share is None


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (Fraction(1, 200), 2, "0,01"),
        (Fraction(-1, 200), 2, "-0,01"),
        (Fraction(1, 201), 2, "0,00"),
        (Fraction(2, 3), 2, "0,67"),
        (Fraction(2849, 10000) * 100, 2, "28,49"),
        (Fraction(1234567, 2), 0, "617\u202f284"),
        (Fraction(1000000), 0, "1\u202f000\u202f000"),
    ],
)
def test_display_rounding_is_half_up(value: Fraction, digits: int, expected: str) -> None:
    assert format_decimal(value, digits) == expected


def test_round_half_up_is_exact() -> None:
    assert round_half_up(Fraction(125, 1000), 2) == Fraction(13, 100)
    assert round_half_up(Fraction(-125, 1000), 2) == Fraction(-13, 100)


@given(st.fractions(min_value=-(10**7), max_value=10**7, max_denominator=10**6))
def test_display_rounding_matches_decimal_half_up(value: Fraction) -> None:
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        expected = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format_decimal(value, 2).replace("\u202f", "").replace(",", ".")
    if expected == 0:
        expected = abs(expected)
    assert Decimal(text) == expected
