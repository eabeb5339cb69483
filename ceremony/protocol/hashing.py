"""Hashes of Belenios (2.0 and 3.3 alike): data file names, fingerprints, hashes to Zq.

Public functions:

- ``sha256_hex(data) -> str``: SHA-256 in hexadecimal, the name of a data or
  event file in the public-data archive and the references between them (§4.2 H,
  §4.4).
- ``sha256_b64(data) -> str``: ``H_JSON`` of §4.15, Base64 of SHA-256 without
  padding: the election fingerprint φ (``election_hash`` of a ballot), the
  ballot hash signed in §4.14, the smart ballot tracker, the credentials
  fingerprint printed by ``generate-credentials``.
- ``hash_to_int(text) -> mpz``: SHA-256 of a UTF-8 string read as a 256-bit
  big-endian number, not reduced (§4.6.1 signatures of ``signed_msg``).
- ``hash_to_zq(group, text) -> mpz``: the same reduced modulo q, the challenge
  of every proof: H_pok §4.5, H_raweg §4.11.2, H_iprove §4.12, H_bproof0/1
  §4.13, H_signature §4.14, H_decrypt §4.18.
- ``join_numbers(numbers) -> str``: group elements as their JSON strings (base
  10, or 64 hex digits for Ed25519: ``str`` of the element) separated by commas,
  the way the proofs' hashed strings list them (§4.11.1, §4.12, §4.13).

Callers build the hashed string with the spec's verbatim prefix, e.g.
``hash_to_zq(group, f"prove|{S}|{alpha},{beta}|{join_numbers(commitments)}")``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from gmpy2 import mpz

if TYPE_CHECKING:
    from ceremony.protocol.group import Group


def sha256_hex(data: bytes) -> str:
    """SHA-256 of ``data`` in lowercase hexadecimal (§4.2 H, §4.4 file names)."""
    return hashlib.sha256(data).hexdigest()


def sha256_b64(data: bytes) -> str:
    """H_JSON(J) = BASE64(SHA256(J)) without padding (§4.15)."""
    return base64.b64encode(hashlib.sha256(data).digest()).decode("ascii").rstrip("=")


def hash_to_int(text: str) -> Any:
    """SHA256(text) read as a 256-bit big-endian number (§4.6.1)."""
    return mpz(int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big"))


def hash_to_zq(group: Group, text: str) -> Any:
    """SHA256(text) as a big-endian number, modulo q (§4.5, §4.11.2–4.14, §4.18);
    q is l for Ed25519, the rule is the same."""
    return hash_to_int(text) % group.q


def join_numbers(numbers: Iterable[int]) -> str:
    """Elements written as their group writes them, separated by commas (§4.12, §4.13)."""
    return ",".join(map(str, numbers))
