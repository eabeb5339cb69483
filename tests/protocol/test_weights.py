"""Weights and counts written as belenios-tool writes them (integers, strings when large)."""

from __future__ import annotations

import pytest

from ceremony.protocol.decryption import ElectionResult
from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.serialization import loads
from ceremony.protocol.tally import SizedEncryptedTally
from ceremony.protocol.weights import MAX_JSON_INT, parse_weight, weight_json


def test_large_weights_are_strings_small_ones_integers() -> None:
    assert weight_json(MAX_JSON_INT) == MAX_JSON_INT
    assert weight_json(MAX_JSON_INT + 1) == str(MAX_JSON_INT + 1)
    sized = SizedEncryptedTally(3, 7_000_000_003, "ab" * 32)
    assert b'"total_weight":"7000000003"' in sized.to_bytes()
    assert SizedEncryptedTally.from_bytes(sized.to_bytes()) == sized
    result = ElectionResult(((1, 7_000_000_000, 2),))
    assert result.to_bytes() == b'{"result":[[1,"7000000000",2]]}'
    assert ElectionResult.from_dict(loads(result.to_bytes())) == result


@pytest.mark.parametrize("bad", [-1, True, "07", "1e3", 1.5, None])
def test_malformed_weights_are_refused(bad: object) -> None:
    with pytest.raises(MalformedDataError):
        parse_weight(bad)
