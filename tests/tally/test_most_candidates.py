"""The public-service tie-break after "most votes": the list that presented the most
candidates, then lots (worked examples by hand)."""

from __future__ import annotations

import pytest

from ceremony.tally.errors import LotDrawRequiredError
from ceremony.tally.seats import ListVotes, compute_seat_allocation


def test_equal_votes_then_most_candidates_wins() -> None:
    # 1000 exprimés, 3 seats, quotient 333.3: A 400 -> 1, B 400 -> 1, C 200 -> 0.
    # Last seat: A 400/2 = B 400/2 = C 200 tie; A and B have equal votes; B presented
    # 6 candidates, A 4: B wins the seat without a drawing of lots.
    lists = [ListVotes("A", 400, 4), ListVotes("B", 400, 6), ListVotes("C", 200, 8)]
    rules = ("most_votes", "most_candidates", "lot")
    result = compute_seat_allocation("c1", lists, 3, tie_breaks=rules)
    assert {e.list_id: e.seats for e in result.lists} == {"A": 1, "B": 2, "C": 0}
    (tie,) = result.ties
    assert tie.decided_by == "most_candidates"
    assert tie.winners == ("B",)


def test_equal_votes_and_candidates_still_need_lots() -> None:
    lists = [ListVotes("A", 400, 6), ListVotes("B", 400, 6), ListVotes("C", 200, 8)]
    rules = ("most_votes", "most_candidates", "lot")
    with pytest.raises(LotDrawRequiredError) as caught:
        compute_seat_allocation("c1", lists, 3, tie_breaks=rules)
    assert caught.value.tied_lists == ("A", "B")


def test_without_the_rule_candidates_do_not_decide() -> None:
    lists = [ListVotes("A", 400, 4), ListVotes("B", 400, 6), ListVotes("C", 200, 8)]
    with pytest.raises(LotDrawRequiredError):
        compute_seat_allocation("c1", lists, 3, tie_breaks=("most_votes", "lot"))
