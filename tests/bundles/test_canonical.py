"""Strict JSON parsing and RFC 8785 canonical bytes."""

from __future__ import annotations

import pytest

from ceremony.bundles.canonical import canonical_bytes, parse_json
from ceremony.bundles.errors import ManifestSchemaError


def test_canonical_bytes_sort_keys_and_strip_whitespace() -> None:
    assert (
        canonical_bytes({"b": 1, "a": [True, None, "é"]}) == '{"a":[true,null,"é"],"b":1}'.encode()
    )


def test_canonical_bytes_follow_rfc8785_key_order_by_utf16() -> None:
    # RFC 8785 §3.2.3 sorts by UTF-16 code units: U+20AC (€) before U+1F600 (surrogates D83D...).
    assert canonical_bytes({"\U0001f600": 1, "€": 2}) == '{"€":2,"\U0001f600":1}'.encode()


@pytest.mark.parametrize(
    "text",
    [
        b'{"a": 1, "a": 2}',
        b'{"a": NaN}',
        b'{"a": 1.5}',
        b"\xff\xfe{}",
        b'{"a": ',
        b"[" * 100 + b"]" * 100,
        b"[" * 100_000,
    ],
)
def test_parse_json_refuses_ambiguous_or_hostile_input(text: bytes) -> None:
    with pytest.raises(ManifestSchemaError):
        parse_json(text, ManifestSchemaError, "manifest.json")


def test_parse_json_accepts_plain_json() -> None:
    assert parse_json(b'{"a": [1, "x", null]}', ManifestSchemaError, "m") == {"a": [1, "x", None]}
