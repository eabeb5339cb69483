"""Interop 1 against belenios-tool 3.3: elections made entirely by it pass our verification.

Threshold + mandatory trustees (its demo-threshold.sh) and Single trustees
only (its demo.sh), blank votes and revotes, and a record holding an invalid
partial decryption while the valid ones meet the threshold (Belenios 3.3
tolerates it: so must we). Our result must equal the tool's.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ceremony.protocol.audit import Check, audit_archive
from ceremony.protocol.group import Group
from ceremony.protocol.hashing import sha256_hex
from ceremony.protocol.serialization import dumps
from ceremony.verify.belenios import verify_belenios
from ceremony.verify.report import Outcome
from tests.interop33.conftest import BeleniosTool33
from tests.interop33.tool33 import GROUPS, setup_election, tool_single_trustees, tool_trustees

VOTES = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]


def _note(archive: Path, check: Check) -> str:
    outcome = audit_archive(archive)
    (found,) = [c for c in outcome.checks if c.check is check]
    assert found.error is None
    return found.note


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_tool_33_threshold_election_verifies_and_results_match(
    belenios33: BeleniosTool33, group: Group, tmp_path: Path
) -> None:
    election = setup_election(belenios33, tool_trustees(belenios33, group), voters=4)
    for voter, vote in enumerate(VOTES):
        election.vote(voter, vote)
    during = tmp_path / "during.bel"
    shutil.copy(election.archive, during)
    report = verify_belenios(election.archive)
    assert report.passed, report.to_text("en")
    assert "Belenios 3.3" in _note(election.archive, Check.SETUP_TRUSTEES)
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


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_tool_33_single_trustees_election_verifies(
    belenios33: BeleniosTool33, group: Group
) -> None:
    election = setup_election(belenios33, tool_single_trustees(belenios33, group), voters=3)
    for voter, vote in enumerate([[0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0]]):
        election.vote(voter, vote)
    election.vote(2, [1, 0, 0, 0])  # revote to blank
    election.close()
    for index in range(2):
        election.add_decryption(election.single_decryption(index))
    theirs = election.result()
    assert theirs == [[2, 0, 1, 0]]
    report = verify_belenios(election.archive)
    assert report.passed, report.to_text("en")
    assert report.result == theirs


def _forge(tool_output: str) -> str:
    """The same partial decryption with one proof response changed: invalid.

    belenios-tool 3.3 prints the partial decryption, then its owned wrapper
    pointing at the decryption's SHA-256; both are rewritten.
    """
    data, owned = (json.loads(line) for line in tool_output.splitlines() if line.strip())
    proof = data["decryption_proofs"][0][0]
    proof["response"] = str(int(proof["response"]) + 1)
    raw = dumps(data)
    owned["payload"] = sha256_hex(raw)
    return raw.decode() + "\n" + dumps(owned).decode() + "\n"


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_invalid_partial_decryption_tolerated_when_threshold_met(
    belenios33: BeleniosTool33, group: Group
) -> None:
    election = setup_election(belenios33, tool_trustees(belenios33, group), voters=3)
    for voter, vote in enumerate([[0, 1, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0]]):
        election.vote(voter, vote)
    election.close()
    election.add_decryption(election.threshold_decryption(0))
    election.add_decryption(_forge(election.threshold_decryption(1)))  # owner 3: invalid
    election.add_decryption(election.threshold_decryption(2))
    election.add_decryption(election.single_decryption())
    theirs = election.result()
    assert theirs == [[0, 2, 1, 0]]
    proc = belenios33.run_raw(["election", "verify"])
    assert proc.returncode == 0, proc.stderr  # 3.3 accepts (2.0 said "check_result failed")
    report = verify_belenios(election.archive)
    assert report.passed, report.to_text("en")
    assert report.result == theirs
    assert "set aside (threshold met): 3" in _note(
        election.archive, Check.TALLY_PARTIAL_DECRYPTIONS
    )


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_invalid_partial_decryption_refused_when_threshold_not_met(
    belenios33: BeleniosTool33, group: Group
) -> None:
    election = setup_election(belenios33, tool_trustees(belenios33, group), voters=2)
    election.vote(0, [0, 1, 0, 0])
    election.vote(1, [0, 0, 1, 0])
    election.close()
    election.add_decryption(election.threshold_decryption(0))
    election.add_decryption(_forge(election.threshold_decryption(1)))  # only 1 valid of 2
    election.add_decryption(election.single_decryption())
    report = verify_belenios(election.archive)
    assert not report.passed
    failed = report.check(Check.TALLY_PARTIAL_DECRYPTIONS.value)
    assert failed.outcome is Outcome.FAILED
    assert failed.error == "InvalidPartialDecryptionError"
    assert "owner 3" in failed.reason_en and "1 valid of 2 needed" in failed.reason_en


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_tool_33_election_with_weights_beyond_31_bits(
    belenios33: BeleniosTool33, group: Group
) -> None:
    # belenios-tool writes weights above 2^30 - 1 as strings ("total_weight":"7000000003").
    weights = [7_000_000_000, 2, 1]
    material = tool_single_trustees(belenios33, group, n=1)
    election = setup_election(belenios33, material, voters=3, weights=weights)
    for voter, vote in enumerate([[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]):
        election.vote(voter, vote)
    election.close()
    election.add_decryption(election.single_decryption())
    theirs = election.result()
    assert theirs == [[1, "7000000000", 2, 0]]  # as belenios-tool writes it
    report = verify_belenios(election.archive)
    assert report.passed, report.to_text("en")
    assert report.result == [[1, 7_000_000_000, 2, 0]]
    assert report.details["total_weight"] == 7_000_000_003
