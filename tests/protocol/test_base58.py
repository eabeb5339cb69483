"""Base58 strings and uuids (§4.2, §4.8)."""

from __future__ import annotations

import random

import pytest

from ceremony.protocol.base58 import ALPHABET, check_uuid, decode_int, digit_value, make_uuid
from ceremony.protocol.errors import MalformedDataError
from tests.conftest import BeleniosTool


def test_digits() -> None:
    assert len(ALPHABET) == 58 and len(set(ALPHABET)) == 58
    assert not set("0OIl") & set(ALPHABET)
    assert digit_value("1") == 0 and digit_value("2") == 1 and digit_value("z") == 57
    assert decode_int("21") == 58
    with pytest.raises(MalformedDataError):
        digit_value("0")


def test_make_uuid_is_a_valid_uuid() -> None:
    uuid = make_uuid(random.Random(1))
    assert len(uuid) == 14 and check_uuid(uuid) == uuid
    assert make_uuid(random.Random(1)) == uuid and make_uuid() != make_uuid()


@pytest.mark.parametrize("bad", ["", "tjQW2b734cduT", "tjQW2b734cduT0", 12345678901234567])
def test_check_uuid_refuses(bad: object) -> None:
    with pytest.raises(MalformedDataError):
        check_uuid(bad)


@pytest.mark.belenios
def test_tokens_of_belenios_tool_are_uuids(belenios: BeleniosTool) -> None:
    token = belenios.run(["setup", "generate-token"]).strip()
    assert check_uuid(token) == token
