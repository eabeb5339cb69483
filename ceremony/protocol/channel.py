"""The trustees' public key infrastructure and private channels (spec §4.6.1, §4.6.3).

Trustees exchange secrets through the administrator. A message is wrapped in
a ``channel_msg`` naming its recipient, signed by the sender (a Schnorr-like
``signed_msg``), then encrypted to the recipient's encryption key with an
ElGamal-like KEM and an AEAD cipher keyed by SHA-256 of ``key|g^s``.

- Belenios 3.1 and later (what we write): ``"algorithm": "AES-GCM"``, AES-256-GCM
  with the 32-byte IV SHA-256(``iv|alpha``) and a 128-bit tag appended.
- belenios-tool 2.0 (still read): no ``algorithm`` field, SJCL's CCM: the first
  ``15 - L`` bytes of SHA-256(``iv|alpha``) as nonce (``L = 2`` below 64 KiB of
  plaintext) and a 64-bit tag.

The signature challenge is the SHA-256 of ``sigmsg|M|A`` reduced modulo q, as
belenios-tool computes it. Elements are written with the group's own text
(``version.element_text``), so the same code serves every group.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESCCM, AESGCM

from ceremony.protocol.errors import MalformedDataError, ProtocolError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.hashing import hash_to_zq
from ceremony.protocol.proofs import Proof
from ceremony.protocol.serialization import dumps, get_field, loads, require_dict, require_str
from ceremony.protocol.version import element_text

_TAG_BYTES = 8
_GCM_TAG_BYTES = 16

AES_GCM = "AES-GCM"
"""The ``algorithm`` of Belenios 3.1+ channel messages (the only one 3.3 accepts)."""
AES_CCM = "AES-CCM"
"""SJCL's CCM, the implicit algorithm of Belenios 2.0 messages (no ``algorithm`` field)."""


class ChannelError(ProtocolError):
    """A channel message cannot be opened: wrong key, altered data or wrong recipient."""

    check = "channel"

    default_message = (
        "Un message chiffré entre garants ne peut pas être ouvert : il a été altéré "
        "ou ne vous est pas destiné. Recommencez l'étape de génération des clés."
    )


class InvalidSignatureError(ProtocolError):
    """A ``signed_msg`` does not verify under the expected verification key (§4.6.1)."""

    default_message = (
        "Une signature de garant est invalide : le message a été altéré ou ne vient "
        "pas du garant attendu."
    )


@dataclass(frozen=True)
class SignedMessage:
    """``signed_msg`` of §4.6.1: a string and its Schnorr-like signature."""

    message: str
    signature: Proof

    def to_dict(self) -> dict[str, Any]:
        """Fields in the spec's order (§4.6.1)."""
        return {"message": self.message, "signature": self.signature.to_dict()}

    def to_string(self) -> str:
        """Compact JSON (§4.6.1)."""
        return dumps(self.to_dict()).decode("utf-8")

    @classmethod
    def from_dict(cls, group: Group, obj: object, what: str = "signed_msg") -> SignedMessage:
        """Parse a ``signed_msg`` (§4.6.1)."""
        d = require_dict(obj, what)
        return cls(
            require_str(get_field(d, "message", what), f"{what} message"),
            Proof.from_dict(group, get_field(d, "signature", what), f"{what} signature"),
        )

    @classmethod
    def from_string(cls, group: Group, text: str, what: str = "signed_msg") -> SignedMessage:
        """Parse the JSON string of a ``signed_msg`` (§4.6.1)."""
        return cls.from_dict(group, loads(text), what)


def derive_key(group: Group, seed: str, purpose: str) -> Scalar:
    """``sk`` or ``dk`` from a trustee seed: SHA-256 of ``purpose|seed`` mod q (§4.6.1)."""
    digest = hashlib.sha256(f"{purpose}|{seed}".encode()).digest()
    return int.from_bytes(digest, "big") % group.q


def _signature_challenge(group: Group, message: str, commitment: Element) -> Scalar:
    return hash_to_zq(group, f"sigmsg|{message}|{element_text(group, commitment)}")


def make_signed_message(
    group: Group, signing_key: Scalar, message: str, rng: random.Random | None = None
) -> SignedMessage:
    """Sign ``message`` with ``signing_key`` (§4.6.1 "Signing")."""
    w = group.random_scalar(rng)
    challenge = _signature_challenge(group, message, group.g_pow(w))
    response = (w - signing_key * challenge) % group.q
    return SignedMessage(message, Proof(challenge, response))


def verify_signed_message(group: Group, verification_key: Element, signed: SignedMessage) -> None:
    """Check a ``signed_msg`` against ``verification_key`` (§4.6.1 "Signing")."""
    sig = signed.signature
    commitment = group.mul(group.g_pow(sig.response), group.pow(verification_key, sig.challenge))
    if _signature_challenge(group, signed.message, commitment) != sig.challenge:
        raise InvalidSignatureError("signed_msg signature does not verify")


@dataclass(frozen=True)
class EncryptedMessage:
    """``encrypted_msg`` of §4.6.1: ?algorithm, alpha, beta and the hex AEAD data.

    ``algorithm`` is ``AES_GCM`` (3.1+) or None (2.0, SJCL's CCM); ``alpha_text``
    is alpha as the group writes it, which the IV hashes.
    """

    alpha: Element
    beta: Element
    data: str
    algorithm: str | None
    alpha_text: str
    beta_text: str

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order (§4.6.1; 3.3 writes ``algorithm`` first)."""
        out: dict[str, Any] = {}
        if self.algorithm is not None:
            out["algorithm"] = self.algorithm
        out.update({"alpha": self.alpha_text, "beta": self.beta_text, "data": self.data})
        return out

    def to_string(self) -> str:
        """Compact JSON string, as embedded in polynomials and voutputs (§4.6.1)."""
        return dumps(self.to_dict()).decode("utf-8")

    @classmethod
    def from_string(cls, group: Group, text: str) -> EncryptedMessage:
        """Parse and check that alpha and beta are group elements (§4.6.1; 3.3 checks both)."""
        d = require_dict(loads(text), "encrypted_msg")
        data = require_str(get_field(d, "data", "encrypted_msg"), "encrypted_msg data")
        try:
            bytes.fromhex(data)
        except ValueError as e:
            raise MalformedDataError("encrypted_msg data is not hexadecimal") from e
        algorithm = d.get("algorithm")
        if algorithm is not None and algorithm not in (AES_GCM, AES_CCM):
            raise ChannelError(f"encrypted_msg algorithm {algorithm!r} is not supported")
        alpha = get_field(d, "alpha", "encrypted_msg")
        beta = get_field(d, "beta", "encrypted_msg")
        return cls(
            group.parse_element(alpha, "encrypted_msg alpha"),
            group.parse_element(beta, "encrypted_msg beta"),
            data,
            algorithm,
            str(alpha),
            str(beta),
        )


def _iv(alpha_text: str) -> bytes:
    return hashlib.sha256(f"iv|{alpha_text}".encode()).digest()


def _nonce(alpha_text: str, length: int) -> bytes:
    # SJCL's CCM: an L-byte length field, at least 2; the nonce is 15 - L bytes.
    size = 2
    while size < 4 and length >> (8 * size):
        size += 1
    return _iv(alpha_text)[: 15 - size]


def _key(group: Group, shared: Element) -> bytes:
    return hashlib.sha256(f"key|{element_text(group, shared)}".encode()).digest()


def encrypt_message(
    group: Group,
    encryption_key: Element,
    plaintext: str,
    rng: random.Random | None = None,
    *,
    algorithm: str | None = AES_GCM,
) -> EncryptedMessage:
    """Encrypt ``plaintext`` to ``encryption_key`` (§4.6.1 "Encrypting").

    ``algorithm=None`` writes a Belenios 2.0 (AES-CCM) message, for tests of
    the 2.0 reading path only.
    """
    r, s = group.random_scalar(rng), group.random_scalar(rng)
    alpha = group.g_pow(r)
    shared = group.g_pow(s)
    beta = group.mul(group.pow(encryption_key, r), shared)
    alpha_text = element_text(group, alpha)
    raw = plaintext.encode("utf-8")
    key = _key(group, shared)
    if algorithm == AES_GCM:
        data = AESGCM(key).encrypt(_iv(alpha_text), raw, None)
    elif algorithm is None:
        data = AESCCM(key, tag_length=_TAG_BYTES).encrypt(_nonce(alpha_text, len(raw)), raw, None)
    else:
        raise ChannelError(f"cannot encrypt with algorithm {algorithm!r}")
    return EncryptedMessage(
        alpha, beta, data.hex(), algorithm, alpha_text, element_text(group, beta)
    )


def decrypt_message(group: Group, decryption_key: Scalar, message: EncryptedMessage) -> str:
    """Decrypt an ``encrypted_msg`` with ``decryption_key`` (§4.6.1 "Encrypting")."""
    shared = group.div(message.beta, group.pow(message.alpha, decryption_key))
    key = _key(group, shared)
    data = bytes.fromhex(message.data)
    try:
        if message.algorithm == AES_GCM:
            if len(data) < _GCM_TAG_BYTES:
                raise ChannelError("encrypted_msg data shorter than the GCM tag")
            raw = AESGCM(key).decrypt(_iv(message.alpha_text), data, None)
        else:
            if len(data) < _TAG_BYTES:
                raise ChannelError("encrypted_msg data shorter than the CCM tag")
            nonce = _nonce(message.alpha_text, len(data) - _TAG_BYTES)
            raw = AESCCM(key, tag_length=_TAG_BYTES).decrypt(nonce, data, None)
        return raw.decode("utf-8")
    except (InvalidTag, UnicodeDecodeError) as e:
        raise ChannelError(f"{message.algorithm or AES_CCM} authentication failed") from e


def send(
    group: Group,
    signing_key: Scalar,
    recipient: Element,
    message: str,
    rng: random.Random | None = None,
    *,
    algorithm: str | None = AES_GCM,
) -> str:
    """``send(sk, recipient, message)`` of §4.6.3, serialised as a string."""
    channel = dumps({"recipient": element_text(group, recipient), "message": message})
    signed = make_signed_message(group, signing_key, channel.decode("utf-8"), rng)
    encrypted = encrypt_message(group, recipient, signed.to_string(), rng, algorithm=algorithm)
    return encrypted.to_string()


def receive(group: Group, decryption_key: Scalar, verification_key: Element, text: str) -> str:
    """Open a channel message from the holder of ``verification_key`` (§4.6.3).

    Checks the signature and that the recipient is our own encryption key.
    """
    encrypted = EncryptedMessage.from_string(group, text)
    try:
        signed = SignedMessage.from_string(group, decrypt_message(group, decryption_key, encrypted))
    except MalformedDataError as e:
        raise ChannelError(f"decrypted channel message is malformed: {e.technical}") from e
    verify_signed_message(group, verification_key, signed)
    try:
        obj = require_dict(loads(signed.message), "channel_msg")
        recipient = group.parse_element(get_field(obj, "recipient", "channel_msg"), "recipient")
        message = require_str(get_field(obj, "message", "channel_msg"), "channel_msg message")
    except ProtocolError as e:
        raise ChannelError(f"channel_msg is malformed: {e.technical}") from e
    if recipient != group.g_pow(decryption_key):
        raise ChannelError("channel_msg recipient is not our encryption key")
    return message
