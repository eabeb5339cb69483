"""Wrapping a holder's secret to a card's X25519 decryption key.

ECIES-style, all primitives from ``cryptography``:

1. an ephemeral X25519 key pair ``(e, E)`` (randomness passed in);
2. ``Z = X25519(e, P)`` with ``P`` the card's public key; on unwrap the card
   computes the same ``Z = X25519(p, E)`` with PSO:DECIPHER;
3. ``K = HKDF-SHA256(Z, salt = E || P, info = LABEL || context)``, 32 bytes;
4. ``C = AES-256-GCM(K, nonce, secret, associated data = context)``.

The context (:class:`~ceremony.cards.interface.WrapContext`: bureau id,
role, card serial, election key fingerprint, kind of secret) is not stored
in the blob: the caller states what it expects, and a blob for another
bureau, role, card or election does not open.

Blob layout (``to_bytes``), 64 bytes plus the secret's length:
``b"BWS1" || E (32) || nonce (12) || C (secret + 16-byte tag)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ceremony.cards.errors import NoWrappedSecretError, UnwrapError
from ceremony.cards.interface import PublicKeyInfo, WrapContext, load_x25519_public

MAGIC: Final = b"BWS1"
LABEL: Final = b"bureau card secret wrap v1\x00"
NONCE_SIZE: Final = 12
TAG_SIZE: Final = 16
OVERHEAD: Final = len(MAGIC) + 32 + NONCE_SIZE + TAG_SIZE


@dataclass(frozen=True)
class WrappedSecret:
    """A secret encrypted to a card (module docstring). Not secret itself."""

    ephemeral_public: bytes
    nonce: bytes
    ciphertext: bytes

    def to_bytes(self) -> bytes:
        return MAGIC + self.ephemeral_public + self.nonce + self.ciphertext

    @classmethod
    def from_bytes(cls, blob: bytes) -> WrappedSecret:
        if not blob or blob.strip(b"\x00") == b"":
            raise NoWrappedSecretError("data object is empty")
        if len(blob) <= OVERHEAD or not blob.startswith(MAGIC):
            raise UnwrapError(f"not a wrapped-secret blob ({len(blob)} bytes)")
        body = blob[len(MAGIC) :]
        return cls(body[:32], body[32 : 32 + NONCE_SIZE], body[32 + NONCE_SIZE :])


def compute_wrap_key(
    shared_secret: bytes, ephemeral_public: bytes, recipient_public: bytes, context: WrapContext
) -> bytes:
    """``K`` of step 3 (module docstring)."""
    if shared_secret == bytes(len(shared_secret)):
        # A small-order ephemeral point gives Z = 0: refuse rather than use a known key.
        raise UnwrapError("X25519 shared secret is all zero")
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral_public + recipient_public,
        info=LABEL + context.to_bytes(),
    )
    return hkdf.derive(shared_secret)


def make_wrapped_secret(
    recipient: PublicKeyInfo,
    secret: bytes,
    context: WrapContext,
    *,
    ephemeral_private: x25519.X25519PrivateKey,
    nonce: bytes,
) -> WrappedSecret:
    """Encrypt ``secret`` to the card key ``recipient`` (fresh ``ephemeral_private``
    and ``nonce`` are passed in; never reuse them)."""
    if len(nonce) != NONCE_SIZE:
        raise ValueError("AES-GCM nonce must be 12 bytes")
    recipient_key = load_x25519_public(recipient)
    ephemeral_public = ephemeral_private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    shared = ephemeral_private.exchange(recipient_key)
    key = compute_wrap_key(shared, ephemeral_public, recipient.public_bytes, context)
    ciphertext = AESGCM(key).encrypt(nonce, secret, context.to_bytes())
    return WrappedSecret(ephemeral_public, nonce, ciphertext)


def open_wrapped_secret(
    wrapped: WrappedSecret,
    shared_secret: bytes,
    recipient: PublicKeyInfo,
    context: WrapContext,
) -> bytearray:
    """Decrypt with the shared secret the card computed; ``UnwrapError`` on any mismatch."""
    key = compute_wrap_key(shared_secret, wrapped.ephemeral_public, recipient.public_bytes, context)
    try:
        plain = AESGCM(key).decrypt(wrapped.nonce, wrapped.ciphertext, context.to_bytes())
    except InvalidTag as exc:
        raise UnwrapError("AES-GCM tag mismatch: other card, bureau, role or election") from exc
    return bytearray(plain)
