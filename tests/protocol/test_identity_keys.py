"""The neutral element is refused wherever a key is read, in both groups.

A key equal to the identity has the secret exponent 0: its proof of knowledge
verifies (anyone "knows" 0), and an election key equal to the identity would
encrypt in clear. Belenios 3.3 accepts it; we refuse it (``IdentityElementError``).
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from ceremony.protocol.channel import make_signed_message
from ceremony.protocol.ed25519 import ED25519
from ceremony.protocol.election import Election, combine_public_keys, make_election
from ceremony.protocol.group import BELENIOS_2048, Group, IdentityElementError
from ceremony.protocol.pedersen import CertKeys
from ceremony.protocol.trustees import (
    TrusteePublicKey,
    make_trustee_public_key,
    verify_trustee_public_key,
)
from ceremony.protocol.version import element_text

GROUPS = [ED25519, BELENIOS_2048]
TEMPLATE: dict[str, Any] = {
    "description": "Scrutin de test",
    "name": "Test",
    "questions": [
        {"answers": ["A", "B"], "blank": True, "min": 1, "max": 1, "question": "Liste ?"}
    ],
}
UUID = "7Yq2jXk3aBcDeF"


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_a_trustee_key_of_secret_zero_is_refused_though_its_proof_verifies(group: Group) -> None:
    key = make_trustee_public_key(group, 0, random.Random(1))
    assert key.public_key == group.identity
    with pytest.raises(IdentityElementError):
        verify_trustee_public_key(group, key)
    with pytest.raises(IdentityElementError):
        TrusteePublicKey.from_dict(group, key.to_dict())
    # The same code accepts a key of any other secret.
    good = make_trustee_public_key(group, 5, random.Random(1))
    verify_trustee_public_key(group, TrusteePublicKey.from_dict(group, good.to_dict()))


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_an_election_key_equal_to_the_identity_is_refused(group: Group) -> None:
    election = make_election(TEMPLATE, UUID, group, group.g_pow(7))
    Election.from_bytes(election.to_bytes())
    data = json.loads(election.to_bytes())
    data["public_key"] = element_text(group, group.identity)
    with pytest.raises(IdentityElementError):
        Election.from_bytes(json.dumps(data).encode())
    with pytest.raises(IdentityElementError):
        make_election(TEMPLATE, UUID, group, group.identity)


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_trustee_keys_cancelling_each_other_are_refused(group: Group) -> None:
    y = group.g_pow(11)
    assert combine_public_keys(group, [y, group.g_pow(3)]) == group.g_pow(14)
    with pytest.raises(IdentityElementError):
        combine_public_keys(group, [y, group.inv(y)])


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
@pytest.mark.parametrize("which", ["verification", "encryption"])
def test_a_certificate_key_equal_to_the_identity_is_refused(group: Group, which: str) -> None:
    keys = {"verification": group.g_pow(3), "encryption": group.g_pow(4)}
    message = json.dumps({k: element_text(group, v) for k, v in keys.items()})
    CertKeys.from_cert(group, make_signed_message(group, 3, message, random.Random(2)))
    keys[which] = group.identity
    message = json.dumps({k: element_text(group, v) for k, v in keys.items()})
    with pytest.raises(IdentityElementError):
        CertKeys.from_cert(group, make_signed_message(group, 3, message, random.Random(2)))
