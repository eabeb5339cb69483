"""Verifying the demo ceremony archive: it passes, and the report reads well."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ceremony.report.frtext import format_int
from ceremony.verify.archive import (
    STEPS,
    format_archive_report,
    is_ceremony_archive,
    verify_ceremony_archive,
    write_report,
)
from ceremony.verify.report import Outcome, VerificationReport
from tests.verify.conftest import DemoArchive, reseal, sha256_file


def test_demo_archive_passes_every_step(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    report = verify(archive)
    assert report.passed, report.to_text()
    names = [c.name for c in report.checks]
    for step in STEPS:
        assert step.spec.name in names
    assert sum(1 for n in names if n.startswith("bel.") and n.endswith(".ballots.valid")) == 3
    assert report.check("vote.decisions").outcome is Outcome.NOT_APPLICABLE
    assert all(c.outcome is Outcome.PASSED for c in report.checks if c.name != "vote.decisions"), (
        report.to_text()
    )


def test_trust_anchors_are_reported(
    archive: Path, demo_archive: DemoArchive, verify: Callable[[Path], VerificationReport]
) -> None:
    from tests.verify.conftest import platform_signer

    report = verify(archive)
    key_id = platform_signer().key_id
    assert report.details["platform_key_id"] == key_id
    assert key_id in report.check("definition.platform_key").reason_fr
    assert report.details["seal_sha256"] == sha256_file(archive / "bundles/seal.zip")
    assert set(report.details["member_keys"]) == {
        "presidente",
        "secretaire",
        "del-aph",
        "del-inph",
        "del-cmh-snam",
    }
    assert len(report.details["workstation_keys"]) == 1
    assert report.details["workstation_keys"][0] in report.check("journal.chain").reason_fr
    # The workstation key is the one the cards signed in the seal, shown as an anchor.
    bound = report.details["bound_workstation_key"]
    assert bound == report.details["workstation_keys"][0]
    text = format_archive_report(report).replace("\u00a0", " ")  # French spacing
    assert "Ancres de confiance à comparer hors de ce dossier" in text
    assert f"Clé du poste signée par les cartes : {bound}" in text
    assert key_id in text.split("Ancres de confiance")[1]
    # When and by which verifier the report was made.
    assert report.details["made_at"] and report.details["verifier"]["fingerprint"]
    assert "Rapport établi le " in text and "empreinte du logiciel sha256:" in text


def test_journal_resigned_with_a_fresh_workstation_key_fails(
    archive: Path, demo_archive: DemoArchive, verify: Callable[[Path], VerificationReport]
) -> None:
    # The audit's attack, reduced to its core: the journal and the index rewritten (here
    # unchanged) and every checkpoint signed again with a brand-new key. Whatever the
    # rewrite hid, nothing but the bound key can tell.
    reseal(archive, demo_archive.store, fresh_key=Ed25519PrivateKey.generate())
    report = verify(archive)
    assert not report.passed
    anchor = report.check("seal.workstation_key")
    assert anchor.outcome is Outcome.FAILED and anchor.error == "WorkstationKeyMismatchError"
    assert [c.name for c in report.failed_checks()] == ["seal.workstation_key"], report.to_text()


def test_journal_resigned_with_the_same_key_still_names_the_bound_key(
    archive: Path, demo_archive: DemoArchive, verify: Callable[[Path], VerificationReport]
) -> None:
    reseal(archive, demo_archive.store)
    report = verify(archive)
    assert report.check("seal.workstation_key").outcome is Outcome.PASSED, report.to_text()
    assert report.check("results.workstation_key").outcome is Outcome.PASSED


def test_report_files_are_written_and_allowed(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    report = verify(archive)
    text_path, json_path = write_report(archive, report)
    text = text_path.read_text(encoding="utf-8")
    assert "Toutes les vérifications ont réussi." in text
    assert "Résultats vérifiés" in text and "English version" in text
    assert "Ce que vérifie chaque étape" in text
    obj = json.loads(json_path.read_text(encoding="utf-8"))
    assert obj["passed"] is True and obj["details"]["kind"] == "ceremony-archive"
    again = verify(archive)
    assert again.passed, again.to_text()


def test_verified_results_equal_results_json(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    report = verify(archive)
    published = json.loads((archive / "results.json").read_bytes())["contests"]
    assert report.details["results"] == published
    text = format_archive_report(report)
    for contest in published:
        assert contest["title"] in text
        for lst in contest["lists"]:
            seats = f"{lst['seats']}\u00a0{'siège' if lst['seats'] < 2 else 'sièges'}"
            votes = format_int(lst["votes"])  # thousands as in the PV: "1 429"
            assert f"{lst['name']}\u00a0: {votes}\u00a0voix, {seats}" in text
    assert "(s)" not in text.split("English version")[0]


def test_not_an_archive(tmp_path: Path) -> None:
    assert not is_ceremony_archive(tmp_path)
    report = verify_ceremony_archive(tmp_path)
    assert not report.passed
    assert [c.name for c in report.failed_checks()] == ["input.archive"]


def test_report_with_pooled_workers_and_progress(archive: Path) -> None:
    """The real path: every `.bel` audited on a process pool, progress shown."""
    messages: list[str] = []
    report = verify_ceremony_archive(archive, workers=2, progress=messages.append)
    assert report.passed, report.to_text()
    assert any(re.search(r"\d\u00a0bulletins? vérifiés?$", m) for m in messages)
    assert any(m.startswith("archive.coverage") for m in messages)


def test_symbolic_link_is_refused(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    target = archive.parent / "elsewhere.json"
    (archive / "results.json").rename(target)
    (archive / "results.json").symlink_to(target)
    report = verify(archive)
    assert "archive.index" in [c.name for c in report.failed_checks()]
    assert "symbolic links" in report.check("archive.index").reason_en


def test_index_pointing_outside_is_refused(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    index = json.loads((archive / "archive.json").read_bytes())
    index["files"]["../outside.txt"] = "0" * 64
    (archive / "archive.json").write_text(json.dumps(index))
    report = verify(archive)
    assert report.check("archive.index").error == "ArchiveFileError"


def test_failed_report_reads_in_french(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    (archive / "bundles/seal.zip").write_bytes(b"not a zip")
    report = verify(archive)
    text = format_archive_report(report)
    assert "Vérifications en échec\u00a0: archive.index, seal.signatures" in text
    assert "Résultats vérifiés" not in text
    for check in report.failed_checks():
        # The French reason is French; the English cause is labelled, never passed off as it.
        assert check.reason_fr and "Détail :" not in check.reason_fr and check.technical
        assert f"Cause technique (en anglais) : {check.technical}" in text
    # Steps that build on a failed one are "not run", told apart from "not applicable".
    skipped = report.skipped_checks()
    assert skipped and all(c.reason("fr").startswith("non exécutée : ") for c in skipped)
    assert all(
        c.name == "vote.decisions" for c in report.checks if c.outcome is Outcome.NOT_APPLICABLE
    )
    assert not report.passed


def test_a_deleted_journal_line_is_named_by_its_neighbours_and_lost_step(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    journal = archive / "journal.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    expert = next(i for i, line in enumerate(lines) if '"expert.recorded"' in line)
    sequence = json.loads(lines[expert])["entry"]["sequence"]
    del lines[expert]
    journal.write_text("".join(lines), encoding="utf-8")
    report = verify(archive)
    failed = report.check("journal.chain")
    assert failed.error == "JournalEntryMissingError"
    assert f"entrée n° {sequence}, après « " in failed.reason_fr
    assert "étape qui ne figure plus au journal : expert.recorded" in failed.reason_fr
