"""The public credential list L in compact form, for the process that counts an urn.

Why: a count needs from L only "is this credential in L, and with which
weight" (§4.15), for every ballot. ``CredentialList`` keeps, per elector, the
parsed element, its text and an entry object (several hundred bytes; the
bureau of the demo has 357,144 electors). Here L is one sorted byte string of
fixed-width keys, 32 bytes per elector, plus 8 bytes per elector only when
weights are written.

Public API:

- ``credential_key(group, x) -> bytes``: the 32-byte key of an element: its
  RFC 8032 encoding in Ed25519 (exact), SHA-256 of its 256-byte big-endian
  value in the finite-field groups (a collision would need a SHA-256 collision).
- ``CompactCredentialList``: a ``CredentialList`` that answers ``in``,
  ``weight_of``, ``len`` and ``total_weight`` by binary search; it cannot be
  iterated or written back (``TypeError``): keep the published bytes for that.
- ``load_compact_credentials(group, data, rng) -> CompactCredentialList``:
  ``fastverify.load_credentials`` with the same checks and errors (element
  membership, the identity refused, duplicates refused), then compacted.
"""

from __future__ import annotations

import hashlib
import operator
import random
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

from ceremony.protocol.credentials import (
    CredentialList,
    DuplicateCredentialError,
    PublicCredential,
    UnknownCredentialError,
)
from ceremony.protocol.group import Element, FiniteFieldGroup, Group, IdentityElementError

KEY_BYTES = 32


def credential_key(group: Group, x: Element) -> bytes:
    """The fixed-width key of the element ``x`` of ``group`` (see the module docstring)."""
    if group.element_bytes <= KEY_BYTES:
        return int(x).to_bytes(KEY_BYTES, "little")
    return hashlib.sha256(int(x).to_bytes(group.element_bytes, "big")).digest()


class CompactCredentialList(CredentialList):
    """L as sorted 32-byte keys and, when written, their weights (§4.8, §4.15)."""

    group: Group
    _keys: bytes
    _weights_array: array[int] | None
    _count: int
    _total: int

    def __init__(self, group: Group, keys: bytes, weights: array[int] | None) -> None:
        super().__init__(())
        count = len(keys) // KEY_BYTES
        if len(keys) % KEY_BYTES or (weights is not None and len(weights) != count):
            raise ValueError("compact credential list: keys and weights do not match")
        object.__setattr__(self, "group", group)
        object.__setattr__(self, "_keys", keys)
        object.__setattr__(self, "_weights_array", weights)
        object.__setattr__(self, "_count", count)
        total = count if weights is None else sum(weights)
        object.__setattr__(self, "_total", total)

    def _position(self, credential: object) -> int:
        try:
            key = credential_key(self.group, operator.index(credential))  # type: ignore[arg-type]
        except (TypeError, OverflowError):
            return -1
        keys = self._keys
        found = bisect_left(
            range(self._count), key, key=lambda i: keys[KEY_BYTES * i : KEY_BYTES * (i + 1)]
        )
        if found < self._count and keys[KEY_BYTES * found : KEY_BYTES * (found + 1)] == key:
            return found
        return -1

    def __contains__(self, credential: object) -> bool:
        return self._position(credential) >= 0

    def weight_of(self, credential: Element) -> int:
        """weight(b) for a ballot with this credential (§4.15), or ``UnknownCredentialError``."""
        position = self._position(credential)
        if position < 0:
            raise UnknownCredentialError("credential not in the public credential list")
        weights = self._weights_array
        return 1 if weights is None else weights[position]

    def __len__(self) -> int:
        return self._count

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CompactCredentialList):
            return NotImplemented
        return (self.group, self._keys, self._weights_array) == (
            other.group,
            other._keys,
            other._weights_array,
        )

    def __hash__(self) -> int:
        return hash(self._keys)

    def __iter__(self) -> Iterator[PublicCredential]:
        raise TypeError("a compact credential list keeps no entries: read the published list")

    def to_json(self) -> bytes:
        """Refused: the compact form cannot give back the published bytes."""
        raise TypeError("a compact credential list keeps no entries: keep the published list")

    @property
    def total_weight(self) -> int:
        """Sum of all weights (bounds the discrete logarithm of §4.19)."""
        return self._total

    @property
    def memory_bytes(self) -> int:
        """Bytes held for L (keys and weights), for the benchmarks."""
        weights = self._weights_array
        return len(self._keys) + (0 if weights is None else weights.itemsize * len(weights))


def load_compact_credentials(
    group: Group, data: bytes, rng: random.Random | None = None
) -> CompactCredentialList:
    """L read and checked as ``fastverify.load_credentials`` does, kept compact."""
    from ceremony.protocol.fastverify import find_non_members
    from ceremony.protocol.serialization import loads, require_list, require_str

    items = require_list(loads(data), "credentials")
    batched = isinstance(group, FiniteFieldGroup)
    identity = group.identity
    keys: list[bytes] = []
    weights = array("Q")
    weighted = False
    first_identity: int | None = None
    # Batched groups test membership over all elements at once: keep them until then.
    pending: list[Element] = []
    # Popped from the end of a reversed list: each string is freed once read, so the
    # published texts and the keys are not both whole in memory at the peak.
    items.reverse()
    i = 0
    while items:
        entry = PublicCredential.from_str(
            group, require_str(items.pop(), "credential"), check_element=not batched
        )
        if entry.credential == identity and first_identity is None:
            first_identity = i
        weighted = weighted or entry.weighted
        keys.append(credential_key(group, entry.credential))
        weights.append(entry.weight)
        if batched:
            pending.append(entry.credential)
        i += 1
    if pending:
        from ceremony.protocol.errors import NotInSubgroupError

        bad = find_non_members(group, pending, rng)
        if bad:
            raise NotInSubgroupError(f"public credential number {bad[0]} is not in the subgroup")
        del pending
    # The order of load_credentials' checks: membership, then the identity, then duplicates.
    if first_identity is not None:
        raise IdentityElementError(
            f"public credential number {first_identity} is the neutral element"
        )
    order = sorted(range(len(keys)), key=keys.__getitem__)
    for previous, current in pairwise(order):
        if keys[previous] == keys[current]:
            raise DuplicateCredentialError("the public credential list has a duplicate")
    packed = b"".join(keys[j] for j in order)
    sorted_weights = array("Q", (weights[j] for j in order)) if weighted else None
    del keys, weights, order
    return CompactCredentialList(group, packed, sorted_weights)
