"""Time as the journal keeps it (UTC, fixed text form) and as people read it (Paris)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

# The stored text is part of the hashed entry: one fixed form, always UTC,
# always microseconds, so the same instant always gives the same bytes.
_STORED_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_stored_time(moment: datetime) -> str:
    """The canonical UTC text of an aware datetime (naive ones are refused)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("journal times must be timezone-aware")
    return moment.astimezone(UTC).strftime(_STORED_FORMAT)


def from_stored_time(text: str) -> datetime:
    return datetime.strptime(text, _STORED_FORMAT).replace(tzinfo=UTC)


def format_paris(moment: datetime) -> str:
    """The time a bureau member reads: Paris local time, French order, zone named."""
    local = moment.astimezone(PARIS)
    return local.strftime("%d/%m/%Y %H:%M:%S ") + (local.tzname() or "Europe/Paris")
