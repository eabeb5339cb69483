"""The tally's view of a contest of the election definition (bundles → tally)."""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from ceremony.bundles.payloads.definition import Contest
from ceremony.tally.common_lists import UnionShare
from ceremony.tally.results import CandidateList, ContestDefinition
from ceremony.tally.seats import verify_tie_breaks

TIE_BREAK_NAMES: Final = {"drawing_of_lots": "lot"}
"""The definition's tie-break names where the tally names them otherwise."""


def contest_definition(contest: Contest) -> ContestDefinition:
    """Lists in the drawn order, each union's share of a common list as an exact fraction."""
    return ContestDefinition(
        contest_id=contest.contest_uuid,
        title=contest.name,
        seats=contest.seats,
        lists=tuple(
            CandidateList(
                c.list_id,
                c.name,
                tuple(
                    UnionShare(u.name, Fraction(u.share, sum(x.share for x in c.unions)))
                    for u in c.unions
                ),
                len(c.candidates),
            )
            for c in contest.lists
        ),
        tie_breaks=verify_tie_breaks(
            [TIE_BREAK_NAMES.get(rule, rule) for rule in contest.seat_rule.tie_breaks]
        ),
    )
