"""Base58 strings of Belenios (§4.2 uuid, §4.6.1 seeds, §4.8 credentials).

Public API:

- ``ALPHABET``: ``123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz``.
- ``digit_value(char) -> int``: 1 is 0, 2 is 1, ..., z is 57 (§4.8).
- ``decode_int(text) -> int``: a Base58 string as a big-endian number (§4.8).
- ``random_string(length, rng) -> str``: uniform Base58 characters (seeds, tokens).
- ``make_uuid(rng) -> str``: a fresh election uuid of 14 characters, as
  ``belenios-tool setup generate-token`` makes them (§3.1 step 2, §4.2).
- ``check_uuid(text) -> str``: ``text`` if it is a valid uuid (Base58, at least
  14 characters, §4.2), else ``MalformedDataError``.
"""

from __future__ import annotations

import random
import secrets

from ceremony.protocol.errors import MalformedDataError

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
UUID_LENGTH = 14

_VALUES = {char: index for index, char in enumerate(ALPHABET)}
_SYSTEM_RANDOM = secrets.SystemRandom()


def digit_value(char: str) -> int:
    """The value of one Base58 digit: 1 is 0, 2 is 1, ..., z is 57 (§4.8)."""
    try:
        return _VALUES[char]
    except KeyError:
        raise MalformedDataError(f"{char!r} is not a Base58 character") from None


def decode_int(text: str) -> int:
    """Read ``text`` as a big-endian base-58 number (§4.8)."""
    value = 0
    for char in text:
        value = value * 58 + digit_value(char)
    return value


def random_string(length: int, rng: random.Random | None = None) -> str:
    """``length`` uniform Base58 characters (§4.6.1 seeds, §4.8 credentials)."""
    source = rng if rng is not None else _SYSTEM_RANDOM
    return "".join(ALPHABET[source.randrange(58)] for _ in range(length))


def make_uuid(rng: random.Random | None = None) -> str:
    """A fresh election uuid: 14 random Base58 characters (§3.1, §4.2)."""
    return random_string(UUID_LENGTH, rng)


def check_uuid(text: object) -> str:
    """``text`` if it is a uuid: Base58 characters, at least 14 of them (§4.2)."""
    if not isinstance(text, str) or len(text) < UUID_LENGTH or not set(text) <= _VALUES.keys():
        raise MalformedDataError("the election uuid is not a Base58 string of 14+ characters")
    return text
