"""Voter credentials (spec §4.8) and the public credential list L (§3.1, §4.8).

Public API:

- ``make_credential(rng, fmt=FORMAT_3_3) -> str``: a fresh private credential.
  Belenios 3.3 (what we write): ``XXXXX-XXXXXX-XXXXX-XXXXXX``, 22 random Base58
  characters, no checksum. Belenios 2.0 (still read): ``XXX-XXX-XXX-XXX-XXX``,
  14 random Base58 characters and a checksum.
- ``credential_format(text) -> Format``, ``credential_checksum(digits14) -> str``
  and ``check_credential(text) -> str`` (``InvalidCredentialError`` on a typing
  error).
- ``derive_secret(group, credential, uuid) -> Scalar``: secret(c), by the
  credential's own format: ``derive_credential`` (3.3) or PBKDF2 (2.0).
- ``derive_public_credential(group, credential, uuid) -> Element``: public(c) = g^secret(c).
- ``PublicCredential(credential, weight)``: one entry of L; ``from_str`` /
  ``to_str`` read and write ``"<g^s>"`` or ``"<g^s>,<weight>"``.
- ``CredentialList``: the published list (``from_json`` / ``to_json``), with
  ``weight_of(credential)`` (``UnknownCredentialError`` when absent) and
  ``total_weight``; duplicated credentials are refused (§3.1 step 7).

A private credential is a secret: it never goes into an error message or a log.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ceremony.protocol.base58 import ALPHABET, decode_int, random_string
from ceremony.protocol.errors import MalformedDataError, ProtocolError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.serialization import dumps, loads, parse_number, require_list, require_str
from ceremony.protocol.version import (
    FORMAT_2_0,
    FORMAT_3_3,
    Format,
    element_text,
    text_order_key,
)

PBKDF2_ITERATIONS = 1000
CREDENTIAL_LENGTH = 22
"""Base58 characters of a Belenios 3.x credential (more than 128 bits of entropy)."""
_GROUPS_3 = (5, 6, 5, 6)


class InvalidCredentialError(ProtocolError):
    """A private credential is mistyped: wrong characters, length or checksum (§4.8)."""

    check = "credential_format"
    default_message = (
        "Le code de vote saisi est incorrect (faute de frappe ?). Vérifiez-le et recommencez."
    )


class UnknownCredentialError(ProtocolError):
    """A public credential is not in the election's list L (§3.2 step 3b, §3.5.1)."""

    check = "credential"
    default_message = (
        "Un bulletin est signé par un code de vote qui ne figure pas sur la liste électorale."
    )


class DuplicateCredentialError(ProtocolError):
    """Two entries of the public credential list are the same (§3.1 step 7)."""

    check = "credentials"
    default_message = "La liste des codes de vote publics contient un doublon : elle est invalide."


def credential_checksum(digits: str) -> str:
    """The checksum character of 14 Base58 characters: 53 - (n mod 53) (§4.8).

    The value lies in 1..53 (belenios-tool writes digit 53, ``v``, when n is a
    multiple of 53), so it is not reduced once more.
    """
    return ALPHABET[53 - decode_int(digits) % 53]


def _is_credential_3(text: str) -> bool:
    parts = text.split("-")
    return tuple(len(p) for p in parts) == _GROUPS_3 and all(set(p) <= set(ALPHABET) for p in parts)


def credential_format(text: str) -> Format:
    """The format of a private credential: 3.3 for ``XXXXX-XXXXXX-XXXXX-XXXXXX``, else 2.0."""
    return FORMAT_3_3 if _is_credential_3(text) else FORMAT_2_0


def check_credential(text: str) -> str:
    """``text`` if it is a well-formed private credential, else ``InvalidCredentialError``.

    Belenios 3.3: ``XXXXX-XXXXXX-XXXXX-XXXXXX`` (dashes required, as belenios-tool
    3.3 parses them). Belenios 2.0, both spellings of its §4.8:
    ``XXX-XXX-XXX-XXX-XXX`` and ``XXXXXXXXXXXXXXX``, with the checksum.
    """
    if _is_credential_3(text):
        return text
    dashed = len(text) == 19 and all(text[i] == "-" for i in (3, 7, 11, 15))
    digits = text.replace("-", "") if dashed else text
    if len(digits) != 15 or not set(digits) <= set(ALPHABET):
        raise InvalidCredentialError("credential has the wrong length or characters")
    if credential_checksum(digits[:14]) != digits[14]:
        raise InvalidCredentialError("credential checksum does not match")
    return text


def make_credential(rng: random.Random | None = None, *, fmt: Format = FORMAT_3_3) -> str:
    """A fresh private credential, dashed as belenios-tool 3.3 (or 2.0) writes it (§4.8)."""
    if fmt == FORMAT_3_3:
        digits = random_string(CREDENTIAL_LENGTH, rng)
        parts, start = [], 0
        for size in _GROUPS_3:
            parts.append(digits[start : start + size])
            start += size
        return "-".join(parts)
    digits = random_string(14, rng)
    digits += credential_checksum(digits)
    return "-".join(digits[i : i + 3] for i in range(0, 15, 3))


def derive_secret(group: Group, credential: str, uuid: str) -> Scalar:
    """secret(c) (§4.8), by the format of the credential.

    3.3: SHA256(``derive_credential|uuid|0|c``) ‖ SHA256(``…|1|c``), 512 bits
    read in hexadecimal, mod q. 2.0: PBKDF2-HMAC-SHA256(c, uuid, 1000
    iterations, 1 block) mod q. The credential string is used exactly as
    written, dashes included (belenios-tool derives different keys for the
    dashed and undashed 2.0 spellings).
    """
    if _is_credential_3(credential):
        hexa = "".join(
            hashlib.sha256(f"derive_credential|{uuid}|{i}|{credential}".encode()).hexdigest()
            for i in (0, 1)
        )
        return parse_number(str(int(hexa, 16) % int(group.q)))
    key = hashlib.pbkdf2_hmac(
        "sha256", credential.encode("utf-8"), uuid.encode("utf-8"), PBKDF2_ITERATIONS, 32
    )
    return parse_number(str(int.from_bytes(key, "big"))) % group.q


def derive_public_credential(group: Group, credential: str, uuid: str) -> Element:
    """public(c) = g^secret(c) (§4.8)."""
    return group.g_pow(derive_secret(group, credential, uuid))


@dataclass(frozen=True)
class PublicCredential:
    """One entry of L: a public credential and its weight (§4.8; weight 1 by default)."""

    credential: Element
    weight: int = 1
    weighted: bool = False  # written with an explicit ",<weight>" suffix
    text: str = field(default="", compare=False)
    """The credential as the group writes it (§4.2)."""

    @classmethod
    def from_str(cls, group: Group, text: str, *, check_element: bool = True) -> PublicCredential:
        """Read ``"<credential>"`` or ``"<credential>,<weight>"`` (§4.8).

        ``check_element=False`` only checks 1 <= credential < p: the caller
        then tests membership in a batch (``fastverify.load_credentials``).
        """
        head, sep, tail = text.partition(",")
        if check_element:
            credential = group.parse_element(head, "public credential")
        else:
            credential = group.parse_raw_element(head, "public credential")
        if not sep:
            return cls(credential, text=head)
        weight = int(parse_number(tail, "credential weight"))
        if weight <= 0:
            raise MalformedDataError("credential weight must be positive")
        return cls(credential, weight, weighted=True, text=head)

    def to_str(self) -> str:
        """Write the entry as §4.8 says."""
        head = self.text or str(self.credential)
        return f"{head},{self.weight}" if self.weighted else head


@dataclass(frozen=True)
class CredentialList:
    """The public credential list L of an election (§4.8), in published order."""

    entries: tuple[PublicCredential, ...]
    _weights: dict[Any, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        weights: dict[Any, int] = {}
        for entry in self.entries:
            if entry.credential in weights:
                raise DuplicateCredentialError("the public credential list has a duplicate")
            weights[entry.credential] = entry.weight
        object.__setattr__(self, "_weights", weights)

    @classmethod
    def from_json(cls, group: Group, data: bytes | list[Any]) -> CredentialList:
        """Parse the ``public_credentials`` payload (§4.8); every element is checked."""
        items = require_list(loads(data) if isinstance(data, bytes) else data, "credentials")
        return cls(
            tuple(PublicCredential.from_str(group, require_str(i, "credential")) for i in items)
        )

    def to_json(self) -> bytes:
        """Serialise as the ``public_credentials`` payload (§4.8)."""
        return dumps([entry.to_str() for entry in self.entries])

    def __iter__(self) -> Iterator[PublicCredential]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, credential: object) -> bool:
        return credential in self._weights

    def weight_of(self, credential: Element) -> int:
        """weight(b) for a ballot with this credential (§4.15), or ``UnknownCredentialError``."""
        try:
            return self._weights[credential]
        except KeyError:
            raise UnknownCredentialError("credential not in the public credential list") from None

    @property
    def total_weight(self) -> int:
        """Sum of all weights (bounds the discrete logarithm of §4.19)."""
        return sum(self._weights.values())


def make_credential_list(
    group: Group, public: Iterable[Element], weights: Iterable[int] | None = None
) -> CredentialList:
    """Build L from public credentials (sorted, standing for the shuffle of §3.1 step 3).

    With ``weights``, every entry is written with its weight (§4.8).
    """
    items = list(public)
    if weights is None:
        entries = [PublicCredential(c, text=element_text(group, c)) for c in items]
    else:
        entries = [
            PublicCredential(c, w, weighted=True, text=element_text(group, c))
            for c, w in zip(items, weights, strict=True)
        ]
    entries.sort(key=lambda e: text_order_key(e.text))
    for entry in entries:
        group.check_element(entry.credential, "public credential")
    return CredentialList(tuple(entries))
