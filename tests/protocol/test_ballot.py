"""Ballots (§4.11–4.15) in both directions with belenios-tool, and every altered ballot refused.

(a) ballots made by belenios-tool verify with our code (plain and fast paths);
each alteration is rejected, both paths naming the same failed check.
(b) ballots made by our code (votes, blank votes, revotes, weights) are
accepted by belenios-tool, whose own tally then gives the expected result.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from ceremony.protocol.ballot import (
    Ballot,
    make_ballot,
    verify_ballot,
)
from ceremony.protocol.credentials import (
    CredentialList,
    derive_public_credential,
    derive_secret,
    make_credential,
    make_credential_list,
)
from ceremony.protocol.election import Election, make_election
from ceremony.protocol.elgamal import PlainPowers
from ceremony.protocol.errors import ProtocolError
from ceremony.protocol.fastverify import BallotVerifier
from ceremony.protocol.group import BELENIOS_2048
from ceremony.protocol.hashing import sha256_b64, sha256_hex
from ceremony.protocol.proofs import make_signature
from ceremony.protocol.serialization import dumps
from tests.conftest import BeleniosTool, require
from tests.protocol.strategies import homomorphic_votes, rngs
from tests.protocol.tool_election import ToolElection, homomorphic_template, make_tool_election

VOTES = [[0, 0, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 1], [0, 1, 0, 0, 0, 0, 0]]


def _tool(tmp: Path) -> BeleniosTool:
    import shutil

    require(shutil.which("belenios-tool") is not None, "belenios-tool")
    tmp.mkdir(parents=True, exist_ok=True)
    return BeleniosTool(tmp)


@pytest.fixture(scope="module")
def tool_election(tmp_path_factory: pytest.TempPathFactory) -> ToolElection:
    """6 lists + blank, BELENIOS-2048, 4 voters, one belenios-tool ballot each."""
    election = make_tool_election(
        _tool(tmp_path_factory.mktemp("b6")), homomorphic_template(6), voters=4
    )
    for voter, vote in enumerate(VOTES):
        election.add_ballot(election.generate_ballot(voter, [vote]))
    return election


def _read(election: ToolElection) -> tuple[Election, CredentialList]:
    e = Election.from_bytes(election.election_bytes)
    return e, CredentialList.from_json(e.group, dumps(election.public_credentials))


def _outcome_plain(election: Election, credentials: CredentialList, raw: bytes) -> str:
    try:
        verify_ballot(election, Ballot.from_bytes(raw, election), credentials)
    except ProtocolError as e:
        return e.check
    return "ok"


def _outcome_fast(election: Election, credentials: CredentialList, raw: bytes) -> str:
    (outcome,) = BallotVerifier(election, credentials).verify_chunk([raw])
    return "ok" if outcome.ok else str(outcome.check)


@pytest.mark.belenios
def test_ballots_of_belenios_tool_verify(tool_election: ToolElection) -> None:
    election, credentials = _read(tool_election)
    raws = tool_election.archive_ballots()
    assert len(raws) == len(VOTES)
    for raw in raws:
        ballot = Ballot.from_bytes(raw, election)
        assert verify_ballot(election, ballot, credentials) == 1
        assert ballot.to_bytes() == raw and dumps(ballot.to_dict()) == raw
        assert ballot.signature is not None and ballot.signature.hash == ballot.unsigned_hash()
        assert ballot.tracker == sha256_b64(raw)
    outcomes = BallotVerifier(election, credentials).verify_chunk(raws)
    assert [o.ok for o in outcomes] == [True] * len(raws)
    assert [o.tracker for o in outcomes] == [sha256_b64(r) for r in raws]


def _resign(obj: dict[str, Any], election: Election, credential: str) -> None:
    """Recompute the signature after an alteration, as a forger knowing the credential would."""
    obj.pop("signature", None)
    ballot_hash = sha256_b64(dumps(obj))
    secret = derive_secret(election.group, credential, election.uuid)
    powers = PlainPowers(election.group, election.public_key)
    obj["signature"] = {
        "hash": ballot_hash,
        "proof": make_signature(powers, ballot_hash, secret).to_dict(),
    }


def _bump(value: str, by: int = 1) -> str:
    return str((int(value) + by) % int(BELENIOS_2048.q))


G, P = BELENIOS_2048.g, BELENIOS_2048.p
ORDER_3 = pow(5, (P - 1) // 3, P)
Alteration = Callable[[dict[str, Any]], object]


def _set(path: str, make: Callable[[Any], Any]) -> Alteration:
    def alter(obj: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = obj
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        key_or_index: Any = int(last) if last.isdigit() else last
        node[key_or_index] = make(node[key_or_index])

    return alter


ALTERATIONS: dict[str, tuple[Alteration, str]] = {
    "individual proof response": (
        _set("answers.0.individual_proofs.3.0.response", _bump),
        "individual_proof",
    ),
    "individual proof challenge": (
        _set("answers.0.individual_proofs.0.1.challenge", _bump),
        "individual_proof",
    ),
    "proofs of two choices swapped": (
        lambda o: o["answers"][0]["individual_proofs"].reverse(),
        "individual_proof",
    ),
    "alpha replaced by another group element": (
        _set("answers.0.choices.2.alpha", lambda a: str(int(a) * G % P)),
        "individual_proof",
    ),
    "blank proof response": (_set("answers.0.blank_proof.1.response", _bump), "blank_proof"),
    "overall proof challenge": (
        _set("answers.0.overall_proof.0.challenge", _bump),
        "overall_proof",
    ),
    "signature response": (_set("signature.proof.response", _bump), "signature"),
    "signature hash": (
        _set("signature.hash", lambda h: ("A" if h[0] != "A" else "B") + h[1:]),
        "signature",
    ),
    "unknown credential": (_set("credential", lambda c: str(int(c) * G % P)), "credential"),
    "credential outside the subgroup": (_set("credential", lambda c: str(P - int(c))), "subgroup"),
    "beta of order-2 component": (
        _set("answers.0.choices.1.beta", lambda b: str(P - int(b))),
        "subgroup",
    ),
    "alpha of order-3 component": (
        _set("answers.0.choices.4.alpha", lambda a: str(int(a) * ORDER_3 % P)),
        "subgroup",
    ),
    "election hash": (_set("election_hash", lambda h: sha256_b64(b"other")), "election"),
    "election uuid": (_set("election_uuid", lambda u: "tjQW2b734cduTo"), "election"),
    "choice removed": (
        lambda o: [o["answers"][0][k].pop() for k in ("choices", "individual_proofs")],
        "format",
    ),
    "blank proof removed": (lambda o: o["answers"][0].pop("blank_proof"), "format"),
    "unreduced response": (
        _set("answers.0.overall_proof.1.response", lambda r: str(int(r) + int(BELENIOS_2048.q))),
        "format",
    ),
    "non-canonical number": (_set("answers.0.choices.0.beta", lambda b: "0" + b), "format"),
}


@pytest.mark.belenios
@pytest.mark.parametrize("resign", [False, True], ids=["as-is", "re-signed"])
@pytest.mark.parametrize("name", list(ALTERATIONS))
def test_altered_ballots_are_refused_naming_the_check(
    tool_election: ToolElection, name: str, resign: bool
) -> None:
    election, credentials = _read(tool_election)
    raw = tool_election.archive_ballots()[0]
    alter, expected = ALTERATIONS[name]
    obj = json.loads(raw)
    alter(obj)
    if resign and expected not in {"signature", "election"}:
        _resign(obj, election, tool_election.private_credentials[0])
    altered = dumps(obj)
    assert altered != raw
    assert _outcome_plain(election, credentials, altered) == expected
    assert _outcome_fast(election, credentials, altered) == expected


def _expected_result(votes: list[tuple[int, list[int]]], weights: list[int]) -> list[int]:
    latest: dict[int, list[int]] = {}
    for voter, vote in votes:
        latest[voter] = vote
    totals = [0] * len(votes[0][1])
    for voter, vote in latest.items():
        totals = [t + weights[voter] * v for t, v in zip(totals, vote, strict=True)]
    return totals


def _tally_with_belenios(election: ToolElection) -> list[list[int]]:
    tool = election.tool
    tool.run(["archive", "add-event", "--type=EndBallots"], stdin="")
    tally = tool.run(["election", "compute-encrypted-tally"])
    tool.run(["archive", "add-event", "--type=EncryptedTally"], stdin=tally)
    (privkey,) = tool.workdir.glob("*.privkey")
    partial = tool.run(["election", "decrypt", "--privkey", privkey.name, "--trustee-id", "1"])
    tool.run(["archive", "add-event", "--type=PartialDecryption"], stdin=partial)
    result = tool.run(["election", "compute-result"])
    tool.run(["archive", "add-event", "--type=Result"], stdin=result)
    election.verify()
    return json.loads(result)["result"]  # type: ignore[no-any-return]


@pytest.mark.belenios
def test_ballots_made_by_us_are_accepted_and_counted_by_belenios_tool(
    tmp_path: Path,
) -> None:
    tool_el = make_tool_election(_tool(tmp_path / "ours"), homomorphic_template(6), voters=4)
    election = Election.from_bytes(tool_el.election_bytes)
    rng = random.Random(2024)
    votes = [(0, VOTES[0]), (1, VOTES[1]), (2, VOTES[2]), (0, VOTES[3]), (3, VOTES[1])]
    for voter, vote in votes:
        ballot = make_ballot(election, tool_el.private_credentials[voter], [vote], rng)
        tool_el.add_ballot(ballot.to_bytes())  # belenios-tool checks the ballot here
    tool_el.verify()
    assert _tally_with_belenios(tool_el) == [_expected_result(votes, [1] * 4)]


@pytest.mark.belenios
def test_weighted_non_blank_ballots_made_by_us_are_counted_by_belenios_tool(
    tmp_path: Path,
) -> None:
    template = homomorphic_template(3, blank=False, min_=1, max_=2)
    weights = [3, 1, 2]
    tool_el = make_tool_election(
        _tool(tmp_path / "weighted"), template, voters=3, group="RFC-3526-2048", weights=weights
    )
    election = Election.from_bytes(tool_el.election_bytes)
    credentials = CredentialList.from_json(election.group, dumps(tool_el.public_credentials))
    assert credentials.total_weight == 6
    votes = [(0, [1, 1, 0]), (1, [0, 0, 1]), (2, [0, 1, 0])]
    rng = random.Random(7)
    for voter, vote in votes:
        ballot = make_ballot(election, tool_el.private_credentials[voter], [vote], rng)
        assert verify_ballot(election, ballot, credentials) == weights[voter]
        tool_el.add_ballot(ballot.to_bytes())
    tool_el.verify()
    assert _tally_with_belenios(tool_el) == [_expected_result(votes, weights)]


@settings(max_examples=6, deadline=None)
@given(rng=rngs(), data=homomorphic_votes(answers=4, min_=1, max_=2, blank=True))
def test_made_ballots_verify_and_survive_a_round_trip(rng: random.Random, data: list[int]) -> None:
    group = BELENIOS_2048
    credential = make_credential(rng)
    uuid = "tjQW2b734cduTo"
    election = make_election(homomorphic_template(4, max_=2), uuid, group, group.g_pow(99))
    public = derive_public_credential(group, credential, uuid)
    credentials = make_credential_list(group, [public, group.g])
    ballot = make_ballot(election, credential, [data], rng)
    assert verify_ballot(election, ballot, credentials) == 1
    assert Ballot.from_bytes(ballot.to_bytes(), election) == ballot
    (outcome,) = BallotVerifier(election, credentials).verify_chunk([ballot.to_bytes()])
    assert outcome.ok and outcome.credential == str(public)


def test_invalid_plaintexts_are_refused() -> None:
    group = BELENIOS_2048
    election = make_election(homomorphic_template(3), "tjQW2b734cduTo", group, group.g)
    credential = make_credential(random.Random(1))
    for bad in ([0, 0, 0, 0], [1, 1, 0, 0], [0, 1, 1, 0], [0, 2, 0, 0], [0, 1, 0]):
        with pytest.raises(ProtocolError):
            make_ballot(election, credential, [bad])


def test_last_keeps_each_credentials_last_ballot_in_its_place() -> None:
    from ceremony.protocol.ballot import last

    ballots = [("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)]
    assert last(ballots, lambda b: b[0]) == [("a", 3), ("c", 4), ("b", 5)]
    assert last([], lambda b: b) == []


@pytest.mark.belenios
def test_archive_name_is_the_sha256_of_the_ballot(tool_election: ToolElection) -> None:
    import tarfile

    with tarfile.open(tool_election.archive) as tar:
        names = {m.name for m in tar.getmembers()}
    for raw in tool_election.archive_ballots():
        assert f"{sha256_hex(raw)}.data.json" in names


@pytest.mark.belenios
def test_several_questions_both_ways(tmp_path: Path) -> None:
    """demo.sh shape: two questions, one with blank allowed, one with min 0 and max 2."""
    template = homomorphic_template(2)
    second = homomorphic_template(3, blank=False, min_=0, max_=2)["questions"][0]
    template["questions"].append(second)
    tool_el = make_tool_election(_tool(tmp_path / "two"), template, voters=3)
    election, credentials = _read(tool_el)
    theirs = [[[0, 1, 0], [1, 0, 1]], [[1, 0, 0], [0, 0, 0]]]
    for voter, vote in enumerate(theirs):
        raw = tool_el.generate_ballot(voter, vote)
        assert verify_ballot(election, Ballot.from_bytes(raw, election), credentials) == 1
        tool_el.add_ballot(raw)
    ours = make_ballot(election, tool_el.private_credentials[2], [[0, 0, 1], [0, 1, 1]])
    assert verify_ballot(election, ours, credentials) == 1
    tool_el.add_ballot(ours.to_bytes())
    tool_el.verify()
    assert _tally_with_belenios(tool_el) == [[1, 1, 1], [1, 1, 2]]
