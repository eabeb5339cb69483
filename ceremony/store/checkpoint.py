"""Checkpoints: the journal head signed by the workstation key.

A hash chain alone can be recomputed from scratch by whoever rewrites it; a
signed checkpoint pins the head at a moment, so any change before it (or the
removal of the entries it covers) is detected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ceremony.store.errors import CheckpointSignatureError, JournalFormatError
from ceremony.store.journal import JournalEntry, canonical_json
from ceremony.store.timefmt import from_stored_time, to_stored_time

CHECKPOINT_CONTEXT = "bureau-journal-checkpoint-v1"


@dataclass(frozen=True)
class Checkpoint:
    """(sequence, head hash, time, public key, signature), Ed25519 over ``signed_bytes``."""

    sequence: int
    head_hash: str
    time: str
    public_key: str  # raw Ed25519 public key, hex
    signature: str  # hex

    def signed_bytes(self) -> bytes:
        return canonical_json(
            {
                "context": CHECKPOINT_CONTEXT,
                "sequence": self.sequence,
                "head_hash": self.head_hash,
                "time": self.time,
                "public_key": self.public_key,
            }
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "sequence": self.sequence,
            "head_hash": self.head_hash,
            "time": self.time,
            "public_key": self.public_key,
            "signature": self.signature,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Checkpoint:
        fields = {"sequence": int, "head_hash": str, "time": str, "public_key": str}
        if set(data) != {*fields, "signature"}:
            raise JournalFormatError(f"malformed checkpoint with keys {sorted(data)}")
        for name, kind in {**fields, "signature": str}.items():
            if not isinstance(data[name], kind) or isinstance(data[name], bool):
                raise JournalFormatError(f"checkpoint field {name} has the wrong type")
        try:
            from_stored_time(data["time"])
        except ValueError as error:
            raise JournalFormatError(f"checkpoint time unreadable: {error}") from error
        return cls(
            sequence=data["sequence"],
            head_hash=data["head_hash"],
            time=data["time"],
            public_key=data["public_key"],
            signature=data["signature"],
        )


def public_key_hex(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes_raw().hex()


def make_checkpoint(head: JournalEntry, key: Ed25519PrivateKey, now: datetime) -> Checkpoint:
    unsigned = Checkpoint(
        sequence=head.sequence,
        head_hash=head.entry_hash,
        time=to_stored_time(now),
        public_key=public_key_hex(key),
        signature="",
    )
    return Checkpoint(
        **{**unsigned.to_dict(), "signature": key.sign(unsigned.signed_bytes()).hex()}
    )


def verify_checkpoint_signature(checkpoint: Checkpoint) -> None:
    """Raise ``CheckpointSignatureError`` unless the checkpoint's own key signed it."""
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(checkpoint.public_key))
        public.verify(bytes.fromhex(checkpoint.signature), checkpoint.signed_bytes())
    except (ValueError, InvalidSignature) as error:
        raise CheckpointSignatureError(
            f"checkpoint at entry {checkpoint.sequence}: Ed25519 signature does not verify",
            sequence=checkpoint.sequence,
        ) from error
