"""Interop in Ed25519 with belenios-tool 3.3 (Debian sid, chroot fixture).

1. An election made entirely by belenios-tool 3.3 in Ed25519 (Single
   trustees, blank vote, revote): we verify it and find the tool's result.
3. Our Ed25519 ballots: belenios-tool 3.3 checks each one fully
   (``verify-ballot``), archives it, verifies the record and counts it.
4. Tampered Ed25519 points (small-order points and torsion components,
   non-canonical encodings, the identity where it is not allowed, spellings
   other than 64 lowercase hex digits) are rejected, the failed check named.

A threshold record ([Single, Pedersen 2-of-3]) made by the tool is verified
too; the checks of its 3.3 additions (certificate contexts, signatures,
AES-GCM) belong to the ``formats33`` branch, whose tests (tests/interop33)
take the group as a parameter and cover Ed25519 once both are merged.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ceremony.protocol.audit import Check
from ceremony.protocol.ballot import sign_ballot_with_secret
from ceremony.protocol.ed25519 import ED25519
from ceremony.protocol.election import Election
from ceremony.protocol.elgamal import PlainPowers
from ceremony.verify.belenios import verify_belenios
from ceremony.verify.report import Outcome, VerificationReport
from tests.belenios33.tool import BeleniosTool33, new_tool
from tests.conftest import require
from tests.interop.tamper import (
    ContentAlteration,
    LogicalEvent,
    StructureAlteration,
    read_logical,
)
from tests.interop_ed25519.tool_ed25519 import election_with_our_credentials, tool_election
from tests.protocol import ed25519_reference as ref

G = ED25519
# Voter 0: list B, then a revote for blank; voter 1: list A; voter 2: list C.
VOTES = [[[0, 0, 1, 0]], [[0, 1, 0, 0]], [[0, 0, 0, 1]]]
REVOTE = [[1, 0, 0, 0]]
EXPECTED = [[1, 1, 0, 1]]


@dataclass(frozen=True)
class Record:
    tool: BeleniosTool33
    uuid: str
    during: Path
    tallied: Path
    result: list[Any]


@pytest.fixture(scope="module")
def record(
    belenios33_root: Path | None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Record]:
    require(belenios33_root is not None, "belenios-tool 3.3 (the sid chroot .belenios33/)")
    assert belenios33_root is not None
    tool = new_tool(belenios33_root)
    base = tmp_path_factory.mktemp("ed25519")
    try:
        election = tool_election(tool, voters=3, trustees=2)
        for voter, vote in enumerate(VOTES):
            election.vote(voter, vote)
        during = base / "during.bel"
        shutil.copy(election.archive, during)
        election.vote(0, REVOTE)
        result = election.tool_tally()
        tallied = base / "tallied.bel"
        shutil.copy(election.archive, tallied)
        yield Record(tool, election.uuid, during, tallied, result)
    finally:
        tool.cleanup()


@pytest.mark.belenios
def test_tool33_ed25519_election_verifies_with_the_same_result(record: Record) -> None:
    assert record.result == EXPECTED
    during = verify_belenios(record.during, workers=1)
    assert during.passed, during.to_text("en")
    assert during.result is None
    report = verify_belenios(record.tallied, previous=record.during, workers=2)
    assert report.passed, report.to_text("en")
    assert report.result == record.result
    assert report.details["ballots"] == 4 and report.details["tallied_ballots"] == 3
    assert report.check(Check.SNAPSHOT.value).outcome is Outcome.PASSED


@pytest.mark.belenios
def test_tool33_ed25519_threshold_election_verifies_with_the_same_result(
    belenios33: BeleniosTool33,
) -> None:
    # [Single, Pedersen 2-of-3], all by belenios-tool 3.3; delegates 2 and 3 decrypt.
    election = tool_election(belenios33, voters=3, trustees=1, threshold=True)
    for voter, vote in enumerate(VOTES):
        election.vote(voter, vote)
    election.vote(0, REVOTE)
    theirs = election.tool_tally(delegates=(1, 2))
    assert theirs == EXPECTED
    report = verify_belenios(election.archive, workers=1)
    assert report.passed, report.to_text("en")
    assert report.result == theirs


@pytest.mark.belenios
def test_our_ed25519_ballots_are_accepted_and_counted_by_tool33(
    belenios33: BeleniosTool33,
) -> None:
    rng = random.Random(2026)
    election = election_with_our_credentials(belenios33, rng, voters=3, trustees=1)
    ours = Election.from_bytes(election.election_bytes)
    assert ours.group is ED25519
    powers = PlainPowers(ours.group, ours.public_key)
    for voter, vote in [*enumerate(VOTES), (0, REVOTE)]:
        ballot = sign_ballot_with_secret(ours, powers, election.secrets[voter], vote, rng)
        text = ballot.to_bytes().decode()
        election.verify_ballot(text)  # belenios-tool 3.3 checks every proof and the signature
        election.add_ballot(text)
    election.verify()
    assert election.tool_tally() == EXPECTED
    report = verify_belenios(election.archive, workers=1)
    assert report.passed, report.to_text("en")
    assert report.result == EXPECTED


# --- 4. Tampered Ed25519 points -------------------------------------------------

_P5 = ref.mul(5, ref.BASE)


def _hex(z: int) -> str:
    return format(z, "064x")


def _torsion(text: str, k: int = 1) -> str:
    """The point plus a torsion point of order 8: on the curve, outside the subgroup."""
    point = ref.decode(int(text, 16))
    assert point is not None
    return _hex(ref.encode(ref.add(point, ref.TORSION[k])))


SMALL_ORDER = _hex(ref.encode(ref.TORSION[2]))  # order 4
IDENTITY_ALIAS = _hex(1 | 1 << 255)  # the identity with its sign bit set
IDENTITY_Y_PLUS_P = _hex(ref.P + 1)  # the identity, y + p


def _alpha(value: Any) -> Any:
    def edit(b: Any) -> None:
        choice = b["answers"][0]["choices"][1]
        choice["alpha"] = value(choice["alpha"]) if callable(value) else value

    return edit


def _beta_uppercase(b: Any) -> None:
    choice = b["answers"][0]["choices"][0]
    choice["beta"] = choice["beta"].upper()


def _ballot_credential(value: str) -> Any:
    def edit(b: Any) -> None:
        b["credential"] = value

    return edit


def _factor_torsion(pd: Any) -> None:
    pd["decryption_factors"][0][1] = _torsion(pd["decryption_factors"][0][1], 3)


def _trustee_key(value: Any) -> Any:
    def edit(t: Any) -> None:
        key = t[0][1]
        key["public_key"] = value(key["public_key"]) if callable(value) else value

    return edit


def _election_key_torsion(e: Any) -> None:
    e["public_key"] = _torsion(e["public_key"], 4)


def _credential(value: Any) -> Any:
    def edit(c: Any) -> None:
        c[1] = value(c[1]) if callable(value) else value

    return edit


def _identity_credential_ballot(events: list[LogicalEvent]) -> list[LogicalEvent]:
    """Add the identity to the public credentials and vote with the exponent 0."""
    setup = events[0]
    nested = dict(setup.nested)
    creds = json.loads(nested["credentials"])
    creds.append(_hex(1))
    nested["credentials"] = json.dumps(sorted(creds), separators=(",", ":")).encode()
    events[0] = LogicalEvent(setup.type, tuple(nested.items()), setup.payload)
    election = Election.from_bytes(nested["election"])
    rng = random.Random(9)
    powers = PlainPowers(election.group, election.public_key)
    ballot = sign_ballot_with_secret(election, powers, 0, [[0, 1, 0, 0]], rng)
    last = [i for i, e in enumerate(events) if e.type == "Ballot"][-1]
    events.insert(last + 1, LogicalEvent("Ballot", (), ballot.to_bytes()))
    return events


Alteration = ContentAlteration | StructureAlteration
# name -> (alteration of the open election's record, check that must fail, word of the reason)
ALTERATIONS: dict[str, tuple[Alteration, str, str]] = {
    "ballot_alpha_torsion_component": (
        ContentAlteration("Ballot", 1, None, _alpha(_torsion)), "ballots.valid", "subgroup"),
    "ballot_alpha_small_order": (
        ContentAlteration("Ballot", 1, None, _alpha(SMALL_ORDER)), "ballots.valid", "subgroup"),
    "ballot_alpha_identity_sign_bit": (
        ContentAlteration("Ballot", 1, None, _alpha(IDENTITY_ALIAS)), "ballots.valid",
        "subgroup"),
    "ballot_alpha_identity_y_plus_p": (
        ContentAlteration("Ballot", 1, None, _alpha(IDENTITY_Y_PLUS_P)), "ballots.valid",
        "canonical encoding"),
    "ballot_beta_uppercase_hex": (
        ContentAlteration("Ballot", 2, None, _beta_uppercase), "ballots.valid", "hexadecimal"),
    "ballot_credential_torsion_component": (
        ContentAlteration("Ballot", 0, None, _ballot_credential(_torsion(str(G.g_pow(77))))),
        "ballots.valid", "subgroup"),
    "credential_torsion_component": (
        ContentAlteration("Setup", 0, "credentials", _credential(_torsion)),
        "setup.credentials", "subgroup"),
    "credential_small_order": (
        ContentAlteration("Setup", 0, "credentials", _credential(SMALL_ORDER)),
        "setup.credentials", "subgroup"),
    "credential_identity_used_to_vote": (
        StructureAlteration(_identity_credential_ballot), "setup.credentials", "neutral"),
    "trustee_key_torsion_component": (
        ContentAlteration("Setup", 0, "trustees", _trustee_key(_torsion)), "setup.trustees",
        "subgroup"),
    "trustee_key_small_order": (
        ContentAlteration("Setup", 0, "trustees", _trustee_key(SMALL_ORDER)), "setup.trustees",
        "subgroup"),
    "election_key_torsion_component": (
        ContentAlteration("Setup", 0, "election", _election_key_torsion), "setup.election",
        "subgroup"),
}  # fmt: skip
TALLY_ALTERATIONS: dict[str, tuple[Alteration, str, str]] = {
    "decryption_factor_torsion_component": (
        ContentAlteration("PartialDecryption", 0, "payload", _factor_torsion),
        "tally.partial_decryptions", "subgroup"),
}  # fmt: skip


# What belenios-tool 3.3 lets through (seen here), and we reject on purpose: the
# identity as a public credential. Its membership test accepts the identity,
# and anyone can sign for it with the exponent 0.
TOOL_ACCEPTS = {"credential_identity_used_to_vote"}
# Its verdict on a bad point in the credential list varied between runs here
# ("all checks passed", exit 0, or "is not a valid public credential", exit
# 124): it does not always wait for that check either. Not asserted.
TOOL_UNSETTLED = {"credential_small_order", "credential_torsion_component"}


def _failed(report: VerificationReport) -> list[str]:
    return [c.name for c in report.failed_checks()]


def _tool_verdict(record: Record, source: Path, target: Path, name: str) -> None:
    """belenios-tool 3.3 rejects the same alteration (or, for TOOL_ACCEPTS, takes it).

    Its ``election verify`` does not wait for the ballot checks (reference note
    §5): a tampered ballot is judged by ``verify-ballot`` against the untouched record.
    """
    tool = record.tool
    here = tool.workdir / f"case-{name}"
    original = here / "original"
    original.mkdir(parents=True)
    shutil.copy(source, original / source.name.replace(source.stem, record.uuid))
    altered = here / "altered"
    altered.mkdir()
    shutil.copy(target, altered / target.name)
    if name in TOOL_UNSETTLED:
        return
    if name in TOOL_ACCEPTS:
        tool.run(["election", "verify", "--dir", str(altered)])
        return
    if not name.startswith("ballot_"):
        verdict = tool.run_raw(["election", "verify", "--dir", str(altered)])
        assert verdict.returncode != 0, verdict.stderr
        return
    _, before = read_logical(source)
    _, after = read_logical(target)
    known = {e.payload for e in before if e.type == "Ballot"}
    (changed,) = [e.payload for e in after if e.type == "Ballot" and e.payload not in known]
    assert changed is not None
    (here / "ballot.json").write_bytes(changed + b"\n")
    verdict = tool.run_raw(
        ["election", "verify-ballot", "--dir", str(original), "--ballot", str(here / "ballot.json")]
    )
    assert verdict.returncode != 0 and "Invalid" in verdict.stderr, verdict.stderr


def _check(
    record: Record, source: Path, target: Path, name: str, spec: tuple[Alteration, str, str]
) -> None:
    alteration, check, word = spec
    alteration.rehash(source, target)
    report = verify_belenios(target, workers=1)
    assert not report.passed
    assert check in _failed(report), report.to_text("en")
    text = report.to_text("en")
    assert word in text, text
    _tool_verdict(record, source, target, name)


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(ALTERATIONS))
def test_tampered_ed25519_point_is_rejected(record: Record, tmp_path: Path, name: str) -> None:
    _check(record, record.during, tmp_path / f"{record.uuid}.bel", name, ALTERATIONS[name])


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(TALLY_ALTERATIONS))
def test_tampered_ed25519_tally_point_is_rejected(
    record: Record, tmp_path: Path, name: str
) -> None:
    spec = TALLY_ALTERATIONS[name]
    _check(record, record.tallied, tmp_path / f"{record.uuid}.bel", name, spec)
