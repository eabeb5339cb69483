"""A demo ceremony archive built once per session, and the tools to alter copies of it.

The mutation tests play two attackers: one who edits files of the archive
(caught by the index and the journal), and one who also holds the bureau's
workstation key (:func:`reseal` recomputes the index and the journal and
signs its checkpoint again), so that what must catch them is the platform's
and the cards' signatures and the recomputation of every figure. For a few
alterations the attacker also holds the platform key or training cards of the
demo (:func:`platform_signer`, :func:`card_signer`), to reach the checks that
lie behind those signatures.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ceremony.bundles.envelope import Bundle, sign_bundle
from ceremony.bundles.importer import parse_payload, read_bundle
from ceremony.bundles.keys import Ed25519Signer
from ceremony.bundles.manifest import BundleType
from ceremony.bundles.payloads.common import FileRef
from ceremony.bundles.types import make_typed_bundle
from ceremony.cards.interface import CardSigner
from ceremony.cards.training import TrainingCard
from ceremony.protocol.audit import BallotVerifier
from ceremony.store.checkpoint import make_checkpoint, public_key_hex
from ceremony.store.export import JournalExport
from ceremony.store.journal import GENESIS_HASH, JournalEntry, compute_entry_hash
from ceremony.store.records import RecordedKey
from ceremony.store.workstation_key import FileKeySource
from ceremony.verify.archive import verify_ceremony_archive
from ceremony.verify.archive_count import default_audit
from ceremony.verify.report import VerificationReport
from ceremony.workflow.demo import DemoPins, store_folder

DEMO_BALLOTS = 30
DEMO_SEED = "bureau-demo"
INDEX = "archive.json"
JOURNAL = "journal.jsonl"


@dataclass(frozen=True)
class DemoArchive:
    """The pristine archive and the demo's working store beside it (keys, cards)."""

    folder: Path
    store: Path


APPLICATION = ("ceremony", "bureau_app", "resources")
ROOT = Path(__file__).resolve().parents[2]
BUILD = (
    "import io, sys; from pathlib import Path; from ceremony.workflow.demo import run_demo; "
    "run_demo(Path(sys.argv[1]), int(sys.argv[2]), seed=sys.argv[3], stream=io.StringIO())"
)


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> DemoArchive:
    """The demo, run by a copy of the application taken now.

    The count refuses to start if the application's files changed since the
    seal (software fingerprint); a copy keeps the demo's own run stable while
    the working tree is being edited.
    """
    base = tmp_path_factory.mktemp("ceremony-archive")
    snapshot = base / "application"
    for name in APPLICATION:
        shutil.copytree(ROOT / name, snapshot / name, ignore=shutil.ignore_patterns("__pycache__"))
    out = base / "demo"
    subprocess.run(
        [sys.executable, "-c", BUILD, str(out), str(DEMO_BALLOTS), DEMO_SEED],
        cwd=snapshot,
        env={**os.environ, "PYTHONPATH": str(snapshot)},
        check=True,
        capture_output=True,
    )
    return DemoArchive(out, store_folder(out))


@pytest.fixture
def archive(tmp_path: Path, demo_archive: DemoArchive) -> Path:
    """A fresh copy of the demo archive, to alter."""
    target = tmp_path / "archive"
    shutil.copytree(demo_archive.folder, target)
    return target


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class AuditCache:
    """The real Belenios audit, run once per distinct (archive, urn) pair of bytes.

    Most alterations leave the `.bel` files untouched; their audit is the same
    computation on the same bytes, so it is reused rather than redone.
    """

    def __init__(self) -> None:
        self.reports: dict[tuple[str, str], VerificationReport] = {}
        self.runs = 0

    def __call__(
        self, path: Path, previous: Path | None, verifier: BallotVerifier
    ) -> VerificationReport:
        key = (
            sha256_file(path) if path.is_file() else f"absent:{path.name}",
            sha256_file(previous) if previous is not None else "",
        )
        if key not in self.reports:
            self.runs += 1
            self.reports[key] = default_audit(path, previous, verifier)
        return self.reports[key]


@pytest.fixture(scope="session")
def audit_cache() -> AuditCache:
    return AuditCache()


@pytest.fixture
def verify(audit_cache: AuditCache) -> Callable[[Path], VerificationReport]:
    def run(path: Path) -> VerificationReport:
        return verify_ceremony_archive(path, workers=1, belenios_audit=audit_cache)

    return run


# -- the attacker's tools ------------------------------------------------------


def flip_byte(path: Path, offset: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    where = len(data) // 2 if offset is None else offset
    data[where] ^= 0x01
    path.write_bytes(bytes(data))


def _substitute(value: Any, table: dict[str, str]) -> Any:
    if isinstance(value, str):
        return table.get(value, value)
    if isinstance(value, list):
        return [_substitute(v, table) for v in value]
    if isinstance(value, dict):
        return {k: _substitute(v, table) for k, v in value.items()}
    return value


EntryEdit = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


def reseal(
    folder: Path,
    store: Path,
    edit: EntryEdit | None = None,
    fresh_key: Ed25519PrivateKey | None = None,
) -> None:
    """Make the index and the journal agree with the folder again, as the workstation can.

    Every hash the journal carried of a file that changed is replaced by the
    new one; ``edit`` may then change the entries (as dicts); the chain is
    rebuilt and its head signed again with the workstation key.
    """
    old = json.loads((folder / INDEX).read_bytes())["files"]
    files = {
        p.relative_to(folder).as_posix(): sha256_file(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).as_posix() not in {INDEX, JOURNAL}
    }
    table = {old[n]: files[n] for n in old if n in files and old[n] != files[n]}
    index = json.dumps({"format": "bureau-archive/1", "files": files}, indent=1, sort_keys=True)
    (folder / INDEX).write_bytes(index.encode())
    export = JournalExport.from_bytes((folder / JOURNAL).read_bytes())
    entries = [_substitute(e.to_dict(), table) for e in export.entries]
    if edit is not None:
        entries = edit(entries)
    archived = [e for e in entries if e["action"] == "archive.exported"][-1]
    archived["details"]["files"] = {**files, INDEX: hashlib.sha256(index.encode()).hexdigest()}
    rebuilt: list[JournalEntry] = []
    previous = GENESIS_HASH
    for sequence, raw in enumerate(entries, start=1):
        entry = JournalEntry.from_dict(
            {**raw, "sequence": sequence, "previous_hash": previous, "entry_hash": ""}
        )
        entry = JournalEntry.from_dict({**entry.to_dict(), "entry_hash": compute_entry_hash(entry)})
        rebuilt.append(entry)
        previous = entry.entry_hash
    keys = export.keys
    if fresh_key is None:
        loaded = FileKeySource(store / "workstation-key").load()
        assert loaded is not None
        key = loaded
    else:
        # An attacker without the workstation key signs with one of their own.
        key = fresh_key
        now = datetime.now(UTC).isoformat()
        keys = (RecordedKey(public_key_hex(fresh_key), "file", False, now),)
    checkpoint = make_checkpoint(rebuilt[-1], key, datetime.now(UTC))
    journal = JournalExport(tuple(rebuilt), (checkpoint,), keys)
    (folder / JOURNAL).write_bytes(journal.to_bytes())


def platform_signer() -> Ed25519Signer:
    """The demo platform's key (the simulator derives it from the seed)."""
    return Ed25519Signer.from_seed(hashlib.sha256(f"{DEMO_SEED}:platform-key".encode()).digest())


def card_signer(demo: DemoArchive, member_id: str) -> CardSigner:
    """A demo member's training card, as a bundle signer."""
    card = TrainingCard(demo.store / "cartes-entrainement" / f"{member_id}.card")
    return CardSigner(card, card.read_identity(), DemoPins(DEMO_SEED, member_id))


Change = Callable[[Any, dict[str, bytes]], tuple[Any, dict[str, bytes]]]


def rebuild(data: bytes, kind: BundleType, change: Change) -> Bundle:
    """The bundle with its payload and attachments changed, unsigned, same id and time."""
    bundle = read_bundle(data, kind)
    payload = parse_payload(bundle)
    attachments = {n: bundle.files[n] for n in bundle.files if n != bundle.manifest.payload}
    payload, attachments = change(payload, attachments)
    return make_typed_bundle(
        payload, attachments, now=bundle.manifest.created_at, bundle_id=bundle.manifest.bundle_id
    )


def sign_all(bundle: Bundle, signers: list[Any]) -> bytes:
    for signer in signers:
        bundle = sign_bundle(bundle, signer)
    return bundle.to_bytes()


def ref(path: str, content: bytes) -> FileRef:
    return FileRef.of(path, content)


def journal_entries(folder: Path) -> Iterator[JournalEntry]:
    yield from JournalExport.from_bytes((folder / JOURNAL).read_bytes()).entries
