"""The ceremony archive (DESIGN.md §6): one folder that ``bureau verify`` accepts.

Layout::

    bundles/definition.zip, seal.zip, status-<n>.zip, decision-<n>.zip, urn.zip, results.zip
    <contest uuid>.bel          each contest's final public-data archive
    proces-verbal.pdf           the PV, signed edition (shows who signed)
    results.json                the figures and seats of every contest
    remise-des-cles.pdf         the key hand-over list with envelope labels
    keys/voutputs.json          the delegates' public voutputs (§4.6.6): with a delegate's
                                card seed they give its share, so a recount needs them
    journal.jsonl               the hash-chained journal with its signed checkpoints
    archive.json                every file above with its SHA-256 (also journaled)

``journal.jsonl`` is written last, after the ``archive.exported`` entry (which
carries the hashes of the other files) and a checkpoint over it.

Every file is kept in the store as a blob when first written, so the archive
can be written again, into any new or empty folder (or over itself), with the
same bytes: the journal written is the journal as it stood at the archive
(later entries, such as a card check two years on, belong to the store).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ceremony.report.handover import make_handover_pdf
from ceremony.report.model import MemberSignature
from ceremony.report.pv import make_signed_edition
from ceremony.store.export import JournalExport
from ceremony.store.store import Store
from ceremony.verify.archive_context import REPORT_JSON_FILE, REPORT_TEXT_FILE
from ceremony.workflow.card_custody import with_reset_codes
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.publication import handover_data, make_pv_data
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

JOURNAL_FILE = "journal.jsonl"
INDEX_FILE = "archive.json"
PV_FILE = "proces-verbal.pdf"
VOUTPUTS_FILE = "keys/voutputs.json"


class ArchiveFolderError(WorkflowError):
    default_message = (
        "Le dossier choisi pour l'archive contient d'autres fichiers : choisissez un dossier "
        "nouveau ou vide (ou le dossier de cette même archive)."
    )


def _write(folder: Path, name: str, data: bytes, files: dict[str, str]) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(tmp, path)
    files[name] = hashlib.sha256(data).hexdigest()


class _Collect(dict[str, bytes]):
    pass


def make_archive_files(bureau: Bureau, state: CeremonyState) -> dict[str, bytes]:
    """Every file of the archive but the journal, by name (the index last)."""
    store = bureau.store
    data = _Collect()
    files: dict[str, str] = {}

    def _write(_folder: object, name: str, content: bytes, hashes: dict[str, str]) -> None:
        data[name] = content
        hashes[name] = hashlib.sha256(content).hexdigest()

    folder = None
    assert state.definition_blob and state.seal_blob and state.urn and state.count and state.pv
    assert state.results_blob is not None
    _write(folder, "bundles/definition.zip", store.get_blob(state.definition_blob), files)
    _write(folder, "bundles/seal.zip", store.get_blob(state.seal_blob), files)
    for status in state.statuses:
        _write(
            folder,
            f"bundles/status-{status['sequence']}.zip",
            store.get_blob(status["blob"]),
            files,
        )
    for number, decision in enumerate(state.decisions, start=1):
        _write(folder, f"bundles/decision-{number}.zip", store.get_blob(decision["blob"]), files)
    _write(folder, "bundles/urn.zip", store.get_blob(state.urn["blob"]), files)
    _write(folder, "bundles/results.zip", store.get_blob(state.results_blob), files)
    for uuid, blob in sorted(state.count["archives"].items()):
        _write(folder, f"{uuid}.bel", store.get_blob(blob), files)
    _write(folder, "results.json", store.get_blob(state.count["all_figures"]), files)
    assert state.keys is not None
    _write(folder, VOUTPUTS_FILE, store.get_blob(state.keys["voutputs"]), files)
    signatures = [
        MemberSignature.from_dict(
            {"member_id": m, "signed_at": s["signed_at"], "key_id": s["signature"]["key_id"]}
        )
        for m, s in sorted(state.pv_signatures.items())
    ]
    pv_pdf = store.get_blob(state.pv["pdf"])
    signed = make_signed_edition(
        pv_pdf,
        make_pv_data(
            bureau,
            state,
            bureau.figures(state),
            signatures,
            hashlib.sha256(pv_pdf).hexdigest(),
        ),
    )
    _write(folder, PV_FILE, signed, files)
    _write(
        folder,
        "remise-des-cles.pdf",
        make_handover_pdf(
            with_reset_codes(handover_data(bureau, state, bureau.now()), bureau.store.entries())
        ),
        files,
    )
    index = json.dumps({"format": "bureau-archive/1", "files": files}, indent=1, sort_keys=True)
    _write(folder, INDEX_FILE, index.encode(), files)
    return dict(data)


def check_archive_folder(folder: Path, names: Iterable[str]) -> None:
    """The target must be new, empty, or hold this very archive and nothing else."""
    if folder.exists() and not folder.is_dir():
        raise ArchiveFolderError(
            f"{folder} is a file",
            user_message=(
                f"« {folder} » est un fichier, pas un dossier : choisissez un dossier nouveau "
                "ou vide pour l'archive."
            ),
        )
    if not folder.exists():
        return
    own = {*names, JOURNAL_FILE}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    # The verifier's report may sit beside the files it checked.
    reports = {REPORT_TEXT_FILE, REPORT_JSON_FILE}
    others = sorted(p for p in present - own - reports if not p.startswith("verification"))
    if others:
        raise ArchiveFolderError(f"{folder} holds other files: {others[:5]}")


def write_files(bureau: Bureau, folder: Path, files: Mapping[str, str]) -> None:
    """Write each archived file from its blob (same bytes every time)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, sha256 in sorted(files.items()):
        _write(folder, name, bureau.store.get_blob(sha256), {})


def journal_until(store: Store, sequence: int) -> bytes:
    """The journal as it stood at entry ``sequence`` (with the checkpoints over it)."""
    entries = tuple(e for e in store.entries() if e.sequence <= sequence)
    checkpoints = tuple(c for c in store.checkpoints() if c.sequence <= sequence)
    return JournalExport(entries, checkpoints, tuple(store.recorded_keys())).to_bytes()
