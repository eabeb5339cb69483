"""The simulator's fast credentials, ballots and archives equal the protocol's own."""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ceremony.protocol.archive import ArchiveHeader, PendingEvent, write_archive
from ceremony.protocol.audit import audit_archive
from ceremony.protocol.ballot import (
    Ballot,
    InvalidIndividualProofError,
    make_ballot,
    verify_ballot,
)
from ceremony.protocol.credentials import (
    CredentialList,
    derive_public_credential,
    make_credential_list,
)
from ceremony.protocol.fastverify import TablePowers
from ceremony.protocol.group import get_group
from ceremony.protocol.serialization import dumps
from ceremony.simulator import ballots
from ceremony.simulator.ballots import (
    BallotFactory,
    make_public_credentials,
    make_simulated_ballot,
    voter_credential,
)
from ceremony.simulator.urn import tamper_ballot, write_bel
from tests.protocol.our_election import OurElection, make_our_election

SEED = "simulator-ballots"


@pytest.fixture(scope="module")
def election(tmp_path_factory: pytest.TempPathFactory) -> OurElection:
    folder = tmp_path_factory.mktemp("election")
    return make_our_election(folder, random.Random(5), voters=4, lists=3)


@pytest.mark.parametrize("group_name", ["BELENIOS-2048", "Ed25519"])
@pytest.mark.parametrize("in_process_below", [2_000, 0])
def test_public_credentials_are_those_of_the_protocol(
    monkeypatch: pytest.MonkeyPatch, in_process_below: int, group_name: str
) -> None:
    """In-process (small electorates) and on the pool (large ones): same file, in each group."""
    monkeypatch.setattr(ballots, "SMALL_ELECTORATE", in_process_below)
    group = get_group(group_name)
    uuid = "3fZRtPqL9mXbKw"
    expected = make_credential_list(
        group,
        (derive_public_credential(group, voter_credential(SEED, uuid, i), uuid) for i in range(7)),
    ).to_json()
    assert make_public_credentials(SEED, uuid, 7, 2, group_name) == expected
    assert make_public_credentials(SEED, uuid, 7, 1, group_name) == expected
    # The file is read back as L of that group (64-hex points in Ed25519).
    assert len(CredentialList.from_json(group, expected)) == 7


@pytest.mark.parametrize("row", [[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
def test_simulated_ballot_is_byte_identical_to_make_ballot(
    election: OurElection, row: list[int]
) -> None:
    credential = election.credentials[0]
    powers = TablePowers(election.group, election.election.public_key)
    fast = make_simulated_ballot(
        election.election, powers, credential, [row], random.Random(f"ballot {row}")
    )
    slow = make_ballot(election.election, credential, [row], random.Random(f"ballot {row}"))
    assert fast == slow.to_bytes()


def test_factory_streams_ballots_in_order_whatever_the_workers(election: OurElection) -> None:
    uuid = election.election.uuid
    elections = {uuid: election.election.to_bytes()}
    jobs = [
        (voter % 4, [None, 0, 1, 2][voter % 4], number) for number, voter in enumerate(range(37))
    ]
    with BallotFactory(SEED, elections, 2) as factory:
        two = list(factory.ballots(uuid, 3, iter(jobs)))
    with BallotFactory(SEED, elections, 1) as factory:
        one = list(factory.ballots(uuid, 3, iter(jobs[:5])))
    assert len(two) == 37
    assert one == two[:5]
    assert len(set(two)) == 37


def test_bel_written_incrementally_is_the_protocol_archive(
    election: OurElection, tmp_path: Path
) -> None:
    """Same bytes as ``write_archive``; the audit reads it and checks every ballot."""
    group, uuid = election.group, election.election.uuid
    credentials = make_credential_list(
        group, (derive_public_credential(group, c, uuid) for c in election.credentials)
    ).to_json()
    data = (election.election.to_bytes(), election.trustees.to_bytes(), credentials)
    made = [
        make_ballot(election.election, c, [[0, 1, 0, 0]], random.Random(i)).to_bytes()
        for i, c in enumerate(election.credentials)
    ]
    opening = datetime(2024, 12, 3, 8, 0, tzinfo=UTC)
    ref, count = write_bel(tmp_path / "urn.bel", *data, iter(made), opening)
    setup = dumps(
        {
            "election": hashlib.sha256(data[0]).hexdigest(),
            "trustees": hashlib.sha256(data[1]).hexdigest(),
            "credentials": hashlib.sha256(data[2]).hexdigest(),
        }
    )
    write_archive(
        tmp_path / "reference.bel",
        ArchiveHeader(1, int(opening.timestamp())),
        [
            PendingEvent("Setup", (*data, setup)),
            *(PendingEvent("Ballot", (b,)) for b in made),
            PendingEvent("EndBallots"),
        ],
    )
    written = (tmp_path / "urn.bel").read_bytes()
    assert written == (tmp_path / "reference.bel").read_bytes()
    assert (ref.path, ref.size, count) == ("urn.bel", len(written), 4)
    assert ref.sha256 == hashlib.sha256(written).hexdigest()
    outcome = audit_archive(tmp_path / "urn.bel", workers=1)
    assert outcome.passed and outcome.num_tallied == 4


def test_tampered_ballot_keeps_its_shape_but_not_its_proof(election: OurElection) -> None:
    group, uuid = election.group, election.election.uuid
    credentials = make_credential_list(
        group, (derive_public_credential(group, c, uuid) for c in election.credentials)
    )
    good = make_ballot(election.election, election.credentials[1], [[1, 0, 0, 0]], random.Random(1))
    bad = Ballot.from_bytes(tamper_ballot(good.to_bytes()), election.election)
    verify_ballot(election.election, good, credentials)
    with pytest.raises(InvalidIndividualProofError):
        verify_ballot(election.election, bad, credentials)
