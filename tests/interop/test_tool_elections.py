"""Interop 1: elections made entirely by belenios-tool pass our verification.

Threshold + mandatory trustees as in belenios-tool's demo-threshold.sh, blank
votes and revotes; our result must equal the tool's.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ceremony.protocol.audit import Check
from ceremony.verify.belenios import verify_belenios
from ceremony.verify.report import Outcome
from tests.conftest import BeleniosTool
from tests.interop.tool_threshold import setup_election, tool_trustees
from tests.protocol.tool_election import homomorphic_template, make_tool_election
from tests.verify.test_command import run_verify_command as main

VOTES = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]


@pytest.mark.belenios
def test_tool_threshold_election_verifies_and_results_match(
    belenios: BeleniosTool, tmp_path: Path
) -> None:
    election = setup_election(belenios, tool_trustees(belenios), voters=4)
    for voter, vote in enumerate(VOTES):
        election.vote(voter, vote)
    during = tmp_path / "during.bel"
    shutil.copy(election.archive, during)
    report = verify_belenios(election.archive)
    assert report.passed, report.to_text("en")
    assert report.result is None
    assert report.check(Check.TALLY_RESULT.value).outcome is Outcome.NOT_APPLICABLE
    # Revotes: voter 0 moves to blank, voter 2 to list A; voter 3 votes twice the same.
    election.vote(0, [1, 0, 0, 0])
    election.vote(2, [0, 1, 0, 0])
    election.vote(3, [0, 0, 1, 0])
    theirs = election.tool_tally(delegates=(0, 2))
    assert theirs == [[2, 1, 1, 0]]
    report = verify_belenios(election.archive, previous=during)
    assert report.passed, report.to_text("en")
    assert report.result == theirs
    assert report.details["ballots"] == 7 and report.details["tallied_ballots"] == 4
    assert report.check(Check.SNAPSHOT.value).outcome is Outcome.PASSED
    # The fingerprint the credential authority was shown (§3.5.2).
    fingerprints = report.details["fingerprints"]
    assert fingerprints["public_credentials"] == election.credentials_fingerprint


@pytest.mark.belenios
def test_bureau_verify_command_on_a_tool_directory(
    belenios: BeleniosTool, capsys: pytest.CaptureFixture[str]
) -> None:
    election = setup_election(belenios, tool_trustees(belenios), voters=2)
    election.vote(0, [0, 0, 1, 0])
    election.vote(1, [1, 0, 0, 0])
    theirs = election.tool_tally(delegates=(1, 2))
    assert main(["verify", str(belenios.workdir), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["passed"] is True and out["result"] == theirs
    names = [c["name"] for c in out["checks"]]
    assert names[:3] == ["input.path", "archive.format", "archive.chain"]
    assert all(c["outcome"] == "passed" for c in out["checks"])
    assert main(["verify", str(election.archive)]) == 0
    text = capsys.readouterr().out
    assert "tally.result" in text and "Liste B : 1" in text and "blanc : 1" in text


@pytest.mark.belenios
def test_tool_weighted_election_single_trustee(belenios: BeleniosTool) -> None:
    election = make_tool_election(belenios, homomorphic_template(3), voters=3, weights=[1, 3, 2])
    for voter, vote in enumerate([[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]):
        election.add_ballot(election.generate_ballot(voter, [vote]))
    run = belenios.run
    run(["archive", "add-event", "--type=EndBallots"], stdin="")
    run(["archive", "add-event", "--type=EncryptedTally"],
        stdin=run(["election", "compute-encrypted-tally"]))  # fmt: skip
    (privkey,) = belenios.workdir.glob("*.privkey")
    partial = run(["election", "decrypt", "--privkey", privkey.name, "--trustee-id", "1"])
    run(["archive", "add-event", "--type=PartialDecryption"], stdin=partial)
    result = run(["election", "compute-result"])
    run(["archive", "add-event", "--type=Result"], stdin=result)
    report = verify_belenios(election.archive)
    assert report.passed, report.to_text("en")
    assert report.result == json.loads(result)["result"] == [[2, 1, 3, 0]]
    assert report.details["total_weight"] == 6
