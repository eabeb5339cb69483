"""The JSON Lines export verifies on its own, without the database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ceremony.store.errors import (
    CheckpointKeyError,
    CheckpointSignatureError,
    JournalEntryMissingError,
    JournalEntryModifiedError,
    JournalFormatError,
    JournalOrderError,
    JournalTruncatedError,
    JournalUnsignedError,
)
from ceremony.store.export import export_journal, read_journal_export, verify_journal_export
from ceremony.store.store import Store
from ceremony.store.workstation_key import WorkstationKey
from tests.store.conftest import fill, reopen


@pytest.fixture
def exported(store: Store, key: WorkstationKey) -> bytes:
    fill(store, 3)
    store.make_checkpoint(key)
    fill(store, 2, phase="seal")
    store.make_checkpoint(key)
    return export_journal(store)


def _lines(data: bytes) -> list[bytes]:
    return data.rstrip(b"\n").split(b"\n")


def _join(lines: list[bytes]) -> bytes:
    return b"\n".join(lines) + b"\n"


def test_export_round_trip_is_deterministic_and_verifies(
    exported: bytes, store: Store, key: WorkstationKey, store_dir: Path
) -> None:
    parsed = read_journal_export(exported)
    assert list(parsed.entries) == store.entries()
    assert list(parsed.checkpoints) == store.checkpoints()
    assert [k.public_key for k in parsed.keys] == [key.public_key]
    assert parsed.keys[0].weaker is True
    assert parsed.to_bytes() == exported
    store.close()
    with reopen(store_dir) as again:
        assert export_journal(again) == exported
    report = verify_journal_export(exported, trusted_public_key=key.public_key)
    assert (report.entries, report.checkpoints, report.last_checkpoint_sequence) == (5, 2, 5)
    assert json.loads(_lines(exported)[0]) == {"type": "bureau-journal", "format": 1}


def test_an_edited_line_is_named(exported: bytes) -> None:
    lines = _lines(exported)
    lines[2] = lines[2].replace(b'"step":1', b'"step":7')
    with pytest.raises(JournalEntryModifiedError) as caught:
        verify_journal_export(_join(lines))
    assert caught.value.sequence == 2


def test_a_removed_line_is_named(exported: bytes) -> None:
    lines = _lines(exported)
    del lines[3]
    with pytest.raises(JournalEntryMissingError) as caught:
        verify_journal_export(_join(lines))
    assert caught.value.sequence == 3


def test_swapped_lines_are_named(exported: bytes) -> None:
    lines = _lines(exported)
    lines[1], lines[2] = lines[2], lines[1]
    with pytest.raises(JournalOrderError) as caught:
        verify_journal_export(_join(lines))
    assert caught.value.sequence == 2


def test_a_truncated_export_is_named(exported: bytes) -> None:
    lines = _lines(exported)
    del lines[4:6]  # entries 4 and 5; the checkpoint at 5 remains
    with pytest.raises(JournalTruncatedError) as caught:
        verify_journal_export(_join(lines))
    assert caught.value.sequence == 4


def test_a_forged_checkpoint_line_is_named(exported: bytes) -> None:
    lines = _lines(exported)
    checkpoint = json.loads(lines[6])
    checkpoint["checkpoint"]["time"] = "2026-03-29T09:00:00.000000Z"
    lines[6] = json.dumps(checkpoint).encode()
    with pytest.raises(CheckpointSignatureError) as caught:
        verify_journal_export(_join(lines))
    assert caught.value.sequence == 3


def test_a_dropped_last_checkpoint_is_caught_when_the_head_must_be_signed(
    exported: bytes,
) -> None:
    lines = _lines(exported)
    del lines[7]  # the checkpoint at entry 5
    verify_journal_export(_join(lines))  # what remains is consistent...
    with pytest.raises(JournalUnsignedError) as caught:  # ...but entries 4-5 are unsigned
        verify_journal_export(_join(lines), require_signed_head=True)
    assert caught.value.sequence == 4


def test_lines_out_of_their_section_are_refused(exported: bytes) -> None:
    lines = _lines(exported)
    lines[5], lines[6] = lines[6], lines[5]  # a checkpoint line among the entries
    with pytest.raises(JournalFormatError):
        verify_journal_export(_join(lines))


def test_checkpoints_out_of_order_are_named(exported: bytes) -> None:
    lines = _lines(exported)
    lines[6], lines[7] = lines[7], lines[6]
    with pytest.raises(JournalOrderError) as caught:
        verify_journal_export(_join(lines))
    assert caught.value.sequence == 3


def test_the_trusted_key_pins_the_signer(exported: bytes) -> None:
    with pytest.raises(CheckpointKeyError):
        verify_journal_export(exported, trusted_public_key="ab" * 32)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json\n",
        b'{"type":"something-else","format":1}\n',
        b'{"format":1,"type":"bureau-journal"}\n{"type":"entry","entry":{"sequence":1}}\n',
        b'{"format":1,"type":"bureau-journal"}\n{"type":"mystery"}\n',
        b'{"format":1,"type":"bureau-journal"}\n[1, 2]\n',
    ],
)
def test_malformed_exports_are_named_errors(data: bytes) -> None:
    with pytest.raises(JournalFormatError):
        verify_journal_export(data)


def test_an_empty_journal_exports_and_verifies(store: Store) -> None:
    report = verify_journal_export(export_journal(store))
    assert (report.entries, report.checkpoints) == (0, 0)
