"""The belenios-tool fixture really runs the real tool."""

from __future__ import annotations

import pytest

from tests.conftest import BeleniosTool


@pytest.mark.belenios
def test_belenios_tool_generates_a_token(belenios: BeleniosTool) -> None:
    token = belenios.run(["setup", "generate-token"]).strip()
    # A Belenios token is 14 characters of its Base58 alphabet.
    assert len(token) == 14
    assert set(token) <= set("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
