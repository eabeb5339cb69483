"""The key ceremony of one bureau (DESIGN.md §2, spec §3.1.1).

Our code plays every Belenios trustee and the administrator, in one process,
in the counting room: the Single key goes to the president's and the
secretary's cards, one Pedersen seed to each delegate's card (threshold = the
delegates' quorum). The secrets exist in memory only for the duration of the
ceremony and are written nowhere but, wrapped, on the cards.

What stays public (and goes into the store, the seal and the archive): the
trustees structure (§4.7) and the delegates' voutputs, whose ``private_key``
field is each delegate's decryption share encrypted to that delegate's
channel key (§4.6.6), so the card's seed is all a delegate needs at the count.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ceremony.cards.interface import WrapContext, clear_secret
from ceremony.protocol.group import Group
from ceremony.protocol.hashing import sha256_hex
from ceremony.protocol.pedersen import Voutput, make_seed, make_threshold_keys
from ceremony.protocol.serialization import dumps
from ceremony.protocol.trustees import (
    PedersenTrustees,
    SingleTrustee,
    Trustees,
    make_single_trustee,
)
from ceremony.workflow.holders import CheckedCard

SINGLE_KEY_KIND = "belenios-single-key"
PEDERSEN_SEED_KIND = "belenios-pedersen-seed"


@dataclass(frozen=True)
class KeyCeremonyRecord:
    """The public outcome of the key ceremony."""

    trustees: bytes
    voutputs: bytes
    delegate_order: tuple[str, ...]
    """Member ids of the delegates in the order of the Pedersen certificates."""
    election_key_fingerprint: str

    def details(self) -> dict[str, Any]:
        return {
            "delegate_order": list(self.delegate_order),
            "election_key_fingerprint": self.election_key_fingerprint,
        }


def wrap_context(bureau_id: str, card: CheckedCard, fingerprint: str, kind: str) -> WrapContext:
    return WrapContext(
        bureau_id=bureau_id,
        role=card.role,
        card_serial=card.identity.serial,
        election_key_fingerprint=fingerprint,
        secret_kind=kind,
    )


def make_bureau_keys(
    group: Group,
    bureau_id: str,
    heads: Sequence[CheckedCard],
    delegates: Sequence[CheckedCard],
    threshold: int,
    rng: random.Random | None = None,
    ceremony_id: str = "",
) -> KeyCeremonyRecord:
    """Make the trustees structure ``[Single, Pedersen]`` and wrap each secret to its card.

    ``heads`` are the president's and the secretary's cards (both receive the
    Single key); each delegate receives their own Pedersen seed.
    ``ceremony_id`` names this store's ceremony in each card's key label, so
    that an interrupted attempt may be run again on the same cards.
    """
    private_key, single_public = make_single_trustee(group, rng)
    seeds = [make_seed(rng) for _ in delegates]
    # Belenios 3.3 format: certificate contexts, signatures, AES-GCM (pedersen.py).
    parameters, voutputs = make_threshold_keys(group, seeds, threshold, rng)
    trustees = Trustees((SingleTrustee(single_public), PedersenTrustees(parameters)))
    trustees_bytes = trustees.to_bytes()
    fingerprint = sha256_hex(trustees_bytes)

    single_secret = bytearray(str(private_key).encode())
    try:
        for card in heads:
            context = wrap_context(bureau_id, card, fingerprint, SINGLE_KEY_KIND)
            card.client.wrap_secret(bytes(single_secret), context, card.pins, ceremony_id)
    finally:
        clear_secret(single_secret)
        del private_key
    for card, seed in zip(delegates, seeds, strict=True):
        secret = bytearray(seed.encode())
        try:
            context = wrap_context(bureau_id, card, fingerprint, PEDERSEN_SEED_KIND)
            card.client.wrap_secret(bytes(secret), context, card.pins, ceremony_id)
        finally:
            clear_secret(secret)
    seeds.clear()
    return KeyCeremonyRecord(
        trustees=trustees_bytes,
        voutputs=encode_voutputs(voutputs),
        delegate_order=tuple(card.member_id for card in delegates),
        election_key_fingerprint=fingerprint,
    )


def encode_voutputs(voutputs: Sequence[Voutput]) -> bytes:
    return dumps([v.to_dict() for v in voutputs])


def decode_voutputs(group: Group, data: bytes) -> list[Voutput]:
    from ceremony.protocol.serialization import loads, require_list

    return [Voutput.from_dict(group, v) for v in require_list(loads(data), "voutputs")]
