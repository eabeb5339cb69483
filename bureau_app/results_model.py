"""Results as the adapter hands them to the views: plain numbers, no computation of seats here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ListResult:
    name: str
    votes: int
    seats: int | None = None  # None until the allocation is computed


@dataclass(frozen=True)
class TieNote:
    """A tie on the highest average for the last seat(s), and the rule that broke it.

    ``decided_by``: ``most_votes``, ``most_candidates`` or ``lot`` (a drawing of lots).
    """

    tied: tuple[str, ...]  # the lists' names
    winners: tuple[str, ...]
    places: int
    decided_by: str
    drawn: tuple[str, ...] = ()  # the lists that took part in the drawing of lots, if any


@dataclass(frozen=True)
class ContestResult:
    """One scrutin: registered (inscrits), voters_cast (votants), blank (blancs), per list."""

    title: str
    registered: int
    voters_cast: int
    blank: int
    lists: Sequence[ListResult]
    ties: Sequence[TieNote] = ()

    @property
    def expressed(self) -> int:
        """Suffrages exprimés: the votes that went to a list."""
        return sum(entry.votes for entry in self.lists)

    def share(self, entry: ListResult) -> float:
        """Share of the expressed votes, 0 when nothing was expressed."""
        return entry.votes / self.expressed if self.expressed else 0.0
