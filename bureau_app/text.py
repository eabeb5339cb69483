"""Filling translated templates: PySide6's ``tr`` returns a Python str, without QString.arg."""

from __future__ import annotations

import re

_PLACE = re.compile(r"%([1-9])")

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
# French typography: no line break before ":" ";" "!" "?" "%" "»", after "«", and
# between a number and what it counts ("12 bulletins", "10 h 12", "1 843").
_BEFORE = re.compile(r" ([:;!?»])")
_PERCENT = re.compile(r" %")
_AFTER = re.compile(r"« ")
_NUMBER = re.compile(r"(\d) (?=\w)")
_HOUR = re.compile(r"(\d) h (?=\d)")


def fill(template: str, *values: str) -> str:
    """Replace %1…%9 in one pass, so a value containing "%2" is never re-expanded."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return values[number - 1] if number <= len(values) else match.group(0)

    return _PLACE.sub(value, template)


def typeset(text: str) -> str:
    """``text`` with non-breaking spaces where French typography wants them.

    Applied to what the interface shows, so that "10 h 12" or "12 bulletins"
    is never split over two lines; harmless in English.
    """
    text = _HOUR.sub(r"\1" + NBSP + "h" + NBSP, text)
    text = _NUMBER.sub(r"\1" + NBSP, text)
    text = _PERCENT.sub(NARROW_NBSP + "%", text)
    text = _BEFORE.sub(NBSP + r"\1", text)
    return _AFTER.sub("«" + NBSP, text)


_COUNTED = re.compile(r"(\d[\d\u00a0\u202f,.]*)|(\w+)\(s\)")


def resolve_plurals(text: str, *, zero_is_plural: bool = False) -> str:
    """ "3 bulletin(s) vérifié(s)" → "3 bulletins vérifiés", "1 scrutin(s)" → "1 scrutin".

    Each "(s)" follows the last number written before it: 0 and 1 take the
    singular, as in French ("0 intervention"); larger numbers the plural.
    ``zero_is_plural``: English ("0 interventions").
    """
    singular_up_to = 0 if zero_is_plural else 1
    last = 2
    parts: list[str] = []
    position = 0
    for match in _COUNTED.finditer(text):
        parts.append(text[position : match.start()])
        position = match.end()
        number, word = match.group(1), match.group(2)
        if number is not None:
            digits = re.sub(r"\D", "", number.split(",")[0])
            last = int(digits) if digits else last
            parts.append(number)
        else:
            singular = last == 1 or (last == 0 and singular_up_to == 1)
            parts.append(word if singular else word + "s")
    parts.append(text[position:])
    return "".join(parts)
