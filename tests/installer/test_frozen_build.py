"""The frozen bundle: built twice by installer/build.sh, compared, then run.

Slow (two builds, a few minutes on 2 cores): marker `installer`. The build
reads the work tree (`--worktree`), as every other test does, and keeps its
build venv in build/installer/ so that later runs reuse it.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from ceremony.cli import build_parser
from ceremony.fingerprint import (
    ApplicationFiles,
    FingerprintMismatchError,
    check_fingerprint,
    compute_fingerprint,
)
from tests.conftest import require

pytestmark = [pytest.mark.installer, pytest.mark.slow, pytest.mark.timeout(2400)]

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "installer" / "build.sh"


@dataclass(frozen=True)
class Build:
    out: Path
    bundle: Path
    archive: Path
    log: str

    def run(
        self, program: str, *args: str, timeout: float = 600, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bundle / program), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env=_frozen_env(**env),
        )


def _frozen_env(**extra: str) -> dict[str, str]:
    # Nothing of the development venv may leak into the frozen program.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", COLUMNS="100", LC_ALL="C.UTF-8", **extra)
    return env


def _build(out: Path) -> Build:
    proc = subprocess.run(
        ["bash", str(BUILD_SCRIPT), "--worktree", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"installer/build.sh failed:\n{log[-6000:]}"
    (bundle,) = (p for p in out.iterdir() if p.is_dir())
    return Build(out, bundle, out / f"{bundle.name}.tar.gz", log)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    require(shutil.which("git") is not None and (ROOT / ".git").exists(), "a git work tree")
    require(shutil.which("gcc") is not None, "gcc (pyscard is built from source)")
    first = _build(tmp_path_factory.mktemp("build-1"))
    second = _build(tmp_path_factory.mktemp("build-2"))
    return first, second


def _file_hashes(bundle: Path) -> dict[str, str]:
    return {
        p.relative_to(bundle).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(bundle.rglob("*"))
        if p.is_file()
    }


def _coreutils_fingerprint(bundle: Path) -> str:
    script = (
        "find -L . -name __pycache__ -prune -o -type f -printf '%P\\n'"
        " | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum"
    )
    out = subprocess.run(
        ["bash", "-c", script], cwd=bundle, capture_output=True, text=True, check=True
    ).stdout
    return "sha256:" + out.split()[0]


def test_two_builds_give_identical_files(builds: tuple[Build, Build]) -> None:
    first, second = builds
    one, two = _file_hashes(first.bundle), _file_hashes(second.bundle)
    differing = sorted(k for k in one.keys() | two.keys() if one.get(k) != two.get(k))
    assert differing == [], f"{len(differing)} files differ between two builds: {differing[:40]}"
    assert len(one) > 100
    assert first.archive.read_bytes() == second.archive.read_bytes()
    sums = (first.out / f"{first.archive.name}.sha256").read_text()
    assert sums.split()[0] == hashlib.sha256(first.archive.read_bytes()).hexdigest()


def test_bundle_holds_qt_plugins_translations_resources_and_pyscard(
    builds: tuple[Build, Build],
) -> None:
    internal = builds[0].bundle / "_internal"
    qt = internal / "PySide6" / "Qt"
    for needed in [
        qt / "plugins" / "platforms" / "libqoffscreen.so",
        qt / "plugins" / "platforms" / "libqxcb.so",
        qt / "translations" / "qtbase_fr.qm",
    ]:
        assert needed.is_file(), f"missing from the bundle: {needed.relative_to(internal)}"
    assert list((internal / "smartcard" / "scard").glob("_scard*.so"))
    # The laptop's own libpcsclite must serve its pcscd: never a bundled copy.
    assert not list(internal.rglob("libpcsclite*"))
    for tool in ["pytest", "mypy", "PyInstaller", "hypothesis"]:
        assert not (internal / tool).exists(), f"{tool} must not be bundled"
    # Files read from disk at run time: resources, and Alembic's migration scripts.
    for folder in ["resources", "ceremony/store/migrations"]:
        for source in sorted(p for p in (ROOT / folder).rglob("*") if p.is_file()):
            if "__pycache__" in source.parts:
                continue
            bundled = internal / source.relative_to(ROOT)
            assert bundled.is_file(), f"not bundled: {bundled.relative_to(internal)}"
            assert bundled.read_bytes() == source.read_bytes(), f"differs: {bundled}"


def test_bundle_holds_and_loads_the_native_ed25519_library(builds: tuple[Build, Build]) -> None:
    internal = builds[0].bundle / "_internal"
    library = internal / "ceremony" / "protocol" / "_native" / "libbureau_ed25519.so"
    assert library.is_file(), "native Ed25519 library missing from the bundle"
    # The frozen verifier loads it (a missing library is an ImportError when required).
    proc = builds[0].run("bureau", "verify", "--help", BUREAU_ED25519_NATIVE="required")
    assert proc.returncode == 0, proc.stderr
    missing = builds[0].run(
        "bureau", "verify", "--help", BUREAU_ED25519_NATIVE="required",
        BUREAU_ED25519_LIB=str(builds[0].bundle / "no-such-library.so"),
    )  # fmt: skip
    assert missing.returncode == 0, "BUREAU_ED25519_LIB only adds a place to look"


def test_frozen_fingerprint_option_matches_coreutils(builds: tuple[Build, Build]) -> None:
    build = builds[0]
    proc = build.run("bureau", "--fingerprint")
    assert proc.returncode == 0, proc.stderr
    expected = _coreutils_fingerprint(build.bundle)
    assert proc.stdout == expected + "\n"
    written = build.out / f"{build.bundle.name}.fingerprint"
    assert written.read_text() == expected + "\n"
    listing = build.run("bureau", "--fingerprint-files")
    assert listing.returncode == 0, listing.stderr
    assert "sha256:" + hashlib.sha256(listing.stdout.encode()).hexdigest() == expected


def test_one_changed_byte_in_the_bundle_is_refused(
    builds: tuple[Build, Build], tmp_path: Path
) -> None:
    sealed = (builds[0].out / f"{builds[0].bundle.name}.fingerprint").read_text().strip()
    copy = tmp_path / builds[0].bundle.name
    shutil.copytree(builds[0].bundle, copy, symlinks=True)
    target = copy / "_internal" / "PySide6" / "Qt" / "translations" / "qtbase_fr.qm"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))

    frozen = ApplicationFiles("frozen", copy, (".",))
    with pytest.raises(FingerprintMismatchError):
        check_fingerprint(sealed, compute_fingerprint(frozen))
    proc = subprocess.run(
        [str(copy / "bureau"), "--fingerprint"],
        capture_output=True,
        text=True,
        check=False,
        env=_frozen_env(),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() != sealed
    assert proc.stdout.strip() == _coreutils_fingerprint(copy)


def _source_subcommands() -> list[str]:
    parser = build_parser()
    return sorted(
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    )


def test_frozen_bureau_is_the_source_bureau(
    builds: tuple[Build, Build], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = builds[0]
    monkeypatch.setenv("COLUMNS", "100")
    proc = build.run("bureau", "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == build_parser().format_help()

    if "demo" not in _source_subcommands():
        # `bureau demo` does not exist yet; --help above is the most complete run.
        return
    out = tmp_path / "demo"
    demo = build.run("bureau", "demo", "--ballots", "100", "--out", str(out), timeout=1200)
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    verify = build.run("bureau", "verify", str(out))
    assert verify.returncode == 0, verify.stdout[-3000:] + verify.stderr[-3000:]


def test_frozen_gui_starts_offscreen(builds: tuple[Build, Build]) -> None:
    build = builds[0]
    helped = build.run("bureau-app", "--help")
    assert helped.returncode == 0, helped.stderr
    assert "bureau-app" in helped.stdout
    # The GUI runs until closed: a missing Qt plugin or library makes it abort
    # at once, so still running after a while means it started.
    gui = subprocess.Popen(
        [str(build.bundle / "bureau-app")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_frozen_env(),
    )
    with contextlib.suppress(subprocess.TimeoutExpired):
        gui.wait(timeout=15)
    exited = gui.returncode
    gui.terminate()
    _, stderr = gui.communicate(timeout=30)
    assert exited is None, f"bureau-app exited {exited} at start: {stderr[-3000:]}"
    assert "Could not load the Qt platform plugin" not in stderr


def test_frozen_bureau_opens_a_store_and_reaches_pcsc(
    builds: tuple[Build, Build], tmp_path: Path
) -> None:
    # A new store runs Alembic's migrations (files in the bundle); a real card
    # goes through pyscard and the laptop's libpcsclite. No such card is
    # present here: the refusal must be Bureau's own, not an import failure.
    proc = builds[0].run(
        "bureau", "register", "--store", str(tmp_path / "store"), "--card", "president=00000000"
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stderr.startswith("Refusé : "), proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "store").is_dir()


def test_frozen_gui_without_a_display_says_so(builds: tuple[Build, Build]) -> None:
    env = {
        k: v
        for k, v in _frozen_env().items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"}
    }
    proc = subprocess.run(
        [str(builds[0].bundle / "bureau-app")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert proc.returncode == 1, proc.stderr[-3000:]
    french, english = proc.stderr.splitlines()
    assert french.startswith("bureau-app : aucun écran trouvé")
    assert english.startswith("bureau-app: no display found")
    assert "xcb-cursor" not in proc.stderr
