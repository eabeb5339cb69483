"""`bureau verify` flags an impossible chronology and revotes the definition forbids.

The crafted archive is a real small demo, fully signed, made by an engine
whose own refusals were switched off for the run: the seal is dated after
the opening and the urn holds a second ballot for one credential while the
definition says "none". The verifier reads the journal, the platform's times
and the audited urns, and names both.
"""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ceremony.bundles.payloads.definition import Schedule
from ceremony.simulator import calendar
from ceremony.simulator.platform import PlatformSimulator, Vote
from ceremony.verify.archive import verify_ceremony_archive
from ceremony.verify.report import Outcome
from ceremony.workflow import chronology
from ceremony.workflow.demo import run_demo
from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description


def test_a_seal_after_opening_and_a_revote_are_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original_starts = calendar.session_starts
    original_cast = PlatformSimulator.cast_votes

    def late_seal(schedule: Schedule) -> dict[str, Any]:
        starts = original_starts(schedule)
        starts["sealing"] = schedule.opening + timedelta(minutes=30)
        starts["vote"] = schedule.opening + timedelta(hours=2)
        return starts

    def with_revote(self: PlatformSimulator) -> Any:
        votes = original_cast(self)
        first = votes[0].votes[0]
        votes[0].votes.append(Vote(first.voter, None, first.at + timedelta(minutes=5)))
        votes[0].votes.sort(key=lambda v: (v.at, v.voter))
        return votes

    out = tmp_path / "archive"
    with monkeypatch.context() as patch:
        patch.setattr(calendar, "session_starts", late_seal)
        patch.setattr(chronology, "check_seal_time", lambda *_args: None)
        patch.setattr("ceremony.workflow.urn.check_revote_policy", lambda *_args: None)
        patch.setattr(PlatformSimulator, "cast_votes", with_revote)
        run_demo(out, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())

    report = verify_ceremony_archive(out, workers=1)
    timing = report.check("record.chronology")
    assert timing.outcome is Outcome.FAILED
    assert timing.error == "ChronologyRecordError"
    assert "SealAfterOpeningError" in (timing.reason_en or "")
    revote = report.check("urn.revote_policy")
    assert revote.outcome is Outcome.FAILED
    assert revote.error == "RevotePolicyRecordError"
    assert "1 revote" in (revote.reason_en or "")


def test_a_pv_not_signed_by_every_member_present_is_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ceremony.workflow import rollcall

    out = tmp_path / "archive"
    with monkeypatch.context() as patch:
        # The engine's rule switched off for the run: only the quorum signs the PV.
        patch.setattr(rollcall, "present_members", lambda *_args: None)
        run_demo(out, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())

    report = verify_ceremony_archive(out, workers=1)
    signers = report.check("pv.signers_present")
    assert signers.outcome is Outcome.FAILED
    assert signers.error == "PvSignersRecordError"
    assert "secretaire" in (signers.reason_en or "")
    assert report.check("pv.edition_pages").outcome is Outcome.PASSED
    assert report.check("record.chronology").outcome is Outcome.PASSED


def test_a_status_after_its_reception_and_an_absent_card_at_the_count_are_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ceremony.workflow import demo, presence, rollcall

    original_status = PlatformSimulator.status_bundle

    def signed_early(self: PlatformSimulator, *args: Any, **kwargs: Any) -> bytes:
        # The platform's bundle signed an hour before the moment its status describes.
        as_of = args[2]
        return original_status(self, *args, **kwargs, signed_at=as_of - timedelta(hours=1))

    out = tmp_path / "archive"
    with monkeypatch.context() as patch:
        # The engine's rules switched off for the run: the late delegate's arrival is never
        # entered, yet their card opens the urn (and they sign); statuses signed too early.
        patch.setattr(chronology, "check_status_received", lambda *_args: None)
        patch.setattr(PlatformSimulator, "status_bundle", signed_early)
        patch.setattr(demo, "_record_late_arrival", lambda *_args: None)
        patch.setattr(presence, "check_count_cards", lambda *_args: None)
        patch.setattr(rollcall, "check_pv_signer", lambda *_args: None)
        run_demo(out, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())

    report = verify_ceremony_archive(out, workers=1)
    timing = report.check("record.chronology")
    assert timing.outcome is Outcome.FAILED
    assert "StatusAfterReceptionError" in (timing.reason_en or "")
    assert "paquet signé" in (timing.reason_fr or "")
    cards = report.check("pv.count_cards_present")
    assert cards.outcome is Outcome.FAILED
    assert cards.error == "CountPresenceRecordError"
    assert "del-inph" in (cards.reason_en or "")


def test_a_status_from_other_voting_software_than_the_sealed_one_is_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Art. 15: the platform reports software other than the sealed one; the engine's own
    # refusal is switched off for the run, so only the verifier stands in the way.
    from ceremony.workflow import components

    original_status = PlatformSimulator.status_bundle

    def other_software(self: PlatformSimulator, *args: Any, **kwargs: Any) -> bytes:
        return original_status(self, *args, **{**kwargs, "software_sha256": "ab" * 32})

    out = tmp_path / "archive"
    with monkeypatch.context() as patch:
        patch.setattr(components, "check_running_software", lambda *_args: None)
        patch.setattr(PlatformSimulator, "status_bundle", other_software)
        run_demo(out, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())

    report = verify_ceremony_archive(out, workers=1)
    status = report.check("vote.status")
    assert status.outcome is Outcome.FAILED
    assert status.error == "StatusRecordError"
    assert "n’est pas celui qui a été expertisé et scellé" in (status.reason_fr or "")
    assert "ab" * 32 in (status.reason_en or "")


def test_a_platform_fingerprint_corrected_before_the_import_still_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The operator mistypes the fingerprint, then confirms the right one (the engine and the
    # application allow the correction before the definition is imported).
    from ceremony.workflow.engine import Bureau

    original = Bureau.confirm_platform_key

    def mistyped_then_right(self: Bureau, key_id: str) -> None:
        original(self, "0" * 64)
        original(self, key_id)

    out = tmp_path / "archive"
    with monkeypatch.context() as patch:
        patch.setattr(Bureau, "confirm_platform_key", mistyped_then_right)
        run_demo(out, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())

    journal = (out / "journal.jsonl").read_text(encoding="utf-8")
    assert journal.count('"platform_key.confirmed"') == 2
    report = verify_ceremony_archive(out, workers=1)
    assert report.passed, report.to_text("en")
