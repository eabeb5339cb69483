"""The wrong verdicts of the independent audit (issue 14), one class per test group.

Every record is built with belenios-tool 2.0 and our tamper helpers. Each
test asserts the verdict that the fixed verifier gives; on the code before
the fix each one fails (the bad record passed, or the good one was refused).
Where belenios-tool 2.0 refuses a bad record too, the test says so.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ceremony.protocol.archive import (
    HEADER_NAME,
    PendingEvent,
    build_members,
    iter_events,
    iter_records,
    tar_member,
)
from ceremony.protocol.audit import audit_archive
from ceremony.verify.belenios import verify_belenios
from ceremony.verify.report import Outcome, VerificationReport
from tests.conftest import BeleniosTool, require
from tests.interop.tamper import (
    BytesAlteration,
    ContentAlteration,
    LogicalEvent,
    StructureAlteration,
    read_logical,
    rebuild,
    rebuild_events,
)
from tests.interop.tool_threshold import (
    TEMPLATE,
    ThresholdElection,
    setup_election,
    tool_trustees,
)


@dataclass(frozen=True)
class Records:
    tool: BeleniosTool
    uuid: str
    tallied: Path
    during: Path  # voter 0 voted, then voter 1; voter 0 has revoted at the end


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Records]:
    require(shutil.which("belenios-tool") is not None, "belenios-tool")
    base = tmp_path_factory.mktemp("verdicts")
    (base / "belenios").mkdir()
    tool = BeleniosTool(base / "belenios")
    election = setup_election(tool, tool_trustees(tool), voters=3)
    election.vote(0, [0, 1, 0, 0])
    election.vote(1, [0, 0, 1, 0])
    election.vote(0, [0, 0, 0, 1])  # revote: voter 0's first ballot no longer counts
    during = base / "during.bel"
    shutil.copy(election.archive, during)
    election.tool_tally(delegates=(0, 1))
    tallied = base / "tallied.bel"
    shutil.copy(election.archive, tallied)
    yield Records(tool, election.uuid, tallied, during)


def _failed(report: VerificationReport) -> list[str]:
    return [c.name for c in report.failed_checks()]


def _tool_verdict(tool: BeleniosTool, archive: Path, uuid: str, tmp_path: Path) -> bool:
    """True when ``belenios-tool election verify`` accepts ``archive``."""
    folder = tmp_path / "tool-check"
    folder.mkdir(exist_ok=True)
    shutil.copy(archive, folder / f"{uuid}.bel")
    try:
        tool.run(["election", "verify", "--dir", str(folder)])
    except AssertionError:
        return False
    return True


# Class 1 -- no election at all ---------------------------------------------------
def _header_member(source: Path) -> bytes:
    first = next(iter(iter_records(source)))
    return tar_member(HEADER_NAME, first.content, 0)


@pytest.mark.belenios
def test_header_only_record_fails(records: Records, tmp_path: Path) -> None:
    target = tmp_path / f"{records.uuid}.bel"
    target.write_bytes(_header_member(records.tallied))
    report = verify_belenios(target, workers=1)
    assert not report.passed, report.to_text("en")
    assert report.check("setup.election").error == "MissingSetupError"
    # Nothing after it is reported as passed or "not applicable": it is skipped, named.
    assert report.check("ballots.valid").outcome is Outcome.SKIPPED
    assert report.check("ballots.valid").after == "setup.election"
    assert not _tool_verdict(records.tool, target, records.uuid, tmp_path)


@pytest.mark.belenios
def test_setup_data_without_setup_event_fails(records: Records, tmp_path: Path) -> None:
    _, events = read_logical(records.tallied)
    setup_files = b"".join(
        tar_member(f"{hashlib.sha256(c).hexdigest()}.data.json", c, 0) for _, c in events[0].nested
    )
    target = tmp_path / f"{records.uuid}.bel"
    target.write_bytes(_header_member(records.tallied) + setup_files)
    report = verify_belenios(target, workers=1)
    assert not report.passed, report.to_text("en")
    failed = _failed(report)
    assert "setup.election" in failed and "archive.chain" in failed
    assert report.check("archive.chain").error == "ArchiveOrphanDataError"
    assert not _tool_verdict(records.tool, target, records.uuid, tmp_path)


@pytest.mark.belenios
def test_open_election_says_tally_checks_are_not_applicable(records: Records) -> None:
    report = verify_belenios(records.during, workers=1)
    assert report.passed, report.to_text("en")
    assert report.details["stage"] == "open"
    tally = report.check("tally.result")
    assert tally.outcome is Outcome.NOT_APPLICABLE and "encore ouverte" in tally.reason_fr


# Class 2 -- non-canonical ballots ------------------------------------------------
def _reorder(b: Any) -> Any:
    return {k: b[k] for k in reversed(list(b))}


def _proof_extra(b: Any) -> None:
    b["answers"][0]["overall_proof"][0]["note"] = "x"


def _signature_extra(b: Any) -> None:
    b["signature"]["extra"] = 1


def _spaces(data: bytes) -> bytes:
    return json.dumps(json.loads(data), separators=(", ", ": ")).encode()


def _credential_twice(data: bytes) -> bytes:
    # A first "credential" that a strict reader sees; Python's json keeps the last.
    obj = json.loads(data)
    head = b'{"election_uuid":' + json.dumps(obj["election_uuid"]).encode()
    assert data.startswith(head)
    return head + b',"credential":"2"' + data[len(head) :]


NON_CANONICAL_BALLOTS = {
    "reordered_fields": ContentAlteration("Ballot", 1, None, _reorder),
    "unknown_field_in_proof": ContentAlteration("Ballot", 1, None, _proof_extra),
    "unknown_field_in_signature": ContentAlteration("Ballot", 1, None, _signature_extra),
    "whitespace": BytesAlteration("Ballot", 1, None, _spaces),
    "credential_twice": BytesAlteration("Ballot", 1, None, _credential_twice),
}


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(NON_CANONICAL_BALLOTS))
def test_non_canonical_ballot_is_rejected(records: Records, tmp_path: Path, name: str) -> None:
    target = tmp_path / f"{records.uuid}.bel"
    NON_CANONICAL_BALLOTS[name].rehash(records.during, target)
    report = verify_belenios(target, workers=1)
    assert not report.passed, report.to_text("en")
    assert _failed(report) == ["ballots.valid"], report.to_text("en")
    (bad,) = report.details["invalid_ballots"]
    assert bad["number"] == 2 and bad["error"] == "MalformedBallotError"
    assert not _tool_verdict(records.tool, target, records.uuid, tmp_path)


@pytest.mark.belenios
def test_an_earlier_ballot_recast_reordered_does_not_undo_a_revote(
    records: Records, tmp_path: Path
) -> None:
    header, events = read_logical(records.during)
    ballots = [i for i, e in enumerate(events) if e.type == "Ballot"]
    first = events[ballots[0]]  # voter 0's first ballot, replaced by the revote at the end
    assert first.payload is not None
    recast = _reorder(json.loads(first.payload))
    attacked = [*events, LogicalEvent("Ballot", (), json.dumps(recast, separators=(",", ":"))
                                      .encode())]  # fmt: skip
    target = tmp_path / f"{records.uuid}.bel"
    rebuild(target, header, attacked)
    report = verify_belenios(target, workers=1)
    assert not report.passed and _failed(report) == ["ballots.valid"], report.to_text("en")
    # The re-encoded copy counts for nothing: the tally is still that of voter 0's revote.
    before = audit_archive(records.during, ballot_verifier=None, workers=1)
    after = audit_archive(target, workers=1)
    assert after.encrypted_tally == before.encrypted_tally
    assert (after.num_tallied, after.num_replaced) == (before.num_tallied, before.num_replaced)
    assert not _tool_verdict(records.tool, target, records.uuid, tmp_path)


# Class 3 -- non-canonical events -------------------------------------------------
def _event_reordered(fields: dict[str, Any]) -> bytes:
    return json.dumps(dict(reversed(list(fields.items()))), separators=(",", ":")).encode()


def _event_spaces(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields).encode()


def _event_extra(fields: dict[str, Any]) -> bytes:
    return json.dumps({**fields, "note": "x"}, separators=(",", ":")).encode()


def _event_height_twice(fields: dict[str, Any]) -> bytes:
    text = json.dumps(fields, separators=(",", ":"))
    return text.replace('"height":', '"height":99,"height":', 1).encode()


NON_CANONICAL_EVENTS = {
    "reordered": _event_reordered,
    "whitespace": _event_spaces,
    "unknown_field": _event_extra,
    "duplicate_key": _event_height_twice,
}


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(NON_CANONICAL_EVENTS))
def test_non_canonical_event_is_rejected(records: Records, tmp_path: Path, name: str) -> None:
    header, events = read_logical(records.tallied)
    target = tmp_path / f"{records.uuid}.bel"
    rebuild_events(target, header, events, {2: NON_CANONICAL_EVENTS[name]})
    report = verify_belenios(target, workers=1)
    assert not report.passed, report.to_text("en")
    assert report.check("archive.format").error == "ArchiveFormatError", report.to_text("en")
    assert not _tool_verdict(records.tool, target, records.uuid, tmp_path)


@pytest.mark.belenios
def test_non_canonical_setup_payload_is_rejected(records: Records, tmp_path: Path) -> None:
    header, events = read_logical(records.tallied)
    setup = events[0]
    assert setup.payload is not None
    spaced = json.dumps(json.loads(setup.payload)).encode()  # same fields, with spaces
    data = (*(c for _, c in setup.nested), spaced)
    body, _, _ = build_members(
        [PendingEvent("Setup", data)], parent=None, height=0, mtime=header.timestamp
    )
    target = tmp_path / f"{records.uuid}.bel"
    target.write_bytes(tar_member(HEADER_NAME, header.to_bytes(), header.timestamp) + body)
    report = verify_belenios(target, workers=1)
    assert not report.passed
    assert report.check("archive.format").error == "ArchiveFormatError", report.to_text("en")


def _pd_extra(pd: Any) -> None:
    pd["note"] = "x"


NON_CANONICAL_TALLY_DATA = {
    "result_with_spaces": (BytesAlteration("Result", 0, None, _spaces), "tally.result"),
    "result_with_unknown_field": (
        ContentAlteration("Result", 0, None, lambda r: {**r, "note": 1}),
        "tally.result",
    ),
    # belenios-tool 2.0 accepts these two; one spelling per datum (§4.1).
    "encrypted_tally_with_spaces": (
        BytesAlteration("EncryptedTally", 0, "encrypted_tally", _spaces),
        "tally.encrypted_tally",
    ),
    "encrypted_tally_with_unknown_field": (
        ContentAlteration("EncryptedTally", 0, "encrypted_tally", lambda t: t[0][0].update(x=1)),
        "tally.encrypted_tally",
    ),
    "partial_decryption_with_unknown_field": (
        ContentAlteration("PartialDecryption", 0, "payload", _pd_extra),
        "tally.partial_decryptions",
    ),
}


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(NON_CANONICAL_TALLY_DATA))
def test_non_canonical_tally_data_is_rejected(records: Records, tmp_path: Path, name: str) -> None:
    alteration, check = NON_CANONICAL_TALLY_DATA[name]
    target = tmp_path / f"{records.uuid}.bel"
    alteration.rehash(records.tallied, target)
    report = verify_belenios(target, workers=1)
    assert not report.passed
    assert check in _failed(report), report.to_text("en")


def _trustee_extra(trustees: Any) -> None:
    trustees[0][1]["note"] = "x"


# belenios-tool 2.0 accepts all of these; the spec wants one spelling per datum.
NON_CANONICAL_SETUP_DATA = {
    "trustees_with_spaces": (BytesAlteration("Setup", 0, "trustees", _spaces), "setup.trustees"),
    "trustees_with_unknown_field": (
        ContentAlteration("Setup", 0, "trustees", _trustee_extra),
        "setup.trustees",
    ),
    "credentials_with_spaces": (
        BytesAlteration("Setup", 0, "credentials", _spaces),
        "setup.credentials",
    ),
    "credentials_with_trailing_newline": (
        BytesAlteration("Setup", 0, "credentials", lambda d: d + b"\n"),
        "setup.credentials",
    ),
}


@pytest.mark.belenios
@pytest.mark.parametrize("name", sorted(NON_CANONICAL_SETUP_DATA))
def test_non_canonical_setup_data_is_rejected(records: Records, tmp_path: Path, name: str) -> None:
    alteration, check = NON_CANONICAL_SETUP_DATA[name]
    target = tmp_path / f"{records.uuid}.bel"
    alteration.rehash(records.tallied, target)
    report = verify_belenios(target, workers=1)
    assert not report.passed, report.to_text("en")
    assert check in _failed(report), report.to_text("en")
    # The French reason names the fault in French, not only the English cause.
    assert "forme canonique" in report.check(check).reason("fr") or "non canonique" in (
        report.check(check).reason("fr")
    )


# Class 4 -- shuffles and non-homomorphic questions -------------------------------
def _insert_shuffle(events: list[LogicalEvent]) -> list[LogicalEvent]:
    at = next(i for i, e in enumerate(events) if e.type == "EncryptedTally") + 1
    junk = json.dumps({"ciphertexts": "junk"}).encode()
    shuffle = LogicalEvent("Shuffle", (("payload", junk),), b'{"owner":7,"payload":""}')
    return [*events[:at], shuffle, LogicalEvent("EndShuffles", (), None), *events[at:]]


@pytest.mark.belenios
def test_shuffle_events_are_refused_by_a_named_unsupported_check(
    records: Records, tmp_path: Path
) -> None:
    target = tmp_path / f"{records.uuid}.bel"
    StructureAlteration(_insert_shuffle).rehash(records.tallied, target)
    report = verify_belenios(target, workers=1)
    assert not report.passed, report.to_text("en")
    supported = report.check("setup.supported")
    assert supported.outcome is Outcome.FAILED and supported.error == "UnsupportedRecordError"
    assert report.check("tally.result").outcome is Outcome.SKIPPED


NH_TEMPLATE: dict[str, Any] = {
    **TEMPLATE,
    "questions": [
        TEMPLATE["questions"][0],
        {
            "type": "NonHomomorphic",
            "value": {"answers": ["Alice", "Bob", "Charlie"], "question": "Classez"},
        },
    ],
}


@pytest.mark.belenios
def test_valid_election_with_a_non_homomorphic_question_is_named_not_verified_here(
    tmp_path: Path,
) -> None:
    require(shutil.which("belenios-tool") is not None, "belenios-tool")
    (tmp_path / "b").mkdir()
    tool = BeleniosTool(tmp_path / "b")
    election = _setup_with_template(tool, NH_TEMPLATE)
    assert _tool_verdict(tool, election.archive, election.uuid, tmp_path)  # a valid record
    report = verify_belenios(election.archive, workers=1)
    assert not report.passed  # never passed: we did not check it
    assert report.check("setup.election").outcome is Outcome.PASSED  # not a "bad record"
    supported = report.check("setup.supported")
    assert supported.error == "UnsupportedRecordError" and "2" in supported.reason_en
    assert "PAS vérifiée ici" in supported.reason_fr


def _setup_with_template(tool: BeleniosTool, template: dict[str, Any]) -> ThresholdElection:
    """setup_election with another template."""
    import tests.interop.tool_threshold as tt

    original = tt.TEMPLATE
    tt.TEMPLATE = template
    try:
        return setup_election(tool, tool_trustees(tool), voters=2)
    finally:
        tt.TEMPLATE = original


# Class 5 -- the fingerprint is over the exact bytes ------------------------------
@pytest.mark.belenios
def test_valid_record_whose_election_file_ends_with_a_newline_is_accepted(
    tmp_path: Path,
) -> None:
    require(shutil.which("belenios-tool") is not None, "belenios-tool")
    (tmp_path / "b").mkdir()
    tool = BeleniosTool(tmp_path / "b")
    election = setup_election(tool, tool_trustees(tool), voters=2)
    # archive init trims the file: put the newline in the archive's election data itself,
    # then let belenios-tool vote and tally on that archive.
    newline = BytesAlteration("Setup", 0, "election", lambda d: d + b"\n")
    newline.rehash(election.archive, tmp_path / "setup.bel")
    shutil.copy(tmp_path / "setup.bel", election.archive)
    setup = next(iter_events(iter_records(election.archive)))
    assert setup.nested["election"].endswith(b"}\n")
    election.vote(0, [0, 1, 0, 0])
    election.vote(1, [0, 0, 1, 0])
    election.tool_tally(delegates=(0, 1))
    assert _tool_verdict(tool, election.archive, election.uuid, tmp_path)
    report = verify_belenios(election.archive, workers=1)
    assert report.passed, report.to_text("en")


@pytest.mark.belenios
def test_newline_appended_to_the_election_data_is_noticed(records: Records, tmp_path: Path) -> None:
    target = tmp_path / f"{records.uuid}.bel"
    BytesAlteration("Setup", 0, "election", lambda d: d + b"\n").rehash(records.tallied, target)
    report = verify_belenios(target, workers=1)
    assert not report.passed
    assert "ballots.valid" in _failed(report), report.to_text("en")
    assert not _tool_verdict(records.tool, target, records.uuid, tmp_path)


# Class 6 -- the archive is an old-style tar --------------------------------------
@pytest.mark.belenios
def test_ustar_archive_is_refused(records: Records, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for member in iter_records(records.tallied):
            info = tarfile.TarInfo(member.name)
            info.size, info.mode = len(member.content), 0o644
            tar.addfile(info, io.BytesIO(member.content))
    target = tmp_path / f"{records.uuid}.bel"
    target.write_bytes(buffer.getvalue())
    report = verify_belenios(target, workers=1)
    assert not report.passed
    assert report.check("archive.format").error == "ArchiveFormatError", report.to_text("en")
    assert not _tool_verdict(records.tool, target, records.uuid, tmp_path)


@pytest.mark.belenios
def test_belenios_tool_accepts_the_untouched_records(records: Records, tmp_path: Path) -> None:
    # The fixtures are sound: the tool and we both accept them as they are.
    assert _tool_verdict(records.tool, records.tallied, records.uuid, tmp_path)
    assert verify_belenios(records.tallied, workers=1).passed
