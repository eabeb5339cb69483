"""Verifying a recount folder (``bureau recount``'s output), as ``bureau verify`` does.

Numbered checks, each raising a named error:

1. ``recount.index``: every file is listed with its SHA-256 in ``recount-index.json``;
2. ``recount.journal``: the recount's own journal chains, a workstation checkpoint
   signs its head, and its last entry (``recount.done``) carries the same hashes;
3. ``recount.original``: the original archive (the sibling folder named in
   ``recount.json``) is the one referred to (hash of its ``archive.json``, its
   journal head) and still verifies in full;
4. ``recount.signatures``: every card used signed ``recount.json`` with the key
   recorded for its member in the original journal, and they form a legal quorum;
5. ``recount.results``: the archived results quoted are the original count's, and
   "identical" is said exactly when the recount's results equal them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Final

from ceremony.bundles.importer import parse_payload, read_bundle_file
from ceremony.bundles.payloads.definition import DefinitionPayload
from ceremony.cards.interface import CardIdentity, Signature, verify_card_signature
from ceremony.errors import CeremonyError
from ceremony.store.export import JournalExport, verify_journal_export
from ceremony.verify.report import CheckSpec, ReportBuilder, VerificationReport
from ceremony.workflow.phases import Action
from ceremony.workflow.quorum import require_quorum
from ceremony.workflow.state import CeremonyState, derive_state

RECOUNT_FILE: Final = "recount.json"
INDEX_FILE: Final = "recount-index.json"
JOURNAL_FILE: Final = "journal.jsonl"


class RecountVerificationError(CeremonyError):
    default_message = "Le rapport de nouveau décompte ne se vérifie pas."


def is_recount_folder(path: Path) -> bool:
    return path.is_dir() and (path / RECOUNT_FILE).is_file() and (path / INDEX_FILE).is_file()


SPECS = {
    "index": CheckSpec(
        "recount.index", "Fichiers du nouveau décompte indexés", "Recount files indexed"
    ),
    "journal": CheckSpec(
        "recount.journal", "Journal du nouveau décompte signé", "Recount journal signed"
    ),
    "original": CheckSpec(
        "recount.original", "Archive d'origine désignée et valide", "Original archive valid"
    ),
    "signatures": CheckSpec(
        "recount.signatures", "Rapport signé par un quorum de cartes", "Signed by a quorum"
    ),
    "results": CheckSpec(
        "recount.results", "Comparaison avec les résultats archivés", "Comparison with archive"
    ),
}


def _fail(message: str) -> RecountVerificationError:
    return RecountVerificationError(message, user_message=f"Échec : {message}")


def _index(path: Path) -> dict[str, str]:
    index = json.loads((path / INDEX_FILE).read_bytes())
    files = index.get("files") if isinstance(index, dict) else None
    if not isinstance(files, dict) or RECOUNT_FILE not in files:
        raise _fail("recount-index.json lists no recount.json")
    for name, sha in files.items():
        target = path / name
        if not target.is_file() or hashlib.sha256(target.read_bytes()).hexdigest() != sha:
            raise _fail(f"{name} is missing or differs from its hash")
    present = {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()}
    extra = sorted(
        p
        for p in present - set(files) - {INDEX_FILE, JOURNAL_FILE}
        if not p.startswith("verification")
    )
    if extra:
        raise _fail(f"files covered by no hash: {extra}")
    return {str(k): str(v) for k, v in files.items()}


def _journal(path: Path, files: dict[str, str]) -> JournalExport:
    data = (path / JOURNAL_FILE).read_bytes()
    verify_journal_export(data, require_signed_head=True)
    export = JournalExport.from_bytes(data)
    last = export.entries[-1]
    index_sha = hashlib.sha256((path / INDEX_FILE).read_bytes()).hexdigest()
    if last.action != Action.RECOUNT_DONE or last.details.get("files") != {
        **files,
        INDEX_FILE: index_sha,
    }:
        raise _fail("the journal's last entry is not the recount of these files")
    return export


def _original(path: Path, document: dict[str, Any]) -> tuple[Path, CeremonyState]:
    from ceremony.verify.archive import verify_ceremony_archive

    ref = document["original"]
    archive = path.parent / str(ref["archive"])
    index = archive / "archive.json"
    if not index.is_file():
        raise _fail(f"the original archive {archive} is not beside the recount")
    if hashlib.sha256(index.read_bytes()).hexdigest() != ref["archive_index_sha256"]:
        raise _fail("the original archive's archive.json differs from the one recounted")
    export = JournalExport.from_bytes((archive / JOURNAL_FILE).read_bytes())
    if export.entries[-1].entry_hash != ref["journal_head"]:
        raise _fail("the original archive's journal head differs from the one recounted")
    report = verify_ceremony_archive(archive)
    if not report.passed:
        raise _fail(f"the original archive fails {[c.name for c in report.failed_checks()]}")
    return archive, derive_state(export.entries)


def _signatures(path: Path, document: dict[str, Any], archive: Path, state: CeremonyState) -> None:
    data = (path / RECOUNT_FILE).read_bytes()
    signed = json.loads((path / "recount-signatures.json").read_bytes())["signatures"]
    signers = []
    for item in signed:
        member = str(item["member_id"])
        recorded = state.members.get(member)
        if recorded is None:
            raise _fail(f"{member} is not a member of the original bureau")
        identity = CardIdentity.from_dict(dict(recorded))
        verify_card_signature(identity.signature_key, data, Signature.from_dict(item["signature"]))
        signers.append(member)
    if sorted(signers) != sorted(document["members_used"]):
        raise _fail("the signers are not the members whose cards were used")
    definition = parse_payload(read_bundle_file(archive / "bundles/definition.zip", "definition"))
    assert isinstance(definition, DefinitionPayload) and state.bureau_id is not None
    require_quorum(definition.bureau(state.bureau_id), signers)


def _results(document: dict[str, Any], state: CeremonyState) -> None:
    assert state.count is not None
    if document["archived_results"] != state.count["results"]:
        raise _fail("the archived results quoted are not the original count's")
    same = document["results"] == document["archived_results"]
    if bool(document["identical"]) != same or (same and document["differences"]):
        raise _fail("'identical' does not match the results compared")


def verify_recount(path: Path) -> VerificationReport:
    """Every check of the module docstring; a malformed file fails its check, named."""
    try:
        return _verify_recount(path)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        builder = ReportBuilder(subject=str(path))
        builder.failed(SPECS["index"], _fail(f"unreadable recount folder: {type(exc).__name__}"))
        return builder.build()


def _verify_recount(path: Path) -> VerificationReport:
    builder = ReportBuilder(subject=str(path))
    files = builder.run(SPECS["index"], lambda: _index(path))
    document = json.loads((path / RECOUNT_FILE).read_bytes())
    if files is not None:
        builder.run(SPECS["journal"], lambda: _journal(path, files))
    found = builder.run(SPECS["original"], lambda: _original(path, document))
    if found is None:
        builder.not_applicable(SPECS["signatures"], "archive d'origine", "original archive")
        builder.not_applicable(SPECS["results"], "archive d'origine", "original archive")
    else:
        archive, state = found
        builder.run(SPECS["signatures"], lambda: _signatures(path, document, archive, state))
        builder.run(SPECS["results"], lambda: _results(document, state))
    builder.details["identical"] = document.get("identical")
    builder.details["results"] = document.get("results")
    return builder.build()
