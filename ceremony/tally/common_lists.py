"""Common lists: splitting a list's votes between the unions that filed it.

A list filed jointly by several unions declares a key (e.g. 1/2, 1/4, 1/4); with
no key, the votes are split in equal shares (arrêté du 16 avril 2019, art. 5).
The split is exact (``fractions.Fraction``): a union may hold 1234/3 votes. The
exact value is what the results JSON records; rounding happens only for display
(:func:`format_votes`: two decimals, half rounded up), so rounded shares may not
add up to the list total by a hundredth, the exact ones always do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ceremony.tally.errors import InvalidContestDefinitionError


@dataclass(frozen=True)
class UnionShare:
    """One union behind a list and its declared share (None: no key declared)."""

    union: str
    share: Fraction | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"union": self.union, "share": None if self.share is None else str(self.share)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UnionShare:
        share = data.get("share")
        return cls(str(data["union"]), None if share is None else Fraction(str(share)))


@dataclass(frozen=True)
class UnionVotes:
    """Votes credited to one union (exact)."""

    union: str
    share: Fraction
    votes: Fraction

    def to_dict(self) -> dict[str, Any]:
        return {"union": self.union, "share": str(self.share), "votes": str(self.votes)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UnionVotes:
        return cls(str(data["union"]), Fraction(data["share"]), Fraction(data["votes"]))


def compute_shares(unions: Sequence[UnionShare]) -> tuple[tuple[str, Fraction], ...]:
    """The effective key: declared shares (all or none, summing to 1) or equal shares."""
    if not unions:
        raise InvalidContestDefinitionError("a list must name at least one union")
    names = [u.union for u in unions]
    if len(set(names)) != len(names):
        raise InvalidContestDefinitionError(f"repeated union in {names!r}")
    declared = [u.share for u in unions if u.share is not None]
    if not declared:
        return tuple((u.union, Fraction(1, len(unions))) for u in unions)
    if len(declared) != len(unions):
        raise InvalidContestDefinitionError("the union key must give a share to every union")
    if any(s <= 0 for s in declared) or sum(declared) != 1:
        raise InvalidContestDefinitionError(f"union shares must be positive and sum to 1: {names}")
    return tuple((u.union, Fraction(u.share)) for u in unions if u.share is not None)


def compute_union_votes(unions: Sequence[UnionShare], votes: int) -> tuple[UnionVotes, ...]:
    """Split one list's votes by its key."""
    return tuple(UnionVotes(name, share, share * votes) for name, share in compute_shares(unions))


def compute_union_totals(
    per_list: Sequence[Sequence[UnionVotes]],
) -> tuple[tuple[str, Fraction], ...]:
    """Votes per union over a contest, in order of first appearance."""
    totals: dict[str, Fraction] = {}
    for split in per_list:
        for uv in split:
            totals[uv.union] = totals.get(uv.union, Fraction(0)) + uv.votes
    return tuple(totals.items())


def round_half_up(value: Fraction, digits: int) -> Fraction:
    """Exact rounding to ``digits`` decimals, halves away from zero."""
    scale = 10**digits
    scaled = abs(value) * scale
    rounded = Fraction((scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator))
    signed = rounded if value >= 0 else -rounded
    return Fraction(signed, scale)


def format_decimal(value: Fraction, digits: int = 2) -> str:
    """French decimal text (comma, narrow no-break space thousands), rounded half up."""
    rounded = round_half_up(value, digits)
    sign = "-" if rounded < 0 else ""
    scaled = abs(rounded) * 10**digits
    whole, frac = divmod(int(scaled), 10**digits)
    text = f"{whole:,}".replace(",", "\u202f")
    if digits:
        text += "," + str(frac).rjust(digits, "0")
    return sign + text


def format_votes(value: Fraction) -> str:
    """Votes as shown in the PV: whole numbers plainly, shares with two decimals."""
    if value.denominator == 1:
        return format_decimal(value, 0)
    return format_decimal(value, 2)
