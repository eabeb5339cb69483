"""The software fingerprint: its definition, recomputed with coreutils, and the check."""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ceremony.errors import CeremonyError
from ceremony.fingerprint import (
    ApplicationFiles,
    FingerprintFormatError,
    FingerprintMismatchError,
    FingerprintReadError,
    add_fingerprint_option,
    check_fingerprint,
    compute_fingerprint,
    current_fingerprint,
    locate_application,
)


def _copy_installed_application(tmp_path: Path) -> ApplicationFiles:
    """A copy of the running application's own files, safe to alter."""
    app = locate_application()
    assert app.kind == "installed"
    assert "ceremony" in app.members
    for member in app.members:
        shutil.copytree(
            app.base / member,
            tmp_path / member,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    return ApplicationFiles("installed", tmp_path, app.members)


def _coreutils_fingerprint(base: Path, members: tuple[str, ...]) -> str:
    """The documented shell recipe, run by the real find, sort and sha256sum."""
    # A bundle folder is listed from "." without the "./" prefix (%P).
    listing = "-printf '%P\\n'" if members == (".",) else "-print"
    script = (
        f'find -L "$@" -name __pycache__ -prune -o -type f {listing}'
        " | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum"
    )
    out = subprocess.run(
        ["bash", "-c", script, "fingerprint", *members],
        cwd=base,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return "sha256:" + out.split()[0]


def test_installed_fingerprint_matches_coreutils(tmp_path: Path) -> None:
    app = _copy_installed_application(tmp_path)
    fingerprint = compute_fingerprint(app)
    assert fingerprint.value == _coreutils_fingerprint(app.base, app.members)
    assert any(f.path == "ceremony/fingerprint.py" for f in fingerprint.files)


def test_changing_one_byte_of_an_installed_file_makes_the_check_refuse(tmp_path: Path) -> None:
    app = _copy_installed_application(tmp_path)
    sealed = compute_fingerprint(app).value
    assert check_fingerprint(sealed, compute_fingerprint(app)).value == sealed

    target = tmp_path / "ceremony" / "cli.py"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))

    with pytest.raises(FingerprintMismatchError) as refused:
        check_fingerprint(sealed, compute_fingerprint(app))
    error = refused.value
    assert isinstance(error, CeremonyError)
    assert "dépouillement ne peut pas commencer" in error.user_message
    assert sealed in error.technical
    assert compute_fingerprint(app).value in error.technical


def _tree(base: Path, files: dict[str, bytes]) -> ApplicationFiles:
    base.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return ApplicationFiles("frozen", base, (".",))


def test_file_list_is_sorted_by_path_bytes_and_hashed_as_sha256sum(tmp_path: Path) -> None:
    files = {"a-c": b"1", "a/b": b"2", "B": b"3", "_x": b"4", "é": b"5", "a/.hidden": b""}
    fingerprint = compute_fingerprint(_tree(tmp_path, files))
    paths = [f.path for f in fingerprint.files]
    assert paths == ["B", "_x", "a-c", "a/.hidden", "a/b", "é"]
    expected_lines = "".join(
        f"{hashlib.sha256(files[p]).hexdigest()}  {p}\n" for p in paths
    ).encode()
    assert fingerprint.file_list() == expected_lines
    assert fingerprint.value == "sha256:" + hashlib.sha256(expected_lines).hexdigest()
    assert fingerprint.value == _coreutils_fingerprint(tmp_path, (".",))


def test_adding_removing_or_renaming_a_file_changes_the_fingerprint(tmp_path: Path) -> None:
    app = _tree(tmp_path, {"bureau": b"exe", "_internal/lib.so": b"lib"})
    before = compute_fingerprint(app).value
    (tmp_path / "_internal" / "lib.so").rename(tmp_path / "_internal" / "lib2.so")
    renamed = compute_fingerprint(app).value
    (tmp_path / "extra.txt").write_bytes(b"")
    added = compute_fingerprint(app).value
    (tmp_path / "bureau").unlink()
    removed = compute_fingerprint(app).value
    assert len({before, renamed, added, removed}) == 4


def test_pycache_is_left_out(tmp_path: Path) -> None:
    app = _tree(tmp_path, {"ceremony/cli.py": b"x = 1\n"})
    before = compute_fingerprint(app).value
    _tree(tmp_path, {"ceremony/__pycache__/cli.cpython-311.pyc": b"\x00bytecode"})
    assert compute_fingerprint(app).value == before


def test_links_are_followed_and_dangling_links_refused(tmp_path: Path) -> None:
    real = _tree(tmp_path / "real", {"lib.so.6": b"library"})
    linked = _tree(tmp_path / "linked", {})
    (linked.base / "lib.so.6").symlink_to(real.base / "lib.so.6")
    assert compute_fingerprint(linked).value == compute_fingerprint(real).value

    (linked.base / "broken").symlink_to(tmp_path / "nowhere")
    with pytest.raises(FingerprintReadError):
        compute_fingerprint(linked)


def test_a_name_sha256sum_would_escape_is_refused(tmp_path: Path) -> None:
    app = _tree(tmp_path, {"new\nline": b""})
    with pytest.raises(FingerprintReadError):
        compute_fingerprint(app)


def test_missing_or_empty_application_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FingerprintReadError):
        compute_fingerprint(ApplicationFiles("installed", tmp_path, ("ceremony",)))
    with pytest.raises(FingerprintReadError):
        compute_fingerprint(ApplicationFiles("frozen", tmp_path, (".",)))


@pytest.mark.parametrize(
    "sealed",
    ["", "sha256:", "sha256:" + "0" * 63, "sha256:" + "A" * 64, "sha1:" + "0" * 64, "0" * 64],
)
def test_malformed_sealed_value_is_refused(tmp_path: Path, sealed: str) -> None:
    actual = compute_fingerprint(_tree(tmp_path, {"f": b""}))
    with pytest.raises(FingerprintFormatError):
        check_fingerprint(sealed, actual)


def test_to_dict_names_the_definition(tmp_path: Path) -> None:
    fingerprint = compute_fingerprint(_tree(tmp_path, {"f": b"", "g": b""}))
    assert fingerprint.to_dict() == {
        "definition": "bureau-fingerprint/1",
        "kind": "frozen",
        "files": 2,
        "fingerprint": fingerprint.value,
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bureau")
    add_fingerprint_option(parser)
    return parser


@pytest.fixture
def running_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ApplicationFiles:
    """The running application, seen through a still copy of its files.

    Other work in the tree cannot change the files between two computations.
    """
    app = _copy_installed_application(tmp_path)
    monkeypatch.setattr("ceremony.fingerprint.locate_application", lambda: app)
    return app


def test_fingerprint_option_prints_the_running_fingerprint(
    running_copy: ApplicationFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        _parser().parse_args(["--fingerprint"])
    assert exited.value.code == 0
    printed = capsys.readouterr().out
    assert printed.endswith("\n")
    assert printed.strip() == current_fingerprint().value
    assert printed.strip() == _coreutils_fingerprint(running_copy.base, running_copy.members)


def test_fingerprint_files_option_prints_what_is_hashed(
    running_copy: ApplicationFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        _parser().parse_args(["--fingerprint-files"])
    assert exited.value.code == 0
    listing = capsys.readouterr().out.encode()
    assert b"  ceremony/fingerprint.py\n" in listing
    assert current_fingerprint().file_list() == listing


def test_fingerprint_option_reports_a_failure_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A frozen bundle whose folder holds a dangling link cannot be fingerprinted.
    (tmp_path / "bureau").write_bytes(b"")
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere")
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", os.fspath(tmp_path / "bureau"))
    with pytest.raises(SystemExit) as exited:
        _parser().parse_args(["--fingerprint"])
    assert exited.value.code == 1
    assert "empreinte ne peut pas être calculée" in capsys.readouterr().err
