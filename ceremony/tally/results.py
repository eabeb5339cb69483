"""Results of one contest (scrutin) from its Belenios result.

Each contest is one Belenios election with one homomorphic question, one list to
choose, blank allowed. Belenios 2.0 then puts the blank flag first in each
answer (spec §4.11.1), so the decrypted result array of the question is
``[blank, votes_list_1, ..., votes_list_k]``, lists in the drawn order of the
question's answers (checked against belenios-tool 2.0 in the tests).

Every counted ballot is either blank or for exactly one list (min = max = 1), so
votants = blancs + exprimés; anything else means the result is not the one of
this contest and is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ceremony.tally.common_lists import (
    UnionShare,
    UnionVotes,
    compute_union_totals,
    compute_union_votes,
)
from ceremony.tally.errors import InconsistentCountError, InvalidContestDefinitionError
from ceremony.tally.seats import (
    DEFAULT_TIE_BREAKS,
    ListVotes,
    SeatAllocation,
    TieBreakRule,
    compute_seat_allocation,
    verify_tie_breaks,
)


@dataclass(frozen=True)
class CandidateList:
    """A list as the definition gives it: id, name, candidates, union(s) behind it."""

    list_id: str
    name: str
    unions: tuple[UnionShare, ...]
    candidates: int | None = None

    @property
    def is_common(self) -> bool:
        return len(self.unions) > 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_id": self.list_id,
            "name": self.name,
            "unions": [u.to_dict() for u in self.unions],
            "candidates": self.candidates,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CandidateList:
        candidates = data.get("candidates")
        return cls(
            list_id=str(data["list_id"]),
            name=str(data["name"]),
            unions=tuple(UnionShare.from_dict(u) for u in data["unions"]),
            candidates=None if candidates is None else int(candidates),
        )


@dataclass(frozen=True)
class ContestDefinition:
    """What the tally needs from a contest's definition; ``lists`` in the drawn order."""

    contest_id: str
    title: str
    seats: int
    lists: tuple[CandidateList, ...]
    tie_breaks: tuple[TieBreakRule, ...] = DEFAULT_TIE_BREAKS

    def to_dict(self) -> dict[str, Any]:
        return {
            "contest_id": self.contest_id,
            "title": self.title,
            "seats": self.seats,
            "lists": [lst.to_dict() for lst in self.lists],
            "tie_breaks": list(self.tie_breaks),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContestDefinition:
        return cls(
            contest_id=str(data["contest_id"]),
            title=str(data["title"]),
            seats=int(data["seats"]),
            lists=tuple(CandidateList.from_dict(lst) for lst in data["lists"]),
            tie_breaks=verify_tie_breaks(data.get("tie_breaks", DEFAULT_TIE_BREAKS)),
        )


@dataclass(frozen=True)
class ContestCount:
    """The raw count of one contest: electors, ballots counted and the decrypted array."""

    contest_id: str
    registered: int
    voters_cast: int
    result: tuple[int, ...]

    @classmethod
    def from_belenios_result(
        cls, contest_id: str, registered: int, voters_cast: int, result: Mapping[str, Any]
    ) -> ContestCount:
        """From the payload of a Belenios ``Result`` event: ``{"result": [[b, v1, ...]]}``."""
        questions = result.get("result")
        if not isinstance(questions, list) or len(questions) != 1:
            raise InconsistentCountError(f"contest {contest_id}: expected one question result")
        array = questions[0]
        if not isinstance(array, list) or not array:
            raise InconsistentCountError(f"contest {contest_id}: question result is not an array")
        try:
            values = tuple(int(v) for v in array)
        except (TypeError, ValueError) as e:
            raise InconsistentCountError(f"contest {contest_id}: non-integer result") from e
        return cls(contest_id, registered, voters_cast, values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "contest_id": self.contest_id,
            "registered": self.registered,
            "voters_cast": self.voters_cast,
            "result": list(self.result),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContestCount:
        return cls(
            contest_id=str(data["contest_id"]),
            registered=int(data["registered"]),
            voters_cast=int(data["voters_cast"]),
            result=tuple(int(v) for v in data["result"]),
        )


@dataclass(frozen=True)
class ListResult:
    """One list's line in the results table."""

    list_id: str
    name: str
    votes: int
    seats: int
    union_votes: tuple[UnionVotes, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_id": self.list_id,
            "name": self.name,
            "votes": self.votes,
            "seats": self.seats,
            "union_votes": [uv.to_dict() for uv in self.union_votes],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ListResult:
        return cls(
            list_id=str(data["list_id"]),
            name=str(data["name"]),
            votes=int(data["votes"]),
            seats=int(data["seats"]),
            union_votes=tuple(UnionVotes.from_dict(u) for u in data["union_votes"]),
        )


@dataclass(frozen=True)
class ContestResult:
    """Everything the PV prints for one contest."""

    contest_id: str
    title: str
    registered: int
    voters_cast: int
    blank: int
    lists: tuple[ListResult, ...]
    allocation: SeatAllocation

    @property
    def expressed(self) -> int:
        """Suffrages exprimés: the ballots for a list (blank ones are not exprimés)."""
        return sum(lst.votes for lst in self.lists)

    @property
    def participation(self) -> Fraction:
        """votants / inscrits, exact (0 when nobody is registered)."""
        return Fraction(self.voters_cast, self.registered) if self.registered else Fraction(0)

    @property
    def union_totals(self) -> tuple[tuple[str, Fraction], ...]:
        return compute_union_totals([lst.union_votes for lst in self.lists])

    def to_dict(self) -> dict[str, Any]:
        return {
            "contest_id": self.contest_id,
            "title": self.title,
            "registered": self.registered,
            "voters_cast": self.voters_cast,
            "participation": str(self.participation),
            "blank": self.blank,
            "expressed": self.expressed,
            "lists": [lst.to_dict() for lst in self.lists],
            "union_totals": [{"union": u, "votes": str(v)} for u, v in self.union_totals],
            "allocation": self.allocation.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContestResult:
        result = cls(
            contest_id=str(data["contest_id"]),
            title=str(data["title"]),
            registered=int(data["registered"]),
            voters_cast=int(data["voters_cast"]),
            blank=int(data["blank"]),
            lists=tuple(ListResult.from_dict(lst) for lst in data["lists"]),
            allocation=SeatAllocation.from_dict(data["allocation"]),
        )
        # Derived figures are written for readers; refuse a dict whose copies disagree.
        if int(data.get("expressed", result.expressed)) != result.expressed or (
            "participation" in data and Fraction(data["participation"]) != result.participation
        ):
            raise InconsistentCountError(f"contest {result.contest_id}: derived figures differ")
        return result


def _check_count(definition: ContestDefinition, count: ContestCount) -> None:
    cid = definition.contest_id
    if count.contest_id != cid:
        raise InconsistentCountError(f"count is for {count.contest_id!r}, not {cid!r}")
    if len(count.result) != len(definition.lists) + 1:
        raise InconsistentCountError(
            f"contest {cid}: result has {len(count.result)} entries, "
            f"expected blank + {len(definition.lists)} lists"
        )
    if any(v < 0 for v in count.result) or count.registered < 0:
        raise InconsistentCountError(f"contest {cid}: negative figure")
    if sum(count.result) != count.voters_cast:
        raise InconsistentCountError(
            f"contest {cid}: blank + list votes = {sum(count.result)} "
            f"but {count.voters_cast} ballots were counted"
        )
    if count.voters_cast > count.registered:
        raise InconsistentCountError(
            f"contest {cid}: {count.voters_cast} ballots for {count.registered} electors"
        )


def compute_contest_result(
    definition: ContestDefinition, count: ContestCount, *, lot_seed: str | None = None
) -> ContestResult:
    """Figures and seats of one contest; ``lot_seed`` only if a drawing of lots was held."""
    _check_count(definition, count)
    ids = [lst.list_id for lst in definition.lists]
    if len(set(ids)) != len(ids):
        raise InvalidContestDefinitionError(f"duplicate list ids in {ids!r}")
    blank, votes = count.result[0], count.result[1:]
    allocation = compute_seat_allocation(
        definition.contest_id,
        [
            ListVotes(lst.list_id, v, lst.candidates)
            for lst, v in zip(definition.lists, votes, strict=True)
        ],
        definition.seats,
        tie_breaks=definition.tie_breaks,
        lot_seed=lot_seed,
    )
    lists = tuple(
        ListResult(
            lst.list_id,
            lst.name,
            v,
            allocation.seats_of(lst.list_id),
            compute_union_votes(lst.unions, v),
        )
        for lst, v in zip(definition.lists, votes, strict=True)
    )
    return ContestResult(
        definition.contest_id,
        definition.title,
        count.registered,
        count.voters_cast,
        blank,
        lists,
        allocation,
    )


def compute_results(
    definitions: Sequence[ContestDefinition],
    counts: Sequence[ContestCount],
    *,
    lot_seeds: Mapping[str, str] | None = None,
) -> tuple[ContestResult, ...]:
    """Results of every contest of a bureau, matched by contest id."""
    by_id = {c.contest_id: c for c in counts}
    if len(by_id) != len(counts) or set(by_id) != {d.contest_id for d in definitions}:
        raise InconsistentCountError("the counts do not match the contests one to one")
    seeds = lot_seeds or {}
    return tuple(
        compute_contest_result(d, by_id[d.contest_id], lot_seed=seeds.get(d.contest_id))
        for d in definitions
    )


RESULTS_FORMAT = "bureau-results-1"


def results_to_dict(results: Sequence[ContestResult]) -> dict[str, Any]:
    """The machine-readable results of a bureau (what the results bundle carries)."""
    return {"format": RESULTS_FORMAT, "contests": [r.to_dict() for r in results]}


def results_from_dict(data: Mapping[str, Any]) -> tuple[ContestResult, ...]:
    if data.get("format") != RESULTS_FORMAT:
        raise InconsistentCountError(f"unknown results format {data.get('format')!r}")
    return tuple(ContestResult.from_dict(c) for c in data["contests"])


def verify_contest_result(definition: ContestDefinition, result: ContestResult) -> None:
    """Recompute figures and seats from the result's own count; raise if anything differs.

    The lot seed, if any, is the one recorded in the result (it was drawn in
    public and journaled); the recount then redoes the same drawing.
    """
    count = ContestCount(
        result.contest_id,
        result.registered,
        result.voters_cast,
        (result.blank, *(lst.votes for lst in result.lists)),
    )
    again = compute_contest_result(definition, count, lot_seed=result.allocation.lot_seed)
    if again != result:
        raise InconsistentCountError(f"contest {result.contest_id}: results do not recompute")
