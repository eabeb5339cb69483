"""SQLite store (SQLAlchemy + Alembic) and the hash-chained journal.

Typical use by the workflow engine::

    store = open_store(folder)                 # lock, migrate, WAL, synchronous=FULL
    with store.transaction() as tx:            # all or nothing
        sha = tx.put_blob(bundle, kind="urn", direction="imported")
        tx.append(phase="closed", action="urn.import", actors=[...], blobs=[sha])
    store.make_checkpoint(load_workstation_key(default_key_source()))
    verify_journal(store)                      # raises a named JournalError
"""

from ceremony.store.checkpoint import Checkpoint
from ceremony.store.export import export_journal, read_journal_export, verify_journal_export
from ceremony.store.journal import Actor, JournalEntry
from ceremony.store.records import BlobRecord
from ceremony.store.store import Store, Transaction, default_store_dir, open_store
from ceremony.store.store_verify import verify_journal
from ceremony.store.timefmt import format_paris
from ceremony.store.verify import JournalReport
from ceremony.store.workstation_key import (
    FileKeySource,
    KeyringKeySource,
    KeySource,
    WorkstationKey,
    default_key_source,
    load_workstation_key,
)

__all__ = [
    "Actor",
    "BlobRecord",
    "Checkpoint",
    "FileKeySource",
    "JournalEntry",
    "JournalReport",
    "KeySource",
    "KeyringKeySource",
    "Store",
    "Transaction",
    "WorkstationKey",
    "default_key_source",
    "default_store_dir",
    "export_journal",
    "format_paris",
    "load_workstation_key",
    "open_store",
    "read_journal_export",
    "verify_journal",
    "verify_journal_export",
]
