"""The audit of §3.5 on elections made entirely by our code."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from ceremony.protocol.archive import PendingEvent, append_events
from ceremony.protocol.audit import Check, audit_archive, pooled_verifier, sequential_verifier
from tests.protocol.our_election import make_our_election

VOTES = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]


@pytest.fixture(scope="module")
def tallied(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    rng = random.Random(31)
    directory = tmp_path_factory.mktemp("audit")
    election = make_our_election(directory, rng, voters=4)
    election.cast(VOTES, rng)
    during = directory / "during.bel"
    shutil.copy(election.path, during)
    election.cast([[0, 0, 0, 1]], rng)  # voter 0 revotes
    election.tally(rng)
    return election.path, during


def _failed(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.check.value for c in outcome.checks if c.error is not None]


@pytest.mark.parametrize("verifier", ["sequential", "pool-1", "pool-2"])
def test_our_election_passes_every_check(tallied: tuple[Path, Path], verifier: str) -> None:
    path, during = tallied
    chosen = {
        "sequential": sequential_verifier,
        "pool-1": pooled_verifier(1),
        "pool-2": pooled_verifier(2),
    }[verifier]
    outcome = audit_archive(path, previous=during, ballot_verifier=chosen)
    assert outcome.passed, _failed(outcome)
    assert all(c.ran for c in outcome.checks)
    assert [c.check for c in outcome.checks] == list(Check)
    assert outcome.result is not None
    assert outcome.result.result == ((1, 0, 1, 2),)
    assert (outcome.num_ballots, outcome.num_tallied, outcome.total_weight) == (5, 4, 4)


def test_during_the_vote_tally_checks_do_not_apply(tallied: tuple[Path, Path]) -> None:
    _, during = tallied
    outcome = audit_archive(during, workers=1)
    assert outcome.passed and not outcome.tallied
    notes = {c.check: c.note for c in outcome.checks if not c.ran}
    assert set(notes) == {
        Check.TALLY_ENCRYPTED,
        Check.TALLY_PARTIAL_DECRYPTIONS,
        Check.TALLY_RESULT,
    }
    assert outcome.encrypted_tally is not None and outcome.num_tallied == 4


def test_a_ballot_after_end_ballots_is_out_of_order(
    tallied: tuple[Path, Path], tmp_path: Path
) -> None:
    _, during = tallied
    path = tmp_path / "late.bel"
    shutil.copy(during, path)
    append_events(path, [PendingEvent("EndBallots")])
    first_ballot = next(iter(_ballot_payloads(during)))
    append_events(path, [PendingEvent("Ballot", (first_ballot + b" ",))])
    outcome = audit_archive(path, workers=1)
    assert Check.ARCHIVE_EVENTS.value in _failed(outcome)


def _ballot_payloads(path: Path) -> list[bytes]:
    from ceremony.protocol.archive import iter_events, iter_records

    return [
        r.payload
        for r in iter_events(iter_records(path))
        if r.event.type == "Ballot" and r.payload is not None
    ]


def test_snapshot_of_another_board_is_refused(tallied: tuple[Path, Path], tmp_path: Path) -> None:
    path, _ = tallied
    other = make_our_election(tmp_path, random.Random(32), voters=1)
    outcome = audit_archive(path, previous=other.path, workers=1)
    assert _failed(outcome) == [Check.SNAPSHOT.value]


def test_unreadable_archive_is_a_named_failure(tmp_path: Path) -> None:
    (tmp_path / "x.bel").write_bytes(b"garbage" * 200)
    outcome = audit_archive(tmp_path / "x.bel", workers=1)
    assert _failed(outcome) == [Check.ARCHIVE_FORMAT.value]


def test_a_board_shorter_than_its_snapshot_is_refused(tallied: tuple[Path, Path]) -> None:
    path, during = tallied
    outcome = audit_archive(during, previous=path, workers=1)
    assert _failed(outcome) == [Check.SNAPSHOT.value]
    assert audit_archive(path, previous=path, workers=1).passed


def test_pool_from_a_threaded_process_spawns_its_workers(tallied: tuple[Path, Path]) -> None:
    import threading

    path, _ = tallied
    box: dict[str, object] = {}
    thread = threading.Thread(
        target=lambda: box.update(outcome=audit_archive(path, ballot_verifier=pooled_verifier(2)))
    )
    thread.start()
    thread.join(timeout=300)
    outcome = box["outcome"]
    assert getattr(outcome, "passed", False)
