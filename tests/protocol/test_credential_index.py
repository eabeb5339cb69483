"""The compact credential list answers as the full one, in both groups, at 32 bytes per elector."""

from __future__ import annotations

import json
import random
import sys

import pytest

from ceremony.protocol.credential_index import (
    CompactCredentialList,
    credential_key,
    load_compact_credentials,
)
from ceremony.protocol.credentials import (
    DuplicateCredentialError,
    UnknownCredentialError,
    make_credential_list,
)
from ceremony.protocol.ed25519 import ED25519
from ceremony.protocol.errors import NotInSubgroupError
from ceremony.protocol.fastverify import load_credentials
from ceremony.protocol.group import BELENIOS_2048, Group, IdentityElementError
from tests.protocol import ed25519_reference as ref

GROUPS = [ED25519, BELENIOS_2048]
ids = [g.name for g in GROUPS]


def _published(group: Group, count: int, weights: list[int] | None, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    public = [group.g_pow(group.random_scalar(rng)) for _ in range(count)]
    return make_credential_list(group, public, weights).to_json()


@pytest.mark.parametrize("group", GROUPS, ids=ids)
@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
def test_compact_list_answers_as_the_full_list(group: Group, weighted: bool) -> None:
    count = 40
    weights = [1 + i % 3 for i in range(count)] if weighted else None
    data = _published(group, count, weights)
    full = load_credentials(group, data)
    compact = load_compact_credentials(group, data)
    assert isinstance(compact, CompactCredentialList)
    assert len(compact) == len(full) == count
    assert compact.total_weight == full.total_weight
    for entry in full:
        assert entry.credential in compact
        assert compact.weight_of(entry.credential) == full.weight_of(entry.credential)
    rng = random.Random(9)
    for _ in range(20):
        stranger = group.g_pow(group.random_scalar(rng))
        assert stranger not in compact and stranger not in full
        with pytest.raises(UnknownCredentialError):
            compact.weight_of(stranger)
    assert "not an element" not in compact


@pytest.mark.parametrize("group", GROUPS, ids=ids)
def test_compact_list_refuses_what_the_full_list_refuses(group: Group) -> None:
    data = json.loads(_published(group, 5, None))
    duplicate = json.dumps([*data, data[2]]).encode()
    with pytest.raises(DuplicateCredentialError):
        load_credentials(group, duplicate)
    with pytest.raises(DuplicateCredentialError):
        load_compact_credentials(group, duplicate)
    identity = json.dumps([*data, str(group.identity)]).encode()
    with pytest.raises(IdentityElementError):
        load_credentials(group, identity)
    with pytest.raises(IdentityElementError):
        load_compact_credentials(group, identity)
    outside = (
        format(ref.encode(ref.add(ref.mul(9, ref.BASE), ref.TORSION[1])), "064x")
        if group is ED25519
        else str(int(BELENIOS_2048.p) - 1)
    )
    # The identity first and an element outside G later: membership is reported first.
    bad = json.dumps([str(group.identity), *data, outside]).encode()
    with pytest.raises(NotInSubgroupError) as full_error:
        load_credentials(group, bad)
    with pytest.raises(NotInSubgroupError) as compact_error:
        load_compact_credentials(group, bad)
    assert type(full_error.value) is type(compact_error.value)


def test_compact_list_is_neither_iterable_nor_written_back() -> None:
    compact = load_compact_credentials(ED25519, _published(ED25519, 3, None))
    with pytest.raises(TypeError):
        list(compact)
    with pytest.raises(TypeError):
        compact.to_json()


@pytest.mark.parametrize("group", GROUPS, ids=ids)
def test_keys_are_32_bytes_and_exact_in_ed25519(group: Group) -> None:
    x = group.g_pow(12345)
    assert len(credential_key(group, x)) == 32
    if group is ED25519:
        assert credential_key(group, x) == int(x).to_bytes(32, "little")


def test_memory_is_32_bytes_per_elector_against_hundreds_for_the_full_list() -> None:
    count = 2000
    data = _published(ED25519, count, None)
    compact = load_compact_credentials(ED25519, data)
    assert compact.memory_bytes == 32 * count
    full = load_credentials(ED25519, data)
    entry = next(iter(full))
    per_entry = (
        sys.getsizeof(entry)
        + sys.getsizeof(entry.__dict__)
        + sys.getsizeof(entry.credential)
        + sys.getsizeof(entry.text)
    )
    assert per_entry > 5 * 32
