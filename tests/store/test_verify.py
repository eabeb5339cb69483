"""Every kind of tampering with a real store's journal is detected and located."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ceremony.store.checkpoint import make_checkpoint
from ceremony.store.errors import (
    CheckpointKeyError,
    CheckpointMismatchError,
    CheckpointSignatureError,
    JournalChainBrokenError,
    JournalEntryMissingError,
    JournalEntryModifiedError,
    JournalError,
    JournalOrderError,
    JournalTruncatedError,
)
from ceremony.store.journal import JournalEntry, compute_entry_hash
from ceremony.store.store import Store
from ceremony.store.store_verify import verify_journal
from ceremony.store.workstation_key import WorkstationKey
from tests.store.conftest import START, fill, reopen, tamper


@pytest.fixture
def sealed(store: Store, store_dir: Path, key: WorkstationKey) -> Path:
    """A closed store: 6 entries, a checkpoint at entry 4, a later one at entry 6."""
    fill(store, 4)
    store.make_checkpoint(key)
    fill(store, 2, phase="seal")
    store.make_checkpoint(key)
    store.close()
    return store_dir


def _verify(folder: Path, key: WorkstationKey | None = None) -> None:
    with reopen(folder) as store:
        verify_journal(store, trusted_public_key=key.public_key if key else None)


def _rewrite_from(entries: list[JournalEntry], sequence: int, details: dict[str, int]) -> list[str]:
    """What a careful forger runs: change one entry and rebuild every later hash."""
    statements = []
    previous_hash = entries[sequence - 2].entry_hash if sequence > 1 else entries[0].previous_hash
    for entry in entries[sequence - 1 :]:
        changed = replace(
            entry,
            details=details if entry.sequence == sequence else entry.details,
            previous_hash=previous_hash,
        )
        changed = replace(changed, entry_hash=compute_entry_hash(changed))
        statements.append(
            f"UPDATE journal_entries SET details_json = '{json.dumps(dict(changed.details))}', "
            f"previous_hash = '{changed.previous_hash}', entry_hash = '{changed.entry_hash}' "
            f"WHERE sequence = {entry.sequence}"
        )
        previous_hash = changed.entry_hash
    return statements


def test_an_untouched_store_verifies(sealed: Path, key: WorkstationKey) -> None:
    with reopen(sealed) as store:
        report = verify_journal(store, trusted_public_key=key.public_key)
    assert (report.entries, report.checkpoints, report.last_checkpoint_sequence) == (6, 2, 6)
    assert report.public_keys == (key.public_key,)
    assert report.blobs_checked == 6
    assert report.unsigned_tail == 0


def test_an_edited_entry_is_named(sealed: Path) -> None:
    tamper(sealed, """UPDATE journal_entries SET details_json = '{"step":99}' WHERE sequence = 3""")
    with pytest.raises(JournalEntryModifiedError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 3
    assert "entry 3" in caught.value.technical


def test_an_edited_time_is_detected(sealed: Path) -> None:
    tamper(
        sealed, "UPDATE journal_entries SET time = '2026-03-29T00:31:00.000001Z' WHERE sequence = 2"
    )
    with pytest.raises(JournalEntryModifiedError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 2


def test_a_replaced_entry_with_its_own_hash_recomputed_breaks_the_next_link(
    sealed: Path,
) -> None:
    with reopen(sealed) as store:
        entries = store.entries()
    tamper(sealed, _rewrite_from(entries, 3, {"step": 99})[0])
    with pytest.raises(JournalChainBrokenError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 4
    assert "entry 3 was replaced" in caught.value.technical


def test_a_whole_rebuilt_chain_is_caught_by_the_checkpoint(sealed: Path) -> None:
    with reopen(sealed) as store:
        entries = store.entries()
    tamper(sealed, *_rewrite_from(entries, 3, {"step": 99}))
    with pytest.raises(CheckpointMismatchError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 4  # the first checkpoint that covers entry 3


def test_a_rebuilt_chain_after_the_last_checkpoint_is_only_reported_as_unsigned(
    store: Store, store_dir: Path, key: WorkstationKey
) -> None:
    # The documented limit: entries after the last checkpoint rest on the chain only.
    fill(store, 3)
    store.make_checkpoint(key)
    fill(store, 2)
    entries = store.entries()
    store.close()
    tamper(store_dir, *_rewrite_from(entries, 5, {"step": 99}))
    with reopen(store_dir) as again:
        report = verify_journal(again, trusted_public_key=key.public_key)
    assert report.unsigned_tail == 2


def test_a_deleted_entry_is_named(sealed: Path) -> None:
    tamper(
        sealed,
        "DELETE FROM journal_blob_refs WHERE entry_sequence = 3",
        "DELETE FROM journal_entries WHERE sequence = 3",
    )
    with pytest.raises(JournalEntryMissingError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 3


def test_a_deleted_first_entry_is_named(sealed: Path) -> None:
    tamper(
        sealed,
        "DELETE FROM journal_blob_refs WHERE entry_sequence = 1",
        "DELETE FROM journal_entries WHERE sequence = 1",
    )
    with pytest.raises(JournalEntryMissingError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 1


def test_reordered_entries_are_named(sealed: Path) -> None:
    tamper(
        sealed,
        "UPDATE journal_entries SET position = 100 WHERE sequence = 3",
        "UPDATE journal_entries SET position = 3 WHERE sequence = 4",
        "UPDATE journal_entries SET position = 4 WHERE sequence = 3",
    )
    with pytest.raises(JournalOrderError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 4
    assert "stands where entry 3 belongs" in caught.value.technical


def test_swapped_sequence_numbers_are_detected(sealed: Path) -> None:
    tamper(
        sealed,
        "UPDATE journal_entries SET sequence = 100 WHERE sequence = 5",
        "UPDATE journal_entries SET sequence = 5 WHERE sequence = 6",
        "UPDATE journal_entries SET sequence = 6 WHERE sequence = 100",
    )
    with pytest.raises(JournalOrderError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 6


def test_a_truncated_tail_is_named_relative_to_the_last_checkpoint(sealed: Path) -> None:
    tamper(
        sealed,
        "DELETE FROM journal_blob_refs WHERE entry_sequence >= 5",
        "DELETE FROM journal_entries WHERE sequence >= 5",
    )
    with pytest.raises(JournalTruncatedError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 5
    assert "entries 5 to 6 were removed" in caught.value.technical


def test_a_checkpoint_with_an_altered_head_is_a_forgery(sealed: Path) -> None:
    tamper(sealed, f"UPDATE checkpoints SET head_hash = '{'e' * 64}' WHERE sequence = 4")
    with pytest.raises(CheckpointSignatureError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 4


def test_a_checkpoint_moved_to_another_entry_is_a_forgery(sealed: Path) -> None:
    tamper(sealed, "UPDATE checkpoints SET sequence = 2 WHERE sequence = 4")
    with pytest.raises(CheckpointSignatureError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 2


def test_a_checkpoint_signed_by_an_unrecorded_key_is_refused(sealed: Path) -> None:
    with reopen(sealed) as store:
        head = store.entries()[-1]
    forged = make_checkpoint(head, Ed25519PrivateKey.generate(), START)
    tamper(
        sealed,
        "INSERT INTO checkpoints (sequence, head_hash, time, public_key, signature) VALUES "
        f"({forged.sequence}, '{forged.head_hash}', '{forged.time}', '{forged.public_key}', "
        f"'{forged.signature}')",
    )
    with pytest.raises(CheckpointKeyError) as caught:
        _verify(sealed)
    assert caught.value.sequence == 6


def test_a_forger_who_records_their_own_key_is_caught_by_the_trusted_key(
    sealed: Path, key: WorkstationKey
) -> None:
    # A rebuilt chain, the bureau's checkpoints deleted, the forger's own key recorded
    # and used: only the workstation key, known from elsewhere, tells.
    with reopen(sealed) as store:
        entries = store.entries()
    forger = Ed25519PrivateKey.generate()
    statements = _rewrite_from(entries, 2, {"step": 99})
    tamper(sealed, *statements, "DELETE FROM checkpoints", "DELETE FROM workstation_keys")
    with reopen(sealed) as store:
        forged = make_checkpoint(store.entries()[-1], forger, START)
    tamper(
        sealed,
        "INSERT INTO workstation_keys VALUES "
        f"('{forged.public_key}', 'keyring', 0, '{forged.time}')",
        "INSERT INTO checkpoints (sequence, head_hash, time, public_key, signature) VALUES "
        f"({forged.sequence}, '{forged.head_hash}', '{forged.time}', '{forged.public_key}', "
        f"'{forged.signature}')",
    )
    _verify(sealed)  # consistent on its own...
    with pytest.raises(CheckpointKeyError) as caught:
        _verify(sealed, key)  # ...but not signed by this workstation
    assert caught.value.sequence == 6


def test_a_checkpoint_is_never_made_over_a_tampered_journal(
    sealed: Path, key: WorkstationKey
) -> None:
    tamper(sealed, """UPDATE journal_entries SET details_json = '{"step":99}' WHERE sequence = 2""")
    with reopen(sealed) as store, pytest.raises(JournalEntryModifiedError):
        store.make_checkpoint(key)
    with reopen(sealed) as store:
        assert len(store.checkpoints()) == 2


def test_every_journal_error_speaks_french_and_names_no_secret(sealed: Path) -> None:
    tamper(sealed, "DELETE FROM journal_entries WHERE sequence = 2")
    with pytest.raises(JournalError) as caught:
        _verify(sealed)
    assert caught.value.user_message.startswith("Une entrée du journal a été supprimée")
