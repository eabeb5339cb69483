"""Reading the archive's PDFs back as text, and finding the figures in them.

The PV is drawn by reportlab with the French formatting of
:mod:`ceremony.report.frtext`; pypdf gives back its text cell by cell. Spaces
and line breaks depend on the layout (a long list name wraps), so texts are
compared with every blank removed.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable, Sequence
from fractions import Fraction

from pypdf import PdfReader

from ceremony.report.frtext import format_count, format_int, format_percent
from ceremony.tally.results import ContestResult
from ceremony.verify.archive_errors import PdfTextError

_BLANKS = re.compile(r"\s+")
MAX_PAGES = 2000


def squeeze(text: str) -> str:
    """``text`` without any blank (spaces, narrow no-break spaces, line breaks)."""
    return _BLANKS.sub("", text)


def pdf_text(data: bytes, what: str) -> str:
    """The text of a PDF, blanks removed; :class:`PdfTextError` if it cannot be read."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if len(reader.pages) > MAX_PAGES:
            raise PdfTextError(f"{what}: {len(reader.pages)} pages")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfTextError:
        raise
    except Exception as e:  # pypdf raises many kinds of error on a damaged file
        raise PdfTextError(f"{what} unreadable: {type(e).__name__}: {e}") from e
    return squeeze(text)


def contest_tokens(result: ContestResult) -> list[str]:
    """What the PV prints for one contest, in order, blanks removed (ceremony.report.pv)."""
    return [squeeze(t) for t in _tokens(result, readable=False)]


def readable_tokens(result: ContestResult) -> list[str]:
    """The same figures as :func:`contest_tokens`, each spelt out for a reader."""
    return _tokens(result, readable=True)


def _tokens(result: ContestResult, *, readable: bool) -> list[str]:
    alloc = result.allocation
    sep = " : " if readable else ""
    tokens = [
        ("titre du scrutin" + sep if readable else "") + result.title,
        f"Électeurs inscrits{sep}{format_int(result.registered)}",
        f"Votants{sep}{format_int(result.voters_cast)}",
        f"Taux de participation{sep}{format_percent(result.participation)}",
        f"Votes blancs{sep}{format_int(result.blank)}",
        f"Suffrages exprimés{sep}{format_int(result.expressed)}",
        f"Sièges à pourvoir{sep}{format_int(alloc.seats_to_fill)}",
    ]
    by_id = {entry.list_id: entry for entry in alloc.lists}
    for number, lst in enumerate(result.lists, start=1):
        share = Fraction(lst.votes, result.expressed) if result.expressed else Fraction(0)
        seats = by_id.get(lst.list_id)
        quotient = seats.quotient_seats if seats else -1
        average = seats.average_seats if seats else -1
        if readable:
            tokens.append(
                f"liste n° {number} « {lst.name} » : {format_int(lst.votes)} voix, "
                f"{format_percent(share)}, "
                f"{format_count(quotient, 'siège', 'sièges')} au quotient, "
                f"{format_int(average)} à la plus forte moyenne, {format_int(lst.seats)} au total"
            )
        else:
            tokens.append(
                f"{number}{lst.name}{format_int(lst.votes)}{format_percent(share)}"
                f"{format_int(quotient)}{format_int(average)}{format_int(lst.seats)}"
            )
    tokens.append(
        f"Total des suffrages exprimés : {format_int(result.expressed)}"
        if readable
        else f"Total{format_int(result.expressed)}"
    )
    return tokens


def missing_figures(text: str, results: Sequence[ContestResult]) -> list[str]:
    """The figures of ``results`` not found, in order, in ``text`` (blanks removed)."""
    missing: list[str] = []
    position = 0
    for result in results:
        readable = readable_tokens(result)
        for index, token in enumerate(contest_tokens(result)):
            found = text.find(token, position)
            if found < 0:
                # Say it as a reader would: not "1ActionPraticiensHôpital11730,31%112".
                missing.append(f"{result.title} — {readable[index]}")
            else:
                position = found + len(token)
    return missing


def missing_texts(text: str, wanted: Iterable[str]) -> list[str]:
    """Which of ``wanted`` (blanks removed) do not appear in ``text``."""
    return [w for w in wanted if squeeze(w) not in text]
