"""Compact JSON and numbers exactly as belenios-tool writes them (§4.1–4.2)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.serialization import dumps, format_number, loads, parse_number
from tests.conftest import BeleniosTool


def test_dumps_is_compact_and_keeps_field_order() -> None:
    assert dumps({"b": 1, "a": ["x", True, None]}) == b'{"b":1,"a":["x",true,null]}'


def test_dumps_escapes_like_yojson() -> None:
    text = 'é/"\\ \n\t\x01\x7f \u2028 \U0001f600'
    assert dumps(text) == '"é/\\"\\\\ \\n\\t\\u0001\\u007f \u2028 \U0001f600"'.encode()


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda c: st.lists(c) | st.dictionaries(st.text(), c)))  # fmt: skip
def test_dumps_round_trips(value: object) -> None:
    assert loads(dumps(value)) == value


def test_loads_refuses_bad_json() -> None:
    with pytest.raises(MalformedDataError):
        loads(b'{"a":')


@given(st.integers(min_value=0, max_value=2**2048))
def test_numbers_round_trip(n: int) -> None:
    assert parse_number(format_number(n)) == n


@pytest.mark.belenios
def test_dumps_reproduces_an_election_file_of_belenios_tool(belenios: BeleniosTool) -> None:
    from tests.protocol.tool_election import homomorphic_template, make_tool_election

    template = homomorphic_template()
    template["description"] = 'Scrutin « test » é/"\\ \n\t\x01\x7f \u2028 \U0001f600'
    election = make_tool_election(belenios, template, voters=1)
    parsed = json.loads(election.election_bytes)
    assert parsed["description"] == template["description"]
    assert dumps(parsed) == election.election_bytes
