"""Interop 2 against belenios-tool 3.3: our trustee keys and tally, its election and ballots.

Single + Pedersen keys with every step of the key generation ours (3.3
format: certificate contexts, signatures, AES-GCM); election made and ballots
cast with belenios-tool 3.3; encrypted tally, partial decryptions and result by
our code; ``belenios-tool election verify`` (3.3) accepts the record. Before
Bureau wrote the 3.3 formats, 3.3 refused our records ("Assertion failed").
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ceremony.protocol.archive import append_events, iter_events, iter_records
from ceremony.protocol.audit import audit_archive
from ceremony.protocol.decryption import (
    combine_result,
    make_partial_decryption,
    make_partial_decryption_event,
    make_result_event,
)
from ceremony.protocol.group import Group
from ceremony.protocol.tally import make_tally_events
from ceremony.protocol.trustees import Trustees
from ceremony.verify.belenios import verify_belenios
from tests.interop33.conftest import BeleniosTool33
from tests.interop33.tool33 import GROUPS, our_trustees, setup_election


def setup_trustees(archive: Path, group: Group) -> Trustees:
    for resolved in iter_events(iter_records(archive)):
        return Trustees.from_bytes(group, resolved.nested["trustees"])
    raise AssertionError("no Setup event")


VOTES = [[0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]]


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
@pytest.mark.parametrize("delegates", [(0, 1), (1, 2)])
def test_our_keys_and_tally_accepted_by_belenios_tool_33(
    belenios33: BeleniosTool33, group: Group, delegates: tuple[int, int]
) -> None:
    rng = random.Random(3033 + delegates[0])
    material = our_trustees(belenios33, group, rng)
    election = setup_election(belenios33, material, voters=4)
    for voter, vote in enumerate(VOTES):
        election.vote(voter, vote)
    election.vote(1, [0, 1, 0, 0])  # a revote
    belenios33.run(["election", "verify"])  # 3.3 accepts our trustees before the tally

    outcome = audit_archive(election.archive)
    assert outcome.passed and outcome.election is not None and outcome.encrypted_tally
    append_events(
        election.archive,
        make_tally_events(outcome.encrypted_tally, outcome.num_tallied, outcome.total_weight),
    )
    trustees = setup_trustees(election.archive, group)
    tally = outcome.encrypted_tally.ciphertexts
    phi = outcome.election.fingerprint
    keys = {1: material.single_private_key} | {d + 2: material.shares[d] for d in delegates}
    partials = {}
    for owner, key in keys.items():
        assert key is not None
        partials[owner] = make_partial_decryption(group, phi, tally, key, rng)
        append_events(election.archive, [make_partial_decryption_event(owner, partials[owner])])
    result = combine_result(group, trustees, tally, partials, outcome.total_weight)
    assert result.result == ((0, 2, 0, 2),)
    append_events(election.archive, [make_result_event(result)])

    proc = belenios33.run_raw(["election", "verify"])
    assert proc.returncode == 0, proc.stderr
    report = verify_belenios(election.archive)
    assert report.passed, report.to_text("en")
    assert report.result == [[0, 2, 0, 2]]


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_belenios_tool_33_decrypts_with_our_keys(belenios33: BeleniosTool33, group: Group) -> None:
    # Its decrypt-threshold opens our AES-GCM share with the seed: our channel is its channel.
    material = our_trustees(belenios33, group, random.Random(7))
    election = setup_election(belenios33, material, voters=3)
    for voter, vote in enumerate([[0, 1, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0]]):
        election.vote(voter, vote)
    theirs = election.tool_tally(delegates=(0, 2))
    assert theirs == [[1, 2, 0, 0]]
    report = verify_belenios(election.archive)
    assert report.passed and report.result == theirs
