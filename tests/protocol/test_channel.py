"""Trustee PKI and channels (§4.6.1, §4.6.3)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.channel import (
    ChannelError,
    EncryptedMessage,
    InvalidSignatureError,
    decrypt_message,
    derive_key,
    encrypt_message,
    make_signed_message,
    receive,
    send,
    verify_signed_message,
)
from ceremony.protocol.group import BELENIOS_2048 as G
from ceremony.protocol.pedersen import make_seed


def _keys(seed: str) -> tuple[int, int]:
    return derive_key(G, seed, "sk"), derive_key(G, seed, "dk")


@settings(max_examples=10, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=0, max_value=2**32))
def test_encrypt_decrypt_round_trip(text: str, seed: int) -> None:
    rng = random.Random(seed)
    dk = G.random_scalar(rng)
    message = encrypt_message(G, G.g_pow(dk), text, rng)
    parsed = EncryptedMessage.from_string(G, message.to_string())
    assert decrypt_message(G, dk, parsed) == text


def test_long_plaintext_uses_a_shorter_nonce() -> None:
    # SJCL's CCM widens the length field past 64 KiB; both ends must agree.
    rng = random.Random(1)
    dk = G.random_scalar(rng)
    text = "x" * 70000
    assert decrypt_message(G, dk, encrypt_message(G, G.g_pow(dk), text, rng)) == text


def test_decrypt_with_wrong_key_fails() -> None:
    rng = random.Random(2)
    dk = G.random_scalar(rng)
    message = encrypt_message(G, G.g_pow(dk), "secret", rng)
    with pytest.raises(ChannelError):
        decrypt_message(G, dk + 1, message)


def test_signature_round_trip_and_tamper() -> None:
    rng = random.Random(3)
    sk = G.random_scalar(rng)
    signed = make_signed_message(G, sk, "hello", rng)
    verify_signed_message(G, G.g_pow(sk), signed)
    with pytest.raises(InvalidSignatureError):
        verify_signed_message(G, G.g_pow(sk + 1), signed)
    forged = type(signed)("hellO", signed.signature)
    with pytest.raises(InvalidSignatureError):
        verify_signed_message(G, G.g_pow(sk), forged)


def test_channel_checks_sender_and_recipient() -> None:
    rng = random.Random(4)
    alice_sk, alice_dk = _keys(make_seed(rng))
    bob_sk, bob_dk = _keys(make_seed(rng))
    text = send(G, alice_sk, G.g_pow(bob_dk), "for bob", rng)
    assert receive(G, bob_dk, G.g_pow(alice_sk), text) == "for bob"
    with pytest.raises(InvalidSignatureError):
        receive(G, bob_dk, G.g_pow(bob_sk), text)
    with pytest.raises(ChannelError):
        receive(G, alice_dk, G.g_pow(alice_sk), text)
