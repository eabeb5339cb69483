"""Shared test infrastructure.

Tests that need a real component (belenios-tool, the PC/SC stack, Qt) use the
fixtures below. Outside CI, a missing component skips the test with a loud
reason; in CI (``CI=true``) it fails the test instead, and any skip at all
fails the session: a skipped test never stands in for a passing one there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.belenios33.tool import BeleniosTool33, chroot_dir, chroot_version, new_tool

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Qt runs without a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.pcsc_stack"]


def require(condition: bool, what: str) -> None:
    """Skip loudly outside CI, fail in CI, when a real component is missing."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI=true and {what} is missing: this test may not be skipped in CI")
    pytest.skip(f"*** NOT RUN: {what} is missing (install it with scripts/bootstrap.sh) ***")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not IN_CI:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter is not None else 0
    if skipped:
        reporter.write_line(f"CI=true: {skipped} test(s) skipped; a skip fails in CI", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@dataclass(frozen=True)
class BeleniosTool:
    """belenios-tool 2.0 run in a private working directory."""

    workdir: Path

    def run(self, args: Sequence[str], *, stdin: str | None = None, timeout: float = 600) -> str:
        env = dict(os.environ, BELENIOS_USE_URANDOM="1")
        proc = subprocess.run(
            ["belenios-tool", *args],
            cwd=self.workdir,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if proc.returncode != 0:
            raise AssertionError(
                f"belenios-tool {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()}"
            )
        return proc.stdout


@pytest.fixture
def belenios(tmp_path: Path) -> Iterator[BeleniosTool]:
    """A temporary belenios-tool working directory."""
    require(shutil.which("belenios-tool") is not None, "belenios-tool")
    workdir = tmp_path / "belenios"
    workdir.mkdir()
    yield BeleniosTool(workdir)


@pytest.fixture(scope="session")
def belenios33_root() -> Path | None:
    """The sid chroot with belenios-tool 3.3 (tests/belenios33/install.sh), None when absent."""
    root = chroot_dir()
    version = chroot_version(root)
    return root if version is not None and version.startswith("3.3") else None


@pytest.fixture
def belenios33(belenios33_root: Path | None) -> Iterator[BeleniosTool33]:
    """A temporary working directory for belenios-tool 3.3, inside the sid chroot."""
    require(
        belenios33_root is not None,
        "belenios-tool 3.3 (the sid chroot .belenios33/, built by bootstrap.sh --dev; needs root)",
    )
    assert belenios33_root is not None
    tool = new_tool(belenios33_root)
    try:
        yield tool
    finally:
        tool.cleanup()
