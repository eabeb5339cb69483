"""French formatting of dates, times and figures for the printed documents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from fractions import Fraction
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ceremony.report.errors import InvalidReportDataError
from ceremony.tally.common_lists import format_decimal

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def _paris() -> tzinfo | None:
    try:
        return ZoneInfo("Europe/Paris")
    except ZoneInfoNotFoundError:
        # No time-zone database (some frozen builds): keep the offset we were given.
        return None


def to_paris(moment: datetime) -> datetime:
    """The texts give every time in Paris time; naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidReportDataError(f"naive datetime {moment.isoformat()}")
    zone = _paris()
    return moment.astimezone(zone) if zone is not None else moment


def format_date(moment: datetime) -> str:
    """``2 juillet 2019``."""
    local = to_paris(moment)
    day = "1er" if local.day == 1 else str(local.day)
    return f"{day} {MONTHS[local.month - 1]} {local.year}"


def format_time(moment: datetime) -> str:
    """``17 h 20`` (no-break spaces: never cut across lines)."""
    local = to_paris(moment)
    return f"{local.hour}\u00a0h\u00a0{local.minute:02d}"


def format_datetime(moment: datetime) -> str:
    """``2 juillet 2019 à 17 h 20``."""
    return f"{format_date(moment)} à {format_time(moment)}"


def plural(count: int, one: str, many: str) -> str:
    """French agreement: 0 and 1 take the singular."""
    return one if abs(count) < 2 else many


def join_and(items: Sequence[str]) -> str:
    """``A``, ``A et B``, ``A, B et C``: a French enumeration."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} et {items[-1]}"


def format_count(count: int, one: str, many: str) -> str:
    """``1 429 bulletins``, ``0 bulletin``: the figure and its noun never cut apart."""
    return f"{format_int(count)}\u00a0{plural(count, one, many)}"


NBSP = "\u00a0"
NNBSP = "\u202f"


def french_spacing(text: str) -> str:
    """No-break spaces before ``: ; ! ?`` and inside « guillemets » (French typography)."""
    for mark, space in ((" :", NBSP + ":"), (" ;", NNBSP + ";"), (" !", NNBSP + "!")):
        text = text.replace(mark, space)
    text = text.replace(" ?", NNBSP + "?").replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    # reportlab breaks lines at U+202F but never at U+00A0: "1 000" stays whole.
    return text.replace(NNBSP, NBSP)


def format_int(value: int) -> str:
    """``94 012`` (narrow no-break space between thousands)."""
    return format_decimal(Fraction(value), 0)


def format_percent(value: Fraction) -> str:
    """A ratio as a percentage with two decimals, half rounded up: ``28,49 %``."""
    return format_decimal(value * 100, 2) + "\u202f%"


def agree(civility: str, masculine: str, feminine: str, neutral: str) -> str:
    """The word agreed with a member's civility ("Mme", "M."); without one (older
    definitions), a neutral wording rather than "Présent(e)"."""
    if civility == "Mme":
        return feminine
    if civility == "M.":
        return masculine
    return neutral
