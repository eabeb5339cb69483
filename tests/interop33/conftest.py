"""belenios-tool 3.3 for the interop33 tests: the shared ``belenios33`` fixture when present.

The ``ed25519`` branch adds the shared fixture (tests/conftest.py, module
tests/belenios33/tool.py, chroot ``.belenios33/`` or ``$BELENIOS33_DIR``).
Until that branch is merged, this file supplies a fixture of the same name and
interface (``workdir``, ``run``, ``run_raw``) on ``$BELENIOS33_DIR``,
``.belenios33/`` or ``/work/sid-chroot``; once it is merged, the shared one is
used and nothing here is defined but ``make_tool`` (for module-scoped records).
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

try:  # the shared fixture of the ed25519 branch
    from tests.belenios33 import tool as _shared
except ImportError:  # pragma: no cover - before the merge
    _shared = None  # type: ignore[assignment]


def chroot_root() -> Path | None:
    """The sid chroot holding belenios-tool 3.3, or None."""
    candidates = [os.environ.get("BELENIOS33_DIR"), str(REPO / ".belenios33"), "/work/sid-chroot"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "usr/bin/belenios-tool").exists():
            return Path(candidate)
    return None


@dataclass(frozen=True)
class LocalBeleniosTool33:
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

    def cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


BeleniosTool33 = LocalBeleniosTool33 if _shared is None else _shared.BeleniosTool33


def make_tool() -> LocalBeleniosTool33:
    """A fresh private working directory in the chroot (skips or fails when absent)."""
    if _shared is not None:
        root = _shared.chroot_dir()
        version = _shared.chroot_version(root)
        require(version is not None and version.startswith("3.3"), "belenios-tool 3.3 chroot")
        return _shared.new_tool(root)  # type: ignore[return-value]
    root = chroot_root()
    require(root is not None and os.geteuid() == 0, "belenios-tool 3.3 (sid chroot, as root)")
    assert root is not None
    work = root.resolve() / "tmp" / "bureau-tests"
    work.mkdir(parents=True, exist_ok=True)
    return LocalBeleniosTool33(root.resolve(), Path(tempfile.mkdtemp(prefix="t-", dir=work)))


if _shared is None:

    @pytest.fixture
    def belenios33() -> Iterator[LocalBeleniosTool33]:
        """A private working directory for belenios-tool 3.3 in the sid chroot."""
        tool = make_tool()
        try:
            yield tool
        finally:
            tool.cleanup()
