"""Weights and counts as Belenios writes them: JSON integers, or decimal strings when large.

belenios-tool (2.0 and 3.3) writes a weight, a total weight or a count as a
JSON integer up to 2^30 - 1 (OCaml's 31-bit ``int``) and as a base-10 string
above (``"total_weight":"100000000000"``); it reads both forms.
"""

from __future__ import annotations

from typing import Any

from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.serialization import parse_number

MAX_JSON_INT = 2**30 - 1
"""The largest weight belenios-tool writes as a JSON integer (``max_int31``)."""


def parse_weight(value: object, what: str = "weight") -> int:
    """A natural number written as a JSON integer or a canonical base-10 string."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise MalformedDataError(f"{what} is negative")
        return value
    if isinstance(value, str):
        return int(parse_number(value, what))
    raise MalformedDataError(f"{what} must be a JSON integer or a base-10 string")


def weight_json(value: int) -> Any:
    """``value`` as belenios-tool writes it: an integer up to 2^30 - 1, else a string."""
    return value if value <= MAX_JSON_INT else str(value)
