"""The recount two years later, on another machine: only the archive and the cards.

A whole ceremony runs; only its archive (and the members' training cards) is
copied elsewhere; the working store is deleted; the recount runs from the
archive with a legal quorum different from the count's. Same results, the
recount's folder verifies and names the original, the original still verifies.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ceremony.bundles.canonical import canonical_bytes
from ceremony.bundles.zipio import write_zip
from ceremony.cards.training import TrainingCard
from ceremony.cli import main
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.verify.archive import verify_ceremony_archive
from ceremony.verify.recount import verify_recount
from ceremony.workflow.archive import ArchiveFolderError
from ceremony.workflow.demo import DemoPins, run_demo, store_folder
from ceremony.workflow.engine import Bureau
from ceremony.workflow.errors import QuorumError
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.recount import RecountFolderError, recount_from_archive
from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description


def _cards(folder: Path, members: list[str]) -> list[PresentCard]:
    return [PresentCard(m, TrainingCard(folder / f"{m}.card"), DemoPins(SEED, m)) for m in members]


def test_recount_from_the_archive_alone_with_another_quorum(tmp_path: Path) -> None:
    first = tmp_path / "room" / "archive"
    first.parent.mkdir()
    run_demo(first, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())
    count_entry = [
        json.loads(line)
        for line in (first / "journal.jsonl").read_text().splitlines()
        if '"count.done"' in line
    ]
    assert count_entry
    # Two years later, elsewhere: the archive and the cards, nothing else.
    later = tmp_path / "two-years-later"
    later.mkdir()
    shutil.copytree(first, later / "archive")
    shutil.copytree(store_folder(first) / "cartes-entrainement", later / "cartes")
    shutil.rmtree(tmp_path / "room")
    archive = later / "archive"
    before = {p.name: p.read_bytes() for p in archive.rglob("*") if p.is_file()}

    quorum = ["secretaire", "del-cmh-snam", "del-inph"]  # the count used the president's
    outcome = recount_from_archive(archive, later / "store", _cards(later / "cartes", quorum))

    assert outcome.equal and outcome.differences == []
    assert outcome.results == outcome.original
    assert outcome.members_used == sorted(quorum)
    assert outcome.folder.parent == later and archive not in outcome.folder.parents
    assert {p.name: p.read_bytes() for p in archive.rglob("*") if p.is_file()} == before
    report = verify_recount(outcome.folder)
    assert report.passed, report.to_text("en")
    document = json.loads((outcome.folder / "recount.json").read_bytes())
    assert document["original"]["archive"] == "archive" and document["identical"] is True
    assert (outcome.folder / "recompte.pdf").read_bytes().startswith(b"%PDF")
    assert verify_ceremony_archive(archive).passed

    # A changed result in the recount report is caught by its verification.
    document["results"] = {u: [v + 1 for v in r] for u, r in document["results"].items()}
    tampered = later / "tampered"
    shutil.copytree(outcome.folder, tampered)
    (tampered / "recount.json").write_text(json.dumps(document))
    assert not verify_recount(tampered).passed

    _the_bundle_verifies_alone_and_its_tampering_is_caught(outcome.folder, archive, later)

    # Never into a store that is not new, nor inside the archive.
    with pytest.raises(RecountFolderError) as done:
        recount_from_archive(archive, later / "store", _cards(later / "cartes", quorum))
    assert "contient déjà un registre" in done.value.user_message
    # A recount refused for its quorum leaves its folder; the retry says what to do with it.
    with pytest.raises(QuorumError):
        recount_from_archive(archive, later / "store3", _cards(later / "cartes", quorum[:2]))
    with pytest.raises(RecountFolderError) as again:
        recount_from_archive(archive, later / "store3", _cards(later / "cartes", quorum))
    assert "choisissez un autre dossier, ou supprimez celui-ci" in again.value.user_message
    with pytest.raises(RecountFolderError):
        recount_from_archive(
            archive, later / "store2", _cards(later / "cartes", quorum), archive / "inside"
        )


def _rewrite(source: Path, target: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(source) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    change(entries)
    target.write_bytes(write_zip(entries))
    return target


def _checks(path: Path, original: Path | None = None) -> dict[str, str]:
    return {c.name: c.outcome.value for c in verify_recount(path, original).checks}


def _the_bundle_verifies_alone_and_its_tampering_is_caught(
    folder: Path, archive: Path, later: Path
) -> None:
    bundle = folder / "recount.zip"
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        signatures = json.loads(zf.read("signatures.json"))["signatures"]
        payload = json.loads(zf.read("recount.json"))
    # a signed bundle of the ceremony's envelope, naming the original by its fingerprint
    assert manifest["bundle_type"] == "recount" and manifest["magic"] == "bureau-bundle"
    assert len(signatures) == 3 and {s["role"] for s in signatures} == {"secretary", "delegate"}
    index_sha = hashlib.sha256((archive / "archive.json").read_bytes()).hexdigest()
    assert payload["original"]["archive_index_sha256"] == index_sha
    assert sorted(manifest["contest_uuids"]) == sorted(payload["results"])
    # alone (a copy elsewhere), with the original given; and through `bureau verify`
    alone = later.parent / "elsewhere" / "sub"
    alone.mkdir(parents=True)
    shutil.copy(bundle, alone / "recount.zip")
    report = verify_recount(alone / "recount.zip", archive)
    assert report.passed, report.to_text("en")
    assert main(["verify", str(alone / "recount.zip"), "--original", str(archive)]) == 0
    assert main(["verify", str(bundle)]) == 0  # the original found beside its folder
    # without the original: the check says so, nothing passes for what was not checked
    assert _checks(alone / "recount.zip")["recount.original"] == "failed"
    assert main(["verify", str(alone / "recount.zip")]) == 1

    def changed_results(entries: dict[str, bytes]) -> None:
        document = json.loads(entries["recount.json"])
        document["results"] = {u: [v + 1 for v in r] for u, r in document["results"].items()}
        document["archived_results"] = document["results"]
        entries["recount.json"] = json.dumps(document).encode()

    # 1. payload changed, manifest left: the file hash fails
    forged = _rewrite(bundle, alone / "forged-1.zip", changed_results)
    assert _checks(forged, archive)["recount.bundle"] == "failed"

    # 2. payload changed and the manifest re-hashed: the card signatures fail
    def rehashed(entries: dict[str, bytes]) -> None:
        changed_results(entries)
        data = entries["recount.json"]
        listed = json.loads(entries["manifest.json"])
        for entry in listed["files"]:
            if entry["path"] == "recount.json":
                entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
        entries["manifest.json"] = canonical_bytes(listed)

    forged = _rewrite(bundle, alone / "forged-2.zip", rehashed)
    checks = _checks(forged, archive)
    assert checks["recount.bundle"] == "passed" and checks["recount.signatures"] == "failed"

    # 3. one signature removed: no longer the cards used, nor a quorum
    def unsigned(entries: dict[str, bytes]) -> None:
        listed = json.loads(entries["signatures.json"])
        listed["signatures"] = listed["signatures"][1:]
        entries["signatures.json"] = json.dumps(listed).encode()

    assert (
        _checks(_rewrite(bundle, alone / "forged-3.zip", unsigned), archive)["recount.signatures"]
        == "failed"
    )

    # 4. another original (a changed archive.json): refused as not the one recounted
    other = later / "other-archive"
    shutil.copytree(archive, other)
    (other / "archive.json").write_bytes((other / "archive.json").read_bytes() + b" ")
    assert _checks(alone / "recount.zip", other)["recount.original"] == "failed"

    # 5. the folder's readable copy differs from the signed bundle
    copy = later / "copy-differs"
    shutil.copytree(folder, copy)
    (copy / "recompte.pdf").write_bytes(b"%PDF-1.4 autre")
    assert not verify_recount(copy).passed


def test_the_archive_is_written_again_identically_into_any_new_or_empty_folder(
    tmp_path: Path,
) -> None:
    first = tmp_path / "archive"
    run_demo(first, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())
    work = store_folder(first)
    bureau = Bureau(open_store(work / "store"), key_source=FileKeySource(work / "workstation-key"))
    try:
        # A card check after the archive adds an entry: the archive stays what it was.
        from ceremony.workflow.card_wipe import check_card

        check_card(bureau, _cards(work / "cartes-entrainement", ["del-aph"])[0])
        again = tmp_path / "new" / "deeper"  # does not exist yet
        empty = tmp_path / "empty"
        empty.mkdir()
        bureau.export_archive(again)
        bureau.export_archive(empty)
        bureau.export_archive(first)  # over itself
        original = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
        for folder in (again, empty):
            copy = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
            assert copy == original
            assert verify_ceremony_archive(folder).passed
        assert verify_ceremony_archive(first).passed
        # The verifier's reports written beside the archive do not stop a new export into it.
        (first / "rapport-de-verification.txt").write_text("rapport", encoding="utf-8")
        (first / "verification-report.json").write_text("{}", encoding="utf-8")
        bureau.export_archive(first)
        assert verify_ceremony_archive(first).passed
        cluttered = tmp_path / "cluttered"
        cluttered.mkdir()
        (cluttered / "notes.txt").write_text("autre chose")
        with pytest.raises(ArchiveFolderError):
            bureau.export_archive(cluttered)
        assert not (cluttered / "journal.jsonl").exists()
        a_file = tmp_path / "a-file"
        a_file.write_text("x", encoding="utf-8")
        with pytest.raises(ArchiveFolderError) as caught:
            bureau.export_archive(a_file)
        assert "est un fichier, pas un dossier" in caught.value.user_message
    finally:
        bureau.store.close()


def test_a_malformed_recount_folder_fails_a_named_check(tmp_path: Path) -> None:
    (tmp_path / "recount.json").write_text("{")
    (tmp_path / "recount-index.json").write_text("{}")
    report = verify_recount(tmp_path)
    assert not report.passed
    assert [c.name for c in report.failed_checks()] == ["recount.index", "recount.bundle"]
