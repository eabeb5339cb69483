"""The bundle's bytes do not depend on the build host's pip cache.

scripts/bootstrap.sh compiles pyscard with pip's default flags (debug
information naming pip's random build folder) and pip keeps that wheel in the
user's cache. A build must not pick it up: the same commit built by a host
with that warm cache and by a host with an empty cache gives the same archive
and the same fingerprint.

Two full builds of the commit checked out (HEAD, as a release is built), each
with a fresh build venv (a few minutes each on 2 cores): marker `installer`.
Commit what you want measured; the work tree may change during the run. Each
build gets its own HOME and XDG_CACHE_HOME, so the user's real caches are
neither read nor changed.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import require

pytestmark = [pytest.mark.installer, pytest.mark.slow, pytest.mark.timeout(3600)]

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "installer" / "build.sh"
PYTHON = os.environ.get("PYTHON", "python3")


@dataclass(frozen=True)
class Built:
    bundle: Path
    archive_sha256: str
    fingerprint: str
    files: dict[str, str]


def _host_env(home: Path) -> dict[str, str]:
    """The environment of a build host whose user home (and caches) is ``home``."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PIP_CACHE_DIR", "PIP_NO_CACHE"))
        and k not in {"CFLAGS", "LDFLAGS", "CPPFLAGS", "PYINSTALLER_CONFIG_DIR"}
    }
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    return env


def _pyscard_requirement(tmp: Path) -> Path:
    """pyscard's pinned line with its hashes, taken from requirements/lock.txt."""
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    match = re.search(r"^pyscard==\S+(?: \\\n\s+--hash=\S+)+", lock, flags=re.MULTILINE)
    assert match, "pyscard is not pinned with hashes in requirements/lock.txt"
    path = tmp / "pyscard.txt"
    path.write_text(match.group(0) + "\n", encoding="utf-8")
    return path


def _fill_cache_as_bootstrap_does(home: Path, tmp: Path) -> Path:
    """pip install of the locked pyscard into a venv, as scripts/bootstrap.sh runs it.

    No CFLAGS: the wheel pip compiles, and keeps in the cache, has debug
    information.
    """
    venv = tmp / "bootstrap-venv"
    env = _host_env(home)
    subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True, env=env, timeout=300)
    installed = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--require-hashes",
            "-r",
            str(_pyscard_requirement(tmp)),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=900,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    (wheel,) = (home / ".cache" / "pip" / "wheels").rglob("pyscard-*.whl")
    return wheel


def _build(commit: str, home: Path, out: Path, work: Path) -> Built:
    proc = subprocess.run(
        ["bash", str(BUILD_SCRIPT), "--ref", commit, "--out", str(out), "--work", str(work)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=2400,
        check=False,
        env=_host_env(home),
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"installer/build.sh failed:\n{log[-6000:]}"
    (bundle,) = (p for p in out.iterdir() if p.is_dir())
    archive = out / f"{bundle.name}.tar.gz"
    files = {
        p.relative_to(bundle).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(bundle.rglob("*"))
        if p.is_file()
    }
    return Built(
        bundle=bundle,
        archive_sha256=hashlib.sha256(archive.read_bytes()).hexdigest(),
        fingerprint=(out / f"{bundle.name}.fingerprint").read_text(encoding="utf-8").strip(),
        files=files,
    )


def test_warm_and_empty_pip_cache_give_the_same_archive_and_fingerprint(
    tmp_path: Path,
) -> None:
    require((ROOT / ".git").exists(), "a git work tree")
    require(sys.platform == "linux", "Linux (the bundle is built for Linux x86-64)")
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", "HEAD^{commit}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    warm = tmp_path / "warm-home"
    cached = _fill_cache_as_bootstrap_does(warm, tmp_path)
    # The precondition that makes this test able to fail: the cache holds a
    # pyscard wheel compiled differently from a build's own.
    assert cached.stat().st_size > 0

    empty = tmp_path / "empty-home"
    empty.mkdir()
    with_warm_cache = _build(commit, warm, tmp_path / "out-warm", tmp_path / "work-warm")
    assert not (empty / ".cache").exists() or not any((empty / ".cache").rglob("*.whl"))
    with_empty_cache = _build(commit, empty, tmp_path / "out-empty", tmp_path / "work-empty")

    one, two = with_warm_cache.files, with_empty_cache.files
    differing = sorted(k for k in one.keys() | two.keys() if one.get(k) != two.get(k))
    assert differing == [], f"files differ between warm and empty pip cache: {differing[:20]}"
    assert with_warm_cache.archive_sha256 == with_empty_cache.archive_sha256
    assert with_warm_cache.fingerprint == with_empty_cache.fingerprint
    print(
        f"\narchive sha256 {with_warm_cache.archive_sha256}"
        f"\nfingerprint    {with_warm_cache.fingerprint}"
    )
