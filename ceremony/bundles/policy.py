"""Signature policies as data: who may sign which bundle type, how many are needed.

DESIGN.md §1 and §4:

========== =================================================================
definition platform key (1)
status     platform key (1)
urn        platform key (1)
decision   president or secretary card (1)
seal       president or secretary card (1) + delegate cards (the quorum,
           from the definition, default 2)
results    same as seal
========== =================================================================

Keys are pinned by the caller (:class:`TrustedKey`): the platform key checked
out of band, the member card keys recorded at the key ceremony. A signature
counts only if its key is pinned, the role it names is the pinned role, and it
verifies. :func:`get_verification_result` reports who signed and who is
missing (the "2 of 3 delegates have signed" screen); :func:`verify_signatures`
is the strict check: complete, and no signature rejected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ceremony.bundles.envelope import Bundle, Signature
from ceremony.bundles.errors import SignaturePolicyError
from ceremony.bundles.keys import PublicKey, Role, verify_signature
from ceremony.bundles.manifest import BundleType

DEFAULT_DELEGATE_QUORUM: Final = 2
QUORUM: Final = "delegate_quorum"
"""Placeholder threshold in :data:`POLICY_TABLE`, replaced by the definition's quorum."""

POLICY_TABLE: Final[dict[BundleType, tuple[tuple[frozenset[Role], int | str], ...]]] = {
    "definition": ((frozenset({"platform"}), 1),),
    "status": ((frozenset({"platform"}), 1),),
    "urn": ((frozenset({"platform"}), 1),),
    "decision": ((frozenset({"president", "secretary"}), 1),),
    "seal": ((frozenset({"president", "secretary"}), 1), (frozenset({"delegate"}), QUORUM)),
    "results": ((frozenset({"president", "secretary"}), 1), (frozenset({"delegate"}), QUORUM)),
}


@dataclass(frozen=True)
class TrustedKey:
    """A pinned public key, its role and who holds it (member id, or ``platform``)."""

    key: PublicKey
    role: Role
    holder: str


@dataclass(frozen=True)
class RoleRequirement:
    """At least ``threshold`` distinct keys whose role is one of ``roles``."""

    roles: frozenset[Role]
    threshold: int


@dataclass(frozen=True)
class SignaturePolicy:
    bundle_type: BundleType
    requirements: tuple[RoleRequirement, ...]


def make_policy(
    bundle_type: BundleType, delegate_quorum: int = DEFAULT_DELEGATE_QUORUM
) -> SignaturePolicy:
    """The policy of ``bundle_type`` from :data:`POLICY_TABLE`."""
    if delegate_quorum < 1:
        raise SignaturePolicyError(f"delegate quorum {delegate_quorum} is below 1")
    try:
        rows = POLICY_TABLE[bundle_type]
    except KeyError as exc:
        raise SignaturePolicyError(f"no policy for bundle type {bundle_type!r}") from exc
    return SignaturePolicy(
        bundle_type,
        tuple(
            RoleRequirement(roles, delegate_quorum if threshold == QUORUM else int(threshold))
            for roles, threshold in rows
        ),
    )


@dataclass(frozen=True)
class RejectedSignature:
    key_id: str
    reason: str


@dataclass(frozen=True)
class RequirementStatus:
    requirement: RoleRequirement
    signed: tuple[TrustedKey, ...]
    missing: tuple[TrustedKey, ...]
    """Pinned keys of a fitting role that have not signed (any of them may)."""

    @property
    def met(self) -> bool:
        return len(self.signed) >= self.requirement.threshold

    @property
    def still_needed(self) -> int:
        return max(0, self.requirement.threshold - len(self.signed))


@dataclass(frozen=True)
class VerificationResult:
    signed: tuple[TrustedKey, ...]
    rejected: tuple[RejectedSignature, ...]
    requirements: tuple[RequirementStatus, ...]

    @property
    def complete(self) -> bool:
        """Every requirement met (rejected signatures aside; see :func:`verify_signatures`)."""
        return all(status.met for status in self.requirements)


def get_verification_result(
    message: bytes,
    signatures: Iterable[Signature],
    policy: SignaturePolicy,
    trusted: Iterable[TrustedKey],
) -> VerificationResult:
    """Check each signature over ``message`` and tally them against ``policy``."""
    by_id = {t.key.key_id: t for t in trusted}
    signed: list[TrustedKey] = []
    rejected: list[RejectedSignature] = []
    for signature in signatures:
        pinned = by_id.get(signature.key_id)
        if pinned is None:
            rejected.append(RejectedSignature(signature.key_id, "key not pinned"))
            continue
        if signature.role != pinned.role or signature.algorithm != pinned.key.algorithm:
            rejected.append(RejectedSignature(signature.key_id, "role or algorithm not pinned"))
            continue
        if pinned in signed:
            rejected.append(RejectedSignature(signature.key_id, "second signature by one key"))
            continue
        try:
            verify_signature(pinned.key, message, signature.value)
        except SignaturePolicyError as exc:
            rejected.append(RejectedSignature(signature.key_id, exc.technical))
            continue
        signed.append(pinned)
    statuses = []
    counted: set[str] = set()
    for requirement in policy.requirements:
        fitting = [t for t in signed if t.role in requirement.roles and t.key.key_id not in counted]
        counted.update(t.key.key_id for t in fitting)
        missing = tuple(
            t for t in by_id.values() if t.role in requirement.roles and t not in signed
        )
        statuses.append(RequirementStatus(requirement, tuple(fitting), missing))
    return VerificationResult(tuple(signed), tuple(rejected), tuple(statuses))


def get_bundle_verification_result(
    bundle: Bundle, policy: SignaturePolicy, trusted: Iterable[TrustedKey]
) -> VerificationResult:
    return get_verification_result(bundle.signed_bytes, bundle.signatures, policy, trusted)


def verify_signatures(
    bundle: Bundle, policy: SignaturePolicy, trusted: Iterable[TrustedKey]
) -> VerificationResult:
    """Strict: raise :class:`SignaturePolicyError` unless complete with nothing rejected."""
    result = get_bundle_verification_result(bundle, policy, trusted)
    if result.rejected:
        first = result.rejected[0]
        raise SignaturePolicyError(
            f"{len(result.rejected)} signature(s) rejected, first by key "
            f"{first.key_id[:16]}…: {first.reason}"
        )
    if not result.complete:
        short = [
            f"{'/'.join(sorted(s.requirement.roles))}: {len(s.signed)} of {s.requirement.threshold}"
            for s in result.requirements
            if not s.met
        ]
        raise SignaturePolicyError(f"{policy.bundle_type} policy not met ({'; '.join(short)})")
    return result


def is_complete(bundle: Bundle, policy: SignaturePolicy, trusted: Iterable[TrustedKey]) -> bool:
    """True when the quorum is met (the seal may leave the table)."""
    return get_bundle_verification_result(bundle, policy, trusted).complete
