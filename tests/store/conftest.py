"""Fixtures for the store tests: a real SQLite store in a temporary folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ceremony.store.journal import Actor
from ceremony.store.store import DATABASE_FILE_NAME, Store, open_store
from ceremony.store.workstation_key import FileKeySource, WorkstationKey, load_workstation_key

START = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night Paris moves to summer time


class StepClock:
    """A clock that advances one minute per reading: times are known in advance."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def __call__(self) -> datetime:
        moment = self.current
        self.current += timedelta(minutes=1)
        return moment


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path) -> Iterator[Store]:
    opened = open_store(store_dir, now=StepClock())
    yield opened
    opened.close()


@pytest.fixture
def key(tmp_path: Path) -> WorkstationKey:
    loaded = load_workstation_key(FileKeySource(tmp_path / "keys" / "workstation-key.hex"))
    assert loaded is not None
    return loaded


PRESIDENT = Actor("president", "D276000124010304000100000001")
DELEGATE = Actor("delegate", "D276000124010304000100000002")


def fill(store: Store, count: int, *, phase: str = "preparation") -> None:
    """Append ``count`` entries, each naming its own number and one blob."""
    for number in range(count):
        with store.transaction() as tx:
            blob = tx.put_blob(
                f"{phase} artefact {number}".encode(), kind="test", direction="internal"
            )
            tx.append(
                phase=phase,
                action="test.step",
                actors=[PRESIDENT, DELEGATE],
                details={"step": number},
                blobs=[blob],
            )


def tamper(folder: Path, *statements: str) -> None:
    """Run raw SQL on a closed store, as an attacker would: triggers and FKs off."""
    connection = sqlite3.connect(folder / DATABASE_FILE_NAME)
    connection.execute("PRAGMA foreign_keys=OFF")
    triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    for (name,) in triggers.fetchall():
        connection.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def reopen(folder: Path) -> Store:
    return open_store(folder, now=StepClock(START + timedelta(days=1)))
