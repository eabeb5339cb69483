"""The Ed25519 group (Belenios 2.1+, libsodium through PyNaCl) behind the group interface."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.ed25519 import ED25519, IDENTITY, L, Point
from ceremony.protocol.errors import (
    InvalidScalarError,
    MalformedDataError,
    NonCanonicalEncodingError,
    NotInSubgroupError,
)
from ceremony.protocol.fastverify import load_credentials
from ceremony.protocol.group import BELENIOS_2048, Group, IdentityElementError, get_group
from tests.protocol import ed25519_reference as ref

G = ED25519
scalars = st.integers(min_value=0, max_value=L - 1)
any_ints = st.integers(min_value=-(2**300), max_value=2**300)


def test_named_ed25519_with_belenios_generator_and_order() -> None:
    assert get_group("Ed25519") is ED25519
    assert str(G.g) == "6666666666666666666666666666666666666666666666666666666666666658"
    assert str(IDENTITY) == "0" * 63 + "1"
    assert G.q == L == ref.L
    assert ref.encode(ref.BASE) == G.g


@settings(max_examples=25, deadline=None)
@given(a=any_ints, b=any_ints)
def test_group_laws(a: int, b: int) -> None:
    x, y = G.g_pow(a), G.g_pow(b)
    assert G.mul(x, y) == G.g_pow(a + b) == G.mul(y, x)
    assert G.pow(x, b) == G.g_pow(a * b)
    assert G.div(x, y) == G.g_pow(a - b)
    assert G.mul(x, G.inv(x)) == IDENTITY
    assert G.mul(x, IDENTITY) == x
    assert G.pow(x, L) == IDENTITY and G.pow(x, b + L) == G.pow(x, b)


@settings(max_examples=25, deadline=None)
@given(a=scalars, b=scalars, c=scalars)
def test_associative(a: int, b: int, c: int) -> None:
    x, y, z = G.g_pow(a), G.g_pow(b), G.g_pow(c)
    assert G.mul(G.mul(x, y), z) == G.mul(x, G.mul(y, z))


@settings(max_examples=5, deadline=None)
@given(k=st.integers(min_value=1, max_value=2**64))
def test_same_points_as_an_independent_implementation(k: int) -> None:
    assert G.g_pow(k) == ref.encode(ref.mul(k, ref.BASE))
    x = G.g_pow(k + 12345)
    assert G.pow(x, 3) == ref.encode(ref.mul(3, ref.decode(int(x))))  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(a=scalars)
def test_serialisation_round_trip_is_reversed_rfc8032(a: int) -> None:
    x = G.g_pow(a)
    text = str(x)
    assert len(text) == 64 and text == text.lower()
    # Belenios prints the RFC 8032 (libsodium) bytes as a big-endian number.
    assert bytes.fromhex(text) == x.encoded[::-1]
    assert G.parse_element(text) == x
    assert isinstance(G.parse_element(text), Point)
    assert f"{x}" == text and f"{x},{x}" == f"{text},{text}"


def test_libsodium_caveats_zero_scalar_and_identity() -> None:
    x = G.g_pow(7)
    assert G.g_pow(0) == G.g_pow(L) == IDENTITY
    assert G.pow(x, 0) == IDENTITY
    assert G.pow(IDENTITY, 5) == IDENTITY
    assert G.div(x, x) == IDENTITY
    assert G.mul(IDENTITY, IDENTITY) == IDENTITY
    assert G.parse_element(str(IDENTITY)) == IDENTITY


def test_integer_arithmetic_on_points_is_refused() -> None:
    x = G.g_pow(3)
    for op in (lambda: x * x, lambda: x % 7, lambda: x + 1, lambda: pow(x, 2), lambda: -x):
        with pytest.raises(TypeError):
            op()


SMALL_ORDER = {f"torsion-{k}": ref.encode(t) for k, t in enumerate(ref.TORSION[1:], start=1)}
MIXED = {
    f"P+torsion-{k}": ref.encode(ref.add(ref.mul(5, ref.BASE), t))
    for k, t in enumerate(ref.TORSION[1:], start=1)
}


@pytest.mark.parametrize("z", list(SMALL_ORDER.values()) + list(MIXED.values()),
                         ids=list(SMALL_ORDER) + list(MIXED))  # fmt: skip
def test_points_outside_the_prime_order_subgroup_are_refused(z: int) -> None:
    assert ref.on_curve(ref.decode(z))  # type: ignore[arg-type]
    text = format(z, "064x")
    assert not G.is_member(z)
    with pytest.raises(NotInSubgroupError):
        G.parse_element(text)
    # Operations refuse them too (libsodium), as a subgroup failure.
    with pytest.raises(NotInSubgroupError):
        G.pow(z, 3)


def test_non_canonical_encodings_of_the_identity_are_refused() -> None:
    # Non-canonical spellings of the identity that Belenios' OCaml fallback reads as O.
    for z in (1 | 1 << 255, ref.P + 1, (ref.P + 1) | 1 << 255):
        assert ref.decode(z, canonical=False) == ref.IDENTITY
        assert not G.is_member(z)
        with pytest.raises(NotInSubgroupError):
            G.parse_element(format(z, "064x"))


def test_every_encoding_with_y_at_least_p_is_refused() -> None:
    # y in [p, 2^255) spells the point of y - p (19 values, both signs); none is taken.
    decodable = 0
    for y in range(ref.P, 2**255):
        for z in (y, y | 1 << 255):
            if ref.decode(z, canonical=False) is not None:
                decodable += 1
            assert not G.is_member(z)
            with pytest.raises(NonCanonicalEncodingError) as caught:
                G.parse_element(format(z, "064x"))
            assert caught.value.check == "encoding"  # named as such, not as off the subgroup
    assert decodable > 0


@pytest.mark.parametrize(
    "text",
    [
        str(ED25519.g_pow(2)).upper(),
        "666666666666666666666666666666666666666666666666666666666666658",
        "06666666666666666666666666666666666666666666666666666666666666658",
        "0x66666666666666666666666666666666666666666666666666666666666658",
        "42",
        42,
        None,
    ],
    ids=["uppercase", "63-digits", "65-digits", "0x", "decimal", "json-number", "null"],
)
def test_element_strings_other_than_64_lowercase_hex_are_malformed(text: object) -> None:
    with pytest.raises(MalformedDataError):
        G.parse_element(text)


def test_off_curve_and_out_of_range_numbers_are_not_members() -> None:
    off = next(y for y in range(2, 100) if ref.decode(y) is None)
    for z in (0, off, 2**256, -1):
        assert not G.is_member(z)
    with pytest.raises(NotInSubgroupError):
        G.mul(off, G.g)


def test_scalars_stay_decimal_and_reduced() -> None:
    assert G.parse_scalar(str(L - 1)) == L - 1
    with pytest.raises(InvalidScalarError):
        G.parse_scalar(str(L))
    with pytest.raises(MalformedDataError):
        G.parse_scalar("ff")


def test_random_scalars_and_points() -> None:
    rng = random.Random(5)
    xs = {G.g_pow(G.random_scalar(rng)) for _ in range(20)}
    assert len(xs) == 20 and all(G.is_member(x) for x in xs)
    assert BELENIOS_2048.element_bytes == 256 and G.element_bytes == 32


@pytest.mark.parametrize("group", [ED25519, BELENIOS_2048], ids=["Ed25519", "BELENIOS-2048"])
def test_the_identity_is_a_member_but_not_a_public_key(group: Group) -> None:
    assert group.check_element(group.identity) == group.identity
    with pytest.raises(IdentityElementError):
        group.check_public_key(group.identity, "trustee public key")
    assert group.check_public_key(group.g) == group.g
    with pytest.raises(IdentityElementError):
        load_credentials(group, json.dumps([str(group.g), str(group.identity)]).encode())
