"""Lists questions (Belenios 3.x): records made by belenios-tool 3.3 read and verified by us.

Bureau never writes Lists questions; it must verify records that have them
(its demo-l.sh: one question of three candidate lists).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from ceremony.protocol.ballot import Ballot, InvalidListsAnswerError, verify_ballot
from ceremony.protocol.credentials import CredentialList
from ceremony.protocol.election import Election
from ceremony.protocol.group import Group
from ceremony.protocol.serialization import dumps
from ceremony.verify.belenios import verify_belenios
from tests.interop.tamper import read_logical
from tests.interop33.conftest import BeleniosTool33
from tests.interop33.tool33 import GROUPS, Election33, setup_election, tool_trustees
from tests.verify.test_command import run_verify_command as main

LISTS_TEMPLATE: dict[str, Any] = {
    "description": "Élection à listes",
    "name": "CSE collège cadres",
    "questions": [
        {
            "type": "Lists",
            "value": {
                "answers": [
                    ["Liste 1", "Candidate 1-1", "Candidat 1-2"],
                    ["Liste 2", "Candidate 2-1"],
                    ["Liste 3", "Candidat 3-1", "Candidate 3-2", "Candidat 3-3"],
                ],
                "question": "Titulaires",
            },
        }
    ],
}
VOTES = [
    [[0, 0, 0], [1, 1], [0, 0, 0, 0]],
    [[0, 0, 0], [0, 0], [1, 1, 1, 1]],
    [[1, 1, 0], [0, 0], [0, 0, 0, 0]],
    [[1, 0, 1], [0, 0], [0, 0, 0, 0]],
]


def _lists_election(belenios33: BeleniosTool33, group: Group, voters: int) -> Election33:
    material = tool_trustees(belenios33, group)
    return setup_election(belenios33, material, voters=voters, template=LISTS_TEMPLATE)


def _vote(election: Election33, voter: int, vote: list[list[int]]) -> str:
    w = election.tool.workdir
    (w / "cred.txt").write_text(election.credentials[voter] + "\n")
    (w / "vote.json").write_text(json.dumps([vote]) + "\n")
    try:
        ballot = election.tool.run(
            ["election", "generate-ballot", "--privcred", "cred.txt", "--choice", "vote.json"]
        )
    finally:
        (w / "cred.txt").unlink()
    election.add_ballot(ballot)
    return ballot


def _setup(election: Election33) -> tuple[Election, CredentialList]:
    _, events = read_logical(election.archive)
    nested = dict(events[0].nested)
    parsed = Election.from_bytes(nested["election"])
    return parsed, CredentialList.from_json(parsed.group, nested["credentials"])


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_lists_ballots_of_belenios_tool_33_verify_and_altered_ones_do_not(
    belenios33: BeleniosTool33, group: Group
) -> None:
    election = _lists_election(belenios33, group, voters=1)
    raw = _vote(election, 0, VOTES[0]).strip().encode()
    parsed, credentials = _setup(election)
    ballot = Ballot.from_bytes(raw, parsed)
    assert ballot.to_bytes() == raw
    assert verify_ballot(parsed, ballot, credentials) == 1
    for path in (["overall_proof"], ["list_proofs", 1, 0], ["nonzero_proof"],
                 ["individual_proofs", 2, 3, 1]):  # fmt: skip
        altered: Any = json.loads(raw)
        target = altered["answers"][0]
        for key in path:
            target = target[key]
        target["challenge"] = str((int(target["challenge"]) + 1) % int(group.q))
        with pytest.raises(InvalidListsAnswerError):
            verify_ballot(
                # Compact JSON: a re-encoded ballot is refused as non-canonical before its proofs.
                parsed,
                Ballot.from_bytes(dumps(altered), parsed),
                credentials,
            )


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_lists_election_of_belenios_tool_33_verifies_with_its_result(
    belenios33: BeleniosTool33, group: Group, capsys: pytest.CaptureFixture[str]
) -> None:
    election = _lists_election(belenios33, group, voters=4)
    for voter, vote in enumerate(VOTES):
        _vote(election, voter, vote)
    _vote(election, 1, [[0, 0, 0], [0, 0], [1, 0, 0, 1]])  # a revote
    theirs = election.tool_tally(delegates=(0, 1))
    assert theirs == [[[2, 1, 1], [1, 1], [1, 0, 0, 1]]]
    report = verify_belenios(election.archive)
    assert report.passed, report.to_text("en")
    assert report.result == theirs
    assert main(["verify", str(election.archive), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["result"] == theirs
    assert main(["verify", str(election.archive)]) == 0
    assert "tally.result" in capsys.readouterr().out
