"""Interop 3 against belenios-tool 3.3: our ballots and credentials are its ballots and credentials.

Elections made by belenios-tool 3.3; ballots made by our code (3.3
credentials, derive_credential) pass its ``verify-ballot``, go into its
archive and are counted by it as we meant them. Our credentials derive the
public credential it derives.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from ceremony.protocol.archive import iter_events, iter_records
from ceremony.protocol.ballot import make_ballot
from ceremony.protocol.credentials import derive_public_credential, make_credential
from ceremony.protocol.election import Election
from ceremony.protocol.group import Group
from ceremony.protocol.version import element_text
from ceremony.verify.belenios import verify_belenios
from tests.interop33.conftest import BeleniosTool33
from tests.interop33.tool33 import GROUPS, setup_election, tool_trustees


def _election(archive_path: Path) -> Election:
    for resolved in iter_events(iter_records(archive_path)):
        return Election.from_bytes(resolved.nested["election"])
    raise AssertionError("no Setup event")


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_our_ballots_accepted_and_counted_by_belenios_tool_33(
    belenios33: BeleniosTool33, group: Group
) -> None:
    rng = random.Random(33)
    election = setup_election(belenios33, tool_trustees(belenios33, group), voters=4)
    ours = _election(election.archive)
    votes = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 1, 0, 0]]
    for voter, vote in enumerate(votes):
        ballot = make_ballot(ours, election.credentials[voter], [vote], rng)
        (belenios33.workdir / "ballot.json").write_text(ballot.to_bytes().decode() + "\n")
        proc = belenios33.run_raw(["election", "verify-ballot", "--ballot", "ballot.json"])
        assert proc.returncode == 0, proc.stderr
        election.add_ballot(ballot.to_bytes().decode() + "\n")
    election.add_ballot(
        make_ballot(ours, election.credentials[2], [[0, 0, 1, 0]], rng).to_bytes().decode()
    )
    theirs = election.tool_tally(delegates=(1, 2))
    assert theirs == [[1, 2, 1, 0]]
    proc = belenios33.run_raw(["election", "verify"])
    assert proc.returncode == 0, proc.stderr
    report = verify_belenios(election.archive)
    assert report.passed and report.result == theirs


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_a_ballot_altered_after_signing_is_refused_by_belenios_tool_33(
    belenios33: BeleniosTool33, group: Group
) -> None:
    # The positive test above would pass if verify-ballot accepted anything.
    election = setup_election(belenios33, tool_trustees(belenios33, group), voters=1)
    ours = _election(election.archive)
    ballot = json.loads(make_ballot(ours, election.credentials[0], [[0, 1, 0, 0]]).to_bytes())
    proof = ballot["signature"]["proof"]
    proof["response"] = str((int(proof["response"]) + 1) % int(group.q))
    (belenios33.workdir / "ballot.json").write_text(json.dumps(ballot, separators=(",", ":")))
    proc = belenios33.run_raw(["election", "verify-ballot", "--ballot", "ballot.json"])
    assert proc.returncode != 0


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_credentials_derive_as_belenios_tool_33(belenios33: BeleniosTool33, group: Group) -> None:
    uuid = belenios33.run(["setup", "generate-token"]).strip()
    belenios33.run(["setup", "generate-credentials", "--uuid", uuid, "--group", group.name,
                    "--count", "3"])  # fmt: skip
    (priv,) = belenios33.workdir.glob("*.privcreds")
    (pub,) = belenios33.workdir.glob("*.pubcreds")
    private = list(json.loads(priv.read_text()).values())
    published = {entry.split(",")[0] for entry in json.loads(pub.read_text())}
    assert {element_text(group, derive_public_credential(group, c, uuid)) for c in private} == (
        published
    )
    mine = make_credential(random.Random(5))
    derived = belenios33.run(["setup", "generate-credentials", "--derive", mine, "--uuid", uuid,
                              "--group", group.name])  # fmt: skip
    assert derived.strip() == element_text(group, derive_public_credential(group, mine, uuid))
