"""The simulator's bundles through the bureau's importer, its faults, its determinism."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ceremony.bundles.errors import ReplayedBundleError, SignaturePolicyError
from ceremony.bundles.importer import (
    ImportContext,
    expect_payload,
    import_bundle,
    import_bundle_file,
)
from ceremony.bundles.payloads.definition import DefinitionPayload
from ceremony.bundles.payloads.status import StatusPayload
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.bundles.sources import open_file
from ceremony.protocol.archive import iter_events, iter_records
from ceremony.protocol.ballot import Ballot, BallotError, verify_ballot
from ceremony.protocol.credentials import CredentialList
from ceremony.protocol.election import Election
from ceremony.protocol.errors import ProtocolError
from ceremony.simulator.platform import GHOST_VOTER, ContestVotes, Faults, schedule_end
from ceremony.simulator.urn import voter_id
from tests.simulator.conftest import Sealed
from tests.workflow.ceremony_setup import simulator

NO_FAULTS = Faults()


def urn_files(sealed: Sealed, votes: list[ContestVotes], faults: Faults = NO_FAULTS) -> Any:
    data = sealed.simulator.urn_bundle(
        sealed.seal, sealed.trustees, sealed.elections, votes, faults
    )
    verified = expect_payload(import_bundle(data, "urn", sealed.context), UrnPayload)
    return verified.payload, verified.bundle.files


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def emargement(files: Any) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(files["emargement.json"])["entries"]
    return entries


def ballots(archive: bytes) -> list[bytes]:
    return [
        e.payload
        for e in iter_events(iter_records(io.BytesIO(archive)))
        if e.event.type == "Ballot" and e.payload is not None
    ]


def failing_ballots(sealed: Sealed, payload: UrnPayload, files: Any) -> list[str]:
    failed = []
    for contest in payload.contests:
        uuid = contest.contest_uuid
        election = Election.from_bytes(sealed.elections[uuid])
        credentials = CredentialList.from_json(
            election.group, sealed.simulator.files[f"credentials-{uuid}.json"]
        )
        for raw in ballots(files[contest.archive.path]):
            try:
                verify_ballot(election, Ballot.from_bytes(raw, election), credentials)
            except (BallotError, ProtocolError) as e:
                failed.append(type(e).__name__)
    return failed


@pytest.fixture(scope="module")
def clean(sealed: Sealed) -> tuple[list[ContestVotes], UrnPayload, Any]:
    """The votes and the urn without faults (payload, files), made once."""
    votes = sealed.simulator.cast_votes()
    return (votes, *urn_files(sealed, votes))


# -- round trips through the importer ------------------------------------------


def test_definition_round_trip(sealed: Sealed) -> None:
    sim = sealed.simulator
    context = ImportContext(platform_key=sim.signer.public_key)
    verified = expect_payload(
        import_bundle(sim.definition_bundle(), "definition", context), DefinitionPayload
    )
    assert verified.payload == sim.definition
    assert [(k.key.key_id, k.role) for k in verified.verification.signed] == [
        (sim.platform_key_id, "platform")
    ]
    for name, content in sim.files.items():
        assert verified.bundle.files[name] == content


def test_status_round_trip(sealed: Sealed) -> None:
    sim = sealed.simulator
    votes = sim.cast_votes()
    schedule = sim.bureau().schedule
    midday = schedule.opening + (schedule.closing - schedule.opening) / 2
    status = expect_payload(
        import_bundle(sim.status_bundle(1, "open", midday, votes), "status", sealed.context),
        StatusPayload,
    ).payload
    expected = {
        v.plan.contest_uuid: len({x.voter for x in v.votes if x.at <= midday}) for v in votes
    }
    assert {p.contest_uuid: p.ballots_cast for p in status.participation} == expected
    assert status.emargement_count == sum(expected.values())
    assert 0 < status.emargement_count < sum(len({x.voter for x in v.votes}) for v in votes)


def test_urn_round_trip(sealed: Sealed, clean: Any) -> None:
    votes, payload, files = clean
    assert payload.election_fingerprints() == sealed.seal.election_fingerprints()
    for contest, record in zip(payload.contests, votes, strict=True):
        assert contest.ballots == len(record.votes) == len(ballots(files[contest.archive.path]))
    assert failing_ballots(sealed, payload, files) == []
    voters = {(v.plan.contest_uuid, x.voter) for v in votes for x in v.votes}
    assert len(emargement(files)) == len(voters)


def test_urn_file_is_the_urn_bytes_and_imports_from_disk(sealed: Sealed, tmp_path: Path) -> None:
    sim = sealed.simulator
    votes = sim.cast_votes()
    path = sim.urn_bundle_file(
        tmp_path / "urne.zip", sealed.seal, sealed.trustees, sealed.elections, votes
    )
    assert path == tmp_path / "urne.zip"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["urne.zip"]  # no temporary left
    verified = import_bundle_file(path, "urn", sealed.context)
    payload = expect_payload(verified, UrnPayload).payload
    with open_file(verified.bundle.files, payload.contests[0].archive.path) as stream:
        assert stream.read(8) == b"BELENIOS"
    assert path.read_bytes() == sim.urn_bundle(
        sealed.seal, sealed.trustees, sealed.elections, votes
    )


# -- faults --------------------------------------------------------------------


def test_late_ballot_is_emarged_after_closing_and_grace(sealed: Sealed, clean: Any) -> None:
    votes, _, clean = clean
    _, files = urn_files(sealed, votes, Faults(late_ballot=True))
    end = utc(schedule_end(sealed.simulator.bureau()))
    assert [e for e in emargement(clean) if e["at"] > end] == []
    late = [e for e in emargement(files) if e["at"] > end]
    assert late == [emargement(files)[-1]]
    assert late[0]["at"] == utc(schedule_end(sealed.simulator.bureau()) + timedelta(minutes=5))
    assert emargement(files)[:-1] == emargement(clean)[:-1]


def test_ballot_without_emargement_leaves_one_voter_out(sealed: Sealed, clean: Any) -> None:
    votes, payload, clean = clean
    faulty_payload, files = urn_files(sealed, votes, Faults(ballot_without_emargement=True))
    assert emargement(files) == emargement(clean)[:-1]
    assert [c.ballots for c in faulty_payload.contests] == [c.ballots for c in payload.contests]


def test_emargement_without_ballot_names_an_elector_who_did_not_vote(
    sealed: Sealed, clean: Any
) -> None:
    votes, _, clean = clean
    _, files = urn_files(sealed, votes, Faults(emargement_without_ballot=True))
    extra = emargement(files)[-1]
    assert emargement(files)[:-1] == emargement(clean)
    uuid = extra["contest_uuid"]
    assert extra["voter"] == voter_id(uuid, GHOST_VOTER)
    record = next(v for v in votes if v.plan.contest_uuid == uuid)
    assert GHOST_VOTER not in {x.voter for x in record.votes}


def test_tampered_ballot_is_exactly_one_ballot_whose_proof_fails(sealed: Sealed) -> None:
    votes = sealed.simulator.cast_votes()
    payload, files = urn_files(sealed, votes, Faults(tampered_ballot=True))
    assert failing_ballots(sealed, payload, files) == ["InvalidIndividualProofError"]
    assert [c.ballots for c in payload.contests] == [len(v.votes) for v in votes]


def test_wrong_signature_is_refused_by_the_platform_key_policy(sealed: Sealed) -> None:
    sim = sealed.simulator
    votes = sim.cast_votes()
    data = sim.urn_bundle(
        sealed.seal, sealed.trustees, sealed.elections, votes, Faults(wrong_signature=True)
    )
    with pytest.raises(SignaturePolicyError):
        import_bundle(data, "urn", sealed.context)


def test_replayed_status_is_refused(sealed: Sealed) -> None:
    sim = sealed.simulator
    votes = sim.cast_votes()
    opening = sim.bureau().schedule.opening
    first = sim.status_bundle(1, "open", opening, votes)
    verified = import_bundle(first, "status", sealed.context)
    after = replace(
        sealed.context,
        seen_bundle_ids=sealed.context.seen_bundle_ids | {verified.manifest.bundle_id},
    )
    replayed = sim.status_bundle(1, "open", opening, votes)
    assert replayed == first
    with pytest.raises(ReplayedBundleError):
        import_bundle(replayed, "status", after)


# -- determinism ---------------------------------------------------------------


def test_same_seed_gives_byte_identical_bundles(sealed: Sealed) -> None:
    one, two = sealed.simulator, simulator()
    two.workers = 1  # another number of workers must not change a byte
    assert two.definition_bundle() == one.definition_bundle()
    votes_one, votes_two = one.cast_votes(), two.cast_votes()
    closing = one.bureau().schedule.closing
    assert two.status_bundle(2, "closed", closing, votes_two) == one.status_bundle(
        2, "closed", closing, votes_one
    )
    assert two.urn_bundle(
        sealed.seal, sealed.trustees, sealed.elections, votes_two
    ) == one.urn_bundle(sealed.seal, sealed.trustees, sealed.elections, votes_one)
