"""Results per contest and seat allocation.

Public API: :func:`compute_contest_result` / :func:`compute_results` (figures and
seats of each contest from its Belenios result), :func:`compute_seat_allocation`
(quotient then highest average), :mod:`ceremony.tally.lots` (drawing of lots).
"""

from ceremony.tally.common_lists import UnionShare, UnionVotes
from ceremony.tally.results import (
    CandidateList,
    ContestCount,
    ContestDefinition,
    ContestResult,
    ListResult,
    compute_contest_result,
    compute_results,
    results_from_dict,
    results_to_dict,
    verify_contest_result,
)
from ceremony.tally.seats import ListVotes, SeatAllocation, compute_seat_allocation

__all__ = [
    "CandidateList",
    "ContestCount",
    "ContestDefinition",
    "ContestResult",
    "ListResult",
    "ListVotes",
    "SeatAllocation",
    "UnionShare",
    "UnionVotes",
    "compute_contest_result",
    "compute_results",
    "compute_seat_allocation",
    "results_from_dict",
    "results_to_dict",
    "verify_contest_result",
]
