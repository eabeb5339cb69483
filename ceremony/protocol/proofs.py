"""Zero-knowledge proofs of ballots: interval (§4.12), blank (§4.13), signature (§4.14).

All of them are disjunctive Chaum–Pedersen proofs over statements
"(alpha, beta / g^M) = (g^r, y^r)". A proof is a list of ``Proof``
(challenge, response), one per statement; it is valid when the challenges
add up, modulo q, to the hash of the recomputed commitments
A_j = g^response_j * alpha_j^challenge_j and B_j = y^response_j * (beta_j / g^M_j)^challenge_j.

Public API:

- ``Proof``: ``from_dict`` / ``to_dict``; ``parse_proofs(group, data, what)``.
- ``make_iproof`` / ``verify_iproof``: iprove(S, r, i, M0..Mk) of §4.12.
- ``make_blank_proof`` / ``verify_blank_proof``: m0 = 0 or mΣ = 0 (§4.13).
- ``make_overall_blank_proof`` / ``verify_overall_blank_proof``:
  m0 = 1 or mΣ in [min..max] (§4.13).
- ``make_signature`` / ``verify_signature``: the ballot signature (§4.14).
- ``commitments`` / ``case_commitments``: the recomputed commitments; the
  latter takes (ciphertext, m) statements and uses the powers' batch form when
  they offer one (``ed25519.VerificationPowers``).

``verify_*`` return None or raise ``InvalidProofError`` naming the proof.
Randomness is a parameter (``rng``), the OS CSPRNG by default.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from ceremony.protocol.elgamal import Ciphertext, Powers
from ceremony.protocol.errors import ProtocolError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.hashing import hash_to_zq, join_numbers
from ceremony.protocol.serialization import get_field, require_dict, require_list


class InvalidProofError(ProtocolError):
    """A zero-knowledge proof or a signature does not verify (§4.12–4.14)."""

    check = "proof"
    default_message = (
        "Une preuve cryptographique est fausse : les données ont été falsifiées ou abîmées."
    )


@dataclass(frozen=True)
class Proof:
    """A {challenge, response} pair of Zq (§4.3 ``proof``)."""

    challenge: Scalar
    response: Scalar

    @classmethod
    def from_dict(cls, group: Group, data: object, what: str = "proof") -> Proof:
        """Read a proof (§4.3); both numbers must lie in Zq."""
        obj = require_dict(data, what)
        return cls(
            group.parse_scalar(get_field(obj, "challenge", what), f"{what}.challenge"),
            group.parse_scalar(get_field(obj, "response", what), f"{what}.response"),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form in the spec's field order (§4.3)."""
        return {"challenge": str(self.challenge), "response": str(self.response)}


def parse_proofs(group: Group, data: object, what: str) -> tuple[Proof, ...]:
    """Read an ``iproof`` (a list of proofs, §4.12) or a ``proof2`` (§4.11)."""
    return tuple(
        Proof.from_dict(group, item, f"{what}[{i}]")
        for i, item in enumerate(require_list(data, what))
    )


Statement = tuple[Element, Element]
"""(alpha, beta / g^M): the pair a branch proves to be (g^r, y^r)."""


@lru_cache(maxsize=64)
def _g_inverse_power(group: Group, m: int) -> Element:
    return group.g_pow(-m)


def statement(group: Group, c: Ciphertext, m: int) -> Statement:
    """The statement "c encrypts m": (alpha, beta / g^m) (§4.12, §4.13)."""
    if m == 0:
        return (c.alpha, c.beta)
    return (c.alpha, group.mul(c.beta, _g_inverse_power(group, m)))


def _base_pow(powers: Powers) -> Callable[[Element, int], Element]:
    """x^e for the variable bases of a proof: ``powers.base_pow`` when the powers
    offer one (``fastverify.TablePowers`` shares work between the branches that
    raise the same base), else the group's own ``pow``. Both give the same elements."""
    shared = getattr(powers, "base_pow", None)
    if shared is not None:
        return cast(Callable[[Element, int], Element], shared)
    return powers.group.pow


def commitments(
    powers: Powers, statements: Sequence[Statement], proofs: Sequence[Proof]
) -> list[Element]:
    """A_0, B_0, ..., A_k, B_k recomputed from the proofs (§4.12 step 1, §4.13.3)."""
    mul = powers.group.mul
    raise_ = _base_pow(powers)
    out: list[Element] = []
    for (a_base, b_base), proof in zip(statements, proofs, strict=True):
        c, r = proof.challenge, proof.response
        g_r, y_r = powers.gy_pow(r)
        out.append(mul(g_r, raise_(a_base, c)))
        out.append(mul(y_r, raise_(b_base, c)))
    return out


def _make_or_proof(
    powers: Powers,
    statements: Sequence[Statement],
    index: int,
    witness: Scalar,
    challenge_of: Callable[[list[Element]], Scalar],
    rng: random.Random | None,
) -> tuple[Proof, ...]:
    group = powers.group
    q = group.q
    simulated: dict[int, Proof] = {}
    commits: list[Element] = []
    w = group.random_scalar(rng)
    for j, (a_base, b_base) in enumerate(statements):
        if j == index:
            commits += [powers.g_pow(w), powers.y_pow(w)]
            continue
        proof = Proof(group.random_scalar(rng), group.random_scalar(rng))
        simulated[j] = proof
        c, r = proof.challenge, proof.response
        commits.append(group.mul(powers.g_pow(r), group.pow(a_base, c)))
        commits.append(group.mul(powers.y_pow(r), group.pow(b_base, c)))
    challenge = (challenge_of(commits) - sum(x.challenge for x in simulated.values())) % q
    real = Proof(challenge, (w - witness * challenge) % q)
    return tuple(real if j == index else simulated[j] for j in range(len(statements)))


Case = tuple[Ciphertext, int]
"""(c, m): the statement "c encrypts m", i.e. ``statement(group, c, m)``."""


def case_commitments(
    powers: Powers, cases: Sequence[Case], proofs: Sequence[Proof]
) -> list[Element]:
    """``commitments`` of the statements of ``cases``; by the powers' own batch form
    when they offer one (``ed25519.VerificationPowers``: same elements, faster)."""
    batch = getattr(powers, "case_commitments", None)
    if batch is not None:
        return cast(list[Element], batch(cases, proofs))
    group = powers.group
    return commitments(powers, [statement(group, c, m) for c, m in cases], proofs)


def _check_or_proof(
    powers: Powers,
    cases: Sequence[Case],
    proofs: Sequence[Proof],
    challenge_of: Callable[[list[Element]], Scalar],
    what: str,
) -> None:
    if len(proofs) != len(cases):
        raise InvalidProofError(f"{what}: {len(proofs)} proofs for {len(cases)} cases")
    expected = challenge_of(case_commitments(powers, cases, proofs))
    if expected != sum(x.challenge for x in proofs) % powers.group.q:
        raise InvalidProofError(f"{what}: challenges do not match the hash of the commitments")


def _iprove_hash(group: Group, prefix: str, c: Ciphertext) -> Callable[[list[Element]], Scalar]:
    head = f"prove|{prefix}|{c.pair_text}|"
    return lambda commits: hash_to_zq(group, head + join_numbers(commits))


def make_iproof(
    powers: Powers,
    prefix: str,
    c: Ciphertext,
    r: Scalar,
    index: int,
    values: Sequence[int],
    rng: random.Random | None = None,
) -> tuple[Proof, ...]:
    """iprove(S, r, i, M_0..M_k): c = (g^r, y^r g^M_i) with M_i in ``values`` (§4.12)."""
    group = powers.group
    statements = [statement(group, c, m) for m in values]
    return _make_or_proof(powers, statements, index, r, _iprove_hash(group, prefix, c), rng)


def verify_iproof(
    powers: Powers,
    prefix: str,
    c: Ciphertext,
    proofs: Sequence[Proof],
    values: Sequence[int],
    what: str = "interval proof",
) -> None:
    """Check a proof that c encrypts one of ``values`` (§4.12)."""
    group = powers.group
    cases = [(c, m) for m in values]
    _check_or_proof(powers, cases, proofs, _iprove_hash(group, prefix, c), what)


def _bproof_hash(group: Group, tag: str, prefix: str) -> Callable[[list[Element]], Scalar]:
    head = f"{tag}|{prefix}|"
    return lambda commits: hash_to_zq(group, head + join_numbers(commits))


def make_blank_proof(
    powers: Powers,
    prefix: str,
    c0: Ciphertext,
    c_sigma: Ciphertext,
    r0: Scalar,
    r_sigma: Scalar,
    blank: bool,
    rng: random.Random | None = None,
) -> tuple[Proof, Proof]:
    """blank_proof: m0 = 0 or mΣ = 0 (§4.13.1, §4.13.2); (π0, πΣ)."""
    statements = [(c0.alpha, c0.beta), (c_sigma.alpha, c_sigma.beta)]
    hashed = _bproof_hash(powers.group, "bproof0", prefix)
    index, witness = (1, r_sigma) if blank else (0, r0)
    pi0, pi_sigma = _make_or_proof(powers, statements, index, witness, hashed, rng)
    return pi0, pi_sigma


def verify_blank_proof(
    powers: Powers,
    prefix: str,
    c0: Ciphertext,
    c_sigma: Ciphertext,
    proofs: Sequence[Proof],
    what: str = "blank proof",
) -> None:
    """Check a blank_proof (§4.13.3)."""
    hashed = _bproof_hash(powers.group, "bproof0", prefix)
    _check_or_proof(powers, [(c0, 0), (c_sigma, 0)], proofs, hashed, what)


def _overall_statements(
    group: Group, c0: Ciphertext, c_sigma: Ciphertext, min_: int, max_: int
) -> list[Statement]:
    return [statement(group, c0, 1)] + [statement(group, c_sigma, m) for m in range(min_, max_ + 1)]


def make_overall_blank_proof(
    powers: Powers,
    prefix: str,
    c0: Ciphertext,
    c_sigma: Ciphertext,
    r0: Scalar,
    r_sigma: Scalar,
    m_sigma: int,
    blank: bool,
    min_: int,
    max_: int,
    rng: random.Random | None = None,
) -> tuple[Proof, ...]:
    """overall_proof when blank is allowed: m0 = 1 or mΣ in [min..max] (§4.13)."""
    group = powers.group
    statements = _overall_statements(group, c0, c_sigma, min_, max_)
    hashed = _bproof_hash(group, "bproof1", prefix)
    index, witness = (0, r0) if blank else (1 + m_sigma - min_, r_sigma)
    return _make_or_proof(powers, statements, index, witness, hashed, rng)


def verify_overall_blank_proof(
    powers: Powers,
    prefix: str,
    c0: Ciphertext,
    c_sigma: Ciphertext,
    proofs: Sequence[Proof],
    min_: int,
    max_: int,
    what: str = "overall proof",
) -> None:
    """Check an overall_proof of a question that allows blank votes (§4.13.3)."""
    group = powers.group
    cases = [(c0, 1)] + [(c_sigma, m) for m in range(min_, max_ + 1)]
    _check_or_proof(powers, cases, proofs, _bproof_hash(group, "bproof1", prefix), what)


def make_signature(
    powers: Powers, ballot_hash: str, secret: Scalar, rng: random.Random | None = None
) -> Proof:
    """The ballot signature proof with s = secret(c) (§4.14)."""
    group = powers.group
    w = group.random_scalar(rng)
    challenge = hash_to_zq(group, f"sig|{ballot_hash}|{powers.g_pow(w)}")
    return Proof(challenge, (w - secret * challenge) % group.q)


def verify_signature(
    powers: Powers, credential: Element, ballot_hash: str, proof: Proof, what: str = "signature"
) -> None:
    """A = g^response * credential^challenge; challenge = H_signature(hash, A) (§4.14)."""
    group = powers.group
    double = getattr(powers, "double_base", None)
    if double is not None:  # ed25519.VerificationPowers: the same element, faster
        a = cast(Element, double(credential, proof.response, proof.challenge))
    else:
        a = group.mul(powers.g_pow(proof.response), group.pow(credential, proof.challenge))
    if hash_to_zq(group, f"sig|{ballot_hash}|{a}") != proof.challenge:
        raise InvalidProofError(f"{what}: challenge does not match the hash")
