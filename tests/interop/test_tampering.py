"""Interop 4: altered archives are rejected and the report names the failed check.

A valid Single + Pedersen election is made and tallied by belenios-tool once
per module. Each alteration is applied twice: as is (the archive's own
hashes give it away) and with every hash, reference and parent recomputed
(only the cryptographic checks can catch it). belenios-tool must reject the
recomputed alterations too, so each one is a real fault.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from ceremony.protocol.ballot import make_ballot
from ceremony.protocol.credentials import make_credential
from ceremony.protocol.election import Election
from ceremony.protocol.group import BELENIOS_2048 as G
from ceremony.verify.belenios import verify_belenios
from ceremony.verify.report import VerificationReport
from tests.conftest import BeleniosTool, require
from tests.interop.tamper import (
    ContentAlteration,
    LogicalEvent,
    StructureAlteration,
)
from tests.interop.tool_threshold import setup_election, tool_trustees


@dataclass(frozen=True)
class Fixture:
    tool: BeleniosTool
    uuid: str
    tallied: Path
    during: Path


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    require(shutil.which("belenios-tool") is not None, "belenios-tool")
    base = tmp_path_factory.mktemp("tamper")
    workdir = base / "belenios"
    workdir.mkdir()
    tool = BeleniosTool(workdir)
    election = setup_election(tool, tool_trustees(tool), voters=3)
    election.vote(0, [0, 1, 0, 0])
    election.vote(1, [0, 0, 1, 0])
    election.vote(2, [1, 0, 0, 0])
    during = base / "during.bel"
    shutil.copy(election.archive, during)
    election.vote(0, [0, 0, 0, 1])  # revote
    election.tool_tally(delegates=(0, 1))
    tallied = base / "tallied.bel"
    shutil.copy(election.archive, tallied)
    yield Fixture(tool, election.uuid, tallied, during)


def _add_one(text: str) -> str:
    return str((int(text) + 1) % int(G.q))


def _times_g(text: str) -> str:
    return str(int(text) * int(G.g) % int(G.p))


def _ballot_proof(b: Any) -> None:
    proof = b["answers"][0]["individual_proofs"][1][0]
    proof["response"] = _add_one(proof["response"])


def _ballot_signature(b: Any) -> None:
    b["signature"]["proof"]["response"] = _add_one(b["signature"]["proof"]["response"])


def _outside_subgroup(b: Any) -> None:
    # p - 1 has order 2: in Z*p but not in the order-q subgroup.
    b["answers"][0]["choices"][0]["alpha"] = str(int(G.p) - 1)


def _overall_proof(b: Any) -> None:
    proof = b["answers"][0]["overall_proof"][0]
    proof["challenge"] = _add_one(proof["challenge"])


def _tally_alpha(t: Any) -> None:
    t[0][1]["alpha"] = _times_g(t[0][1]["alpha"])


def _num_tallied(s: Any) -> None:
    s["num_tallied"] += 1


def _factor(pd: Any) -> None:
    pd["decryption_factors"][0][2] = _times_g(pd["decryption_factors"][0][2])


def _factor_outside_subgroup(pd: Any) -> None:
    pd["decryption_factors"][0][0] = str(int(G.p) - 1)


def _trustee_key_outside_subgroup(t: Any) -> None:
    t[0][1]["public_key"] = str(int(G.p) - 1)


def _unknown_owner(owned: Any) -> None:
    owned["owner"] = 9


def _result(r: Any) -> None:
    row = r["result"][0]
    row[1], row[2] = row[2], row[1] + 0
    row[3] += 1


def _election_name(e: Any) -> None:
    e["name"] = e["name"] + " (modifié)"


def _election_key(e: Any) -> None:
    e["public_key"] = str(G.g_pow(12345))


def _trustee_pok(t: Any) -> None:
    single = t[0][1]
    single["pok"]["response"] = _add_one(single["pok"]["response"])


def _pedersen_verification_key(t: Any) -> None:
    keys = t[1][1]["verification_keys"]
    keys[0], keys[1] = keys[1], keys[0]


def _credential_replaced(c: Any) -> None:
    c[0] = str(G.g_pow(4242))


def _credential_outside_subgroup(c: Any) -> None:
    c[2] = str(int(G.p) - 1)


def _credential_duplicated(c: Any) -> None:
    c[1] = c[0]


def _positions(events: list[LogicalEvent], kind: str) -> list[int]:
    return [i for i, e in enumerate(events) if e.type == kind]


def _remove_ballot(events: list[LogicalEvent]) -> list[LogicalEvent]:
    del events[_positions(events, "Ballot")[1]]
    return events


def _duplicate_ballot(events: list[LogicalEvent]) -> list[LogicalEvent]:
    i = _positions(events, "Ballot")[1]
    events.insert(i + 1, replace(events[i]))
    return events


def _swap_revote(events: list[LogicalEvent]) -> list[LogicalEvent]:
    # The revote of voter 0 moved before its first ballot: last(B) changes.
    ballots = _positions(events, "Ballot")
    first, last = ballots[0], ballots[-1]
    events[first], events[last] = events[last], events[first]
    return events


def _tally_before_end(events: list[LogicalEvent]) -> list[LogicalEvent]:
    end, tally = _positions(events, "EndBallots")[0], _positions(events, "EncryptedTally")[0]
    events[end], events[tally] = events[tally], events[end]
    return events


def _unknown_credential_ballot(events: list[LogicalEvent]) -> list[LogicalEvent]:
    election = Election.from_bytes(dict(events[0].nested)["election"])
    rng = random.Random(5)
    ballot = make_ballot(election, make_credential(rng), [[0, 1, 0, 0]], rng)
    i = _positions(events, "Ballot")[-1]
    events.insert(i + 1, LogicalEvent("Ballot", (), ballot.to_bytes()))
    return events


def _duplicate_partial_decryption(events: list[LogicalEvent]) -> list[LogicalEvent]:
    i = _positions(events, "PartialDecryption")[0]
    events.insert(i + 1, replace(events[i]))
    return events


def _second_result(events: list[LogicalEvent]) -> list[LogicalEvent]:
    events.append(replace(events[_positions(events, "Result")[0]]))
    return events


def _leading_zero(b: Any) -> None:
    b["answers"][0]["choices"][0]["alpha"] = "0" + b["answers"][0]["choices"][0]["alpha"]


def _total_weight(s: Any) -> None:
    s["total_weight"] += 1


Alteration = ContentAlteration | StructureAlteration

# name -> (alteration, check that must fail once hashes are recomputed)
ALTERATIONS: dict[str, tuple[Alteration, str]] = {
    "ballot_proof_response": (ContentAlteration("Ballot", 0, None, _ballot_proof), "ballots.valid"),
    "ballot_overall_proof": (ContentAlteration("Ballot", 2, None, _overall_proof), "ballots.valid"),
    "ballot_signature": (ContentAlteration("Ballot", 1, None, _ballot_signature), "ballots.valid"),
    "element_outside_subgroup": (
        ContentAlteration("Ballot", 1, None, _outside_subgroup), "ballots.valid"),
    "unknown_credential": (StructureAlteration(_unknown_credential_ballot), "ballots.valid"),
    "duplicated_ballot": (StructureAlteration(_duplicate_ballot), "ballots.unique"),
    "removed_ballot": (StructureAlteration(_remove_ballot), "tally.encrypted_tally"),
    "reordered_revote": (StructureAlteration(_swap_revote), "tally.encrypted_tally"),
    "tally_before_end_ballots": (StructureAlteration(_tally_before_end), "archive.events"),
    "wrong_encrypted_tally": (
        ContentAlteration("EncryptedTally", 0, "encrypted_tally", _tally_alpha),
        "tally.encrypted_tally"),
    "wrong_num_tallied": (
        ContentAlteration("EncryptedTally", 0, None, _num_tallied), "tally.encrypted_tally"),
    "bad_decryption_factor": (
        ContentAlteration("PartialDecryption", 0, "payload", _factor),
        "tally.partial_decryptions"),
    "decryption_factor_outside_subgroup": (
        ContentAlteration("PartialDecryption", 2, "payload", _factor_outside_subgroup),
        "tally.partial_decryptions"),
    "trustee_key_outside_subgroup": (
        ContentAlteration("Setup", 0, "trustees", _trustee_key_outside_subgroup),
        "setup.trustees"),
    "unknown_decryption_owner": (
        ContentAlteration("PartialDecryption", 1, None, _unknown_owner),
        "tally.partial_decryptions"),
    "wrong_result": (ContentAlteration("Result", 0, None, _result), "tally.result"),
    "changed_election_file": (
        ContentAlteration("Setup", 0, "election", _election_name), "ballots.valid"),
    "changed_election_key": (
        ContentAlteration("Setup", 0, "election", _election_key), "setup.public_key"),
    "trustee_proof": (ContentAlteration("Setup", 0, "trustees", _trustee_pok), "setup.trustees"),
    "pedersen_verification_keys": (
        ContentAlteration("Setup", 0, "trustees", _pedersen_verification_key), "setup.trustees"),
    "credential_replaced": (
        ContentAlteration("Setup", 0, "credentials", _credential_replaced), "ballots.valid"),
    "credential_outside_subgroup": (
        ContentAlteration("Setup", 0, "credentials", _credential_outside_subgroup),
        "setup.credentials"),
    "credential_duplicated": (
        ContentAlteration("Setup", 0, "credentials", _credential_duplicated),
        "setup.credentials"),
    "leading_zero_in_ballot": (
        ContentAlteration("Ballot", 1, None, _leading_zero), "ballots.valid"),
    "wrong_total_weight": (
        ContentAlteration("EncryptedTally", 0, None, _total_weight), "tally.encrypted_tally"),
    "duplicate_partial_decryption": (
        StructureAlteration(_duplicate_partial_decryption), "tally.partial_decryptions"),
    "second_result": (StructureAlteration(_second_result), "archive.events"),
}  # fmt: skip

RAW_CHECKS = {"archive.format", "archive.chain"}

# Faults that belenios-tool 2.0's `election verify` lets through (seen on this
# machine), and that we reject on purpose:
# - a ballot replayed verbatim: a revote changing nothing in last(B), but the
#   voting server refuses replays, so the same ballot twice in B is a fault;
# - the published encrypted tally, its num_tallied and its place after
#   EndBallots: the tool recomputes the tally from the ballots and checks the
#   decryptions against its own copy, never against the published one; §3.5.2
#   asks that the published Π be the one of last(B).
TOOL_ACCEPTS = {
    "duplicated_ballot",
    "wrong_encrypted_tally",
    "wrong_num_tallied",
    "wrong_total_weight",
    "tally_before_end_ballots",
    "duplicate_partial_decryption",
    "second_result",
}


def _failed(report: VerificationReport) -> list[str]:
    return [c.name for c in report.failed_checks()]


@pytest.mark.belenios
def test_the_untouched_archive_passes(valid: Fixture, tmp_path: Path) -> None:
    report = verify_belenios(valid.tallied, previous=valid.during, workers=1)
    assert report.passed, report.to_text("en")
    # Rebuilding without any change is byte-identical: the tamper tool itself is sound.
    StructureAlteration(lambda e: e).rehash(valid.tallied, tmp_path / "same.bel")
    assert (tmp_path / "same.bel").read_bytes() == valid.tallied.read_bytes()


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(ALTERATIONS))
def test_alteration_with_recomputed_hashes_is_rejected(
    valid: Fixture, tmp_path: Path, name: str
) -> None:
    alteration, check = ALTERATIONS[name]
    target = tmp_path / f"{valid.uuid}.bel"
    alteration.rehash(valid.tallied, target)
    report = verify_belenios(target, workers=1)
    assert not report.passed
    failed = _failed(report)
    assert check in failed, report.to_text("en")
    assert not RAW_CHECKS & set(failed), report.to_text("en")
    if name in TOOL_ACCEPTS:
        valid.tool.run(["election", "verify", "--dir", str(tmp_path)])
        return
    # belenios-tool agrees that the record is bad.
    with pytest.raises(AssertionError, match="exited"):
        valid.tool.run(["election", "verify", "--dir", str(tmp_path)])


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(ALTERATIONS))
def test_alteration_as_is_is_rejected_by_the_hashes(
    valid: Fixture, tmp_path: Path, name: str
) -> None:
    alteration, _ = ALTERATIONS[name]
    target = tmp_path / f"{valid.uuid}.bel"
    alteration.raw(valid.tallied, target)
    report = verify_belenios(target, workers=1)
    assert not report.passed
    assert RAW_CHECKS & set(_failed(report)), report.to_text("en")


@pytest.mark.belenios
def test_snapshot_comparison_catches_a_removed_ballot(valid: Fixture, tmp_path: Path) -> None:
    target = tmp_path / "removed.bel"
    StructureAlteration(_remove_ballot).rehash(valid.during, target)
    assert verify_belenios(target, workers=1).passed  # consistent by itself...
    report = verify_belenios(target, previous=valid.during, workers=1)
    assert _failed(report) == ["archive.previous_snapshot"]  # ...but not with the past


@pytest.mark.belenios
def test_report_json_names_the_failed_check(valid: Fixture, tmp_path: Path) -> None:
    target = tmp_path / "bad.bel"
    ALTERATIONS["wrong_result"][0].rehash(valid.tallied, target)
    out = json.loads(verify_belenios(target, workers=1).to_json())
    assert out["passed"] is False and "result" not in out
    failed = [c for c in out["checks"] if c["outcome"] == "failed"]
    assert [c["name"] for c in failed] == ["tally.result"]
    assert failed[0]["error"] == "InvalidResultError"
    assert failed[0]["reason"]["fr"]


@pytest.mark.belenios
def test_report_lists_the_invalid_ballot(valid: Fixture, tmp_path: Path) -> None:
    target = tmp_path / "bad.bel"
    ALTERATIONS["ballot_signature"][0].rehash(valid.tallied, target)
    report = verify_belenios(target, workers=1)
    (bad,) = report.details["invalid_ballots"]
    assert bad["number"] == 2 and bad["check"] == "signature"
    assert bad["error"] == "InvalidSignatureError"
