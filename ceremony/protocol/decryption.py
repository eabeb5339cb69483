"""Partial decryptions with proofs (spec §4.18) and the election result (§4.19).

Each trustee raises every alpha of the encrypted tally to its private key and
proves it (Chaum-Pedersen, challenge H_decrypt). The factors are combined per
item of the trustees structure (a Single factor as is, a Pedersen item by
Lagrange interpolation of any ``threshold`` of its trustees), and the result is
the discrete logarithm of beta / F, bounded by the total weight.

Belenios 3.3 tolerates invalid partial decryptions in a Pedersen item as long
as the valid ones meet its threshold (the first ``threshold`` valid ones are
used); a Single trustee's must be valid. :func:`select_partial_decryptions`
applies that rule; 2.0 refused any invalid one, and every record 2.0 accepts
3.3 accepts too.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from gmpy2 import isqrt

from ceremony.protocol.archive import PendingEvent
from ceremony.protocol.errors import ProtocolError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.hashing import hash_to_zq, sha256_hex
from ceremony.protocol.lists import Nesting, flatten_row, nest_row
from ceremony.protocol.proofs import Proof
from ceremony.protocol.serialization import (
    dumps,
    get_field,
    require_dict,
    require_int,
    require_list,
    require_str,
)
from ceremony.protocol.trustees import SingleTrustee, Trustees
from ceremony.protocol.version import element_text
from ceremony.protocol.weights import parse_weight, weight_json


class HasAlpha(Protocol):
    """A ciphertext as far as decryption needs it (§4.3)."""

    @property
    def alpha(self) -> Any: ...

    @property
    def beta(self) -> Any: ...


CiphertextMatrix = Sequence[Sequence[HasAlpha]]


class InvalidPartialDecryptionError(ProtocolError):
    """A partial decryption's shape or proof is wrong (§4.18)."""

    default_message = (
        "Un déchiffrement partiel est invalide : la preuve ne correspond pas à la clé "
        "du garant ou aux données de l'urne."
    )


class MissingPartialDecryptionError(ProtocolError):
    """Not enough partial decryptions to combine (§4.19)."""

    default_message = (
        "Il manque des déchiffrements partiels : la clé du président (ou du secrétaire) "
        "et au moins le nombre requis de délégués doivent participer."
    )


class InvalidResultError(ProtocolError):
    """The published result does not match the tally and the decryptions (§4.19)."""

    default_message = (
        "Le résultat publié ne correspond pas à l'urne et aux déchiffrements : il a été altéré."
    )


@dataclass(frozen=True)
class PartialDecryption:
    """``partial_decryption`` of §4.18."""

    decryption_factors: tuple[tuple[Element, ...], ...]
    decryption_proofs: tuple[tuple[Proof, ...], ...]
    factor_texts: tuple[tuple[str, ...], ...] | None = field(default=None, compare=False)
    """The factors as the group writes them (§4.2), when read or made."""
    nesting: tuple[Nesting, ...] = field(default=(), compare=False)
    """Per question, how its row nests in JSON (Lists questions, Belenios 3.x)."""

    def to_dict(self) -> dict[str, Any]:
        """Fields in the spec's order (§4.18)."""
        texts = self.factor_texts or tuple(
            tuple(str(f) for f in row) for row in self.decryption_factors
        )
        nesting = self.nesting or (None,) * len(texts)
        return {
            "decryption_factors": [nest_row(row, n) for row, n in zip(texts, nesting, strict=True)],
            "decryption_proofs": [
                nest_row([p.to_dict() for p in row], n)
                for row, n in zip(self.decryption_proofs, nesting, strict=True)
            ],
        }

    def to_bytes(self) -> bytes:
        """Compact JSON (§4.1)."""
        return dumps(self.to_dict())

    @classmethod
    def from_dict(cls, group: Group, obj: object) -> PartialDecryption:
        """Parse; every factor must be in the subgroup (§4.2, §4.18)."""
        what = "partial_decryption"
        d = require_dict(obj, what)
        factors = require_list(get_field(d, "decryption_factors", what), f"{what} factors")
        proofs = require_list(get_field(d, "decryption_proofs", what), f"{what} proofs")
        flat = [flatten_row(r, what) for r in factors]
        rows = [items for items, _ in flat]
        proof_rows = [flatten_row(r, what)[0] for r in proofs]
        return cls(
            tuple(tuple(group.parse_element(f, "decryption factor") for f in r) for r in rows),
            tuple(
                tuple(Proof.from_dict(group, p, "decryption proof") for p in r) for r in proof_rows
            ),
            tuple(tuple(str(f) for f in r) for r in rows),
            tuple(n for _, n in flat),
        )


@dataclass(frozen=True)
class OwnedPartialDecryption:
    """``owned_partial_decryption`` of §4.18: owner number and payload hash."""

    owner: int
    payload: str

    def to_dict(self) -> dict[str, Any]:
        """Fields in the spec's order (§4.18)."""
        return {"owner": self.owner, "payload": self.payload}

    def to_bytes(self) -> bytes:
        """Compact JSON (§4.1)."""
        return dumps(self.to_dict())

    @classmethod
    def from_dict(cls, obj: object) -> OwnedPartialDecryption:
        """Parse (§4.18)."""
        d = require_dict(obj, "owned_partial_decryption")
        return cls(
            require_int(get_field(d, "owner", "owned_partial_decryption"), "owner"),
            require_str(get_field(d, "payload", "owned_partial_decryption"), "payload"),
        )


def compute_decrypt_challenge(
    group: Group, fingerprint: str, public_key: Element, a: Element, b: Element
) -> Scalar:
    """H_decrypt(X, A, B) = SHA256(decrypt|φ|X|A,B) mod q (§4.18)."""
    x, a_text, b_text = (element_text(group, v) for v in (public_key, a, b))
    return hash_to_zq(group, f"decrypt|{fingerprint}|{x}|{a_text},{b_text}")


def make_partial_decryption(
    group: Group,
    fingerprint: str,
    encrypted_tally: CiphertextMatrix,
    private_key: int,
    rng: random.Random | None = None,
) -> PartialDecryption:
    """Decryption factors alpha^x with their proofs (§4.18)."""
    public_key = group.g_pow(private_key)
    factors, proofs = [], []
    for row in encrypted_tally:
        factor_row, proof_row = [], []
        for ciphertext in row:
            w = group.random_scalar(rng)
            a, b = group.g_pow(w), group.pow(ciphertext.alpha, w)
            challenge = compute_decrypt_challenge(group, fingerprint, public_key, a, b)
            factor_row.append(group.pow(ciphertext.alpha, private_key))
            proof_row.append(Proof(challenge, (w - private_key * challenge) % group.q))
        factors.append(tuple(factor_row))
        proofs.append(tuple(proof_row))
    texts = tuple(tuple(element_text(group, f) for f in row) for row in factors)
    return PartialDecryption(tuple(factors), tuple(proofs), texts)


def verify_partial_decryption(
    group: Group,
    fingerprint: str,
    encrypted_tally: CiphertextMatrix,
    public_key: int,
    partial: PartialDecryption,
) -> None:
    """Check shape and every proof against the trustee's public key (§4.18)."""
    shape = [len(row) for row in encrypted_tally]
    if [len(r) for r in partial.decryption_factors] != shape or [
        len(r) for r in partial.decryption_proofs
    ] != shape:
        raise InvalidPartialDecryptionError("partial decryption shape differs from the tally")
    for i, row in enumerate(encrypted_tally):
        for j, ciphertext in enumerate(row):
            factor = partial.decryption_factors[i][j]
            proof = partial.decryption_proofs[i][j]
            group.check_element(factor, "decryption factor")
            a = group.mul(group.g_pow(proof.response), group.pow(public_key, proof.challenge))
            b = group.mul(
                group.pow(ciphertext.alpha, proof.response), group.pow(factor, proof.challenge)
            )
            if compute_decrypt_challenge(group, fingerprint, public_key, a, b) != proof.challenge:
                raise InvalidPartialDecryptionError(f"decryption proof [{i}][{j}] does not verify")


@dataclass(frozen=True)
class PartialDecryptionSelection:
    """The partial decryptions that count and those set aside (Belenios 3.3 rule)."""

    valid: dict[int, PartialDecryption]
    tolerated: dict[int, ProtocolError]
    """Owner -> why its decryption is invalid; tolerated because the valid ones of
    its Pedersen item meet the threshold."""


def select_partial_decryptions(
    group: Group,
    fingerprint: str,
    encrypted_tally: CiphertextMatrix,
    trustees: Trustees,
    partials: Mapping[int, PartialDecryption],
) -> PartialDecryptionSelection:
    """Verify every partial decryption and apply 3.3's tolerance (§4.18–4.19).

    An invalid decryption by a Single trustee, or by a Pedersen trustee whose
    item then has fewer valid decryptions than its threshold, raises
    :class:`InvalidPartialDecryptionError`. Otherwise invalid ones are set
    aside (``tolerated``) and :func:`combine_factors` uses the valid ones.
    """
    slots = {s.owner: s for s in trustees.slots()}
    valid: dict[int, PartialDecryption] = {}
    invalid: dict[int, ProtocolError] = {}
    for owner, partial in sorted(partials.items()):
        slot = slots.get(owner)
        if slot is None:
            raise InvalidPartialDecryptionError(f"unknown owner {owner}")
        try:
            verify_partial_decryption(
                group, fingerprint, encrypted_tally, slot.key.public_key, partial
            )
            valid[owner] = partial
        except ProtocolError as e:
            invalid[owner] = e
    for owner, error in invalid.items():
        item = trustees.items[slots[owner].item]
        if isinstance(item, SingleTrustee):
            raise InvalidPartialDecryptionError(f"owner {owner} (Single): {error.technical}")
        same_item = [o for o in valid if slots[o].item == slots[owner].item]
        if len(same_item) < item.parameters.threshold:
            raise InvalidPartialDecryptionError(
                f"owner {owner}: {error.technical}; {len(same_item)} valid of "
                f"{item.parameters.threshold} needed"
            )
    return PartialDecryptionSelection(valid, invalid)


def compute_lagrange_coefficient(group: Group, indexes: Sequence[int], delta: int) -> Scalar:
    """λ_δ^I = prod over k in I, k ≠ δ, of k / (k - δ) mod q (§4.19)."""
    num, den = 1, 1
    for k in indexes:
        if k != delta:
            num = num * k % group.q
            den = den * (k - delta) % group.q
    return num * pow(den, -1, group.q) % group.q


def combine_factors(
    group: Group,
    trustees: Trustees,
    partials: Mapping[int, PartialDecryption],
    shape: Sequence[int],
) -> tuple[tuple[Element, ...], ...]:
    """Synthetic factors F_ij = prod over items τ of F_ij,τ (§4.19).

    ``partials`` maps owner numbers (§4.18) to verified partial decryptions.
    For a Pedersen item, the first ``threshold`` owners present are used.
    """
    combined = [[group.g_pow(0) for _ in range(n)] for n in shape]
    slots = trustees.slots()
    for index, item in enumerate(trustees.items):
        owners = [s for s in slots if s.item == index]
        if isinstance(item, SingleTrustee):
            chosen = [(owners[0].owner, 1)]
            if owners[0].owner not in partials:
                raise MissingPartialDecryptionError(
                    f"no partial decryption from mandatory trustee {owners[0].owner}"
                )
        else:
            present = [s for s in owners if s.owner in partials]
            needed = item.parameters.threshold
            if len(present) < needed:
                raise MissingPartialDecryptionError(
                    f"{len(present)} partial decryptions for trustees group {index + 1}, "
                    f"{needed} needed"
                )
            use = present[:needed]
            xs = [s.position + 1 for s in use]
            chosen = [
                (s.owner, compute_lagrange_coefficient(group, xs, s.position + 1)) for s in use
            ]
        for owner, coefficient in chosen:
            factors = partials[owner].decryption_factors
            for i, n in enumerate(shape):
                for j in range(n):
                    combined[i][j] = group.mul(
                        combined[i][j], group.pow(factors[i][j], coefficient)
                    )
    return tuple(tuple(row) for row in combined)


def solve_bounded_dlog(group: Group, target: int, bound: int) -> int:
    """The m in [0, bound] with g^m = target, by baby-step giant-step (§4.19).

    Raises :class:`InvalidResultError` when there is none: the plaintext is
    out of range, so the tally or the factors are wrong.
    """
    step = int(isqrt(bound)) + 1
    baby: dict[str, int] = {}
    value = group.g_pow(0)
    g = group.g_pow(1)
    for k in range(step):
        baby.setdefault(element_text(group, value), k)
        value = group.mul(value, g)
    giant = group.inv(group.g_pow(step))
    gamma = target
    for i in range(step + 1):
        found = baby.get(element_text(group, gamma))
        if found is not None and i * step + found <= bound:
            return i * step + found
        gamma = group.mul(gamma, giant)
    raise InvalidResultError(f"no discrete logarithm in [0, {bound}]")


@dataclass(frozen=True)
class ElectionResult:
    """``result`` of §4.19 for homomorphic questions: one count per answer."""

    result: tuple[tuple[int, ...], ...]
    nesting: tuple[Nesting, ...] = field(default=(), compare=False)
    """Per question, how its row nests in JSON (Lists questions, Belenios 3.x)."""

    def nested(self) -> list[list[Any]]:
        """The counts per question, Lists questions as one row per list (§4.19)."""
        nesting = self.nesting or (None,) * len(self.result)
        return [nest_row(row, n) for row, n in zip(self.result, nesting, strict=True)]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object (§4.19)."""
        nesting = self.nesting or (None,) * len(self.result)
        return {
            "result": [
                nest_row([weight_json(v) for v in row], n)
                for row, n in zip(self.result, nesting, strict=True)
            ]
        }

    def to_bytes(self) -> bytes:
        """Compact JSON (§4.1)."""
        return dumps(self.to_dict())

    @classmethod
    def from_dict(cls, obj: object) -> ElectionResult:
        """Parse (§4.19); only homomorphic results (arrays of integers)."""
        d = require_dict(obj, "result")
        rows = require_list(get_field(d, "result", "result"), "result")
        flat = [flatten_row(row, "result row") for row in rows]
        return cls(
            tuple(tuple(parse_weight(v, "result count") for v in items) for items, _ in flat),
            tuple(n for _, n in flat),
        )


def compute_result(
    group: Group,
    encrypted_tally: CiphertextMatrix,
    factors: Sequence[Sequence[int]],
    bound: int,
) -> ElectionResult:
    """result_ij = log_g(beta_ij / F_ij), bounded by the total weight (§4.19)."""
    return ElectionResult(
        tuple(
            tuple(
                solve_bounded_dlog(group, group.div(c.beta, factors[i][j]), bound)
                for j, c in enumerate(row)
            )
            for i, row in enumerate(encrypted_tally)
        )
    )


def verify_result(
    group: Group,
    encrypted_tally: CiphertextMatrix,
    factors: Sequence[Sequence[int]],
    result: ElectionResult,
    bound: int,
) -> None:
    """Check g^result_ij · F_ij = beta_ij and 0 ≤ result_ij ≤ bound (§3.5.2 step 4, §4.19)."""
    if [len(r) for r in result.result] != [len(r) for r in encrypted_tally]:
        raise InvalidResultError("result shape differs from the encrypted tally")
    for i, row in enumerate(encrypted_tally):
        for j, ciphertext in enumerate(row):
            count = result.result[i][j]
            if not 0 <= count <= bound:
                raise InvalidResultError(f"result[{i}][{j}] = {count} is outside [0, {bound}]")
            decrypted = group.mul(group.g_pow(count), factors[i][j])
            if element_text(group, decrypted) != element_text(group, ciphertext.beta):
                raise InvalidResultError(f"result[{i}][{j}] does not decrypt the tally")


def make_partial_decryption_event(owner: int, partial: PartialDecryption) -> PendingEvent:
    """A PartialDecryption event: the decryption, then its owned wrapper as payload (§4.18)."""
    data = partial.to_bytes()
    owned = OwnedPartialDecryption(owner, sha256_hex(data))
    return PendingEvent("PartialDecryption", (data, owned.to_bytes()))


def make_result_event(result: ElectionResult) -> PendingEvent:
    """The Result event (§4.4, §4.19)."""
    return PendingEvent("Result", (result.to_bytes(),))


def combine_result(
    group: Group,
    trustees: Trustees,
    encrypted_tally: CiphertextMatrix,
    partials: Mapping[int, PartialDecryption],
    total_weight: int,
) -> ElectionResult:
    """Combine verified partial decryptions and solve the bounded logarithms (§4.19)."""
    factors = combine_factors(group, trustees, partials, [len(row) for row in encrypted_tally])
    return compute_result(group, encrypted_tally, factors, total_weight)
