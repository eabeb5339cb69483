"""Streaming pool verification: same outcomes as one process, in order, lazily."""

from __future__ import annotations

import json
import pickle
import random
from collections.abc import Iterator
from dataclasses import replace

import pytest

from ceremony.protocol.ballot import Ballot, make_ballot
from ceremony.protocol.credentials import (
    CredentialList,
    derive_public_credential,
    make_credential,
    make_credential_list,
)
from ceremony.protocol.election import Election, make_election
from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.fastverify import ANY_CREDENTIAL
from ceremony.protocol.group import BELENIOS_2048
from ceremony.protocol.pool import VerifierSeed, verify_ballots
from ceremony.protocol.serialization import dumps
from tests.protocol.tool_election import homomorphic_template


def _election_with_ballots() -> tuple[Election, CredentialList, list[bytes]]:
    rng = random.Random(11)
    group = BELENIOS_2048
    uuid = "tjQW2b734cduTo"
    election = make_election(homomorphic_template(2), uuid, group, group.g_pow(4321))
    creds = [make_credential(rng) for _ in range(4)]
    credentials = make_credential_list(
        group, [derive_public_credential(group, c, uuid) for c in creds]
    )
    votes = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]]
    ballots = [
        make_ballot(election, c, [v], rng).to_bytes() for c, v in zip(creds, votes, strict=True)
    ]
    tampered = json.loads(ballots[1])
    tampered["signature"]["proof"]["response"] = "1"
    return election, credentials, [*ballots, dumps(tampered), b"not json", ballots[0]]


def test_pool_gives_the_same_outcomes_as_one_process_in_order() -> None:
    election, credentials, raws = _election_with_ballots()
    many = raws * 3
    single = list(verify_ballots(election, credentials, many, workers=1, chunk_size=2))
    pooled = list(verify_ballots(election, credentials, many, workers=2, chunk_size=2))
    assert [o.index for o in pooled] == list(range(len(many)))
    assert [(o.ok, o.check, o.tracker, o.weight) for o in pooled] == [
        (o.ok, o.check, o.tracker, o.weight) for o in single
    ]
    assert [o.check for o in single[:7]] == [None, None, None, None, "signature", "format", None]


def test_ballots_are_read_lazily() -> None:
    election, credentials, raws = _election_with_ballots()
    taken: list[int] = []

    def source() -> Iterator[bytes]:
        for i in range(10_000):
            taken.append(i)
            yield raws[i % 4]

    outcomes = verify_ballots(election, credentials, source(), workers=2, chunk_size=4)
    first = [next(outcomes) for _ in range(3)]
    assert all(o.ok for o in first)
    # At most 2 × workers chunks are read ahead: nowhere near the 10,000 ballots.
    assert len(taken) <= 4 * 4 + 4
    outcomes.close()  # type: ignore[attr-defined]


def test_choices_are_returned_when_asked() -> None:
    election, credentials, raws = _election_with_ballots()
    (outcome,) = verify_ballots(election, credentials, raws[:1], workers=1, with_choices=True)
    assert outcome.choices is not None and len(outcome.choices[0]) == 3


def test_spawned_workers_build_their_verifier_and_agree_with_one_process() -> None:
    election, credentials, raws = _election_with_ballots()
    single = list(verify_ballots(election, credentials, raws, workers=1, with_choices=True))
    spawned = list(
        verify_ballots(
            election, credentials, raws, workers=2, chunk_size=2, with_choices=True,
            mp_context="spawn",
        )
    )  # fmt: skip
    assert spawned == single


def test_workers_get_the_election_only_never_the_credential_list() -> None:
    election, _, _ = _election_with_ballots()
    seed = VerifierSeed.of(election, with_choices=True)
    again = pickle.loads(pickle.dumps(seed)).verifier()
    assert again.credentials is ANY_CREDENTIAL and len(again.credentials) == 0
    assert again.election.to_bytes() == election.to_bytes()
    assert again.election.fingerprint == election.fingerprint
    assert again.with_choices
    # No fixed-base table and no credential travels: the same bytes for any electorate.
    assert len(pickle.dumps(seed)) < len(election.to_bytes()) + 1000


def test_the_caller_checks_credentials_and_weights_as_one_process_does() -> None:
    election, _, raws = _election_with_ballots()
    group = election.group
    ballots = [Ballot.from_bytes(r, election, check_elements=False) for r in raws[:4]]
    # Voter 1 is not in L; the others have weights 3, 1 and 2.
    weights = {0: 3, 2: 1, 3: 2}
    credentials = make_credential_list(
        group, [ballots[i].credential for i in weights], list(weights.values())
    )
    for method in ("fork", "spawn"):
        single = list(verify_ballots(election, credentials, raws, workers=1))
        pooled = list(
            verify_ballots(election, credentials, raws, workers=2, chunk_size=2, mp_context=method)
        )
        assert pooled == single
    assert [(o.ok, o.check, o.weight) for o in single] == [
        (True, None, 3), (False, "credential", None), (True, None, 1), (True, None, 2),
        (False, "credential", None), (False, "format", None), (True, None, 3),
    ]  # fmt: skip


def test_seed_refuses_election_bytes_that_changed() -> None:
    election, _, _ = _election_with_ballots()
    seed = VerifierSeed.of(election, with_choices=False)
    other = replace(seed, election=seed.election.replace(b'"name":"', b'"name":"x'))
    with pytest.raises(MalformedDataError):
        other.verifier()
