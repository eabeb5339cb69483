"""A process SIGKILLed mid-write leaves a consistent, verifiable store."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ceremony.store.blobs import compute_sha256
from ceremony.store.errors import BlobNotFoundError
from ceremony.store.store_verify import verify_journal
from tests.store.conftest import reopen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

INSIDE_A_TRANSACTION = """
import sys, time
from pathlib import Path
from ceremony.store.store import open_store
store = open_store(Path(sys.argv[1]))
store.append(phase="preparation", action="committed")
with store.transaction() as tx:
    sha256 = tx.put_blob(b"never committed", kind="urn", direction="imported")
    tx.append(phase="closed", action="urn.import", blobs=[sha256])
    print("inside", flush=True)
    time.sleep(120)
"""

APPENDING_IN_A_LOOP = """
import sys
from pathlib import Path
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource, load_workstation_key
store = open_store(Path(sys.argv[1]))
key = load_workstation_key(FileKeySource(Path(sys.argv[2])))
number = len(store.entries())
while True:
    number += 1
    with store.transaction() as tx:
        sha256 = tx.put_blob(f"bundle {number}".encode() * 500, kind="test", direction="internal")
        tx.append(phase="vote_open", action="status.import", details={"n": number}, blobs=[sha256])
    if number % 5 == 0:
        store.make_checkpoint(key)
    print(number, flush=True)
"""


def _child(code: str, *args: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def test_killed_inside_a_transaction_nothing_of_it_remains(store_dir: Path) -> None:
    child = _child(INSIDE_A_TRANSACTION, store_dir)
    assert child.stdout is not None
    assert child.stdout.readline() == "inside\n", child.stderr.read() if child.stderr else ""
    _kill(child)
    with reopen(store_dir) as store:  # the dead process's lock is gone
        assert [entry.action for entry in store.entries()] == ["committed"]
        assert store.blob_records() == []
        with pytest.raises(BlobNotFoundError):
            store.get_blob(compute_sha256(b"never committed"))
        verify_journal(store)
        store.append(phase="preparation", action="resumed")
        assert [entry.sequence for entry in store.entries()] == [1, 2]


def test_killed_at_random_points_while_appending_the_store_stays_verifiable(
    store_dir: Path, tmp_path: Path
) -> None:
    chance = random.Random(6)
    last_reported = 0
    for _round in range(4):
        child = _child(APPENDING_IN_A_LOOP, store_dir, tmp_path / "key.hex")
        assert child.stdout is not None
        line = child.stdout.readline()  # at least one commit in this round
        assert line.strip().isdigit(), child.stderr.read() if child.stderr else ""
        time.sleep(chance.uniform(0, 0.3))  # then die anywhere: in a write, a commit, a checkpoint
        _kill(child)
        reported = [int(n) for n in [line, *child.stdout.read().split()]]
        last_reported = max(reported)
        with reopen(store_dir) as store:
            report = verify_journal(store)
            # Every commit the child reported is there; at most one more made it to disk.
            assert report.entries in {last_reported, last_reported + 1}
            assert [e.details["n"] for e in store.entries()] == list(range(1, report.entries + 1))
            assert report.blobs_checked == report.entries
    assert last_reported >= 4
