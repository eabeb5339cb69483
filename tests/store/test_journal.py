"""Journal entries as pure values: hashing, chaining, canonical form, refusals."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
import rfc8785

from ceremony.store.errors import JournalFormatError, JournalValueError
from ceremony.store.journal import (
    GENESIS_HASH,
    Actor,
    JournalEntry,
    compute_entry_hash,
    make_entry,
)
from ceremony.store.timefmt import format_paris, to_stored_time

NOW = datetime(2026, 6, 1, 8, 0, 0, 123456, tzinfo=UTC)


def _first() -> JournalEntry:
    return make_entry(
        previous=None,
        now=NOW,
        phase="preparation",
        action="definition.import",
        actors=[Actor("president", "0001")],
        details={"scrutins": 3, "name": "CSN collège 2"},
        blobs=["ab" * 32],
    )


def test_first_entry_links_to_genesis_and_hashes_its_canonical_json() -> None:
    entry = _first()
    assert entry.sequence == 1
    assert entry.previous_hash == GENESIS_HASH
    assert entry.time == "2026-06-01T08:00:00.123456Z"
    # Independent recomputation: the rfc8785 bytes of every field but the hash.
    expected = hashlib.sha256(rfc8785.dumps(entry.hashed_dict())).hexdigest()
    assert entry.entry_hash == expected
    assert "entry_hash" not in entry.hashed_dict()


def test_next_entry_chains_on_previous_hash() -> None:
    first = _first()
    second = make_entry(previous=first, now=NOW, phase="preparation", action="member.add")
    assert second.sequence == 2
    assert second.previous_hash == first.entry_hash
    assert compute_entry_hash(second) == second.entry_hash


@pytest.mark.parametrize(
    "change",
    [
        {"sequence": 2},
        {"time": "2026-06-01T08:00:00.123457Z"},
        {"phase": "seal"},
        {"actors": (Actor("president", "0002"),)},
        {"action": "definition.export"},
        {"details": {"scrutins": 4, "name": "CSN collège 2"}},
        {"blobs": ("cd" * 32,)},
        {"previous_hash": "1" * 64},
    ],
)
def test_every_field_is_covered_by_the_hash(change: dict[str, object]) -> None:
    entry = _first()
    assert compute_entry_hash(replace(entry, **change)) != entry.entry_hash  # type: ignore[arg-type]


def test_time_is_stored_in_utc_whatever_zone_it_came_in() -> None:
    paris_summer = timezone(timedelta(hours=2))
    entry = make_entry(
        previous=None,
        now=NOW.astimezone(paris_summer),
        phase="preparation",
        action="definition.import",
    )
    assert entry.time == "2026-06-01T08:00:00.123456Z"
    assert entry.moment == NOW


def test_paris_format_follows_summer_and_winter_time() -> None:
    assert format_paris(datetime(2026, 1, 15, 12, 0, tzinfo=UTC)) == "15/01/2026 13:00:00 CET"
    assert format_paris(datetime(2026, 7, 15, 12, 0, tzinfo=UTC)) == "15/07/2026 14:00:00 CEST"


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        to_stored_time(datetime(2026, 6, 1, 8, 0))
    with pytest.raises(JournalValueError):
        make_entry(previous=None, now=datetime(2026, 6, 1), phase="p", action="a")


@pytest.mark.parametrize("action", ["", "Open", "with space", "x" * 65, "1start"])
def test_malformed_action_codes_are_refused(action: str) -> None:
    with pytest.raises(JournalValueError):
        make_entry(previous=None, now=NOW, phase="p", action=action)


@pytest.mark.parametrize(
    "details",
    [{"big": 2**60}, {"nan": float("nan")}, {"bytes": b"raw"}, {"set": {1, 2}}],
)
def test_details_json_cannot_carry_exactly_are_refused(details: dict[str, object]) -> None:
    with pytest.raises(JournalValueError):
        make_entry(previous=None, now=NOW, phase="p", action="a", details=details)


def test_blob_references_must_be_sha256_hex() -> None:
    with pytest.raises(JournalValueError):
        make_entry(previous=None, now=NOW, phase="p", action="a", blobs=["AB" * 32])


def test_dict_round_trip_and_strict_parsing() -> None:
    entry = _first()
    assert JournalEntry.from_dict(entry.to_dict()) == entry
    with pytest.raises(JournalFormatError):
        JournalEntry.from_dict({**entry.to_dict(), "extra": 1})
    with pytest.raises(JournalFormatError):
        JournalEntry.from_dict({**entry.to_dict(), "sequence": "1"})
    with pytest.raises(JournalFormatError):
        JournalEntry.from_dict({**entry.to_dict(), "time": "yesterday"})
