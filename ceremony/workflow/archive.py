"""The ceremony archive (DESIGN.md §6): one folder that ``bureau verify`` accepts.

Layout::

    bundles/definition.zip, seal.zip, status-<n>.zip, decision-<n>.zip, urn.zip, results.zip
    <contest uuid>.bel          each contest's final public-data archive
    proces-verbal.pdf           the PV, signed edition (shows who signed)
    results.json                the figures and seats of every contest
    remise-des-cles.pdf         the key hand-over list with envelope labels
    journal.jsonl               the hash-chained journal with its signed checkpoints
    archive.json                every file above with its SHA-256 (also journaled)

``journal.jsonl`` is written last, after the ``archive.exported`` entry (which
carries the hashes of the other files) and a checkpoint over it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ceremony.report.handover import make_handover_pdf
from ceremony.report.model import MemberSignature
from ceremony.report.pv import make_signed_edition
from ceremony.workflow.publication import handover_data, make_pv_data
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

JOURNAL_FILE = "journal.jsonl"
INDEX_FILE = "archive.json"
PV_FILE = "proces-verbal.pdf"


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


def write_archive(bureau: Bureau, state: CeremonyState, folder: Path) -> dict[str, str]:
    """Write every file but the journal; return their names and SHA-256."""
    store = bureau.store
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
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
        make_handover_pdf(handover_data(bureau, state, bureau.now())),
        files,
    )
    index = json.dumps({"format": "bureau-archive/1", "files": files}, indent=1, sort_keys=True)
    _write(folder, INDEX_FILE, index.encode(), files)
    return files
