"""Filling translated templates: PySide6's ``tr`` returns a Python str, without QString.arg."""

from __future__ import annotations

import re

_PLACE = re.compile(r"%([1-9])")


def fill(template: str, *values: str) -> str:
    """Replace %1…%9 in one pass, so a value containing "%2" is never re-expanded."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return values[number - 1] if number <= len(values) else match.group(0)

    return _PLACE.sub(value, template)
