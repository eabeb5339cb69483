"""Credentials (§4.8) against belenios-tool's own derivation."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given

from ceremony.protocol.credentials import (
    CredentialList,
    DuplicateCredentialError,
    InvalidCredentialError,
    PublicCredential,
    UnknownCredentialError,
    check_credential,
    credential_format,
    derive_public_credential,
    derive_secret,
    make_credential,
    make_credential_list,
)
from ceremony.protocol.errors import MalformedDataError, NotInSubgroupError
from ceremony.protocol.group import BELENIOS_2048
from ceremony.protocol.serialization import dumps
from ceremony.protocol.version import FORMAT_2_0, FORMAT_3_3
from tests.conftest import BeleniosTool
from tests.protocol.strategies import rngs

UUID = "tjQW2b734cduTo"


@given(rng=rngs())
def test_made_credentials_have_a_valid_checksum(rng: random.Random) -> None:
    credential = make_credential(rng, fmt=FORMAT_2_0)
    assert len(credential) == 19 and check_credential(credential) == credential
    assert check_credential(credential.replace("-", "")) == credential.replace("-", "")


def test_typing_errors_are_caught() -> None:
    credential = make_credential(random.Random(7), fmt=FORMAT_2_0)
    digits = credential.replace("-", "")
    # Changing one character changes the value modulo 53 (58^k is prime to 53).
    swapped = ("2" if digits[0] != "2" else "3") + digits[1:]
    for bad in [swapped, digits[:-1], digits + "1", digits[:5] + "0" + digits[6:], "x" * 19]:
        with pytest.raises(InvalidCredentialError):
            check_credential(bad)


def test_credential_list() -> None:
    group = BELENIOS_2048
    public = [
        derive_public_credential(group, make_credential(random.Random(i)), UUID) for i in range(3)
    ]
    plain = make_credential_list(group, public)
    assert CredentialList.from_json(group, plain.to_json()) == plain
    assert all("," not in entry for entry in json.loads(plain.to_json()))
    weighted = make_credential_list(group, public, [2, 1, 5])
    assert weighted.total_weight == 8 and weighted.weight_of(public[2]) == 5
    assert CredentialList.from_json(group, weighted.to_json()) == weighted
    with pytest.raises(UnknownCredentialError):
        plain.weight_of(group.g)
    with pytest.raises(DuplicateCredentialError):
        CredentialList.from_json(group, dumps([str(public[0]), str(public[0])]))
    with pytest.raises(NotInSubgroupError):
        PublicCredential.from_str(group, str(group.p - 1))
    with pytest.raises(MalformedDataError):
        PublicCredential.from_str(group, f"{public[0]},0")


@pytest.mark.belenios
def test_public_credentials_match_belenios_tool(belenios: BeleniosTool) -> None:
    (belenios.workdir / "voters.txt").write_text("a@example.org,a,3\nb@example.org,b,1\n")
    belenios.run(["setup", "generate-credentials", "--uuid", UUID, "--group", "BELENIOS-2048",
                  "--file", "voters.txt"])  # fmt: skip
    (priv,) = belenios.workdir.glob("*.privcreds")
    (pub,) = belenios.workdir.glob("*.pubcreds")
    private = [line.split()[1] for line in priv.read_text().splitlines()]
    published = json.loads(pub.read_text())  # "<credential>,<weight>,<login>"
    mine = {derive_public_credential(BELENIOS_2048, c, UUID) for c in private}
    assert mine == {int(entry.split(",")[0]) for entry in published}
    for credential in private:
        assert check_credential(credential) == credential
        derived = belenios.run(["setup", "generate-credentials", "--derive", credential,
                                "--uuid", UUID, "--group", "BELENIOS-2048"])  # fmt: skip
        assert int(derived.strip()) == derive_public_credential(BELENIOS_2048, credential, UUID)


def test_checksum_of_a_multiple_of_53_is_digit_53() -> None:
    # §4.8 says "53 - c1 mod 53", i.e. 53 - (c1 mod 53), in 1..53: belenios-tool
    # 2.0 ends such credentials with "v" (digit 53). These 14 characters, whose
    # value is a multiple of 53, were written so by belenios-tool.
    from ceremony.protocol.base58 import decode_int
    from ceremony.protocol.credentials import credential_checksum

    digits = "bRoagEAhRh97Zi"
    assert decode_int(digits) % 53 == 0
    assert credential_checksum(digits) == "v"
    assert check_credential("bRo-agE-AhR-h97-Ziv") == "bRo-agE-AhR-h97-Ziv"


@given(rng=rngs())
def test_made_credentials_are_in_the_3_3_format(rng: random.Random) -> None:
    credential = make_credential(rng)
    assert [len(p) for p in credential.split("-")] == [5, 6, 5, 6]
    assert check_credential(credential) == credential
    assert credential_format(credential) == FORMAT_3_3
    with pytest.raises(InvalidCredentialError):
        check_credential(credential.replace("-", ""))  # 3.3 requires the dashes


def test_3_3_and_2_0_credentials_derive_differently() -> None:
    # 3.3: derive_credential (SHA-256); 2.0: PBKDF2. Computed by hand from the rule.
    import hashlib

    credential = "1mAPG-i5catd-o3hwE-xmh88g"
    hexa = "".join(
        hashlib.sha256(f"derive_credential|{UUID}|{i}|{credential}".encode()).hexdigest()
        for i in (0, 1)
    )
    expected = int(hexa, 16) % int(BELENIOS_2048.q)
    assert derive_secret(BELENIOS_2048, credential, UUID) == expected
    old = make_credential(random.Random(3), fmt=FORMAT_2_0)
    assert credential_format(old) == FORMAT_2_0
    pbkdf2 = hashlib.pbkdf2_hmac("sha256", old.encode(), UUID.encode(), 1000, 32)
    assert derive_secret(BELENIOS_2048, old, UUID) == int.from_bytes(pbkdf2, "big") % int(
        BELENIOS_2048.q
    )
