"""El Gamal encryption (§4.11.1): round trips and homomorphism, for any key."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.elgamal import Ciphertext, PlainPowers, decrypt, encrypt
from ceremony.protocol.fastverify import TablePowers
from ceremony.protocol.group import BELENIOS_2048
from tests.protocol.strategies import rngs, scalars

GROUP = BELENIOS_2048
TABLES = TablePowers(GROUP, GROUP.g_pow(987654321))


@settings(max_examples=30)
@given(x=scalars(), m=st.integers(0, 50), rng=rngs())
def test_decrypt_inverts_encrypt(x: int, m: int, rng: random.Random) -> None:
    powers = PlainPowers(GROUP, GROUP.g_pow(x))
    c = encrypt(powers, m, GROUP.random_scalar(rng))
    assert decrypt(GROUP, x, c) == GROUP.g_pow(m)
    assert Ciphertext.from_dict(GROUP, c.to_dict()) == c


@settings(max_examples=20)
@given(x=scalars(), m1=st.integers(0, 9), m2=st.integers(0, 9), w=st.integers(1, 5), rng=rngs())
def test_product_and_power_add_and_scale_plaintexts(
    x: int, m1: int, m2: int, w: int, rng: random.Random
) -> None:
    powers = PlainPowers(GROUP, GROUP.g_pow(x))
    c1 = encrypt(powers, m1, GROUP.random_scalar(rng))
    c2 = encrypt(powers, m2, GROUP.random_scalar(rng))
    assert decrypt(GROUP, x, c1.mul(c2, GROUP).pow(w, GROUP)) == GROUP.g_pow(w * (m1 + m2))


@settings(max_examples=50)
@given(e=st.integers(-(2**300), 2**300))
def test_tables_equal_plain_powers(e: int) -> None:
    plain = PlainPowers(GROUP, TABLES.y)
    assert TABLES.g_pow(e) == plain.g_pow(e) and TABLES.y_pow(e) == plain.y_pow(e)
