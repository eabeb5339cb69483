"""What a card is given to sign, and how its answers are encoded.

OpenPGP card 3.4 §7.2.10 (PSO:COMPUTE DIGITAL SIGNATURE): for ECDSA the
input is the hash itself and the output is raw ``r || s``; for RSA the input
is the DER ``DigestInfo`` and the card applies PKCS#1 v1.5 type-1 padding.
"""

from __future__ import annotations

import hashlib
from typing import Final

from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from ceremony.cards.interface import ECDSA_P256_SHA256, RSA_PKCS1V15_SHA256

# DER prefix of DigestInfo{sha256, digest} (RFC 8017 §9.2, note 1).
SHA256_DIGEST_INFO_PREFIX: Final = bytes.fromhex("3031300d060960864801650304020105000420")


def ecdsa_der_to_raw(der: bytes) -> bytes:
    """DER ECDSA-Sig-Value to raw ``r || s`` (P-256)."""
    r, s = decode_dss_signature(der)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def compute_signature_input(algorithm: str, data: bytes) -> bytes:
    """The bytes sent to PSO:CDS to sign ``data`` with ``algorithm``."""
    digest = hashlib.sha256(data).digest()
    if algorithm == ECDSA_P256_SHA256:
        return digest
    if algorithm == RSA_PKCS1V15_SHA256:
        return SHA256_DIGEST_INFO_PREFIX + digest
    raise ValueError(f"{algorithm} is not a card signature algorithm")
