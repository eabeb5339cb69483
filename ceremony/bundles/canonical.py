"""JSON in and out of bundles: strict parsing and RFC 8785 canonical bytes.

Two serializers, as in python-tuf: the exchange form (what is written in the
zip, pretty or not) and the canonical form (RFC 8785 / JCS, the only bytes ever
signed). The canonical form comes from the ``rfc8785`` package.

Parsing is strict because a signed manifest must have one meaning: duplicate
keys, NaN/Infinity, non-UTF-8 bytes and floats are refused (RFC 8785 would
accept floats, but no bundle field is a float and float round trips are a
classic source of "same JSON, different bytes").
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from ceremony.bundles.errors import PayloadBuildError
from ceremony.errors import CeremonyError

JsonValue = Any
"""A JSON value as ``json`` returns it (dict, list, str, int, bool, None)."""

MAX_JSON_DEPTH = 64


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"non-finite number {name}")


def _no_float(text: str) -> Any:
    raise ValueError("floating-point numbers are not allowed")


MAX_SAFE_INTEGER = 2**53 - 1
"""RFC 8785 serialises numbers as IEEE 754 doubles: larger integers are refused."""


def _safe_int(text: str) -> int:
    # Length first: int() of a huge digit string is itself a denial of service.
    if len(text.lstrip("-")) > 16 or abs(value := int(text)) > MAX_SAFE_INTEGER:
        raise ValueError("integer outside the I-JSON safe range")
    return value


def _depth(value: JsonValue, limit: int) -> int:
    # Iterative so a hostile document cannot exhaust the interpreter stack.
    deepest = 0
    stack: list[tuple[JsonValue, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
    return deepest


def parse_json(data: bytes, error: type[CeremonyError], what: str) -> JsonValue:
    """Parse UTF-8 JSON strictly; any failure becomes ``error`` naming ``what``."""
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_no_float,
            parse_int=_safe_int,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise error(f"{what}: not strict UTF-8 JSON ({type(exc).__name__}: {exc})") from exc
    if _depth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise error(f"{what}: JSON nested deeper than {MAX_JSON_DEPTH}")
    return value


def canonical_bytes(value: JsonValue) -> bytes:
    """RFC 8785 canonical bytes of a JSON value (what signatures cover)."""
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise PayloadBuildError(f"not canonicalisable JSON: {type(exc).__name__}") from exc


def exchange_bytes(value: JsonValue) -> bytes:
    """The bytes written to a bundle: canonical too, so writing is deterministic."""
    return canonical_bytes(value)
