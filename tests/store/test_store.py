"""The store on a real SQLite file: migrations, pragmas, lock, transactions, triggers."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from setuptools import find_packages  # type: ignore[import-untyped]
from sqlalchemy import create_engine, text

from ceremony.store.blobs import compute_sha256
from ceremony.store.errors import (
    BlobIntegrityError,
    BlobNotFoundError,
    JournalValueError,
    StoreLockedError,
    TransactionError,
)
from ceremony.store.migrate import MIGRATIONS_DIR, head_revision, upgrade
from ceremony.store.schema import Base
from ceremony.store.store import DATABASE_FILE_NAME, Store, open_store
from ceremony.store.store_verify import verify_journal
from ceremony.store.workstation_key import WorkstationKey
from tests.store.conftest import PRESIDENT, StepClock, fill, reopen


class StepFailedError(Exception):
    """What a failing ceremony step raises in these tests."""


def _count(folder: Path, table: str) -> int:
    connection = sqlite3.connect(folder / DATABASE_FILE_NAME)
    try:
        (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    finally:
        connection.close()
    return int(count)


def test_open_creates_migrates_and_reopen_is_idempotent(store_dir: Path) -> None:
    with open_store(store_dir, now=StepClock()) as store:
        fill(store, 2)
    with reopen(store_dir) as store:
        assert [entry.sequence for entry in store.entries()] == [1, 2]
        verify_journal(store)
    with reopen(store_dir) as store:
        assert len(store.entries()) == 2
    engine = create_engine(f"sqlite:///{store_dir / DATABASE_FILE_NAME}")
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        # The shipped migration builds exactly the tables the ORM classes describe.
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    engine.dispose()


def test_a_store_made_by_the_first_revision_is_upgraded_at_open(store_dir: Path) -> None:
    store_dir.mkdir()
    engine = create_engine(f"sqlite:///{store_dir / DATABASE_FILE_NAME}")
    with engine.begin() as connection:
        upgrade(connection, "0001_initial")
        connection.exec_driver_sql(
            "INSERT INTO blobs VALUES (?, 3, 'definition', 'imported', "
            "'2026-03-01T10:00:00.000000Z', '{}')",
            (compute_sha256(b"old"),),
        )
    engine.dispose()
    with open_store(store_dir) as store:
        (use,) = store.blob_uses(compute_sha256(b"old"))
        assert (use.kind, use.direction) == ("definition", "imported")


def test_connection_pragmas_make_commits_durable(store: Store) -> None:
    with store.transaction() as tx:
        connection = tx.session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_second_open_in_the_same_process_is_refused(store: Store, store_dir: Path) -> None:
    with pytest.raises(StoreLockedError) as caught:
        open_store(store_dir)
    assert "déjà ouvert" in caught.value.user_message


def test_a_second_process_cannot_open_the_store(store: Store, store_dir: Path) -> None:
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path\n"
            "from ceremony.store.errors import StoreLockedError\n"
            "from ceremony.store.store import open_store\n"
            "try:\n    open_store(Path(sys.argv[1]))\n"
            "except StoreLockedError:\n    sys.exit(3)\n",
            str(store_dir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == 3, child.stderr
    store.close()
    with open_store(store_dir) as again:  # released on close
        assert again.entries() == []


def test_blob_round_trip_is_content_addressed_and_idempotent(store: Store) -> None:
    data = b"PK\x03\x04 a signed bundle"
    first = store.put_blob(data, kind="definition", direction="imported", metadata={"n": 1})
    second = store.put_blob(data, kind="other", direction="exported")
    assert first == second == compute_sha256(data)
    assert store.get_blob(first) == data
    record = store.blob_record(first)
    assert (record.kind, record.direction, record.size) == ("definition", "imported", len(data))
    assert record.metadata == {"n": 1}
    assert len(store.blob_records()) == 1
    uses = store.blob_uses(first)
    assert [(u.kind, u.direction, u.metadata) for u in uses] == [
        ("definition", "imported", {"n": 1}),
        ("other", "exported", {}),
    ]
    path = store.blobs.path_for(first)
    assert path.read_bytes() == data
    assert not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def test_a_changed_blob_file_is_a_named_error_on_read(store: Store) -> None:
    sha256 = store.put_blob(b"seal manifest", kind="seal", direction="exported")
    path = store.blobs.path_for(sha256)
    path.chmod(0o644)
    path.write_bytes(b"seal manifest, edited")
    with pytest.raises(BlobIntegrityError):
        store.get_blob(sha256)
    with pytest.raises(BlobIntegrityError):
        verify_journal(store)
    with pytest.raises(BlobIntegrityError):  # no silent repair on a second put either
        store.put_blob(b"seal manifest", kind="seal", direction="exported")


def test_unknown_or_malformed_blob_hashes_are_named_errors(store: Store) -> None:
    with pytest.raises(BlobNotFoundError):
        store.get_blob(compute_sha256(b"never stored"))
    with pytest.raises(BlobNotFoundError):
        store.get_blob("../../etc/passwd")
    with pytest.raises(JournalValueError):
        store.put_blob(b"x", kind="k", direction="sideways")


def test_blob_and_entry_commit_together(store: Store) -> None:
    with store.transaction() as tx:
        sha256 = tx.put_blob(b"status bundle", kind="status", direction="imported")
        entry = tx.append(
            phase="vote_open", action="status.import", actors=[PRESIDENT], blobs=[sha256]
        )
        assert tx.get_blob(sha256) == b"status bundle"
        assert tx.head() == entry
        with pytest.raises(BlobNotFoundError):  # not committed yet
            store.get_blob(sha256)
    assert store.entries() == [entry]
    assert entry.blobs == (sha256,)
    assert store.get_blob(sha256) == b"status bundle"


def test_a_failed_transaction_writes_nothing(store: Store, store_dir: Path) -> None:
    fill(store, 1)
    before = store.entries()
    data = b"urn bundle that fails its checks"
    with pytest.raises(StepFailedError), store.transaction() as tx:
        sha256 = tx.put_blob(data, kind="urn", direction="imported")
        tx.append(phase="closed", action="urn.import", blobs=[sha256])
        raise StepFailedError("the urn does not verify")
    assert store.entries() == before
    with pytest.raises(BlobNotFoundError):
        store.get_blob(compute_sha256(data))
    assert not store.blobs.path_for(compute_sha256(data)).exists()
    store.close()
    assert _count(store_dir, "journal_entries") == 1
    assert _count(store_dir, "blobs") == 1
    assert _count(store_dir, "journal_blob_refs") == 1


def test_a_rolled_back_put_keeps_a_blob_committed_earlier(store: Store) -> None:
    sha256 = store.put_blob(b"definition", kind="definition", direction="imported")
    with pytest.raises(StepFailedError), store.transaction() as tx:
        tx.put_blob(b"definition", kind="definition", direction="imported")
        raise StepFailedError("later check failed")
    assert store.get_blob(sha256) == b"definition"


def test_an_entry_cannot_refer_to_an_unrecorded_blob(store: Store) -> None:
    with pytest.raises(BlobNotFoundError):
        store.append(phase="p", action="a", blobs=[compute_sha256(b"elsewhere")])
    assert store.entries() == []


def test_nested_transactions_are_refused(store: Store) -> None:
    with store.transaction(), pytest.raises(TransactionError):
        store.append(phase="p", action="a")
    assert store.entries() == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE journal_entries SET details_json = '{}' WHERE sequence = 1",
        "DELETE FROM journal_entries WHERE sequence = 2",
        "DELETE FROM journal_blob_refs",
        "UPDATE blobs SET kind = 'other'",
        "DELETE FROM blobs",
        "DELETE FROM checkpoints",
        "UPDATE checkpoints SET sequence = 1",
        "DELETE FROM workstation_keys",
        "UPDATE blob_uses SET direction = 'imported'",
        "DELETE FROM blob_uses",
    ],
)
def test_the_database_refuses_updates_and_deletes(
    store: Store, store_dir: Path, key: WorkstationKey, statement: str
) -> None:
    fill(store, 2)
    store.make_checkpoint(key)
    store.close()
    connection = sqlite3.connect(store_dir / DATABASE_FILE_NAME)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        connection.execute(statement)
    connection.close()


def test_the_database_refuses_an_insert_that_does_not_extend_the_chain(
    store: Store, store_dir: Path
) -> None:
    fill(store, 1)
    store.close()
    connection = sqlite3.connect(store_dir / DATABASE_FILE_NAME)
    insert = (
        "INSERT INTO journal_entries (sequence, time, phase, actors_json, action, details_json,"
        " previous_hash, entry_hash) VALUES (?, 't', 'p', '[]', 'a', '{}', ?, ?)"
    )
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        connection.execute(insert, (3, "0" * 64, "1" * 64))  # skips entry 2
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        connection.execute(insert, (2, "2" * 64, "1" * 64))  # wrong previous hash
    connection.close()


def test_temporary_files_left_by_a_crash_are_removed_at_open(store_dir: Path) -> None:
    with open_store(store_dir) as store:
        leftover = store.blobs.root / "tmp" / "deadbeef.part"
        leftover.write_bytes(b"half a bundle")
    with open_store(store_dir):
        assert not leftover.exists()


def test_the_database_is_readable_by_its_owner_only(store: Store, store_dir: Path) -> None:
    mode = stat.S_IMODE((store_dir / DATABASE_FILE_NAME).stat().st_mode)
    assert mode & 0o077 == 0


def test_the_migrations_ship_inside_the_package() -> None:
    # `pip install .` carries only packages setuptools finds: scripts need __init__.py.
    root = Path(__file__).resolve().parents[2]
    with (root / "pyproject.toml").open("rb") as handle:
        include = tomllib.load(handle)["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = set(find_packages(where=str(root), include=include))
    assert {"ceremony.store.migrations", "ceremony.store.migrations.versions"} <= packages
    assert MIGRATIONS_DIR.is_relative_to(root / "ceremony" / "store")
    assert (MIGRATIONS_DIR / "env.py").is_file()


def test_large_files_are_streamed_in_and_verified_out(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "urn.bel"
    data = bytes(range(256)) * (3 * 4096 + 7)  # a little over 3 MiB: several chunks
    source.write_bytes(data)
    sha256 = store.put_blob_file(source, kind="urn", direction="imported")
    assert sha256 == compute_sha256(data)
    assert store.blob_record(sha256).size == len(data)
    assert store.blob_path(sha256).read_bytes() == data
    assert store.put_blob(data, kind="urn", direction="imported") == sha256
    path = store.blob_path(sha256)
    path.chmod(0o644)
    with path.open("r+b") as handle:
        handle.seek(2 * 1024 * 1024)
        handle.write(b"\xff")  # the byte there was 0x00
    with pytest.raises(BlobIntegrityError):
        store.blob_path(sha256)
