"""Property tests of the seat allocation against an independent D'Hondt oracle."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from ceremony.tally.lots import compute_lot_digest
from ceremony.tally.seats import ListVotes, SeatAllocation, compute_seat_allocation

SEED = "3 1 4 1 5"


@st.composite
def contests(draw: st.DrawFn, *, capped: bool) -> tuple[list[ListVotes], int]:
    n = draw(st.integers(1, 6))
    # Small vote ranges make ties frequent, which is what we want to exercise.
    votes = draw(st.lists(st.integers(0, 60), min_size=n, max_size=n))
    caps = (
        draw(st.lists(st.none() | st.integers(0, 6), min_size=n, max_size=n))
        if capped
        else [None] * n
    )
    n_seats = draw(st.integers(1, 12))
    return [
        ListVotes(f"L{i}", v, c) for i, (v, c) in enumerate(zip(votes, caps, strict=True))
    ], n_seats


def dhondt_oracle(lists: list[ListVotes], n_seats: int) -> dict[str, int]:
    """Plain D'Hondt: the n_seats best averages v/k, ties by votes then lot digest."""
    items = []
    for lv in lists:
        limit = n_seats if lv.candidates is None else min(n_seats, lv.candidates)
        if lv.votes == 0:
            continue
        digest = compute_lot_digest(SEED, "c", lv.list_id)
        items += [
            (-Fraction(lv.votes, k), -lv.votes, digest, lv.list_id) for k in range(1, limit + 1)
        ]
    won = Counter(item[3] for item in sorted(items)[:n_seats])
    return {lv.list_id: won[lv.list_id] for lv in lists}


def seats(allocation: SeatAllocation) -> dict[str, int]:
    return {entry.list_id: entry.seats for entry in allocation.lists}


@given(contests(capped=False))
def test_seats_sum_to_the_seats_to_fill(contest: tuple[list[ListVotes], int]) -> None:
    lists, n_seats = contest
    result = compute_seat_allocation("c", lists, n_seats, lot_seed=SEED)
    if any(lv.votes for lv in lists):
        assert sum(seats(result).values()) == n_seats
        assert result.unfilled_seats == 0
    else:
        assert result.unfilled_seats == n_seats


@given(contests(capped=True))
def test_quotient_then_highest_average_is_dhondt(contest: tuple[list[ListVotes], int]) -> None:
    lists, n_seats = contest
    result = compute_seat_allocation("c", lists, n_seats, lot_seed=SEED)
    assert seats(result) == dhondt_oracle(lists, n_seats)
    assert sum(seats(result).values()) + result.unfilled_seats == n_seats
    for lv in lists:
        assert lv.candidates is None or result.seats_of(lv.list_id) <= lv.candidates
        if lv.votes == 0:
            assert result.seats_of(lv.list_id) == 0


@given(contests(capped=True), st.data())
def test_a_list_gaining_votes_never_loses_a_seat(
    contest: tuple[list[ListVotes], int], data: st.DataObject
) -> None:
    lists, n_seats = contest
    index = data.draw(st.integers(0, len(lists) - 1))
    gain = data.draw(st.integers(1, 40))
    richer = list(lists)
    richer[index] = ListVotes(
        lists[index].list_id, lists[index].votes + gain, lists[index].candidates
    )
    before = compute_seat_allocation("c", lists, n_seats, lot_seed=SEED)
    after = compute_seat_allocation("c", richer, n_seats, lot_seed=SEED)
    list_id = lists[index].list_id
    assert after.seats_of(list_id) >= before.seats_of(list_id)


@given(contests(capped=True))
def test_allocation_round_trips(contest: tuple[list[ListVotes], int]) -> None:
    lists, n_seats = contest
    result = compute_seat_allocation("c", lists, n_seats, lot_seed=SEED)
    assert SeatAllocation.from_dict(result.to_dict()) == result
