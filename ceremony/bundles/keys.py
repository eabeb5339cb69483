"""Signing keys as data, the ``Signer`` protocol, and signature verification.

Three algorithms, named in every signature and public key:

``ed25519``
    The platform key. Public key: the raw 32 bytes (RFC 8032). Signature: the
    64-byte Ed25519 signature of the message itself.
``ecdsa-p256-sha256``
    Card keys. Public key: the SEC1 *uncompressed* point ``04 || X || Y``
    (65 bytes), which is what an OpenPGP card returns in tag ``86`` of its
    public-key template. Signature: **raw ``r || s``**, 32 bytes each, big
    endian, over SHA-256(message). That is exactly the output of an OpenPGP
    card's PSO:COMPUTE DIGITAL SIGNATURE when it is given the 32-byte SHA-256
    digest of the message (OpenPGP card spec 3.4, §7.2.10: ECDSA input is the
    hash, output is r||s, not DER).
``rsa-pkcs1v15-sha256``
    Card keys on cards without P-256. Public key: DER SubjectPublicKeyInfo
    (build it from the card's modulus and exponent with
    :func:`rsa_public_key_bytes`); modulus of at least 2048 bits. Signature:
    RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2), the modulus length in bytes.
    An OpenPGP card produces it when PSO:CDS is given the DER ``DigestInfo`` of
    the SHA-256 digest (:func:`sha256_digest_info`): the card adds the type-1
    padding and applies the private key.

A card becomes a :class:`Signer` through a small adapter (in ``ceremony.cards``)
whose ``sign(message)`` hashes the message, sends the digest (ECDSA) or the
DigestInfo (RSA) to the card, and returns the card's answer unchanged.

The key id is the lowercase hex SHA-256 of the RFC 8785 canonical JSON
``{"algorithm": ..., "public_key": <hex of the public key bytes>}``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Final, Protocol, runtime_checkable

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from ceremony.bundles.canonical import canonical_bytes
from ceremony.bundles.errors import KeyFormatError, SignaturePolicyError

KeyId = str
"""Lowercase hex SHA-256 naming a public key (see module docstring)."""

Role = str
"""``platform``, ``president``, ``secretary`` or ``delegate``."""

ED25519: Final = "ed25519"
ECDSA_P256_SHA256: Final = "ecdsa-p256-sha256"
RSA_PKCS1V15_SHA256: Final = "rsa-pkcs1v15-sha256"
ALGORITHMS: Final = frozenset({ED25519, ECDSA_P256_SHA256, RSA_PKCS1V15_SHA256})

ROLES: Final = frozenset({"platform", "president", "secretary", "delegate"})

MIN_RSA_BITS: Final = 2048
MAX_RSA_BITS: Final = 4096

# DER prefix of DigestInfo{sha256, digest} (RFC 8017 §9.2, note 1).
_SHA256_DIGEST_INFO_PREFIX: Final = bytes.fromhex("3031300d060960864801650304020105000420")


@runtime_checkable
class Signer(Protocol):
    """Anything that signs bundles: a software key or a card behind an adapter.

    ``sign`` receives the whole message (the canonical manifest bytes) and
    returns the signature in the encoding documented for ``algorithm``.
    """

    @property
    def key_id(self) -> KeyId: ...

    @property
    def role(self) -> Role: ...

    @property
    def algorithm(self) -> str: ...

    def sign(self, message: bytes) -> bytes: ...


def compute_key_id(algorithm: str, public_bytes: bytes) -> KeyId:
    """Key id of a public key (see module docstring)."""
    body = canonical_bytes({"algorithm": algorithm, "public_key": public_bytes.hex()})
    return hashlib.sha256(body).hexdigest()


def sha256_digest_info(message: bytes) -> bytes:
    """DER DigestInfo of SHA-256(message): what an OpenPGP card signs for RSA."""
    return _SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(message).digest()


def rsa_public_key_bytes(modulus: int, exponent: int) -> bytes:
    """DER SubjectPublicKeyInfo of an RSA key given as the card reports it."""
    key = rsa.RSAPublicNumbers(exponent, modulus).public_key()
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def ecdsa_der_to_raw(der: bytes) -> bytes:
    """DER ECDSA-Sig-Value to the card's raw ``r || s`` (P-256)."""
    r, s = decode_dss_signature(der)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


@dataclass(frozen=True)
class PublicKey:
    """A public key as data: algorithm and public key bytes (module docstring)."""

    algorithm: str
    public_bytes: bytes

    def __post_init__(self) -> None:
        _load(self)  # refuse a malformed key at construction, not at first use

    @property
    def key_id(self) -> KeyId:
        return compute_key_id(self.algorithm, self.public_bytes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "algorithm": self.algorithm,
            "key_id": self.key_id,
            "public_key": self.public_bytes.hex(),
        }

    @classmethod
    def from_dict(cls, data: Any) -> PublicKey:
        if not isinstance(data, dict) or set(data) != {"algorithm", "key_id", "public_key"}:
            raise KeyFormatError("public key: expected keys algorithm, key_id, public_key")
        algorithm, key_id, public_hex = data["algorithm"], data["key_id"], data["public_key"]
        if not all(isinstance(v, str) for v in (algorithm, key_id, public_hex)):
            raise KeyFormatError("public key: fields must be strings")
        if public_hex != public_hex.lower():
            raise KeyFormatError("public key: hex must be lowercase")
        try:
            public_bytes = bytes.fromhex(public_hex)
        except ValueError as exc:
            raise KeyFormatError("public key: public_key is not hex") from exc
        key = cls(algorithm, public_bytes)
        if key.key_id != key_id:
            raise KeyFormatError(f"public key: key_id {key_id[:16]}… does not match the key")
        return key


_Loaded = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey


def _load(key: PublicKey) -> _Loaded:
    try:
        if key.algorithm == ED25519:
            if len(key.public_bytes) != 32:
                raise KeyFormatError("ed25519 public key must be 32 bytes")
            return ed25519.Ed25519PublicKey.from_public_bytes(key.public_bytes)
        if key.algorithm == ECDSA_P256_SHA256:
            if len(key.public_bytes) != 65 or key.public_bytes[0] != 4:
                raise KeyFormatError("P-256 public key must be an uncompressed SEC1 point")
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), key.public_bytes)
        if key.algorithm == RSA_PKCS1V15_SHA256:
            loaded = serialization.load_der_public_key(key.public_bytes)
            if not isinstance(loaded, rsa.RSAPublicKey):
                raise KeyFormatError("RSA public key expected")
            if not MIN_RSA_BITS <= loaded.key_size <= MAX_RSA_BITS:
                raise KeyFormatError(f"RSA modulus of {loaded.key_size} bits is not accepted")
            return loaded
    except (ValueError, UnsupportedAlgorithm, TypeError) as exc:
        raise KeyFormatError(f"{key.algorithm} public key does not load: {exc}") from exc
    raise KeyFormatError(f"unknown algorithm {key.algorithm!r}")


def verify_signature(key: PublicKey, message: bytes, signature: bytes) -> None:
    """Raise :class:`SignaturePolicyError` unless ``signature`` is valid (module docstring)."""
    loaded = _load(key)
    try:
        if isinstance(loaded, ed25519.Ed25519PublicKey):
            loaded.verify(signature, message)
        elif isinstance(loaded, ec.EllipticCurvePublicKey):
            if len(signature) != 64:
                raise InvalidSignature
            r = int.from_bytes(signature[:32], "big")
            s = int.from_bytes(signature[32:], "big")
            loaded.verify(encode_dss_signature(r, s), message, ec.ECDSA(hashes.SHA256()))
        else:
            loaded.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError) as exc:
        raise SignaturePolicyError(
            f"{key.algorithm} signature by key {key.key_id[:16]}… does not verify"
        ) from exc


@dataclass(frozen=True)
class Ed25519Signer:
    """Software Ed25519 key: the platform simulator's key, and tests'."""

    private_key: ed25519.Ed25519PrivateKey = field(repr=False)
    role: Role = "platform"
    algorithm: str = ED25519

    @classmethod
    def generate(cls, role: Role = "platform") -> Ed25519Signer:
        return cls(ed25519.Ed25519PrivateKey.generate(), role)

    @classmethod
    def from_seed(cls, seed: bytes, role: Role = "platform") -> Ed25519Signer:
        return cls(ed25519.Ed25519PrivateKey.from_private_bytes(seed), role)

    @property
    def public_key(self) -> PublicKey:
        raw = self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return PublicKey(ED25519, raw)

    @property
    def key_id(self) -> KeyId:
        return self.public_key.key_id

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)


@dataclass(frozen=True)
class EcdsaSigner:
    """Software ECDSA P-256 key producing a card's raw ``r || s`` signatures."""

    private_key: ec.EllipticCurvePrivateKey = field(repr=False)
    role: Role
    algorithm: str = ECDSA_P256_SHA256

    @classmethod
    def generate(cls, role: Role) -> EcdsaSigner:
        return cls(ec.generate_private_key(ec.SECP256R1()), role)

    @property
    def public_key(self) -> PublicKey:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return PublicKey(ECDSA_P256_SHA256, point)

    @property
    def key_id(self) -> KeyId:
        return self.public_key.key_id

    def sign(self, message: bytes) -> bytes:
        return ecdsa_der_to_raw(self.private_key.sign(message, ec.ECDSA(hashes.SHA256())))


@dataclass(frozen=True)
class RsaSigner:
    """Software RSA PKCS#1 v1.5 SHA-256 key (tests; cards without P-256)."""

    private_key: rsa.RSAPrivateKey = field(repr=False)
    role: Role
    algorithm: str = RSA_PKCS1V15_SHA256

    @classmethod
    def generate(cls, role: Role, bits: int = 2048) -> RsaSigner:
        return cls(rsa.generate_private_key(public_exponent=65537, key_size=bits), role)

    @property
    def public_key(self) -> PublicKey:
        numbers = self.private_key.public_key().public_numbers()
        return PublicKey(RSA_PKCS1V15_SHA256, rsa_public_key_bytes(numbers.n, numbers.e))

    @property
    def key_id(self) -> KeyId:
        return self.public_key.key_id

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())
