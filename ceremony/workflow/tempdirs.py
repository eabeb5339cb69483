"""Private working folders of the count, cleaned up even after a kill.

A ``TemporaryDirectory`` is removed on normal exit and on exceptions, not when
the process is killed (power cut, ``kill -9``). Folders are therefore named
``bureau-<kind>-<pid>-…``; each new count first removes the folders of
processes that no longer exist.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(kind: str, root: Path | None = None) -> list[Path]:
    """Remove ``bureau-<kind>-<pid>-*`` folders whose process is gone; return them."""
    base = root or Path(tempfile.gettempdir())
    removed = []
    for folder in base.glob(f"bureau-{kind}-*"):
        parts = folder.name.split("-")
        pid = parts[2] if len(parts) > 3 else ""
        if folder.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextmanager
def work_folder(kind: str) -> Iterator[Path]:
    """A private folder for this process, removed at the end; stale ones removed first."""
    remove_stale(kind)
    with tempfile.TemporaryDirectory(prefix=f"bureau-{kind}-{os.getpid()}-") as tmp:
        yield Path(tmp)
