"""Hashes of §4.4, §4.15 and the hash to Zq of the proofs, checked on belenios-tool output."""

from __future__ import annotations

import hashlib
import json

import pytest

from ceremony.protocol.group import BELENIOS_2048, RFC_3526_2048, Group, get_group
from ceremony.protocol.hashing import hash_to_int, hash_to_zq, join_numbers, sha256_b64, sha256_hex
from ceremony.protocol.serialization import dumps
from tests.conftest import BeleniosTool


def test_known_values() -> None:
    assert sha256_hex(b"") == hashlib.sha256(b"").hexdigest()
    # Base64 without padding: 43 characters for 32 bytes.
    assert sha256_b64(b"") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"
    assert hash_to_int("abc") == int(hashlib.sha256(b"abc").hexdigest(), 16)
    assert hash_to_zq(BELENIOS_2048, "abc") == hash_to_int("abc") % BELENIOS_2048.q
    assert join_numbers([1, 22, 333]) == "1,22,333"


@pytest.mark.belenios
@pytest.mark.parametrize("group", [BELENIOS_2048, RFC_3526_2048], ids=lambda g: g.name)
def test_trustee_proof_of_knowledge_of_belenios_tool_checks(
    belenios: BeleniosTool, group: Group
) -> None:
    # §4.5: challenge = SHA256(pok|G|X|A) mod q, with A = g^response * X^challenge.
    belenios.run(["setup", "generate-trustee-key", "--group", group.name])
    (pubkey,) = belenios.workdir.glob("*.pubkey")
    key = json.loads(pubkey.read_text())
    x = group.parse_element(key["public_key"])
    challenge = group.parse_scalar(key["pok"]["challenge"])
    response = group.parse_scalar(key["pok"]["response"])
    a = group.mul(group.g_pow(response), group.pow(x, challenge))
    assert hash_to_zq(group, f"pok|{group.name}|{x}|{a}") == challenge
    assert hash_to_zq(group, f"pok|{group.name}|{x}|{a * 1 + 1}") != challenge


@pytest.mark.belenios
def test_credentials_fingerprint_is_sha256_b64(belenios: BeleniosTool) -> None:
    out = belenios.run(["setup", "generate-credentials", "--uuid", "tjQW2b734cduTo",
                        "--group", "BELENIOS-2048", "--count", "2"])  # fmt: skip
    (pub,) = belenios.workdir.glob("*.pubcreds")
    # The fingerprint is that of the list as published in the archive (§4.8):
    # credentials alone when no weight is used, without the voters' ids.
    published = [entry.split(",")[0] for entry in json.loads(pub.read_text())]
    assert out.strip().split()[-1] == sha256_b64(dumps(published))
    assert get_group("BELENIOS-2048") is BELENIOS_2048
