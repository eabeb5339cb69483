"""`pip install .` carries everything Bureau needs: code, migrations and resources/."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_installs_working_commands(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("bureau-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "ceremony/cli.py",
        "ceremony/store/migrations/versions/0001_initial.py",
        "resources/demo/hospital-2024.json",
        "resources/fonts/DejaVuSans.ttf",
        "resources/translations/bureau_en.qm",
        "bureau_app/main.py",
    ):
        assert needed in names, needed
    target = tmp_path / "site"
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    # The installed copy, not the work tree, answers: run from elsewhere with the
    # dependencies of this environment behind it.
    prefix = f"import sys; sys.path[:0] = {[str(target), sysconfig.get_paths()['purelib']]!r}; "

    def python(code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-I", "-c", prefix + code],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

    for module, marker in (
        ("ceremony.cli", "usage: bureau"),
        ("bureau_app.main", "usage: bureau-app"),
    ):
        out = python(
            f"import runpy; sys.argv = ['x', '--help']; runpy.run_module({module!r}, "
            "run_name='__main__')"
        )
        assert out.returncode == 0, out.stderr[-2000:]
        assert marker in out.stdout
    located = python(
        "from ceremony.simulator.description import DEMO_DESCRIPTION as d; print(d.exists(), d)"
    )
    assert located.stdout.startswith("True " + str(target)), located.stdout + located.stderr
