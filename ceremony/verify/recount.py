"""Verifying a recount (``bureau recount``'s output), as ``bureau verify`` does.

Two forms are accepted: the recount folder, and its signed bundle
``recount.zip`` on its own (with the original archive beside it, or given with
``--original``). Numbered checks, each raising a named error:

1. ``recount.index`` (folder only): every file is listed with its SHA-256 in
   ``recount-index.json``, nothing else is there;
2. ``recount.journal`` (folder only): the recount's own journal chains, a
   workstation checkpoint signs its head, and its last entry (``recount.done``)
   carries the same hashes;
3. ``recount.bundle``: ``recount.zip`` is a ``recount`` bundle whose files match
   its manifest, whose payload is a recount document for the manifest's bureau,
   and (folder) whose files are the folder's ``recount.json`` and ``recompte.pdf``;
4. ``recount.original``: the original archive is the one the document names
   (hash of its ``archive.json``, its journal head) and still verifies in full;
5. ``recount.signatures``: every signature of the bundle is by the card key
   recorded for a member in the original journal (role included), each is
   valid over the manifest, the signers are the members whose cards were used
   and form a legal quorum;
6. ``recount.results``: the archived results quoted are the original count's, and
   "identical" is said exactly when the recount's results equal them.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any, Final

from ceremony.bundles.envelope import Bundle
from ceremony.bundles.importer import parse_payload, read_bundle_file, verify_files
from ceremony.bundles.keys import PublicKey, verify_signature
from ceremony.bundles.manifest import MANIFEST_NAME
from ceremony.bundles.payloads.definition import DefinitionPayload
from ceremony.cards.interface import CardIdentity
from ceremony.errors import CeremonyError
from ceremony.store.export import JournalExport, verify_journal_export
from ceremony.verify.report import CheckSpec, ReportBuilder, VerificationReport
from ceremony.workflow.phases import Action
from ceremony.workflow.quorum import require_quorum
from ceremony.workflow.recount_bundle import BUNDLE_FILE, BUNDLE_TYPE, PAYLOAD_NAME, PDF_NAME
from ceremony.workflow.state import CeremonyState, derive_state

RECOUNT_FILE: Final = "recount.json"
INDEX_FILE: Final = "recount-index.json"
JOURNAL_FILE: Final = "journal.jsonl"
RECOUNT_FORMAT: Final = "bureau-recount/1"


class RecountVerificationError(CeremonyError):
    default_message = "Le rapport de nouveau décompte ne se vérifie pas."


def is_recount_folder(path: Path) -> bool:
    return path.is_dir() and (path / RECOUNT_FILE).is_file() and (path / INDEX_FILE).is_file()


def is_recount_bundle(path: Path) -> bool:
    """A zip whose manifest says ``recount`` (anything unreadable: not one)."""
    if not path.is_file() or not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST_NAME))
    except (KeyError, ValueError, OSError, zipfile.BadZipFile):
        return False
    return isinstance(manifest, dict) and manifest.get("bundle_type") == BUNDLE_TYPE


SPECS = {
    "index": CheckSpec(
        "recount.index", "Fichiers du nouveau décompte indexés", "Recount files indexed"
    ),
    "journal": CheckSpec(
        "recount.journal", "Journal du nouveau décompte signé", "Recount journal signed"
    ),
    "bundle": CheckSpec(
        "recount.bundle", "Paquet signé du nouveau décompte intègre", "Recount bundle intact"
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
    if not isinstance(files, dict) or RECOUNT_FILE not in files or BUNDLE_FILE not in files:
        raise _fail("recount-index.json lists no recount.json or no recount.zip")
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


def _bundle(zip_path: Path, folder: Path | None) -> tuple[Bundle, dict[str, Any]]:
    """Check 3: the envelope, its files, the document; the folder's copies if any."""
    bundle = read_bundle_file(zip_path, BUNDLE_TYPE)
    verify_files(bundle)
    if bundle.manifest.payload != PAYLOAD_NAME or set(bundle.files) != {PAYLOAD_NAME, PDF_NAME}:
        raise _fail("the recount bundle does not hold exactly recount.json and recompte.pdf")
    payload = bytes(bundle.files[PAYLOAD_NAME])
    document = json.loads(payload)
    if not isinstance(document, dict) or document.get("format") != RECOUNT_FORMAT:
        raise _fail("recount.json is not a bureau-recount/1 document")
    bureau = document["original"]["bureau_id"]
    if list(bundle.manifest.bureau_ids) != [bureau]:
        raise _fail("the bundle's bureau is not the recounted one")
    if sorted(bundle.manifest.contest_uuids) != sorted(document["results"]):
        raise _fail("the bundle's contests are not the recounted ones")
    if folder is not None:
        copies = {RECOUNT_FILE: payload, PDF_NAME: bytes(bundle.files[PDF_NAME])}
        for name, data in copies.items():
            if (folder / name).read_bytes() != data:
                raise _fail(f"the folder's {name} is not the signed bundle's")
    return bundle, document


def _original(candidates: list[Path], document: dict[str, Any]) -> tuple[Path, CeremonyState]:
    from ceremony.verify.archive import verify_ceremony_archive

    ref = document["original"]
    found = [c for c in candidates if (c / "archive.json").is_file()]
    if not found:
        raise _fail(
            f"the original archive {ref['archive']} is not beside the recount "
            "(give it with --original)"
        )
    archive = found[0]
    index = archive / "archive.json"
    if hashlib.sha256(index.read_bytes()).hexdigest() != ref["archive_index_sha256"]:
        raise _fail("the original archive's archive.json differs from the one recounted")
    export = JournalExport.from_bytes((archive / JOURNAL_FILE).read_bytes())
    if export.entries[-1].entry_hash != ref["journal_head"]:
        raise _fail("the original archive's journal head differs from the one recounted")
    report = verify_ceremony_archive(archive)
    if not report.passed:
        raise _fail(f"the original archive fails {[c.name for c in report.failed_checks()]}")
    return archive, derive_state(export.entries)


def _signatures(
    bundle: Bundle, document: dict[str, Any], archive: Path, state: CeremonyState
) -> None:
    keys: dict[str, tuple[str, CardIdentity]] = {}
    for member, recorded in state.members.items():
        identity = CardIdentity.from_dict(dict(recorded))
        keys[identity.signature_key.key_id] = (member, identity)
    signers = []
    for signature in bundle.signatures:
        if signature.key_id not in keys:
            raise _fail(f"key {signature.key_id[:16]}… is no member's card in the original")
        member, identity = keys[signature.key_id]
        key = identity.signature_key
        if signature.role != identity.role or signature.algorithm != key.algorithm:
            raise _fail(f"{member}'s signature names another role or algorithm")
        verify_signature(
            PublicKey(key.algorithm, key.public_bytes), bundle.signed_bytes, signature.value
        )
        signers.append(member)
    if sorted(signers) != sorted(document["members_used"]):
        raise _fail("the signers are not the members whose cards were used")
    definition = parse_payload(read_bundle_file(archive / "bundles/definition.zip", "definition"))
    assert isinstance(definition, DefinitionPayload) and state.bureau_id is not None
    if document["original"]["bureau_id"] != state.bureau_id:
        raise _fail("the recount names another bureau than the original archive's")
    require_quorum(definition.bureau(state.bureau_id), signers)


def _results(document: dict[str, Any], state: CeremonyState) -> None:
    assert state.count is not None
    if document["archived_results"] != state.count["results"]:
        raise _fail("the archived results quoted are not the original count's")
    same = document["results"] == document["archived_results"]
    if bool(document["identical"]) != same or (same and document["differences"]):
        raise _fail("'identical' does not match the results compared")


def verify_recount(path: Path, original: Path | None = None) -> VerificationReport:
    """Every check of the module docstring for a folder or a ``recount.zip``.

    ``original``: the original archive folder; by default it is looked for beside
    the recount (the folder's sibling, or the zip's sibling or its folder's)."""
    try:
        return _verify_recount(path, original)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        builder = ReportBuilder(subject=str(path))
        first = SPECS["index"] if path.is_dir() else SPECS["bundle"]
        builder.failed(first, _fail(f"unreadable recount: {type(exc).__name__}"))
        return builder.build()


def _candidates(path: Path, document: dict[str, Any], original: Path | None) -> list[Path]:
    if original is not None:
        return [original]
    name = str(document["original"]["archive"])
    if path.is_dir():
        return [path.parent / name]
    return [path.parent / name, path.parent.parent / name]


def _verify_recount(path: Path, original: Path | None) -> VerificationReport:
    builder = ReportBuilder(subject=str(path))
    folder = path if path.is_dir() else None
    if folder is not None:
        files = builder.run(SPECS["index"], lambda: _index(folder))
        if files is not None:
            builder.run(SPECS["journal"], lambda: _journal(folder, files))
    zip_path = folder / BUNDLE_FILE if folder is not None else path
    opened = builder.run(SPECS["bundle"], lambda: _bundle(zip_path, folder))
    if opened is None:
        for name in ("original", "signatures", "results"):
            builder.not_applicable(SPECS[name], "paquet illisible", "unreadable bundle")
        return builder.build()
    bundle, document = opened
    candidates = _candidates(path, document, original)
    found = builder.run(SPECS["original"], lambda: _original(candidates, document))
    if found is None:
        builder.not_applicable(SPECS["signatures"], "archive d'origine", "original archive")
        builder.not_applicable(SPECS["results"], "archive d'origine", "original archive")
    else:
        archive, state = found
        builder.run(SPECS["signatures"], lambda: _signatures(bundle, document, archive, state))
        builder.run(SPECS["results"], lambda: _results(document, state))
    builder.details["identical"] = document.get("identical")
    builder.details["results"] = document.get("results")
    builder.details["original"] = document.get("original")
    return builder.build()
