"""A local ``belenios33`` fixture: belenios-tool 3.3 in a Debian sid chroot.

Same name and interface (``workdir``, ``run``, ``run_raw``) as the fixture the
``ed25519`` branch adds to ``tests/conftest.py`` (tests/belenios33/tool.py);
once both are merged this file is to be deleted so that one fixture remains.
The chroot is ``$BELENIOS33_DIR``, else ``.belenios33/`` at the repository
root, else ``/work/sid-chroot``. The tool runs as root through ``chroot``; a
test works in a private directory inside the chroot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import require

REPO = Path(__file__).resolve().parents[2]


def chroot_root() -> Path | None:
    candidates = [os.environ.get("BELENIOS33_DIR"), str(REPO / ".belenios33"), "/work/sid-chroot"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "usr/bin/belenios-tool").exists():
            return Path(candidate).resolve()
    return None


@dataclass(frozen=True)
class BeleniosTool33:
    """belenios-tool 3.3 run in ``workdir``, a directory inside the chroot at ``root``."""

    root: Path
    workdir: Path

    @property
    def inner(self) -> str:
        return "/" + str(self.workdir.relative_to(self.root))

    def run_raw(
        self, args: Sequence[str], *, stdin: str | None = None, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        script = 'cd "$1" && shift && exec belenios-tool "$@"'
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "BELENIOS_USE_URANDOM": "1", "LANG": "C"}
        return subprocess.run(
            ["chroot", str(self.root), "/bin/sh", "-c", script, "sh", self.inner, *args],
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def run(self, args: Sequence[str], *, stdin: str | None = None, timeout: float = 600) -> str:
        proc = self.run_raw(args, stdin=stdin, timeout=timeout)
        if proc.returncode != 0:
            raise AssertionError(
                f"belenios-tool 3.3 {' '.join(args)} exited {proc.returncode}: "
                f"{proc.stderr.strip()}"
            )
        return proc.stdout


@pytest.fixture
def belenios33() -> Iterator[BeleniosTool33]:
    """A private working directory for belenios-tool 3.3 in the sid chroot."""
    root = chroot_root()
    require(root is not None and os.geteuid() == 0, "belenios-tool 3.3 (sid chroot, as root)")
    assert root is not None
    work = root / "tmp" / "bureau-tests"
    work.mkdir(parents=True, exist_ok=True)
    tool = BeleniosTool33(root, Path(tempfile.mkdtemp(prefix="t-", dir=work)))
    try:
        yield tool
    finally:
        shutil.rmtree(tool.workdir, ignore_errors=True)
