"""Seat allocation: electoral quotient, then the remaining seats at the highest average.

The rule (e.g. R. 6156-43 code de la santé publique, and the civil-service texts):

1. **Quotient.** The electoral quotient is ``exprimés / seats``. Each list gets as
   many seats as its votes contain the quotient, i.e. ``floor(votes * seats /
   exprimés)`` (exact integer arithmetic, no rounding anywhere).
2. **Highest average.** Each remaining seat goes to the list whose average
   ``votes / (seats already won + 1)`` is the highest.
3. **Ties** on the highest average matter only when more lists are tied than
   seats remain (two lists tied for two seats each get one). They are then
   broken by the rules the election definition names, in order: ``most_votes``
   (the list with more votes wins), ``most_candidates`` (the list that presented
   more candidates wins, as the public-service texts add), then ``lot`` (a drawing
   of lots from a seed
   drawn in public, see :mod:`ceremony.tally.lots`). Without a seed, a tie that
   needs the drawing raises :class:`LotDrawRequiredError` naming the tied lists.
4. **Too few candidates.** A list never gets more seats than it has candidates;
   the seats it cannot fill go to the other lists at the highest average
   (quotient seats are capped, the extra seats join the highest-average phase).
   Seats that no list can fill (every list exhausted, or only lists with no vote
   left) are reported as ``unfilled_seats``: the texts fill them otherwise (lot
   among eligible agents, designation), outside this computation. A list with no
   vote never gets a seat. With no suffrage exprimé at all, no seat is allotted.

Steps 1-2 give exactly the D'Hondt (Jefferson) apportionment: every average at or
above the quotient is among the ``seats`` best, so the quotient phase only hands
out seats D'Hondt would hand out anyway. D'Hondt is vote-monotone, and so is this
rule with the tie-breaks above (a list gaining votes only climbs in every key).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from ceremony.tally.errors import (
    InvalidContestDefinitionError,
    LotDrawRequiredError,
    UnresolvedTieError,
)
from ceremony.tally.lots import compute_lot_digest

TieBreakRule = Literal["most_votes", "most_candidates", "lot"]
TIE_BREAK_RULES: tuple[TieBreakRule, ...] = ("most_votes", "most_candidates", "lot")
DEFAULT_TIE_BREAKS: tuple[TieBreakRule, ...] = ("most_votes", "lot")


@dataclass(frozen=True)
class ListVotes:
    """One list's suffrages exprimés and how many candidates it presented (None: enough)."""

    list_id: str
    votes: int
    candidates: int | None = None


@dataclass(frozen=True)
class TieRecord:
    """A decisive tie on the highest average and how it was broken."""

    average: Fraction
    tied_lists: tuple[str, ...]
    places: int
    decided_by: TieBreakRule
    winners: tuple[str, ...]
    lot_seed: str | None = None
    lot_digests: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "average": str(self.average),
            "tied_lists": list(self.tied_lists),
            "places": self.places,
            "decided_by": self.decided_by,
            "winners": list(self.winners),
            "lot_seed": self.lot_seed,
            "lot_digests": [[lid, digest] for lid, digest in self.lot_digests],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TieRecord:
        return cls(
            average=Fraction(data["average"]),
            tied_lists=tuple(data["tied_lists"]),
            places=int(data["places"]),
            decided_by=_rule(data["decided_by"]),
            winners=tuple(data["winners"]),
            lot_seed=data.get("lot_seed"),
            lot_digests=tuple((str(a), str(b)) for a, b in data.get("lot_digests", [])),
        )


@dataclass(frozen=True)
class AverageRound:
    """One step of the highest-average phase: seats ``first_seat``.. given to ``winners``."""

    first_seat: int
    averages: tuple[tuple[str, Fraction], ...]
    winners: tuple[str, ...]
    tie: TieRecord | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "first_seat": self.first_seat,
            "averages": [[lid, str(avg)] for lid, avg in self.averages],
            "winners": list(self.winners),
            "tie": None if self.tie is None else self.tie.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AverageRound:
        tie = data.get("tie")
        return cls(
            first_seat=int(data["first_seat"]),
            averages=tuple((str(lid), Fraction(avg)) for lid, avg in data["averages"]),
            winners=tuple(data["winners"]),
            tie=None if tie is None else TieRecord.from_dict(tie),
        )


@dataclass(frozen=True)
class ListSeats:
    """Seats won by one list, split by phase."""

    list_id: str
    votes: int
    quotient_seats: int
    average_seats: int

    @property
    def seats(self) -> int:
        return self.quotient_seats + self.average_seats

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_id": self.list_id,
            "votes": self.votes,
            "quotient_seats": self.quotient_seats,
            "average_seats": self.average_seats,
            "seats": self.seats,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ListSeats:
        return cls(
            list_id=str(data["list_id"]),
            votes=int(data["votes"]),
            quotient_seats=int(data["quotient_seats"]),
            average_seats=int(data["average_seats"]),
        )


@dataclass(frozen=True)
class SeatAllocation:
    """The whole computation, kept so the PV can show it and anyone can redo it."""

    contest_id: str
    seats_to_fill: int
    expressed: int
    quotient: Fraction | None
    lists: tuple[ListSeats, ...]
    rounds: tuple[AverageRound, ...] = ()
    unfilled_seats: int = 0
    tie_breaks: tuple[TieBreakRule, ...] = DEFAULT_TIE_BREAKS
    lot_seed: str | None = None
    ties: tuple[TieRecord, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        ties = tuple(r.tie for r in self.rounds if r.tie is not None)
        object.__setattr__(self, "ties", ties)

    def seats_of(self, list_id: str) -> int:
        for entry in self.lists:
            if entry.list_id == list_id:
                return entry.seats
        raise KeyError(list_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "contest_id": self.contest_id,
            "seats_to_fill": self.seats_to_fill,
            "expressed": self.expressed,
            "quotient": None if self.quotient is None else str(self.quotient),
            "lists": [entry.to_dict() for entry in self.lists],
            "rounds": [r.to_dict() for r in self.rounds],
            "unfilled_seats": self.unfilled_seats,
            "tie_breaks": list(self.tie_breaks),
            "lot_seed": self.lot_seed,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SeatAllocation:
        quotient = data.get("quotient")
        return cls(
            contest_id=str(data["contest_id"]),
            seats_to_fill=int(data["seats_to_fill"]),
            expressed=int(data["expressed"]),
            quotient=None if quotient is None else Fraction(quotient),
            lists=tuple(ListSeats.from_dict(e) for e in data["lists"]),
            rounds=tuple(AverageRound.from_dict(r) for r in data.get("rounds", [])),
            unfilled_seats=int(data.get("unfilled_seats", 0)),
            tie_breaks=tuple(_rule(r) for r in data.get("tie_breaks", DEFAULT_TIE_BREAKS)),
            lot_seed=data.get("lot_seed"),
        )


def _rule(name: object) -> TieBreakRule:
    for rule in TIE_BREAK_RULES:
        if name == rule:
            return rule
    raise InvalidContestDefinitionError(f"unknown tie-break rule {name!r}")


def verify_tie_breaks(rules: Sequence[str]) -> tuple[TieBreakRule, ...]:
    """Check a tie-break list from an election definition; ``lot`` may only come last."""
    checked = tuple(_rule(r) for r in rules)
    if len(set(checked)) != len(checked):
        raise InvalidContestDefinitionError(f"repeated tie-break rule in {checked!r}")
    if "lot" in checked and checked[-1] != "lot":
        raise InvalidContestDefinitionError("the drawing of lots must be the last tie-break")
    return checked


def _check_lists(lists: Sequence[ListVotes], seats: int) -> None:
    if seats <= 0:
        raise InvalidContestDefinitionError(f"seats to fill must be positive, got {seats}")
    ids = [lv.list_id for lv in lists]
    if len(set(ids)) != len(ids):
        raise InvalidContestDefinitionError(f"duplicate list ids in {ids!r}")
    for lv in lists:
        if lv.votes < 0:
            raise InvalidContestDefinitionError(f"negative votes for list {lv.list_id!r}")
        if lv.candidates is not None and lv.candidates < 0:
            raise InvalidContestDefinitionError(f"negative candidates for {lv.list_id!r}")


def _break_tie(
    contest_id: str,
    tied: Sequence[ListVotes],
    places: int,
    average: Fraction,
    rules: tuple[TieBreakRule, ...],
    seed: str | None,
) -> TieRecord:
    keyed = [rule for rule in rules if rule != "lot"]

    def key_of(rule: TieBreakRule, lv: ListVotes) -> int:
        if rule == "most_votes":
            return -lv.votes
        return -(lv.candidates or 0)

    tied_ids = tuple(lv.list_id for lv in tied)
    for depth, rule in enumerate(keyed, start=1):

        def prefix(lv: ListVotes, depth: int = depth) -> tuple[int, ...]:
            return tuple(key_of(r, lv) for r in keyed[:depth])

        order = sorted(tied, key=prefix)
        if prefix(order[places - 1]) != prefix(order[places]):
            winners = tuple(lv.list_id for lv in order[:places])
            return TieRecord(average, tied_ids, places, rule, winners)

    def pre_key(lv: ListVotes) -> tuple[int, ...]:
        return tuple(key_of(r, lv) for r in keyed)

    order = sorted(tied, key=pre_key)
    boundary = pre_key(order[places - 1])
    still_tied = tuple(lv.list_id for lv in tied if pre_key(lv) == boundary)
    if "lot" not in rules:
        raise UnresolvedTieError(f"contest {contest_id}: lists {still_tied} tied, rules {rules}")
    if seed is None:
        raise LotDrawRequiredError(
            f"contest {contest_id}: lists {still_tied} tied for {places} seat(s)",
            tied_lists=still_tied,
        )
    # Only the lists still tied at the boundary take part in the drawing.
    digests = {lid: compute_lot_digest(seed, contest_id, lid) for lid in still_tied}
    order = sorted(tied, key=lambda lv: (pre_key(lv), digests.get(lv.list_id, "")))
    winners = tuple(lv.list_id for lv in order[:places])
    return TieRecord(
        average,
        tied_ids,
        places,
        "lot",
        winners,
        lot_seed=seed,
        lot_digests=tuple((lid, digests[lid]) for lid in still_tied),
    )


def compute_seat_allocation(
    contest_id: str,
    lists: Sequence[ListVotes],
    seats: int,
    *,
    tie_breaks: Sequence[str] = DEFAULT_TIE_BREAKS,
    lot_seed: str | None = None,
) -> SeatAllocation:
    """Allocate ``seats`` between ``lists`` (see the module docstring for the rule)."""
    rules = verify_tie_breaks(tie_breaks)
    _check_lists(lists, seats)
    expressed = sum(lv.votes for lv in lists)
    if expressed == 0:
        empty = tuple(ListSeats(lv.list_id, 0, 0, 0) for lv in lists)
        return SeatAllocation(contest_id, seats, 0, None, empty, (), seats, rules, lot_seed)

    def cap(lv: ListVotes) -> int:
        return seats if lv.candidates is None else lv.candidates

    by_quotient = {lv.list_id: min(lv.votes * seats // expressed, cap(lv)) for lv in lists}
    by_average = dict.fromkeys(by_quotient, 0)
    remaining = seats - sum(by_quotient.values())
    rounds: list[AverageRound] = []
    while remaining > 0:
        held = {lid: by_quotient[lid] + by_average[lid] for lid in by_quotient}
        eligible = [lv for lv in lists if lv.votes > 0 and held[lv.list_id] < cap(lv)]
        if not eligible:
            break
        averages = {lv.list_id: Fraction(lv.votes, held[lv.list_id] + 1) for lv in eligible}
        best = max(averages.values())
        tied = [lv for lv in eligible if averages[lv.list_id] == best]
        tie: TieRecord | None = None
        if len(tied) <= remaining:
            winners = tuple(lv.list_id for lv in tied)
        else:
            tie = _break_tie(contest_id, tied, remaining, best, rules, lot_seed)
            winners = tie.winners
        first_seat = seats - remaining + 1
        rounds.append(AverageRound(first_seat, tuple(averages.items()), winners, tie))
        for lid in winners:
            by_average[lid] += 1
        remaining -= len(winners)
    result = tuple(
        ListSeats(lv.list_id, lv.votes, by_quotient[lv.list_id], by_average[lv.list_id])
        for lv in lists
    )
    return SeatAllocation(
        contest_id,
        seats,
        expressed,
        Fraction(expressed, seats),
        result,
        tuple(rounds),
        remaining,
        rules,
        lot_seed,
    )
