"""``bureau recount ARCHIVE --store NEW --card …``: the count run again from the archive.

Art. 23 of the 2019 arrêté keeps keys and files two years "afin de permettre
une nouvelle exécution de la procédure de décompte des votes". This runs on a
machine that has only the ceremony archive and the members' cards:

1. the archive is verified in full (``bureau verify``): nothing is recounted
   from an archive that does not verify;
2. what the count needs is rebuilt in a NEW store from the archive's files
   (definition, seal: trustees and elections, urn, the delegates' public
   ``voutputs``) and its journal (members' cards, delegate order, election key
   fingerprint, the count's results); the recount keeps a journal of its own;
3. any legal quorum of cards opens the keys (:mod:`ceremony.workflow.card_check`),
   every ballot of the urn is verified again and tallied, the tallies decrypted;
4. the results are compared with the archived ones, and a signed recount report
   is written beside (never inside) the archive: ``recount.zip``, a signed
   bundle (:mod:`ceremony.workflow.recount_bundle`: ``recount.json`` and
   ``recompte.pdf``, the annex to the PV, signed by every card used), readable
   copies of those two files, the recount's own ``journal.jsonl`` and
   ``recount-index.json``.
   ``bureau verify`` accepts that folder (:mod:`ceremony.verify.recount`); it
   names the original archive by the hash of its ``archive.json`` and its
   journal head. The original archive is never written to.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ceremony.bundles.importer import expect_payload, import_bundle_file, read_bundle_file
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.cards.interface import CardSigner
from ceremony.protocol.election import Election
from ceremony.protocol.group import Group
from ceremony.store.errors import BlobNotFoundError
from ceremony.store.export import JournalExport, export_journal
from ceremony.store.store import open_store
from ceremony.store.workstation_key import KeySource, default_key_source
from ceremony.workflow import count as counting
from ceremony.workflow.card_check import journal_events, open_or_record_refusal
from ceremony.workflow.engine import Bureau, _replace_seen
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.phases import Action, Phase
from ceremony.workflow.recount_bundle import BUNDLE_FILE, make_recount_bundle
from ceremony.workflow.sealing import canonical
from ceremony.workflow.state import CeremonyState, derive_state
from ceremony.workflow.tempdirs import work_folder

RECOUNT_FILE: Final = "recount.json"
PDF_FILE: Final = "recompte.pdf"
INDEX_FILE: Final = "recount-index.json"
JOURNAL_FILE: Final = "journal.jsonl"
RECOUNT_FORMAT: Final = "bureau-recount/1"
VOUTPUTS_FILE: Final = "keys/voutputs.json"


class RecountError(WorkflowError):
    default_message = "Le nouveau décompte ne peut pas être fait."


class ArchiveNotVerifiedError(RecountError):
    default_message = (
        "L'archive de la cérémonie ne se vérifie pas : aucun nouveau décompte n'est fait "
        "à partir d'une archive altérée ou incomplète."
    )


class ArchiveIncompleteError(RecountError):
    default_message = (
        "L'archive ne contient pas tout ce que le décompte demande (par exemple les "
        "données publiques des délégués, keys/voutputs.json, absentes des archives "
        "écrites avant cette version)."
    )


class RecountFolderError(RecountError):
    default_message = (
        "Le dossier du nouveau décompte doit être nouveau ou vide, et hors de l'archive "
        "d'origine (qui n'est jamais modifiée)."
    )


@dataclass(frozen=True)
class RecountOutcome:
    folder: Path
    equal: bool
    results: dict[str, list[int]]
    original: dict[str, list[int]]
    differences: list[str]
    members_used: list[str]
    contest_names: dict[str, str]
    list_names: dict[str, list[str]] = field(default_factory=dict)


class ArchivedCeremony(Bureau):
    """The original ceremony as its archive records it, over the recount's new store.

    ``state`` is derived from the archive's journal (never from the new store's
    own journal); the blobs it names were put in the new store from the archive."""

    def __init__(
        self, store: Any, state: CeremonyState, group: Group, key_source: KeySource | None
    ) -> None:
        super().__init__(store, key_source=key_source)
        # The archived elections' own group: a 2.0 ceremony stays in BELENIOS-2048.
        self._group = group
        self._archived_state = state

    @property
    def state(self) -> CeremonyState:
        return self._archived_state


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def default_output(archive: Path, stamp: str) -> Path:
    return archive.parent / f"{archive.name}-recompte-{stamp}"


def _check_output(archive: Path, out: Path) -> None:
    if out == archive or archive in out.parents:
        raise RecountFolderError(f"{out} is inside the original archive {archive}")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise RecountFolderError(f"{out} exists and is not an empty folder")


def _verify_original(archive: Path, progress: Callable[[str], None] | None) -> None:
    from ceremony.verify.archive import verify_ceremony_archive

    report = verify_ceremony_archive(archive, progress=progress)
    if not report.passed:
        failed = [c.name for c in report.failed_checks()]
        raise ArchiveNotVerifiedError(f"the archive fails {failed}")


def _import_files(store: Any, archive: Path, state: CeremonyState) -> None:
    """Put the archive's files the count needs as blobs (same hashes as the original's)."""
    names = ["bundles/definition.zip", "bundles/seal.zip", "bundles/urn.zip"]
    if (archive / VOUTPUTS_FILE).is_file():
        names.append(VOUTPUTS_FILE)
    seal = read_bundle_file(archive / "bundles" / "seal.zip", "seal")
    with store.transaction() as tx:
        for name in names:
            tx.put_blob_file(archive / name, kind="archive_file", direction="imported")
        for _name, content in sorted(seal.files.items()):
            tx.put_blob(bytes(content), kind="sealed_file", direction="imported")
    assert state.keys is not None and state.urn is not None
    needed = {
        "definition": state.definition_blob,
        "trustees": state.keys["trustees"],
        "voutputs (keys/voutputs.json)": state.keys["voutputs"],
        "urn": state.urn["blob"],
        **{f"election {u}": b for u, b in state.keys["elections"].items()},
    }
    missing = [what for what, sha in needed.items() if not sha or not _has_blob(store, sha)]
    if missing:
        raise ArchiveIncompleteError(f"archive lacks {missing}")


def _has_blob(store: Any, sha256: str) -> bool:
    try:
        store.blob_record(sha256)
    except BlobNotFoundError:
        return False
    return True


def _differences(
    again: Mapping[str, list[int]], original: Mapping[str, list[int]], same_figures: bool
) -> list[str]:
    out = []
    for uuid in sorted(set(again) | set(original)):
        if again.get(uuid) != original.get(uuid):
            out.append(f"{uuid}: archive {original.get(uuid)}, recount {again.get(uuid)}")
    if not same_figures and not out:
        out.append("results.json: figures or seats differ")
    return out


def recount_from_archive(
    archive: Path,
    store_dir: Path,
    cards: Sequence[PresentCard],
    out: Path | None = None,
    *,
    notice: Callable[[str], None] | None = None,
    key_source: KeySource | None = None,
) -> RecountOutcome:
    """The whole recount (module docstring); returns where its report was written."""
    from ceremony.store.timefmt import utc_now
    from ceremony.workflow.recount_report import make_recount_pdf

    archive = archive.resolve()
    now = utc_now()
    out = (out or default_output(archive, now.strftime("%Y%m%d-%H%M%S"))).resolve()
    _check_output(archive, out)
    _verify_original(archive, notice)
    journal = JournalExport.from_bytes((archive / "journal.jsonl").read_bytes())
    state = derive_state(journal.entries)
    if state.count is None or state.keys is None or state.urn is None:
        raise ArchiveIncompleteError("the archive's journal holds no count")
    store = open_store(store_dir)
    try:
        if entries := store.entries():
            actions = {e.action for e in entries}
            unfinished = Action.RECOUNT_STARTED in actions and Action.RECOUNT_DONE not in actions
            raise RecountFolderError(
                f"store {store_dir} is not new",
                user_message=(
                    f"Le dossier de travail « {store_dir} » contient déjà un nouveau décompte "
                    "commencé (refusé ou interrompu) : choisissez un autre dossier, ou "
                    "supprimez celui-ci, qui ne contient que des copies de l'archive et le "
                    "journal de cette tentative. L'archive d'origine n'a pas été modifiée."
                    if unfinished
                    else f"Le dossier de travail « {store_dir} » contient déjà un registre : "
                    "choisissez un dossier nouveau ou vide pour le nouveau décompte."
                ),
            )
        _import_files(store, archive, state)
        first = next(iter(state.keys["elections"].values()))
        group = Election.from_bytes(store.get_blob(first)).group
        bureau = ArchivedCeremony(
            store, state, group, key_source or default_key_source(store.folder)
        )
        bureau.notice = notice
        original_ref = {
            "archive": archive.name,
            "archive_index_sha256": sha256_file(archive / "archive.json"),
            "journal_head": journal.entries[-1].entry_hash,
            "bureau_id": state.bureau_id,
        }
        store.append(phase=Phase.ARCHIVED, action=Action.RECOUNT_STARTED, details=original_ref)
        checked = bureau.checked(state, cards)
        events = bureau.card_events()
        opened = open_or_record_refusal(bureau, state, checked, events, Phase.ARCHIVED, "recount")
        from ceremony.workflow.urn import check_urn

        verified = import_bundle_file(
            store.blob_path(state.urn["blob"]),
            "urn",
            _replace_seen(bureau.import_context(state), state.urn["bundle_id"]),
        )
        checks = check_urn(bureau, state, expect_payload(verified, UrnPayload), None)
        with work_folder("recount") as tmp:
            outcome = counting.run_count(
                bureau, state, opened, checks.tallies, state.count.get("lot_seed"), tmp
            )
        again = {u: list(r.result[0]) for u, r in outcome.results.items()}
        original = {u: list(v) for u, v in state.count["results"].items()}
        figures = counting.figures_bytes(outcome.figures)
        same_figures = figures == (archive / "results.json").read_bytes()
        differences = _differences(again, original, same_figures)
        used = [k.card for k in opened]
        document = {
            "format": RECOUNT_FORMAT,
            "original": original_ref,
            "recounted_at": now.isoformat(),
            "members_used": sorted(c.member_id for c in used),
            "results": again,
            "archived_results": original,
            "figures": json.loads(figures),
            "identical": not differences,
            "differences": differences,
        }
        pdf = make_recount_pdf(bureau, state, document)
        assert state.bureau_id is not None
        bundle = make_recount_bundle(
            document,
            pdf,
            bureau_id=state.bureau_id,
            election_fingerprints=state.keys["fingerprints"],
            now=now,
            signers=[CardSigner(c.client, c.identity, c.pins) for c in used],
        )
        # The folder keeps readable copies of the bundle's two files, same bytes.
        files = {
            RECOUNT_FILE: bundle.payload_bytes,
            PDF_FILE: pdf,
            BUNDLE_FILE: bundle.to_bytes(),
        }
        hashes = {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}
        index = canonical({"format": "bureau-recount-index/1", "files": hashes})
        with store.transaction() as tx:
            journal_events(tx, Phase.ARCHIVED, events, "recount")
            blobs = [
                tx.put_blob(d, kind="recount_file", direction="exported") for d in files.values()
            ]
            tx.append(
                phase=Phase.ARCHIVED,
                action=Action.RECOUNT_DONE,
                actors=[c.actor for c in used],
                details={
                    "results": again,
                    "equal": not differences,
                    "files": {**hashes, INDEX_FILE: hashlib.sha256(index).hexdigest()},
                    "original": original_ref,
                },
                blobs=blobs,
            )
        bureau.checkpoint()
        out.mkdir(parents=True, exist_ok=True)
        for name, data in {**files, INDEX_FILE: index}.items():
            (out / name).write_bytes(data)
        (out / JOURNAL_FILE).write_bytes(export_journal(store))
        contests = bureau.bureau_definition(state).contests
        return RecountOutcome(
            out,
            not differences,
            again,
            original,
            differences,
            sorted(c.member_id for c in used),
            {c.contest_uuid: c.name for c in contests},
            {c.contest_uuid: [lst.name for lst in c.lists] for c in contests},
        )
    finally:
        store.close()
