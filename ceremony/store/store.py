"""The bureau's store: one folder holding the SQLite database and the blobs.

Opening takes an exclusive lock on the folder, applies the shipped
migrations, and sets the pragmas a ceremony needs: WAL, foreign keys,
``synchronous=FULL`` (a committed step survives a power cut). Every write
happens in ``with store.transaction() as tx:``, whose blob records and
journal entries commit together or not at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ceremony.store.blobs import BlobDirectory
from ceremony.store.checkpoint import Checkpoint, make_checkpoint
from ceremony.store.errors import (
    BlobNotFoundError,
    JournalValueError,
    StoreError,
    TransactionError,
)
from ceremony.store.journal import Actor, JournalEntry, Sha256Hex, canonical_json, make_entry
from ceremony.store.lock import StoreLock
from ceremony.store.migrate import upgrade_to_head
from ceremony.store.records import (
    BlobRecord,
    RecordedKey,
    blob_record_from_row,
    blob_use_from_row,
    checkpoint_from_row,
    entry_from_rows,
    entry_to_rows,
    recorded_key_from_row,
)
from ceremony.store.schema import (
    BLOB_DIRECTIONS,
    BlobRow,
    BlobUseRow,
    CheckpointRow,
    JournalBlobRefRow,
    JournalEntryRow,
    WorkstationKeyRow,
)
from ceremony.store.store_verify import verify_journal
from ceremony.store.timefmt import to_stored_time, utc_now
from ceremony.store.workstation_key import WorkstationKey

DATABASE_FILE_NAME = "bureau.sqlite3"
BLOBS_DIR_NAME = "blobs"

Clock = Callable[[], datetime]


def default_store_dir() -> Path:
    return Path(platformdirs.user_data_dir("bureau"))


def open_store(folder: Path | None = None, *, now: Clock = utc_now) -> Store:
    """Lock, migrate and open the store in ``folder`` (default: the user data dir)."""
    folder = folder if folder is not None else default_store_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = StoreLock(folder)
    lock.acquire()
    engine: Engine | None = None
    try:
        engine = _make_engine(folder / DATABASE_FILE_NAME, "BEGIN IMMEDIATE")
        with engine.begin() as connection:
            upgrade_to_head(connection)
        # The record is nobody else's to read (WAL and SHM files follow these bits).
        (folder / DATABASE_FILE_NAME).chmod(0o600)
        blobs = BlobDirectory(folder / BLOBS_DIR_NAME)
        blobs.prepare()
    except BaseException:
        if engine is not None:
            engine.dispose()
        lock.release()
        raise
    reader = _make_engine(folder / DATABASE_FILE_NAME, "BEGIN")
    return Store(folder, engine, reader, blobs, lock, now)


def _make_engine(database: Path, begin: str) -> Engine:
    """``begin``: IMMEDIATE for the writer (read head and append in one locked
    transaction); deferred for readers, which WAL lets run beside a writer and
    which see one committed snapshot per read."""
    engine = create_engine(f"sqlite:///{database}")

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode != "wal":
                raise StoreError(f"SQLite refused WAL mode (got {mode})")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


class Transaction:
    """One unit of work: blob records and journal entries committed together.

    Inside it, read through ``tx`` (``tx.head()``, ``tx.get_blob()``): the
    store's own read methods see only what is already committed.

    ``session`` is there for later store tables; anything added to it commits
    or rolls back with the rest.
    """

    def __init__(self, store: Store, session: Session) -> None:
        self.session = session
        self._store = store
        self.new_blob_files: list[Sha256Hex] = []
        self.appended: list[JournalEntry] = []

    def put_blob(
        self,
        data: bytes,
        *,
        kind: str,
        direction: str,
        metadata: Mapping[str, Any] | None = None,
    ) -> Sha256Hex:
        """Store ``data``; a blob already recorded keeps its first record."""
        metadata_json = _metadata_json(direction, metadata)
        sha256, created = self._store.blobs.write(data)
        return self._record(sha256, created, len(data), kind, direction, metadata_json)

    def put_blob_file(
        self,
        source: Path,
        *,
        kind: str,
        direction: str,
        metadata: Mapping[str, Any] | None = None,
    ) -> Sha256Hex:
        """Like ``put_blob`` for a large file: copied and hashed in chunks."""
        metadata_json = _metadata_json(direction, metadata)
        sha256, created = self._store.blobs.write_file(source)
        size = self._store.blobs.path_for(sha256).stat().st_size
        return self._record(sha256, created, size, kind, direction, metadata_json)

    def _record(
        self, sha256: str, created: bool, size: int, kind: str, direction: str, metadata: str
    ) -> Sha256Hex:
        if created:
            self.new_blob_files.append(sha256)
        recorded_at = to_stored_time(self._store.now())
        if self.session.get(BlobRow, sha256) is None:
            self.session.add(
                BlobRow(
                    sha256=sha256,
                    size=size,
                    kind=kind,
                    direction=direction,
                    recorded_at=recorded_at,
                    metadata_json=metadata,
                )
            )
            self.session.flush()
        self.session.add(
            BlobUseRow(
                sha256=sha256,
                kind=kind,
                direction=direction,
                recorded_at=recorded_at,
                metadata_json=metadata,
            )
        )
        self.session.flush()
        return sha256

    def get_blob(self, sha256: Sha256Hex) -> bytes:
        """Like ``Store.get_blob`` but also sees blobs put earlier in this transaction."""
        if self.session.get(BlobRow, sha256) is None:
            raise BlobNotFoundError(f"no blob {sha256} is recorded in this store")
        return self._store.blobs.read(sha256)

    def head(self) -> JournalEntry | None:
        row = self.session.scalars(
            select(JournalEntryRow).order_by(JournalEntryRow.sequence.desc()).limit(1)
        ).first()
        return None if row is None else self._store._entry(self.session, row)

    def append(
        self,
        *,
        phase: str,
        action: str,
        actors: Sequence[Actor] = (),
        details: Mapping[str, Any] | None = None,
        blobs: Sequence[Sha256Hex] = (),
    ) -> JournalEntry:
        """Chain one entry after the current head (time from the store's clock)."""
        for sha256 in blobs:
            if self.session.get(BlobRow, sha256) is None:
                raise BlobNotFoundError(f"journal entry refers to unrecorded blob {sha256}")
        entry = make_entry(
            previous=self.head(),
            now=self._store.now(),
            phase=phase,
            action=action,
            actors=actors,
            details=details,
            blobs=blobs,
        )
        row, refs = entry_to_rows(entry)
        self.session.add(row)
        self.session.flush()  # the entry row first: the references point at it
        self.session.add_all(refs)
        self.session.flush()
        self.appended.append(entry)
        return entry


def _metadata_json(direction: str, metadata: Mapping[str, Any] | None) -> str:
    if direction not in BLOB_DIRECTIONS:
        raise JournalValueError(f"blob direction {direction!r} not in {BLOB_DIRECTIONS}")
    return canonical_json(dict(metadata or {})).decode()


class Store:
    def __init__(
        self,
        folder: Path,
        engine: Engine,
        reader: Engine,
        blobs: BlobDirectory,
        lock: StoreLock,
        now: Clock,
    ) -> None:
        self.folder = folder
        self.blobs = blobs
        self.now = now
        self._engine = engine
        self._reader = reader
        self._lock = lock
        self._busy = threading.Lock()

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        self._reader.dispose()
        self._engine.dispose()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """All or nothing: on any exception, no record and no entry remain."""
        if not self._busy.acquire(blocking=False):
            raise TransactionError("a store transaction is already open (nesting refused)")
        session = Session(self._engine, expire_on_commit=False, autoflush=False)
        tx = Transaction(self, session)
        try:
            try:
                with session.begin():
                    yield tx
            except SQLAlchemyError as error:
                raise TransactionError(f"{type(error).__name__}: {error}") from error
        except BaseException:
            # Files this transaction created have no committed record: remove them.
            for sha256 in tx.new_blob_files:
                self.blobs.discard(sha256)
            raise
        finally:
            session.close()
            self._busy.release()

    def put_blob(
        self,
        data: bytes,
        *,
        kind: str,
        direction: str,
        metadata: Mapping[str, Any] | None = None,
    ) -> Sha256Hex:
        with self.transaction() as tx:
            return tx.put_blob(data, kind=kind, direction=direction, metadata=metadata)

    def put_blob_file(
        self,
        source: Path,
        *,
        kind: str,
        direction: str,
        metadata: Mapping[str, Any] | None = None,
    ) -> Sha256Hex:
        with self.transaction() as tx:
            return tx.put_blob_file(source, kind=kind, direction=direction, metadata=metadata)

    def append(
        self,
        *,
        phase: str,
        action: str,
        actors: Sequence[Actor] = (),
        details: Mapping[str, Any] | None = None,
        blobs: Sequence[Sha256Hex] = (),
    ) -> JournalEntry:
        with self.transaction() as tx:
            return tx.append(
                phase=phase, action=action, actors=actors, details=details, blobs=blobs
            )

    def make_checkpoint(self, key: WorkstationKey) -> Checkpoint:
        """Sign the current head, after verifying the journal (never sign a tampered one)."""
        verify_journal(self, check_blobs=False)
        with self.transaction() as tx:
            head = tx.head()
            if head is None:
                raise JournalValueError("the journal is empty: there is no head to sign")
            checkpoint = make_checkpoint(head, key.private_key, self.now())
            if tx.session.get(WorkstationKeyRow, checkpoint.public_key) is None:
                tx.session.add(
                    WorkstationKeyRow(
                        public_key=checkpoint.public_key,
                        source=key.source,
                        weaker=key.weaker,
                        recorded_at=checkpoint.time,
                    )
                )
                tx.session.flush()
            tx.session.add(CheckpointRow(**checkpoint.to_dict()))
        return checkpoint

    # -- reading -----------------------------------------------------------

    def get_blob(self, sha256: Sha256Hex) -> bytes:
        """The blob's bytes, re-hashed; unrecorded or altered blobs are named errors."""
        self.blob_record(sha256)
        return self.blobs.read(sha256)

    def blob_path(self, sha256: Sha256Hex) -> Path:
        """The recorded blob's file, re-hashed in chunks first (for large blobs)."""
        self.blob_record(sha256)
        return self.blobs.verified_path(sha256)

    def blob_record(self, sha256: Sha256Hex) -> BlobRecord:
        with Session(self._reader) as session:
            row = session.get(BlobRow, sha256)
            if row is None:
                raise BlobNotFoundError(f"no blob {sha256} is recorded in this store")
            return blob_record_from_row(row)

    def blob_uses(self, sha256: Sha256Hex) -> list[BlobRecord]:
        """Every put of this blob, oldest first (the first is ``blob_record``)."""
        with Session(self._reader) as session:
            size = self.blob_record(sha256).size
            rows = session.scalars(
                select(BlobUseRow).where(BlobUseRow.sha256 == sha256).order_by(BlobUseRow.position)
            )
            return [blob_use_from_row(row, size) for row in rows]

    def blob_records(self) -> list[BlobRecord]:
        with Session(self._reader) as session:
            rows = session.scalars(select(BlobRow).order_by(BlobRow.recorded_at)).all()
            return [blob_record_from_row(row) for row in rows]

    def entries(self) -> list[JournalEntry]:
        """Every entry, in the order the rows were written."""
        with Session(self._reader) as session:
            rows = session.scalars(select(JournalEntryRow).order_by(JournalEntryRow.position))
            refs: dict[int, list[JournalBlobRefRow]] = {}
            for ref in session.scalars(select(JournalBlobRefRow)):
                refs.setdefault(ref.entry_sequence, []).append(ref)
            return [entry_from_rows(row, refs.get(row.sequence, [])) for row in rows]

    def head(self) -> JournalEntry | None:
        entries = self.entries()
        return entries[-1] if entries else None

    def checkpoints(self) -> list[Checkpoint]:
        with Session(self._reader) as session:
            rows = session.scalars(select(CheckpointRow).order_by(CheckpointRow.position))
            return [checkpoint_from_row(row) for row in rows]

    def recorded_keys(self) -> list[RecordedKey]:
        with Session(self._reader) as session:
            rows = session.scalars(
                select(WorkstationKeyRow).order_by(WorkstationKeyRow.recorded_at)
            )
            return [recorded_key_from_row(row) for row in rows]

    def _entry(self, session: Session, row: JournalEntryRow) -> JournalEntry:
        refs = session.scalars(
            select(JournalBlobRefRow).where(JournalBlobRefRow.entry_sequence == row.sequence)
        ).all()
        return entry_from_rows(row, refs)
