"""The encrypted tally (spec §4.16), homomorphic questions only.

C_ij = prod over tallied ballots b_k of choices(answers(b_k)_i)_j ^ weight(b_k),
where the tallied ballots are last(B) (§4.15). :class:`TallyAccumulator`
builds it one ballot at a time, so a verifier can stream the archive; a
superseded ballot (revote) is divided back out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ceremony.protocol.archive import PendingEvent
from ceremony.protocol.decryption import HasAlpha
from ceremony.protocol.elgamal import Ciphertext
from ceremony.protocol.errors import ProtocolError
from ceremony.protocol.group import Group
from ceremony.protocol.hashing import sha256_hex
from ceremony.protocol.lists import Nesting, flatten_row, nest_row
from ceremony.protocol.serialization import (
    dumps,
    get_field,
    loads,
    require_dict,
    require_int,
    require_list,
    require_str,
)
from ceremony.protocol.weights import parse_weight, weight_json


class InvalidEncryptedTallyError(ProtocolError):
    """The published encrypted tally does not match the ballots (§4.16)."""

    default_message = (
        "Le décompte chiffré publié ne correspond pas aux bulletins de l'urne : il a été altéré."
    )


@dataclass(frozen=True)
class EncryptedTally:
    """``encrypted_tally`` of §4.16: one row of ciphertexts per question."""

    ciphertexts: tuple[tuple[Ciphertext, ...], ...]
    nesting: tuple[Nesting, ...] = field(default=(), compare=False)
    """Per question, how its row nests in JSON (Lists questions, Belenios 3.x)."""

    @property
    def shape(self) -> tuple[int, ...]:
        """Number of ciphertexts per question (§4.16)."""
        return tuple(len(row) for row in self.ciphertexts)

    def to_json(self) -> list[Any]:
        """The JSON array (§4.16)."""
        nesting = self.nesting or (None,) * len(self.ciphertexts)
        return [
            nest_row([c.to_dict() for c in row], n)
            for row, n in zip(self.ciphertexts, nesting, strict=True)
        ]

    def to_bytes(self) -> bytes:
        """Compact JSON (§4.1)."""
        return dumps(self.to_json())

    @classmethod
    def from_bytes(cls, group: Group, data: bytes) -> EncryptedTally:
        """Parse; every alpha and beta must be in the subgroup (§4.2, §4.16)."""
        rows, nesting = [], []
        for row in require_list(loads(data), "encrypted_tally"):
            items, nested = flatten_row(row, "encrypted_tally row")
            cells = []
            for cell in items:
                cells.append(Ciphertext.from_dict(group, cell, "encrypted_tally ciphertext"))
            rows.append(tuple(cells))
            nesting.append(nested)
        return cls(tuple(rows), tuple(nesting))


@dataclass(frozen=True)
class SizedEncryptedTally:
    """``sized_encrypted_tally`` of §4.16, the payload of the EncryptedTally event."""

    num_tallied: int
    total_weight: int
    encrypted_tally: str

    def to_dict(self) -> dict[str, Any]:
        """Fields in the spec's order (§4.16)."""
        return {
            "num_tallied": self.num_tallied,
            "total_weight": weight_json(self.total_weight),
            "encrypted_tally": self.encrypted_tally,
        }

    def to_bytes(self) -> bytes:
        """Compact JSON (§4.1)."""
        return dumps(self.to_dict())

    @classmethod
    def from_bytes(cls, data: bytes) -> SizedEncryptedTally:
        """Parse (§4.16)."""
        what = "sized_encrypted_tally"
        d = require_dict(loads(data), what)
        return cls(
            require_int(get_field(d, "num_tallied", what), "num_tallied"),
            parse_weight(get_field(d, "total_weight", what), "total_weight"),
            require_str(get_field(d, "encrypted_tally", what), "encrypted_tally"),
        )


class TallyAccumulator:
    """Running product of weighted ballot ciphertexts (§4.16), for streaming."""

    def __init__(self, group: Group, shape: Sequence[int]) -> None:
        self._group = group
        self._alpha = [[group.g_pow(0)] * n for n in shape]
        self._beta = [[group.g_pow(0)] * n for n in shape]
        self._shape = tuple(shape)
        self.num_tallied = 0
        self.total_weight = 0

    def _fold(self, choices: Sequence[Sequence[HasAlpha]], exponent: int) -> None:
        if tuple(len(row) for row in choices) != self._shape:
            raise InvalidEncryptedTallyError("ballot shape differs from the election's questions")
        g = self._group
        for i, row in enumerate(choices):
            for j, c in enumerate(row):
                if exponent == 1:
                    a, b = c.alpha, c.beta
                else:
                    a, b = g.pow(c.alpha, exponent), g.pow(c.beta, exponent)
                self._alpha[i][j] = g.mul(self._alpha[i][j], a)
                self._beta[i][j] = g.mul(self._beta[i][j], b)

    def add(self, choices: Sequence[Sequence[HasAlpha]], weight: int) -> None:
        """Multiply in one tallied ballot's ``choices`` raised to its weight (§4.16)."""
        self._fold(choices, weight)
        self.num_tallied += 1
        self.total_weight += weight

    def remove(self, choices: Sequence[Sequence[HasAlpha]], weight: int) -> None:
        """Divide out a ballot superseded by a revote (last(B), §4.15)."""
        self._fold(choices, -weight)
        self.num_tallied -= 1
        self.total_weight -= weight

    def result(self) -> EncryptedTally:
        """The encrypted tally so far (§4.16)."""
        return EncryptedTally(
            tuple(
                tuple(Ciphertext(a, b) for a, b in zip(ra, rb, strict=True))
                for ra, rb in zip(self._alpha, self._beta, strict=True)
            )
        )


def compute_encrypted_tally(
    group: Group,
    shape: Sequence[int],
    ballots: Iterable[tuple[Sequence[Sequence[HasAlpha]], int]],
) -> tuple[EncryptedTally, int, int]:
    """The encrypted tally of last(B), given as (choices, weight) pairs (§4.16).

    Returns the tally, num_tallied and total_weight.
    """
    acc = TallyAccumulator(group, shape)
    for choices, weight in ballots:
        acc.add(choices, weight)
    return acc.result(), acc.num_tallied, acc.total_weight


def verify_encrypted_tally(
    expected: EncryptedTally,
    num_tallied: int,
    total_weight: int,
    published: EncryptedTally,
    sized: SizedEncryptedTally,
) -> None:
    """The published tally equals the one recomputed from last(B) (§3.5.2, §4.16)."""
    if published != expected:
        raise InvalidEncryptedTallyError("published encrypted tally differs from the ballots")
    if (sized.num_tallied, sized.total_weight) != (num_tallied, total_weight):
        raise InvalidEncryptedTallyError(
            f"sized tally says {sized.num_tallied} ballots of weight {sized.total_weight}, "
            f"ballots give {num_tallied} of weight {total_weight}"
        )


def make_tally_events(
    tally: EncryptedTally, num_tallied: int, total_weight: int, *, end_ballots: bool = True
) -> list[PendingEvent]:
    """The EndBallots and EncryptedTally events closing the urn (§4.4, §4.16).

    The EncryptedTally event carries the encrypted tally and, as its payload,
    the ``sized_encrypted_tally`` pointing at it.
    """
    data = tally.to_bytes()
    sized = SizedEncryptedTally(num_tallied, total_weight, sha256_hex(data))
    events = [PendingEvent("EndBallots")] if end_ballots else []
    events.append(PendingEvent("EncryptedTally", (data, sized.to_bytes())))
    return events
