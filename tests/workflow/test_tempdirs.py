"""A count killed mid-way leaves its working folder; the next count removes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from ceremony.workflow.tempdirs import remove_stale, work_folder

CHILD = """
import os, signal, sys
from ceremony.workflow.tempdirs import work_folder
with work_folder("count") as folder:
    (folder / "part.bel").write_bytes(b"x")
    print(folder, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_counts_folder_is_removed_by_the_next(tmp_path: Path) -> None:
    env = dict(os.environ, TMPDIR=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == -signal.SIGKILL
    left = Path(proc.stdout.strip())
    assert left.is_dir() and left.parent == tmp_path
    mine = tmp_path / f"bureau-count-{os.getpid()}-alive"
    mine.mkdir()  # a live process's folder is left alone
    assert remove_stale("count", tmp_path) == [left]
    assert not left.exists() and mine.exists()
    with work_folder("count") as folder:
        assert folder.name.startswith(f"bureau-count-{os.getpid()}-")
