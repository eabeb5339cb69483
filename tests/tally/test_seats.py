"""Seat allocation: worked examples computed by hand, ties included."""

from __future__ import annotations

import subprocess
from fractions import Fraction

import pytest

from ceremony.tally.errors import (
    InvalidContestDefinitionError,
    LotDrawRequiredError,
    UnresolvedTieError,
)
from ceremony.tally.lots import compute_lot_digest, compute_lot_order, compute_lot_text
from ceremony.tally.seats import ListVotes, SeatAllocation, compute_seat_allocation


def seats(allocation: SeatAllocation) -> dict[str, int]:
    return {entry.list_id: entry.seats for entry in allocation.lists}


def test_quotient_then_highest_average_without_tie() -> None:
    # 9000 exprimés, 5 seats: quotient 1800. Quotient seats: A 4000/1800 -> 2,
    # B 2500/1800 -> 1, C, D, E -> 0. Two seats left. Averages: A 4000/3 = 1333.3,
    # B 2500/2 = 1250, C 1500/1 = 1500, D 800, E 200 -> seat 4 to C. Then C falls to
    # 750 and A (1333.3) beats B (1250) -> seat 5 to A.
    lists = [ListVotes("A", 4000), ListVotes("B", 2500), ListVotes("C", 1500)]
    lists += [ListVotes("D", 800), ListVotes("E", 200)]
    result = compute_seat_allocation("c1", lists, 5)
    assert result.quotient == Fraction(1800)
    assert [(e.quotient_seats, e.average_seats) for e in result.lists] == [
        (2, 1),
        (1, 0),
        (0, 1),
        (0, 0),
        (0, 0),
    ]
    assert seats(result) == {"A": 3, "B": 1, "C": 1, "D": 0, "E": 0}
    assert [r.winners for r in result.rounds] == [("C",), ("A",)]
    assert [r.first_seat for r in result.rounds] == [4, 5]
    assert result.ties == ()
    assert result.unfilled_seats == 0


def test_two_lists_tied_for_two_seats_each_get_one_without_tie_break() -> None:
    # 1000 exprimés, 3 seats, quotient 333.3: A 600 -> 1, B 300 -> 0, C 100 -> 0.
    # Two seats left: A 600/2 = 300 and B 300/1 = 300 tie, C 100: A and B get one each.
    result = compute_seat_allocation(
        "c1", [ListVotes("A", 600), ListVotes("B", 300), ListVotes("C", 100)], 3
    )
    assert seats(result) == {"A": 2, "B": 1, "C": 0}
    assert result.ties == ()
    assert result.rounds[0].winners == ("A", "B")


def test_tie_on_the_average_for_the_last_seat_goes_to_most_votes() -> None:
    # 1000 exprimés, 2 seats, quotient 500: A 600 -> 1, others 0. Last seat: A 600/2 = 300
    # and B 300/1 = 300 tie; A has more votes (600 > 300) and wins it.
    result = compute_seat_allocation(
        "c1", [ListVotes("A", 600), ListVotes("B", 300), ListVotes("C", 100)], 2
    )
    assert seats(result) == {"A": 2, "B": 0, "C": 0}
    (tie,) = result.ties
    assert tie.tied_lists == ("A", "B")
    assert tie.average == Fraction(300)
    assert tie.decided_by == "most_votes"
    assert tie.winners == ("A",)
    assert tie.lot_seed is None


def test_tie_with_equal_votes_needs_a_public_drawing_of_lots() -> None:
    # 1000 exprimés, 3 seats, quotient 333.3: A 400 -> 1, B 400 -> 1, C 200 -> 0.
    # Last seat: A 400/2 = B 400/2 = C 200/1 = 200, a three-way tie. Most votes leaves
    # A and B (400 each) tied: only the drawing of lots can decide between them.
    lists = [ListVotes("A", 400), ListVotes("B", 400), ListVotes("C", 200)]
    with pytest.raises(LotDrawRequiredError) as caught:
        compute_seat_allocation("csn-c2-psy", lists, 3)
    assert caught.value.tied_lists == ("A", "B")
    assert "tirage au sort" in caught.value.user_message

    seed = "4 2 6 1 3"
    result = compute_seat_allocation("csn-c2-psy", lists, 3, lot_seed=seed)
    # Redo the drawing by hand, exactly as the PV tells an observer to.
    by_hand = {}
    for list_id in ("A", "B"):
        text = f"bureau-lot-v1|{seed}|csn-c2-psy|{list_id}"
        out = subprocess.run(["sha256sum"], input=text.encode(), capture_output=True, check=True)
        by_hand[list_id] = out.stdout.split()[0].decode()
    winner = min(by_hand, key=lambda lid: by_hand[lid])
    loser = "B" if winner == "A" else "A"
    assert seats(result) == {winner: 2, loser: 1, "C": 0}
    (tie,) = result.ties
    assert tie.decided_by == "lot"
    assert tie.tied_lists == ("A", "B", "C")
    assert tie.winners == (winner,)
    # C (200 votes) lost on the votes and does not take part in the drawing.
    assert dict(tie.lot_digests) == by_hand


def test_a_different_seed_can_change_the_drawing() -> None:
    lists = [ListVotes("A", 400), ListVotes("B", 400), ListVotes("C", 200)]
    winners = {
        compute_seat_allocation("c", lists, 3, lot_seed=str(seed)).ties[0].winners
        for seed in range(20)
    }
    assert winners == {("A",), ("B",)}


def test_lot_only_rule_ignores_the_votes() -> None:
    # Same as the most-votes example, but the definition names only the drawing of lots.
    lists = [ListVotes("A", 600), ListVotes("B", 300), ListVotes("C", 100)]
    with pytest.raises(LotDrawRequiredError) as caught:
        compute_seat_allocation("c1", lists, 2, tie_breaks=("lot",))
    assert caught.value.tied_lists == ("A", "B")
    result = compute_seat_allocation("c1", lists, 2, tie_breaks=("lot",), lot_seed="99")
    assert result.ties[0].winners == (compute_lot_order("99", "c1", ["A", "B"])[0],)


def test_most_votes_only_rule_cannot_break_equal_votes() -> None:
    lists = [ListVotes("A", 400), ListVotes("B", 400), ListVotes("C", 200)]
    with pytest.raises(UnresolvedTieError):
        compute_seat_allocation("c1", lists, 3, tie_breaks=("most_votes",))


def test_list_with_too_few_candidates_gives_its_seats_to_the_others() -> None:
    # 10000 exprimés, 5 seats, quotient 2000: A 5000 -> 2 but A has 1 candidate -> 1;
    # B 3000 -> 1, C 2000 -> 1. Two seats left, A is full: B 3000/2 = 1500 beats
    # C 2000/2 = 1000 -> seat to B; then B 3000/3 = 1000 ties C 1000 for the last seat,
    # and B has more votes.
    lists = [ListVotes("A", 5000, candidates=1), ListVotes("B", 3000), ListVotes("C", 2000)]
    result = compute_seat_allocation("c1", lists, 5)
    assert seats(result) == {"A": 1, "B": 3, "C": 1}
    assert result.ties[0].tied_lists == ("B", "C")
    assert result.ties[0].decided_by == "most_votes"
    # With enough candidates A would have had 3 seats (5000/3 = 1666.7 beats 1500).
    assert seats(compute_seat_allocation("c1", [ListVotes("A", 5000), *lists[1:]], 5)) == {
        "A": 3,
        "B": 1,
        "C": 1,
    }


def test_seats_nobody_can_fill_are_reported_unfilled() -> None:
    lists = [ListVotes("A", 100, candidates=1), ListVotes("B", 50, candidates=1)]
    result = compute_seat_allocation("c1", lists, 4)
    assert seats(result) == {"A": 1, "B": 1}
    assert result.unfilled_seats == 2


def test_a_list_without_votes_never_gets_a_seat() -> None:
    result = compute_seat_allocation("c1", [ListVotes("A", 10, candidates=1), ListVotes("B", 0)], 3)
    assert seats(result) == {"A": 1, "B": 0}
    assert result.unfilled_seats == 2


def test_no_suffrage_exprime_allots_no_seat() -> None:
    result = compute_seat_allocation("c1", [ListVotes("A", 0), ListVotes("B", 0)], 3)
    assert seats(result) == {"A": 0, "B": 0}
    assert result.quotient is None
    assert result.unfilled_seats == 3


@pytest.mark.parametrize(
    ("lists", "n_seats", "rules"),
    [
        ([ListVotes("A", 1)], 0, ("most_votes", "lot")),
        ([ListVotes("A", 1), ListVotes("A", 2)], 1, ("most_votes", "lot")),
        ([ListVotes("A", -1)], 1, ("most_votes", "lot")),
        ([ListVotes("A", 1)], 1, ("lot", "most_votes")),
        ([ListVotes("A", 1)], 1, ("oldest",)),
        ([ListVotes("A", 1)], 1, ("lot", "lot")),
    ],
)
def test_invalid_definitions_are_refused(
    lists: list[ListVotes], n_seats: int, rules: tuple[str, ...]
) -> None:
    with pytest.raises(InvalidContestDefinitionError):
        compute_seat_allocation("c1", lists, n_seats, tie_breaks=rules)


def test_lot_text_refuses_separator_and_empty_seed() -> None:
    assert compute_lot_text("12", "c", "L1") == "bureau-lot-v1|12|c|L1"
    with pytest.raises(InvalidContestDefinitionError):
        compute_lot_digest("1|2", "c", "L1")
    with pytest.raises(InvalidContestDefinitionError):
        compute_lot_digest("  ", "c", "L1")


def test_allocation_round_trips_through_dict() -> None:
    lists = [ListVotes("A", 400), ListVotes("B", 400), ListVotes("C", 200)]
    result = compute_seat_allocation("c", lists, 3, lot_seed="7")
    assert SeatAllocation.from_dict(result.to_dict()) == result
