"""belenios-tool 3.3 (Debian sid) run in the chroot built by tests/belenios33/install.sh.

The chroot lives in ``.belenios33/`` at the repository root (or ``$BELENIOS33_DIR``).
A test works in a private directory *inside* the chroot (``<root>/work/<tmp>``),
so the tool and the test read and write the same files without any mount: the
host sees it as ``workdir``, the tool as ``inner``. Arguments that are host paths
under the chroot are translated to their inner form.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def chroot_dir() -> Path:
    """Where the sid chroot is expected (not necessarily present)."""
    return Path(os.environ.get("BELENIOS33_DIR", REPO / ".belenios33"))


def chroot_version(root: Path) -> str | None:
    """The chroot's belenios-tool version, or None when it cannot run there."""
    if os.geteuid() != 0 or not (root / "usr/bin/belenios-tool").exists():
        return None
    try:
        proc = subprocess.run(
            ["chroot", str(root), "belenios-tool", "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


@dataclass(frozen=True)
class BeleniosTool33:
    """belenios-tool 3.3 run in a private working directory of the sid chroot.

    Same interface as ``tests.conftest.BeleniosTool`` (``workdir``, ``run``), so
    helpers written for the 2.0 tool take it too (mind the 3.3 command-line
    changes: ``--choice``, ``--threshold-context``).
    """

    root: Path
    workdir: Path

    @property
    def inner(self) -> str:
        """``workdir`` as the tool sees it."""
        return "/" + str(self.workdir.relative_to(self.root))

    def to_inner(self, path: Path | str) -> str:
        """A host path under the chroot, as the tool sees it."""
        return "/" + str(Path(path).resolve().relative_to(self.root.resolve()))

    def _arg(self, arg: str) -> str:
        root = str(self.root.resolve())
        if arg.startswith(root + "/"):
            return arg[len(root) :]
        return arg

    def run(self, args: Sequence[str], *, stdin: str | None = None, timeout: float = 600) -> str:
        proc = self.run_raw(args, stdin=stdin, timeout=timeout)
        if proc.returncode != 0:
            raise AssertionError(
                f"belenios-tool 3.3 {' '.join(args)} exited {proc.returncode}: "
                f"{proc.stderr.strip()}"
            )
        return proc.stdout

    def run_raw(
        self, args: Sequence[str], *, stdin: str | None = None, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        """Run without checking the exit status (for tests expecting a refusal)."""
        script = 'cd "$1" && shift && exec belenios-tool "$@"'
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "BELENIOS_USE_URANDOM": "1", "LANG": "C"}
        return subprocess.run(
            ["chroot", str(self.root), "/bin/sh", "-c", script, "sh", self.inner]
            + [self._arg(a) for a in args],
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def cleanup(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


def new_tool(root: Path) -> BeleniosTool33:
    """A fresh private working directory in the chroot at ``root``."""
    work = root / "work"
    work.mkdir(exist_ok=True)
    # The path as given (a symlink to a shared chroot stays a symlink) so
    # host paths the test builds from ``workdir`` translate back.
    return BeleniosTool33(root.resolve(), Path(tempfile.mkdtemp(prefix="t-", dir=work.resolve())))
