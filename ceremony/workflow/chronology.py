"""The order of time in the record (arrêté of 16 April 2019, art. 15, 19–21).

Pure rules over times, shared by the engine (which refuses an impossible act)
and the verifier (which flags an impossible record): the seal before the
opening, platform statuses inside the vote, the bureau's decisions inside the
vote, no ballot after closing plus the grace period (art. 20: nobody starts a
vote after the closing hour; a voter already connected may finish), none
while the vote is suspended or after it is stopped, and the count only after
closing plus grace. Each broken rule has its own named error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ceremony.bundles.payloads.definition import Schedule
from ceremony.report.frtext import format_datetime
from ceremony.workflow.errors import LateBallotError, WorkflowError


class ChronologyError(WorkflowError):
    default_message = (
        "La chronologie est impossible : un acte est daté hors de la période où il peut "
        "avoir lieu. Rien n'est enregistré."
    )


class SealAfterOpeningError(ChronologyError):
    default_message = (
        "Le scellement doit avoir lieu avant l'ouverture du vote : l'heure d'ouverture est "
        "passée, le scellement est refusé."
    )


class StatusOutsideVoteError(ChronologyError):
    default_message = (
        "L'état du vote transmis par la plateforme est daté hors de la période de vote "
        "(ou son état ne correspond pas à son heure) : il est refusé."
    )


class DecisionOutsideVoteError(ChronologyError):
    default_message = (
        "Une suspension, une reprise ou un arrêt du vote ne se décide que pendant le vote, "
        "entre l'ouverture et la clôture."
    )


class BallotAfterClosingError(ChronologyError, LateBallotError):
    default_message = (
        "Des votes sont datés après l'heure de clôture augmentée du délai de grâce, ou "
        "avant l'ouverture : l'urne n'est pas acceptée."
    )


class BallotDuringSuspensionError(ChronologyError):
    default_message = (
        "Des votes sont datés d'une période où le bureau avait suspendu ou arrêté le vote : "
        "l'urne n'est pas acceptée."
    )


class CountBeforeClosingError(ChronologyError):
    default_message = (
        "Le dépouillement ne peut commencer qu'après la clôture du vote et la fin du délai "
        "de grâce."
    )


class UrnBeforeClosingError(ChronologyError):
    default_message = (
        "L'urne close ne peut être reçue qu'après la clôture du vote et la fin du délai de "
        "grâce, à l'heure de ce poste : l'urne présentée est datée d'un moment à venir, ou "
        "l'horloge de ce poste est fausse. Rien n'a été importé."
    )


def vote_end(schedule: Schedule) -> datetime:
    """Closing plus the grace period: the last moment a ballot may be accepted."""
    return schedule.closing + timedelta(minutes=schedule.grace_minutes)


def check_seal_time(sealed_at: datetime, schedule: Schedule) -> None:
    if sealed_at >= schedule.opening:
        raise SealAfterOpeningError(
            f"seal at {sealed_at.isoformat()}, opening at {schedule.opening.isoformat()}"
        )


OPEN_STATES = frozenset({"open", "suspended", "stopped"})


def check_status_time(as_of: datetime, state: str, schedule: Schedule) -> None:
    """A status says what the vote is at its time: not open before the opening, open
    (or suspended, stopped) between the opening and closing plus grace, closed after."""
    end = vote_end(schedule)
    if state == "not_open":
        ok = as_of < schedule.opening
    elif state == "closed":
        ok = as_of >= schedule.closing
    else:
        ok = schedule.opening <= as_of <= end
    if not ok:
        raise StatusOutsideVoteError(
            f"status {state!r} as of {as_of.isoformat()}; vote from "
            f"{schedule.opening.isoformat()} to {end.isoformat()} (closing plus grace)"
        )


def check_decision_time(decided_at: datetime, schedule: Schedule) -> None:
    if not schedule.opening <= decided_at <= schedule.closing:
        raise DecisionOutsideVoteError(
            f"decision at {decided_at.isoformat()}; vote from {schedule.opening.isoformat()} "
            f"to {schedule.closing.isoformat()}"
        )


def check_urn_received(received_at: datetime, frozen_at: datetime, schedule: Schedule) -> None:
    """The closed urn arrives after closing plus grace, and was frozen before it arrived."""
    if received_at < vote_end(schedule) or frozen_at > received_at:
        raise UrnBeforeClosingError(
            f"urn received at {received_at.isoformat()}, frozen at {frozen_at.isoformat()}; "
            f"vote ends at {vote_end(schedule).isoformat()} (closing plus grace)"
        )


def check_count_time(counted_at: datetime, schedule: Schedule) -> None:
    if counted_at < vote_end(schedule):
        raise CountBeforeClosingError(
            f"count at {counted_at.isoformat()}, before closing plus grace "
            f"{vote_end(schedule).isoformat()}"
        )


def check_ballot_times(times: Iterable[datetime], schedule: Schedule) -> None:
    end = vote_end(schedule)
    late = early = 0
    for at in times:
        if at > end:
            late += 1
        elif at < schedule.opening:
            early += 1
    if late or early:
        raise BallotAfterClosingError(
            f"{late} {'vote' if late == 1 else 'votes'} after closing plus "
            f"{schedule.grace_minutes} min, "
            f"{early} before opening"
        )


@dataclass(frozen=True)
class Interruption:
    """A period when no ballot may be accepted: from a suspension to its resumption
    (``until`` None: never resumed), or from a stop on."""

    decision: str
    since: datetime
    until: datetime | None

    def contains(self, at: datetime) -> bool:
        return self.since <= at and (self.until is None or at < self.until)

    def describe(self) -> str:
        """French period with its preposition ("pendant la suspension du …"), heure de Paris."""
        start = format_datetime(self.since)
        if self.decision == "stop":
            return f"après l’arrêt du vote le {start}"
        if self.until is None:
            return f"depuis la suspension du {start}, sans reprise"
        return f"pendant la suspension du {start} au {format_datetime(self.until)}"


def interruptions(decisions: Sequence[tuple[datetime, str]]) -> list[Interruption]:
    """The periods without voting, from the bureau's decisions in order."""
    out: list[Interruption] = []
    suspended: datetime | None = None
    for at, decision in decisions:
        if decision == "suspend":
            suspended = at
        elif decision == "resume" and suspended is not None:
            out.append(Interruption("suspend", suspended, at))
            suspended = None
        elif decision == "stop":
            if suspended is not None:
                out.append(Interruption("suspend", suspended, at))
                suspended = None
            out.append(Interruption("stop", at, None))
    if suspended is not None:
        out.append(Interruption("suspend", suspended, None))
    return out


def check_ballots_outside_interruptions(
    times: Iterable[datetime], periods: Sequence[Interruption]
) -> None:
    if not periods:
        return
    inside = [at for at in times if any(p.contains(at) for p in periods)]
    if inside:
        raise BallotDuringSuspensionError(
            f"{len(inside)} {'vote' if len(inside) == 1 else 'votes'} during "
            f"{[p.describe() for p in periods]}; "
            f"first at {min(inside).isoformat()}"
        )


class StatusAfterReceptionError(ChronologyError):
    default_message = (
        "L'état du vote est daté après sa réception par le bureau (ou après la signature de "
        "son paquet par la plateforme) : un état ne peut pas décrire un instant à venir. Il "
        "est refusé ; demandez à la plateforme un état correctement daté."
    )


def check_status_received(as_of: datetime, signed_at: datetime, received_at: datetime) -> None:
    """A status describes the vote at ``as_of``: no later than the platform signed its
    bundle, nor than the bureau received it."""
    for what, moment in (("bundle signed", signed_at), ("received", received_at)):
        if as_of > moment:
            raise StatusAfterReceptionError(
                f"status as of {as_of.isoformat()}, {what} at {moment.isoformat()}",
                user_message=(
                    f"{StatusAfterReceptionError.default_message} (état daté du "
                    f"{format_datetime(as_of)}, "
                    + ("paquet signé le " if what == "bundle signed" else "reçu par le bureau le ")
                    + f"{format_datetime(moment)}, heure de Paris)"
                ),
            )
