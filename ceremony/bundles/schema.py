"""Small schema readers shared by the manifest and the payload models.

Each reader takes the error class to raise, so the same code yields a
``ManifestSchemaError`` for the manifest and a ``PayloadSchemaError`` for a
payload. Objects are closed: an unknown key is an error, because a signed
document must not carry fields that nobody checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Final, TypeVar
from zoneinfo import ZoneInfo

from ceremony.errors import CeremonyError

T = TypeVar("T")

ID_RE: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""Bureau, member, list and contest ids (Belenios uuids are Base58, a subset)."""

SHA256_RE: Final = re.compile(r"[0-9a-f]{64}")
FINGERPRINT_RE: Final = re.compile(r"[A-Za-z0-9+/]{43}")
"""Belenios election fingerprint: unpadded Base64 of a SHA-256 (spec §4.15)."""

UUID_RE: Final = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

PARIS: Final = ZoneInfo("Europe/Paris")
UTC_FORMAT: Final = "%Y-%m-%dT%H:%M:%SZ"

MAX_TEXT: Final = 10_000
MIN_YEAR: Final = 2000
MAX_YEAR: Final = 2200
"""Times outside these years are refused (and cannot overflow on conversion)."""


class Reader:
    """Reads fields of one JSON object, raising ``error`` with a path in the cause."""

    def __init__(self, data: Any, error: type[CeremonyError], where: str) -> None:
        if not isinstance(data, dict):
            raise error(f"{where}: expected an object, got {type(data).__name__}")
        self.data: dict[str, Any] = data
        self.error = error
        self.where = where

    def fail(self, why: str) -> CeremonyError:
        return self.error(f"{self.where}: {why}")

    def keys(self, required: set[str], optional: frozenset[str] = frozenset()) -> None:
        present = set(self.data)
        if missing := required - present:
            raise self.fail(f"missing {sorted(missing)}")
        if unknown := present - required - optional:
            raise self.fail(f"unknown {sorted(unknown)[:5]}")

    def child(self, key: str) -> Reader:
        return Reader(self.data.get(key), self.error, f"{self.where}.{key}")

    def text(self, key: str, *, pattern: re.Pattern[str] | None = None, empty: bool = False) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or (not value and not empty) or len(value) > MAX_TEXT:
            raise self.fail(f"{key} must be a non-empty string")
        if pattern is not None and not pattern.fullmatch(value):
            raise self.fail(f"{key} has the wrong format")
        return value

    def optional_text(self, key: str) -> str | None:
        return None if self.data.get(key) is None else self.text(key)

    def integer(self, key: str, *, minimum: int = 0, maximum: int = 2**53 - 1) -> int:
        value = self.data.get(key)
        # bool is an int in Python; JSON true is not a count.
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"{key} must be an integer")
        if not minimum <= value <= maximum:
            raise self.fail(f"{key} out of range [{minimum}, {maximum}]")
        return value

    def boolean(self, key: str) -> bool:
        value = self.data.get(key)
        if not isinstance(value, bool):
            raise self.fail(f"{key} must be a boolean")
        return value

    def choice(self, key: str, allowed: frozenset[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.fail(f"{key} must be one of {sorted(allowed)}")
        return value

    def items(self, key: str, *, max_items: int = 100_000) -> list[Any]:
        value = self.data.get(key)
        if not isinstance(value, list) or len(value) > max_items:
            raise self.fail(f"{key} must be a list of at most {max_items} items")
        return value

    def objects(
        self, key: str, parse: Callable[[Reader], T], *, max_items: int = 100_000
    ) -> tuple[T, ...]:
        return tuple(
            parse(Reader(item, self.error, f"{self.where}.{key}[{i}]"))
            for i, item in enumerate(self.items(key, max_items=max_items))
        )

    def texts(
        self, key: str, *, pattern: re.Pattern[str] | None = None, unique: bool = True
    ) -> tuple[str, ...]:
        values = self.items(key)
        for value in values:
            if not isinstance(value, str) or (pattern is not None and not pattern.fullmatch(value)):
                raise self.fail(f"{key} must hold strings of the right format")
        if unique and len(set(values)) != len(values):
            raise self.fail(f"{key} has duplicates")
        return tuple(values)

    def utc_time(self, key: str) -> datetime:
        value = self.text(key)
        try:
            moment = datetime.strptime(value, UTC_FORMAT).replace(tzinfo=UTC)
        except ValueError as exc:
            raise self.fail(f"{key} is not a UTC time like 2024-12-02T09:00:00Z") from exc
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            raise self.fail(f"{key} is outside {MIN_YEAR}-{MAX_YEAR}")
        return moment

    def paris_time(self, key: str) -> datetime:
        """A local time in Europe/Paris written with its offset, e.g. 2024-12-02T09:00:00+01:00."""
        value = self.text(key)
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError as exc:
            raise self.fail(f"{key} is not an ISO 8601 time") from exc
        if parsed.tzinfo is None or parsed.microsecond:
            raise self.fail(f"{key} must carry its UTC offset and whole seconds")
        # Checked before converting: converting year 1 or 9999 across offsets overflows.
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise self.fail(f"{key} is outside {MIN_YEAR}-{MAX_YEAR}")
        local = parsed.astimezone(PARIS)
        if local.utcoffset() != parsed.utcoffset():
            raise self.fail(f"{key} offset is not the Europe/Paris offset at that time")
        return local


def unique(values: list[str] | tuple[str, ...], error: type[CeremonyError], what: str) -> None:
    if len(set(values)) != len(values):
        raise error(f"{what}: duplicate ids")


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(UTC_FORMAT)


def paris_text(moment: datetime) -> str:
    return moment.astimezone(PARIS).isoformat()
