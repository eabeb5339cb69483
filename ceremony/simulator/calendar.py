"""A consistent calendar for simulated ceremonies (demo, training, tests).

A real bureau reads the wall clock: it seals days before the opening and
counts after the closing. A simulated ceremony runs in minutes, so its clock
is a calendar laid over the definition's schedule: each session of the bureau
has its day and starting hour, and every reading of the clock moves a few
seconds on, so acts keep their order. Nothing here reads the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Final

from ceremony.bundles.payloads.definition import Schedule
from ceremony.store.timefmt import PARIS
from ceremony.workflow.phases import Phase

SESSIONS: Final = ("sealing", "vote", "closing", "count")
"""In the order of time: the sealing session (preparation, keys, test vote, seal),
the vote (the bureau's decisions), the urn's reception, and the count session."""

SESSION_OF_PHASE: Final[dict[Phase, str]] = {
    Phase.PREPARATION: "sealing",
    Phase.KEY_CEREMONY: "sealing",
    Phase.TEST_VOTE: "sealing",
    Phase.SEALING: "sealing",
    Phase.VOTE_OPEN: "vote",
    Phase.CLOSED: "closing",
    Phase.EXPERT: "count",
    Phase.COUNT: "count",
    Phase.PV: "count",
    Phase.ARCHIVED: "count",
}


def session_starts(schedule: Schedule) -> dict[str, datetime]:
    """Sealing six days before the opening at 14:00 (Paris); the vote's first reading five
    minutes after the opening; the urn received one hour after closing plus grace; the
    count the next morning at 10:00."""
    opening = schedule.opening.astimezone(PARIS)
    closing = schedule.closing.astimezone(PARIS)
    end = closing + timedelta(minutes=schedule.grace_minutes)
    return {
        "sealing": datetime.combine(opening.date() - timedelta(days=6), time(14), PARIS),
        "vote": opening + timedelta(minutes=5),
        "closing": end + timedelta(hours=1),
        "count": datetime.combine(closing.date() + timedelta(days=1), time(10), PARIS),
    }


class SimulatedCalendar:
    """A clock (``calendar()`` gives the time) over a schedule's sessions.

    The session is entered explicitly (:meth:`enter`) or follows the ceremony's
    phase (``phase``: a callable giving it). The clock never goes back.
    """

    def __init__(
        self,
        schedule: Schedule,
        *,
        phase: Callable[[], Phase] | None = None,
        step: timedelta = timedelta(seconds=15),
        after: datetime | None = None,
    ) -> None:
        self.starts = session_starts(schedule)
        self.phase = phase
        self.step = step
        self.session = "sealing"
        self._last: datetime | None = after
        """A resumed ceremony's clock starts after its journal's last entry."""

    def resume_after(self, moment: datetime | None) -> None:
        """Continue a resumed ceremony after its journal's last entry."""
        self._last = moment

    def advance_to(self, moment: datetime) -> None:
        """The next readings come after ``moment`` (e.g. a platform report received later
        than it was issued); never backwards."""
        if self._last is None or self._last < moment:
            self._last = moment

    def enter(self, session: str) -> datetime:
        """Move to a later session (its starting time); returns that time."""
        if SESSIONS.index(session) < SESSIONS.index(self.session):
            raise ValueError(f"the calendar cannot go back from {self.session} to {session}")
        self.session = session
        return self.starts[session]

    def __call__(self) -> datetime:
        if self.phase is not None:
            wanted = SESSION_OF_PHASE[self.phase()]
            if SESSIONS.index(wanted) > SESSIONS.index(self.session):
                self.session = wanted
        start = self.starts[self.session]
        moment = start if self._last is None or self._last < start else self._last + self.step
        self._last = moment
        return moment


READING_DELAY: Final = timedelta(minutes=7)


def read_report(clock: object, issued_at: datetime) -> None:
    """The bureau reads a platform report (status, urn) a few minutes after it was issued.

    On a simulated calendar, the next readings come after ``issued_at`` plus
    :data:`READING_DELAY` (the engine refuses a status dated after its reception); a
    real clock is left alone. For every simulated front end (demo, GUI training, tests)."""
    if isinstance(clock, SimulatedCalendar):
        clock.advance_to(issued_at + READING_DELAY)
