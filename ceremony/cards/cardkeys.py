"""Card public keys: from the card's 7F49 template to Bureau's key encodings,
and the OpenPGP v4 fingerprints GnuPG expects in DOs C7/C8 (RFC 4880 §12.2).
"""

from __future__ import annotations

import hashlib
from typing import Final

from ceremony.cards import tlv
from ceremony.cards.errors import CardOperationError, MissingAlgorithmError
from ceremony.cards.interface import (
    ECDSA_P256_SHA256,
    RSA_PKCS1V15_SHA256,
    X25519,
    PublicKeyInfo,
)

OID_P256: Final = bytes.fromhex("2A8648CE3D030107")
OID_CURVE25519: Final = bytes.fromhex("2B060104019755010501")
PK_ALGO_RSA: Final = 1
PK_ALGO_ECDH: Final = 18
PK_ALGO_ECDSA: Final = 19
# ECDH KDF parameters: SHA-256, AES-128 (RFC 6637 §9), what GnuPG uses for Curve25519.
ECDH_KDF_PARAMS: Final = bytes.fromhex("03010807")


def _rsa_spki(modulus: int, exponent: int) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.RSAPublicNumbers(exponent, modulus).public_key()
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def public_key_from_template(template: bytes, expected_algorithm: str) -> PublicKeyInfo:
    """Decode a 7F49 template (§7.2.14) into the algorithm's public bytes."""
    if expected_algorithm == RSA_PKCS1V15_SHA256:
        modulus = tlv.find(template, 0x81)
        exponent = tlv.find(template, 0x82)
        if modulus is None or exponent is None:
            raise CardOperationError("RSA public key template lacks modulus or exponent")
        spki = _rsa_spki(int.from_bytes(modulus, "big"), int.from_bytes(exponent, "big"))
        return PublicKeyInfo(RSA_PKCS1V15_SHA256, spki)
    point = tlv.find(template, 0x86)
    if point is None:
        raise CardOperationError("EC public key template lacks tag 86")
    if expected_algorithm == ECDSA_P256_SHA256:
        if len(point) != 65 or point[0] != 0x04:
            raise MissingAlgorithmError(f"signature key is not a P-256 point ({len(point)} bytes)")
        return PublicKeyInfo(ECDSA_P256_SHA256, point)
    if expected_algorithm == X25519:
        if len(point) == 33 and point[0] == 0x40:
            point = point[1:]  # GnuPG's native prefix, returned by some cards
        if len(point) != 32:
            raise MissingAlgorithmError(f"decryption key is not X25519 ({len(point)} bytes)")
        return PublicKeyInfo(X25519, point)
    raise MissingAlgorithmError(f"unknown algorithm {expected_algorithm}")


def _mpi(value: bytes) -> bytes:
    stripped = value.lstrip(b"\x00")
    bits = len(stripped) * 8 - (8 - stripped[0].bit_length()) if stripped else 0
    return bits.to_bytes(2, "big") + stripped


def compute_openpgp_fingerprint(template: bytes, algorithm: str, created: int) -> bytes:
    """OpenPGP v4 fingerprint of a card key created at ``created`` (Unix time)."""
    body = b"\x04" + created.to_bytes(4, "big")
    if algorithm == RSA_PKCS1V15_SHA256:
        modulus = tlv.find(template, 0x81) or b""
        exponent = tlv.find(template, 0x82) or b""
        body += bytes([PK_ALGO_RSA]) + _mpi(modulus) + _mpi(exponent)
    elif algorithm == ECDSA_P256_SHA256:
        point = tlv.find(template, 0x86) or b""
        body += bytes([PK_ALGO_ECDSA, len(OID_P256)]) + OID_P256 + _mpi(point)
    elif algorithm == X25519:
        point = tlv.find(template, 0x86) or b""
        if len(point) == 32:
            point = b"\x40" + point
        body += bytes([PK_ALGO_ECDH, len(OID_CURVE25519)]) + OID_CURVE25519
        body += _mpi(point) + ECDH_KDF_PARAMS
    else:
        raise MissingAlgorithmError(f"no OpenPGP fingerprint rule for {algorithm}")
    return hashlib.sha1(b"\x99" + len(body).to_bytes(2, "big") + body).digest()  # noqa: S324
