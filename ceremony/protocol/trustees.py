"""Trustee keys with proof of knowledge (spec §4.5) and the trustees structure (§4.7).

A bureau's structure is ``[["Single", president key], ["Pedersen", 2 of n
delegates]]`` (DESIGN.md §2). Owners of partial decryptions (§4.18) are
numbered from 1 across the structure in order: a Single item takes one number,
a Pedersen item one per certificate, as belenios-tool 2.0 and 3.3 number them.

Belenios 3.0 added ``signature`` to a trustee public key: in threshold mode,
the verification key g^S_j signed with the trustee's certificate key (§4.6.6).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ceremony.protocol.errors import MalformedDataError, ProtocolError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.hashing import hash_to_zq
from ceremony.protocol.proofs import Proof
from ceremony.protocol.serialization import (
    dumps,
    get_field,
    loads,
    require_dict,
    require_list,
    require_str,
)
from ceremony.protocol.version import (
    FORMAT_2_0,
    FORMAT_3_3,
    Format,
    element_text,
    group_requires_3x,
)

if TYPE_CHECKING:
    from ceremony.protocol.pedersen import ThresholdParameters


class InvalidTrusteeKeyError(ProtocolError):
    """A trustee public key's proof of knowledge does not verify (§4.5)."""

    default_message = (
        "La preuve de possession d'une clé de garant est invalide : la clé publique "
        "a été altérée ou n'appartient pas à ce garant."
    )


class InvalidTrusteesError(ProtocolError):
    """The trustees structure is inconsistent (§4.7, §4.6.7)."""

    default_message = (
        "La structure des garants de l'élection est incohérente : les clés publiées "
        "ont été altérées."
    )


@dataclass(frozen=True)
class TrusteePublicKey:
    """``trustee_public_key`` of §4.5: X = g^x, a proof of knowledge of x and,
    for a threshold verification key (3.0+), its ``signature`` by the trustee."""

    public_key: Element
    pok: Proof
    signature: Proof | None = None
    public_key_text: str = field(default="", compare=False)
    """X as the group writes it (filled in by ``from_dict`` and ``make_*``)."""

    def text(self, group: Group) -> str:
        """X as the group writes it (§4.2)."""
        return self.public_key_text or element_text(group, self.public_key)

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order: pok, public_key, ?signature (§4.5)."""
        out: dict[str, Any] = {
            "pok": self.pok.to_dict(),
            "public_key": self.public_key_text or str(self.public_key),
        }
        if self.signature is not None:
            out["signature"] = self.signature.to_dict()
        return out

    @classmethod
    def from_dict(cls, group: Group, obj: object, what: str = "trustee_public_key") -> Any:
        """Parse; the public key must be in the subgroup (§4.2, §4.5)."""
        d = require_dict(obj, what)
        text = get_field(d, "public_key", what)
        signature = d.get("signature")
        return cls(
            group.parse_public_key(text, f"{what} public_key"),
            Proof.from_dict(group, get_field(d, "pok", what), f"{what} pok"),
            None if signature is None else Proof.from_dict(group, signature, f"{what} signature"),
            str(text),
        )


def compute_pok_challenge(group: Group, public_key: Element, commitment: Element) -> Scalar:
    """H_pok(X, A) = SHA256(pok|G|X|A) mod q, G the group name (§4.5)."""
    x, a = element_text(group, public_key), element_text(group, commitment)
    return hash_to_zq(group, f"pok|{group.name}|{x}|{a}")


def make_trustee_public_key(
    group: Group, private_key: int, rng: random.Random | None = None
) -> TrusteePublicKey:
    """X = g^x with its proof of knowledge of x (§4.5)."""
    w = group.random_scalar(rng)
    public_key = group.g_pow(private_key)
    challenge = compute_pok_challenge(group, public_key, group.g_pow(w))
    response = (w - private_key * challenge) % group.q
    return TrusteePublicKey(
        public_key, Proof(challenge, response), None, element_text(group, public_key)
    )


def make_single_trustee(
    group: Group, rng: random.Random | None = None
) -> tuple[Scalar, TrusteePublicKey]:
    """A fresh Single trustee: private key x and its ``trustee_public_key`` (§3.1.1, §4.5)."""
    private_key = group.random_scalar(rng)
    return private_key, make_trustee_public_key(group, private_key, rng)


def verify_trustee_public_key(group: Group, key: TrusteePublicKey) -> None:
    """Check the proof of knowledge: A = g^response X^challenge, H_pok(X, A) (§4.5)."""
    group.check_public_key(key.public_key, "trustee public key")
    commitment = group.mul(
        group.g_pow(key.pok.response), group.pow(key.public_key, key.pok.challenge)
    )
    if compute_pok_challenge(group, key.public_key, commitment) != key.pok.challenge:
        raise InvalidTrusteeKeyError("trustee_public_key proof of knowledge does not verify")


@dataclass(frozen=True)
class SingleTrustee:
    """``["Single", trustee_public_key]`` of §4.7: a mandatory trustee."""

    key: TrusteePublicKey

    def to_json(self) -> list[Any]:
        """The JSON item (§4.7)."""
        return ["Single", self.key.to_dict()]


@dataclass(frozen=True)
class PedersenTrustees:
    """``["Pedersen", threshold_parameters]`` of §4.7: t + 1 of n trustees."""

    parameters: ThresholdParameters

    def to_json(self) -> list[Any]:
        """The JSON item (§4.7)."""
        return ["Pedersen", self.parameters.to_dict()]


TrusteeKind = SingleTrustee | PedersenTrustees


@dataclass(frozen=True)
class TrusteeSlot:
    """One owner of partial decryptions (§4.18 ``owner``) and the key it must prove."""

    owner: int
    item: int
    position: int
    key: TrusteePublicKey


@dataclass(frozen=True)
class Trustees:
    """The ``trustees`` structure of §4.7, in order."""

    items: tuple[TrusteeKind, ...]

    def to_json(self) -> list[Any]:
        """The JSON array (§4.7)."""
        return [item.to_json() for item in self.items]

    def to_bytes(self) -> bytes:
        """Compact JSON, as stored in the archive (§4.4, §4.7)."""
        return dumps(self.to_json())

    @classmethod
    def from_json(cls, group: Group, obj: object) -> Trustees:
        """Parse a trustees structure (§4.7)."""
        from ceremony.protocol.pedersen import ThresholdParameters

        items: list[TrusteeKind] = []
        for index, raw in enumerate(require_list(obj, "trustees")):
            item = require_list(raw, f"trustees[{index}]")
            if len(item) != 2:
                raise MalformedDataError(f"trustees[{index}] is not a [kind, value] pair")
            kind = require_str(item[0], f"trustees[{index}] kind")
            if kind == "Single":
                items.append(SingleTrustee(TrusteePublicKey.from_dict(group, item[1])))
            elif kind == "Pedersen":
                items.append(PedersenTrustees(ThresholdParameters.from_dict(group, item[1])))
            else:
                raise MalformedDataError(f"trustees[{index}] has unknown kind {kind!r}")
        if not items:
            raise MalformedDataError("trustees structure is empty")
        return cls(tuple(items))

    @classmethod
    def from_bytes(cls, group: Group, data: bytes) -> Trustees:
        """Parse the ``trustees`` data file (§4.7)."""
        return cls.from_json(group, loads(data))

    def slots(self) -> tuple[TrusteeSlot, ...]:
        """Every owner number with its key, numbered from 1 in order (§4.18)."""
        out: list[TrusteeSlot] = []
        for index, item in enumerate(self.items):
            if isinstance(item, SingleTrustee):
                out.append(TrusteeSlot(len(out) + 1, index, 0, item.key))
            else:
                for position, key in enumerate(item.parameters.verification_keys):
                    out.append(TrusteeSlot(len(out) + 1, index, position, key))
        return tuple(out)


def compute_election_public_key(group: Group, trustees: Trustees) -> Element:
    """y = product of the sub-keys of every item (§3.1.1, §4.6.4)."""
    from ceremony.protocol.pedersen import compute_pedersen_public_key

    y = group.g_pow(0)
    for item in trustees.items:
        if isinstance(item, SingleTrustee):
            y = group.mul(y, item.key.public_key)
        else:
            y = group.mul(y, compute_pedersen_public_key(group, item.parameters))
    return y


def verify_trustees(group: Group, trustees: Trustees) -> Format:
    """Check every proof and certificate of a trustees structure (§4.5, §4.6, §4.7).

    Returns the format detected: 3.3 when a Pedersen item carries the 3.x fields
    (or the group is one 2.0 did not have), else 2.0.
    """
    from ceremony.protocol.pedersen import verify_threshold_parameters

    fmt: Format = FORMAT_3_3 if group_requires_3x(group) else FORMAT_2_0
    for item in trustees.items:
        if isinstance(item, SingleTrustee):
            verify_trustee_public_key(group, item.key)
        elif verify_threshold_parameters(group, item.parameters) == FORMAT_3_3:
            fmt = FORMAT_3_3
    return fmt
