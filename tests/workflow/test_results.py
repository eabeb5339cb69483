"""The results bundle holds against the quorum policy; any altered figure is caught;
the recount from the urn and the cards gives the same result."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from ceremony.bundles.errors import FileIntegrityError, SignaturePolicyError
from ceremony.bundles.importer import import_bundle
from ceremony.cards.training import TrainingCard
from ceremony.errors import CeremonyError
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow.demo import DemoPins, store_folder
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard
from tests.workflow.ceremony_setup import SEED


@pytest.fixture
def finished(demo_archive: Path, tmp_path: Path) -> Iterator[tuple[Path, Bureau]]:
    """A private copy of the finished demo: its archive and its bureau."""
    out = tmp_path / "archive"
    shutil.copytree(demo_archive, out)
    shutil.copytree(store_folder(demo_archive), store_folder(out))
    work = store_folder(out)
    bureau = Bureau(open_store(work / "store"), key_source=FileKeySource(work / "workstation-key"))
    yield out, bureau
    bureau.store.close()


def _context(bureau: Bureau):  # type: ignore[no-untyped-def]
    state = bureau.state
    context = bureau.import_context(state)
    assert state.results_blob is not None
    return replace(context, seen_bundle_ids=frozenset())


def _rewrite(data: bytes, name: str, change) -> bytes:  # type: ignore[no-untyped-def]
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == name else content)
    return out.getvalue()


def test_the_results_bundle_verifies_against_the_quorum_policy(
    finished: tuple[Path, Bureau],
) -> None:
    out, bureau = finished
    data = (out / "bundles" / "results.zip").read_bytes()
    verified = import_bundle(data, "results", _context(bureau))
    roles = sorted(s.role for s in verified.bundle.signatures)
    assert roles == ["delegate", "delegate", "president"]
    assert verified.verification.complete


def test_an_altered_figure_in_the_results_bundle_is_detected(finished: tuple[Path, Bureau]) -> None:
    out, bureau = finished
    data = (out / "bundles" / "results.zip").read_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    result_file = next(n for n in names if n.startswith("result-"))

    def one_more_vote(content: bytes) -> bytes:
        figures = json.loads(content)
        figures["contests"][0]["lists"][0]["votes"] += 1
        return json.dumps(figures).encode()

    with pytest.raises(FileIntegrityError):
        import_bundle(_rewrite(data, result_file, one_more_vote), "results", _context(bureau))

    # Changing the manifest's hash too breaks every card signature over the manifest.
    altered = _rewrite(data, result_file, one_more_vote)
    content = zipfile.ZipFile(io.BytesIO(altered)).read(result_file)

    def rehash(manifest: bytes) -> bytes:
        import hashlib

        doc = json.loads(manifest)
        for entry in doc["files"]:
            if entry["path"] == result_file:
                entry["sha256"], entry["size"] = hashlib.sha256(content).hexdigest(), len(content)
        import rfc8785

        return rfc8785.dumps(doc)

    with pytest.raises(SignaturePolicyError):
        import_bundle(_rewrite(altered, "manifest.json", rehash), "results", _context(bureau))


def test_the_recount_from_the_urn_and_the_cards_agrees(finished: tuple[Path, Bureau]) -> None:
    out, bureau = finished
    folder = store_folder(out) / "cartes-entrainement"
    cards = [
        PresentCard(m, TrainingCard(folder / f"{m}.card"), DemoPins(SEED, m))
        for m in ("secretaire", "del-inph", "del-cmh-snam")
    ]
    again = bureau.recount(cards)
    state = bureau.state
    assert state.count is not None and again == state.count["results"]
    assert state.recounts[-1]["equal"] is True


def test_the_recount_needs_a_quorum(finished: tuple[Path, Bureau]) -> None:
    out, bureau = finished
    folder = store_folder(out) / "cartes-entrainement"
    cards = [
        PresentCard(m, TrainingCard(folder / f"{m}.card"), DemoPins(SEED, m))
        for m in ("presidente", "del-aph")
    ]
    with pytest.raises(CeremonyError):
        bureau.recount(cards)
