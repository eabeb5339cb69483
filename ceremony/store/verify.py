"""Journal verification as numbered steps, each raising its own named error.

1. positions: entry n stands at position n (missing / reordered entries);
2. hashes: each entry hashes to its recorded hash (edited entries);
3. links: each entry names its predecessor's hash (replaced entries);
4. checkpoints: signature, signing key, covered entries present (truncated
   tail), covered head unchanged (rewritten chain).

A chain can be rebuilt by whoever rewrites it: only entries up to the last
checkpoint are protected by a signature; the report says how many are not.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from ceremony.store.checkpoint import Checkpoint, verify_checkpoint_signature
from ceremony.store.errors import (
    CheckpointKeyError,
    CheckpointMismatchError,
    JournalChainBrokenError,
    JournalEntryMissingError,
    JournalEntryModifiedError,
    JournalOrderError,
    JournalTruncatedError,
    JournalUnsignedError,
)
from ceremony.store.journal import GENESIS_HASH, JournalEntry, compute_entry_hash


@dataclass(frozen=True)
class JournalReport:
    """What a successful verification established."""

    entries: int
    head_sequence: int
    head_hash: str
    checkpoints: int
    last_checkpoint_sequence: int
    public_keys: tuple[str, ...]
    blobs_checked: int = 0

    @property
    def unsigned_tail(self) -> int:
        """Entries after the last checkpoint: protected by the chain only."""
        return self.entries - self.last_checkpoint_sequence

    def to_dict(self) -> dict[str, Any]:
        return {
            "entries": self.entries,
            "head_sequence": self.head_sequence,
            "head_hash": self.head_hash,
            "checkpoints": self.checkpoints,
            "last_checkpoint_sequence": self.last_checkpoint_sequence,
            "unsigned_tail": self.unsigned_tail,
            "public_keys": list(self.public_keys),
            "blobs_checked": self.blobs_checked,
        }


def verify_entries(entries: Sequence[JournalEntry]) -> None:
    """Steps 1-3 over entries in their stored order."""
    present = {entry.sequence for entry in entries}
    previous_hash = GENESIS_HASH
    for position, entry in enumerate(entries):
        expected = position + 1
        if entry.sequence > expected:
            if expected in present:
                raise JournalOrderError(
                    f"entry {entry.sequence} stands where entry {expected} belongs",
                    sequence=entry.sequence,
                )
            raise JournalEntryMissingError(
                f"entry {expected} is missing (entry {entry.sequence} follows entry "
                f"{expected - 1})",
                sequence=expected,
            )
        if entry.sequence < expected:
            raise JournalOrderError(
                f"entry {entry.sequence} appears again or out of order after entry {expected - 1}",
                sequence=entry.sequence,
            )
        recomputed = compute_entry_hash(entry)
        if recomputed != entry.entry_hash:
            raise JournalEntryModifiedError(
                f"entry {entry.sequence} hashes to {recomputed}, recorded {entry.entry_hash}",
                sequence=entry.sequence,
            )
        if entry.previous_hash != previous_hash:
            raise JournalChainBrokenError(
                f"entry {entry.sequence} does not link to entry {entry.sequence - 1}: "
                f"entry {entry.sequence - 1} was replaced after entry {entry.sequence} "
                "was written",
                sequence=entry.sequence,
            )
        previous_hash = entry.entry_hash


def verify_checkpoints(
    entries: Sequence[JournalEntry],
    checkpoints: Sequence[Checkpoint],
    *,
    trusted_public_key: str | None = None,
    known_public_keys: Collection[str] | None = None,
) -> None:
    """Step 4; ``entries`` must already have passed ``verify_entries``."""
    previous = 0
    for checkpoint in checkpoints:
        verify_checkpoint_signature(checkpoint)
        if checkpoint.sequence < previous:
            raise JournalOrderError(
                f"checkpoint at entry {checkpoint.sequence} recorded after the checkpoint at "
                f"entry {previous}",
                sequence=checkpoint.sequence,
            )
        previous = checkpoint.sequence
        if trusted_public_key is not None and checkpoint.public_key != trusted_public_key:
            raise CheckpointKeyError(
                f"checkpoint at entry {checkpoint.sequence} signed by {checkpoint.public_key}, "
                f"not by the trusted workstation key {trusted_public_key}",
                sequence=checkpoint.sequence,
            )
        if known_public_keys is not None and checkpoint.public_key not in known_public_keys:
            raise CheckpointKeyError(
                f"checkpoint at entry {checkpoint.sequence} signed by unrecorded key "
                f"{checkpoint.public_key}",
                sequence=checkpoint.sequence,
            )
        if checkpoint.sequence > len(entries) or checkpoint.sequence < 1:
            raise JournalTruncatedError(
                f"the journal ends at entry {len(entries)} but a checkpoint signed entry "
                f"{checkpoint.sequence}: entries {len(entries) + 1} to {checkpoint.sequence} "
                "were removed",
                sequence=len(entries) + 1,
            )
        covered = entries[checkpoint.sequence - 1]
        if covered.entry_hash != checkpoint.head_hash:
            raise CheckpointMismatchError(
                f"entry {checkpoint.sequence} hashes to {covered.entry_hash} but the checkpoint "
                f"signed {checkpoint.head_hash}: entries up to {checkpoint.sequence} were "
                "rewritten",
                sequence=checkpoint.sequence,
            )


def verify_chain(
    entries: Sequence[JournalEntry],
    checkpoints: Sequence[Checkpoint],
    *,
    trusted_public_key: str | None = None,
    known_public_keys: Collection[str] | None = None,
    require_signed_head: bool = False,
) -> JournalReport:
    """All steps; raises the first failure, returns the report if none.

    ``require_signed_head``: the last entry must be covered by a checkpoint (a
    closed ceremony's archive is); otherwise dropping the checkpoints of a
    copy, or its unsigned tail, would go unnoticed.
    """
    verify_entries(entries)
    verify_checkpoints(
        entries,
        checkpoints,
        trusted_public_key=trusted_public_key,
        known_public_keys=known_public_keys,
    )
    signed_up_to = max((c.sequence for c in checkpoints), default=0)
    if require_signed_head and signed_up_to < len(entries):
        raise JournalUnsignedError(
            f"entries {signed_up_to + 1} to {len(entries)} are covered by no checkpoint",
            sequence=signed_up_to + 1,
        )
    head = entries[-1] if entries else None
    return JournalReport(
        entries=len(entries),
        head_sequence=head.sequence if head else 0,
        head_hash=head.entry_hash if head else GENESIS_HASH,
        checkpoints=len(checkpoints),
        last_checkpoint_sequence=max((c.sequence for c in checkpoints), default=0),
        public_keys=tuple(sorted({c.public_key for c in checkpoints})),
    )
